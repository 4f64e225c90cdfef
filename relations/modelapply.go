package relations

import (
	"cmp"
	"context"
	_ "embed"
	"fmt"
	"math"
	"slices"
	"sync"

	"github.com/statecraft/statecraft/entities"
	"github.com/statecraft/statecraft/gazetteer"
	"github.com/statecraft/statecraft/relations/internal/relmodel"
)

// modelData is the trained relation model (relations/internal/relmodel,
// built by its cmd/reltrain; see the package documentation).
//
//go:embed internal/relmodel/data/relations.model
var modelData []byte

var defaultModel = sync.OnceValues(func() (*relmodel.Model, error) {
	m, err := relmodel.Unmarshal(modelData)
	if err != nil {
		return nil, fmt.Errorf("relations: the embedded model: %w", err)
	}
	return m, nil
})

// setModel installs m with the thresholds of the model or, when t > 0, t
// for every label.
func (e *Extractor) setModel(m *relmodel.Model, t float64) {
	e.model = m
	e.minProb = 1
	for l := range e.thr {
		e.thr[l] = m.Threshold[l]
		if t > 0 {
			e.thr[l] = float32(t)
		}
	}
	// The aggregation keeps the candidates whose raw probability reaches
	// the lowest that calibrates to the lowest threshold (the calibration
	// is monotone); the check of each label's threshold follows.
	low := slices.Min(e.thr[:])
	e.minProb = 1
	for p := float32(0); p <= 1; p += 1.0 / 1024 {
		if m.Calibrate(p) >= low {
			// One step back: a raw probability between the grid points
			// may calibrate to the threshold too.
			e.minProb = max(0, p-1.0/1024)
			break
		}
	}
}

// personOrgs maps each person of g to the states and organisations of
// their roles and their country.
func personOrgs(g *gazetteer.Gazetteer) map[string][]string {
	out := map[string][]string{}
	for _, p := range g.Entries(gazetteer.Person) {
		var ids []string
		for _, r := range p.Roles {
			if r.Of != "" {
				ids = append(ids, r.Of)
			}
		}
		if p.Country != "" {
			ids = append(ids, p.Country)
		}
		if len(ids) > 0 {
			out[p.ID] = ids
		}
	}
	return out
}

// candInfo is what a model relation takes from the sentence of its
// candidate, recorded while the sentence is at hand.
type candInfo struct {
	mod      Modality
	time     string
	evidence Span
}

func (s *Sentence) candInfo(c *relmodel.Candidate) candInfo {
	ma, mb := s.m(c.A), s.m(c.B)
	info := candInfo{mod: Asserted}
	var a, b int
	if !c.Cross {
		a, b = ma.Start, mb.End
		if as, be := s.mStart(c.A), s.mEnd(c.B); as >= 0 && be >= 0 && as < be {
			// The modality and time of the event: at the first trigger word
			// between the two mentions ("Putin will meet Erdogan" is
			// possible at "meet"), else at the nearest one around them,
			// else over the pair.
			t := -1
			ae, bs := s.mEnd(c.A), s.mStart(c.B)
			lo, _ := slices.BinarySearch(s.trigToks, as-trigWindow)
			for _, k := range s.trigToks[lo:] {
				if k > be+trigWindow {
					break
				}
				if k >= ae && k < bs {
					t = k
					break
				}
				if t < 0 || distance(k, as, be) < distance(t, as, be) {
					t = k
				}
			}
			if t >= 0 {
				info.mod = s.modality(t, t+1)
				info.time = s.timeAt(t)
			} else {
				info.mod = s.modalityBetween(as, ae, bs)
				info.time = s.timeAt(as)
			}
		}
	} else {
		m := ma
		if m.Sentence != s.Index {
			m = mb
		}
		a, b = m.Start, m.End
		for _, x := range [2]int{c.A, c.B} {
			if x >= s.m0 && x < s.m1 && s.m(x) == m {
				if t := s.mStart(x); t >= 0 {
					info.mod = s.modality(t, s.mEnd(x))
				}
			}
		}
	}
	if a >= 0 && b <= len(s.Doc.Text) && a <= b {
		info.evidence = Span{Text: s.Doc.Text[a:b], Start: a, End: b}
	}
	return info
}

