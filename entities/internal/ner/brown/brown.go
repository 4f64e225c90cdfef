// Package brown learns Brown clusters (Brown et al. 1992, "Class-based
// n-gram models of natural language") of the words of a corpus with the
// windowed agglomerative algorithm of Liang (2005, "Semi-supervised
// learning for natural language", section 3.2): the words are sorted by
// frequency, the C most frequent start as C clusters, and each further
// word enters as a cluster of its own and is then merged, with the pair of
// the C+1 clusters whose merge loses the least average mutual information
// between adjacent clusters. When every word has entered, the C clusters
// are merged down to one; that last series of merges is a binary tree,
// and a word's path is the sequence of branches (0 left, 1 right) from its
// root down to the word's cluster.
//
// The cost is O(V·C²) for V words and C clusters, with dense C×C tables
// of counts, mutual-information terms and merge losses; the corpus enters
// only through its bigram counts. Everything runs on one goroutine in a
// fixed order, ties going to the lowest pair of slots, so the same counts
// give the same clusters.
package brown

import (
	"errors"
	"math"
	"slices"
)

// Bigram is a count of word Left followed by word Right (word numbers are
// ranks: 0 is the most frequent word).
type Bigram struct {
	Left, Right int32
	N           int64
}

// Result is the clustering of words 0..V-1.
type Result struct {
	// Cluster[w] is the cluster of word w, in 0..len(Paths)-1.
	Cluster []int32
	// Paths[c] is the path of cluster c: Len bits, the first branch in the
	// most significant of them.
	Paths []Path
}

// Path is a bit string of at most 64 bits.
type Path struct {
	Bits uint64
	Len  int
}

// String returns the path as '0' and '1' characters.
func (p Path) String() string {
	b := make([]byte, p.Len)
	for i := range b {
		b[i] = '0' + byte(p.Bits>>(p.Len-1-i)&1)
	}
	return string(b)
}

