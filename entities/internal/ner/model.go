package ner

import (
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
	"math"
)

// Model is a trained tagger: hashed feature weights per label, quantised
// to int16, and label transition weights. A Model is immutable after
// [Load] or [Train] and safe for concurrent use by many goroutines, each
// with its own [Scratch].
type Model struct {
	scale float32 // weight of one quantisation unit
	trans [NumLabels][NumLabels]int32
	start [NumLabels]int32 // first-label weights
	end   [NumLabels]int32 // last-label weights
	info  string
	fv    uint32        // feature version: featuresPlain (also for 0) or featuresClusters
	ct    *clusterTable // the cluster table when fv is featuresClusters

	keys []uint64 // feature hashes, strictly increasing (nil when read from tables)
	rows []int16  // NumLabels weights per key
	// features is the number of features with weights.
	features int
	tab      []slot // open addressing over keys
	mask     uint64

	// present has bit presentBit(h) set for every key h. Most features of
	// a word's context (bigrams with rare words) have no weights, and the
	// table is megabytes large, so this bit set, sixteen bits per key and
	// small enough to stay in the processor's cache, answers "absent"
	// for nearly all of them without touching the table.
	present []uint64
	pshift  uint
}

// slot holds a key with its weights, so that a hit costs one cache miss.
type slot struct {
	key uint64 // 0: empty (keys are never 0)
	w   [NumLabels]int16
}

// Scratch holds the buffers of one labelling call. The zero value is ready
// to use; reusing one Scratch across calls makes [Model.Label] free of
// allocations once the buffers have grown to the longest sentence. A
// Scratch must not be used by two goroutines at once.
type Scratch struct {
	norm, buf []byte
	toks      []tok
	feats     []uint64
	off       []int32
	emit      [][NumLabels]int32
	back      [][NumLabels]uint8
	words     []wordWeights  // per position of s.toks, copied from cache
	cache     *wordCache     // allocated on the first Label with this Scratch
	memo      []analysisSlot // recent words' analyses (see analyzeMemo)
	memoCT    *clusterTable  // the cluster table of memo's analyses
}

// Label labels one sentence: words are its tokens' texts, as
// statecraft's tokenizer or CoNLL-2003 cut them (punctuation and the
// possessive 's apart, hyphenated words whole). Curly quotes and dashes
// are read as their ASCII forms; words is not modified.
//
// Label writes len(words) labels to out[:0], growing it only if its
// capacity is too small, and returns it. The labels form well-formed IOB2:
// an I- label always continues an entity of its kind. A nil s is allowed
// (a temporary Scratch is used).
func (m *Model) Label(words []string, s *Scratch, out []Label) []Label {
	return m.LabelExt(words, nil, s, out)
}

// LabelExt is [Model.Label] with external per-token evidence: bit b of
// ext[i] says that token i carries external feature b (for example "inside
// a gazetteer person name"); tokens beyond len(ext) carry none. Only a
// model trained with the same bits (see [Sentence].Ext) gives them weight;
// the shipped [Default] model ignores them.
func (m *Model) LabelExt(words []string, ext []uint64, s *Scratch, out []Label) []Label {
	n := len(words)
	if cap(out) < n {
		out = make([]Label, n)
	}
	out = out[:n]
	if n == 0 {
		return out
	}
	if s == nil {
		// No Scratch to keep a word cache in: sum every feature.
		s = new(Scratch)
		s.prepare(words, ext, m.ct)
		s.emit = grow(s.emit, n)
		s.back = grow(s.back, n)
		for i := range n {
			s.emit[i] = m.sum(s.feats[s.off[i]:s.off[i+1]], [NumLabels]int32{})
		}
	} else {
		s.emit = grow(s.emit, n)
		s.back = grow(s.back, n)
		m.emissions(words, ext, s)
	}
	viterbi(s.emit, &m.trans, &m.start, &m.end, s.back, out)
	return out
}

// sum adds the weights of the features fs to e and returns it.
func (m *Model) sum(fs []uint64, e [NumLabels]int32) [NumLabels]int32 {
	present, tab, mask := m.present, m.tab, m.mask
	for _, h := range fs {
		// lookup, inlined.
		if b := m.presentBit(h); h == 0 || present[b>>6]&(1<<(b&63)) == 0 {
			continue
		}
		var row *[NumLabels]int16
		for i := slotIndex(h, mask); ; i = (i + 1) & mask {
			s := &tab[i]
			if s.key == h {
				row = &s.w
				break
			}
			if s.key == 0 {
				break
			}
		}
		if row != nil {
			e[0] += int32(row[0])
			e[1] += int32(row[1])
			e[2] += int32(row[2])
			e[3] += int32(row[3])
			e[4] += int32(row[4])
			e[5] += int32(row[5])
			e[6] += int32(row[6])
			e[7] += int32(row[7])
			e[8] += int32(row[8])
		}
	}
	return e
}