// relationKey is the document-level key of a relation: its type and its
// arguments' identities (sorted for a symmetric type).
func (e *Extractor) relationKey(doc *entities.Document, r *Relation) [3]string {
	id := func(a *Arg) string {
		if a.ID != "" {
			return a.ID
		}
		if a.Entity >= 0 && a.Entity < len(doc.Mentions) {
			return e.argIdentity(&doc.Mentions[a.Entity])
		}
		return a.Name
	}
	if len(r.Parties) > 0 {
		if len(r.Parties) != 2 {
			return [3]string{}
		}
		x, y := id(&r.Parties[0]), id(&r.Parties[1])
		if y < x {
			x, y = y, x
		}
		return [3]string{string(r.Type), x, y}
	}
	if r.Subject == nil || r.Object == nil {
		return [3]string{}
	}
	return [3]string{string(r.Type), id(r.Subject), id(r.Object)}
}

// applyModel scores the candidates, gives the rules' relations their
// confidence and adds the relations the model finds above its thresholds
// that no rule found.
func (e *Extractor) applyModel(ctx context.Context, doc *entities.Document, rules []Relation, agg *relmodel.Aggregator, infos []candInfo) ([]Relation, error) {
	stop := func() bool { return ctx.Err() != nil }
	preds, cands := relmodel.OneState(agg.Preds, agg.Cands), agg.Cands
	byKey := make(map[[3]string]int, len(preds))
	for i := range preds {
		c := &cands[preds[i].Candidate]
		byKey[keyOf(c, preds[i].Label)] = i
	}
	found := map[[3]string]bool{}
	for i := range rules {
		if i%ctxEvery == 0 && stop() {
			return nil, ctx.Err()
		}
		r := &rules[i]
		e.markFound(doc, r, found)
		k := e.relationKey(doc, r)
		r.Source = SourceRule
		conf := float32(0)
		if l := relmodel.LabelIndex(string(r.Type), 1); l >= 0 {
			conf = e.model.RuleConfidence[l]
		} else if l := relmodel.LabelIndex(string(r.Type), 0); l >= 0 {
			conf = e.model.RuleConfidence[l]
		}
		if j, ok := byKey[k]; ok {
			p := e.model.Calibrate(preds[j].P)
			if p >= e.thr[preds[j].Label] {
				r.Source = SourceBoth
			}
			conf = max(conf, p)
		}
		r.Confidence = round3(conf)
	}
	out := rules
	for i := range preds {
		if i%ctxEvery == 0 && stop() {
			return nil, ctx.Err()
		}
		pr := &preds[i]
		c := &cands[pr.Candidate]
		k := keyOf(c, pr.Label)
		if found[k] {
			continue
		}
		p := e.model.Calibrate(pr.P)
		if p < e.thr[pr.Label] {
			continue
		}
		found[k] = true
		out = append(out, e.modelRelation(doc, c, pr.Label, p, infos[pr.Candidate]))
	}
	if len(out) > len(rules) {
		out = sortDedupe(out)
	}
	return out, nil
}

func keyOf(c *relmodel.Candidate, l int) [3]string {
	s, o := c.IA, c.IB
	switch lb := relmodel.Labels[l]; {
	case lb.Dir < 0:
		s, o = o, s
	case lb.Dir == 0 && o < s:
		s, o = o, s
	}
	return [3]string{relmodel.Labels[l].Type, s, o}
}

func round3(p float32) float64 { return math.Round(float64(p)*1000) / 1000 }

// modelRelation builds the relation of label l on candidate c.
func (e *Extractor) modelRelation(doc *entities.Document, c *relmodel.Candidate, l int, p float32, info candInfo) Relation {
	arg := func(m int) Arg {
		mm := &doc.Mentions[m]
		a := Arg{Entity: m, ID: mm.ID, Name: mm.Name, Text: mm.Text}
		if st, ok := e.stateOf(mm); ok {
			a.ID, a.Name = st.ID, st.Name
		}
		return a
	}
	lb := relmodel.Labels[l]
	if lb.Type == string(OfficialOf) {
		// An office is asserted by a title whatever the clause around it
		// envisages ("Foreign Minister X may visit ..." does not make X
		// possibly a minister).
		info.mod = Asserted
	}
	r := Relation{Type: Type(lb.Type), Modality: info.mod, Sentence: c.Sentence, Time: info.time,
		Evidence: info.evidence, Attrs: map[string]string{}, Confidence: round3(p), Source: SourceModel}
	// The trigger: the one-word trigger of the type nearest to the
	// evidence in its sentence, within trigWindow tokens.
	if h, ok := e.nearestTrigger(doc, c.Sentence, r.Type, r.Evidence); ok {
		r.Trigger = h
		if r.Evidence.IsZero() {
			r.Evidence = h
		} else {
			a, b := min(r.Evidence.Start, h.Start), max(r.Evidence.End, h.End)
			r.Evidence = Span{Text: doc.Text[a:b], Start: a, End: b}
		}
	}
	if lb.Dir == 0 {
		r.Parties = []Arg{arg(c.A), arg(c.B)}
	} else {
		s, o := arg(c.Subject(l)), arg(c.Object(l))
		r.Subject, r.Object = &s, &o
	}
	return r
}