// Cluster clusters words 0..len(counts)-1, which must be sorted by
// decreasing count (counts[w] is the number of occurrences of w), into at
// most c clusters from the bigram counts. progress, if not nil, is called
// after every 5,000th word has entered, with the number entered.
//
// Paths longer than 64 bits are cut to their first 64 bits.
func Cluster(counts []int64, bigrams []Bigram, c int, progress func(words int)) (*Result, error) {
	v := len(counts)
	if c < 1 {
		return nil, errors.New("brown: the number of clusters must be positive")
	}
	for i := 1; i < v; i++ {
		if counts[i] > counts[i-1] {
			return nil, errors.New("brown: counts not sorted by decreasing frequency")
		}
	}
	c = min(c, v)
	if v == 0 {
		return &Result{}, nil
	}
	// Adjacency lists: the right and left neighbours of every word.
	right, left := adjacency(v, bigrams)
	if right == nil {
		return nil, errors.New("brown: a bigram names a word out of range or has a negative count")
	}
	var total int64
	pl := make([]float64, v) // left marginals: bigrams a word begins
	pr := make([]float64, v) // right marginals: bigrams a word ends
	for _, b := range bigrams {
		total += b.N
		pl[b.Left] += float64(b.N)
		pr[b.Right] += float64(b.N)
	}
	if total == 0 {
		return nil, errors.New("brown: no bigrams")
	}
	k := c + 1 // slots
	s := &state{
		k: k, n: float64(total),
		cnt: make([]float64, k*k), q: make([]float64, k*k), loss: make([]float64, k*k),
		pl: make([]float64, k), pr: make([]float64, k), s: make([]float64, k),
		used: make([]bool, k), node: make([]int32, k),
	}
	slotOf := make([]int32, v) // slot of an entered word; -1 before
	for i := range slotOf {
		slotOf[i] = -1
	}
	// members[a] are the words of the cluster in slot a.
	members := make([][]int32, k)

	// Enter the first c words.
	for w := range c {
		slotOf[w] = int32(w)
		s.used[w] = true
		s.pl[w], s.pr[w] = pl[w], pr[w]
		members[w] = append(members[w], int32(w))
	}
	for w := range c {
		for _, e := range right[w] {
			if o := slotOf[e.w]; o >= 0 {
				s.cnt[w*k+int(o)] += float64(e.n)
			}
		}
	}
	for a := range k {
		if !s.used[a] {
			continue
		}
		for b := range k {
			if s.used[b] {
				s.q[a*k+b] = s.term(s.cnt[a*k+b], s.pl[a], s.pr[b])
			}
		}
	}
	for a := range k {
		if s.used[a] {
			s.s[a] = s.sum(a)
		}
	}
	for a := range k {
		for b := a + 1; b < k; b++ {
			if s.used[a] && s.used[b] {
				s.loss[a*k+b] = s.mergeLoss(a, b)
			}
		}
	}

	// The window phase: every further word enters into the free slot and
	// the best pair merges.
	for w := c; w < v; w++ {
		f := slices.Index(s.used, false)
		slotOf[w] = int32(f)
		members[f] = append(members[f][:0], int32(w))
		row := s.cnt[f*k : f*k+k]
		clear(row)
		for o := range k {
			s.cnt[o*k+f] = 0
		}
		for _, e := range right[w] {
			if o := slotOf[e.w]; o >= 0 {
				s.cnt[f*k+int(o)] += float64(e.n)
			}
		}
		for _, e := range left[w] {
			if o := slotOf[e.w]; o >= 0 && e.w != int32(w) { // w w counted once, above
				s.cnt[int(o)*k+f] += float64(e.n)
			}
		}
		s.pl[f], s.pr[f] = pl[w], pr[w]
		s.enter(f)
		a, b := s.best()
		s.merge(a, b)
		if checkState != nil {
			checkState(s)
		}
		for _, m := range members[b] {
			slotOf[m] = int32(a)
		}
		members[a] = append(members[a], members[b]...)
		members[b] = members[b][:0]
		if progress != nil && (w+1)%5000 == 0 {
			progress(w + 1)
		}
	}

	// The final clusters, numbered by their most frequent word, and the
	// tree above them.
	res := &Result{Cluster: make([]int32, v)}
	type leaf struct {
		slot  int
		first int32
	}
	var leaves []leaf
	for a := range k {
		if s.used[a] {
			leaves = append(leaves, leaf{a, slices.Min(members[a])})
		}
	}
	slices.SortFunc(leaves, func(x, y leaf) int { return int(x.first - y.first) })
	res.Paths = make([]Path, len(leaves))
	// Tree nodes: 0..len(leaves)-1 are the leaves; merges add nodes.
	var kids [][2]int32
	for i, l := range leaves {
		s.node[l.slot] = int32(i)
		kids = append(kids, [2]int32{-1, -1})
		for _, m := range members[l.slot] {
			res.Cluster[m] = int32(i)
		}
	}
	for {
		n := 0
		for a := range k {
			if s.used[a] {
				n++
			}
		}
		if n < 2 {
			break
		}
		a, b := s.best()
		na, nb := s.node[a], s.node[b]
		s.merge(a, b)
		if checkState != nil {
			checkState(s)
		}
		kids = append(kids, [2]int32{na, nb})
		s.node[a] = int32(len(kids) - 1)
	}
	// Paths from the root (the last node) down.
	var walk func(node int32, p Path)
	walk = func(node int32, p Path) {
		if kd := kids[node]; kd[0] >= 0 {
			for bit, child := range kd {
				q := p
				if q.Len < 64 {
					q.Bits = q.Bits<<1 | uint64(bit)
					q.Len++
				}
				walk(child, q)
			}
			return
		}
		res.Paths[node] = p
	}
	walk(int32(len(kids)-1), Path{})
	return res, nil
}

// checkState, set by tests, is called after every merge.
var checkState func(*state)

