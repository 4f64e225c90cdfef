package entities

import (
	"math/rand/v2"
	"reflect"
	"slices"
	"testing"
)

// TestSortByStart checks sortByStart against a stable sort of the whole
// list, with equal starts, sorted and unsorted heads, and every split.
func TestSortByStart(t *testing.T) {
	r := rand.New(rand.NewPCG(13, 14))
	for k := range 20000 {
		n := r.IntN(30)
		ms := make([]Mention, n)
		for i := range ms {
			ms[i] = Mention{Start: r.IntN(12), Text: string(rune('a' + i))}
		}
		split := r.IntN(n + 1)
		if k%4 != 0 {
			slices.SortStableFunc(ms[:split], func(a, b Mention) int { return a.Start - b.Start })
		}
		want := slices.Clone(ms)
		slices.SortStableFunc(want, func(a, b Mention) int { return a.Start - b.Start })
		got := slices.Clone(ms)
		sortByStart(got, split)
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("%v split at %d: got %v, want %v", ms, split, got, want)
		}
	}
}
