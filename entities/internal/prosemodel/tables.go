package prosemodel

import (
	_ "embed" // the generated tables
	"encoding/binary"
	"fmt"
	"maps"
	"math"
	"slices"
	"unsafe"

	"github.com/statecraft/statecraft/internal/tables"
)

// Magic names the layout of the generated tables; change it with the
// layout.
const Magic = "SCPROSE1"

// TablesFile is the generated file, relative to this package.
const TablesFile = "data/prose.tables"

// generated is data/prose.tables, written by cmd/genprose from prose's
// models (go generate ./entities/internal/prosemodel).
//
//go:embed data/prose.tables
var generated []byte

//go:generate go run ./cmd/genprose

// Sections of the tables file.
const (
	secShifts = iota // uint64s: POS shift, POS pshift, NER shift, NER pshift
	secPOSClassEnds
	secPOSClassBlob
	secTagDictKeyEnds
	secTagDictKeyBlob
	secTagDictValEnds
	secTagDictValBlob
	secPOSSlots
	secPOSPresent
	secPOSEntries
	secNERLabelEnds
	secNERLabelBlob
	secNERWordEnds
	secNERWordBlob
	secNERSlots
	secNERPresent
	secNERCells
	numSections
)

// Build decodes prose's models from asset (prose.Asset) and returns them as
// tables for [Open]. The bytes depend only on the models: the same assets
// give the same tables.
func Build(asset AssetFunc) ([]byte, error) {
	pos, ner, err := load(asset, true)
	if err != nil {
		return nil, err
	}
	return Encode(pos, ner)
}

// Encode writes pos and ner as tables for [Open].
func Encode(pos *POS, ner *NER) ([]byte, error) {
	var w tables.Writer
	add := func(b []byte) { w.Add(b) }
	strs := func(v []string) error {
		ends, blob, err := tables.AppendStrings(nil, nil, v)
		if err != nil {
			return err
		}
		add(ends)
		add(blob)
		return nil
	}
	add(tables.AppendUint64s(nil, []uint64{uint64(pos.feats.shift), uint64(pos.feats.pshift), uint64(ner.prefix.shift), uint64(ner.prefix.pshift)}))
	if err := strs(pos.Classes); err != nil {
		return nil, err
	}
	keys := slices.Sorted(maps.Keys(pos.tagDict))
	vals := make([]string, len(keys))
	for i, k := range keys {
		vals[i] = pos.tagDict[k]
	}
	if err := strs(keys); err != nil {
		return nil, err
	}
	if err := strs(vals); err != nil {
		return nil, err
	}
	add(appendSlots(nil, pos.feats.slots))
	add(tables.AppendUint64s(nil, pos.feats.present))
	add(tables.AppendUint32s(nil, pos.entries))
	if err := strs(ner.Labels); err != nil {
		return nil, err
	}
	if err := strs(slices.Sorted(maps.Keys(ner.words))); err != nil {
		return nil, err
	}
	add(appendSlots(nil, ner.prefix.slots))
	add(tables.AppendUint64s(nil, ner.prefix.present))
	var cells []byte
	for _, c := range ner.cells {
		cells = binary.LittleEndian.AppendUint64(cells, math.Float64bits(c.Weight))
		cells = append(cells, c.Label, 0, 0, 0, 0, 0, 0, 0)
	}
	add(cells)
	return w.Bytes(Magic)
}

func appendSlots(b []byte, slots []slot) []byte {
	for _, s := range slots {
		b = binary.LittleEndian.AppendUint64(b, s.key)
		b = binary.LittleEndian.AppendUint32(b, s.lo)
		b = binary.LittleEndian.AppendUint32(b, s.hi)
	}
	return b
}

// The memory layouts that the tables are read in place as.
const (
	slotSize = 16
	cellSize = 16
)

// The fields sit where the file has them; where the structs are smaller
// than the records (32-bit machines align 64-bit fields to 4 bytes),
// tables.Records decodes them instead of viewing them in place.
var _ = [1]struct{}{}[unsafe.Offsetof(slot{}.lo)-8]
var _ = [1]struct{}{}[unsafe.Offsetof(Cell{}.Label)-8]

// Open reads models from tables written by [Encode]. The large tables are
// used where they lie in b, which must not change afterwards; the tag
// dictionary and the word list are built as maps (a few thousand words).
func Open(b []byte) (*POS, *NER, error) {
	pos, ner, err := open(b)
	if err != nil {
		return nil, nil, fmt.Errorf("prosemodel: tables: %w", err)
	}
	return pos, ner, nil
}

