package relations

import (
	"strings"
	"testing"
	"unsafe"
)

// TestWordMemo checks the memo of lower-case forms and stems against
// lower and stem: for words that miss, then hit, for more words than the
// memo has slots (so that slots are replaced), for long and empty words,
// and that the memo keeps copies, not the caller's text.
func TestWordMemo(t *testing.T) {
	var m wordMemo
	words := []string{"", "Said", "SAID", "said", "Organisations", "studies", "Ünited", "İstanbul", "x\xffY", "'s", "n't",
		strings.Repeat("Running", 5), strings.Repeat("a", wordMemoMax), strings.Repeat("A", wordMemoMax+1)}
	for w := range irregular {
		words = append(words, w, strings.ToUpper(w))
	}
	for i := range 3 * wordMemoSlots {
		words = append(words, "Plann"+strings.Repeat("e", i%5)+string(rune('a'+i%26))+string(rune('A'+i/26%26))+"ed")
	}
	for range 2 {
		for _, w := range words {
			low, stm := m.forms(w)
			if wantLow, wantStm := lower(w), stem(lower(w)); low != wantLow || stm != wantStm {
				t.Fatalf("forms(%q) = %q, %q, want %q, %q", w, low, stm, wantLow, wantStm)
			}
		}
	}
	b := []byte("Ministers")
	m.forms(unsafe.String(&b[0], len(b))) // the caller's text, aliased
	copy(b, "XXXXXXXXX")
	for _, f := range m.slots {
		if f.text == "XXXXXXXXX" || f.low == "xxxxxxxxx" {
			t.Fatalf("the memo holds the caller's text: %+v", f)
		}
	}
}
