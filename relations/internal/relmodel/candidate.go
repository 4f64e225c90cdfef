package relmodel

import (
	"context"

	"github.com/statecraft/statecraft/entities"
)

// Candidate is a pair of mentions that may be related, with the features
// the model reads.
type Candidate struct {
	Sentence int // the sentence of the evidence (of mention B when they differ)
	A, B     int // mention indices in the document, A before B in text order
	// IA and IB are the identities of the two mentions' entities (a
	// gazetteer id, or the type and canonical name).
	IA, IB string
	// KA and KB are the kinds of the two mentions: PER, STATE, ORG, LOC.
	KA, KB string
	Feats  []uint64
	// NRule is the number of leading Feats that say which rules found the
	// pair; the trainer also learns from the pair without them, so that
	// the other features learn what the rules know.
	NRule int
	// Allowed is the mask of labels the pair's entity types allow; Rule
	// the mask of labels the rules found for the pair.
	Allowed, Rule uint32
	// Cross marks a pair whose mentions lie in different sentences.
	Cross bool
}

// Hook, set by package relations, returns the candidates of a document
// analysed by package entities, with their features, as the default
// extractor builds them. The trainer calls it.
var Hook func(ctx context.Context, doc *entities.Document) ([]Candidate, error)

// Prediction is a document-level relation the model predicts: the label
// and the candidate of its best mention pair.
type Prediction struct {
	Label     int     // index in Labels
	Candidate int     // index of the best candidate
	P         float32 // its raw probability
	Rule      bool    // a rule found it too (on any of its pairs)
}

// Subject and Object return which mention of c is the subject and which
// the object under label l (for a symmetric label, A and B).
func (c *Candidate) Subject(l int) int {
	if Labels[l].Dir < 0 {
		return c.B
	}
	return c.A
}

// Object: see [Candidate.Subject].
func (c *Candidate) Object(l int) int {
	if Labels[l].Dir < 0 {
		return c.A
	}
	return c.B
}

// key returns the document-level key of label l on c.
func (c *Candidate) key(l int) [3]string {
	s, o := c.IA, c.IB
	switch {
	case Labels[l].Dir < 0:
		s, o = o, s
	case Labels[l].Dir == 0 && o < s:
		s, o = o, s
	}
	return [3]string{Labels[l].Type, s, o}
}

// Aggregator turns the probabilities of a document's candidates, added
// one by one, into document-level predictions: for each type and
// argument pair, the candidate with the highest probability, kept when it
// reaches the minimum or a rule found the relation. It keeps no features,
// so that a long document costs memory in proportion to its predictions,
// not its candidates.
type Aggregator struct {
	idx   map[[3]string]int
	Preds []Prediction
	// Cands are the candidates the predictions point to, without their
	// features.
	Cands []Candidate
}

// Add takes candidate c with its raw probabilities p and reports whether
// it was kept in Cands (as the best pair of some prediction so far).
func (a *Aggregator) Add(c *Candidate, p *[NumLabels]float32, min float32) bool {
	if a.idx == nil {
		a.idx = map[[3]string]int{}
	}
	ci := len(a.Cands)
	kept := false
	for l := range NumLabels {
		rule := c.Rule&(1<<l) != 0
		if c.Allowed&(1<<l) == 0 && !rule || p[l] < min && !rule {
			continue
		}
		k := c.key(l)
		j, ok := a.idx[k]
		if !ok {
			a.idx[k] = len(a.Preds)
			a.Preds = append(a.Preds, Prediction{Label: l, Candidate: ci, P: p[l], Rule: rule})
			kept = true
			continue
		}
		pr := &a.Preds[j]
		pr.Rule = pr.Rule || rule
		if p[l] > pr.P {
			pr.P, pr.Candidate, pr.Label = p[l], ci, l
			kept = true
		}
	}
	if kept {
		cc := *c
		cc.Feats = nil
		a.Cands = append(a.Cands, cc)
	}
	return kept
}

// Aggregate is an [Aggregator] over all of cands at once: probs[i] are
// the raw probabilities of cands[i]. Prediction.Candidate indexes cands.
// A non-nil stop is called every 1024 candidates; when it returns true,
// Aggregate returns nil.
func Aggregate(cands []Candidate, probs [][NumLabels]float32, min float32, stop func() bool) []Prediction {
	var a Aggregator
	var orig []int
	for ci := range cands {
		if ci%1024 == 0 && stop != nil && stop() {
			return nil
		}
		if a.Add(&cands[ci], &probs[ci], min) {
			orig = append(orig, ci)
		}
	}
	for i := range a.Preds {
		a.Preds[i].Candidate = orig[a.Preds[i].Candidate]
	}
	return a.Preds
}

// OneState drops from preds the official-of relations that the model
// alone found between a person and a state when the document gives the
// person a likelier state: a person holds office in one state (ministers,
// ambassadors and legislators of two states at once are rare), while news
// names several states around them. A relation a rule found is kept and
// outranks every model relation. preds and cands are as Aggregate returns
// them (Prediction.Candidate indexes cands); the order is kept.
func OneState(preds []Prediction, cands []Candidate) []Prediction {
	type best struct {
		p    float32
		rule bool
		obj  string
	}
	official := LabelIndex("official-of", 1)
	officialInv := LabelIndex("official-of", -1)
	person := func(pr *Prediction) (subj, obj string, ok bool) {
		c := &cands[pr.Candidate]
		switch {
		case pr.Label == official && c.KA == "PER" && c.KB == "STATE":
			return c.IA, c.IB, true
		case pr.Label == officialInv && c.KB == "PER" && c.KA == "STATE":
			return c.IB, c.IA, true
		}
		return "", "", false
	}
	top := map[string]best{}
	for i := range preds {
		pr := &preds[i]
		subj, obj, ok := person(pr)
		if !ok {
			continue
		}
		b, seen := top[subj]
		if !seen || pr.Rule && !b.rule || pr.Rule == b.rule && pr.P > b.p {
			top[subj] = best{pr.P, pr.Rule, obj}
		}
	}
	out := preds[:0]
	for _, pr := range preds {
		if subj, obj, ok := person(&pr); ok && !pr.Rule && top[subj].obj != obj {
			continue
		}
		out = append(out, pr)
	}
	return out
}
