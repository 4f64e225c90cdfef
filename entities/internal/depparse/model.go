package depparse

import (
	_ "embed"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
	"math"
	"slices"
	"sync"
	"unsafe"
)

// Model is a trained tagger and parser: hashed feature weights quantised
// to 10 bits (actions) and 16 bits (labels, tags). A Model is immutable after [Load] or [Train] and safe for
// concurrent use by many goroutines, each with its own [Scratch].
type Model struct {
	labels    []string
	rootRel   uint8     // index of "root" in labels
	leftMask  [2]uint64 // labels seen on LEFT arcs in training
	rightMask [2]uint64 // labels seen on RIGHT arcs
	joint     bool      // choose the action with its label's score
	scale     float32   // weight of one unit of the action and label weights
	info      string

	// The tagger: its tags (the treebank's XPOS), their atoms, and the
	// weights of its features, one class per tag.
	tags      []string
	tagAtom   []uint64
	tagCoarse []uint64
	tagger    table

	// The action weights: a hash kernel of 2^bits buckets, a feature's
	// key choosing its bucket by its top bits, with no key stored and
	// no probing (features that collide share weights). A bucket holds
	// the 10-bit signed weights of SHIFT, LEFT and RIGHT in bits 0-9,
	// 10-19 and 20-29: one 4-byte load per feature.
	act      []uint32
	actShift uint // 64 - bits

	// The label weights of an arc's features, one class per label.
	lab table
}

// table is a sparse hashed weight table: an open-addressing table of
// 2^bits slots of two words, w0 and w1, probed linearly from a key's home
// slot (its top bits). w0 holds in its low 32 bits the low 32 bits of the
// key with bit 0 set (0: an empty slot, whose w0 and w1 are 0), and in
// its high 32 bits the key's first weight entry, with the number c of its
// entries (1 to 255) in bits 8-15. An entry is a class (low 8 bits) and
// an int16 weight (high 16 bits). When c ≤ 3, w1 holds the second and
// third entries (low and high 32 bits, 0 if none): one cache line has
// all the weights of most keys. When c > 3, the low 32 bits of w1 are the
// offset in ents of all c entries.
type table struct {
	slots []uint64
	ents  []uint32
	shift uint // 64 - bits
}

// Labels returns the relation names, indexed by [Rel].
func (m *Model) Labels() []string { return slices.Clone(m.labels) }

// Label returns the name of relation r, "" if r is out of range.
func (m *Model) Label(r Rel) string {
	if int(r) < len(m.labels) {
		return m.labels[r]
	}
	return ""
}

// Tags returns the tagger's tags (UD English EWT's XPOS for the shipped
// model), indexed by the values that [Model.Tag] writes.
func (m *Model) Tags() []string { return slices.Clone(m.tags) }

// Info returns the provenance note recorded when the model was trained.
func (m *Model) Info() string { return m.info }

// Features returns the number of features with weights: the non-zero
// buckets of the action kernel and the keys of the label and tag tables.
func (m *Model) Features() int {
	k := 0
	for _, v := range m.act {
		if v != 0 {
			k++
		}
	}
	return k + m.lab.keys() + m.tagger.keys()
}

func (t *table) keys() int {
	k := 0
	for i := 0; i < len(t.slots); i += 2 {
		if uint32(t.slots[i]) != 0 {
			k++
		}
	}
	return k
}

