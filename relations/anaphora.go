package relations

// anaphor is a pronoun or definite description of the sentence resolved
// to entities: "they", "them", "the two nations", "the alliance", "him".
type anaphor struct {
	start, end int // tokens
	cands      []cand
	plural     bool
}

// pluralGroup is a coordination of two or more entities of one sentence
// that a later "they" or "the two nations" may refer to.
type pluralGroup struct {
	from, to int32 // its mentions are docState.pluralMs[from:to]
	subject  bool  // the group is followed by its verb
	person   bool  // persons, not states or organisations
}

// maxPluralGroups is how many plural groups of a sentence are remembered;
// a sentence with more is ambiguous for later plural anaphors.
const maxPluralGroups = 4

// orgClass is the kind of organisation a definite description names.
type orgClass uint8

const (
	orgBloc     orgClass = iota // "the bloc", "the union", "the grouping"
	orgAlliance                 // "the alliance"
	orgAny                      // "the organisation"
	orgGroup                    // "the group": a known bloc or alliance only
	nOrgClasses
)

// orgDescriptions are the heads of definite descriptions of an
// organisation.
var orgDescriptions = map[string]orgClass{
	"bloc": orgBloc, "union": orgBloc, "grouping": orgBloc, "group": orgGroup, "alliance": orgAlliance,
	"organisation": orgAny, "organization": orgAny,
}

// orgClassCats are the gazetteer categories each class may refer to;
// organisations unknown to the gazetteer fit every class but orgGroup
// ("the group" names bands, firms and militias as often as blocs).
var orgClassCats = [nOrgClasses]map[string]bool{
	orgBloc:     set("igo", "alliance", "other"),
	orgAlliance: set("alliance"),
	orgAny:      set("igo", "alliance", "un-agency", "ngo", "other"),
	orgGroup:    set("igo", "alliance", "other"),
}

// pluralStateNouns head descriptions of two or more states: "the two
// nations", "both countries", "the republics".
var pluralStateNouns = set(words("pluralStateNouns")...)

// pluralPersonNouns head descriptions of two or more persons: "the two
// leaders".
var pluralPersonNouns = set(words("pluralPersonNouns")...)

// numberWords give the size of a described group: "the two nations".
var numberWords = map[string]int{"two": 2, "both": 2, "three": 3, "four": 4, "five": 5}

// maxAntecedents is how many persons a previous sentence may mention and
// still be searched for the antecedent of an object pronoun; one that
// names more is ambiguous anyway, and the bound keeps resolution linear.
const maxAntecedents = 64

// anaphorWindow is how many tokens back an antecedent is looked for in
// the anaphor's own sentence.
const anaphorWindow = 40

// resolveAnaphors finds the plural pronouns ("they", "them"), object
// person pronouns ("him", "her"), descriptions of states ("the two
// nations") and of organisations ("the alliance") of the sentence,
// resolves those whose antecedent is unambiguous and records them, then
// records what later sentences may refer to.
func (s *Sentence) resolveAnaphors() {
	if !s.x.cfg.noCoref {
		n := len(s.low)
		for j := 0; j < n; j++ {
			if tag := s.toks[j].Tag; tag != "PRP" && tag != "DT" || s.ment[j] >= 0 || s.epAt[j] >= 0 {
				continue
			}
			w := s.low[j]
			switch {
			case w == "they" && s.eventCopula(j):
			case w == "they" || w == "them":
				cs, ok := s.resolvePlural(j, j+1, 0, w == "they", false, false)
				s.addAnaphor(j, j+1, cs, ok, true)
			case (w == "the" || w == "both") && j+1 < n && (isNounTag(s.toks[j+1].Tag) || s.toks[j+1].Tag == "CD" || isAdjTag(s.toks[j+1].Tag)):
				if e, ok := s.stateDescription(j); ok {
					cs := s.sentenceIt(j)
					ok = len(cs) == 1 && s.m(cs[0].m).Type == sta
					s.addAnaphor(j, e, cs, ok, false)
					j = e - 1
					continue
				}
				if e, ok := s.governmentDescription(j); ok {
					o := s.dc.documentState()
					s.addAnaphor(j, e, []cand{{m: o}}, o >= 0, false)
					j = e - 1
					continue
				}
				if e, cls, ok := s.orgDescription(j); ok {
					cs, ok := s.resolveOrg(j, cls)
					s.addAnaphor(j, e, cs, ok, false)
					j = e - 1
					continue
				}
				if e, num, person, ok := s.pluralDescription(j); ok {
					cs, ok := s.resolvePlural(j, e, num, false, true, person)
					s.addAnaphor(j, e, cs, ok, true)
					j = e - 1
				}
			}
		}
	}
	s.recordAntecedents()
}

