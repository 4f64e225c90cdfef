package relations

import (
	"sort"
	"strings"

	"github.com/statecraft/statecraft/entities"
	"github.com/statecraft/statecraft/gazetteer"
)

// docState is what the extraction of one document remembers across
// sentences: where each sentence's mentions are, its PERSON mentions, and
// the owners persons were linked to by official-of.
type docState struct {
	doc        *entities.Document
	gaz        *gazetteer.Gazetteer
	persons    [][]int          // PERSON mentions of each sentence
	resolved   [][]int          // antecedents of the resolved person pronouns of each sentence
	unresolved []bool           // the sentence has a person pronoun that was not resolved
	links      map[string][]int // person identity → owner mentions (official-of found so far)

	antes    []sentAntecedents // what each sentence offers to the anaphors of later sentences
	plurals  []pluralGroup     // groups of two or more entities, sentence after sentence
	pluralMs []int             // their mentions

	singleState int            // the first mention of the one state the document names, or -1 (none or several)
	dateline    int            // the first mention of the state of the document's dateline (see datelineState), or -1
	datelineID  string         // that state's gazetteer id
	stateFirst  map[string]int // state id → its first mention, built when first needed

	earliest     gazetteer.Date // the earliest date the document names (see earliestDate)
	earliestDone bool
}

// sentAntecedents is what a sentence offers to the plural and
// organisation anaphors of later sentences.
type sentAntecedents struct {
	plFrom, plTo     int32              // its plural groups are plurals[plFrom:plTo] (at most maxPluralGroups)
	orgs             [nOrgClasses]int32 // the organisation of each class it names: a mention, -1 for none, -2 for several
	subject          int32              // its subject when that is one state or organisation (for a later "It ..."), else -1
	manyPlurals      bool               // it has more plural groups than recorded
	unresolvedPlural bool               // it has a plural anaphor that was not resolved
}

func newDocState(doc *entities.Document, g *gazetteer.Gazetteer) *docState {
	ns := len(doc.Sentences)
	dc := &docState{doc: doc, gaz: g, persons: make([][]int, ns), resolved: make([][]int, ns), unresolved: make([]bool, ns),
		antes: make([]sentAntecedents, ns)}
	dc.singleState, dc.dateline = -1, -1
	several, named := false, false
	for i := range doc.Mentions {
		m := &doc.Mentions[i]
		if m.Type == entities.Person && m.Sentence >= 0 && m.Sentence < ns {
			dc.persons[m.Sentence] = append(dc.persons[m.Sentence], i)
		}
		if m.Type == entities.State && !several {
			named = named || !m.Adjectival
			switch {
			case dc.singleState < 0:
				dc.singleState = i
			case !sameEntity(&doc.Mentions[dc.singleState], m):
				several = true
			}
		}
	}
	if !several && named && dc.singleState >= 0 && g != nil && otherStateBodies(doc, g, doc.Mentions[dc.singleState].ID) {
		// "House Speaker Paul Ryan" in a story on Washington that names
		// Russia once: another state's government speaks in it.
		several = true
	}
	if several || !named {
		// A state only named by its adjective ("American military
		// governor") is no topic of the document.
		dc.singleState = -1
	}
	return dc
}

// setDateline records the dateline's state mention d (see
// Extractor.datelineState; -1 for none). A dateline in the capital of
// another state than the one the document names makes two states: the
// one named is no longer the document's only state.
func (dc *docState) setDateline(d int, state string) {
	dc.dateline, dc.datelineID = d, state
	if d >= 0 && dc.singleState >= 0 && dc.doc.Mentions[d].Type != entities.State {
		dc.singleState = -1
	}
}

