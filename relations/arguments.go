package relations

import (
	"strings"

	"github.com/statecraft/statecraft/entities"
)

// subjectOf finds the subject of the verb at token v, reading back from
// it over adverbs, auxiliaries, dates and interruptions
// ([Sentence.subjectAt]); depth bounds the recursion through coordinated
// and relative clauses. The subject of a participle that opens the
// sentence follows its clause ([Sentence.subjectAfterFronted]).
func (s *Sentence) subjectOf(v, depth int) []cand {
	if v == 0 && s.toks[v].Tag == "VBG" {
		// "Accusing Netanyahu of stupidity, Arafat launched ...": the
		// subject of a fronted participle follows its clause.
		return s.subjectAfterFronted(v)
	}
	j := v - 1
	for steps := 0; j >= 0 && steps < 30; steps++ {
		c, next, done := s.subjectAt(j, v, depth)
		if done {
			return c
		}
		j = next
	}
	return nil
}

// subjectAt reads token j on the way back from the verb at v to its
// subject. An anaphor, the tail of a group ("and others"), an entity
// phrase or a mention ends the search; a date is skipped with its
// preposition ("in 2008"); other words are read by
// [Sentence.subjectAtWord]. It returns the subject (nil for none) with
// done set, or the next token to read.
func (s *Sentence) subjectAt(j, v, depth int) (c []cand, next int, done bool) {
	if a := s.anaAt[j]; a >= 0 {
		return append([]cand{}, s.anas[a].cands...), 0, true
	}
	if g := s.tailAt[j]; g >= 0 {
		c, _ := s.groupCands(g)
		return c, 0, true
	}
	if e := s.epAt[j]; e >= 0 {
		// "X's": the subject is something X has, not X.
		if end := s.eps[e].end; end < len(s.low) && end <= v-1 && (s.low[end] == "'s" || s.low[end] == "'") {
			return nil, 0, true
		}
		c, _ := s.epCands(j)
		return c, 0, true
	}
	if m := s.ment[j]; m >= 0 {
		if s.m(m).Type == entities.Date {
			return nil, s.beforeDate(m), false
		}
		return s.memberNounSubject(j), 0, true
	}
	return s.subjectAtWord(j, v, depth)
}

// beforeDate returns the token before the date mention m and the word
// that introduces it: a preposition ("in 2008") or "last", "this",
// "early", "late" ("last week").
func (s *Sentence) beforeDate(m int) int {
	j := s.mStart(m) - 1
	if j >= 0 && prepositions[s.low[j]] || j >= 0 && (s.low[j] == "last" || s.low[j] == "this" || s.low[j] == "early" || s.low[j] == "late") {
		j--
	}
	return j
}

// subjectAtWord reads the word at token j, outside entity phrases and
// mentions, on the way back from the verb at v: "to" after a control verb
// or auxiliary, a relative pronoun ([Sentence.relativeSubject]), the
// conjunction before a participle ("before joining"), a pronoun, a comma
// ([Sentence.beforeInterruption]), a conjunction of clauses
// ([Sentence.conjoinedSubject]); the words that do not end the search
// are left to [Sentence.subjectAtModifier]. It returns like
// [Sentence.subjectAt].
func (s *Sentence) subjectAtWord(j, v, depth int) (c []cand, next int, done bool) {
	w := s.low[j]
	switch {
	case w == "to":
		if j > 0 && (controlVerbs[s.stm[j-1]] || auxWords[s.low[j-1]]) {
			return nil, j - 2, false
		}
		return nil, 0, true
	case relPronouns[w]:
		return s.relativeSubject(j, depth), 0, true
	case participleLink(w) && j+1 == v && s.toks[v].Tag == "VBG":
		return s.mainSubjectAny(j), 0, true
	case personPronouns[w]:
		if c, ok := s.resolvePerson(j, j+1, -1); ok {
			return []cand{c}, 0, true
		}
		return nil, 0, true
	case w == "it":
		if c := s.reportedIt(j); c != nil {
			return c, 0, true
		}
		return s.sentenceIt(j), 0, true
	case w == ",":
		if j >= 2 && (s.toks[j-1].Tag == "RB" || auxWords[s.low[j-1]]) && s.low[j-2] == "," {
			// ", however,": read on before it.
			return nil, j - 3, false
		}
		return s.beforeInterruption(j), 0, true
	case w == "and" || w == "but" || w == "or":
		return s.conjoinedSubject(j, depth), 0, true
	}
	return s.subjectAtModifier(j, v)
}

// participleLink reports whether w links a participle to the main clause
// whose subject it shares: "before joining", "after meeting", ", saying".
func participleLink(w string) bool {
	return participleLinks[w]
}

// participleLinks are the words participleLink accepts.
var participleLinks = set(words("participleLinks")...)