// addAnaphor records a resolved anaphor at tokens [a, b); an unresolved
// plural one makes the sentence ambiguous for later plural anaphors.
func (s *Sentence) addAnaphor(a, b int, cs []cand, ok, plural bool) {
	if !ok {
		if plural {
			s.dc.antes[s.Index].unresolvedPlural = true
		}
		return
	}
	for i := range cs {
		cs[i].anaphor, cs[i].aStart, cs[i].aEnd, cs[i].tokStart, cs[i].tokEnd = true, a, b, a, b
	}
	k := len(s.anas)
	s.anas = append(s.anas, anaphor{start: a, end: b, cands: cs, plural: plural})
	for i := a; i < b; i++ {
		s.anaAt[i] = k
	}
}

// descriptionEnds reports whether the description ending before token e
// is complete: not followed by a possessive, a complement, a restrictive
// relative clause or another noun ("the alliance's flank", "the union of
// ...", "the bloc that would ...", "the two countries' leaders").
func (s *Sentence) descriptionEnds(e int) bool {
	if e >= len(s.low) {
		return true
	}
	w := s.low[e]
	if s.ment[e] >= 0 || w == "'s" || w == "'" || w == "of" || w == "that" || w == "which" || w == "who" || w == "between" {
		return false
	}
	return !isNounTag(s.toks[e].Tag) || isPunct(w)
}

// stateNouns head descriptions of one state: "the country", "the Nordic
// country", "the Baltic state".
var stateNouns = set(words("stateNouns")...)

// stateDescription matches a description of one state that opens the
// sentence as its subject ("The country joined ...", "The Nordic country
// had applied ...": "the", up to three adjectives or unknown proper
// nouns, a state noun, then a verb), and returns its end.
func (s *Sentence) stateDescription(j int) (int, bool) {
	if j != 0 || s.low[j] != "the" {
		return 0, false
	}
	n := len(s.low)
	k := j + 1
	for k < n && k < j+4 && s.ment[k] < 0 && (isAdjTag(s.toks[k].Tag) || s.toks[k].Tag == "NNP" && isCapWord(s.toks[k].Text)) {
		k++
	}
	if k >= n || s.ment[k] >= 0 || !stateNouns[s.low[k]] || s.toks[k].Tag != "NN" {
		return 0, false
	}
	e := k + 1
	v := e
	for v < n && v < e+4 && (auxWords[s.low[v]] || s.toks[v].Tag == "RB") {
		v++
	}
	if v >= n || !isVerbTag(s.toks[v].Tag) || s.ment[v] >= 0 {
		return 0, false
	}
	return e, true
}

// governmentNouns1 head descriptions of the government of the state a
// document is about: "the government", "the regime".
var governmentNouns1 = set(words("governmentDescriptions")...)

// governmentDescription matches "the government" and "the regime" at token
// j, a complete description (not "the government of X", "the
// government's"), and returns its end.
func (s *Sentence) governmentDescription(j int) (int, bool) {
	k := j + 1
	if s.low[j] != "the" || k >= len(s.low) || s.ment[k] >= 0 || !governmentNouns1[s.low[k]] || s.toks[k].Tag != "NN" {
		return 0, false
	}
	if !s.descriptionEnds(k + 1) {
		return 0, false
	}
	return k + 1, true
}

