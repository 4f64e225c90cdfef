package relmodel

import (
	"math"
	"math/rand/v2"
	"slices"
)

// Example is one training candidate.
type Example struct {
	Feats []uint64
	// Allowed, Pos and Ignore are label masks (bit i for Labels[i]): the
	// labels the pair's entity types allow, the gold labels, and the
	// labels that are neither positive nor negative (optional gold, or a
	// relation the document states elsewhere).
	Allowed, Pos, Ignore uint32
}

// TrainConfig sets the trainer's hyper-parameters.
type TrainConfig struct {
	Bits      uint    // log2 of the feature buckets
	Epochs    int     // passes over the data
	Rate      float64 // AdaGrad learning rate
	L2        float64 // L2 penalty per update
	PosWeight float64 // weight of a positive example's gradient
	Seed      uint64  // order of the examples
}

// DefaultTrainConfig is the configuration of the shipped model.
var DefaultTrainConfig = TrainConfig{Bits: 17, Epochs: 12, Rate: 0.2, L2: 1e-6, PosWeight: 2, Seed: 1}

// Train learns the weights of one logistic regression per label from
// examples with AdaGrad, in an order fixed by cfg.Seed: the same examples
// and configuration give the same model, bit for bit. Thresholds are set
// to 0.5 and there is no calibration; see [Model.SetCalibration].
func Train(examples []Example, cfg TrainConfig) *Model {
	nb := 1 << cfg.Bits
	w := make([]float64, nb*NumLabels)
	g2 := make([]float64, nb*NumLabels)
	var bias, bg2 [NumLabels]float64
	order := make([]int, len(examples))
	for i := range order {
		order[i] = i
	}
	rng := rand.New(rand.NewPCG(cfg.Seed, 0x5eed))
	mask := uint64(nb - 1)
	for ep := 0; ep < cfg.Epochs; ep++ {
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		for _, k := range order {
			ex := &examples[k]
			var z [NumLabels]float64
			copy(z[:], bias[:])
			for _, h := range ex.Feats {
				row := w[(h&mask)*NumLabels:][:NumLabels]
				for i := range z {
					z[i] += row[i]
				}
			}
			var grad [NumLabels]float64
			for i := range grad {
				bit := uint32(1) << i
				if ex.Allowed&bit == 0 || ex.Ignore&bit != 0 {
					continue
				}
				p := 1 / (1 + math.Exp(-z[i]))
				y, wt := 0.0, 1.0
				if ex.Pos&bit != 0 {
					y, wt = 1, cfg.PosWeight
				}
				grad[i] = (p - y) * wt
			}
			for i, g := range grad {
				if g == 0 {
					continue
				}
				bg2[i] += g * g
				bias[i] -= cfg.Rate * g / math.Sqrt(bg2[i]+1e-8)
			}
			for _, h := range ex.Feats {
				base := (h & mask) * NumLabels
				for i, g := range grad {
					if g == 0 {
						continue
					}
					j := base + uint64(i)
					g := g + cfg.L2*w[j]
					g2[j] += g * g
					w[j] -= cfg.Rate * g / math.Sqrt(g2[j]+1e-8)
				}
			}
		}
	}
	return quantise(w, bias, cfg.Bits)
}

// quantise stores w as int16 with one scale for the whole table.
func quantise(w []float64, bias [NumLabels]float64, bits uint) *Model {
	mx := 0.0
	for _, v := range w {
		mx = math.Max(mx, math.Abs(v))
	}
	scale := float32(1)
	if mx > 0 {
		scale = float32(mx / 32767)
	}
	m := &Model{bits: bits, mask: 1<<bits - 1, scale: scale, w: make([]int16, len(w))}
	for i, v := range w {
		m.w[i] = int16(math.Round(v / float64(scale)))
	}
	for i := range bias {
		m.bias[i] = float32(bias[i])
		m.Threshold[i] = 0.5
	}
	return m
}

// Scored is one prediction of the calibration data: its raw probability
// and whether it was right.
type Scored struct {
	P     float32
	Right bool
}

// SetCalibration fits the isotonic regression of correctness on raw
// probability (pool adjacent violators) over s and keeps at most 32
// knots of it.
func (m *Model) SetCalibration(s []Scored) {
	if len(s) == 0 {
		m.calRaw, m.calOut = nil, nil
		return
	}
	s = slices.Clone(s)
	slices.SortStableFunc(s, func(a, b Scored) int {
		switch {
		case a.P < b.P:
			return -1
		case a.P > b.P:
			return 1
		}
		return 0
	})
	type block struct {
		sum, n float64
		lo, hi float32
	}
	var bs []block
	for _, x := range s {
		y := 0.0
		if x.Right {
			y = 1
		}
		bs = append(bs, block{y, 1, x.P, x.P})
		for len(bs) > 1 {
			a, b := bs[len(bs)-2], bs[len(bs)-1]
			if a.sum/a.n < b.sum/b.n {
				break
			}
			bs = bs[:len(bs)-2]
			bs = append(bs, block{a.sum + b.sum, a.n + b.n, a.lo, b.hi})
		}
	}
	// Knots at the middle of each block; thin them to at most 32.
	var xs, ys []float32
	for _, b := range bs {
		xs = append(xs, (b.lo+b.hi)/2)
		ys = append(ys, float32(b.sum/b.n))
	}
	for len(xs) > 32 {
		var nx, ny []float32
		for i := 0; i < len(xs); i += 2 {
			if i+1 < len(xs) {
				nx = append(nx, (xs[i]+xs[i+1])/2)
				ny = append(ny, (ys[i]+ys[i+1])/2)
			} else {
				nx = append(nx, xs[i])
				ny = append(ny, ys[i])
			}
		}
		xs, ys = nx, ny
	}
	m.calRaw, m.calOut = xs, ys
}
