// Package relmodel is statecraft's learned relation model: one binary
// logistic regression per label (a relation type and a direction) over
// hashed features of a candidate pair of mentions, the table that holds
// its weights, and the trainer that learns them.
//
// The features are built by package relations (which knows the sentence,
// the rules that fired and the gazetteer); this package sees only their
// 64-bit hashes. The weights of a feature for every label lie together
// (one cache line for most features), quantised to 16 bits.
//
// Model file layout (little endian):
//
//	magic "SCRELM02"
//	uint32 bits            log2 of the number of feature buckets
//	uint32 labels          number of labels (NumLabels)
//	float32 scale          weight = int16 × scale
//	float32 bias[labels]
//	float32 threshold[labels]
//	float32 ruleConfidence[labels]
//	uint32 ncal; ncal × (float32 raw, float32 calibrated)   isotonic calibration
//	int16 weights[(1<<bits) × labels]
//	uint32 CRC-32 (IEEE) of everything before it
package relmodel

import (
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
	"math"

	"github.com/statecraft/statecraft/internal/tables"
)

// Label is one output of the model: a relation type and, for directed
// types, which of the pair's two mentions is the subject.
type Label struct {
	Type string
	// Dir is +1 when the pair's first mention (in text order) is the
	// subject, -1 when the second is, 0 for a symmetric type.
	Dir int8
}

// Labels are the model's outputs, in the order of its weights.
var Labels = [...]Label{
	{"member-of", 1}, {"member-of", -1},
	{"observer-of", 1}, {"observer-of", -1},
	{"seeks-membership", 1}, {"seeks-membership", -1},
	{"recognized-by", 1}, {"recognized-by", -1},
	{"treaty-between", 0},
	{"allied-with", 0},
	{"official-of", 1}, {"official-of", -1},
	{"met-with", 0},
	{"opposes", 1}, {"opposes", -1},
	{"attacked", 1}, {"attacked", -1},
}

// NumLabels is the number of labels.
const NumLabels = 17

var _ = [1]int{}[len(Labels)-NumLabels] // Labels has NumLabels entries

// LabelIndex returns the index of (typ, dir) in Labels, or -1.
func LabelIndex(typ string, dir int8) int {
	for i, l := range Labels {
		if l.Type == typ && l.Dir == dir {
			return i
		}
	}
	return -1
}

const magic = "SCRELM02"

// ErrBadModel is returned, wrapped, for a model file that cannot be read.
var ErrBadModel = errors.New("relmodel: malformed model")

// Model is a trained model. It is immutable and safe for concurrent use.
type Model struct {
	bits      uint
	mask      uint64
	scale     float32
	bias      [NumLabels]float32
	Threshold [NumLabels]float32 // per label, on the calibrated probability
	// RuleConfidence is, per label, the share of the rules' relations of
	// its type that were right on the calibration data (smoothed).
	RuleConfidence [NumLabels]float32
	calRaw         []float32 // isotonic calibration: raw probability knots
	calOut         []float32 // and their calibrated values
	w              []int16
	parsed         bool // trained on candidates whose sentences were parsed (dependency-path features)
}

// parsedFlag marks, in the file's bits field, a model trained with the
// dependency-path features of parsed sentences.
const parsedFlag = 1 << 16

// Parsed reports whether the model was trained on parsed sentences, whose
// candidates carry dependency-path features: a caller computes them only
// for such a model, so that features the model never saw do not add
// weights of the features they collide with.
func (m *Model) Parsed() bool { return m.parsed }

// SetParsed records whether the model was trained on parsed sentences.
func (m *Model) SetParsed(p bool) { m.parsed = p }

// Bits returns log2 of the number of feature buckets.
func (m *Model) Bits() uint { return m.bits }

