package relations

import (
	"slices"
	"sort"
	"strings"

	"github.com/statecraft/statecraft/entities"
)

// reset prepares s for sentence si of the document: tokens, lower-case
// forms, stems, the mentions' token ranges, entity phrases and groups.
func (s *Sentence) reset(si int) {
	doc := s.Doc
	st := doc.Sentences[si]
	s.Index = si
	s.toks = doc.Tokens[st.TokenStart:st.TokenEnd]
	s.Tokens = s.toks
	n := len(s.toks)
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
	s.m0, s.m1 = s.dc.sentMentions(si)
	s.mts = resizeInt(s.mts, s.m1-s.m0, -1)
	s.mte = resizeInt(s.mte, s.m1-s.m0, -1)
	// Token ranges of mentions: the tokens must cover the mention exactly.
	k := 0
	for m := s.m0; m < s.m1; m++ {
		mm := &doc.Mentions[m]
		if mm.Type == entities.Date && strings.HasSuffix(mm.Value, "_REF") {
			// "now", "the current president", "recently": a vague time
			// anchors nothing and its words belong to the clause.
			continue
		}
		for k < n && s.toks[k].End <= mm.Start {
			k++
		}
		if k >= n {
			continue
		}
		if s.toks[k].Start != mm.Start {
			// A mention inside a token: "Russia-Belarus".
			if s.toks[k].Start < mm.Start && mm.End <= s.toks[k].End && s.innerAt[k] < 0 {
				s.innerAt[k] = m
			}
			continue
		}
		e := k
		for e < n && s.toks[e].End <= mm.End {
			e++
		}
		if e == k || s.toks[e-1].End != mm.End {
			if e == k && mm.End < s.toks[k].End && s.innerAt[k] < 0 {
				s.innerAt[k] = m
			}
			continue
		}
		free := true
		for i := k; i < e; i++ {
			if s.ment[i] >= 0 {
				free = false
			}
		}
		if !free {
			continue
		}
		if mm.Type == sta && len(mm.Alternatives) > 0 && s.notStateContext(k, e) || implausiblePerson(mm) {
			continue
		}
		s.mts[m-s.m0], s.mte[m-s.m0] = k, e
		for i := k; i < e; i++ {
			s.ment[i] = m
		}
	}
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
// (recording official-of on the way), states standing for their forces,
// and plain mentions.
func (s *Sentence) findPhrases() {
	n := len(s.toks)
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
		a := s.mts[m-s.m0]
		if a < 0 || s.epAt[a] >= 0 {
			continue
		}
		mm := s.m(m)
		if mm.Type != sta && mm.Type != org && !(mm.Type == loc && (mm.Adjectival || mm.Metonymy)) {
			continue
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
			continue
		}
		if mm.Adjectival && s.sharedForceNoun(e) && s.addEP(a, e, m) {
			// "Israeli and Egyptian officials": each adjective stands
			// for its state; the last one takes the noun above.
			s.eps[len(s.eps)-1].force = true
		}
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

// absorbTail extends a group over "and (a few) other countries", "and
// others", "among others", "etc.".
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
	k++
	other := false
	for steps := 0; k < n && steps < 5; steps++ {
		w := s.low[k]
		if w == "other" || w == "others" {
			other = true
		}
		if (w == "others" || tailNouns[w]) && other {
			return k + 1
		}
		if s.ment[k] >= 0 || !(determiners[w] || isAdjTag(s.toks[k].Tag) || w == "other" || w == "few" || w == "many" || w == "several" || w == "some" || s.toks[k].Tag == "CD") {
			return end
		}
		k++
	}
	return end
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