// implicitState returns a mention of the state whose office a title
// without owner names before the person of mention person ("Prime
// Minister Ulf Kristersson"): the state the gazetteer gives the person a
// role of that name in, if the document names it or its capital is the
// dateline, else the one state the document names (at least once by its
// name, not only by an adjective); -1 if neither is known.
func (dc *docState) implicitState(person int, role string) int {
	pm := &dc.doc.Mentions[person]
	if pm.ID != "" && dc.gaz != nil {
		if e, ok := dc.gaz.Entry(pm.ID); ok {
			of := ""
			for _, r := range e.Roles {
				if !strings.EqualFold(r.Role, role) || !strings.HasPrefix(r.Of, "state/") {
					continue
				}
				if of != "" && of != r.Of {
					return -1
				}
				of = r.Of
			}
			if of != "" {
				if i := dc.firstStateMention(of); i >= 0 || of != dc.datelineID {
					return i
				}
				return dc.dateline // "WASHINGTON ... President Bill Clinton"
			}
		}
	}
	if dc.singleState >= 0 {
		return dc.singleState
	}
	// Several states: the dateline's if the document names it, unless
	// the person holds an office of another entity somewhere before
	// ("BEIRUT ... Prime Minister Hariri", but not a minister of another
	// state titled before). A dateline's state the text never names is
	// only the state of the people the gazetteer knows in its offices
	// (above): a "WASHINGTON" story on Israel may speak of "Foreign
	// Minister David Levy".
	if dc.dateline >= 0 && dc.doc.Mentions[dc.dateline].Type == entities.State && len(dc.links[identity(pm)]) == 0 {
		return dc.dateline
	}
	return -1
}

// documentState returns the first mention of the state a document is
// about, for "the government" without a state: the one state it names,
// else the state of its dateline when it names that state; -1 if
// neither.
func (dc *docState) documentState() int {
	if dc.singleState >= 0 {
		return dc.singleState
	}
	if dc.dateline >= 0 && dc.doc.Mentions[dc.dateline].Type == entities.State {
		return dc.dateline
	}
	return -1
}

// sentMentions returns the range [m0, m1) of the mentions of sentence si.
// Mentions are in text order, so their sentence indices do not decrease.
func (dc *docState) sentMentions(si int) (int, int) {
	ms := dc.doc.Mentions
	m0 := sort.Search(len(ms), func(i int) bool { return ms[i].Sentence >= si })
	m1 := sort.Search(len(ms), func(i int) bool { return ms[i].Sentence > si })
	if m1 < m0 {
		m1 = m0
	}
	return m0, m1
}

// identity names the entity a mention refers to: its gazetteer id, or its
// canonical name for unknown people.
func identity(m *entities.Mention) string {
	if m.ID != "" {
		return m.ID
	}
	return string(m.Type) + ":" + m.Name
}

// sameEntity reports whether two mentions have the same identity, without
// building it.
func sameEntity(a, b *entities.Mention) bool {
	if a.ID != "" || b.ID != "" {
		return a.ID == b.ID
	}
	return a.Type == b.Type && a.Name == b.Name
}

// link records that the person of mention person holds an office of the
// owner mention. A person keeps one entry per owner entity, its latest
// mention, so that a person named as an official a thousand times costs
// linked and stateOf no more than one named once.
func (dc *docState) link(person, owner int) {
	if dc.links == nil {
		dc.links = map[string][]int{}
	}
	k := identity(&dc.doc.Mentions[person])
	list := dc.links[k]
	for j, o := range list {
		if o >= 0 && owner >= 0 && sameEntity(&dc.doc.Mentions[o], &dc.doc.Mentions[owner]) {
			list[j] = owner
			return
		}
	}
	dc.links[k] = append(list, owner)
}

// linked reports whether person is known to hold an office of owner: by an
// official-of relation found earlier in the document, or by a role in the
// gazetteer.
func (dc *docState) linked(person, owner *entities.Mention) bool {
	ow := identity(owner)
	for _, o := range dc.links[identity(person)] {
		if o >= 0 && identity(&dc.doc.Mentions[o]) == ow {
			return true
		}
	}
	if person.ID != "" && owner.ID != "" && dc.gaz != nil {
		if e, ok := dc.gaz.Entry(person.ID); ok {
			for _, r := range e.Roles {
				if r.Of == owner.ID {
					return true
				}
			}
		}
	}
	return false
}

