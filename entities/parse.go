package entities

import (
	"context"
	"fmt"

	"github.com/statecraft/statecraft/entities/internal/depparse"
)

// ParseMode says which sentences an [Extractor] gives a dependency parse
// (Token.Head and Token.Dep); set it with [WithParse].
type ParseMode uint8

// The parse modes.
const (
	// ParseArguments parses the sentences that can hold a relation
	// between two of their own mentions: those with at least two PERSON,
	// STATE, ORG or LOCATION mentions. Package relations reads the parse
	// only for such pairs (the dependency path between the two), so a
	// sentence with one such mention or none is left unparsed.
	ParseArguments ParseMode = iota + 1
	// ParseAll parses every sentence.
	ParseAll
	// ParseNone parses nothing: Head and Dep stay unset and the parser's
	// model is never loaded.
	ParseNone
)

// DefaultParse is the parse mode of an Extractor built without
// [WithParse]. It is ParseNone for now: the parser runs at 150,000 to
// 200,000 tokens per second on one core, yet parsing the sentences relations read
// takes the whole pipeline from about 28 to about 18 times
// prose.NewDocument's speed (the target for turning it on is 20), and no
// relation rule reads the parse yet. It becomes ParseArguments once both
// change.
const DefaultParse = ParseNone

// WithParse sets which sentences [Extractor.Extract] parses (see
// [ParseMode]) and whether [Extractor.TagWords] parses its sentence (with
// any mode but ParseNone); an unknown mode restores [DefaultParse].
// Parsing costs about half as much per parsed token as the rest of Extract;
// the package documentation gives the figures.
func WithParse(m ParseMode) Option {
	return func(c *config) {
		if m < ParseArguments || m > ParseNone {
			m = DefaultParse
		}
		c.parse = m
	}
}

// parseScratch is the per-call working memory of parsing.
type parseScratch struct {
	s     depparse.Scratch
	words []string
	tags  []string
	heads []int32
	rels  []depparse.Rel
}

// wantsParse reports whether a sentence whose mentions are ms is parsed
// in mode m.
func wantsParse(m ParseMode, ms []Mention) bool {
	switch m {
	case ParseAll:
		return true
	case ParseArguments:
		args := 0
		for i := range ms {
			switch ms[i].Type {
			case Person, State, Org, Location:
				if args++; args == 2 {
					return true
				}
			}
		}
	}
	return false
}

// parse sets Head and Dep of the tokens of the sentences that the
// Extractor's mode asks for. mentions must be in text order.
func (e *Extractor) parse(ctx context.Context, doc *Document) error {
	if e.parser == nil || e.cfg.parse == ParseNone {
		return nil
	}
	ps := e.parses.Get()
	defer e.parses.Put(ps)
	mi := 0
	for _, st := range doc.Sentences {
		if err := ctx.Err(); err != nil {
			return err
		}
		mj := mi
		for mj < len(doc.Mentions) && doc.Mentions[mj].Start < st.End {
			mj++
		}
		ms := doc.Mentions[mi:mj]
		mi = mj
		if st.TokenEnd <= st.TokenStart || !wantsParse(e.cfg.parse, ms) {
			continue
		}
		if err := e.parseSentence(doc.Tokens[st.TokenStart:st.TokenEnd], st.TokenStart, ps); err != nil {
			return err
		}
	}
	return nil
}

// parseSentence parses toks, the tokens of one sentence, which start at
// index base of the document.
func (e *Extractor) parseSentence(toks []Token, base int, ps *parseScratch) error {
	n := len(toks)
	ps.words, ps.tags = ps.words[:0], ps.tags[:0]
	for i := range toks {
		ps.words = append(ps.words, toks[i].Text)
		ps.tags = append(ps.tags, toks[i].Tag)
	}
	if cap(ps.heads) < n {
		ps.heads = make([]int32, n)
		ps.rels = make([]depparse.Rel, n)
	}
	heads, rels := ps.heads[:n], ps.rels[:n]
	if err := e.parser.Parse(ps.words, ps.tags, heads, rels, &ps.s); err != nil {
		return fmt.Errorf("entities: internal error: parsing a sentence of %d tokens: %w", n, err)
	}
	for i := range toks {
		toks[i].Head = -1
		if h := heads[i]; h >= 0 {
			toks[i].Head = base + int(h)
		}
		toks[i].Dep = e.parser.Label(rels[i])
	}
	// Do not keep a long sentence's buffers (the parser's scratch holds
	// about 100 bytes per word): past 4,096 words, start afresh.
	if cap(ps.words) > 1<<12 {
		*ps = parseScratch{}
	}
	clear(ps.words)
	clear(ps.tags)
	return nil
}