// sum adds to sc the weights of the keys fs, using home (at least
// len(fs)+1 long) as scratch.
//
// Nearly every lookup misses the processor's caches, and a mispredicted
// branch throws away the loads issued after it, so the lookups run in
// passes whose loads do not wait on branches that depend on loaded
// values, letting the processor overlap the misses: first the home slot
// of every key; then the probes, which mostly stay in the lines just
// loaded; then the first weight of every long row; and only then the
// sums, from the cache.
func (t *table) sum(fs []uint64, sc *[256]int32, home []uint64) {
	slots, ents := t.slots, t.ents
	mask := uint64(len(slots)/2 - 1)
	home = home[:len(fs)+1]
	for j, k := range fs {
		home[j] = slots[2*(k>>t.shift)]
	}
	found := 0
	for j, k := range fs {
		fp := uint32(k) | 1
		i, w := k>>t.shift, home[j]
		for {
			if f := uint32(w); f == fp {
				home[found] = 2 * i
				found++
				break
			} else if f == 0 {
				break
			}
			i = (i + 1) & mask
			w = slots[2*i]
		}
	}
	rows := home[:found]
	var touch uint32
	for _, i := range rows {
		if w0, w1 := slots[i], slots[i+1]; w0>>40&0xff > 3 && uint32(w1) < uint32(len(ents)) {
			touch |= ents[uint32(w1)]
		}
	}
	home[len(home)-1] = uint64(touch) // keeps the loads
	for _, i := range rows {
		w0, w1 := slots[i], slots[i+1]
		e := uint32(w0 >> 32)
		c := e >> 8 & 0xff
		if c <= 3 {
			sc[uint8(e)] += int32(e) >> 16
			if c >= 2 {
				e = uint32(w1)
				sc[uint8(e)] += int32(e) >> 16
				if c == 3 {
					e = uint32(w1 >> 32)
					sc[uint8(e)] += int32(e) >> 16
				}
			}
			continue
		}
		off := uint64(uint32(w1))
		if off+uint64(c) > uint64(len(ents)) {
			continue // not in a loaded table
		}
		for _, e := range ents[off : off+uint64(c)] {
			sc[uint8(e)] += int32(e) >> 16
		}
	}
}

// score sets the action scores s.scores[:numActions] from the feature
// keys s.feats. The loads do not depend on each other, so their cache
// misses overlap.
func (m *Model) score(s *Scratch) {
	act, sh := m.act, m.actShift
	var a, b, c int32
	for _, k := range s.feats {
		v := int32(act[k>>sh])
		a += v << 22 >> 22
		b += v << 12 >> 22
		c += v << 2 >> 22
	}
	s.scores[shift], s.scores[left], s.scores[right] = a, b, c
}

// labelScores sets s.scores[off:off+len(m.labels)] to the label scores
// of the arc from h to d.
func (m *Model) labelScores(s *Scratch, d, h int32, isLeft bool, off int) {
	sc := &s.tsc
	clear(sc[:len(m.labels)])
	s.lfeats = s.labelFeatures(s.lfeats[:0], d, h, isLeft)
	s.home = grow(s.home, len(s.lfeats)+1)
	m.lab.sum(s.lfeats, sc, s.home)
	copy(s.scores[off:off+len(m.labels)], sc[:len(m.labels)])
}

// The model file, little-endian:
//
//	magic      [8]byte  "SCDEPMDL"
//	version    uint32   fileVersion
//	features   uint32   featureVersion
//	flags      uint32   bit 0: joint decision of action and label
//	scale      float32  weight of one unit of the action weights
//	bits       uint32   log2 of the number of buckets of the action kernel, 4 to 30
//	ntags      uint32   number of tags, 1 to maxTags
//	nlabels    uint32   1 to maxLabels
//	root       uint32   index of the root label
//	masks      [4]uint64 labels allowed on LEFT, then on RIGHT arcs
//	labels     nlabels times: uint8 length, then the name
//	tags       ntags times: uint8 length, then the name
//	infoLen    uint32, then infoLen bytes of text (at most maxInfo)
//	padding    zero bytes up to a multiple of 8
//	act        [2^bits]uint32, then padding up to a multiple of 8
//	lab        table of the label weights
//	tagger     table of the tagger's weights
//	checksum   uint32   CRC-32 (Castagnoli) of all the bytes before it
//
// where a table is
//
//	bits       uint32   log2 of the number of slots, 4 to 30
//	nents      uint32   number of weight entries
//	slots      [2 × 2^bits]uint64
//	ents       [nents]uint32
//	padding    zero bytes up to a multiple of 8
//
// Load uses act, slots and ents in place when the bytes are 8-byte
// aligned and the machine is little-endian.
const (
	magic       = "SCDEPMDL"
	fileVersion = 4
	maxInfo     = 1 << 12
	maxLabels   = 126 // numActions + 2*maxLabels classes fit a uint8
	maxTags     = 255
	fixedLen    = 8 + 8*4 + 4*8
)

var crcTable = crc32.MakeTable(crc32.Castagnoli)

// Errors returned by [Load].
var (
	ErrFormat   = errors.New("depparse: not a model file")
	ErrVersion  = errors.New("depparse: unsupported model version")
	ErrCorrupt  = errors.New("depparse: corrupt model file")
	ErrChecksum = errors.New("depparse: model checksum mismatch")
)

