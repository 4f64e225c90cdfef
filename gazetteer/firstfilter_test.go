package gazetteer

import (
	"math/rand"
	"testing"
)

// TestFirstFilter checks that firstFilter never rejects a key that was
// added, and that it rejects keys that differ in length, first byte or
// last byte from all the added ones.
func TestFirstFilter(t *testing.T) {
	r := rand.New(rand.NewSource(4))
	alphabet := "abcdefghijklmnopqrstuvwxyz0123456789'-.é日"
	word := func() string {
		b := make([]byte, r.Intn(24))
		for i := range b {
			b[i] = alphabet[r.Intn(len(alphabet))]
		}
		return string(b)
	}
	f := new(firstFilter)
	added := map[string]bool{}
	for range 2000 {
		w := word()
		f.add(w)
		added[w] = true
	}
	for w := range added {
		if !f.mayHave([]byte(w)) {
			t.Fatalf("mayHave(%q) = false for an added key", w)
		}
	}
	// Against the plain condition on random keys.
	type triple struct {
		n           int
		first, last byte
	}
	seen := map[triple]bool{}
	for w := range added {
		if w != "" {
			seen[triple{min(len(w), 15), w[0], w[len(w)-1] & 63}] = true
		}
	}
	for range 200000 {
		w := word()
		want := w == "" || seen[triple{min(len(w), 15), w[0], w[len(w)-1] & 63}]
		if got := f.mayHave([]byte(w)); got != want {
			t.Fatalf("mayHave(%q) = %v, want %v", w, got, want)
		}
	}
	var none *firstFilter
	if !none.mayHave([]byte("x")) || !f.mayHave(nil) {
		t.Fatal("a nil filter or an empty key must pass")
	}
	var z Gazetteer
	if _, ok := z.Lookup("Paris"); ok {
		t.Fatal("zero Gazetteer found a name")
	}
}
