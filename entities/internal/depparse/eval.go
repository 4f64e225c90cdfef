package depparse

// Score counts the words, the correct heads and the correct heads with
// correct relations of a parse, punctuation included (as the CoNLL 2018
// shared task counts).
type Score struct {
	Words, Heads, Labeled int
}

// UAS returns the unlabeled attachment score, the fraction of words with
// the correct head.
func (s Score) UAS() float64 { return frac(s.Heads, s.Words) }

// LAS returns the labeled attachment score, the fraction of words with
// the correct head and relation.
func (s Score) LAS() float64 { return frac(s.Labeled, s.Words) }

func frac(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// Evaluate parses every sentence with m (from its Words and Tags) and
// scores the result against its Heads and Rels. The relation is compared
// in full, subtype included ("nmod:poss" is not "nmod").
func Evaluate(m *Model, sents []Sentence) (Score, error) {
	var (
		sc    Score
		s     Scratch
		heads []int32
		rels  []Rel
	)
	for i := range sents {
		x := &sents[i]
		n := len(x.Words)
		heads, rels = grow(heads, n), grow(rels, n)
		if err := m.Parse(x.Words, x.Tags, heads, rels, &s); err != nil {
			return sc, err
		}
		if len(x.Heads) != n || len(x.Rels) != n {
			return sc, ErrLength
		}
		for j := range n {
			sc.Words++
			if heads[j] == x.Heads[j] {
				sc.Heads++
				if m.Label(rels[j]) == x.Rels[j] {
					sc.Labeled++
				}
			}
		}
	}
	return sc, nil
}