// subjectAtModifier reads the word at token j that [Sentence.subjectAtWord]
// left: an auxiliary, adverb, control verb before "to", "no" or "any" is
// skipped; a role noun is a description ("the foreign minister said") or
// ends a member noun; "members of" nouns and "X's independence" name the
// subject ([Sentence.memberNounSubject]); any other word ends the search
// with no subject. It returns like [Sentence.subjectAt].
func (s *Sentence) subjectAtModifier(j, v int) (c []cand, next int, done bool) {
	w := s.low[j]
	tag := s.toks[j].Tag
	switch {
	case auxWords[w] || tag == "RB" || tag == "RBR" || tag == "RBS":
		return nil, j - 1, false
	case controlVerbs[s.stm[j]] && (isVerbTag(tag) || isAdjTag(tag)) && j+1 < v && s.low[j+1] == "to":
		return nil, j - 1, false
	case roleNouns[w]:
		if c, ok := s.descriptionAt(j); ok {
			return []cand{c}, 0, true
		}
		return s.memberNounSubject(j), 0, true
	case w == "members" || w == "member" || w == "states" || w == "countries":
		return s.memberNounSubject(j), 0, true
	case independenceNouns[w] && j >= 2 && (s.low[j-1] == "'s" || s.low[j-1] == "'") && s.epAt[j-2] >= 0:
		// "Abkhazia's independence was recognized by Russia".
		c, _ := s.epCands(j - 2)
		return c, 0, true
	case w == "no" || w == "any":
		return nil, j - 1, false
	}
	return nil, 0, true
}

// relativeSubject returns the subject of a verb after the relative
// pronoun at token j: the antecedent before it (and a comma), an entity
// phrase or an anaphor, or for a collective noun the organisation it
// describes ([Sentence.namedCollective]: "Mercosur is a bloc that
// includes ...") or else the sentence's main subject
// ([Sentence.mainSubject]).
func (s *Sentence) relativeSubject(j, depth int) []cand {
	k := j - 1
	if k >= 0 && s.low[k] == "," {
		k--
	}
	if k >= 0 && s.epAt[k] >= 0 {
		c, _ := s.epCands(k)
		return c
	}
	if k >= 0 && s.anaAt[k] >= 0 {
		return append([]cand{}, s.anas[s.anaAt[k]].cands...)
	}
	if k >= 0 && isNounTag(s.toks[k].Tag) && collectiveNouns[s.low[k]] {
		if c := s.namedCollective(k, depth); c != nil {
			return c
		}
		return s.mainSubject()
	}
	return nil
}

// conjoinedSubject returns the subject of a verb after the conjunction
// "and", "but" or "or" at token j: the subject of the verb group before
// it in the clause, within 16 tokens ("Russia recognised Abkhazia and
// opened an embassy"), unless depth is 3 or more.
func (s *Sentence) conjoinedSubject(j, depth int) []cand {
	if depth >= 3 {
		return nil
	}
	for k := j - 1; k >= 0 && k > j-16; k-- {
		if (isFiniteTag(s.toks[k].Tag) || s.misTaggedVerb(k)) && s.ment[k] < 0 {
			// The first verb of that verb group.
			for k > 0 && s.ment[k-1] < 0 && (auxWords[s.low[k-1]] || s.toks[k-1].Tag == "RB") && !relPronouns[s.low[k-1]] {
				k--
			}
			return s.subjectOf(k, depth+1)
		}
		if w2 := s.low[k]; w2 == ";" || w2 == ":" || w2 == "(" || w2 == "." {
			break
		}
	}
	return nil
}

// memberNounSubject handles a subject like "NATO members" or "NATO's
// member states" ending at token j: the organisation is returned, so that
// "NATO members include Poland" reads as NATO includes Poland.
func (s *Sentence) memberNounSubject(j int) []cand {
	k := j
	for k >= 0 && s.ment[k] < 0 && (s.low[k] == "members" || s.low[k] == "member" || s.low[k] == "states" || s.low[k] == "countries" || s.low[k] == "nations") {
		k--
	}
	if k == j || k < 0 {
		return nil
	}
	if s.low[k] == "'s" || s.low[k] == "'" {
		k--
	} else if s.low[k] == "whose" {
		k--
		if k >= 0 && s.low[k] == "," {
			k--
		}
	}
	if k < 0 || s.ment[k] < 0 {
		return nil
	}
	m := s.ment[k]
	if s.m(m).Type != org {
		return nil
	}
	return []cand{{m: m, tokStart: s.mStart(m), tokEnd: s.mEnd(m)}}
}

// namedCollective returns the one organisation that an indefinite
// collective noun at token k describes, as a predicate ("Mercosur is a
// bloc that includes ...") or an apposition ("Mercosur, a trade bloc
// that ..."), or nil.
func (s *Sentence) namedCollective(k, depth int) []cand {
	j := k - 1
	for j >= 0 && j > k-4 && s.ment[j] < 0 && (isAdjTag(s.toks[j].Tag) || s.toks[j].Tag == "NN" || s.toks[j].Tag == "VBN") {
		j--
	}
	if j < 1 || s.low[j] != "a" && s.low[j] != "an" {
		return nil
	}
	var c []cand
	switch j--; {
	case s.low[j] == "," && j >= 1 && s.epAt[j-1] >= 0:
		c, _ = s.epCands(j - 1)
	case beForms[s.low[j]] && depth < 3:
		c = s.subjectOf(j, depth+1)
	}
	if len(c) != 1 || s.m(c[0].m).Type != org {
		return nil
	}
	return c
}

// mainSubject returns the sentence's first subject group of two or more
// states or organisations (followed by its verb), the parties of a bloc
// named later by a collective noun.
func (s *Sentence) mainSubject() []cand {
	for g := range s.groups {
		gr := &s.groups[g]
		if len(gr.members) < 2 {
			continue
		}
		k := gr.end
		for k < len(s.low) && (auxWords[s.low[k]] || s.toks[k].Tag == "RB") {
			k++
		}
		if k < len(s.low) && isVerbTag(s.toks[k].Tag) {
			c, _ := s.groupCands(g)
			for _, x := range c {
				if t := s.m(x.m).Type; t != sta && t != org {
					return nil
				}
			}
			return c
		}
		return nil
	}
	return nil
}

