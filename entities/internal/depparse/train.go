package depparse

import (
	"errors"
	"fmt"
	"math"
	"slices"
	"sort"
)

// TrainOption configures [Train].
type TrainOption func(*trainConfig)

type trainConfig struct {
	epochs       int
	seed         uint64
	explore      float64 // probability of following a wrong prediction
	exploreAfter int     // first epochs trained without exploration
	joint        bool
	prune        float64 // drop averaged weights below this magnitude
	info         string
	onEpoch      func(epoch int, m *Model)
	pruneLevels  []float64
	onPrune      func(w float64, m *Model)
}

// Defaults of [Train]: the settings of the shipped model, chosen on the
// development set of UD English EWT (see the package documentation).
const (
	DefaultEpochs  = 10
	DefaultExplore = 0.9
	DefaultPrune   = 2.0
)

// WithEpochs sets the number of passes over the training sentences.
func WithEpochs(n int) TrainOption { return func(c *trainConfig) { c.epochs = n } }

// WithSeed sets the seed of the shuffling and of exploration.
func WithSeed(s uint64) TrainOption { return func(c *trainConfig) { c.seed = s } }

// WithExplore sets the probability p of following the model's own wrong
// action instead of a correct one, from epoch after+1 on (Goldberg and
// Nivre's exploration with a dynamic oracle); p = 0 trains on the
// oracle's paths only.
func WithExplore(p float64, after int) TrainOption {
	return func(c *trainConfig) { c.explore, c.exploreAfter = p, after }
}

// WithJoint sets whether the action is chosen together with its label
// (the score of a LEFT or RIGHT arc adds its best label's score), or the
// action first and then the label.
func WithJoint(joint bool) TrainOption { return func(c *trainConfig) { c.joint = joint } }

// WithPrune drops the weights whose averaged magnitude is below w (in
// perceptron updates), to keep the model small; w = 0 drops only those
// that quantise to zero.
func WithPrune(w float64) TrainOption { return func(c *trainConfig) { c.prune = w } }

// WithInfo sets the provenance note returned by [Model.Info].
func WithInfo(s string) TrainOption { return func(c *trainConfig) { c.info = s } }

// WithEpochHook calls f after every epoch with the averaged model so far
// (to score it on development data).
func WithEpochHook(f func(epoch int, m *Model)) TrainOption {
	return func(c *trainConfig) { c.onEpoch = f }
}

// WithPruneHook calls f, after training, with the final model pruned at
// each of the levels (see [WithPrune]), to measure size against accuracy.
func WithPruneHook(levels []float64, f func(w float64, m *Model)) TrainOption {
	return func(c *trainConfig) { c.pruneLevels, c.onPrune = levels, f }
}

// rng is splitmix64: small, fast and the same on every machine.
type rng uint64

func (r *rng) next() uint64 {
	*r += 0x9E3779B97F4A7C15
	z := uint64(*r)
	z = (z ^ z>>30) * 0xBF58476D1CE4E5B9
	z = (z ^ z>>27) * 0x94D049BB133111EB
	return z ^ z>>31
}

func (r *rng) float() float64 { return float64(r.next()>>11) / (1 << 53) }

// tent is one weight of the trainer, of class cls of a feature. w is the
// current weight; u accumulates clock×update, so that the averaged
// weight is w - u/clock.
type tent struct {
	u   int64
	w   int32
	cls uint8
}

// trow locates the weights of one feature in the trainer's arena.
type trow struct {
	start  int32
	n, cap uint16
}

type trainer struct {
	idx   map[uint64]int32 // feature key → row
	rows  []trow
	ents  []tent
	clock int64
}

func (t *trainer) score(fs []uint64, sc *[256]int32, nclass int) {
	clear(sc[:nclass])
	for _, f := range fs {
		i, ok := t.idx[f]
		if !ok {
			continue
		}
		r := t.rows[i]
		for _, e := range t.ents[r.start : r.start+int32(r.n)] {
			sc[e.cls] += e.w
		}
	}
}

