package relations

import (
	"slices"
	"sort"
	"strings"

	"github.com/statecraft/statecraft/entities"
)

// reset prepares s for sentence si of the document: tokens, lower-case
// forms, stems ([Sentence.resetTokens]), the mentions' token ranges
// ([Sentence.placeMentions]), entity phrases and groups.
func (s *Sentence) reset(si int) {
	doc := s.Doc
	st := doc.Sentences[si]
	s.Index = si
	s.toks = doc.Tokens[st.TokenStart:st.TokenEnd]
	s.Tokens = s.toks
	n := len(s.toks)
	s.resetTokens(n)
	s.m0, s.m1 = s.dc.sentMentions(si)
	s.mts = resizeInt(s.mts, s.m1-s.m0, -1)
	s.mte = resizeInt(s.mte, s.m1-s.m0, -1)
	s.placeMentions()
	s.eps = s.eps[:0]
	s.groups = s.groups[:0]
	s.persons = s.persons[:0]
	s.rels = s.rels[:0]
	s.budget = 8*n + 64
	s.sentDate, s.sentDateDone = "", false
	s.findModifiers()
	s.findPhrases()
	s.findGroups()
	s.anas = s.anas[:0]
	s.anaAt = resizeInt(s.anaAt, n, -1)
	s.resolvePronouns()
	s.resolveAnaphors()
}

// resetTokens sizes the per-token slices of s for the n tokens of the
// sentence, cleared, and fills in each token's lower-case form, stem,
// word classes and cues.
func (s *Sentence) resetTokens(n int) {
	s.low = resize(s.low, n)
	s.stm = resize(s.stm, n)
	s.ment = resizeInt(s.ment, n, -1)
	s.epAt = resizeInt(s.epAt, n, -1)
	s.tailAt = resizeInt(s.tailAt, n, -1)
	s.grpAt = resizeInt(s.grpAt, n, -1)
	s.innerAt = resizeInt(s.innerAt, n, -1)
	s.modAt = s.modAt[:0]
	for i := 0; i < n; i++ {
		s.modAt = append(s.modAt, false)
	}
	if s.words == nil {
		s.words = new(wordMemo)
	}
	s.cls = slices.Grow(s.cls[:0], n)[:n]
	s.wcue = slices.Grow(s.wcue[:0], n)[:n]
	for i, t := range s.toks {
		f := s.words.forms(s.x, t.Text)
		s.low[i], s.stm[i], s.cls[i], s.wcue[i] = f.low, f.stm, f.cls, f.cue
	}
}

// placeMentions records the token range of each mention of the sentence
// whose tokens cover it exactly ([Sentence.mentionEnd]) and that may be
// an argument ([Sentence.usableMention]). A vague time ("now", "the
// current president", "recently") anchors nothing and its words belong
// to the clause.
func (s *Sentence) placeMentions() {
	n := len(s.toks)
	k := 0
	for m := s.m0; m < s.m1; m++ {
		mm := &s.Doc.Mentions[m]
		if mm.Type == entities.Date && strings.HasSuffix(mm.Value, "_REF") {
			continue
		}
		for k < n && s.toks[k].End <= mm.Start {
			k++
		}
		if k >= n {
			continue
		}
		e, ok := s.mentionEnd(m, k)
		if !ok || !s.usableMention(m, k, e) {
			continue
		}
		s.mts[m-s.m0], s.mte[m-s.m0] = k, e
		for i := k; i < e; i++ {
			s.ment[i] = m
		}
	}
}

// mentionEnd returns the end of the tokens [k, e) that cover mention m
// exactly, k being the first token that ends after the mention's start.
// A mention inside a token ("Russia-Belarus") has no tokens of its own:
// it is recorded as the token's first inner mention, and mentionEnd
// reports false, as for a mention that ends inside a token.
func (s *Sentence) mentionEnd(m, k int) (int, bool) {
	mm := &s.Doc.Mentions[m]
	n := len(s.toks)
	if s.toks[k].Start != mm.Start {
		// A mention inside a token: "Russia-Belarus".
		if s.toks[k].Start < mm.Start && mm.End <= s.toks[k].End && s.innerAt[k] < 0 {
			s.innerAt[k] = m
		}
		return 0, false
	}
	e := k
	for e < n && s.toks[e].End <= mm.End {
		e++
	}
	if e == k || s.toks[e-1].End != mm.End {
		if e == k && mm.End < s.toks[k].End && s.innerAt[k] < 0 {
			s.innerAt[k] = m
		}
		return 0, false
	}
	return e, true
}