// mainSubjectAny returns the subject group of the main clause, the first
// group before token j that opens the sentence (or follows a fronted
// adverbial) and is followed by its verb: the subject of participles such
// as "Ulrich began ... before joining Graz EC".
func (s *Sentence) mainSubjectAny(j int) []cand {
	for g := range s.groups {
		gr := &s.groups[g]
		if gr.end > j {
			return nil
		}
		if gr.start > 0 && s.low[gr.start-1] != "," && !(gr.start == 1 && determiners[s.low[0]]) {
			continue
		}
		k := gr.end
		for k < len(s.low) && (auxWords[s.low[k]] || s.toks[k].Tag == "RB") {
			k++
		}
		if k < len(s.low) && isFiniteTag(s.toks[k].Tag) {
			c, _ := s.groupCands(g)
			return c
		}
		return nil
	}
	return nil
}

// objectAfter finds the coordinated entities starting at token k, after
// determiners, adverbs and "the independence of". With member set, it
// also accepts a membership phrase ("NATO entry", "membership in the EU")
// and only that.
func (s *Sentence) objectAfter(k int, member bool) []cand {
	c, _ := s.objectAfterEnd(k, member)
	return c
}

// objectAfterEnd is [Sentence.objectAfter] that also returns the token
// after the object, or where the search stopped when there is none. It
// reads at most eight tokens ([Sentence.objectStep]).
func (s *Sentence) objectAfterEnd(k int, member bool) ([]cand, int) {
	n := len(s.low)
	for steps := 0; k < n && steps < 8; steps++ {
		c, at, done := s.objectStep(k, member)
		if done {
			return c, at
		}
		k = at
	}
	return nil, k
}

// objectStep reads token k on the way to an object: an anaphor or entity
// phrase is the object ([Sentence.objectPhrase]); a hyphenated
// participle ("the Russian-led CSTO") is skipped; a mention is read by
// [Sentence.objectMention] and another word by [Sentence.objectWord]. It
// returns the object (nil for none) and the token after it with done
// set, or the next token to read.
func (s *Sentence) objectStep(k int, member bool) (c []cand, at int, done bool) {
	if s.anaAt[k] >= 0 || s.epAt[k] >= 0 {
		c, at := s.objectPhrase(k, member)
		return c, at, true
	}
	if ledModifier(s.low[k]) && (isAdjTag(s.toks[k].Tag) || s.toks[k].Tag == "VBN") {
		// "the Russian-led CSTO", "the US-backed government".
		return nil, k + 1, false
	}
	if m := s.ment[k]; m >= 0 {
		return s.objectMention(k, m, member)
	}
	return s.objectWord(k, member)
}

// objectPhrase returns the object that starts with the anaphor or entity
// phrase at token k, and the token after it: the anaphor's antecedents,
// the phrase's group, or the possessor of an independence ("recognized
// Kosovo's independence", but not "recognized Russia's concerns"). With
// member set, it is no membership phrase and gives nothing.
func (s *Sentence) objectPhrase(k int, member bool) ([]cand, int) {
	n := len(s.low)
	if a := s.anaAt[k]; a >= 0 {
		if member {
			return nil, k
		}
		return append([]cand{}, s.anas[a].cands...), s.anas[a].end
	}
	if member {
		return nil, k
	}
	e := s.eps[s.epAt[k]]
	if e.end < n && (s.low[e.end] == "'s" || s.low[e.end] == "'") {
		// "recognized Kosovo's independence" but not "recognized
		// Russia's concerns".
		if e.end+1 < n && independenceNouns[s.low[e.end+1]] {
			return []cand{{m: e.m, tokStart: e.hs, tokEnd: e.he, force: e.force}}, e.end + 2
		}
		return nil, k
	}
	return s.epCands(k)
}

// objectMention reads the mention m, not an entity phrase, that starts
// at token k on the way to an object: a demonym before a place noun ("the
// Ukrainian city of Mariupol") or before an organisation ("attacked
// Chechen rebels") is skipped; with member set, an organisation before a
// membership noun is the object ("NATO entry"); any other ends the search
// with none. It returns like [Sentence.objectStep].
func (s *Sentence) objectMention(k, m int, member bool) (c []cand, at int, done bool) {
	n := len(s.low)
	e := s.mEnd(m)
	if s.m(m).Adjectival && e+1 < n && placeNouns[s.low[e]] && s.low[e+1] == "of" {
		// "the Ukrainian city of Mariupol".
		return nil, e, false
	}
	if s.m(m).Adjectival && e < n && s.ment[e] >= 0 && s.mStart(s.ment[e]) == e && s.m(s.ment[e]).Type == org {
		// "attacked Chechen rebels": the demonym names the
		// organisation after it.
		return nil, e, false
	}
	// A modifier mention: "NATO entry", "EU membership".
	if member && e < n && membershipNouns[s.stm[e]] && s.m(m).Type == org {
		return []cand{{m: m, tokStart: s.mStart(m), tokEnd: e}}, e + 1, true
	}
	return nil, k, true
}