// Scores adds up the weights of feats for the labels in allowed (bit i
// for Labels[i]) and writes each label's raw probability into out; labels
// not allowed get 0.
//
// The sums are of float32s, in the order of feats. The weights are
// int16s, so with at most maxExactFeatures features every partial sum is
// an integer below 2^24 in magnitude, which float32 holds exactly: the
// sums are then made in int32, which gives the same values.
func (m *Model) Scores(feats []uint64, allowed uint32, out *[NumLabels]float32) {
	var z [NumLabels]float32
	if len(feats) <= maxExactFeatures {
		var zi [NumLabels]int32
		for _, h := range feats {
			row := (*[NumLabels]int16)(m.w[(h&m.mask)*NumLabels:])
			for i := range zi {
				zi[i] += int32(row[i])
			}
		}
		for i := range z {
			z[i] = float32(zi[i])
		}
	} else {
		for _, h := range feats {
			row := m.w[(h&m.mask)*NumLabels:][:NumLabels]
			for i := range z {
				z[i] += float32(row[i])
			}
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

// maxExactFeatures is the most features whose int16 weights Scores sums
// in int32: 256 × 2^15 = 2^23, within float32's exact integers.
const maxExactFeatures = 256

// MaxExactFeatures is the most features that Scores sums exactly, so that
// its results do not depend on the order of the features.
const MaxExactFeatures = maxExactFeatures

// Calibrate maps a raw probability to the share of such predictions that
// were right on the calibration data (isotonic regression, piecewise
// linear between knots).
func (m *Model) Calibrate(p float32) float32 {
	n := len(m.calRaw)
	if n == 0 {
		return p
	}
	if p <= m.calRaw[0] {
		return m.calOut[0]
	}
	for i := 1; i < n; i++ {
		if p <= m.calRaw[i] {
			x0, x1 := m.calRaw[i-1], m.calRaw[i]
			y0, y1 := m.calOut[i-1], m.calOut[i]
			if x1 == x0 {
				return y1
			}
			return y0 + (y1-y0)*(p-x0)/(x1-x0)
		}
	}
	return m.calOut[n-1]
}

func sigmoid(x float32) float32 {
	if x < -30 {
		return 0
	}
	if x > 30 {
		return 1
	}
	return float32(1 / (1 + math.Exp(-float64(x))))
}

// Marshal returns the model file.
func (m *Model) Marshal() []byte {
	b := []byte(magic)
	bitsField := uint32(m.bits)
	if m.parsed {
		bitsField |= parsedFlag
	}
	b = binary.LittleEndian.AppendUint32(b, bitsField)
	b = binary.LittleEndian.AppendUint32(b, uint32(NumLabels))
	b = binary.LittleEndian.AppendUint32(b, math.Float32bits(m.scale))
	for _, v := range m.bias {
		b = binary.LittleEndian.AppendUint32(b, math.Float32bits(v))
	}
	for _, v := range m.Threshold {
		b = binary.LittleEndian.AppendUint32(b, math.Float32bits(v))
	}
	for _, v := range m.RuleConfidence {
		b = binary.LittleEndian.AppendUint32(b, math.Float32bits(v))
	}
	b = binary.LittleEndian.AppendUint32(b, uint32(len(m.calRaw)))
	for i := range m.calRaw {
		b = binary.LittleEndian.AppendUint32(b, math.Float32bits(m.calRaw[i]))
		b = binary.LittleEndian.AppendUint32(b, math.Float32bits(m.calOut[i]))
	}
	for _, v := range m.w {
		b = binary.LittleEndian.AppendUint16(b, uint16(v))
	}
	return binary.LittleEndian.AppendUint32(b, crc32.ChecksumIEEE(b))
}

// Unmarshal reads a model file. Any damage (wrong magic, sizes, checksum)
// gives an error wrapping [ErrBadModel], never a panic. The weights are
// used where they lie in b when the machine is little-endian and they are
// aligned (they are copied otherwise): b must not change while the model
// is in use.
func Unmarshal(b []byte) (*Model, error) {
	bad := func(format string, a ...any) error {
		return fmt.Errorf("%w: %s", ErrBadModel, fmt.Sprintf(format, a...))
	}
	if len(b) < len(magic)+16 || string(b[:len(magic)]) != magic {
		return nil, bad("not a statecraft relation model (magic %q)", magic)
	}
	body, sum := b[:len(b)-4], binary.LittleEndian.Uint32(b[len(b)-4:])
	if crc32.ChecksumIEEE(body) != sum {
		return nil, bad("checksum mismatch (file damaged or truncated)")
	}
	r := body[len(magic):]
	u32 := func() (uint32, bool) {
		if len(r) < 4 {
			return 0, false
		}
		v := binary.LittleEndian.Uint32(r)
		r = r[4:]
		return v, true
	}
	f32 := func() (float32, bool) {
		v, ok := u32()
		return math.Float32frombits(v), ok
	}
	bitsField, ok1 := u32()
	labels, ok2 := u32()
	bits := bitsField &^ parsedFlag
	if !ok1 || !ok2 || bits < 4 || bits > 26 || labels != NumLabels {
		return nil, bad("bits %d, labels %d (want 4..26 and %d)", bits, labels, NumLabels)
	}
	m := &Model{bits: uint(bits), mask: 1<<bits - 1, parsed: bitsField&parsedFlag != 0}
	var ok bool
	if m.scale, ok = f32(); !ok {
		return nil, bad("truncated header")
	}
	for i := range m.bias {
		if m.bias[i], ok = f32(); !ok {
			return nil, bad("truncated biases")
		}
	}
	for i := range m.Threshold {
		if m.Threshold[i], ok = f32(); !ok {
			return nil, bad("truncated thresholds")
		}
	}
	for i := range m.RuleConfidence {
		if m.RuleConfidence[i], ok = f32(); !ok || !(m.RuleConfidence[i] >= 0 && m.RuleConfidence[i] <= 1) {
			return nil, bad("truncated or out-of-range rule confidences")
		}
	}
	ncal, ok := u32()
	if !ok || uint64(ncal)*8 > uint64(len(r)) {
		return nil, bad("calibration of %d knots does not fit", ncal)
	}
	for range ncal {
		x, _ := f32()
		y, _ := f32()
		m.calRaw = append(m.calRaw, x)
		m.calOut = append(m.calOut, y)
	}
	nw := (1 << bits) * NumLabels
	if len(r) != nw*2 {
		return nil, bad("%d bytes of weights, want %d", len(r), nw*2)
	}
	w, err := tables.Int16s(r)
	if err != nil {
		return nil, bad("%v", err)
	}
	m.w = w
	return m, nil
}
