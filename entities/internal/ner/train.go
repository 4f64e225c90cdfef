package ner

import (
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
)

// Sentence is a training example: words with their gold labels, and
// optionally external per-token feature bits (see [Model.LabelExt]).
type Sentence struct {
	Words  []string
	Labels []Label
	Ext    []uint64 // nil, or one bit set per token
}

// TrainOption configures [Train].
type TrainOption func(*trainConfig)

type trainConfig struct {
	epochs     int
	seed       uint64
	minWeight  float64
	info       string
	clusters   bool
	afterEpoch func(epoch int, m *Model)
}

// WithEpochs sets the number of passes over the data (default 16).
func WithEpochs(n int) TrainOption { return func(c *trainConfig) { c.epochs = n } }

// WithSeed sets the seed of the per-epoch shuffle (default 1). Training is
// deterministic for a given seed and data.
func WithSeed(s uint64) TrainOption { return func(c *trainConfig) { c.seed = s } }

// WithMinWeight drops every feature whose averaged weights are all smaller
// than w in magnitude (in perceptron update units; default 0.3). Larger
// values give smaller models.
func WithMinWeight(w float64) TrainOption { return func(c *trainConfig) { c.minWeight = w } }

// WithClusters says whether the model uses the word cluster features
// (default true; see clusters.go). A model trained without them labels
// without them.
func WithClusters(on bool) TrainOption { return func(c *trainConfig) { c.clusters = on } }

// WithInfo records a provenance note in the model (see [Model.Info]).
func WithInfo(s string) TrainOption { return func(c *trainConfig) { c.info = s } }

// WithAfterEpoch calls f after every epoch with the model averaged so far,
// for example to pick the number of epochs on a validation set.
func WithAfterEpoch(f func(epoch int, m *Model)) TrainOption {
	return func(c *trainConfig) { c.afterEpoch = f }
}

// Train learns a model from labelled sentences with the averaged structured
// perceptron (Collins 2002): each sentence is decoded with the current
// weights under the same constrained Viterbi search as [Model.Label], and
// where the best sequence differs from the gold one the features of the
// gold labels and transitions are promoted and those of the prediction
// demoted. The returned weights are the average over all steps, pruned and
// quantised.
func Train(sents []Sentence, opts ...TrainOption) (*Model, error) {
	c := trainConfig{epochs: 16, seed: 1, minWeight: 0.3, clusters: true}
	for _, o := range opts {
		o(&c)
	}
	if c.epochs < 1 {
		return nil, errors.New("ner: epochs must be positive")
	}
	for i, s := range sents {
		if len(s.Words) != len(s.Labels) {
			return nil, fmt.Errorf("ner: sentence %d has %d words and %d labels", i, len(s.Words), len(s.Labels))
		}
		for j, l := range s.Labels {
			if l >= NumLabels {
				return nil, fmt.Errorf("ner: sentence %d token %d: bad label %d", i, j, l)
			}
			prev := start
			if j > 0 {
				prev = s.Labels[j-1]
			}
			if !allowed(prev, l) {
				return nil, fmt.Errorf("ner: sentence %d token %d: %v after %v is not IOB2", i, j, l, prev)
			}
		}
	}
	t := &trainer{idx: make(map[uint64]int32, 1<<20), clock: 1, fv: featuresPlain}
	if c.clusters {
		ct, err := defaultClusters()
		if err != nil {
			return nil, err
		}
		t.ct, t.fv = ct, featuresClusters
	}
	order := make([]int, len(sents))
	for i := range order {
		order[i] = i
	}
	rng := rand.New(rand.NewPCG(c.seed, 0x5eed))
	var s Scratch
	var pred []Label
	for epoch := 1; epoch <= c.epochs; epoch++ {
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		for _, k := range order {
			pred = t.step(&sents[k], &s, pred)
		}
		if c.afterEpoch != nil && epoch < c.epochs {
			c.afterEpoch(epoch, t.model(c.minWeight, c.info))
		}
	}
	m := t.model(c.minWeight, c.info)
	if c.afterEpoch != nil {
		c.afterEpoch(c.epochs, m)
	}
	return m, nil
}

// trainer holds perceptron weights w and, for averaging, u: the sum of
// clock*delta over all updates, so that the average is w - u/clock.
type trainer struct {
	idx   map[uint64]int32 // feature hash -> row
	w     []int32          // NumLabels per row
	u     []int64
	tw    [NumLabels + 2][NumLabels]int32 // transitions; row NumLabels: start, NumLabels+1: end
	tu    [NumLabels + 2][NumLabels]int64
	clock int64
	fv    uint32        // feature version of the model
	ct    *clusterTable // nil without cluster features
}