type edge struct {
	w int32
	n int64
}

func adjacency(v int, bigrams []Bigram) (right, left [][]edge) {
	right, left = make([][]edge, v), make([][]edge, v)
	for _, b := range bigrams {
		if b.Left < 0 || int(b.Left) >= v || b.Right < 0 || int(b.Right) >= v || b.N < 0 {
			return nil, nil
		}
		right[b.Left] = append(right[b.Left], edge{b.Right, b.N})
		left[b.Right] = append(left[b.Right], edge{b.Left, b.N})
	}
	return right, left
}

// state holds the clusters in k slots: cnt[a*k+b] is the number of bigrams
// from cluster a to cluster b, q[a*k+b] their mutual-information term,
// s[a] the sum of the terms that involve a, loss[a*k+b] (a < b) the
// mutual information lost by merging a and b.
type state struct {
	k            int
	n            float64 // total bigrams
	cnt, q       []float64
	loss         []float64
	pl, pr, s    []float64
	used         []bool
	node         []int32 // tree node of each slot, in the final phase
	dsi, scratch []float64
}

// term is the mutual-information term of n bigrams between clusters with
// left and right marginals l and r.
func (s *state) term(n, l, r float64) float64 {
	if n <= 0 {
		return 0
	}
	return n / s.n * math.Log(n*s.n/(l*r))
}

// sum returns the sum of the terms involving slot a.
func (s *state) sum(a int) float64 {
	k := s.k
	t := 0.0
	for b := range k {
		if s.used[b] {
			t += s.q[a*k+b] + s.q[b*k+a]
		}
	}
	return t - s.q[a*k+a]
}

// mergeLoss computes the loss of merging slots a and b from scratch.
func (s *state) mergeLoss(a, b int) float64 {
	k := s.k
	l, r := s.pl[a]+s.pl[b], s.pr[a]+s.pr[b]
	sm := s.term(s.cnt[a*k+a]+s.cnt[a*k+b]+s.cnt[b*k+a]+s.cnt[b*k+b], l, r)
	for d := range k {
		if !s.used[d] || d == a || d == b {
			continue
		}
		sm += s.term(s.cnt[a*k+d]+s.cnt[b*k+d], l, s.pr[d]) + s.term(s.cnt[d*k+a]+s.cnt[d*k+b], s.pl[d], r)
	}
	return s.s[a] + s.s[b] - s.q[a*k+b] - s.q[b*k+a] - sm
}

// enter adds the new cluster in slot f, whose counts are set, and updates
// the terms and losses.
func (s *state) enter(f int) {
	k := s.k
	s.used[f] = true
	for d := range k {
		if s.used[d] {
			s.q[f*k+d] = s.term(s.cnt[f*k+d], s.pl[f], s.pr[d])
			s.q[d*k+f] = s.term(s.cnt[d*k+f], s.pl[d], s.pr[f])
		}
	}
	// The losses of the other pairs gain the terms with f.
	for i := range k {
		if !s.used[i] || i == f {
			continue
		}
		di := s.q[i*k+f] + s.q[f*k+i]
		s.s[i] += di
		for j := i + 1; j < k; j++ {
			if !s.used[j] || j == f {
				continue
			}
			dj := s.q[j*k+f] + s.q[f*k+j]
			l, r := s.pl[i]+s.pl[j], s.pr[i]+s.pr[j]
			dij := s.term(s.cnt[i*k+f]+s.cnt[j*k+f], l, s.pr[f]) + s.term(s.cnt[f*k+i]+s.cnt[f*k+j], s.pl[f], r)
			s.loss[i*k+j] += di + dj - dij
		}
	}
	s.s[f] = s.sum(f)
	for i := range k {
		if s.used[i] && i != f {
			a, b := min(i, f), max(i, f)
			s.loss[a*k+b] = s.mergeLoss(a, b)
		}
	}
}