// usableMention reports whether mention m at tokens [k, e) may be an
// argument: no earlier mention holds its tokens, and it is neither a
// name of a state used for a US state or another non-sovereign place
// ([Sentence.notStateContext]: "Georgia, the US state") nor a person
// named like an institution ([implausiblePerson]).
func (s *Sentence) usableMention(m, k, e int) bool {
	for i := k; i < e; i++ {
		if s.ment[i] >= 0 {
			return false
		}
	}
	mm := &s.Doc.Mentions[m]
	return !(mm.Type == sta && len(mm.Alternatives) > 0 && s.notStateContext(k, e) || implausiblePerson(mm))
}

func resize(b []string, n int) []string {
	if cap(b) < n {
		return make([]string, n)
	}
	return b[:n]
}

func resizeInt(b []int, n, v int) []int {
	if cap(b) < n {
		b = make([]int, n)
	}
	b = b[:n]
	for i := range b {
		b[i] = v
	}
	return b
}

// isEntityType reports whether a mention type can be an argument.
func isEntityType(t entities.Type) bool {
	return t == per || t == sta || t == org || t == loc
}

// findModifiers marks mentions that modify a following common noun ("NATO
// entry", "EU leaders", "Russian peacekeepers"); they are not entity
// phrases of their own.
func (s *Sentence) findModifiers() {
	n := len(s.toks)
	for m := s.m0; m < s.m1; m++ {
		a := s.mts[m-s.m0]
		if a < 0 {
			continue
		}
		mm := s.m(m)
		if !isEntityType(mm.Type) {
			continue
		}
		e := s.mte[m-s.m0]
		if mm.Adjectival {
			s.modAt[a] = true
			continue
		}
		if e < n && s.ment[e] < 0 && (s.toks[e].Tag == "NN" || s.toks[e].Tag == "NNS") && isWordy(s.low[e]) && !s.misTaggedVerb(e) && !timeNouns[s.low[e]] {
			s.modAt[a] = true
		}
	}
}

// timeNouns are adverbs of time that taggers read as nouns; they do not
// make the name before them a modifier ("attacked Odesa overnight").
var timeNouns = set(words("timeNouns")...)

// addEP records an entity phrase unless it overlaps an earlier one.
func (s *Sentence) addEP(start, end, m int) bool {
	for i := start; i < end; i++ {
		if s.epAt[i] >= 0 {
			return false
		}
	}
	e := len(s.eps)
	s.eps = append(s.eps, ephrase{start: start, end: end, m: m, hs: s.mStart(m), he: s.mEnd(m), group: -1})
	for i := start; i < end; i++ {
		s.epAt[i] = e
	}
	return true
}

// findPhrases builds the entity phrases: titled and apposed persons
// (recording official-of on the way), definite descriptions, states
// standing for their forces ([Sentence.forcePhrase]), and plain mentions;
// then it indexes them by token and lists the persons.
func (s *Sentence) findPhrases() {
	// Persons with titles and appositions.
	for m := s.m0; m < s.m1; m++ {
		a := s.mts[m-s.m0]
		if a < 0 || s.m(m).Type != per {
			continue
		}
		s.personPhrase(m)
	}
	// Definite descriptions in subject position: "The Abkhazian official
	// also noted".
	s.descriptions()
	// States for their forces or government: "Russian troops", "Russia's
	// army".
	for m := s.m0; m < s.m1; m++ {
		s.forcePhrase(m)
	}
	// Plain mentions.
	for m := s.m0; m < s.m1; m++ {
		a := s.mts[m-s.m0]
		if a < 0 || s.epAt[a] >= 0 || s.modAt[a] || !isEntityType(s.m(m).Type) {
			continue
		}
		s.addEP(a, s.mte[m-s.m0], m)
	}
	sort.Slice(s.eps, func(i, j int) bool { return s.eps[i].start < s.eps[j].start })
	for i := range s.epAt {
		s.epAt[i] = -1
	}
	for i, ep := range s.eps {
		for k := ep.start; k < ep.end; k++ {
			s.epAt[k] = i
		}
		if s.m(ep.m).Type == per {
			s.persons = append(s.persons, i)
		}
	}
}