// objectWord reads the word at token k, outside mentions, on the way to
// an object: articles, adverbs and numbers are skipped ([Sentence.objectFiller]),
// as are "the independence of" and "the city of"; with member set, a
// membership noun with its preposition ("membership in the EU") or "to
// join" leads to the object; a common noun in apposition before a name
// ("the breakaway region Abkhazia", [Sentence.appositiveHead]) is
// skipped. It returns like [Sentence.objectStep].
func (s *Sentence) objectWord(k int, member bool) (c []cand, at int, done bool) {
	n := len(s.low)
	w := s.low[k]
	switch {
	case s.objectFiller(k):
		return nil, k + 1, false
	case independenceNouns[w] && k+1 < n && s.low[k+1] == "of":
		return nil, k + 2, false
	case placeNouns[w] && k+1 < n && s.low[k+1] == "of":
		// "the Ukrainian city of Mariupol".
		return nil, k + 2, false
	case member && membershipNouns[s.stm[k]] && k+1 < n && (s.low[k+1] == "in" || s.low[k+1] == "of" || s.low[k+1] == "to" || s.low[k+1] == "into"):
		c, e := s.objectAfterEnd(k+2, false)
		return c, e, true
	case member && (w == "to" || w == "for") && k+1 < n && s.low[k+1] == "join":
		c, e := s.objectAfterEnd(k+2, false)
		return c, e, true
	}
	// A common noun in apposition before the name: "the skiing club
	// SK Ull", "the breakaway region Abkhazia".
	if e := s.appositiveHead(k); e > k && !member {
		return nil, e, false
	}
	return nil, k, true
}

// objectFiller reports whether token k is a word skipped before an
// object: an article, an adverb ("formally", "officially") or a number.
func (s *Sentence) objectFiller(k int) bool {
	w := s.low[k]
	return w == "the" || w == "a" || w == "an" || s.toks[k].Tag == "RB" || w == "formally" || w == "officially" || s.toks[k].Tag == "CD"
}

// ledModifier reports whether a token is a hyphenated participle that
// modifies the name after it: "Russian-led", "US-backed", "Iran-aligned".
func ledModifier(w string) bool {
	i := strings.LastIndexByte(w, '-')
	if i <= 0 {
		return false
	}
	return ledSuffixes[w[i+1:]]
}

// ledSuffixes end a ledModifier after its hyphen.
var ledSuffixes = set(words("ledSuffixes")...)

// sharedForceNoun reports whether the tokens from k are "and" or "," and
// adjectival mentions, ending in a force noun: "(Israeli) and Egyptian
// officials", "(Russian), Belarusian and Kazakh troops".
func (s *Sentence) sharedForceNoun(k int) bool {
	n, seen := len(s.low), false
	for k+1 < n && (s.low[k] == "and" || s.low[k] == "," || s.low[k] == "or") {
		m := s.ment[k+1]
		if m < 0 || s.mStart(m) != k+1 || !s.m(m).Adjectival {
			return false
		}
		k, seen = s.mEnd(m), true
	}
	return seen && k < n && s.ment[k] < 0 && forceNouns[s.low[k]]
}

// nounInfo is what surrounds a nominal trigger.
type nounInfo struct {
	npStart               int
	possessor             []cand
	adjMods, nomMods      []cand
	between, with, of, on []cand
	by, appos, before     []cand
	topicStart, topicEnd  int  // non-entity object of "on"/"of" ("friendship and cooperation")
	compStart             int  // first compound word before the trigger (treaty names)
	gov                   int  // governing verb, or -1
	joined                bool // the modifiers include names joined in one token ("US-Israeli")
	end                   int  // last token used
	its                   int  // the token of an unresolved "its" before the noun, or -1
}

// genericAdjectives are left out of treaty names.
var genericAdjectives = set(words("genericAdjectives")...)

// maxItsDistance bounds the tokens between "its" and the mention it
// refers to.
const maxItsDistance = 20

// itsAntecedent returns the state or organisation that "its" at token j
// refers to: the last STATE or ORG mention before it in the sentence,
// within maxItsDistance tokens and not a modifier ("Russian"), as an
// anaphor of that token.
func (s *Sentence) itsAntecedent(j int) (cand, bool) {
	for k := j - 1; k >= 0 && j-k <= maxItsDistance; k-- {
		m := s.ment[k]
		if m < 0 {
			continue
		}
		mm := s.m(m)
		if mm.Type == per {
			return cand{}, false // "Putin ... its": no guess past a person
		}
		if (mm.Type == sta || mm.Type == org) && !mm.Adjectival {
			return cand{m: m, anaphor: true, aStart: j, aEnd: j + 1, tokStart: j, tokEnd: j + 1}, true
		}
		k = s.mStart(m)
	}
	return cand{}, false
}

// nounFrame analyses the noun phrase around a nominal trigger [t0, t1):
// the modifiers, possessor and determiner on its left
// ([Sentence.nounLeft]), the verb that governs it
// ([Sentence.nounGovernor]), a phrase in apposition before it
// ("Armenia, a member of the CSTO,"), the agent of a passive after it
// ([Sentence.nounPassiveBy]), and an apposition and prepositional phrases
// on its right ([Sentence.nounRight]).
func (s *Sentence) nounFrame(t0, t1 int) nounInfo {
	ni := nounInfo{gov: -1, npStart: t0, compStart: t0, topicStart: -1, its: -1}
	ni.npStart = s.nounLeft(&ni, t0)
	ni.gov = s.nounGovernor(ni.npStart)
	if k2 := ni.npStart - 1; k2 >= 1 && s.low[k2] == "," && s.epAt[k2-1] >= 0 {
		ni.before, _ = s.epCands(k2 - 1)
	}
	s.nounPassiveBy(&ni, t0, t1)
	s.nounRight(&ni, t1)
	return ni
}

