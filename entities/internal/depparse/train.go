package depparse

import (
	"errors"
	"fmt"
	"math"
	"os"
	"path/filepath"
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
	tagEpochs    int
	folds        int
	bits         uint
	onTagger     func(m *Model)
	tagCache     string
}

// Defaults of [Train]: the settings of the shipped model, chosen on the
// development set of UD English EWT (see the package documentation).
const (
	DefaultEpochs    = 10
	DefaultExplore   = 0.9
	DefaultPrune     = 0.75
	DefaultTagEpochs = 5
	DefaultFolds     = 10
	DefaultBits      = 19
	DefaultSeed      = 1
)

// tagPrune drops the tagger's averaged weights below one update.
const tagPrune = 1.0

// WithTagger sets the tagger's training: epochs over the training
// sentences, and the number of folds of the jackknife that tags the
// parser's training sentences (each fold by a tagger trained on the
// others, so that the parser learns from tags as wrong as at parse
// time); folds < 2 tags them with the final tagger.
func WithTagger(epochs, folds int) TrainOption {
	return func(c *trainConfig) { c.tagEpochs, c.folds = epochs, folds }
}

// WithKernelBits sets the size of the action weights: 2^bits buckets of
// 8 bytes (4 to 30).
func WithKernelBits(bits uint) TrainOption { return func(c *trainConfig) { c.bits = bits } }

// WithTagCache keeps the jackknifed tags of the training sentences in
// directory dir, under a name that hashes the sentences and the tagger's
// settings, and reuses them when they are there: a development aid, as
// the jackknife costs ten trainings of the tagger.
func WithTagCache(dir string) TrainOption { return func(c *trainConfig) { c.tagCache = dir } }

// WithTaggerHook calls f with a model whose tagger is final, before the
// parser is trained (to score the tagger with [Model.Tag]).
func WithTaggerHook(f func(m *Model)) TrainOption { return func(c *trainConfig) { c.onTagger = f } }

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

func (t *trainer) update(fs []uint64, cls uint8, delta int32) {
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
	tc          []uint8 // tag classes, predicted (jackknifed)
	head        []int32
	rel         []uint8
	kidStart    []int32 // dependents of q: kids[kidStart[q]:kidStart[q+1]]
	kids        []int32
}