// orgDescription matches "the alliance", "the bloc" (also as a possessor:
// "the bloc's tenth member") at token j.
func (s *Sentence) orgDescription(j int) (end int, cls orgClass, ok bool) {
	if s.low[j] != "the" || j+1 >= len(s.low) || s.ment[j+1] >= 0 {
		return 0, 0, false
	}
	cls, ok = orgDescriptions[s.low[j+1]]
	possessive := j+2 < len(s.low) && (s.low[j+2] == "'s" || s.low[j+2] == "'")
	if !ok || !isNounTag(s.toks[j+1].Tag) || !possessive && !s.descriptionEnds(j+2) {
		return 0, 0, false
	}
	return j + 2, cls, true
}

// pluralDescription matches "the two nations", "both countries", "the
// republics", "the two leaders" at token j.
func (s *Sentence) pluralDescription(j int) (end, num int, person, ok bool) {
	n := len(s.low)
	k := j + 1
	if s.low[j] == "both" {
		num = 2
	} else if k < n {
		if v, isNum := numberWords[s.low[k]]; isNum {
			num = v
			k++
		}
	}
	if k >= n || s.ment[k] >= 0 || !s.descriptionEnds(k+1) {
		return 0, 0, false, false
	}
	w := s.low[k]
	switch {
	case pluralPersonNouns[w] && num > 0:
		return k + 1, num, true, true
	case pluralStateNouns[w] && (num > 0 || w == "republics"):
		return k + 1, num, false, true
	}
	return 0, 0, false, false
}

// eligible reports whether a group of mentions can be the antecedent of a
// plural anaphor: persons for a description of persons, states and
// organisations for one of states, either for a pronoun; num members when
// the description gives a number.
func (s *Sentence) eligible(person bool, ms []int, num int, pronoun, descPerson bool) bool {
	if num > 0 && len(ms) != num || len(ms) < 2 {
		return false
	}
	if pronoun {
		return true
	}
	return person == descPerson
}

// resolvePlural resolves the plural anaphor at tokens [a, b): to the one
// group of two or more entities before it in the sentence (within
// anaphorWindow tokens; [Sentence.pluralInSentence]), else to the one such
// group of the nearest of the three previous sentences that has any
// ([Sentence.pluralBefore]). A subject pronoun ("they") needs a group that
// is the subject of its clause; a pronoun is left unresolved when a plural
// common noun ("officials") stands between it and its antecedent in the
// sentence; an object pronoun ("them") is not the subject of its own verb
// ([Sentence.pronounSubject]), and no anaphor refers to a group of its own
// clause.
func (s *Sentence) resolvePlural(a, b, num int, subjPronoun, desc, descPerson bool) ([]cand, bool) {
	pronoun := !desc
	exclude := -1
	if pronoun && !subjPronoun {
		exclude = s.pronounSubject(a)
	}
	found, ambiguous, nouns := s.pluralInSentence(a, num, pronoun, subjPronoun, descPerson, exclude)
	if ambiguous {
		return nil, false
	}
	if found >= 0 {
		cs, _ := s.groupCands(found)
		return cs, true
	}
	if pronoun && nouns {
		return nil, false
	}
	return s.pluralBefore(num, subjPronoun, desc, descPerson)
}

// pronounSubject returns the mention of the subject of the verb right
// before an object pronoun at token a ("Putin and Xi met them"), which the
// pronoun cannot name, or -1.
func (s *Sentence) pronounSubject(a int) int {
	if a > 0 && isVerbTag(s.toks[a-1].Tag) {
		if sc := s.subjectOf(a-1, 0); len(sc) > 0 {
			return sc[0].m
		}
	}
	return -1
}

