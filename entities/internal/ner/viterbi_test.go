package ner

import (
	"math/rand/v2"
	"slices"
	"testing"
)

// viterbiRef is viterbi trying every allowed predecessor through
// allowedPrev, the reference of the specialised loops.
func viterbiRef(emit [][NumLabels]int32, tr *[NumLabels][NumLabels]int32, first, last *[NumLabels]int32, out []Label) {
	n := len(out)
	back := make([][NumLabels]uint8, n)
	var cur, next [NumLabels]int64
	for y := range NumLabels {
		if allowed(start, Label(y)) {
			cur[y] = int64(first[y]) + int64(emit[0][y])
		} else {
			cur[y] = minScore
		}
	}
	for i := 1; i < n; i++ {
		for y := range NumLabels {
			best, arg := int64(minScore), 0
			for _, p := range allowedPrev[y] {
				if v := cur[p] + int64(tr[p][y]); v > best {
					best, arg = v, int(p)
				}
			}
			next[y] = best + int64(emit[i][y])
			back[i][y] = uint8(arg)
		}
		cur = next
	}
	best, arg := int64(minScore), 0
	for y := range NumLabels {
		if v := cur[y] + int64(last[y]); v > best {
			best, arg = v, y
		}
	}
	for i := n - 1; i >= 0; i-- {
		out[i] = Label(arg)
		arg = int(back[i][arg])
	}
}

// TestViterbiEquivalent compares viterbi with viterbiRef on random scores,
// small ones so that ties are frequent, and checks the predecessor lists
// that viterbi's loops assume.
func TestViterbiEquivalent(t *testing.T) {
	for y := range NumLabels {
		want := []uint8{0, 1, 2, 3, 4, 5, 6, 7, 8}
		if Label(y).IsInside() {
			want = []uint8{uint8(y - 1), uint8(y)}
		}
		if !slices.Equal(allowedPrev[y], want) {
			t.Fatalf("allowedPrev[%v] = %v, want %v", Label(y), allowedPrev[y], want)
		}
	}
	r := rand.New(rand.NewPCG(7, 8))
	for k := range 20000 {
		span := int32(1 + r.IntN(4))
		if k%2 == 0 {
			span = 1 << 20
		}
		val := func() int32 { return r.Int32N(2*span+1) - span }
		var tr [NumLabels][NumLabels]int32
		var first, last [NumLabels]int32
		for p := range NumLabels {
			first[p], last[p] = val(), val()
			for y := range NumLabels {
				tr[p][y] = val()
			}
		}
		n := 1 + r.IntN(30)
		emit := make([][NumLabels]int32, n)
		for i := range emit {
			for y := range NumLabels {
				emit[i][y] = val()
			}
		}
		got, want := make([]Label, n), make([]Label, n)
		viterbi(emit, &tr, &first, &last, make([][NumLabels]uint8, n), got)
		viterbiRef(emit, &tr, &first, &last, want)
		if !slices.Equal(got, want) {
			t.Fatalf("case %d: viterbi %v, reference %v", k, got, want)
		}
	}
}

// TestAnalyzeMemo checks that the analysis memo gives analyze's analysis
// of every word, with enough distinct words to overwrite its slots,
// words of every length around the longest memoised, and repeats, with
// and without the cluster table (switching tables empties the memo).
func TestAnalyzeMemo(t *testing.T) {
	ct, err := defaultClusters()
	if err != nil {
		t.Fatal(err)
	}
	r := rand.New(rand.NewPCG(9, 10))
	pieces := []string{"a", "B", "é", "Ö", "1", "-", ".", "'", "’", "—", "\xff", "x", "Z", "日", "the", "Russia", "said"}
	var s Scratch
	for k := range 100000 {
		table := ct
		if k/1000%2 == 1 {
			table = nil
		}
		var b []byte
		n := r.IntN(analysisMemoMax + 4)
		if k%3 == 0 {
			n = r.IntN(4) // short words repeat
		}
		for range n {
			b = append(b, pieces[r.IntN(len(pieces))]...)
		}
		var got, want tok
		s.analyzeMemo(&got, b, table)
		analyze(&want, b, nil, table)
		if got != want {
			t.Fatalf("word %q: memo %+v, analyze %+v", b, got, want)
		}
	}
}
