package newsgold

import (
	"fmt"
	"io"
	"sort"

	"github.com/statecraft/statecraft/gazetteer"
)

// EntityTypes are the entity types the entity scorer counts, in the order
// of its table. DATE is written "as written" by the guidelines and
// LOCATION is annotated only as a relation argument, so neither is scored.
var EntityTypes = []string{"PERSON", "STATE", "ORG"}

func scoredType(t string) bool {
	for _, s := range EntityTypes {
		if s == t {
			return true
		}
	}
	return false
}

// Mention is one entity mention of a system as the entity scorer reads
// it: its type (PERSON, STATE, ORG, LOCATION, DATE), its name (the
// gazetteer's, or the fullest form of a person's name), its text and its
// gazetteer id ("" when none). An adjectival mention ("Russian") is a
// mention like any other, of the entity it is linked to.
type Mention struct {
	Type, Name, Text, ID string
}

// Entities returns the document-level entities a system found, as the
// entity scorer compares them with the gold's: a set of (type, canonical
// name), each once, in mention order. The rules:
//
//   - A mention resolves to a gold canonical name through its Name, its
//     Text and the names, aliases and adjectives of its gazetteer entry
//     ([Resolver.ResolveWith], as relation arguments do); one that
//     resolves to no gold name keeps its own Name (its Text when it has
//     none), so it can only be spurious.
//   - The mention's type is kept: a gold ORG found as PERSON is a spurious
//     PERSON (and, unless found as ORG elsewhere, a missed ORG).
//   - An adjectival STATE mention ("Russian") counts as its state: the
//     guidelines annotate a state "also when only referred to by a
//     demonym".
//   - A LOCATION mention counts only when it resolves to a gold STATE (a
//     capital standing for its government: the gold lists "Washington"
//     as an alias of United States), and then as that STATE; any other
//     LOCATION is ignored, since locations are not scored.
//   - DATE mentions, and any other type outside [EntityTypes], are
//     ignored.
//
// g may be nil (no gazetteer names are tried).
func (r *Resolver) Entities(g *gazetteer.Gazetteer, ms []Mention) []Entity {
	var out []Entity
	seen := map[Entity]bool{}
	for _, m := range ms {
		var ids []string
		if m.ID != "" && g != nil {
			ids = []string{m.ID}
		}
		n, ok := r.ResolveWith(g, []string{m.Name, m.Text}, ids...)
		e := Entity{Type: m.Type, Name: n}
		switch {
		case m.Type == "LOCATION":
			if !ok || r.Type(n) != "STATE" {
				continue
			}
			e.Type = "STATE"
		case !scoredType(m.Type):
			continue
		case !ok:
			e.Name = m.Name
			if e.Name == "" {
				e.Name = m.Text
			}
			// Unresolved names are compared in their normal form, so
			// that "U.S." and "US" are one spurious entity.
			k := Entity{e.Type, "\x00" + Norm(e.Name)}
			if seen[k] {
				continue
			}
			seen[k] = true
		}
		if !seen[e] {
			seen[e] = true
			out = append(out, e)
		}
	}
	return out
}

// EntityScores accumulate document-level entity scores over documents:
// per type of [EntityTypes], the gold's set of (type, canonical name)
// against the system's (see [Resolver.Entities]).
type EntityScores struct {
	PerType map[string]*Counts
	Docs    int
	// Misses and Spurious list "doc: TYPE name" lines when Keep is set.
	Keep             bool
	Misses, Spurious []string
}

// NewEntityScores returns empty entity scores.
func NewEntityScores() *EntityScores { return &EntityScores{PerType: map[string]*Counts{}} }

func (s *EntityScores) at(t string) *Counts { return countsAt(s.PerType, t) }

// Add scores the entities a system found in one document (as
// [Resolver.Entities] returns them) against its gold entities. Entities of
// a type outside [EntityTypes] are ignored on both sides; duplicates count
// once.
func (s *EntityScores) Add(doc *Doc, found []Entity) {
	s.Docs++
	want := map[Entity]bool{}
	for _, e := range doc.Entities {
		if scoredType(e.Type) {
			want[e] = true
		}
	}
	have := map[Entity]bool{}
	for _, e := range found {
		if scoredType(e.Type) {
			have[e] = true
		}
	}
	for e := range have {
		c := s.at(e.Type)
		c.Sys++
		if want[e] {
			c.TP++
		} else if s.Keep {
			s.Spurious = append(s.Spurious, fmt.Sprintf("%s: %s %s", doc.ID, e.Type, e.Name))
		}
	}
	for e := range want {
		s.at(e.Type).Gold++
		if !have[e] && s.Keep {
			s.Misses = append(s.Misses, fmt.Sprintf("%s: %s %s", doc.ID, e.Type, e.Name))
		}
	}
	sort.Strings(s.Misses)
	sort.Strings(s.Spurious)
}

// Total returns the counts over all scored types.
func (s *EntityScores) Total() Counts { return sumCounts(s.PerType) }

// Print writes the per-type table, in the columns of [Scores.Print].
func (s *EntityScores) Print(w io.Writer, title string) {
	printCounts(w, title, s.Docs, EntityTypes, s.PerType)
}