// pluralInSentence looks back from the plural anaphor at token a, within
// anaphorWindow tokens, for a group of two or more entities of the
// sentence that it may name: of types that go together, eligible for the
// anaphor ([Sentence.eligible]), the subject of its clause for a subject
// pronoun, not led by the mention exclude and not in the anaphor's own
// clause ("Qatar and Egypt mediated talks between the two sides"). It
// returns the group, whether a second one or, for a pronoun, a plural
// common noun between ("officials") makes it ambiguous, and whether such
// a noun stands before the anaphor.
func (s *Sentence) pluralInSentence(a, num int, pronoun, subjPronoun, descPerson bool, exclude int) (found int, ambiguous, nouns bool) {
	found = -1
	for k := a - 1; k >= 0 && k >= a-anaphorWindow; k-- {
		if pronoun && s.ment[k] < 0 && s.toks[k].Tag == "NNS" && s.grpAt[k] < 0 {
			nouns = true
		}
		g := s.grpAt[k]
		if g < 0 {
			continue
		}
		gr := &s.groups[g]
		k = gr.start
		if len(gr.members) < 2 || gr.end != s.eps[gr.members[len(gr.members)-1]].end {
			continue
		}
		ms := s.groupMentions(g)
		if !s.groupTypesOK(ms) || !s.eligible(s.m(ms[0]).Type == per, ms, num, pronoun, descPerson) {
			continue
		}
		if subjPronoun && !s.groupIsSubject(g) || ms[0] == exclude || s.sameClause(gr.end, a) {
			continue
		}
		if found >= 0 || nouns {
			return found, true, nouns
		}
		found = g
	}
	return found, false, nouns
}

// pluralBefore resolves a plural anaphor to the one eligible plural group
// of the nearest of the three previous sentences that has any
// ([Sentence.recordAntecedents]), or, for a description of states ("the
// two countries"), to the states of two leaders who met there
// ([Sentence.leadersStates]): "Putin met Kim in Pyongyang. The two
// countries signed a treaty". A sentence with too many groups, or with an
// unresolved plural pronoun for a pronoun, stops the search.
func (s *Sentence) pluralBefore(num int, subjPronoun, desc, descPerson bool) ([]cand, bool) {
	pronoun := !desc
	for back := 1; back <= maxCorefSentences && s.Index-back >= 0; back++ {
		si := s.Index - back
		an := &s.dc.antes[si]
		if an.unresolvedPlural && pronoun || an.manyPlurals {
			return nil, false
		}
		var pick *pluralGroup
		n := 0
		for i := an.plFrom; i < an.plTo; i++ {
			pg := &s.dc.plurals[i]
			if !s.eligible(pg.person, s.dc.pluralMs[pg.from:pg.to], num, pronoun, descPerson) && !s.leadersStates(pg, desc, descPerson) {
				continue
			}
			n++
			pick = pg
		}
		if n == 0 {
			continue
		}
		if n > 1 || subjPronoun && !pick.subject {
			return nil, false
		}
		ms := s.dc.pluralMs[pick.from:pick.to]
		cs := make([]cand, len(ms))
		for i, m := range ms {
			if pick.person && desc && !descPerson {
				// The states of the two leaders.
				m, _ = s.dc.stateOf(m)
			}
			cs[i] = cand{m: m}
		}
		return cs, true
	}
	return nil, false
}

// leadersStates reports whether a description of states ("the two
// countries") can take the group of two persons pg who met: each person
// was named an official of one state in the document, and the states
// differ.
func (s *Sentence) leadersStates(pg *pluralGroup, desc, descPerson bool) bool {
	if !pg.person || !desc || descPerson {
		return false
	}
	ms := s.dc.pluralMs[pg.from:pg.to]
	if len(ms) != 2 {
		return false
	}
	a, okA := s.dc.stateOf(ms[0])
	b, okB := s.dc.stateOf(ms[1])
	return okA && okB && identity(s.m(a)) != identity(s.m(b))
}

// sameClause reports whether tokens [a, b) hold no clause break: an
// anaphor in the clause of its antecedent would be reflexive ("Qatar and
// Egypt mediated talks between the two sides" are not talks between Qatar
// and Egypt).
func (s *Sentence) sameClause(a, b int) bool {
	for k := a; k < b; k++ {
		if w := s.low[k]; s.cls[k]&wcClauseBreak != 0 || w == "and" || w == "or" || w == "." {
			return false
		}
	}
	return true
}

// groupTypesOK reports whether a group's members are all persons, or all
// states and organisations.
func (s *Sentence) groupTypesOK(ms []int) bool {
	person := s.m(ms[0]).Type == per
	for _, m := range ms {
		t := s.m(m).Type
		if person && t != per || !person && t != sta && t != org || s.m(m).Adjectival {
			return false
		}
	}
	return true
}