func (t *trainer) update(fs []uint64, nlab int, cls uint8, delta int32) {
	if cls >= numActions {
		fs = fs[:nlab]
	}
	for _, f := range fs {
		i, ok := t.idx[f]
		if !ok {
			i = int32(len(t.rows))
			t.rows = append(t.rows, trow{start: int32(len(t.ents)), cap: 2})
			t.ents = append(t.ents, tent{}, tent{})
			t.idx[f] = i
		}
		r := &t.rows[i]
		row := t.ents[r.start : r.start+int32(r.n)]
		j := 0
		for j < len(row) && row[j].cls != cls {
			j++
		}
		if j == len(row) {
			if r.n == r.cap {
				// Move the row to the end of the arena, with twice the room.
				start := int32(len(t.ents))
				t.ents = append(t.ents, row...)
				for range r.cap {
					t.ents = append(t.ents, tent{})
				}
				r.start, r.cap = start, 2*r.cap
			}
			t.ents[r.start+int32(r.n)] = tent{cls: cls}
			r.n++
		}
		e := &t.ents[r.start+int32(j)]
		e.w += delta
		e.u += t.clock * int64(delta)
	}
}

// gold is a training sentence in positions: heads of positions 1..n
// (n+1 for the root), label indices, and the dependents of each position.
type gold struct {
	words, tags []string
	head        []int32
	rel         []uint8
	kidStart    []int32 // dependents of q: kids[kidStart[q]:kidStart[q+1]]
	kids        []int32
}

// Train trains a parser on sents with the arc-hybrid system, a dynamic
// oracle with exploration and an averaged perceptron. Non-projective
// trees are made projective by lifting arcs (Nivre and Nilsson 2005,
// without encoding the lifts in the labels); a sentence whose lifted tree
// would have two roots is left out. The same sentences and options give
// the same model bytes.
func Train(sents []Sentence, opts ...TrainOption) (*Model, error) {
	cfg := trainConfig{epochs: DefaultEpochs, seed: 1, explore: DefaultExplore, exploreAfter: 1, joint: false, prune: DefaultPrune}
	for _, o := range opts {
		o(&cfg)
	}
	if cfg.epochs < 1 {
		return nil, errors.New("depparse: epochs must be at least 1")
	}
	// The label inventory, sorted.
	seen := map[string]bool{"root": true}
	for i := range sents {
		if err := sents[i].check(); err != nil {
			return nil, fmt.Errorf("depparse: training sentence %d: %w", i, err)
		}
		for _, r := range sents[i].Rels {
			seen[r] = true
		}
	}
	labels := make([]string, 0, len(seen))
	for l := range seen {
		labels = append(labels, l)
	}
	sort.Strings(labels)
	if len(labels) > maxLabels {
		return nil, fmt.Errorf("depparse: %d relations, at most %d", len(labels), maxLabels)
	}
	for _, l := range labels {
		if len(l) > 255 {
			return nil, fmt.Errorf("depparse: relation %q longer than 255 bytes", l[:20])
		}
	}
	relIndex := make(map[string]uint8, len(labels))
	for i, l := range labels {
		relIndex[l] = uint8(i)
	}
	m := &Model{labels: labels, rootRel: relIndex["root"], joint: cfg.joint, info: cfg.info}
	var data []gold
	for i := range sents {
		g, ok := newGold(&sents[i], relIndex)
		if !ok {
			continue
		}
		for q := 1; q < len(g.head); q++ {
			l := g.rel[q]
			switch h := g.head[q]; {
			case h == int32(len(g.head)):
			case h > int32(q):
				m.leftMask[l>>6] |= 1 << (l & 63)
			default:
				m.rightMask[l>>6] |= 1 << (l & 63)
			}
		}
		data = append(data, g)
	}
	t := &trainer{idx: make(map[uint64]int32, 1<<20), clock: 1}
	r := rng(cfg.seed)
	order := make([]int, len(data))
	for i := range order {
		order[i] = i
	}
	s := new(Scratch)
	for epoch := 1; epoch <= cfg.epochs; epoch++ {
		for i := len(order) - 1; i > 0; i-- {
			j := int(r.next() % uint64(i+1))
			order[i], order[j] = order[j], order[i]
		}
		explore := 0.0
		if epoch > cfg.exploreAfter {
			explore = cfg.explore
		}
		for _, k := range order {
			t.trainSentence(m, s, &data[k], explore, &r)
		}
		if cfg.onEpoch != nil && epoch < cfg.epochs {
			cfg.onEpoch(epoch, t.model(m, cfg.prune))
		}
	}
	out := t.model(m, cfg.prune)
	if cfg.onEpoch != nil {
		cfg.onEpoch(cfg.epochs, out)
	}
	for _, q := range cfg.pruneLevels {
		cfg.onPrune(q, t.model(m, q))
	}
	return out, nil
}

