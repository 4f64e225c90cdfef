package relations

import (
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/statecraft/statecraft/relations/internal/relmodel"
)

// TestDedupeFeatures checks that dedupe keeps the values that sorting and
// compacting keep, each once, in the order of their first occurrence,
// over many rounds of one hasher (its generations), and that the model's
// scores of the two lists are the same.
func TestDedupeFeatures(t *testing.T) {
	if dedupeSlots < 2*relmodel.MaxExactFeatures {
		t.Fatalf("%d slots for up to %d features", dedupeSlots, relmodel.MaxExactFeatures)
	}
	m, err := relmodel.Unmarshal(modelData)
	if err != nil {
		t.Fatal(err)
	}
	rng := rand.New(rand.NewPCG(7, 8))
	var h hasher
	for round := range 20000 {
		n := rng.IntN(relmodel.MaxExactFeatures + 1)
		v := make([]uint64, n)
		for i := range v {
			if i > 0 && rng.IntN(3) == 0 {
				v[i] = v[rng.IntN(i)] // a repeat
			} else {
				v[i] = rng.Uint64() >> (rng.IntN(4) * 20) // some small, some colliding in the table
			}
		}
		var first []uint64
		for _, x := range v {
			if !slices.Contains(first, x) {
				first = append(first, x)
			}
		}
		sorted := slices.Compact(slices.Sorted(slices.Values(v)))
		got := h.dedupe(slices.Clone(v))
		if !slices.Equal(got, first) {
			t.Fatalf("round %d: dedupe gives %v, want %v", round, got, first)
		}
		if round%50 == 0 {
			var a, b [relmodel.NumLabels]float32
			m.Scores(got, 1<<relmodel.NumLabels-1, &a)
			m.Scores(sorted, 1<<relmodel.NumLabels-1, &b)
			if a != b {
				t.Fatalf("round %d: scores %v in first-seen order, %v sorted", round, a, b)
			}
		}
	}
	h.gen = 1<<32 - 1 // the generation wraps
	if got := h.dedupe([]uint64{5, 5, 7}); !slices.Equal(got, []uint64{5, 7}) {
		t.Fatalf("after the wrap: %v", got)
	}
}