// groupIsSubject reports whether group g is followed by its verb, across
// auxiliaries and adverbs.
func (s *Sentence) groupIsSubject(g int) bool {
	k := s.groups[g].end
	for k < len(s.low) && k < s.groups[g].end+4 && (auxWords[s.low[k]] || s.toks[k].Tag == "RB") {
		k++
	}
	return k < len(s.low) && (isVerbTag(s.toks[k].Tag) || s.misTaggedVerb(k)) && s.ment[k] < 0
}

// resolveOrg resolves "the alliance", "the bloc" at token a to the one
// organisation of the class named before it in the sentence (within
// anaphorWindow tokens), else in the nearest of the three previous
// sentences that names any.
func (s *Sentence) resolveOrg(a int, cls orgClass) ([]cand, bool) {
	found := -1
	for k := a - 1; k >= 0 && k >= a-anaphorWindow; k-- {
		if x := s.anaAt[k]; x >= 0 {
			if s.anas[x].plural || len(s.anas[x].cands) != 1 || !s.orgOfClass(s.anas[x].cands[0].m, cls) {
				k = s.anas[x].start
				continue
			}
			m := s.anas[x].cands[0].m
			if found >= 0 && identity(s.m(found)) != identity(s.m(m)) {
				return nil, false
			}
			found = m
			continue
		}
		m := s.ment[k]
		if m < 0 || !s.orgOfClass(m, cls) {
			continue
		}
		if found >= 0 && identity(s.m(found)) != identity(s.m(m)) {
			return nil, false
		}
		found = m
	}
	if found >= 0 {
		return []cand{{m: found}}, true
	}
	for back := 1; back <= maxCorefSentences && s.Index-back >= 0; back++ {
		switch m := s.dc.antes[s.Index-back].orgs[cls]; {
		case m == -2:
			return nil, false
		case m >= 0:
			return []cand{{m: int(m)}}, true
		}
	}
	return nil, false
}

// orgOfClass reports whether mention m is an organisation that a
// description of class cls may name.
func (s *Sentence) orgOfClass(m int, cls orgClass) bool {
	mm := s.m(m)
	if mm.Type != org || mm.Adjectival || cls == orgGroup && mm.ID == "" {
		return false
	}
	return s.categoryOK(m, orgClassCats[cls])
}

// recordAntecedents records the plural groups and the organisations of
// the sentence for the anaphors of later sentences: its groups of two or
// more entities ([Sentence.recordGroups]), its resolved plural anaphors
// and the organisations its anaphors and mentions name
// ([Sentence.recordAnaphors], [Sentence.noteOrg]), and its subject
// ([Sentence.openingSubject]).
func (s *Sentence) recordAntecedents() {
	dc := s.dc
	an := &dc.antes[s.Index]
	an.plFrom = int32(len(dc.plurals))
	s.recordGroups(an)
	for c := range an.orgs {
		an.orgs[c] = -1
	}
	s.recordAnaphors(an)
	for m := s.m0; m < s.m1; m++ {
		if s.mts[m-s.m0] >= 0 && s.m(m).Type == org {
			s.noteOrg(an, m)
		}
	}
	an.plTo = int32(len(dc.plurals))
	an.subject = s.openingSubject()
}

// addPlural records the mentions ms as a plural group of the sentence
// whose antecedents are an, the subject of its clause or not, unless the
// sentence has maxPluralGroups already, which marks it as having too
// many.
func (s *Sentence) addPlural(an *sentAntecedents, ms []int, subject bool) {
	dc := s.dc
	if len(dc.plurals)-int(an.plFrom) >= maxPluralGroups {
		an.manyPlurals = true
		return
	}
	from := int32(len(dc.pluralMs))
	dc.pluralMs = append(dc.pluralMs, ms...)
	dc.plurals = append(dc.plurals, pluralGroup{from: from, to: int32(len(dc.pluralMs)), subject: subject, person: s.m(ms[0]).Type == per})
}