// newGold converts s to positions, lifting non-projective arcs; ok is
// false when the lifted tree would have two roots.
func newGold(s *Sentence, relIndex map[string]uint8) (g gold, ok bool) {
	n := len(s.Words)
	g.words, g.tags = s.Words, s.Tags
	g.head = make([]int32, n+1)
	g.rel = make([]uint8, n+1)
	for i := range n {
		h := s.Heads[i] + 1
		if h == 0 {
			h = int32(n + 1)
		}
		g.head[i+1] = h
		g.rel[i+1] = relIndex[s.Rels[i]]
	}
	if !projectivize(g.head) {
		return g, false
	}
	g.kidStart = make([]int32, n+3)
	for q := 1; q <= n; q++ {
		g.kidStart[g.head[q]+1]++
	}
	for q := 1; q < len(g.kidStart); q++ {
		g.kidStart[q] += g.kidStart[q-1]
	}
	g.kids = make([]int32, n)
	fill := slices.Clone(g.kidStart)
	for q := 1; q <= n; q++ {
		h := g.head[q]
		g.kids[fill[h]] = int32(q)
		fill[h]++
	}
	return g, true
}

// projectivize lifts non-projective arcs of head (positions 1..n, root
// n+1) until the tree is projective: the dependent of the shortest
// non-projective arc moves to its head's head. It returns false if a
// word would become a second dependent of the root.
func projectivize(head []int32) bool {
	n := int32(len(head) - 1)
	root := n + 1
	dominates := func(h, d int32) bool { // h is an ancestor of d or d itself
		for d != h && d != root {
			d = head[d]
		}
		return d == h
	}
	for {
		best, bestLen := int32(0), int32(math.MaxInt32)
		for d := int32(1); d <= n; d++ {
			h := head[d]
			lo, hi := min(h, d), max(h, d)
			if hi-lo >= bestLen || h == root {
				continue
			}
			for k := lo + 1; k < hi; k++ {
				if !dominates(h, k) {
					best, bestLen = d, hi-lo
					break
				}
			}
		}
		if best == 0 {
			return true
		}
		head[best] = head[head[best]]
		if head[best] == root {
			return false
		}
	}
}

// trainSentence runs the parser over one sentence, updating the weights.
func (t *trainer) trainSentence(m *Model, s *Scratch, g *gold, explore float64, r *rng) {
	n := int32(len(g.words))
	root := n + 1
	nl := len(m.labels)
	nclass := numActions + 2*nl
	s.reset(g.words, g.tags)
	s.full = true
	defer func() { s.full = false }()
	onStack := make([]bool, n+2)
	kidsIn := func(q int32, in func(k int32) bool) int {
		c := 0
		for _, k := range g.kids[g.kidStart[q]:g.kidStart[q+1]] {
			if in(k) {
				c++
			}
		}
		return c
	}
	inBuffer := func(k int32) bool { return k >= s.b }
	inStack := func(k int32) bool { return onStack[k] }
	labelClass := func(a int, l uint8) uint8 {
		if a == left {
			return uint8(numActions + int(l))
		}
		return uint8(numActions + nl + int(l))
	}
	for !s.done() {
		sh, le, ri := s.valid()
		if !le && !ri {
			onStack[s.b] = true
			s.apply(shift, 0)
			continue
		}
		if le && !sh && !ri {
			onStack[s.stack[len(s.stack)-1]] = false
			s.apply(left, m.rootRel)
			continue
		}
		t.clock++
		var s0, s1 int32
		if k := len(s.stack); k > 0 {
			s0 = s.stack[k-1]
			if k > 1 {
				s1 = s.stack[k-2]
			}
		}
		b0 := s.b
		const inf = 1 << 30
		cost := [numActions]int{inf, inf, inf}
		if sh {
			c := kidsIn(b0, inStack)
			if h := g.head[b0]; h != root && onStack[h] && h != s0 {
				c++
			}
			cost[shift] = c
		}
		if le {
			c := kidsIn(s0, inBuffer)
			if h := g.head[s0]; h != b0 && (h == s1 || h > b0) {
				c++
			}
			cost[left] = c
		}
		if ri {
			c := kidsIn(s0, inBuffer)
			if g.head[s0] >= b0 {
				c++
			}
			cost[right] = c
		}
		minCost := min(cost[0], cost[1], cost[2])
		s.feats = s.features(s.feats[:0])
		t.score(s.feats, &s.scores, nclass)
		sc := &s.scores
		gl := g.rel[s0]
		pa, pl := m.decide(s, sh, le, ri, m.joint)
		predOK := cost[pa] == minCost && (pa == shift || pl == gl || !m.joint)
		// The best correct action by the model's scores.
		ca, best := -1, int64(math.MinInt64)
		for a := range numActions {
			if cost[a] != minCost {
				continue
			}
			v := int64(sc[a])
			if m.joint && a != shift {
				v += int64(sc[labelClass(a, gl)])
			}
			if v > best {
				ca, best = a, v
			}
		}
		if !predOK {
			if ca != pa {
				t.update(s.feats, s.nlab, uint8(ca), 1)
				t.update(s.feats, s.nlab, uint8(pa), -1)
			}
			if m.joint {
				if ca != shift {
					t.update(s.feats, s.nlab, labelClass(ca, gl), 1)
				}
				if pa != shift {
					t.update(s.feats, s.nlab, labelClass(pa, pl), -1)
				}
			}
		}
		fa, fl := ca, gl
		if predOK || r.float() < explore {
			fa, fl = pa, pl
		}
		if !m.joint && fa != shift && !(fa == left && b0 == root) {
			// The label of the arc to be made, learnt separately.
			off := numActions
			mask := m.leftMask
			if fa == right {
				off, mask = numActions+nl, m.rightMask
			}
			l, _ := bestLabel(sc, off, nl, mask)
			if l != gl {
				t.update(s.feats, s.nlab, labelClass(fa, gl), 1)
				t.update(s.feats, s.nlab, labelClass(fa, l), -1)
			}
			fl = l
			if cost[fa] == minCost {
				fl = gl
			}
		}
		switch fa {
		case shift:
			onStack[b0] = true
		default:
			onStack[s0] = false
		}
		s.apply(fa, fl)
	}
}

