package relations

import (
	"sort"

	"github.com/statecraft/statecraft/entities"
	"github.com/statecraft/statecraft/gazetteer"
)

// docState is what the extraction of one document remembers across
// sentences: where each sentence's mentions are, its PERSON mentions, and
// the owners persons were linked to by official-of.
type docState struct {
	doc     *entities.Document
	gaz     *gazetteer.Gazetteer
	persons [][]int          // PERSON mentions of each sentence
	links   map[string][]int // person identity → owner mentions (official-of found so far)
}

func newDocState(doc *entities.Document, g *gazetteer.Gazetteer) *docState {
	ns := len(doc.Sentences)
	dc := &docState{doc: doc, gaz: g, persons: make([][]int, ns)}
	for i, m := range doc.Mentions {
		if m.Type == entities.Person && m.Sentence >= 0 && m.Sentence < ns {
			dc.persons[m.Sentence] = append(dc.persons[m.Sentence], i)
		}
	}
	return dc
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

// link records that the person of mention person holds an office of the
// owner mention.
func (dc *docState) link(person, owner int) {
	if dc.links == nil {
		dc.links = map[string][]int{}
	}
	k := identity(&dc.doc.Mentions[person])
	dc.links[k] = append(dc.links[k], owner)
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

// maxCorefSentences is how many sentences back a pronoun may find its
// antecedent.
const maxCorefSentences = 3

// resolvePerson resolves the pronoun or definite description at tokens
// [a, b) of s to a PERSON mention. Without an owner, the antecedent is the
// PERSON of the nearest stretch that has any (the current sentence before
// the anaphor, then up to three previous sentences), provided all PERSON
// mentions there name the same person. With an owner (a mention: "the
// Abkhazian official"), it is the most recent PERSON known to hold an
// office of that owner, provided no other such person occurs in the same
// sentence.
func (s *Sentence) resolvePerson(a, b, owner int) (cand, bool) {
	if s.x.cfg.noCoref {
		return cand{}, false
	}
	aStart := s.toks[a].Start
	var ow *mentionRef
	if owner >= 0 {
		ow = &mentionRef{m: owner}
	}
	for back := 0; back <= maxCorefSentences; back++ {
		si := s.Index - back
		if si < 0 {
			break
		}
		var ps []int
		for _, p := range s.dc.persons[si] {
			if back == 0 && s.Doc.Mentions[p].End > aStart {
				break
			}
			if ow != nil && !s.dc.linked(&s.Doc.Mentions[p], &s.Doc.Mentions[ow.m]) {
				continue
			}
			ps = append(ps, p)
		}
		if len(ps) == 0 {
			continue
		}
		id := identity(&s.Doc.Mentions[ps[0]])
		for _, p := range ps[1:] {
			if identity(&s.Doc.Mentions[p]) != id {
				return cand{}, false
			}
		}
		return cand{m: ps[len(ps)-1], anaphor: true, aStart: a, aEnd: b, tokStart: a, tokEnd: b}, true
	}
	return cand{}, false
}

type mentionRef struct{ m int }
