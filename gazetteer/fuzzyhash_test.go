package gazetteer

import (
	"reflect"
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

// TestFuzzyMemo checks that the memo of fruitless fuzzy searches changes
// no match: texts with misspelt names, names the gazetteer lacks and
// repeats, matched in turn with one scratch (the memo warm, its slots
// overwritten) give what a fresh scratch gives each of them.
func TestFuzzyMemo(t *testing.T) {
	g, err := New()
	if err != nil {
		t.Fatal(err)
	}
	texts := []string{
		"Tadjikistan and Kyrgyztan met Willi Schneider in Transylvanya.",
		"Willi Schneider said Tadjikistan and Abkhazya would not.",
		"Schneider, Schneiders and SCHNEIDER visited Moskow, Moscow and Kazakstan.",
		"The Republik of Tadjikistan; the Republic of Tajikistan.",
	}
	for i := range 3000 {
		texts = append(texts, "Mr Zorblaxian"+string(rune('a'+i%26))+" of Tadjikistan met Kazakstanian "+string(rune('A'+i%26))+"bkhazia.")
	}
	shared := new(scratch)
	fuzzy := 0
	for round := range 2 {
		for _, text := range texts {
			var sc scanner
			var spans []Span
			sc = scanner{s: text, hyphens: true, pend: -1}
			for {
				st, e, ok := sc.next()
				if !ok {
					break
				}
				spans = append(spans, Span{st, e})
			}
			shared.units, shared.norm = shared.units[:0], shared.norm[:0]
			got := g.match(text, spans, shared)
			want := g.match(text, spans, new(scratch))
			if !reflect.DeepEqual(got, want) {
				t.Fatalf("round %d, %q: %v with the memo, %v without", round, text, got, want)
			}
			for _, m := range got {
				if m.Distance > 0 {
					fuzzy++
				}
			}
		}
	}
	if fuzzy == 0 {
		t.Error("no fuzzy match: the texts test nothing")
	}
}
