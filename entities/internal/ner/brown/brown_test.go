package brown

import (
	"math"
	"math/rand/v2"
	"reflect"
	"slices"
	"testing"
)

// corpus returns the counts and bigrams of a random text of v words drawn
// from a few hidden classes, so that the clusters have something to find.
func corpus(v, tokens int, seed uint64) ([]int64, []Bigram) {
	rng := rand.New(rand.NewPCG(seed, 1))
	classes := 4
	next := make([][]float64, classes)
	for c := range next {
		next[c] = make([]float64, classes)
		for d := range next[c] {
			next[c][d] = rng.Float64() * rng.Float64()
		}
	}
	seq := make([]int, tokens)
	cls := 0
	for i := range seq {
		// Zipf-like choice of a word of class cls.
		w := cls + classes*int(math.Floor(math.Pow(rng.Float64(), 2)*float64(v/classes)))
		seq[i] = w
		tot := 0.0
		for _, p := range next[cls] {
			tot += p
		}
		x := rng.Float64() * tot
		for d, p := range next[cls] {
			if x -= p; x <= 0 {
				cls = d
				break
			}
		}
	}
	freq := make([]int64, v)
	for _, w := range seq {
		freq[w]++
	}
	rank := make([]int, v)
	order := make([]int, v)
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int { return int(freq[b] - freq[a]) })
	counts := make([]int64, v)
	for r, w := range order {
		rank[w] = r
		counts[r] = freq[w]
	}
	m := map[[2]int32]int64{}
	for i := 1; i < len(seq); i++ {
		m[[2]int32{int32(rank[seq[i-1]]), int32(rank[seq[i]])}]++
	}
	var bigrams []Bigram
	for k, n := range m {
		bigrams = append(bigrams, Bigram{k[0], k[1], n})
	}
	slices.SortFunc(bigrams, func(a, b Bigram) int {
		if a.Left != b.Left {
			return int(a.Left - b.Left)
		}
		return int(a.Right - b.Right)
	})
	return counts, bigrams
}

// TestIncrementalLosses checks the terms, sums and losses kept up to date
// by enter and merge against their definitions after every merge.
func TestIncrementalLosses(t *testing.T) {
	counts, bigrams := corpus(60, 5000, 1)
	worst := 0.0
	checkState = func(s *state) {
		k := s.k
		fresh := &state{k: k, n: s.n, cnt: s.cnt, pl: s.pl, pr: s.pr, used: s.used,
			q: make([]float64, k*k), s: make([]float64, k)}
		for a := range k {
			for b := range k {
				if s.used[a] && s.used[b] {
					fresh.q[a*k+b] = fresh.term(s.cnt[a*k+b], s.pl[a], s.pr[b])
				}
			}
		}
		for a := range k {
			if s.used[a] {
				fresh.s[a] = fresh.sum(a)
				worst = max(worst, math.Abs(fresh.s[a]-s.s[a]))
			}
		}
		for a := range k {
			for b := a + 1; b < k; b++ {
				if s.used[a] && s.used[b] {
					worst = max(worst, math.Abs(fresh.mergeLoss(a, b)-s.loss[a*k+b]))
				}
			}
		}
	}
	defer func() { checkState = nil }()
	if _, err := Cluster(counts, bigrams, 8, nil); err != nil {
		t.Fatal(err)
	}
	t.Logf("largest drift %g", worst)
	if worst > 1e-9 {
		t.Errorf("incremental terms and losses drift from their definitions by up to %g", worst)
	}
}

// TestCluster checks the shape of a result and that it is deterministic.
func TestCluster(t *testing.T) {
	counts, bigrams := corpus(80, 20000, 2)
	r, err := Cluster(counts, bigrams, 10, nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Paths) != 10 || len(r.Cluster) != 80 {
		t.Fatalf("%d clusters for %d words, want 10 for 80", len(r.Paths), len(r.Cluster))
	}
	seen := map[string]bool{}
	for _, p := range r.Paths {
		s := p.String()
		if seen[s] || s == "" {
			t.Errorf("path %q twice or empty", s)
		}
		seen[s] = true
	}
	// No path is a prefix of another: they are the leaves of one tree.
	for a := range seen {
		for b := range seen {
			if a != b && len(a) < len(b) && b[:len(a)] == a {
				t.Errorf("path %q is a prefix of %q", a, b)
			}
		}
	}
	again, err := Cluster(counts, bigrams, 10, nil)
	if err != nil || !reflect.DeepEqual(r, again) {
		t.Errorf("a second run differs (%v)", err)
	}
	if _, err := Cluster(counts, []Bigram{{0, 99, 1}}, 3, nil); err == nil {
		t.Error("a bigram out of range: no error")
	}
	if _, err := Cluster([]int64{1, 2}, nil, 3, nil); err == nil {
		t.Error("unsorted counts: no error")
	}
}