// Train trains a tagger and a parser on sents. The tagger, a greedy
// averaged perceptron, learns the sentences' POS tags (their Tags when
// POS is nil) from the words and the Tags; the parser learns the trees
// from the words and the tags of the tagger, with the arc-hybrid system,
// a dynamic oracle with exploration and an averaged perceptron.
// Non-projective trees are made projective by lifting arcs (Nivre and
// Nilsson 2005, without encoding the lifts in the labels); a sentence
// whose lifted tree would have two roots is left out. The same sentences
// and options give the same model bytes.
func Train(sents []Sentence, opts ...TrainOption) (*Model, error) {
	cfg := trainConfig{epochs: DefaultEpochs, seed: DefaultSeed, explore: DefaultExplore, exploreAfter: 1, joint: false, prune: DefaultPrune,
		tagEpochs: DefaultTagEpochs, folds: DefaultFolds, bits: DefaultBits}
	for _, o := range opts {
		o(&cfg)
	}
	if cfg.epochs < 1 || cfg.tagEpochs < 1 {
		return nil, errors.New("depparse: epochs must be at least 1")
	}
	if cfg.bits < 4 || cfg.bits > 30 {
		return nil, errors.New("depparse: kernel bits must be 4 to 30")
	}
	// The label and tag inventories, sorted.
	seen := map[string]bool{"root": true}
	seenTags := map[string]bool{}
	for i := range sents {
		if err := sents[i].check(); err != nil {
			return nil, fmt.Errorf("depparse: training sentence %d: %w", i, err)
		}
		for _, r := range sents[i].Rels {
			seen[r] = true
		}
		for _, t := range sents[i].pos() {
			seenTags[t] = true
		}
	}
	labels := sortedKeys(seen)
	tags := sortedKeys(seenTags)
	if len(labels) > maxLabels {
		return nil, fmt.Errorf("depparse: %d relations, at most %d", len(labels), maxLabels)
	}
	if len(tags) > maxTags {
		return nil, fmt.Errorf("depparse: %d tags, at most %d", len(tags), maxTags)
	}
	if len(tags) == 0 {
		tags = []string{"NN"}
	}
	for _, l := range append(slices.Clone(labels), tags...) {
		if len(l) > 255 || l == "" {
			return nil, fmt.Errorf("depparse: relation or tag %.20q empty or longer than 255 bytes", l)
		}
	}
	relIndex := make(map[string]uint8, len(labels))
	for i, l := range labels {
		relIndex[l] = uint8(i)
	}
	tagIndex := make(map[string]uint8, len(tags))
	for i, t := range tags {
		tagIndex[t] = uint8(i)
	}
	m := &Model{labels: labels, rootRel: relIndex["root"], joint: cfg.joint, info: cfg.info, tags: tags}
	m.setTagAtoms()

	// The tagger, and the jackknifed tags of the training sentences.
	tsents := make([]tagSent, len(sents))
	for i := range sents {
		x := &sents[i]
		tsents[i] = tagSent{words: x.Words, ptags: x.Tags, gold: make([]uint8, len(x.Words)), pred: make([]uint8, len(x.Words))}
		for j, t := range x.pos() {
			tsents[i].gold[j] = tagIndex[t]
		}
	}
	s := new(Scratch)
	tt := trainTagger(m, s, tsents, func(int) bool { return true }, cfg.tagEpochs, cfg.seed)
	m.tagger = tt.table(tt.scale(), tagPrune)
	if cfg.onTagger != nil {
		cfg.onTagger(m)
	}
	cache := ""
	if cfg.tagCache != "" {
		h := uint64(cfg.folds)<<32 ^ uint64(cfg.tagEpochs) ^ cfg.seed*k1 ^ featureVersion<<48
		for i := range tsents {
			for j, w := range tsents[i].words {
				h = mix(mix(mix(h, hashString(w)), hashString(tsents[i].ptags[j])), uint64(tsents[i].gold[j]))
			}
		}
		cache = filepath.Join(cfg.tagCache, fmt.Sprintf("jackknife-%016x.bin", h))
		// A cache of another length (truncated, or of other data under
		// a colliding name) is ignored: the tags are computed again.
		if b, err := os.ReadFile(cache); err == nil && len(b) == cachedTags(tsents) {
			for i := range tsents {
				b = b[copy(tsents[i].pred, b):]
			}
			goto tagged
		}
	}
	if cfg.folds >= 2 {
		for k := range cfg.folds {
			ft := trainTagger(m, s, tsents, func(i int) bool { return i%cfg.folds != k }, cfg.tagEpochs, cfg.seed+uint64(k)+1)
			for i := k; i < len(tsents); i += cfg.folds {
				ft.tagSentence(m, s, &tsents[i], false)
			}
		}
	} else {
		for i := range tsents {
			tt.tagSentence(m, s, &tsents[i], false)
		}
	}
	if cache != "" {
		var b []byte
		for i := range tsents {
			b = append(b, tsents[i].pred...)
		}
		if err := os.WriteFile(cache, b, 0o644); err != nil {
			return nil, err
		}
	}
tagged:
	var data []gold
	for i := range sents {
		g, ok := newGold(&sents[i], relIndex)
		if !ok {
			continue
		}
		g.tc = tsents[i].pred
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
	pt := &ptrainer{
		lab:   trainer{idx: make(map[uint64]int32, 1<<18), clock: 1},
		w:     make([]int32, numActions<<cfg.bits),
		u:     make([]int64, numActions<<cfg.bits),
		shift: 64 - cfg.bits,
		nl:    len(labels),
	}
	r := rng(cfg.seed)
	order := make([]int, len(data))
	for i := range order {
		order[i] = i
	}
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
			pt.trainSentence(m, s, &data[k], explore, &r)
		}
		if cfg.onEpoch != nil && epoch < cfg.epochs {
			cfg.onEpoch(epoch, pt.model(m, cfg.prune))
		}
	}
	out := pt.model(m, cfg.prune)
	if cfg.onEpoch != nil {
		cfg.onEpoch(cfg.epochs, out)
	}
	for _, q := range cfg.pruneLevels {
		cfg.onPrune(q, pt.model(m, q))
	}
	return out, nil
}

