package format

import (
	"bufio"
	"fmt"
	"io"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/statecraft/statecraft/entities"
)

// WriteCoNLL writes d in CoNLL form: a "-DOCSTART- -X- O" line and a blank
// line, then one token per line with three space-separated columns (the
// token, its Penn Treebank POS tag, its BIO tag with statecraft's types:
// B-STATE, I-ORG, O, ...) and a blank line after each sentence:
//
//	-DOCSTART- -X- O
//
//	Russia NNP B-STATE
//	, , O
//	Abkhazia NNP B-STATE
//
// Every mention is a run of whole tokens: a token that a mention covers
// only in part ("Moscow-led", "post-Soviet") is cut at the mention's
// boundaries, and each piece keeps the token's POS tag ("Moscow NNP
// B-LOCATION", "-led NNP O"). Adjectival mentions are tagged with their
// type like the others (CoNLL-2003 would call "Russian" MISC). Whitespace
// inside a token, which statecraft's tokenizer never produces, would be
// written as "_".
func WriteCoNLL(w io.Writer, d *Doc) error {
	bw := bufio.NewWriter(w)
	bw.WriteString("-DOCSTART- -X- O\n\n")
	ms := d.Entities
	mi := 0 // first mention that may end after the current position
	for _, s := range d.Sentences {
		if s.TokenStart < 0 || s.TokenEnd > len(d.Tokens) || s.TokenStart >= s.TokenEnd {
			continue
		}
		for _, t := range d.Tokens[s.TokenStart:s.TokenEnd] {
			pos := t.Tag
			if pos == "" {
				pos = "_"
			}
			// Cut the token at mention boundaries inside it.
			for start := t.Start; start < t.End; {
				for mi < len(ms) && ms[mi].End <= start {
					mi++
				}
				end := t.End
				tag := "O"
				if mi < len(ms) {
					m := &ms[mi]
					switch {
					case m.Start <= start: // inside m
						end = min(end, m.End)
						tag = "I-" + string(m.Type)
						if m.Start == start || start == t.Start && t.Start == d.Tokens[s.TokenStart].Start {
							tag = "B-" + string(m.Type)
						}
					case m.Start < end: // m starts inside the token
						end = m.Start
					}
				}
				if end <= start { // an empty mention; step over it
					mi++
					continue
				}
				fmt.Fprintf(bw, "%s %s %s\n", conllToken(d.Text[start:end]), pos, tag)
				start = end
			}
		}
		bw.WriteString("\n")
	}
	return bw.Flush()
}

// conllToken returns s with whitespace replaced by "_".
func conllToken(s string) string {
	if !strings.ContainsFunc(s, unicode.IsSpace) {
		return s
	}
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return '_'
		}
		return r
	}, s)
}

// CoNLLToken is one token line of a CoNLL file. Start and End are byte
// offsets set by [CoNLLDoc.JoinText] or [AlignCoNLL]; -1 before.
type CoNLLToken struct {
	Text  string // the first column
	POS   string // the second column when there are three or more, else ""
	Tag   string // the last column: O, B-TYPE, I-TYPE (also IOB1, E-, S-)
	Start int
	End   int
}

// CoNLLDoc is one document of a CoNLL file (the lines after a -DOCSTART-
// line, or the whole file when it has none).
type CoNLLDoc struct {
	Sentences [][]CoNLLToken
	// Text is the text the token offsets refer to, once set by
	// [CoNLLDoc.JoinText] or [AlignCoNLL].
	Text string
}

// ReadCoNLL reads a CoNLL file: one token per line, the token in the first
// column and the BIO tag in the last (space- or tab-separated), a POS tag
// in the second when there are at least three columns, blank lines between
// sentences, "-DOCSTART-" lines between documents. It reads
// CoNLL-2003 files and the output of [WriteCoNLL].
func ReadCoNLL(r io.Reader) ([]CoNLLDoc, error) {
	var (
		docs []CoNLLDoc
		cur  CoNLLDoc
		sent []CoNLLToken
		line int
	)
	endSentence := func() {
		if len(sent) > 0 {
			cur.Sentences = append(cur.Sentences, sent)
			sent = nil
		}
	}
	endDoc := func() {
		endSentence()
		if len(cur.Sentences) > 0 {
			docs = append(docs, cur)
		}
		cur = CoNLLDoc{}
	}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64<<10), 16<<20)
	for sc.Scan() {
		line++
		f := strings.Fields(sc.Text())
		if len(f) == 0 {
			endSentence()
			continue
		}
		if f[0] == "-DOCSTART-" {
			endDoc()
			continue
		}
		if len(f) < 2 {
			return nil, fmt.Errorf("formats: CoNLL line %d: want a token and a tag", line)
		}
		tag := f[len(f)-1]
		if tag != "O" && (len(tag) < 3 || tag[1] != '-' || !strings.ContainsRune("BIES", rune(tag[0]))) {
			return nil, fmt.Errorf("formats: CoNLL line %d: bad tag %q", line, tag)
		}
		t := CoNLLToken{Text: f[0], Tag: tag, Start: -1, End: -1}
		if len(f) >= 3 {
			t.POS = f[1]
		}
		sent = append(sent, t)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("formats: reading CoNLL: %w", err)
	}
	endDoc()
	return docs, nil
}

