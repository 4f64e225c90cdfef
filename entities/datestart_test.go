package entities

import (
	"strings"
	"testing"
)

// TestMayStartDate checks mayStartDate's one lookup against the tests it
// stands for, on every word of its tables and others.
func TestMayStartDate(t *testing.T) {
	old := func(w string) bool {
		if w == "" {
			return false
		}
		if c := w[0]; c >= '0' && c <= '9' || c == '\'' || c == 0xe2 {
			return true
		}
		return dateStartWords[w] || strings.IndexByte(w, '-') >= 0 || monthNumber(w) > 0 || weekdayNumber(w) >= 0 || seasonCode(w) != ""
	}
	words := strings.Fields("the of said russia putin mid-2014 x- - spring fall autumn winter summer sept sept. may june jun monday mon today a an 1990s '90s ’90s")
	for _, m := range []map[string]int{monthNames, weekdays} {
		for w := range m {
			words = append(words, w, w+"s", strings.ToUpper(w))
		}
	}
	for w := range dateStartWords {
		words = append(words, w, w+"x")
	}
	for _, w := range words {
		if got, want := mayStartDate(w), old(w); got != want {
			t.Errorf("mayStartDate(%q) = %v, want %v", w, got, want)
		}
	}
}
