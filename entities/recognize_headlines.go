// This file holds the pass over headlines written in title case
// (dropTitleCaseGuesses): "Netanyahu Pledges Effort To Sell Syria Deal"
// capitalises every word, so capitals there say nothing about names.

package entities

import (
	"context"
	"strings"
)

// minTitleCaseWords is the fewest words of a title-case headline.
const minTitleCaseWords = 4

// isTitleCase reports whether toks are a line in title case: at least
// minTitleCaseWords words, nine in ten of them capitalised, most of those
// in mixed case (not a line in capitals, such as "SOCCER - JAPAN GET
// LUCKY WIN"), and at least one capitalised verb or function word after
// the first that news writes in lower case ("Says", "With", "To"), which
// a list of names or a byline ("Dmitry Solovyov, Moscow Newsroom") would
// not have.
func (r *recognizer) isTitleCase(toks []Token) bool {
	words, capital, mixed, common := 0, 0, 0, false
	for i, t := range toks {
		if t.Text == "" {
			continue
		}
		c := t.Text[0]
		if !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z') {
			continue
		}
		words++
		if c < 'A' || c > 'Z' {
			continue
		}
		capital++
		if strings.ToUpper(t.Text) != t.Text {
			mixed++
		}
		if i > 0 && len(t.Text) > 1 && headlineTag(t.Tag) && r.isCommonWord(t.Text) {
			common = true
		}
	}
	return words >= minTitleCaseWords && capital*10 >= words*9 && mixed*2 > capital && common
}

// dropTitleCaseGuesses removes from ms the names that only the
// statistical model found in title-case lines (see isTitleCase), unless
// the text of the document outside such lines names them too: the
// mention's text, or one of its words that is no common word, is a
// mention found there or one of its words ("Kushner" beside "Jared
// Kushner", "A. Mullally" beside "Mullally"). Gazetteer, rule and date mentions stay. ms
// stays in text order.
func (r *recognizer) dropTitleCaseGuesses(ctx context.Context, doc *Document, ms []Mention) ([]Mention, error) {
	var title []bool // by sentence
	found := false
	for si, st := range doc.Sentences {
		if every(si, checkSentences) {
			if err := ctx.Err(); err != nil {
				return nil, err
			}
		}
		toks := doc.Tokens[st.TokenStart:st.TokenEnd]
		if len(toks) >= minTitleCaseWords && r.isTitleCase(toks) {
			if title == nil {
				title = make([]bool, len(doc.Sentences))
			}
			title[si], found = true, true
		}
	}
	if !found {
		return ms, nil
	}
	known := map[string]bool{} // texts and words of the mentions outside title-case lines
	for i := range ms {
		if every(i, checkMentions) {
			if err := ctx.Err(); err != nil {
				return nil, err
			}
		}
		if m := &ms[i]; !title[m.Sentence] {
			known[m.Text] = true
			for _, w := range strings.Fields(m.Text) {
				known[w] = true
			}
		}
	}
	out := ms[:0]
	for i, m := range ms {
		if every(i, checkMentions) {
			if err := ctx.Err(); err != nil {
				return nil, err
			}
		}
		if title[m.Sentence] && m.Source == FromModel && !r.namedElsewhere(m.Text, known) {
			continue
		}
		out = append(out, m)
	}
	return out, nil
}

// headlineTag reports whether a part-of-speech tag is a verb's or a
// function word's.
func headlineTag(tag string) bool {
	switch tag {
	case "IN", "TO", "CC", "DT", "PRP", "PRP$", "MD", "RB", "WDT", "WP", "WRB":
		return true
	}
	return strings.HasPrefix(tag, "VB")
}

// namedElsewhere reports whether text, or one of its words of three
// letters or more that is no common word, is in known.
func (r *recognizer) namedElsewhere(text string, known map[string]bool) bool {
	if known[text] {
		return true
	}
	for _, w := range strings.Fields(text) {
		if len(w) >= 3 && known[w] && !r.isCommonWord(w) {
			return true
		}
	}
	return false
}