// recordGroups records the groups of two or more entities of the
// sentence whose types go together ("Russia and China", "Putin and Xi")
// as plural groups in an, until there are too many.
func (s *Sentence) recordGroups(an *sentAntecedents) {
	var buf [16]int
	for g := range s.groups {
		gr := &s.groups[g]
		if len(gr.members) < 2 || gr.end != s.eps[gr.members[len(gr.members)-1]].end {
			continue
		}
		ms := buf[:0]
		for _, e := range gr.members {
			ms = append(ms, s.eps[e].m)
		}
		if !s.groupTypesOK(ms) {
			continue
		}
		s.addPlural(an, ms, s.groupIsSubject(g))
		if an.manyPlurals {
			break
		}
	}
}

// recordAnaphors records in an the antecedents of the sentence's
// anaphors: a plural anaphor ("the two countries") as a plural group,
// the subject of its clause when its verb follows across auxiliaries and
// adverbs, and the organisation of a singular one ("the alliance").
func (s *Sentence) recordAnaphors(an *sentAntecedents) {
	var buf [16]int
	for i := range s.anas {
		a := &s.anas[i]
		if a.plural {
			ms := buf[:0]
			for _, c := range a.cands {
				ms = append(ms, c.m)
			}
			k := a.end
			for k < len(s.low) && k < a.end+4 && (auxWords[s.low[k]] || s.toks[k].Tag == "RB") {
				k++
			}
			s.addPlural(an, ms, k < len(s.low) && isVerbTag(s.toks[k].Tag) && s.ment[k] < 0)
		} else if len(a.cands) == 1 && s.m(a.cands[0].m).Type == org {
			s.noteOrg(an, a.cands[0].m)
		}
	}
}

// noteOrg records organisation mention m in an as the organisation of
// each class that may name it ("the alliance", "the bloc"), or, when the
// sentence names another organisation of that class, the class as
// ambiguous (-2). As in orgOfClass, "the group" names known blocs only.
func (s *Sentence) noteOrg(an *sentAntecedents, m int) {
	mm := s.m(m)
	if mm.Type != org || mm.Adjectival {
		return
	}
	cat, known := s.x.orgCats[mm.ID]
	for c := orgClass(0); c < nOrgClasses; c++ {
		if known && !orgClassCats[c][cat] || c == orgGroup && mm.ID == "" {
			continue
		}
		switch {
		case an.orgs[c] == -1:
			an.orgs[c] = int32(m)
		case an.orgs[c] >= 0 && identity(s.m(int(an.orgs[c]))) != identity(s.m(m)):
			an.orgs[c] = -2
		}
	}
}

// openingSubject returns the mention of the sentence's first group if it
// opens the sentence, is one state or organisation, and is the subject
// ("Russia said ...", "The EU agreed ..."), or -1.
func (s *Sentence) openingSubject() int32 {
	if len(s.groups) == 0 {
		return -1
	}
	gr := &s.groups[0]
	ep := &s.eps[gr.members[0]]
	opens := gr.start == 0 || gr.start == 1 && s.low[0] == "the"
	if mm := s.m(ep.m); opens && len(gr.members) == 1 && !ep.force && s.groupIsSubject(0) && (mm.Type == sta || mm.Type == org) && !mm.Adjectival {
		return int32(ep.m)
	}
	return -1
}

// recordMeetings records the parties of the sentence's asserted meetings
// of two persons as a plural group, once its relations are found: "Xi
// hosted Lula in Beijing. The two leaders signed ...".
func (s *Sentence) recordMeetings() {
	dc := s.dc
	an := &dc.antes[s.Index]
	for i := range s.rels {
		r := &s.rels[i]
		if r.Type != MetWith || r.Modality != Asserted || len(r.Parties) != 2 {
			continue
		}
		a, b := r.Parties[0].Entity, r.Parties[1].Entity
		if s.m(a).Type != per || s.m(b).Type != per {
			continue
		}
		if int(an.plTo-an.plFrom) >= maxPluralGroups || int(an.plTo) != len(dc.plurals) {
			an.manyPlurals = true
			return
		}
		from := int32(len(dc.pluralMs))
		dc.pluralMs = append(dc.pluralMs, a, b)
		dc.plurals = append(dc.plurals, pluralGroup{from: from, to: from + 2, subject: true, person: true})
		an.plTo = int32(len(dc.plurals))
	}
}

