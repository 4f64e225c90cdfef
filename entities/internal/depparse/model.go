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

// Model is a trained parser: hashed feature weights quantised to int16.
// A Model is immutable after [Load] or [Train] and safe for concurrent
// use by many goroutines, each with its own [Scratch].
type Model struct {
	labels    []string
	rootRel   uint8     // index of "root" in labels
	leftMask  [2]uint64 // labels seen on LEFT arcs in training
	rightMask [2]uint64 // labels seen on RIGHT arcs
	joint     bool      // choose the action with its label's score
	scale     float32
	info      string

	// The weights: an open-addressing table of 2^bits slots (plus one
	// sentinel), slot i holding the low 32 bits of a key (with bit 0
	// set; 0: empty) and, in its high 32 bits, the offset in ents of the
	// key's weights, which end where the next slot's begin. A key's
	// home slot is its top bits. An entry of ents is a class (low 8
	// bits: action, LEFT label or RIGHT label; see the score layout in
	// parse.go) and an int16 weight (high 16 bits).
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

// Info returns the provenance note recorded when the model was trained.
func (m *Model) Info() string { return m.info }

// Features returns the number of features with weights.
func (m *Model) Features() int {
	k := 0
	for _, s := range m.slots[:len(m.slots)-1] {
		if uint32(s) != 0 {
			k++
		}
	}
	return k
}

// score sets the action scores of s.scores from the feature keys
// s.feats, and records in s.ranges the label weights of s.feats[:s.nlab]
// for labelScores.
//
// Nearly every lookup misses the processor's caches, so it runs in
// passes whose loads do not depend on each other's branches, letting the
// processor overlap the misses: first the home slot of every key, then
// the probes and the weight ranges of the keys found, then the weights.
func (m *Model) score(s *Scratch) {
	sc := &s.scores
	clear(sc[:numActions+2*len(m.labels)])
	slots, ents := m.slots, m.ents
	mask := uint64(len(slots) - 2)
	fs := s.feats
	home := grow(s.home, len(fs))
	for j, k := range fs {
		home[j] = slots[k>>m.shift]
	}
	ranges := s.ranges[:0]
	var touch uint32
	for j, k := range fs {
		fp := uint32(k) | 1
		i, sl := k>>m.shift, home[j]
		for {
			if f := uint32(sl); f == fp {
				lo, hi := uint32(sl>>32), uint32(slots[i+1]>>32)
				if lo < hi {
					touch += ents[lo]
					ranges = append(ranges, [2]uint32{lo, hi})
				}
				break
			} else if f == 0 {
				break
			}
			i = (i + 1) & mask
			sl = slots[i]
		}
	}
	// The action weights come first in each range.
	for k, r := range ranges {
		lo, hi := r[0], r[1]
		for lo < hi && uint8(ents[lo]) < numActions {
			e := ents[lo]
			sc[uint8(e)] += int32(e) >> 16
			lo++
		}
		ranges[k][0] = lo
	}
	s.home, s.ranges = home, ranges
	s.touch = touch
}

// labelScores adds to s.scores the label weights recorded by score.
func (m *Model) labelScores(s *Scratch) {
	if s.full {
		return
	}
	sc := &s.scores
	ents := m.ents
	for _, r := range s.ranges {
		for _, e := range ents[r[0]:r[1]] {
			sc[uint8(e)] += int32(e) >> 16
		}
	}
}

// The model file, little-endian:
//
//	magic      [8]byte  "SCDEPMDL"
//	version    uint32   fileVersion
//	features   uint32   featureVersion
//	flags      uint32   bit 0: joint decision of action and label
//	scale      float32  weight of one unit
//	bits       uint32   log2 of the number of slots, 4 to 30
//	nents      uint32   number of weight entries
//	nlabels    uint32   at most maxLabels
//	root       uint32   index of the root label
//	masks      [4]uint64 labels allowed on LEFT, then on RIGHT arcs
//	labels     nlabels times: uint8 length, then the name
//	infoLen    uint32, then infoLen bytes of text (at most maxInfo)
//	padding    zero bytes up to a multiple of 8
//	slots      [2^bits + 1]uint64
//	ents       [nents]uint32
//	padding    zero bytes up to a multiple of 8
//	checksum   uint32   CRC-32 (Castagnoli) of all the bytes before it
//
// Load uses slots and ents in place when the bytes are 8-byte aligned and
// the machine is little-endian.
const (
	magic       = "SCDEPMDL"
	fileVersion = 1
	maxInfo     = 1 << 12
	maxLabels   = 126 // numActions + 2*maxLabels classes fit a uint8
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

// MarshalBinary encodes m in the format that [Load] reads.
func (m *Model) MarshalBinary() ([]byte, error) {
	if len(m.info) > maxInfo {
		return nil, fmt.Errorf("depparse: model info longer than %d bytes", maxInfo)
	}
	b := make([]byte, 0, fixedLen+len(m.info)+8*len(m.slots)+4*len(m.ents)+1024)
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
	b = le.AppendUint32(b, uint32(64-m.shift))
	b = le.AppendUint32(b, uint32(len(m.ents)))
	b = le.AppendUint32(b, uint32(len(m.labels)))
	b = le.AppendUint32(b, uint32(m.rootRel))
	for _, v := range [4]uint64{m.leftMask[0], m.leftMask[1], m.rightMask[0], m.rightMask[1]} {
		b = le.AppendUint64(b, v)
	}
	for _, l := range m.labels {
		if len(l) == 0 || len(l) > 255 {
			return nil, fmt.Errorf("depparse: label %q: empty or longer than 255 bytes", l)
		}
		b = append(b, byte(len(l)))
		b = append(b, l...)
	}
	b = le.AppendUint32(b, uint32(len(m.info)))
	b = append(b, m.info...)
	b = pad8(b)
	for _, s := range m.slots {
		b = le.AppendUint64(b, s)
	}
	for _, e := range m.ents {
		b = le.AppendUint32(b, e)
	}
	b = pad8(b)
	return le.AppendUint32(b, crc32.Checksum(b, crcTable)), nil
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
	bits, nents, nlabels, root := le.Uint32(b[24:]), le.Uint32(b[28:]), le.Uint32(b[32:]), le.Uint32(b[36:])
	if flags := le.Uint32(b[16:]); flags > 1 {
		return nil, fmt.Errorf("%w: flags %#x", ErrCorrupt, flags)
	}
	if !(m.scale > 0) || math.IsInf(float64(m.scale), 0) {
		return nil, fmt.Errorf("%w: weight scale %v", ErrCorrupt, m.scale)
	}
	if bits < 4 || bits > 30 {
		return nil, fmt.Errorf("%w: %d table bits", ErrCorrupt, bits)
	}
	if nlabels == 0 || nlabels > maxLabels || root >= nlabels {
		return nil, fmt.Errorf("%w: %d labels, root %d", ErrCorrupt, nlabels, root)
	}
	m.rootRel = uint8(root)
	m.leftMask = [2]uint64{le.Uint64(b[40:]), le.Uint64(b[48:])}
	m.rightMask = [2]uint64{le.Uint64(b[56:]), le.Uint64(b[64:])}
	p := fixedLen
	m.labels = make([]string, nlabels)
	for i := range m.labels {
		if p >= len(body) || p+1+int(body[p]) > len(body) || body[p] == 0 {
			return nil, fmt.Errorf("%w: label %d", ErrCorrupt, i)
		}
		m.labels[i] = string(body[p+1 : p+1+int(body[p])])
		p += 1 + int(body[p])
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
	nslots := 1<<bits + 1
	size := uint64(nslots)*8 + uint64(nents)*4
	if p > len(body) || (size+7)&^7 != uint64(len(body)-p) {
		return nil, fmt.Errorf("%w: %d slots and %d weights do not fit %d bytes", ErrCorrupt, nslots, nents, len(body)-p)
	}
	m.slots = u64s(body[p : p+8*nslots])
	p += 8 * nslots
	m.ents = u32s(body[p : p+4*int(nents)])
	m.shift = uint(64 - bits)
	// Offsets must not decrease and must end at nents, and at least one
	// slot must be empty, so that every probe ends.
	var prev uint32
	empty := false
	for i, s := range m.slots {
		off := uint32(s >> 32)
		if off < prev || off > nents || i == nslots-1 && (off != nents || uint32(s) != 0) {
			return nil, fmt.Errorf("%w: slot %d", ErrCorrupt, i)
		}
		if uint32(s) == 0 {
			empty = true
			if i < nslots-1 && m.slots[i+1]>>32 != s>>32 {
				return nil, fmt.Errorf("%w: empty slot %d has weights", ErrCorrupt, i)
			}
		}
		prev = off
	}
	if !empty {
		return nil, fmt.Errorf("%w: full table", ErrCorrupt)
	}
	return m, nil
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
// documentation). It is loaded once per process; every call returns the
// same *Model.
func Default() (*Model, error) { return defaultModel() }

var defaultModel = sync.OnceValues(func() (*Model, error) { return Load(modelBytes) })
