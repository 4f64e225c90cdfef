// This file holds the acronyms that a document defines ("Full Name
// (ACR)", "ACR (Full Name)"): learnAcronyms and its helpers.

package entities

import (
	"slices"
	"strings"
)

// learnAcronyms records definitions "Full Name (ACR)" and "ACR (Full
// Name)" among the mentions
// found so far, so that later uses of ACR are mentions of the same entity,
// and makes the ACR in parentheses a mention of it too. A definition in
// the document outranks the gazetteer's reading of the acronym (an
// article's "CMC" is what it defines, whatever else CMC stands for). It
// returns ms with the acronyms in parentheses linked.
func (r *recognizer) learnAcronyms(doc *Document, ms []Mention, from int, s *recScratch) []Mention {
	for k := from; k < len(ms); k++ {
		m := ms[k]
		if m.Type == Date || m.Adjectival || m.Type == Person {
			continue
		}
		if as, ae, ok := acronymBefore(doc.Text, m); ok {
			// "ACR (Full Name)": the acronym before the parenthesis.
			acr := doc.Text[as:ae]
			if s.acros == nil {
				s.acros = map[string]Mention{}
			}
			if _, ok := s.acros[acr]; !ok {
				s.acros[acr] = m
			}
			am := s.acros[acr]
			am.Text, am.Start, am.End, am.Source, am.Score = acr, as, ae, FromRule, 0.85
			am.Adjectival, am.Value, am.Mod, am.Metonymy, am.Alternatives = false, "", "", false, nil
			switch {
			case k > 0 && ms[k-1].Start == as && ms[k-1].End == ae:
				am.Sentence = ms[k-1].Sentence
				ms[k-1] = am
			case k == 0 || ms[k-1].End <= as:
				if si := sentenceAt(doc, as); si >= 0 {
					am.Sentence = si
					ms = slices.Insert(ms, k, am)
					k++
				}
			}
			continue
		}
		rest := doc.Text[m.End:]
		trim := strings.TrimLeft(rest, " \t")
		if !strings.HasPrefix(trim, "(") {
			continue
		}
		close := strings.IndexByte(trim, ')')
		if close < 2 || close > 12 {
			continue
		}
		acr := trim[1:close]
		if !isAcronym(acr) || !initialsMatch(acr, m.Text) {
			continue
		}
		if s.acros == nil {
			s.acros = map[string]Mention{}
		}
		if _, ok := s.acros[acr]; !ok {
			s.acros[acr] = m
		}
		// The acronym in parentheses names the same entity.
		as := m.End + (len(rest) - len(trim)) + 1
		am := s.acros[acr]
		am.Text, am.Start, am.End, am.Source, am.Score = acr, as, as+len(acr), FromRule, 0.85
		am.Adjectival, am.Value, am.Mod, am.Metonymy, am.Alternatives = false, "", "", false, nil
		switch {
		case k+1 < len(ms) && ms[k+1].Start == am.Start && ms[k+1].End == am.End:
			am.Sentence = ms[k+1].Sentence
			ms[k+1] = am
		case k+1 == len(ms) || ms[k+1].Start >= am.End:
			if si := sentenceAt(doc, am.Start); si >= 0 {
				am.Sentence = si
				ms = slices.Insert(ms, k+1, am)
			}
		}
	}
	return ms
}

// acronymBefore finds the definition "ACR (Full Name)" of mention m: m
// alone in parentheses, right after a word of capitals whose letters are
// initials of m ("CSTO (Collective Security Treaty Organization)"). It
// returns the acronym's span.
func acronymBefore(text string, m Mention) (start, end int, ok bool) {
	if !strings.HasPrefix(strings.TrimLeft(text[m.End:], " \t"), ")") {
		return 0, 0, false
	}
	before := strings.TrimRight(text[:m.Start], " \t")
	if !strings.HasSuffix(before, "(") {
		return 0, 0, false
	}
	end = len(strings.TrimRight(before[:len(before)-1], " \t"))
	start = end
	for start > 0 && end-start < 10 {
		c := text[start-1]
		if !('A' <= c && c <= 'Z') && !('0' <= c && c <= '9') {
			break
		}
		start--
	}
	if start > 0 {
		if c := text[start-1]; c != ' ' && c != '\t' && c != '\n' && c != '(' && c != '"' {
			return 0, 0, false // inside a longer word
		}
	}
	acr := text[start:end]
	if !isAcronym(acr) || !initialsMatch(acr, m.Text) {
		return 0, 0, false
	}
	return start, end, true
}

// sentenceAt returns the index of the sentence holding byte offset off, or
// -1 when none does.
func sentenceAt(doc *Document, off int) int {
	i, found := slices.BinarySearchFunc(doc.Sentences, off, func(s Sentence, off int) int {
		switch {
		case s.End <= off:
			return -1
		case s.Start > off:
			return 1
		}
		return 0
	})
	if !found {
		return -1
	}
	return i
}

// isAcronym reports whether s is 2 to 10 capitals (digits allowed after
// the first).
func isAcronym(s string) bool {
	if len(s) < 2 || len(s) > 10 || s[0] < 'A' || s[0] > 'Z' {
		return false
	}
	for i := 1; i < len(s); i++ {
		if c := s[i]; !('A' <= c && c <= 'Z') && !('0' <= c && c <= '9') {
			return false
		}
	}
	return true
}

// initialsMatch reports whether the capitals of acr appear, in order, as
// initials of the words of name: CSTO for Collective Security Treaty
// Organization.
func initialsMatch(acr, name string) bool {
	var initials []byte
	for _, w := range strings.Fields(name) {
		if c := w[0]; 'A' <= c && c <= 'Z' {
			initials = append(initials, c)
		}
	}
	// Every letter of the acronym must be found in order among the initials.
	k := 0
	for i := 0; i < len(acr) && k <= len(initials); i++ {
		c := acr[i]
		if c < 'A' || c > 'Z' {
			continue
		}
		for k < len(initials) && initials[k] != c {
			k++
		}
		if k == len(initials) {
			return false
		}
		k++
	}
	return len(initials) >= 2
}