// best returns the pair of used slots a < b with the smallest loss, the
// first in slot order among equals.
func (s *state) best() (int, int) {
	k := s.k
	ba, bb, bl := -1, -1, math.Inf(1)
	for a := range k {
		if !s.used[a] {
			continue
		}
		for b := a + 1; b < k; b++ {
			if s.used[b] && s.loss[a*k+b] < bl {
				ba, bb, bl = a, b, s.loss[a*k+b]
			}
		}
	}
	return ba, bb
}

// merge merges slot b into slot a and updates the terms and losses.
func (s *state) merge(a, b int) {
	k := s.k
	l, r := s.pl[a]+s.pl[b], s.pr[a]+s.pr[b]
	// Counts and terms of the merged cluster m with every other slot.
	s.scratch = slices.Grow(s.scratch[:0], 4*k)[:4*k]
	cmR, cmL := s.scratch[:k], s.scratch[k:2*k] // cnt[m][d], cnt[d][m]
	qmR, qmL := s.scratch[2*k:3*k], s.scratch[3*k:]
	for d := range k {
		if !s.used[d] || d == a || d == b {
			continue
		}
		cmR[d] = s.cnt[a*k+d] + s.cnt[b*k+d]
		cmL[d] = s.cnt[d*k+a] + s.cnt[d*k+b]
		qmR[d] = s.term(cmR[d], l, s.pr[d])
		qmL[d] = s.term(cmL[d], s.pl[d], r)
	}
	// Δs(i) for every other slot.
	s.dsi = slices.Grow(s.dsi[:0], k)[:k]
	for i := range k {
		if !s.used[i] || i == a || i == b {
			continue
		}
		s.dsi[i] = qmR[i] + qmL[i] - s.q[i*k+a] - s.q[a*k+i] - s.q[i*k+b] - s.q[b*k+i]
	}
	for i := range k {
		if !s.used[i] || i == a || i == b {
			continue
		}
		for j := i + 1; j < k; j++ {
			if !s.used[j] || j == a || j == b {
				continue
			}
			li, ri := s.pl[i]+s.pl[j], s.pr[i]+s.pr[j]
			// Terms between the union of i and j and a, b, m.
			ia, ib := s.cnt[i*k+a]+s.cnt[j*k+a], s.cnt[i*k+b]+s.cnt[j*k+b] // (ij, x)
			ai, bi := s.cnt[a*k+i]+s.cnt[a*k+j], s.cnt[b*k+i]+s.cnt[b*k+j] // (x, ij)
			dij := s.term(ia+ib, li, r) + s.term(ai+bi, l, ri) -
				s.term(ia, li, s.pr[a]) - s.term(ib, li, s.pr[b]) -
				s.term(ai, s.pl[a], ri) - s.term(bi, s.pl[b], ri)
			s.loss[i*k+j] += s.dsi[i] + s.dsi[j] - dij
		}
	}
	// The merged cluster takes slot a.
	mm := s.cnt[a*k+a] + s.cnt[a*k+b] + s.cnt[b*k+a] + s.cnt[b*k+b]
	for d := range k {
		if !s.used[d] || d == a || d == b {
			continue
		}
		s.cnt[a*k+d], s.cnt[d*k+a] = cmR[d], cmL[d]
		s.q[a*k+d], s.q[d*k+a] = qmR[d], qmL[d]
		s.s[d] += s.dsi[d]
	}
	s.cnt[a*k+a] = mm
	s.pl[a], s.pr[a] = l, r
	s.q[a*k+a] = s.term(mm, l, r)
	s.used[b] = false
	for d := range k {
		s.cnt[b*k+d], s.cnt[d*k+b], s.q[b*k+d], s.q[d*k+b] = 0, 0, 0, 0
	}
	s.s[a] = s.sum(a)
	for i := range k {
		if s.used[i] && i != a {
			x, y := min(i, a), max(i, a)
			s.loss[x*k+y] = s.mergeLoss(x, y)
		}
	}
}