func pad8(b []byte) []byte {
	for len(b)%8 != 0 {
		b = append(b, 0)
	}
	return b
}

func appendNames(b []byte, what string, names []string) ([]byte, error) {
	for _, l := range names {
		if len(l) == 0 || len(l) > 255 {
			return nil, fmt.Errorf("depparse: %s %q: empty or longer than 255 bytes", what, l)
		}
		b = append(b, byte(len(l)))
		b = append(b, l...)
	}
	return b, nil
}

func appendTable(b []byte, t *table) []byte {
	le := binary.LittleEndian
	b = le.AppendUint32(b, uint32(64-t.shift))
	b = le.AppendUint32(b, uint32(len(t.ents)))
	for _, s := range t.slots {
		b = le.AppendUint64(b, s)
	}
	for _, e := range t.ents {
		b = le.AppendUint32(b, e)
	}
	return pad8(b)
}

// MarshalBinary encodes m in the format that [Load] reads.
func (m *Model) MarshalBinary() ([]byte, error) {
	if len(m.info) > maxInfo {
		return nil, fmt.Errorf("depparse: model info longer than %d bytes", maxInfo)
	}
	b := make([]byte, 0, fixedLen+len(m.info)+4*len(m.act)+8*len(m.lab.slots)+4*len(m.lab.ents)+8*len(m.tagger.slots)+4*len(m.tagger.ents)+4096)
	le := binary.LittleEndian
	b = append(b, magic...)
	b = le.AppendUint32(b, fileVersion)
	b = le.AppendUint32(b, featureVersion)
	var flags uint32
	if m.joint {
		flags |= 1
	}
	b = le.AppendUint32(b, flags)
	b = le.AppendUint32(b, math.Float32bits(m.scale))
	b = le.AppendUint32(b, uint32(64-m.actShift))
	b = le.AppendUint32(b, uint32(len(m.tags)))
	b = le.AppendUint32(b, uint32(len(m.labels)))
	b = le.AppendUint32(b, uint32(m.rootRel))
	for _, v := range [4]uint64{m.leftMask[0], m.leftMask[1], m.rightMask[0], m.rightMask[1]} {
		b = le.AppendUint64(b, v)
	}
	var err error
	if b, err = appendNames(b, "label", m.labels); err != nil {
		return nil, err
	}
	if b, err = appendNames(b, "tag", m.tags); err != nil {
		return nil, err
	}
	b = le.AppendUint32(b, uint32(len(m.info)))
	b = append(b, m.info...)
	b = pad8(b)
	for _, v := range m.act {
		b = le.AppendUint32(b, v)
	}
	b = pad8(b)
	b = appendTable(b, &m.lab)
	b = appendTable(b, &m.tagger)
	return le.AppendUint32(b, crc32.Checksum(b, crcTable)), nil
}

// readNames reads n length-prefixed names from body at p.
func readNames(body []byte, p int, n int, what string) ([]string, int, error) {
	names := make([]string, n)
	for i := range names {
		if p >= len(body) || p+1+int(body[p]) > len(body) || body[p] == 0 {
			return nil, 0, fmt.Errorf("%w: %s %d", ErrCorrupt, what, i)
		}
		names[i] = string(body[p+1 : p+1+int(body[p])])
		p += 1 + int(body[p])
	}
	return names, p, nil
}

