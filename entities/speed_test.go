package entities

import (
	"strings"
	"testing"
)

// TestHeadTypeTable checks that the one-lookup headType gives what the
// three head-word tables give in their order, for every word they hold
// and for words they do not.
func TestHeadTypeTable(t *testing.T) {
	words := []string{"", "of", "the", "Bank", "bank", "river", "kingdom", "party", "xyzzy"}
	for _, heads := range []map[string]bool{orgHeads, placeHeads, stateHeads} {
		for w := range heads {
			words = append(words, w, w+"s", strings.ToUpper(w))
		}
	}
	for _, w := range words {
		if got, want := headType(w), headTypeSlow(w); got != want {
			t.Errorf("headType(%q) = %q, want %q", w, got, want)
		}
	}
}

// TestLowerASCII checks lowerASCII against strings.ToLower, twice for
// each word (a miss, then a hit of the memo) and for more words than the
// memo has slots, so that slots are replaced.
func TestLowerASCII(t *testing.T) {
	words := []string{"", "a", "A", "The", "THE", "the", "Ünited", "İstanbul", "ΣΟΦΙΑ", "x\xffY", "McDonald's",
		strings.Repeat("Ab", lowerMemoMax/2), strings.Repeat("Ab", lowerMemoMax/2+1)}
	for i := range 3 << lowerMemoBits {
		words = append(words, "Word"+strings.Repeat("Z", i%7)+string(rune('A'+i%26))+string(rune('a'+i/26%26))+string(rune('A'+i/676%26)))
	}
	for range 2 {
		for _, w := range words {
			if got, want := lowerASCII(w), strings.ToLower(w); got != want {
				t.Fatalf("lowerASCII(%q) = %q, want %q", w, got, want)
			}
		}
	}
}