// JoinText rebuilds a text from d's tokens, one sentence a line, tokens
// separated by spaces, and sets the tokens' offsets into it (as
// examples/evaluate scores CoNLL-2003 files). It returns the text.
func (d *CoNLLDoc) JoinText() string {
	var b strings.Builder
	for si, s := range d.Sentences {
		if si > 0 {
			b.WriteByte('\n')
		}
		for ti := range s {
			if ti > 0 {
				b.WriteByte(' ')
			}
			s[ti].Start = b.Len()
			b.WriteString(s[ti].Text)
			s[ti].End = b.Len()
		}
	}
	d.Text = b.String()
	return d.Text
}

// AlignCoNLL finds d's tokens, in order, in text (the original text the
// CoNLL file was made from), skipping whitespace between them, and sets
// their offsets. A token written with "_" for whitespace matches that
// whitespace. It fails at the first token that is not found where
// expected.
func AlignCoNLL(d *CoNLLDoc, text string) error {
	pos := 0
	for si, s := range d.Sentences {
		for ti := range s {
			for pos < len(text) {
				r, n := utf8.DecodeRuneInString(text[pos:])
				if !unicode.IsSpace(r) {
					break
				}
				pos += n
			}
			tok := s[ti].Text
			end, ok := matchToken(text, pos, tok)
			if !ok {
				snip := text[pos:min(len(text), pos+len(tok)+10)]
				return fmt.Errorf("formats: CoNLL sentence %d token %d %q not found at byte %d (text there: %q)", si+1, ti+1, tok, pos, snip)
			}
			s[ti].Start, s[ti].End = pos, end
			pos = end
		}
	}
	d.Text = text
	return nil
}

// matchToken reports whether tok occurs in text at pos, "_" in tok also
// matching a whitespace rune, and returns the end of the match.
func matchToken(text string, pos int, tok string) (int, bool) {
	if strings.HasPrefix(text[pos:], tok) {
		return pos + len(tok), true
	}
	if !strings.Contains(tok, "_") {
		return 0, false
	}
	for _, r := range tok {
		if pos >= len(text) {
			return 0, false
		}
		tr, n := utf8.DecodeRuneInString(text[pos:])
		if tr != r && !(r == '_' && unicode.IsSpace(tr)) {
			return 0, false
		}
		pos += n
	}
	return pos, true
}

// Mentions returns the entity spans of d's BIO tags as mentions with
// Type, Start, End, Text and Sentence (the index of the sentence in d).
// Offsets come from [CoNLLDoc.JoinText] or [AlignCoNLL], which must have
// been called. Tags are read leniently: I- after O or after another type
// starts a mention (IOB1), E- continues one like I-, S- starts one like
// B-.
func (d *CoNLLDoc) Mentions() []entities.Mention {
	var out []entities.Mention
	for si, s := range d.Sentences {
		open := false
		for _, t := range s {
			if t.Tag == "O" {
				open = false
				continue
			}
			typ := t.Tag[2:]
			cont := (t.Tag[0] == 'I' || t.Tag[0] == 'E') && open && string(out[len(out)-1].Type) == typ
			if cont {
				out[len(out)-1].End = t.End
			} else {
				out = append(out, entities.Mention{Type: entities.Type(typ), Start: t.Start, End: t.End, Sentence: si})
			}
			open = true
		}
	}
	for i := range out {
		if m := &out[i]; m.Start >= 0 && m.Start <= m.End && m.End <= len(d.Text) {
			m.Text = d.Text[m.Start:m.End]
		}
	}
	return out
}