// readTable reads a table from body at p (8-byte aligned).
func readTable(body []byte, p int, what string) (table, int, error) {
	var t table
	le := binary.LittleEndian
	if p+8 > len(body) {
		return t, 0, fmt.Errorf("%w: no %s table", ErrCorrupt, what)
	}
	bits, nents := le.Uint32(body[p:]), le.Uint32(body[p+4:])
	p += 8
	if bits < 4 || bits > 30 {
		return t, 0, fmt.Errorf("%w: %s table: %d bits", ErrCorrupt, what, bits)
	}
	nslots := 1 << bits
	size := (uint64(nslots)*16 + uint64(nents)*4 + 7) &^ 7
	if size > uint64(len(body)-p) {
		return t, 0, fmt.Errorf("%w: %s table: %d slots and %d weights do not fit %d bytes", ErrCorrupt, what, nslots, nents, len(body)-p)
	}
	t.slots = u64s(body[p : p+16*nslots])
	t.ents = u32s(body[p+16*nslots : p+16*nslots+4*int(nents)])
	t.shift = uint(64 - bits)
	// Every row must be in ents, and at least one slot must be empty, so
	// that every probe ends.
	empty := false
	for i := 0; i < len(t.slots); i += 2 {
		w0, w1 := t.slots[i], t.slots[i+1]
		if uint32(w0) == 0 {
			if w0 != 0 || w1 != 0 {
				return t, 0, fmt.Errorf("%w: %s table: empty slot %d has weights", ErrCorrupt, what, i/2)
			}
			empty = true
			continue
		}
		c := w0 >> 40 & 0xff
		if c == 0 || c > 3 && (w1>>32 != 0 || uint64(uint32(w1))+c > uint64(nents)) {
			return t, 0, fmt.Errorf("%w: %s table: slot %d", ErrCorrupt, what, i/2)
		}
	}
	if !empty {
		return t, 0, fmt.Errorf("%w: %s table: full", ErrCorrupt, what)
	}
	return t, p + int(size), nil
}

// checkClasses reports a weight of t whose class is n or more.
func (t *table) checkClasses(n int, what string) error {
	bad := func(e uint32) error {
		return fmt.Errorf("%w: %s table: a weight of class %d of %d", ErrCorrupt, what, uint8(e), n)
	}
	for i := 0; i < len(t.slots); i += 2 {
		w0, w1 := t.slots[i], t.slots[i+1]
		if uint32(w0) == 0 {
			continue
		}
		c := w0 >> 40 & 0xff
		inline := [3]uint32{uint32(w0 >> 32), uint32(w1), uint32(w1 >> 32)}
		for j := range min(c, 3) {
			if c <= 3 && int(uint8(inline[j])) >= n {
				return bad(inline[j])
			}
		}
	}
	for _, e := range t.ents {
		if int(uint8(e)) >= n {
			return bad(e)
		}
	}
	return nil
}

// Load decodes a model written by [Model.MarshalBinary]. It checks the
// magic number, the versions, every length, every offset and the
// checksum, and returns an error (never panics) on any defect. When b is
// 8-byte aligned and the machine little-endian, the model uses the
// weights where they lie, without copying them: b must then not be
// modified while the model is in use.
func Load(b []byte) (*Model, error) {
	if len(b) < len(magic) || string(b[:len(magic)]) != magic {
		return nil, ErrFormat
	}
	if len(b) < fixedLen+4 {
		return nil, fmt.Errorf("%w: %d bytes is too short", ErrCorrupt, len(b))
	}
	le := binary.LittleEndian
	if v := le.Uint32(b[8:]); v != fileVersion {
		return nil, fmt.Errorf("%w: file version %d, want %d", ErrVersion, v, fileVersion)
	}
	if v := le.Uint32(b[12:]); v != featureVersion {
		return nil, fmt.Errorf("%w: feature version %d, want %d", ErrVersion, v, featureVersion)
	}
	body := b[:len(b)-4]
	if crc32.Checksum(body, crcTable) != le.Uint32(b[len(b)-4:]) {
		return nil, ErrChecksum
	}
	m := &Model{
		joint: le.Uint32(b[16:])&1 != 0,
		scale: math.Float32frombits(le.Uint32(b[20:])),
	}
	bits, ntags, nlabels, root := le.Uint32(b[24:]), le.Uint32(b[28:]), le.Uint32(b[32:]), le.Uint32(b[36:])
	if flags := le.Uint32(b[16:]); flags > 1 {
		return nil, fmt.Errorf("%w: flags %#x", ErrCorrupt, flags)
	}
	if !(m.scale > 0) || math.IsInf(float64(m.scale), 0) {
		return nil, fmt.Errorf("%w: weight scale %v", ErrCorrupt, m.scale)
	}
	if bits < 4 || bits > 30 {
		return nil, fmt.Errorf("%w: %d kernel bits", ErrCorrupt, bits)
	}
	if nlabels == 0 || nlabels > maxLabels || root >= nlabels {
		return nil, fmt.Errorf("%w: %d labels, root %d", ErrCorrupt, nlabels, root)
	}
	if ntags == 0 || ntags > maxTags {
		return nil, fmt.Errorf("%w: %d tags", ErrCorrupt, ntags)
	}
	m.rootRel = uint8(root)
	m.leftMask = [2]uint64{le.Uint64(b[40:]), le.Uint64(b[48:])}
	m.rightMask = [2]uint64{le.Uint64(b[56:]), le.Uint64(b[64:])}
	var err error
	p := fixedLen
	if m.labels, p, err = readNames(body, p, int(nlabels), "label"); err != nil {
		return nil, err
	}
	if m.tags, p, err = readNames(body, p, int(ntags), "tag"); err != nil {
		return nil, err
	}
	if p+4 > len(body) {
		return nil, fmt.Errorf("%w: no info length", ErrCorrupt)
	}
	infoLen := int(le.Uint32(body[p:]))
	p += 4
	if infoLen > maxInfo || p+infoLen > len(body) {
		return nil, fmt.Errorf("%w: info length %d", ErrCorrupt, infoLen)
	}
	m.info = string(body[p : p+infoLen])
	p = (p + infoLen + 7) &^ 7
	if nact := (uint64(4)<<bits + 7) &^ 7; p > len(body) || nact > uint64(len(body)-p) {
		return nil, fmt.Errorf("%w: %d kernel buckets do not fit", ErrCorrupt, 1<<bits)
	}
	m.act = u32s(body[p : p+4<<bits])
	m.actShift = uint(64 - bits)
	p += (4<<bits + 7) &^ 7
	if m.lab, p, err = readTable(body, p, "label"); err != nil {
		return nil, err
	}
	if m.tagger, p, err = readTable(body, p, "tagger"); err != nil {
		return nil, err
	}
	if err := m.lab.checkClasses(len(m.labels), "label"); err != nil {
		return nil, err
	}
	if err := m.tagger.checkClasses(len(m.tags), "tagger"); err != nil {
		return nil, err
	}
	for _, mask := range [2][2]uint64{m.leftMask, m.rightMask} {
		for w, bits := range mask {
			for b := range 64 {
				if bits&(1<<b) != 0 && 64*w+b >= len(m.labels) {
					return nil, fmt.Errorf("%w: an arc mask names label %d of %d", ErrCorrupt, 64*w+b, len(m.labels))
				}
			}
		}
	}
	if p != len(body) {
		return nil, fmt.Errorf("%w: %d bytes after the tables", ErrCorrupt, len(body)-p)
	}
	m.setTagAtoms()
	return m, nil
}