func sortedKeys(set map[string]bool) []string {
	out := make([]string, 0, len(set))
	for k := range set {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// pos returns the tags the tagger learns: POS, or Tags without them.
func (s *Sentence) pos() []string {
	if s.POS != nil {
		return s.POS
	}
	return s.Tags
}

// tagSent is a training sentence of the tagger: its words, the caller's
// tags, the gold tag classes, and room for the predicted ones.
type tagSent struct {
	words, ptags []string
	gold, pred   []uint8
}

// trainTagger trains a tagger on the sentences i of data with use(i).
func trainTagger(m *Model, s *Scratch, data []tagSent, use func(i int) bool, epochs int, seed uint64) *trainer {
	t := &trainer{idx: make(map[uint64]int32, 1<<20), clock: 1}
	var order []int
	for i := range data {
		if use(i) {
			order = append(order, i)
		}
	}
	r := rng(seed)
	for range epochs {
		for i := len(order) - 1; i > 0; i-- {
			j := int(r.next() % uint64(i+1))
			order[i], order[j] = order[j], order[i]
		}
		for _, k := range order {
			t.tagSentence(m, s, &data[k], true)
		}
	}
	return t
}

// tagSentence tags x greedily into x.pred with the trainer's current
// weights, learning from each mistake if learn is set.
func (t *trainer) tagSentence(m *Model, s *Scratch, x *tagSent, learn bool) {
	s.reset(x.words, x.ptags)
	nt := len(m.tags)
	p1, p2 := uint64(noneAtom), uint64(noneAtom)
	for q := 1; q <= s.n; q++ {
		s.tfeats = s.tagFeatures(s.tfeats[:0], x.words, q, p1, p2)
		t.score(s.tfeats, &s.tsc, nt)
		best := 0
		for c := 1; c < nt; c++ {
			if s.tsc[c] > s.tsc[best] {
				best = c
			}
		}
		if learn {
			t.clock++
			if g := int(x.gold[q-1]); g != best {
				t.update(s.tfeats, uint8(g), 1)
				t.update(s.tfeats, uint8(best), -1)
			}
		}
		x.pred[q-1] = uint8(best)
		p2, p1 = p1, m.tagAtom[best]
	}
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

// ptrainer holds the weights of the parser in training: the action
// kernel, 3 weights per bucket (w the current weight, u the sum of
// clock×update, so that the averaged weight is w - u/clock), and the
// label weights.
type ptrainer struct {
	w     []int32
	u     []int64
	shift uint
	clock int64
	lab   trainer
	nl    int
}

func (t *ptrainer) score(fs []uint64, sc *[256]int32) {
	var a, b, c int32
	for _, k := range fs {
		i := numActions * (k >> t.shift)
		a += t.w[i]
		b += t.w[i+1]
		c += t.w[i+2]
	}
	sc[shift], sc[left], sc[right] = a, b, c
}

func (t *ptrainer) update(fs []uint64, a int, delta int32) {
	for _, k := range fs {
		i := numActions*(k>>t.shift) + uint64(a)
		t.w[i] += delta
		t.u[i] += t.clock * int64(delta)
	}
}

// labelScores implements labeler with the trainer's weights.
func (t *ptrainer) labelScores(s *Scratch, d, h int32, isLeft bool, off int) {
	s.lfeats = s.labelFeatures(s.lfeats[:0], d, h, isLeft)
	var sc [256]int32
	t.lab.score(s.lfeats, &sc, t.nl)
	copy(s.scores[off:off+t.nl], sc[:t.nl])
}

// arc returns the dependent and head of action a (LEFT or RIGHT).
func arc(s *Scratch, a int) (d, h int32) {
	k := len(s.stack)
	if a == left {
		return s.stack[k-1], s.b
	}
	return s.stack[k-1], s.stack[k-2]
}

// trainSentence runs the parser over one sentence, updating the weights.
func (t *ptrainer) trainSentence(m *Model, s *Scratch, g *gold, explore float64, r *rng) {
	n := int32(len(g.words))
	root := n + 1
	nl := len(m.labels)
	s.reset(g.words, g.tags)
	copy(s.tc[1:], g.tc)
	s.setTags(m)
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
	// labelUpdate moves the label weights of the arc of action a
	// towards label good and away from label bad.
	labelUpdate := func(a int, good, bad uint8) {
		d, h := arc(s, a)
		s.lfeats = s.labelFeatures(s.lfeats[:0], d, h, a == left)
		t.lab.update(s.lfeats, good, 1)
		t.lab.update(s.lfeats, bad, -1)
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
		t.lab.clock = t.clock
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
		t.score(s.feats, &s.scores)
		sc := &s.scores
		gl := g.rel[s0]
		pa, pl := m.decide(s, t, sh, le, ri)
		toRoot := b0 == root
		isArc := func(a int) bool { return a != shift && !(a == left && toRoot) }
		predOK := cost[pa] == minCost && (!isArc(pa) || pl == gl || !m.joint)
		// The best correct action by the model's scores.
		ca, best := -1, int64(math.MinInt64)
		for a := range numActions {
			if cost[a] != minCost {
				continue
			}
			v := int64(sc[a])
			if m.joint && isArc(a) {
				off := numActions
				if a == right {
					off += nl
				}
				v += int64(sc[off+int(gl)])
			}
			if v > best {
				ca, best = a, v
			}
		}
		if !predOK {
			if ca != pa {
				t.update(s.feats, ca, 1)
				t.update(s.feats, pa, -1)
			}
			if m.joint {
				if isArc(ca) && isArc(pa) && ca == pa {
					labelUpdate(ca, gl, pl)
				} else {
					if isArc(ca) {
						d, h := arc(s, ca)
						s.lfeats = s.labelFeatures(s.lfeats[:0], d, h, ca == left)
						t.lab.update(s.lfeats, gl, 1)
					}
					if isArc(pa) {
						d, h := arc(s, pa)
						s.lfeats = s.labelFeatures(s.lfeats[:0], d, h, pa == left)
						t.lab.update(s.lfeats, pl, -1)
					}
				}
			}
		}
		fa, fl := ca, gl
		if predOK || r.float() < explore {
			fa, fl = pa, pl
		}
		if !m.joint && isArc(fa) {
			// The label of the arc to be made, learnt separately.
			off := numActions
			mask := m.leftMask
			if fa == right {
				off, mask = numActions+nl, m.rightMask
			}
			if fa != pa {
				d, h := arc(s, fa)
				t.labelScores(s, d, h, fa == left, off)
			}
			l, _ := bestLabel(sc, off, nl, mask)
			if d, h := arc(s, fa); l != gl && g.head[d] == h {
				labelUpdate(fa, gl, l)
			}
			fl = l
			if cost[fa] == minCost {
				fl = gl
			}
		}
		if fa == left && toRoot {
			fl = m.rootRel
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

// actMax is the largest action weight in units (10-bit weights).
const actMax = 511

// scale returns the weight of one unit of the int16 weights: the largest
// averaged weight is 32767 units.
func (t *trainer) scale() float64 {
	c := float64(t.clock)
	maxAbs := 0.0
	for i := range t.ents {
		e := &t.ents[i]
		maxAbs = max(maxAbs, math.Abs(float64(e.w)-float64(e.u)/c))
	}
	if maxAbs == 0 {
		maxAbs = 1
	}
	return maxAbs / 32767
}

// model returns the averaged, quantised model of the trainer's weights.
func (t *ptrainer) model(proto *Model, prune float64) *Model {
	m := *proto
	c := float64(t.clock)
	t.lab.clock = t.clock
	maxAbs := 0.0
	for i := range t.w {
		maxAbs = max(maxAbs, math.Abs(float64(t.w[i])-float64(t.u[i])/c))
	}
	if maxAbs == 0 {
		maxAbs = 1
	}
	// The action weights in units of scale, 10 bits; the label weights
	// in their own units, or in the same ones when they are added.
	scale := maxAbs / actMax
	labScale := t.lab.scale()
	if m.joint {
		scale = max(scale, labScale)
		labScale = scale
	}
	m.scale = float32(scale)
	m.act = make([]uint32, len(t.w)/numActions)
	for b := range m.act {
		var v uint32
		for a := range numActions {
			i := numActions*b + a
			w := float64(t.w[i]) - float64(t.u[i])/c
			q := max(-actMax, min(actMax, math.Round(w/scale)))
			v |= uint32(int32(q)) & 0x3ff << (10 * a)
		}
		m.act[b] = v
	}
	m.actShift = t.shift
	m.lab = t.lab.table(labScale, prune)
	return &m
}

// table returns the averaged weights of the trainer quantised to units of
// scale, without those below prune in magnitude.
func (t *trainer) table(scale, prune float64) table {
	c := float64(t.clock)
	type feat struct {
		key  uint64
		ents []uint32
	}
	feats := make([]feat, 0, len(t.idx))
	var buf []uint32
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
			q = max(-32767, min(32767, q))
			buf = append(buf, uint32(int32(q))<<16|uint32(e.cls))
		}
		if len(buf) == 0 {
			continue
		}
		slices.SortFunc(buf, func(a, b uint32) int { return int(uint8(a)) - int(uint8(b)) })
		feats = append(feats, feat{k, slices.Clone(buf)})
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
	var tb table
	tb.slots = make([]uint64, 2*size)
	for i := range size {
		if at[i] == 0 {
			continue
		}
		f := feats[at[i]-1]
		c := uint64(len(f.ents)) // at most 255: one entry per class
		w0 := uint64(uint32(f.key)|1) | c<<40
		var w1 uint64
		if c <= 3 {
			w0 |= uint64(f.ents[0]) << 32
			if c >= 2 {
				w1 = uint64(f.ents[1])
			}
			if c == 3 {
				w1 |= uint64(f.ents[2]) << 32
			}
		} else {
			w1 = uint64(len(tb.ents))
			tb.ents = append(tb.ents, f.ents...)
		}
		tb.slots[2*i], tb.slots[2*i+1] = w0, w1
	}
	tb.shift = shift
	return tb
}

// cachedTags returns the number of predicted tags of sents, the length of
// their jackknife cache file.
func cachedTags(sents []tagSent) int {
	n := 0
	for i := range sents {
		n += len(sents[i].pred)
	}
	return n
}
