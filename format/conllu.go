package format

import (
	"bufio"
	"io"
	"strconv"
	"strings"
)

// WriteCoNLLU writes d in CoNLL-U, the format of Universal Dependencies:
// for each sentence, comment lines with the document id (first sentence
// only), the sentence's number and its text, then one line per token with
// the ten tab-separated columns
//
//	ID FORM LEMMA UPOS XPOS FEATS HEAD DEPREL DEPS MISC
//
// ID counts from 1 in each sentence; XPOS is the token's Penn Treebank tag
// and UPOS its Universal POS tag as UD's conversion table maps it (AUX
// for a verb the parse makes an auxiliary or copula); HEAD
// (0 for the root) and DEPREL are statecraft's parse, "_" in a sentence
// that was not parsed; LEMMA, FEATS and DEPS are "_". MISC carries the
// token's byte offsets into the text (Start=, End=), its mention in BIO
// form with statecraft's types (Entity=B-STATE, Entity=I-ORG), and what
// separates the token from the next as UD writes it: nothing for one
// space, SpaceAfter=No for none, SpacesAfter=\n\n (escaped: \s, \t, \n,
// \r, \\, \p) for anything else, so that FORM and MISC give the text
// back. A sentence
// ends with a blank line. Whitespace inside a token, which the tokenizer
// never produces, is written as "_"; control characters in the text
// comment are replaced by spaces.
//
//	# newdoc id = doc-1
//	# sent_id = 1
//	# text = Abkhazia was recognized by Russia.
//	1	Abkhazia	_	PROPN	NNP	_	3	nsubj:pass	_	Start=0|End=8|Entity=B-STATE
func WriteCoNLLU(w io.Writer, d *Doc) error {
	bw := bufio.NewWriter(w)
	ms := d.Entities
	mi := 0
	newdoc := d.ID != ""
	for si, s := range d.Sentences {
		if s.TokenStart < 0 || s.TokenEnd > len(d.Tokens) || s.TokenStart >= s.TokenEnd {
			continue
		}
		if newdoc {
			bw.WriteString("# newdoc id = " + commentText(d.ID) + "\n")
			newdoc = false
		}
		bw.WriteString("# sent_id = " + strconv.Itoa(si+1) + "\n")
		if s.Start >= 0 && s.Start <= s.End && s.End <= len(d.Text) {
			bw.WriteString("# text = " + commentText(d.Text[s.Start:s.End]) + "\n")
		}
		toks := d.Tokens[s.TokenStart:s.TokenEnd]
		for i, t := range toks {
			head, dep := "_", "_"
			if t.Dep != "" {
				dep = t.Dep
				switch {
				case t.Head < 0:
					head = "0"
				case t.Head >= s.TokenStart && t.Head < s.TokenEnd:
					head = strconv.Itoa(t.Head - s.TokenStart + 1)
				default: // a head outside the sentence: not a tree
					head, dep = "_", "_"
				}
			}
			xpos := t.Tag
			if xpos == "" {
				xpos = "_"
			}
			up := upos(t.Tag)
			if up == "VERB" && (dep == "cop" || dep == "aux" || strings.HasPrefix(dep, "aux:")) || t.Tag == "MD" {
				up = "AUX" // as UD tags auxiliaries and copulas
			}
			var misc strings.Builder
			misc.WriteString("Start=" + strconv.Itoa(t.Start) + "|End=" + strconv.Itoa(t.End))
			for mi < len(ms) && ms[mi].End <= t.Start {
				mi++
			}
			if mi < len(ms) && ms[mi].Start < t.End {
				b := "I-"
				if ms[mi].Start >= t.Start {
					b = "B-"
				}
				misc.WriteString("|Entity=" + b + string(ms[mi].Type))
			}
			// What follows the token up to the next one, as UD writes it:
			// nothing for one space, SpaceAfter=No for none, SpacesAfter
			// with escapes for anything else.
			next := len(d.Text)
			if k := s.TokenStart + i + 1; k < len(d.Tokens) {
				next = d.Tokens[k].Start
			}
			if t.End <= next && next <= len(d.Text) && t.End >= 0 {
				switch gap := d.Text[t.End:next]; {
				case gap == "" && next < len(d.Text):
					misc.WriteString("|SpaceAfter=No")
				case gap != " " && gap != "":
					misc.WriteString("|SpacesAfter=" + spacesAfter(gap))
				}
			}
			bw.WriteString(strconv.Itoa(i+1) + "\t" + conllToken(t.Text) + "\t_\t" + up + "\t" + conllToken(xpos) + "\t_\t" +
				head + "\t" + dep + "\t_\t" + misc.String() + "\n")
		}
		bw.WriteString("\n")
	}
	return bw.Flush()
}

// spacesAfter escapes the text between two tokens as UD's SpacesAfter
// does: \s for a space, \t, \n and \r, \\ for a backslash and \p for a
// vertical bar, other bytes as they are.
func spacesAfter(gap string) string {
	r := strings.NewReplacer(`\`, `\\`, " ", `\s`, "\t", `\t`, "\n", `\n`, "\r", `\r`, "|", `\p`)
	return r.Replace(gap)
}

// commentText returns s on one line: line breaks, tabs and other control
// characters become spaces.
func commentText(s string) string {
	return strings.Map(func(r rune) rune {
		if r < 0x20 || r == 0x7f || r == 0x85 || r == 0x2028 || r == 0x2029 {
			return ' '
		}
		return r
	}, s)
}

// upos returns the Universal POS tag of a Penn Treebank tag, as the
// conversion table of Universal Dependencies maps it ("X" for an unknown
// tag, "_" for none).
func upos(ptb string) string {
	switch ptb {
	case "":
		return "_"
	case "NN", "NNS":
		return "NOUN"
	case "NNP", "NNPS":
		return "PROPN"
	case "VB", "VBD", "VBG", "VBN", "VBP", "VBZ":
		return "VERB"
	case "MD":
		return "AUX"
	case "JJ", "JJR", "JJS":
		return "ADJ"
	case "RB", "RBR", "RBS", "WRB":
		return "ADV"
	case "PRP", "WP", "EX":
		return "PRON"
	case "PRP$", "WP$", "DT", "PDT", "WDT":
		return "DET"
	case "IN":
		return "ADP"
	case "CC":
		return "CCONJ"
	case "CD":
		return "NUM"
	case "RP", "POS", "TO":
		return "PART"
	case "UH":
		return "INTJ"
	case "SYM", "$", "#":
		return "SYM"
	case ".", ",", ":", "``", "''", "-LRB-", "-RRB-", "(", ")", "\"", "HYPH", "NFP":
		return "PUNCT"
	case "FW", "LS":
		return "X"
	}
	return "X"
}