// forcePhrase builds the entity phrase of mention m, not yet in a
// phrase, when it is a state, an organisation or an adjectival or
// metonymic place standing for its forces or government: before a force
// noun, after a possessive and one adjective ("Russian troops", "Russia's
// army", "Russian military forces"), or an adjective sharing the force
// noun of the last one ("Israeli and Egyptian officials",
// [Sentence.sharedForceNoun]).
func (s *Sentence) forcePhrase(m int) {
	n := len(s.toks)
	a := s.mts[m-s.m0]
	if a < 0 || s.epAt[a] >= 0 {
		return
	}
	mm := s.m(m)
	if mm.Type != sta && mm.Type != org && !(mm.Type == loc && (mm.Adjectival || mm.Metonymy)) {
		return
	}
	e := s.mte[m-s.m0]
	if e < n && (s.low[e] == "'s" || s.low[e] == "'") {
		e++
	}
	// Allow one adjective: "Russian military forces".
	if e+1 < n && isAdjTag(s.toks[e].Tag) && s.ment[e] < 0 && forceNouns[s.low[e+1]] {
		e++
	}
	if e < n && s.ment[e] < 0 && forceNouns[s.low[e]] && s.addEP(a, e+1, m) {
		s.eps[len(s.eps)-1].force = true
		return
	}
	if mm.Adjectival && s.sharedForceNoun(e) && s.addEP(a, e, m) {
		// "Israeli and Egyptian officials": each adjective stands
		// for its state; the last one takes the noun above.
		s.eps[len(s.eps)-1].force = true
	}
}

// findGroups coordinates adjacent entity phrases joined by commas, "and",
// "or", "as well as"; a list joined by commas alone needs three members of
// the same type. A tail such as "and a few other countries" or "and
// others" is absorbed.
func (s *Sentence) findGroups() {
	n := len(s.toks)
	i := 0
	for i < len(s.eps) {
		members := []int{i}
		conj := false
		j := i
		for j+1 < len(s.eps) {
			a, b := s.eps[j], s.eps[j+1]
			sep, hasConj := s.separator(a.end, b.start)
			if !sep || !compatible(s.m(a.m).Type, s.m(b.m).Type) {
				break
			}
			conj = conj || hasConj
			members = append(members, j+1)
			j++
		}
		if len(members) > 1 && !conj {
			// Commas alone: a list only if three or more of one type.
			same := true
			for _, e := range members {
				if s.m(s.eps[e].m).Type != s.m(s.eps[i].m).Type {
					same = false
				}
			}
			if len(members) < 3 || !same {
				members = members[:1]
			}
		}
		g := len(s.groups)
		end := s.eps[members[len(members)-1]].end
		end = s.absorbTail(end, n)
		s.groups = append(s.groups, group{start: s.eps[i].start, end: end, members: members})
		for k := s.eps[members[len(members)-1]].end; k < end; k++ {
			s.tailAt[k] = g
		}
		for k := s.eps[i].start; k < end; k++ {
			s.grpAt[k] = g
		}
		for _, e := range members {
			s.eps[e].group = g
		}
		i = members[len(members)-1] + 1
	}
}

// separator reports whether tokens [a, b) join two coordinated phrases,
// and whether they contain a conjunction.
func (s *Sentence) separator(a, b int) (ok, conj bool) {
	if a >= b {
		return false, false
	}
	k := a
	comma := false
	if s.low[k] == "," {
		comma = true
		k++
	}
	if k < b {
		switch s.low[k] {
		case "and", "or", "&", "and/or", "plus", "nor":
			conj = true
			k++
		case "as":
			if k+2 < b+1 && k+2 <= b && s.low[k+1] == "well" && k+2 < len(s.low) && s.low[k+2] == "as" {
				conj = true
				k += 3
			}
		}
	}
	for k < b && (s.low[k] == "the" || s.low[k] == "both" || s.low[k] == "also") {
		k++
	}
	return k == b && (comma || conj), conj
}