// emissions computes s.emit, the score of every label for every word, with
// the word cache of s: the weights of the features that depend on one
// word alone (see wordWeights) come from the cache, so only the features
// of each word's context are looked up in the model. Scores are sums of
// integers, so the order of the terms does not matter and the result is
// exactly that of summing every feature of prepare.
func (m *Model) emissions(words []string, ext []uint64, s *Scratch) {
	n := len(words)
	u := s.analyzeSentence(words, m.ct)
	if s.cache == nil || s.cache.model != m {
		s.cache = newWordCache(m)
	}
	// Copy each position's cached weights: a later word of the sentence
	// may take the same cache slot.
	s.words = grow(s.words, n+4)
	for p := range s.toks {
		s.words[p] = *s.cache.get(&s.toks[p], u, s)
	}
	w := s.words
	for i := range n {
		e := w[i+2].self
		for k, d := range neighbourOffset {
			nb := &w[i+2+d].neighbour[k]
			e[0] += nb[0]
			e[1] += nb[1]
			e[2] += nb[2]
			e[3] += nb[3]
			e[4] += nb[4]
			e[5] += nb[5]
			e[6] += nb[6]
			e[7] += nb[7]
			e[8] += nb[8]
		}
		s.feats = s.appendContextFeatures(s.feats[:0], i, n, u, ext)
		s.emit[i] = m.sum(s.feats, e)
	}
}

// presentBit returns the bit of feature h in m.present.
func (m *Model) presentBit(h uint64) uint64 { return (h * 0xD6E8FEB86659FD93) >> m.pshift }

// lookup returns the weights of feature h, nil if it has none.
func (m *Model) lookup(h uint64) *[NumLabels]int16 {
	if b := m.presentBit(h); h == 0 || m.present[b>>6]&(1<<(b&63)) == 0 {
		return nil
	}
	for i := slotIndex(h, m.mask); ; i = (i + 1) & m.mask {
		s := &m.tab[i]
		if s.key == h {
			return &s.w
		}
		if s.key == 0 {
			return nil
		}
	}
}

func slotIndex(h, mask uint64) uint64 { return (h * 0x9E3779B97F4A7C15 >> 20) & mask }

// Features returns the number of features with weights.
func (m *Model) Features() int { return m.features }

// Info returns the provenance note recorded when the model was trained.
func (m *Model) Info() string { return m.info }

// Clusters reports whether the model uses the word cluster features (see
// clusters.go).
func (m *Model) Clusters() bool { return m.ct != nil }

// featureVersion returns the feature version of m.
func (m *Model) featureVersion() uint32 {
	if m.fv == 0 {
		return featuresPlain
	}
	return m.fv
}

// setFeatureVersion checks the feature version v of a model being loaded
// and attaches the cluster table it needs.
func (m *Model) setFeatureVersion(v uint32) error {
	switch v {
	case featuresPlain:
	case featuresClusters:
		ct, err := defaultClusters()
		if err != nil {
			return err
		}
		m.ct = ct
	default:
		return fmt.Errorf("%w: feature version %d, want %d or %d", ErrVersion, v, featuresPlain, featuresClusters)
	}
	m.fv = v
	return nil
}

// index builds the lookup table over m.keys.
func (m *Model) index() {
	m.features = len(m.keys)
	size := 16
	for size*3 < 4*len(m.keys) {
		size *= 2
	}
	m.tab = make([]slot, size)
	m.mask = uint64(size - 1)
	for r, k := range m.keys {
		i := slotIndex(k, m.mask)
		for m.tab[i].key != 0 {
			i = (i + 1) & m.mask
		}
		m.tab[i] = slot{key: k, w: [NumLabels]int16(m.rows[r*NumLabels:])}
	}
	bits := 10
	for 1<<bits < 16*len(m.keys) && bits < 40 {
		bits++
	}
	m.pshift = uint(64 - bits)
	m.present = make([]uint64, (1<<bits)/64)
	for _, k := range m.keys {
		b := m.presentBit(k)
		m.present[b>>6] |= 1 << (b & 63)
	}
}

// minScore is far below any reachable score and far above overflow.
const minScore = math.MinInt64 / 4