// stateOf returns the state a person was linked to by official-of earlier
// in the document, if there is exactly one.
func (dc *docState) stateOf(person int) (int, bool) {
	found := -1
	for _, o := range dc.links[identity(&dc.doc.Mentions[person])] {
		if o < 0 || dc.doc.Mentions[o].Type != sta {
			continue
		}
		if found >= 0 && identity(&dc.doc.Mentions[found]) != identity(&dc.doc.Mentions[o]) {
			return -1, false
		}
		found = o
	}
	return found, found >= 0
}

// maxCorefSentences is how many sentences back a pronoun may find its
// antecedent.
const maxCorefSentences = 3

// anaphoricPronouns are the pronouns that refer to a person; an
// unresolved one makes its sentence ambiguous for later pronouns.
var anaphoricPronouns = set(words("anaphoricPronouns")...)

// resolvePronouns resolves the person pronouns of the sentence, so that
// later sentences know which persons it mentions.
func (s *Sentence) resolvePronouns() {
	if s.x.cfg.noCoref {
		return
	}
	for j, w := range s.low {
		// Pronouns are tagged PRP or PRP$; the tag is cheaper to test than
		// the word.
		if tag := s.toks[j].Tag; len(tag) < 3 || tag[:3] != "PRP" || !anaphoricPronouns[w] || s.ment[j] >= 0 {
			continue
		}
		if (w == "him" || w == "her") && s.toks[j].Tag == "PRP" && s.objectPosition(j) {
			// An object: "Putin met him".
			if c, ok := s.resolveObjectPerson(j); ok {
				s.dc.resolved[s.Index] = append(s.dc.resolved[s.Index], c.m)
				s.addAnaphor(j, j+1, []cand{c}, true, false)
			} else {
				s.dc.unresolved[s.Index] = true
			}
			continue
		}
		if c, ok := s.resolvePerson(j, j+1, -1); ok {
			s.dc.resolved[s.Index] = append(s.dc.resolved[s.Index], c.m)
		} else {
			s.dc.unresolved[s.Index] = true
		}
	}
}

// resolvePerson resolves the pronoun or definite description at tokens
// [a, b) of s to a PERSON mention.
//
// Without an owner, the antecedent is, first, the person who is the
// subject of a clause earlier in the same sentence ("Putin said he ...";
// [Sentence.subjectPerson]), if there is exactly one; otherwise the
// person of the nearest of the three previous sentences that mentions any
// person, provided it mentions exactly one (counting the antecedents of
// its own pronouns) and has no unresolved person pronoun
// ([Sentence.personBefore]). With an owner (a mention: "the Abkhazian
// official"), it is the most recent person known to hold an office of that
// owner ([docState.linked]), provided no other such person occurs in the
// same sentence ([Sentence.ownerOfficial]).
func (s *Sentence) resolvePerson(a, b, owner int) (cand, bool) {
	if s.x.cfg.noCoref {
		return cand{}, false
	}
	var m int
	var ok bool
	if owner >= 0 {
		m, ok = s.ownerOfficial(a, owner)
	} else {
		var subj bool
		if m, ok, subj = s.subjectPerson(a); !subj {
			m, ok = s.personBefore()
		}
	}
	if !ok {
		return cand{}, false
	}
	return cand{m: m, anaphor: true, aStart: a, aEnd: b, tokStart: a, tokEnd: b}, true
}

// uniquePerson returns the last of the mentions ms if they all name one
// person.
func (s *Sentence) uniquePerson(ms []int) (int, bool) {
	if len(ms) == 0 {
		return -1, false
	}
	id := identity(&s.Doc.Mentions[ms[0]])
	for _, m := range ms[1:] {
		if identity(&s.Doc.Mentions[m]) != id {
			return -1, false
		}
	}
	return ms[len(ms)-1], true
}