// nounLeft reads, from the trigger at t0 leftwards, at most eight tokens
// of the noun phrase into ni ([Sentence.nounLeftStep]) and returns the
// phrase's first token.
func (s *Sentence) nounLeft(ni *nounInfo, t0 int) int {
	j := t0 - 1
	comp := true
	for steps := 0; j >= 0 && steps < 8; steps++ {
		next, more := s.nounLeftStep(ni, j, t0, &comp)
		j = next
		if !more {
			break
		}
	}
	return j + 1
}

// nounLeftStep reads token j left of the trigger at t0 into ni: a
// mention ([Sentence.nounLeftMention]), the names joined in one token
// ("the Russia-Belarus treaty"), a name before a dash ("the EU – Mercosur
// agreement", [Sentence.nounLeftDash]), a possessor
// ([Sentence.nounLeftPossessor]), a determiner, or a word of a compound
// ("peace treaty"); comp is whether the words read so far all belong to
// a compound, which starts at ni.compStart. It returns the next token to
// read, and whether to read on; else the token before the phrase.
func (s *Sentence) nounLeftStep(ni *nounInfo, j, t0 int, comp *bool) (next int, more bool) {
	w := s.low[j]
	if m := s.ment[j]; m >= 0 {
		return s.nounLeftMention(ni, j, m, comp)
	}
	if s.innerAt[j] >= 0 && *comp {
		// "the Russia-Belarus treaty": the mentions joined in one token.
		if cs := s.joinedMentions(j); len(cs) > 0 {
			ni.joined = true
			for _, c := range cs {
				s.addModifier(ni, c)
			}
			*comp = false
			return j - 1, true
		}
	}
	if next, ok := s.nounLeftDash(ni, j, t0); ok {
		return next, true
	}
	if w == "'s" || w == "'" {
		return s.nounLeftPossessor(ni, j), false
	}
	if determiners[w] || s.toks[j].Tag == "PRP$" {
		if w == "its" && s.anaAt[j] < 0 {
			ni.its = j
		}
		return j - 1, false
	}
	if s.compoundWord(j) {
		if *comp && s.compoundPart(j) {
			ni.compStart = j
		} else {
			*comp = false
		}
		return j - 1, true
	}
	return j, false
}

// addModifier adds mention c to the adjectival or nominal modifiers of
// ni.
func (s *Sentence) addModifier(ni *nounInfo, c cand) {
	if s.m(c.m).Adjectival {
		ni.adjMods = append(ni.adjMods, c)
	} else {
		ni.nomMods = append(ni.nomMods, c)
	}
}

// nounLeftMention reads the mention m at token j left of a nominal
// trigger: a date is skipped ("the 2008 war"), an entity phrase ends the
// noun phrase ("Russia-Abkhazia treaty" style compounds are modifiers; a
// phrase is not), any other mention is a modifier ("the NATO summit",
// "Russian recognition"). It returns like [Sentence.nounLeftStep].
func (s *Sentence) nounLeftMention(ni *nounInfo, j, m int, comp *bool) (next int, more bool) {
	mm := s.m(m)
	st := s.mStart(m)
	*comp = false
	if mm.Type == entities.Date {
		return st - 1, true
	}
	if s.epAt[j] >= 0 {
		return j, false
	}
	s.addModifier(ni, cand{m: m, tokStart: st, tokEnd: s.mEnd(m)})
	return st - 1, true
}

// nounLeftDash reads a dash or slash at token j between a modifier
// already read and a state or organisation before it: "the EU – Mercosur
// agreement". It returns the token before the name and true, or false.
func (s *Sentence) nounLeftDash(ni *nounInfo, j, t0 int) (int, bool) {
	w := s.low[j]
	if !((w == "-" || w == "–" || w == "/") && j > 0 && j+1 < t0 && s.ment[j+1] >= 0 && s.ment[j-1] >= 0 && len(ni.adjMods)+len(ni.nomMods) > 0) {
		return 0, false
	}
	m := s.ment[j-1]
	if !isEntityType(s.m(m).Type) || s.m(m).Type == per {
		return 0, false
	}
	s.addModifier(ni, cand{m: m, tokStart: s.mStart(m), tokEnd: s.mEnd(m)})
	return s.mStart(m) - 1, true
}

// nounLeftPossessor reads the possessive "'s" or "'" at token j into
// ni.possessor: the antecedents of an anaphor ("the bloc's tenth
// member") or the group of an entity phrase ("Russia's recognition").
// It returns the token before the possessor and its "the".
func (s *Sentence) nounLeftPossessor(ni *nounInfo, j int) int {
	if j > 0 && s.anaAt[j-1] >= 0 {
		// "the bloc's tenth member".
		a := &s.anas[s.anaAt[j-1]]
		ni.possessor = append([]cand{}, a.cands...)
		return a.start - 1
	}
	if j > 0 && s.epAt[j-1] >= 0 {
		c, _ := s.epCands(j - 1)
		ni.possessor = c
		j = s.groups[s.eps[s.epAt[j-1]].group].start - 1
		if j >= 0 && s.low[j] == "the" {
			j--
		}
	}
	return j
}