// viterbi writes to out the best label sequence under emission scores
// emit, transition weights tr[prev][cur] and first/last label weights,
// never putting an I- label where [allowed] forbids it. Ties go to the
// lowest label number.
func viterbi(emit [][NumLabels]int32, tr *[NumLabels][NumLabels]int32, first, last *[NumLabels]int32, back [][NumLabels]uint8, out []Label) {
	n := len(out)
	var cur, next [NumLabels]int64
	for y := range NumLabels {
		if allowed(start, Label(y)) {
			cur[y] = int64(first[y]) + int64(emit[0][y])
		} else {
			cur[y] = minScore
		}
	}
	// The transitions into each label, as int64s, and per label the
	// labels allowed before it (see allowedPrev): all of them before O
	// and B- labels, B-k and I-k before I-k. The order of the candidates
	// and the strict comparison are allowedPrev's, so ties go as there.
	var into [NumLabels][NumLabels]int64
	for p := range NumLabels {
		for y := range NumLabels {
			into[y][p] = int64(tr[p][y])
		}
	}
	for i := 1; i < n; i++ {
		e, b := &emit[i], &back[i]
		for y := range NumLabels {
			t := &into[y]
			best, arg := int64(minScore), 0
			if Label(y).IsInside() {
				if v := cur[y-1] + t[y-1]; v > best {
					best, arg = v, y-1
				}
				if v := cur[y] + t[y]; v > best {
					best, arg = v, y
				}
			} else {
				best, arg = bestOf9(&cur, t)
			}
			next[y] = best + int64(e[y])
			b[y] = uint8(arg)
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

// NumLabels is 9: bestOf9, sum and emissions are unrolled for it.
var _ = [1]struct{}{}[NumLabels-9]

// bestOf9 returns the largest c[p]+t[p] and its p, the first on a tie,
// as a loop over p from 0 with a strict comparison would. It is unrolled
// so that the running maximum stays in registers.
func bestOf9(c, t *[NumLabels]int64) (int64, int) {
	best, arg := c[0]+t[0], 0
	if v := c[1] + t[1]; v > best {
		best, arg = v, 1
	}
	if v := c[2] + t[2]; v > best {
		best, arg = v, 2
	}
	if v := c[3] + t[3]; v > best {
		best, arg = v, 3
	}
	if v := c[4] + t[4]; v > best {
		best, arg = v, 4
	}
	if v := c[5] + t[5]; v > best {
		best, arg = v, 5
	}
	if v := c[6] + t[6]; v > best {
		best, arg = v, 6
	}
	if v := c[7] + t[7]; v > best {
		best, arg = v, 7
	}
	if v := c[8] + t[8]; v > best {
		best, arg = v, 8
	}
	return best, arg
}

var allowedTab = func() (t [NumLabels][NumLabels]bool) {
	for p := range NumLabels {
		for y := range NumLabels {
			t[p][y] = allowed(Label(p), Label(y))
		}
	}
	return t
}()

// allowedPrev[y] lists, in increasing order (so that ties still go to the
// lowest label), the labels that may precede y: Viterbi tries only those
// (53 of the 81 pairs).
var allowedPrev = func() (t [NumLabels][]uint8) {
	for y := range NumLabels {
		for p := range NumLabels {
			if allowedTab[p][y] {
				t[y] = append(t[y], uint8(p))
			}
		}
	}
	return t
}()

// The model file, little-endian:
//
//	magic      [8]byte  "SCNERMDL"
//	version    uint32   fileVersion
//	features   uint32   feature version (featuresPlain or featuresClusters)
//	labels     uint32   NumLabels
//	scale      float32  weight of one unit
//	trans      [NumLabels][NumLabels]int32
//	start, end [NumLabels]int32
//	infoLen    uint32, then infoLen bytes of UTF-8 text (at most maxInfo)
//	n          uint32   number of features
//	keys       [n]uint64, strictly increasing, non-zero
//	rows       [n][NumLabels]int16
//	checksum   uint32   CRC-32 (Castagnoli) of all the bytes before it
const (
	magic       = "SCNERMDL"
	fileVersion = 1
	maxInfo     = 1 << 12
	headerLen   = 8 + 4*4 + 4*NumLabels*NumLabels + 2*4*NumLabels + 4
)

var crcTable = crc32.MakeTable(crc32.Castagnoli)

// Errors returned by [Load].
var (
	ErrFormat   = errors.New("ner: not a model file")
	ErrVersion  = errors.New("ner: unsupported model version")
	ErrCorrupt  = errors.New("ner: corrupt model file")
	ErrChecksum = errors.New("ner: model checksum mismatch")
)

// MarshalBinary encodes m in the format that [Load] reads.
func (m *Model) MarshalBinary() ([]byte, error) {
	keys, rows := m.sortedRows()
	b := make([]byte, 0, headerLen+len(m.info)+4+len(keys)*(8+2*NumLabels)+4)
	b = append(b, magic...)
	b = binary.LittleEndian.AppendUint32(b, fileVersion)
	b = binary.LittleEndian.AppendUint32(b, m.featureVersion())
	b = binary.LittleEndian.AppendUint32(b, NumLabels)
	b = binary.LittleEndian.AppendUint32(b, math.Float32bits(m.scale))
	for p := range NumLabels {
		for y := range NumLabels {
			b = binary.LittleEndian.AppendUint32(b, uint32(m.trans[p][y]))
		}
	}
	for _, v := range m.start {
		b = binary.LittleEndian.AppendUint32(b, uint32(v))
	}
	for _, v := range m.end {
		b = binary.LittleEndian.AppendUint32(b, uint32(v))
	}
	if len(m.info) > maxInfo {
		return nil, fmt.Errorf("ner: model info longer than %d bytes", maxInfo)
	}
	b = binary.LittleEndian.AppendUint32(b, uint32(len(m.info)))
	b = append(b, m.info...)
	b = binary.LittleEndian.AppendUint32(b, uint32(len(keys)))
	for _, k := range keys {
		b = binary.LittleEndian.AppendUint64(b, k)
	}
	for _, v := range rows {
		b = binary.LittleEndian.AppendUint16(b, uint16(v))
	}
	return binary.LittleEndian.AppendUint32(b, crc32.Checksum(b, crcTable)), nil
}

// Load decodes a model written by [Model.MarshalBinary]. It checks the
// magic number, the format and feature versions, every length and the
// checksum, and returns an error (never panics) on any defect. b is not
// retained.
func Load(b []byte) (*Model, error) {
	if len(b) < len(magic) || string(b[:len(magic)]) != magic {
		return nil, ErrFormat
	}
	if len(b) < headerLen+4 {
		return nil, fmt.Errorf("%w: %d bytes is too short", ErrCorrupt, len(b))
	}
	body, sum := b[:len(b)-4], binary.LittleEndian.Uint32(b[len(b)-4:])
	r := reader{b: body[len(magic):]}
	if v := r.u32(); v != fileVersion {
		return nil, fmt.Errorf("%w: file version %d, want %d", ErrVersion, v, fileVersion)
	}
	fv := r.u32()
	if fv != featuresPlain && fv != featuresClusters {
		return nil, fmt.Errorf("%w: feature version %d, want %d or %d", ErrVersion, fv, featuresPlain, featuresClusters)
	}
	if crc32.Checksum(body, crcTable) != sum {
		return nil, ErrChecksum
	}
	if v := r.u32(); v != NumLabels {
		return nil, fmt.Errorf("%w: %d labels, want %d", ErrCorrupt, v, NumLabels)
	}
	m := &Model{scale: math.Float32frombits(r.u32())}
	if !(m.scale > 0) || math.IsInf(float64(m.scale), 0) {
		return nil, fmt.Errorf("%w: weight scale %v", ErrCorrupt, m.scale)
	}
	for p := range NumLabels {
		for y := range NumLabels {
			m.trans[p][y] = int32(r.u32())
		}
	}
	for y := range NumLabels {
		m.start[y] = int32(r.u32())
	}
	for y := range NumLabels {
		m.end[y] = int32(r.u32())
	}
	infoLen := r.u32()
	if infoLen > maxInfo || int(infoLen) > len(r.b) {
		return nil, fmt.Errorf("%w: info length %d", ErrCorrupt, infoLen)
	}
	m.info = string(r.next(int(infoLen)))
	n := uint64(r.u32())
	if r.err || n*(8+2*NumLabels) != uint64(len(r.b)) {
		return nil, fmt.Errorf("%w: %d features do not fit %d bytes", ErrCorrupt, n, len(r.b))
	}
	m.keys = make([]uint64, n)
	var prev uint64
	for i := range m.keys {
		k := r.u64()
		if k <= prev {
			return nil, fmt.Errorf("%w: feature keys not increasing at %d", ErrCorrupt, i)
		}
		m.keys[i], prev = k, k
	}
	m.rows = make([]int16, n*NumLabels)
	for i := range m.rows {
		m.rows[i] = int16(r.u16())
	}
	if r.err || len(r.b) != 0 {
		return nil, fmt.Errorf("%w: bad length", ErrCorrupt)
	}
	if err := m.setFeatureVersion(fv); err != nil {
		return nil, err
	}
	m.index()
	return m, nil
}

type reader struct {
	b   []byte
	err bool
}

func (r *reader) next(n int) []byte {
	if n > len(r.b) {
		r.err = true
		r.b = nil
		return make([]byte, n)
	}
	p := r.b[:n]
	r.b = r.b[n:]
	return p
}

func (r *reader) u16() uint16 { return binary.LittleEndian.Uint16(r.next(2)) }
func (r *reader) u32() uint32 { return binary.LittleEndian.Uint32(r.next(4)) }
func (r *reader) u64() uint64 { return binary.LittleEndian.Uint64(r.next(8)) }