// setTagAtoms computes the atoms of the tags.
func (m *Model) setTagAtoms() {
	m.tagAtom = make([]uint64, len(m.tags))
	m.tagCoarse = make([]uint64, len(m.tags))
	for i, t := range m.tags {
		m.tagAtom[i] = hashString(t)
		m.tagCoarse[i] = coarse(t)
	}
}

// littleEndian reports whether the machine stores integers little-endian.
var littleEndian = func() bool {
	x := uint16(1)
	return *(*byte)(unsafe.Pointer(&x)) == 1
}()

// u64s returns b as little-endian uint64s: b itself when it is aligned
// and the machine little-endian, else a copy.
func u64s(b []byte) []uint64 {
	n := len(b) / 8
	if n == 0 {
		return nil
	}
	if littleEndian && uintptr(unsafe.Pointer(&b[0]))%8 == 0 {
		return unsafe.Slice((*uint64)(unsafe.Pointer(&b[0])), n)
	}
	out := make([]uint64, n)
	for i := range out {
		out[i] = binary.LittleEndian.Uint64(b[8*i:])
	}
	return out
}

// u32s is u64s for uint32s.
func u32s(b []byte) []uint32 {
	n := len(b) / 4
	if n == 0 {
		return nil
	}
	if littleEndian && uintptr(unsafe.Pointer(&b[0]))%4 == 0 {
		return unsafe.Slice((*uint32)(unsafe.Pointer(&b[0])), n)
	}
	out := make([]uint32, n)
	for i := range out {
		out[i] = binary.LittleEndian.Uint32(b[4*i:])
	}
	return out
}

//go:embed data/parser.model
var modelBytes []byte

// Default returns the shipped model (data/parser.model; see the package
// documentation). It is loaded once per process, on Linux into a copy on
// huge pages; every call returns the same *Model.
func Default() (*Model, error) { return defaultModel() }

var defaultModel = sync.OnceValues(func() (*Model, error) {
	if b := hugeCopy(modelBytes); b != nil {
		return Load(b)
	}
	return Load(modelBytes)
})