// compoundWord reports whether token j may stand in a noun phrase before
// its head: an adjective, participle, common noun or number, or a
// capitalised proper noun outside mentions, as in treaty names.
func (s *Sentence) compoundWord(j int) bool {
	tag := s.toks[j].Tag
	return isAdjTag(tag) || tag == "VBN" || tag == "VBG" || tag == "NN" || tag == "NNS" || tag == "CD" || tag == "NNP" && s.ment[j] < 0 && isCapWord(s.toks[j].Text)
}

// compoundPart reports whether the word at token j, before a nominal
// trigger, belongs to a treaty's name: a proper noun, or a word but a
// generic adjective or a cue of possibility or negation.
func (s *Sentence) compoundPart(j int) bool {
	w := s.low[j]
	return !genericAdjectives[w] && !possibleCues[w] && !negationCues[w] && isWordy(w) || s.toks[j].Tag == "NNP"
}

// nounGovernor returns the verb that governs the noun phrase starting at
// npStart, or -1: the verb before it, across a quantity ("signed more
// than 15 agreements", [Sentence.beforeQuantity]), a particle or
// preposition ("applied for membership") and adverbs or negation ("is no
// longer a member").
func (s *Sentence) nounGovernor(npStart int) int {
	k := s.beforeQuantity(npStart)
	if k >= 0 && governorParticle(s.low[k]) {
		k--
	}
	// Adverbs and negation: "is not a member", "is no longer a member".
	for steps := 0; k >= 0 && steps < 3 && s.ment[k] < 0 && (s.toks[k].Tag == "RB" || s.low[k] == "not" || s.low[k] == "n't" || s.low[k] == "no" || s.low[k] == "longer"); steps++ {
		k--
	}
	if k >= 0 && s.ment[k] < 0 && (isVerbTag(s.toks[k].Tag) || beForms[s.low[k]]) {
		return k
	}
	return -1
}

// beforeQuantity returns the token before the noun phrase starting at
// npStart and the quantity before it: "signed more than 15 agreements",
// "at least two deals", "about 20 agreements".
func (s *Sentence) beforeQuantity(npStart int) int {
	k := npStart - 1
	if k >= 1 && (s.low[k] == "than" && (s.low[k-1] == "more" || s.low[k-1] == "fewer" || s.low[k-1] == "less") || s.low[k] == "least" && s.low[k-1] == "at") {
		return k - 2
	}
	if k >= 0 && (s.low[k] == "about" || s.low[k] == "nearly" || s.low[k] == "almost" || s.low[k] == "around" || s.low[k] == "some") && npStart < len(s.low) && s.toks[npStart].Tag == "CD" {
		return k - 1
	}
	return k
}

// governorParticle reports whether w may stand between a verb and the
// noun phrase it governs: "entered into an alliance", "applied for
// membership".
func governorParticle(w string) bool {
	return governorParticles[w]
}

// governorParticles are the words governorParticle accepts.
var governorParticles = set(words("governorParticles")...)

// nounPassiveBy reads into ni.by the agent of a passive that follows the
// noun phrase of the trigger [t0, t1), when the phrase is the trigger
// with at most a determiner: "The treaty was signed by Russia and
// Abkhazia".
func (s *Sentence) nounPassiveBy(ni *nounInfo, t0, t1 int) {
	if t0 != ni.npStart && !determiners[s.low[ni.npStart]] {
		return
	}
	n := len(s.low)
	k := t1
	for k < n && k < t1+4 && (auxWords[s.low[k]] || s.toks[k].Tag == "RB") {
		k++
	}
	if k+1 < n && k > t1 && s.toks[k].Tag == "VBN" && s.low[k+1] == "by" && (symLight[s.stm[k]] || dirLight[s.stm[k]] || s.stm[k] == "carry") && s.stm[k] != "broker" {
		ni.by = s.objectAfter(k+2, false)
	}
}

// nounRight reads into ni what follows the nominal trigger ending at t1:
// an apposition ("the US allies Japan and South Korea"), then up to three
// prepositional phrases with an entity object ([nounInfo.setPrepObject]:
// "a treaty between Russia and Abkhazia") or a non-entity one, skipped
// and, right after the trigger, kept as its topic ([Sentence.nounTopic]).
// A non-entity object that names another relation ("talks on a free
// trade agreement between ...") takes the prepositions that follow.
func (s *Sentence) nounRight(ni *nounInfo, t1 int) {
	n := len(s.low)
	j := t1
	ni.end = t1
	for pp := 0; pp < 3 && j < n; pp++ {
		w := s.low[j]
		if pp == 0 && s.epAt[j] >= 0 {
			c, e := s.epCands(j)
			ni.appos = c
			j, ni.end = e, e
			continue
		}
		if !prepositions[w] {
			break
		}
		c, e := s.objectAfterEnd(j+1, false)
		if len(c) > 0 {
			ni.setPrepObject(w, c)
			j, ni.end = e, e
			continue
		}
		// A non-entity object: skip it ("on friendship and cooperation").
		e = s.nonEntityEnd(j)
		if pp == 0 && (w == "on" || w == "of") && e > j+1 {
			s.nounTopic(ni, j, e)
		}
		// A phrase that names another relation ("talks on a free trade
		// agreement between ...") takes the prepositions that follow.
		if e == j+1 || s.hasTrigger(j+1, e) {
			break
		}
		j = e
	}
}

