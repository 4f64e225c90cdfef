package relmodel

import (
	"bytes"
	"errors"
	"math"
	"math/rand/v2"
	"testing"
)

// examples are a small synthetic training set: feature 1 means
// official-of (first mention the subject), feature 2 met-with.
func examples() []Example {
	off, met := uint32(1)<<LabelIndex("official-of", 1), uint32(1)<<LabelIndex("met-with", 0)
	all := off | met
	var out []Example
	for i := range 200 {
		switch i % 3 {
		case 0:
			out = append(out, Example{Feats: []uint64{1, uint64(100 + i)}, Allowed: all, Pos: off})
		case 1:
			out = append(out, Example{Feats: []uint64{2, uint64(100 + i)}, Allowed: all, Pos: met})
		default:
			out = append(out, Example{Feats: []uint64{3, uint64(100 + i)}, Allowed: all})
		}
	}
	return out
}

func TestTrainLearnsAndIsDeterministic(t *testing.T) {
	cfg := TrainConfig{Bits: 10, Epochs: 5, Rate: 0.2, L2: 1e-6, PosWeight: 1, Seed: 1}
	a := Train(examples(), cfg)
	b := Train(examples(), cfg)
	if !bytes.Equal(a.Marshal(), b.Marshal()) {
		t.Fatal("two trainings on the same data give different model bytes")
	}
	var p [NumLabels]float32
	off, met := LabelIndex("official-of", 1), LabelIndex("met-with", 0)
	a.Scores([]uint64{1}, 1<<off|1<<met, &p)
	if p[off] < 0.8 || p[met] > 0.2 {
		t.Errorf("feature 1: official-of %.2f, met-with %.2f; want high, low", p[off], p[met])
	}
	a.Scores([]uint64{3}, 1<<off|1<<met, &p)
	if p[off] > 0.2 || p[met] > 0.2 {
		t.Errorf("feature 3: official-of %.2f, met-with %.2f; want both low", p[off], p[met])
	}
	a.Scores([]uint64{1}, 1<<met, &p)
	if p[off] != 0 {
		t.Errorf("a label not allowed scores %v, want 0", p[off])
	}
}

func TestMarshalRoundTrip(t *testing.T) {
	m := Train(examples(), TrainConfig{Bits: 8, Epochs: 2, Rate: 0.1, PosWeight: 1, Seed: 3})
	m.Threshold[0] = 0.7
	m.RuleConfidence[3] = 0.9
	m.SetCalibration([]Scored{{0.1, false}, {0.2, false}, {0.6, true}, {0.7, false}, {0.9, true}})
	b := m.Marshal()
	m2, err := Unmarshal(b)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(m2.Marshal(), b) {
		t.Error("Unmarshal(Marshal(m)) differs from m")
	}
	if m2.Threshold[0] != 0.7 || m2.RuleConfidence[3] != 0.9 || m2.Calibrate(0.9) != m.Calibrate(0.9) {
		t.Error("thresholds, rule confidences or calibration lost")
	}
	if m2.Parsed() {
		t.Error("a model trained without parses reads as parsed")
	}
	m.SetParsed(true)
	m3, err := Unmarshal(m.Marshal())
	if err != nil {
		t.Fatal(err)
	}
	if !m3.Parsed() || m3.Bits() != m.Bits() {
		t.Errorf("parsed model: Parsed %v, bits %d; want true, %d", m3.Parsed(), m3.Bits(), m.Bits())
	}
}

// TestUnmarshalDamage: every truncation and a flipped byte anywhere give
// ErrBadModel, never a panic.
func TestUnmarshalDamage(t *testing.T) {
	b := Train(examples(), TrainConfig{Bits: 6, Epochs: 1, Rate: 0.1, PosWeight: 1, Seed: 1}).Marshal()
	for n := 0; n < len(b); n += 1 + n/8 {
		if _, err := Unmarshal(b[:n]); !errors.Is(err, ErrBadModel) {
			t.Fatalf("truncated to %d bytes: %v, want ErrBadModel", n, err)
		}
	}
	for i := 0; i < len(b); i += 7 {
		c := bytes.Clone(b)
		c[i] ^= 0x40
		if _, err := Unmarshal(c); !errors.Is(err, ErrBadModel) {
			t.Fatalf("byte %d flipped: %v, want ErrBadModel", i, err)
		}
	}
}

func FuzzUnmarshal(f *testing.F) {
	f.Add(Train(examples(), TrainConfig{Bits: 4, Epochs: 1, Rate: 0.1, PosWeight: 1, Seed: 1}).Marshal())
	f.Add([]byte(magic))
	f.Fuzz(func(t *testing.T, b []byte) {
		m, err := Unmarshal(b)
		if err != nil {
			if !errors.Is(err, ErrBadModel) {
				t.Fatalf("error %v does not wrap ErrBadModel", err)
			}
			return
		}
		var p [NumLabels]float32
		m.Scores([]uint64{0, 1, 1 << 63}, 1<<NumLabels-1, &p)
		_ = m.Calibrate(0.5)
	})
}

