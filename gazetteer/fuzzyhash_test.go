package gazetteer

import (
	"slices"
	"testing"
)

// TestDeleteHashesIncremental checks appendDeleteHashes against its
// definition, appendDeleteHashesSlow, for every length and bound.
func TestDeleteHashesIncremental(t *testing.T) {
	runes := []rune("abkhàzia-é")
	for n := 0; n <= sigLong; n++ {
		for d := 0; d <= 2; d++ {
			got := appendDeleteHashes(nil, runes[:n], d, seeds[1][0])
			want := appendDeleteHashesSlow(nil, runes[:n], d, seeds[1][0])
			if !slices.Equal(got, want) {
				t.Errorf("n %d d %d: got %v, want %v", n, d, got, want)
			}
		}
	}
}