// setPrepObject records c as the object of preposition w after a nominal
// trigger: "between" and "among" always, "with", "of" and "by" unless
// already found, and any other preposition ("on", "against") as ni.on,
// once.
func (ni *nounInfo) setPrepObject(w string, c []cand) {
	switch {
	case w == "between" || w == "among":
		ni.between = c
	case w == "with" && ni.with == nil:
		ni.with = c
	case w == "of" && ni.of == nil:
		ni.of = c
	case w == "by" && ni.by == nil:
		ni.by = c
	case ni.on == nil && w != "with" && w != "of" && w != "by":
		ni.on = c
	}
}

// nonEntityEnd returns the end of the non-entity object of the
// preposition at token j: up to seven tokens before a mention,
// preposition, punctuation, finite verb or relative pronoun ("on
// friendship and cooperation").
func (s *Sentence) nonEntityEnd(j int) int {
	n := len(s.low)
	e := j + 1
	for e < n && e < j+8 && s.ment[e] < 0 && !prepositions[s.low[e]] && !isPunct(s.low[e]) && !isFiniteTag(s.toks[e].Tag) && !relPronouns[s.low[e]] {
		e++
	}
	return e
}

// nounTopic records as ni's topic the non-entity object [j+1, e) of "on"
// or "of" right after a nominal trigger, without its determiners: "the
// Treaty on Friendship and Cooperation".
func (s *Sentence) nounTopic(ni *nounInfo, j, e int) {
	ts := j + 1
	for ts < e && (determiners[s.low[ts]] || s.low[ts] == "the") {
		ts++
	}
	if ts < e {
		ni.topicStart, ni.topicEnd = ts, e
	}
}

// isCapWord reports whether a token starts with an upper-case ASCII letter.
func isCapWord(t string) bool { return t != "" && t[0] >= 'A' && t[0] <= 'Z' }

// text returns the text of tokens [a, b) of the sentence as written,
// spaces and case kept.
func (s *Sentence) text(a, b int) string {
	if a >= b {
		return ""
	}
	return s.Doc.Text[s.toks[a].Start:s.toks[b-1].End]
}

// hasStemIn reports whether a token with a stem in set lies within
// [a, b) of the sentence.
func (s *Sentence) hasStemIn(a, b int, set map[string]bool) bool {
	if a < 0 {
		a = 0
	}
	if b > len(s.stm) {
		b = len(s.stm)
	}
	for i := a; i < b; i++ {
		if set[s.stm[i]] {
			return true
		}
	}
	return false
}

// hasTrigger reports whether a trigger word starts at a token of [a, b).
func (s *Sentence) hasTrigger(a, b int) bool {
	for i := a; i < b; i++ {
		if len(s.x.lex.triggers[s.stm[i]]) > 0 {
			return true
		}
	}
	return false
}

// appositiveHead returns the token after up to three common nouns and
// adjectives starting at k that are directly followed by an entity
// phrase, or k.
func (s *Sentence) appositiveHead(k int) int {
	n := len(s.low)
	e := k
	for e < n && e < k+3 && s.ment[e] < 0 {
		tag := s.toks[e].Tag
		if !(tag == "NN" || tag == "NNS" || isAdjTag(tag) || tag == "VBG") || !isWordy(s.low[e]) || s.hasTrigger(e, e+1) {
			return k
		}
		e++
		if e < n && s.epAt[e] >= 0 && s.eps[s.epAt[e]].start == e && (tag == "NN" || tag == "NNS" || directions[s.low[e-1]]) {
			return e
		}
	}
	return k
}

// interruptionStarts open a relative clause or apposition between a
// subject and its verb: "Serbia, which does not recognize Kosovo, has
// applied ...", "Kazakhstan, a member of the SCO, hosted ...".
var interruptionStarts = set(words("interruptionStarts")...)

// beforeInterruption returns the subject before a relative clause or
// apposition that ends with the comma at token j, or the members of an
// "including" list in it ("More than 100 countries, including the United
// States, have recognized Kosovo", [Sentence.includedList]). It reads
// back at most 24 tokens to the comma that opens the interruption, and
// not across a clause boundary.
func (s *Sentence) beforeInterruption(j int) []cand {
	for k := j - 1; k >= 1 && k > j-25; k-- {
		w := s.low[k]
		if w == ";" || w == ":" || w == "(" || w == ")" || w == "." {
			return nil
		}
		if w != "," || s.grpAt[k] >= 0 {
			continue
		}
		next := s.low[k+1]
		switch {
		case listOpener(next):
			return s.includedList(k, j)
		case interruptionStarts[next] && s.epAt[k-1] >= 0:
			c, _ := s.epCands(k - 1)
			return c
		case (s.toks[k+1].Tag == "IN" || s.toks[k+1].Tag == "RB") && s.ment[k+1] < 0 && !relPronouns[next] && s.epAt[k-1] >= 0 && !s.hasVerb(k+1, j):
			// "Russia, in 2008, recognised ...", "Turkey, for its part,
			// opposed ...".
			c, _ := s.epCands(k - 1)
			return c
		case s.epAt[k+1] >= 0 && s.groups[s.eps[s.epAt[k+1]].group].end == j && s.groups[s.eps[s.epAt[k+1]].group].start == k+1:
			// "The head of the breakaway republic, Aslan Bzhania, met".
			c, _ := s.epCands(k + 1)
			return c
		}
		return nil
	}
	return nil
}