func (t *trainer) step(sent *Sentence, s *Scratch, pred []Label) []Label {
	n := len(sent.Words)
	if n == 0 {
		return pred
	}
	s.prepare(sent.Words, sent.Ext, t.ct)
	s.emit = grow(s.emit, n)
	s.back = grow(s.back, n)
	for i := range n {
		var e [NumLabels]int32
		for _, h := range s.feats[s.off[i]:s.off[i+1]] {
			if r, ok := t.idx[h]; ok {
				row := t.w[int(r)*NumLabels:]
				for y := range NumLabels {
					e[y] += row[y]
				}
			}
		}
		s.emit[i] = e
	}
	var trans [NumLabels][NumLabels]int32
	copy(trans[:], t.tw[:NumLabels])
	pred = grow(pred, n)
	viterbi(s.emit, &trans, &t.tw[NumLabels], &t.tw[NumLabels+1], s.back, pred)

	gold := sent.Labels
	for i := range n {
		if pred[i] != gold[i] {
			for _, h := range s.feats[s.off[i]:s.off[i+1]] {
				r := t.row(h)
				t.update(r, gold[i], 1)
				t.update(r, pred[i], -1)
			}
		}
		gp, pp := int(NumLabels), int(NumLabels) // start row
		if i > 0 {
			gp, pp = int(gold[i-1]), int(pred[i-1])
		}
		if gp != pp || gold[i] != pred[i] {
			t.updateTrans(gp, gold[i], 1)
			t.updateTrans(pp, pred[i], -1)
		}
	}
	if gold[n-1] != pred[n-1] {
		t.updateTrans(NumLabels+1, gold[n-1], 1)
		t.updateTrans(NumLabels+1, pred[n-1], -1)
	}
	t.clock++
	return pred
}

func (t *trainer) row(h uint64) int {
	r, ok := t.idx[h]
	if !ok {
		r = int32(len(t.w) / NumLabels)
		t.idx[h] = r
		t.w = append(t.w, make([]int32, NumLabels)...)
		t.u = append(t.u, make([]int64, NumLabels)...)
	}
	return int(r)
}

func (t *trainer) update(r int, y Label, d int32) {
	t.w[r*NumLabels+int(y)] += d
	t.u[r*NumLabels+int(y)] += int64(d) * t.clock
}

func (t *trainer) updateTrans(p int, y Label, d int32) {
	t.tw[p][y] += d
	t.tu[p][y] += int64(d) * t.clock
}

func (t *trainer) avg(w int32, u int64) float64 {
	return float64(w) - float64(u)/float64(t.clock)
}

// model averages, prunes and quantises the current weights.
func (t *trainer) model(minWeight float64, info string) *Model {
	type feat struct {
		key uint64
		row int32
	}
	var kept []feat
	maxAbs := 0.0
	for h, r := range t.idx {
		big := 0.0
		for y := range NumLabels {
			i := int(r)*NumLabels + y
			big = max(big, math.Abs(t.avg(t.w[i], t.u[i])))
		}
		if big >= minWeight && big > 0 && h != 0 {
			kept = append(kept, feat{h, r})
			maxAbs = max(maxAbs, big)
		}
	}
	slices.SortFunc(kept, func(a, b feat) int {
		switch {
		case a.key < b.key:
			return -1
		case a.key > b.key:
			return 1
		}
		return 0
	})
	if maxAbs == 0 {
		maxAbs = 1
	}
	scale := maxAbs / math.MaxInt16
	q := func(v float64) int64 { return int64(math.Round(v / scale)) }
	m := &Model{scale: float32(scale), info: info, fv: t.fv, ct: t.ct}
	m.keys = make([]uint64, 0, len(kept))
	m.rows = make([]int16, 0, len(kept)*NumLabels)
	for _, f := range kept {
		m.keys = append(m.keys, f.key)
		for y := range NumLabels {
			i := int(f.row)*NumLabels + y
			m.rows = append(m.rows, int16(max(-math.MaxInt16, min(math.MaxInt16, q(t.avg(t.w[i], t.u[i]))))))
		}
	}
	clamp := func(v int64) int32 { return int32(max(-1<<30, min(1<<30, v))) }
	for p := range NumLabels {
		for y := range NumLabels {
			m.trans[p][y] = clamp(q(t.avg(t.tw[p][y], t.tu[p][y])))
		}
	}
	for y := range NumLabels {
		m.start[y] = clamp(q(t.avg(t.tw[NumLabels][y], t.tu[NumLabels][y])))
		m.end[y] = clamp(q(t.avg(t.tw[NumLabels+1][y], t.tu[NumLabels+1][y])))
	}
	m.index()
	return m
}