// ownerOfficial returns the person known to hold an office of mention
// owner ("the Abkhazian official") in the nearest of this sentence, before
// token a, and the three previous ones that names any, among the persons
// they mention and the antecedents of their pronouns, provided that
// sentence names one such person only.
func (s *Sentence) ownerOfficial(a, owner int) (int, bool) {
	ow := &s.Doc.Mentions[owner]
	for back := 0; back <= maxCorefSentences && s.Index-back >= 0; back++ {
		si := s.Index - back
		var ms []int
		for _, p := range append(append([]int{}, s.dc.persons[si]...), s.dc.resolved[si]...) {
			if back == 0 && s.Doc.Mentions[p].Sentence == si && s.Doc.Mentions[p].End > s.toks[a].Start {
				continue
			}
			if s.dc.linked(&s.Doc.Mentions[p], ow) {
				ms = append(ms, p)
			}
		}
		if len(ms) > 0 {
			return s.uniquePerson(ms)
		}
	}
	return -1, false
}

// subjectPerson returns the person who is the subject of a clause that
// ends before token a in the sentence, a person followed by its verb
// ("Putin said he ..."), if they are all one person. Its third result
// reports whether there is any such subject: then the search stops.
func (s *Sentence) subjectPerson(a int) (int, bool, bool) {
	var subj []int
	for _, e := range s.persons {
		ep := &s.eps[e]
		if ep.end <= a && s.verbFollows(ep.end) {
			subj = append(subj, ep.m)
		}
	}
	if len(subj) == 0 {
		return -1, false, false
	}
	m, ok := s.uniquePerson(subj)
	return m, ok, true
}

// personBefore returns the person of the nearest of the three previous
// sentences that mentions any person, counting the antecedents of its
// pronouns, provided they are all one person and the sentences between
// have no unresolved person pronoun; its explicit mention, the last, if
// the person has one.
func (s *Sentence) personBefore() (int, bool) {
	for back := 1; back <= maxCorefSentences && s.Index-back >= 0; back++ {
		si := s.Index - back
		if s.dc.unresolved[si] {
			return -1, false
		}
		ms := append(append([]int{}, s.dc.persons[si]...), s.dc.resolved[si]...)
		if len(ms) == 0 {
			continue
		}
		m, ok := s.uniquePerson(ms)
		if !ok {
			return -1, false
		}
		for i := len(s.dc.persons[si]) - 1; i >= 0; i-- {
			if p := s.dc.persons[si][i]; identity(&s.Doc.Mentions[p]) == identity(&s.Doc.Mentions[m]) {
				return p, true
			}
		}
		return m, true
	}
	return -1, false
}

// firstStateMention returns the first STATE mention of the state id, or
// -1 when the document does not name it.
func (dc *docState) firstStateMention(id string) int {
	if dc.stateFirst == nil {
		dc.stateFirst = map[string]int{}
		for i := range dc.doc.Mentions {
			m := &dc.doc.Mentions[i]
			if _, seen := dc.stateFirst[m.ID]; m.Type == entities.State && m.ID != "" && !seen {
				dc.stateFirst[m.ID] = i
			}
		}
	}
	if i, ok := dc.stateFirst[id]; ok {
		return i
	}
	return -1
}

// otherStateBodies reports whether doc names a government body, armed
// force or party of a state other than the state id ("the White House"
// in a document whose one named state is Russia).
func otherStateBodies(doc *entities.Document, g *gazetteer.Gazetteer, id string) bool {
	for i := range doc.Mentions {
		m := &doc.Mentions[i]
		if m.Type != entities.Org || m.ID == "" {
			continue
		}
		e, ok := g.Entry(m.ID)
		if !ok || !strings.HasPrefix(e.Country, "state/") || e.Country == id {
			continue
		}
		switch e.Category {
		case "government", "military", "party":
			return true
		}
	}
	return false
}