// listOpener reports whether w, after a comma, opens a list of examples:
// "including", "notably", "especially", "among".
func listOpener(w string) bool {
	return w == "including" || w == "notably" || w == "especially" || w == "among"
}

// includedList returns the group of an "including" list that opens after
// the comma at token k and ends at the comma at token j with no verb
// after the group ("More than 100 countries, including the United
// States, have ..."), or nil.
func (s *Sentence) includedList(k, j int) []cand {
	e := k + 2
	if e < j && (s.low[e] == "the" || s.low[e] == "such") {
		e++
	}
	if e >= j || s.epAt[e] < 0 {
		return nil
	}
	g := s.eps[s.epAt[e]].group
	for x := s.groups[g].end; x < j; x++ {
		if isVerbTag(s.toks[x].Tag) {
			return nil
		}
	}
	c, _ := s.groupCands(g)
	return c
}

// directions are adjectives that name a part of a place: "northern Cyprus".
var directions = set(words("directions")...)

// placeNouns name a place by its kind: "the city of Mariupol", "the
// breakaway region of Abkhazia".
var placeNouns = set(words("placeNouns")...)

// joinedMentions returns the mentions that make up token j when it is two
// or more state or organisation names joined by hyphens, dashes or
// slashes ("Russia-Belarus", "US-Japan", "EU/NATO"), or nil.
func (s *Sentence) joinedMentions(j int) []cand {
	tok := s.toks[j]
	pos := tok.Start
	var out []cand
	for m := s.innerAt[j]; m < s.m1; m++ {
		mm := s.m(m)
		if mm.Start >= tok.End {
			break
		}
		if mm.Start < pos || mm.End > tok.End || (mm.Type != sta && mm.Type != org) {
			return nil
		}
		if len(out) > 0 {
			sep := s.Doc.Text[pos:mm.Start]
			if sep != "-" && sep != "–" && sep != "/" {
				return nil
			}
		} else if mm.Start != tok.Start {
			return nil
		}
		out = append(out, cand{m: m, tokStart: j, tokEnd: j + 1})
		pos = mm.End
		if len(out) > 8 {
			return nil
		}
	}
	if pos != tok.End || len(out) < 2 {
		return nil
	}
	return out
}

// hasVerb reports whether a verb outside mentions lies in tokens [a, b).
func (s *Sentence) hasVerb(a, b int) bool {
	for k := a; k < b; k++ {
		if isVerbTag(s.toks[k].Tag) && s.ment[k] < 0 {
			return true
		}
	}
	return false
}

// misTaggedVerb reports whether token k, tagged as a plural noun, is
// rather a verb: right after an entity phrase and before a determiner
// ("Finland shares a border").
func (s *Sentence) misTaggedVerb(k int) bool {
	if s.toks[k].Tag != "NNS" || k == 0 || s.ment[k-1] < 0 || s.m(s.ment[k-1]).Adjectival || k+1 >= len(s.low) {
		return false
	}
	if s.low[k+1] == "a" || s.low[k+1] == "an" || s.low[k+1] == "the" {
		return true
	}
	// "Turkey backs Azerbaijan": a word that triggers a relation only as
	// a verb, between two names.
	if m := s.ment[k+1]; m >= 0 && !s.m(m).Adjectival {
		for _, tr := range s.x.lex.triggers[s.stm[k]] {
			if tr.class == verbOnly && len(tr.words) == 1 {
				return true
			}
		}
	}
	return false
}

// reportingVerbs introduce what a state or organisation says of itself:
// "Pakistan said it shot down ...".
var reportingVerbs = set(words("reportingVerbs")...)

// reportedIt resolves the subject pronoun "it" at token j when it follows
// a reporting verb whose subject is one state or organisation ("Pakistan
// said (that) it ..."), or returns nil.
func (s *Sentence) reportedIt(j int) []cand {
	if s.x.cfg.noCoref {
		return nil
	}
	k := j - 1
	if k >= 0 && s.low[k] == "that" {
		k--
	}
	if k < 1 || !reportingVerbs[s.low[k]] || s.epAt[k-1] < 0 {
		return nil
	}
	ep := &s.eps[s.epAt[k-1]]
	if t := s.m(ep.m).Type; t != sta && t != org || len(s.groups[ep.group].members) != 1 || s.m(ep.m).Adjectival {
		return nil
	}
	return []cand{{m: ep.m, anaphor: true, aStart: j, aEnd: j + 1, tokStart: j, tokEnd: j + 1, force: ep.force}}
}

// subjectAfterFronted returns the subject of the clause that follows the
// fronted participial clause starting at token v: the entity phrase right
// after the first comma after v, or none.
func (s *Sentence) subjectAfterFronted(v int) []cand {
	for k := v + 1; k < len(s.low) && k < v+40; k++ {
		if s.low[k] != "," {
			continue
		}
		k++
		for k < len(s.low) && s.ment[k] >= 0 && s.m(s.ment[k]).Type == entities.Date {
			k = s.mEnd(s.ment[k])
		}
		if k < len(s.low) && s.epAt[k] >= 0 && s.eps[s.epAt[k]].start == k {
			c, _ := s.epCands(k)
			return c
		}
		return nil
	}
	return nil
}
