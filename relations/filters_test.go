package relations

import (
	"math/rand"
	"testing"
)

// TestWordFilterAdd checks that a wordFilter built key by key never
// rejects a key that was added and answers as the plain condition on its
// triples (length up to 31, low five bits of the first and last byte) on
// random strings.
func TestWordFilterAdd(t *testing.T) {
	r := rand.New(rand.NewSource(6))
	alphabet := "abcdefghijklmnopqrstuvwxyz0123456789'-.é日"
	word := func() string {
		b := make([]byte, r.Intn(40))
		for i := range b {
			b[i] = alphabet[r.Intn(len(alphabet))]
		}
		return string(b)
	}
	type triple struct {
		n           int
		first, last byte
	}
	var f wordFilter
	added := map[string]bool{}
	seen := map[triple]bool{}
	for range 300 {
		w := word()
		f.add(w)
		added[w] = true
		if w != "" {
			seen[triple{min(len(w), 31), w[0] & 31, w[len(w)-1] & 31}] = true
		}
	}
	for w := range added {
		if !f.mayHave(w) {
			t.Fatalf("mayHave(%q) = false for an added key", w)
		}
	}
	for range 200000 {
		w := word()
		want := w == "" && added[""] || w != "" && seen[triple{min(len(w), 31), w[0] & 31, w[len(w)-1] & 31}]
		if got := f.mayHave(w); got != want {
			t.Fatalf("mayHave(%q) = %v, want %v", w, got, want)
		}
	}
}

// TestAnchoredFilters checks that the filters of the built-in pattern set
// hold every anchor word and stem, so that anchored finds what the maps
// alone find.
func TestAnchoredFilters(t *testing.T) {
	x, err := New()
	if err != nil {
		t.Fatal(err)
	}
	ps, ok := x.rules[0].(*patternSet)
	if !ok {
		t.Fatalf("first rule is %T, not the pattern set", x.rules[0])
	}
	for w := range ps.anchorWords {
		if !ps.wordsFilter.mayHave(w) {
			t.Errorf("anchor word %q filtered out", w)
		}
	}
	for st := range ps.anchorStems {
		if !ps.stemsFilter.mayHave(st) {
			t.Errorf("anchor stem %q filtered out", st)
		}
	}
	if len(ps.anchorWords) == 0 {
		t.Error("no anchor words")
	}
}

// TestTitleMultiFilter checks that the filter of the multi-word titles
// holds the first word of each of them, so that matchMulti finds what the
// map alone finds.
func TestTitleMultiFilter(t *testing.T) {
	tl := newTitleLexicon()
	tl.add([]string{"Chief", "Whip"})
	if len(tl.multi) == 0 {
		t.Fatal("no multi-word titles")
	}
	for w := range tl.multi {
		if !tl.multiFirst.mayHave(w) {
			t.Errorf("first word %q filtered out", w)
		}
	}
}

// TestIsTitleHead checks isTitleHead against the plain lookup in the
// title heads: every head, varied, and random words.
func TestIsTitleHead(t *testing.T) {
	x, err := New()
	if err != nil {
		t.Fatal(err)
	}
	s := &Sentence{x: x}
	words := []string{"", "s", "ex-", "presidents", "sheikhs"}
	for h := range x.lex.titles.heads {
		words = append(words, h, h+"s", h[1:], h[:len(h)-1], "x"+h)
	}
	r := rand.New(rand.NewSource(8))
	for range 100000 {
		b := make([]byte, 1+r.Intn(12))
		for i := range b {
			b[i] = "abcdefghijklmnopqrstuvwxyz-'"[r.Intn(28)]
		}
		words = append(words, string(b))
	}
	for _, w := range words {
		if got, want := s.isTitleHead(w), x.lex.titles.heads[w]; got != want {
			t.Errorf("isTitleHead(%q) = %v, want %v", w, got, want)
		}
	}
}
