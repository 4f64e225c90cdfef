package newsgold

import (
	"fmt"
	"io"
	"sort"
)

// Predicted is one relation of a system, its arguments already resolved
// to canonical names (see [Resolver]).
type Predicted struct {
	Type     string
	Args     []string // subject, object; or the parties
	Modality string
	// Confidence is the system's confidence, 0..1 (1 when it gives none).
	Confidence float64
}

// Key returns p's document-level key.
func (p *Predicted) Key() Key { return KeyOf(p.Type, p.Args...) }

// modalityRank orders the modalities the way the guidelines pick one when
// the text gives several: asserted beats possible beats negated.
func modalityRank(m string) int {
	switch m {
	case "asserted":
		return 3
	case "possible":
		return 2
	case "negated":
		return 1
	}
	return 0
}

// Counts are true positives, system and gold totals.
type Counts struct{ TP, Sys, Gold int }

// PRF returns precision, recall and F1.
func (c Counts) PRF() (p, r, f float64) {
	if c.Sys > 0 {
		p = float64(c.TP) / float64(c.Sys)
	}
	if c.Gold > 0 {
		r = float64(c.TP) / float64(c.Gold)
	}
	if p+r > 0 {
		f = 2 * p * r / (p + r)
	}
	return
}

// Scores accumulate document-level relation scores over documents.
type Scores struct {
	PerType       map[string]*Counts
	Matched       int // matched relations
	ModalityRight int // of them, with the gold's modality
	Docs          int
	// Misses and Spurious list "doc: type args" lines when Keep is set.
	Keep             bool
	Misses, Spurious []string
	Modality         []string // matched relations with another modality than the gold's
}

// NewScores returns empty scores.
func NewScores() *Scores { return &Scores{PerType: map[string]*Counts{}} }

func (s *Scores) at(t string) *Counts { return countsAt(s.PerType, t) }

// countsAt returns the counts of type t in m, adding them when missing.
func countsAt(m map[string]*Counts, t string) *Counts {
	c := m[t]
	if c == nil {
		c = &Counts{}
		m[t] = c
	}
	return c
}

// sumCounts adds up the counts of every type in m.
func sumCounts(m map[string]*Counts) Counts {
	var t Counts
	for _, c := range m {
		t.TP += c.TP
		t.Sys += c.Sys
		t.Gold += c.Gold
	}
	return t
}

// printCounts writes the table of Scores.Print and EntityScores.Print:
// a row per type of types (zero for a type not in m), then "all".
func printCounts(w io.Writer, title string, docs int, types []string, m map[string]*Counts) {
	fmt.Fprintf(w, "%s (%d documents)\n", title, docs)
	fmt.Fprintf(w, "%-17s %6s %6s %6s %6s %6s %6s\n", "type", "P", "R", "F1", "tp", "sys", "gold")
	row := func(name string, c Counts) {
		p, r, f := c.PRF()
		fmt.Fprintf(w, "%-17s %6.3f %6.3f %6.3f %6d %6d %6d\n", name, p, r, f, c.TP, c.Sys, c.Gold)
	}
	for _, t := range types {
		var c Counts
		if m[t] != nil {
			c = *m[t]
		}
		row(t, c)
	}
	row("all", sumCounts(m))
}

// Add scores the predictions of one document against its gold.
func (s *Scores) Add(doc *Doc, pred []Predicted) {
	s.Docs++
	want := map[Key]string{}
	optional := map[Key]bool{}
	for i := range doc.Relations {
		r := &doc.Relations[i]
		k := r.Key()
		if r.Optional {
			optional[k] = true
			continue
		}
		if m, ok := want[k]; !ok || modalityRank(r.Modality) > modalityRank(m) {
			want[k] = r.Modality
		}
	}
	have := map[Key]string{}
	for i := range pred {
		k := pred[i].Key()
		if m, ok := have[k]; !ok || modalityRank(pred[i].Modality) > modalityRank(m) {
			have[k] = pred[i].Modality
		}
	}
	for k, mod := range have {
		gm, ok := want[k]
		if !ok && optional[k] {
			continue
		}
		c := s.at(k.Type)
		c.Sys++
		if ok {
			c.TP++
			s.Matched++
			if gm == mod {
				s.ModalityRight++
			} else if s.Keep {
				s.Modality = append(s.Modality, fmt.Sprintf("%s: %s %s: %s, gold %s", doc.ID, k.Type, k.Args, mod, gm))
			}
		} else if s.Keep {
			s.Spurious = append(s.Spurious, fmt.Sprintf("%s: %s %s (%s)", doc.ID, k.Type, k.Args, mod))
		}
	}
	for k := range want {
		s.at(k.Type).Gold++
		if _, ok := have[k]; !ok && s.Keep {
			s.Misses = append(s.Misses, fmt.Sprintf("%s: %s %s", doc.ID, k.Type, k.Args))
		}
	}
}

// Total returns the counts over all types.
func (s *Scores) Total() Counts { return sumCounts(s.PerType) }

// Types lists the relation types of the taxonomy in its order, then any
// other type seen.
func (s *Scores) Types() []string {
	out := []string{"member-of", "observer-of", "seeks-membership", "recognized-by", "treaty-between", "allied-with", "official-of", "met-with", "opposes", "attacked"}
	seen := map[string]bool{}
	for _, t := range out {
		seen[t] = true
	}
	var extra []string
	for t := range s.PerType {
		if !seen[t] {
			extra = append(extra, t)
		}
	}
	sort.Strings(extra)
	return append(out, extra...)
}

// Print writes the per-type table and the modality line.
func (s *Scores) Print(w io.Writer, title string) {
	printCounts(w, title, s.Docs, s.Types(), s.PerType)
	if s.Matched > 0 {
		fmt.Fprintf(w, "modality right on %d of %d matched relations (%.3f)\n", s.ModalityRight, s.Matched, float64(s.ModalityRight)/float64(s.Matched))
	}
}