// nearestTrigger returns the word of sentence si nearest to ev (within
// trigWindow tokens of it) that is a one-word trigger of type t and lies
// in no mention.
func (e *Extractor) nearestTrigger(doc *entities.Document, si int, t Type, ev Span) (Span, bool) {
	st := doc.Sentences[si]
	toks := doc.Tokens[st.TokenStart:st.TokenEnd]
	if len(toks) == 0 {
		return Span{}, false
	}
	i0, _ := slices.BinarySearchFunc(toks, ev.Start, func(tk entities.Token, off int) int { return cmp.Compare(tk.Start, off) })
	i1, _ := slices.BinarySearchFunc(toks, ev.End, func(tk entities.Token, off int) int { return cmp.Compare(tk.Start, off) })
	ms, _ := slices.BinarySearchFunc(doc.Mentions, toks[max(0, i0-trigWindow)].Start, func(m entities.Mention, off int) int { return cmp.Compare(m.End, off+1) })
	best, dist := Span{}, -1
	for i := max(0, i0-trigWindow); i < min(len(toks), i1+trigWindow); i++ {
		tk := toks[i]
		for ms < len(doc.Mentions) && doc.Mentions[ms].End <= tk.Start {
			ms++
		}
		if ms < len(doc.Mentions) && doc.Mentions[ms].Start < tk.End {
			continue // inside a mention
		}
		found := false
		for _, tr := range e.lex.triggers[stem(lower(tk.Text))] {
			found = found || len(tr.words) == 1 && tr.def.t == t
		}
		if !found {
			continue
		}
		d := 0
		switch {
		case tk.End <= ev.Start:
			d = ev.Start - tk.End
		case tk.Start >= ev.End:
			d = tk.Start - ev.End
		}
		if dist < 0 || d < dist {
			best, dist = Span{Text: tk.Text, Start: tk.Start, End: tk.End}, d
		}
	}
	return best, dist >= 0
}

// distance is the number of tokens between token k and the span [a, b).
func distance(k, a, b int) int {
	switch {
	case k < a:
		return a - k
	case k >= b:
		return k - b + 1
	}
	return 0
}

// modalityBetween is the modality of a relation without a trigger word
// between a mention ending at token ae and one starting at bs: the cues
// before the first mention (see modality), or a cue between the two ("X
// will visit Y", "X to visit Y", "X did not visit Y").
func (s *Sentence) modalityBetween(as, ae, bs int) Modality {
	if m := s.modality(as, ae); m != Asserted {
		return m
	}
	neg, pos := false, false
	for t := ae; t < bs && t < len(s.low); t++ {
		w, c := s.low[t], s.cls[t]
		switch {
		case c&wcNegation != 0:
			neg = true
		case c&wcPossible != 0:
			pos = true
		case w == "to" && t+1 < bs && s.toks[t+1].Tag == "VB":
			pos = true
		}
	}
	return modalityOf(neg, pos)
}

// markFound records in found the keys of rule relation r that the model
// must not add again: its key under the arguments' ids and under their
// identities as the model sees them (a capital is its state), and, for a
// relation of more than two parties, every pair of its first
// maxRuleParties parties.
func (e *Extractor) markFound(doc *entities.Document, r *Relation, found map[[3]string]bool) {
	ids := func(a *Arg) []string {
		out := []string{}
		if a.ID != "" {
			out = append(out, a.ID)
		}
		if a.Entity >= 0 && a.Entity < len(doc.Mentions) {
			if id := e.argIdentity(&doc.Mentions[a.Entity]); id != a.ID {
				out = append(out, id)
			}
		} else if a.ID == "" {
			out = append(out, a.Name)
		}
		return out
	}
	t := string(r.Type)
	if len(r.Parties) > 0 {
		ps := r.Parties[:min(len(r.Parties), maxRuleParties)]
		for x := range ps {
			for y := x + 1; y < len(ps); y++ {
				for _, a := range ids(&ps[x]) {
					for _, b := range ids(&ps[y]) {
						found[[3]string{t, min(a, b), max(a, b)}] = true
					}
				}
			}
		}
		return
	}
	if r.Subject == nil || r.Object == nil {
		return
	}
	for _, a := range ids(r.Subject) {
		for _, b := range ids(r.Object) {
			found[[3]string{t, a, b}] = true
		}
	}
}
