package gazetteer

import (
	"math/rand/v2"
	"slices"
	"testing"
)

// TestASCIIWordUnit checks the fast path of units against the scanner:
// on random tokens of ASCII letters and digits, with and without other
// characters, asciiWordUnit either appends nothing and reports false or
// appends exactly the units and keys that scanUnits appends.
func TestASCIIWordUnit(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	alphabet := []string{"a", "z", "A", "Z", "q", "M", "0", "9", "5", "-", "'", "’", "é", "É", " ", ".", "s", "S", "\u2011", "`", "@", "[", "{", "/", ":"}
	fast := 0
	for n := range 20000 {
		tok := ""
		for range 1 + rng.IntN(12) {
			if n%2 == 0 { // half the tokens: ASCII letters and digits only
				tok += alphabet[rng.IntN(8)]
			} else {
				tok += alphabet[rng.IntN(len(alphabet))]
			}
		}
		text := "x " + tok + " y"
		span := Span{2, 2 + len(tok)}
		var a, b scratch
		a.norm = append(a.norm, "prev"...) // keys after others
		b.norm = append(b.norm, "prev"...)
		ok := a.asciiWordUnit(text, span, 7)
		b.scanUnits(text, span, 7)
		if !ok {
			if len(a.units) != 0 || string(a.norm) != "prev" {
				t.Fatalf("%q: asciiWordUnit appended %v %q and reported false", tok, a.units, a.norm)
			}
			continue
		}
		fast++
		if !slices.Equal(a.units, b.units) || string(a.norm) != string(b.norm) {
			t.Fatalf("%q: asciiWordUnit gives %+v %q, the scanner %+v %q", tok, a.units, a.norm, b.units, b.norm)
		}
	}
	if fast < 5000 {
		t.Errorf("the fast path took %d tokens of 20000", fast)
	}
}