// model returns the averaged, quantised model of the trainer's weights.
func (t *trainer) model(proto *Model, prune float64) *Model {
	m := *proto
	c := float64(t.clock)
	maxAbs := 0.0
	for i := range t.ents {
		e := &t.ents[i]
		maxAbs = max(maxAbs, math.Abs(float64(e.w)-float64(e.u)/c))
	}
	if maxAbs == 0 {
		maxAbs = 1
	}
	scale := maxAbs / 32767
	m.scale = float32(scale)
	type feat struct {
		key  uint64
		ents []uint32
	}
	feats := make([]feat, 0, len(t.idx))
	var buf []uint32
	nents := 0
	for k, i := range t.idx {
		buf = buf[:0]
		r := t.rows[i]
		for j := range int32(r.n) {
			e := &t.ents[r.start+j]
			w := float64(e.w) - float64(e.u)/c
			q := math.Round(w / scale)
			if q == 0 || math.Abs(w) < prune {
				continue
			}
			buf = append(buf, uint32(int32(q))<<16|uint32(e.cls))
		}
		if len(buf) == 0 {
			continue
		}
		slices.SortFunc(buf, func(a, b uint32) int { return int(uint8(a)) - int(uint8(b)) })
		feats = append(feats, feat{k, slices.Clone(buf)})
		nents += len(buf)
	}
	slices.SortFunc(feats, func(a, b feat) int {
		switch {
		case a.key < b.key:
			return -1
		case a.key > b.key:
			return 1
		}
		return 0
	})
	bits := uint(4)
	for float64(len(feats)) > 0.8*float64(uint64(1)<<bits) {
		bits++
	}
	size := uint64(1) << bits
	mask := size - 1
	shift := 64 - bits
	at := make([]int32, size) // feature index + 1 in each slot
	for fi, f := range feats {
		fp := uint32(f.key) | 1
		i := f.key >> shift
		for ; at[i] != 0; i = (i + 1) & mask {
			if uint32(feats[at[i]-1].key)|1 == fp {
				break // same fingerprint on the probe path: drop
			}
		}
		if at[i] == 0 {
			at[i] = int32(fi + 1)
		}
	}
	m.slots = make([]uint64, size+1)
	m.ents = make([]uint32, 0, nents)
	for i := range size {
		off := uint64(len(m.ents)) << 32
		if at[i] == 0 {
			m.slots[i] = off
			continue
		}
		f := feats[at[i]-1]
		m.slots[i] = off | uint64(uint32(f.key)|1)
		m.ents = append(m.ents, f.ents...)
	}
	m.slots[size] = uint64(len(m.ents)) << 32
	m.shift = shift
	return &m
}