func open(b []byte) (*POS, *NER, error) {
	f, err := tables.Open(b, Magic)
	if err != nil {
		return nil, nil, err
	}
	if f.Len() != numSections {
		return nil, nil, fmt.Errorf("%w: %d sections, want %d", tables.ErrCorrupt, f.Len(), numSections)
	}
	sec := func(i int) []byte { s, _ := f.Section(i); return s }
	strs := func(i int) ([]string, error) {
		ends, err := tables.Uint32s(sec(i))
		if err != nil {
			return nil, err
		}
		return tables.Strings(ends, sec(i+1))
	}
	shifts, err := tables.Uint64s(sec(secShifts))
	if err != nil {
		return nil, nil, err
	}
	if len(shifts) != 4 {
		return nil, nil, fmt.Errorf("%w: %d table shifts, want 4", tables.ErrCorrupt, len(shifts))
	}
	pos := &POS{}
	if pos.Classes, err = strs(secPOSClassEnds); err != nil {
		return nil, nil, err
	}
	if len(pos.Classes) == 0 || len(pos.Classes) > MaxClasses {
		return nil, nil, fmt.Errorf("%w: %d POS classes, want 1 to %d", tables.ErrCorrupt, len(pos.Classes), MaxClasses)
	}
	keys, err := strs(secTagDictKeyEnds)
	if err != nil {
		return nil, nil, err
	}
	vals, err := strs(secTagDictValEnds)
	if err != nil {
		return nil, nil, err
	}
	if len(keys) != len(vals) {
		return nil, nil, fmt.Errorf("%w: %d tag dictionary words, %d tags", tables.ErrCorrupt, len(keys), len(vals))
	}
	pos.tagDict = make(map[string]string, len(keys))
	for i, k := range keys {
		pos.tagDict[k] = vals[i]
	}
	if pos.feats, err = openTable(sec(secPOSSlots), sec(secPOSPresent), shifts[0], shifts[1]); err != nil {
		return nil, nil, err
	}
	if pos.entries, err = tables.Uint32s(sec(secPOSEntries)); err != nil {
		return nil, nil, err
	}
	for _, e := range pos.entries {
		if EntryClass(e) >= uint(len(pos.Classes)) {
			return nil, nil, fmt.Errorf("%w: a POS weight of class %d of %d", tables.ErrCorrupt, EntryClass(e), len(pos.Classes))
		}
	}
	if err := pos.feats.checkRanges(len(pos.entries)); err != nil {
		return nil, nil, err
	}

	ner := &NER{}
	if ner.Labels, err = strs(secNERLabelEnds); err != nil {
		return nil, nil, err
	}
	if len(ner.Labels) == 0 || len(ner.Labels) > 255 {
		return nil, nil, fmt.Errorf("%w: %d NER labels", tables.ErrCorrupt, len(ner.Labels))
	}
	words, err := strs(secNERWordEnds)
	if err != nil {
		return nil, nil, err
	}
	ner.words = make(map[string]struct{}, len(words))
	for _, w := range words {
		ner.words[w] = struct{}{}
	}
	if ner.prefix, err = openTable(sec(secNERSlots), sec(secNERPresent), shifts[2], shifts[3]); err != nil {
		return nil, nil, err
	}
	ner.cells, err = tables.Records(sec(secNERCells), cellSize, 8, func(b []byte) Cell {
		return Cell{Weight: math.Float64frombits(binary.LittleEndian.Uint64(b)), Label: b[8]}
	})
	if err != nil {
		return nil, nil, err
	}
	for _, c := range ner.cells {
		if int(c.Label) >= len(ner.Labels) {
			return nil, nil, fmt.Errorf("%w: a NER weight of label %d of %d", tables.ErrCorrupt, c.Label, len(ner.Labels))
		}
	}
	if err := ner.prefix.checkRanges(len(ner.cells)); err != nil {
		return nil, nil, err
	}
	return pos, ner, nil
}

// openTable returns the hash table whose slots and presence bits are given,
// checking the sizes that lookups rely on.
func openTable(slots, present []byte, shift, pshift uint64) (table, error) {
	s, err := tables.Records(slots, slotSize, 8, func(b []byte) slot {
		return slot{key: binary.LittleEndian.Uint64(b), lo: binary.LittleEndian.Uint32(b[8:]), hi: binary.LittleEndian.Uint32(b[12:])}
	})
	if err != nil {
		return table{}, err
	}
	p, err := tables.Uint64s(present)
	if err != nil {
		return table{}, err
	}
	n, pn := uint64(len(s)), uint64(len(p))*64
	// index returns key*k >> shift, below 1<<(64-shift), which must be the
	// number of slots; the presence bits likewise. A full table would make
	// a lookup of a missing key loop, so one slot at least stays empty.
	if n == 0 || n&(n-1) != 0 || shift >= 64 || n != 1<<(64-shift) ||
		pn == 0 || pn&(pn-1) != 0 || pshift >= 64 || pn != 1<<(64-pshift) {
		return table{}, fmt.Errorf("%w: a hash table of %d slots (shift %d) and %d presence bits (shift %d)", tables.ErrCorrupt, n, shift, pn, pshift)
	}
	empty := false
	for i := range s {
		if s[i].key == 0 {
			empty = true
			break
		}
	}
	if !empty {
		return table{}, fmt.Errorf("%w: a hash table without an empty slot", tables.ErrCorrupt)
	}
	return table{slots: s, shift: uint(shift), present: p, pshift: uint(pshift)}, nil
}

// checkRanges reports a slot whose row runs outside n weights.
func (t *table) checkRanges(n int) error {
	for i := range t.slots {
		s := &t.slots[i]
		if s.key != 0 && (s.lo > s.hi || int64(s.hi) > int64(n)) {
			return fmt.Errorf("%w: a row [%d, %d) of %d weights", tables.ErrCorrupt, s.lo, s.hi, n)
		}
	}
	return nil
}