// sentenceIt resolves "It" opening the sentence at token j (= 0) to the
// subject of the previous sentence when that is one state or organisation
// ("Niger expelled French troops. It later joined ..."), or returns nil.
func (s *Sentence) sentenceIt(j int) []cand {
	if j != 0 || s.Index == 0 || s.x.cfg.noCoref {
		return nil
	}
	m := s.dc.antes[s.Index-1].subject
	if m < 0 {
		return nil
	}
	if s.low[j] == "it" && s.eventCopula(j) {
		return nil
	}
	return []cand{{m: int(m), anaphor: true, aStart: j, aEnd: j + 1, tokStart: j, tokEnd: j + 1}}
}

// eventCopula reports whether the pronoun at token j is the subject of a
// copula that does not give a status: "It was the largest attack ...",
// "They were the largest exercises ..." describe events, not states, but
// "It is a member state of the UN" and "They are allies" do.
func (s *Sentence) eventCopula(j int) bool {
	n := len(s.low)
	k := j + 1
	for k < n && k < j+4 && (s.toks[k].Tag == "RB" || s.low[k] == "has" || s.low[k] == "have" || s.low[k] == "had") {
		k++
	}
	if k >= n || !beForms[s.low[k]] {
		return false
	}
	for e := k + 1; e < n && e < k+6; e++ {
		if statusNouns[s.low[e]] {
			return false
		}
	}
	return true
}

// statusNouns name a standing of a state, which "It is a ..." may state
// of the state named before.
var statusNouns = set(words("statusNouns")...)

// objectPosition reports whether the pronoun at token j is an object: it
// follows a verb, or a preposition after a verb ("met with him").
func (s *Sentence) objectPosition(j int) bool {
	if j == 0 {
		return false
	}
	if isVerbTag(s.toks[j-1].Tag) {
		return true
	}
	return j >= 2 && s.toks[j-1].Tag == "IN" && isVerbTag(s.toks[j-2].Tag)
}

// resolveObjectPerson resolves the object pronoun "him" or "her" at token
// j to a PERSON mention that is not the subject of its verb: the one such
// person before it in the sentence, else the one such person of the
// nearest of the three previous sentences that mentions any person
// (counting the antecedents of its pronouns), if that sentence has no
// unresolved person pronoun.
func (s *Sentence) resolveObjectPerson(j int) (cand, bool) {
	v := j - 1
	if !isVerbTag(s.toks[v].Tag) {
		v--
	}
	var subj string
	if sc := s.subjectOf(v, 0); len(sc) == 1 {
		subj = identity(s.m(sc[0].m))
	} else if len(sc) > 1 {
		return cand{}, false
	}
	// pick returns the one person of ms other than the subject, -1 for
	// none, -2 for several.
	pick := func(ms []int) int {
		found := -1
		for _, m := range ms {
			id := identity(s.m(m))
			if id == subj {
				continue
			}
			if found >= 0 && identity(s.m(found)) != id {
				return -2
			}
			found = m
		}
		return found
	}
	var before []int
	for i := len(s.persons) - 1; i >= 0; i-- {
		ep := &s.eps[s.persons[i]]
		if ep.end <= j-anaphorWindow {
			break
		}
		if ep.end <= j {
			before = append(before, ep.m)
		}
	}
	found := func(m int) (cand, bool) {
		return cand{m: m, anaphor: true, aStart: j, aEnd: j + 1, tokStart: j, tokEnd: j + 1}, true
	}
	switch m := pick(before); {
	case m >= 0:
		return found(m)
	case m == -2:
		return cand{}, false
	}
	for back := 1; back <= maxCorefSentences && s.Index-back >= 0; back++ {
		si := s.Index - back
		if s.dc.unresolved[si] {
			return cand{}, false
		}
		if len(s.dc.persons[si])+len(s.dc.resolved[si]) > maxAntecedents {
			return cand{}, false
		}
		ms := append(append([]int{}, s.dc.persons[si]...), s.dc.resolved[si]...)
		if len(ms) == 0 {
			continue
		}
		if m := pick(ms); m >= 0 {
			return found(m)
		}
		return cand{}, false
	}
	return cand{}, false
}