// compatible reports whether two mention types may be coordinated: persons
// with persons, the others with one another.
func compatible(a, b entities.Type) bool { return (a == per) == (b == per) }

// absorbTail extends a group ending at token end over "etc.", "among
// others", or a tail after "and" or "or" ([Sentence.otherTail]: "and (a
// few) other countries", "and others"); n is the sentence's length.
func (s *Sentence) absorbTail(end, n int) int {
	if end >= n {
		return end
	}
	k := end
	if s.low[k] == "," {
		k++
	}
	if k < n && (s.low[k] == "etc" || s.low[k] == "etc.") {
		return k + 1
	}
	if k+1 < n && s.low[k] == "among" && s.low[k+1] == "others" {
		return k + 2
	}
	if k >= n || s.low[k] != "and" && s.low[k] != "or" {
		return end
	}
	return s.otherTail(k+1, end, n)
}

// otherTail returns the end of a tail starting at token k after "and" or
// "or" that closes a group ending at end: up to five determiners,
// adjectives and numbers with "other" and ending in "others" or a noun
// of [tailNouns] ("a few other countries", "others"); else end.
func (s *Sentence) otherTail(k, end, n int) int {
	other := false
	for steps := 0; k < n && steps < 5; steps++ {
		w := s.low[k]
		if w == "other" || w == "others" {
			other = true
		}
		if (w == "others" || tailNouns[w]) && other {
			return k + 1
		}
		if s.ment[k] >= 0 || !s.tailModifier(k) {
			return end
		}
		k++
	}
	return end
}

// tailModifier reports whether token k may stand in a group's tail before
// its noun: a determiner, an adjective, a number, "other", "few", "many",
// "several" or "some".
func (s *Sentence) tailModifier(k int) bool {
	w := s.low[k]
	return determiners[w] || isAdjTag(s.toks[k].Tag) || w == "other" || w == "few" || w == "many" || w == "several" || w == "some" || s.toks[k].Tag == "CD"
}

// groupCands returns the members of group g as candidates, and the
// group's end.
func (s *Sentence) groupCands(g int) ([]cand, int) {
	gr := &s.groups[g]
	out := make([]cand, 0, len(gr.members))
	for _, e := range gr.members {
		ep := &s.eps[e]
		out = append(out, cand{m: ep.m, tokStart: ep.hs, tokEnd: ep.he, force: ep.force})
	}
	return out, gr.end
}

// epCands returns the group of the entity phrase at token j.
func (s *Sentence) epCands(j int) ([]cand, int) {
	return s.groupCands(s.eps[s.epAt[j]].group)
}

// notStateContext reports whether the mention at tokens [a, e) is
// followed or preceded by words that make it a US state or another
// non-sovereign place: "Georgia, the US state", "the US state of
// Georgia", "Georgia (US)".
func (s *Sentence) notStateContext(a, e int) bool {
	n := len(s.low)
	us := func(w string) bool { return w == "us" || w == "u.s." || w == "american" || w == "usa" || w == "u.s" }
	k := e
	if k < n && (s.low[k] == "," || s.low[k] == "(") {
		k++
	}
	if k < n && (s.low[k] == "the" || s.low[k] == "a") {
		k++
	}
	if k+1 < n && us(s.low[k]) && (s.low[k+1] == "state" || s.low[k+1] == ")") {
		return true
	}
	if a >= 3 && s.low[a-1] == "of" && s.low[a-2] == "state" && us(s.low[a-3]) {
		return true
	}
	return false
}

// institutionWords end names of institutions, not of people; a PERSON
// mention ending in one is not used as an argument.
var institutionWords = set(words("institutionWords")...)

// implausiblePerson reports whether a PERSON mention's last word names an
// institution ("District Court", "League").
func implausiblePerson(m *entities.Mention) bool {
	if m.Type != per || m.ID != "" {
		return false
	}
	t := m.Text
	i := strings.LastIndexByte(t, ' ')
	if i < 0 {
		// A lone title word read as a name: "Deputy Foreign Minister".
		if w := lower(t); govQualifiers[w] || titleHeadSet[w] {
			return true
		}
	}
	t = t[i+1:]
	return institutionWords[lower(t)]
}

// titleHeadSet holds the built-in title heads.
var titleHeadSet = set(titleHeads...)