// TestCalibrationIsotonic: the fitted map never decreases and follows the
// share of right predictions.
func TestCalibrationIsotonic(t *testing.T) {
	var m Model
	var s []Scored
	for i := range 1000 {
		p := float32(i) / 1000
		s = append(s, Scored{P: p, Right: i%10 < int(p*10)}) // right about p of the time
	}
	m.SetCalibration(s)
	prev := float32(-1)
	for p := float32(0); p <= 1; p += 0.01 {
		c := m.Calibrate(p)
		if c < prev-1e-6 {
			t.Fatalf("Calibrate(%.2f) = %.3f < %.3f", p, c, prev)
		}
		prev = c
	}
	if c := m.Calibrate(0.85); c < 0.7 || c > 0.95 {
		t.Errorf("Calibrate(0.85) = %.3f, want about 0.85", c)
	}
}

func TestAggregateAndOneState(t *testing.T) {
	off := LabelIndex("official-of", 1)
	cands := []Candidate{
		{A: 0, B: 1, IA: "person/x", IB: "state/a", KA: "PER", KB: "STATE", Allowed: 1 << off},
		{A: 0, B: 2, IA: "person/x", IB: "state/b", KA: "PER", KB: "STATE", Allowed: 1 << off},
		{A: 3, B: 4, IA: "person/x", IB: "state/a", KA: "PER", KB: "STATE", Allowed: 1 << off},
	}
	probs := make([][NumLabels]float32, 3)
	probs[0][off], probs[1][off], probs[2][off] = 0.6, 0.7, 0.9
	preds := Aggregate(cands, probs, 0.5, nil)
	if len(preds) != 2 {
		t.Fatalf("%d predictions, want one per (type, pair of entities): %+v", len(preds), preds)
	}
	if preds[0].Candidate != 2 || preds[0].P != 0.9 {
		t.Errorf("x → a: best candidate %d (%.1f), want 2 (0.9)", preds[0].Candidate, preds[0].P)
	}
	kept := OneState(preds, cands)
	if len(kept) != 1 || cands[kept[0].Candidate].IB != "state/a" {
		t.Errorf("OneState kept %+v, want only x → a", kept)
	}
	// A rule's relation outranks the model's and is never dropped.
	cands[1].Rule = 1 << off
	preds = Aggregate(cands, probs, 0.5, nil)
	kept = OneState(preds, cands)
	if len(kept) != 1 || cands[kept[0].Candidate].IB != "state/b" {
		t.Errorf("with a rule for x → b, OneState kept %+v, want only x → b", kept)
	}
}

// scoresFloat is Scores summing in float32 throughout, its reference.
func scoresFloat(m *Model, feats []uint64, allowed uint32, out *[NumLabels]float32) {
	var z [NumLabels]float32
	for _, h := range feats {
		row := m.w[(h&m.mask)*NumLabels:][:NumLabels]
		for i := range z {
			z[i] += float32(row[i])
		}
	}
	for i := range out {
		if allowed&(1<<i) == 0 {
			out[i] = 0
			continue
		}
		out[i] = sigmoid(z[i]*m.scale + m.bias[i])
	}
}

// TestScoresExact checks that Scores's integer sums give the float32 sums
// bit for bit, with the largest weights and up to maxExactFeatures
// features and beyond.
func TestScoresExact(t *testing.T) {
	r := rand.New(rand.NewPCG(11, 12))
	m := &Model{bits: 8, mask: 1<<8 - 1, scale: 3e-7, w: make([]int16, (1<<8)*NumLabels)}
	for i := range m.w {
		switch r.IntN(3) {
		case 0:
			m.w[i] = int16(r.IntN(1 << 16))
		case 1:
			m.w[i] = 32767
		default:
			m.w[i] = -32768
		}
	}
	for i := range m.bias {
		m.bias[i] = r.Float32() - 0.5
	}
	for range 2000 {
		feats := make([]uint64, r.IntN(maxExactFeatures+40))
		same := r.Uint64()
		for i := range feats {
			if r.IntN(2) == 0 {
				feats[i] = same // the same row many times: the largest sums
			} else {
				feats[i] = r.Uint64()
			}
		}
		allowed := r.Uint32()
		var got, want [NumLabels]float32
		m.Scores(feats, allowed, &got)
		scoresFloat(m, feats, allowed, &want)
		for i := range got {
			if math.Float32bits(got[i]) != math.Float32bits(want[i]) {
				t.Fatalf("%d features: label %d: %v, float sums %v", len(feats), i, got[i], want[i])
			}
		}
	}
}
