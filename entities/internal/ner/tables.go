package ner

import (
	_ "embed" // the generated tables
	"encoding/binary"
	"errors"
	"fmt"
	"math"
	"slices"
	"sync"
	"unsafe"

	"github.com/statecraft/statecraft/internal/tables"
)

// TablesMagic names the layout of [Model.Tables]; change it with the
// layout.
const TablesMagic = "SCNERTB1"

// modelTables is model.bin as tables read in place (cmd/nertables, run by
// go generate; TestTablesUpToDate fails when it is stale).
//
//go:embed model.tables
var modelTables []byte

//go:generate go run ./cmd/nertables

// Default returns the shipped model (model.bin, trained on the CoNLL-2003
// English training set; see the package documentation), read in place from
// its tables (model.tables) once per process; every call returns the same
// *Model.
func Default() (*Model, error) { return defaultModel() }

var defaultModel = sync.OnceValues(func() (*Model, error) { return OpenTables(modelTables) })

// Sections of the tables.
const (
	tsHeader  = iota // uint32s: feature version, NumLabels, scale bits, features, pshift
	tsWeights        // int32s: trans, start, end
	tsInfo
	tsSlots   // slotSize-byte records: key, NumLabels int16 weights, padding
	tsPresent // uint64s
	tsSections
)

const slotSize = 32

// The weights sit where the file has them; where the struct is smaller
// than the record (32-bit machines align 64-bit fields to 4 bytes),
// tables.Records decodes it instead of viewing it in place.
var _ = [1]struct{}{}[unsafe.Offsetof(slot{}.w)-8]

// Tables returns m as tables that [OpenTables] reads in place: the lookup
// table of the features as it lies in memory, so that loading builds
// nothing. The bytes depend only on m.
func (m *Model) Tables() ([]byte, error) {
	var w tables.Writer
	w.Add(tables.AppendUint32s(nil, []uint32{m.featureVersion(), NumLabels, math.Float32bits(m.scale), uint32(m.Features()), uint32(m.pshift)}))
	var ws []int32
	for p := range NumLabels {
		ws = append(ws, m.trans[p][:]...)
	}
	ws = append(ws, m.start[:]...)
	ws = append(ws, m.end[:]...)
	w.Add(tables.AppendInt32s(nil, ws))
	w.Add([]byte(m.info))
	var slots []byte
	for _, s := range m.tab {
		slots = binary.LittleEndian.AppendUint64(slots, s.key)
		for _, v := range s.w {
			slots = binary.LittleEndian.AppendUint16(slots, uint16(v))
		}
		slots = append(slots, make([]byte, slotSize-8-2*NumLabels)...)
	}
	w.Add(slots)
	w.Add(tables.AppendUint64s(nil, m.present))
	return w.Bytes(TablesMagic)
}

// OpenTables returns the model of tables written by [Model.Tables], using
// them where they lie: b must not change while the model is in use. It
// checks the checksum, the versions and every size that lookups rely on,
// and returns an error (never panics) on any defect.
func OpenTables(b []byte) (*Model, error) {
	m, err := openTables(b)
	if err != nil {
		if errors.Is(err, ErrVersion) {
			return nil, err
		}
		return nil, fmt.Errorf("%w: tables: %w", ErrCorrupt, err)
	}
	return m, nil
}

func openTables(b []byte) (*Model, error) {
	f, err := tables.Open(b, TablesMagic)
	if err != nil {
		return nil, err
	}
	if f.Len() != tsSections {
		return nil, fmt.Errorf("%d sections, want %d", f.Len(), tsSections)
	}
	sec := func(i int) []byte { s, _ := f.Section(i); return s }
	hdr, err := tables.Uint32s(sec(tsHeader))
	if err != nil {
		return nil, err
	}
	if len(hdr) != 5 {
		return nil, errors.New("bad header")
	}
	if hdr[1] != NumLabels {
		return nil, fmt.Errorf("%d labels, want %d", hdr[1], NumLabels)
	}
	m := &Model{scale: math.Float32frombits(hdr[2]), features: int(hdr[3]), pshift: uint(hdr[4])}
	if err := m.setFeatureVersion(hdr[0]); err != nil {
		return nil, err
	}
	if !(m.scale > 0) || math.IsInf(float64(m.scale), 0) {
		return nil, fmt.Errorf("weight scale %v", m.scale)
	}
	ws, err := tables.Int32s(sec(tsWeights))
	if err != nil {
		return nil, err
	}
	if len(ws) != NumLabels*NumLabels+2*NumLabels {
		return nil, errors.New("bad transition weights")
	}
	for p := range NumLabels {
		copy(m.trans[p][:], ws[p*NumLabels:])
	}
	copy(m.start[:], ws[NumLabels*NumLabels:])
	copy(m.end[:], ws[NumLabels*NumLabels+NumLabels:])
	if info := sec(tsInfo); len(info) <= maxInfo {
		m.info = string(info)
	} else {
		return nil, fmt.Errorf("info of %d bytes", len(info))
	}
	m.tab, err = tables.Records(sec(tsSlots), slotSize, 8, func(b []byte) slot {
		s := slot{key: binary.LittleEndian.Uint64(b)}
		for y := range NumLabels {
			s.w[y] = int16(binary.LittleEndian.Uint16(b[8+2*y:]))
		}
		return s
	})
	if err != nil {
		return nil, err
	}
	if m.present, err = tables.Uint64s(sec(tsPresent)); err != nil {
		return nil, err
	}
	n, pn := uint64(len(m.tab)), uint64(len(m.present))*64
	if n < 16 || n&(n-1) != 0 || pn == 0 || pn&(pn-1) != 0 || m.pshift >= 64 || pn != 1<<(64-m.pshift) {
		return nil, fmt.Errorf("a table of %d slots and %d presence bits (shift %d)", n, pn, m.pshift)
	}
	m.mask = n - 1
	used := 0
	for i := range m.tab {
		if m.tab[i].key != 0 {
			used++
		}
	}
	if used != m.features || used == len(m.tab) {
		return nil, fmt.Errorf("%d features in %d slots, want %d and an empty slot", used, len(m.tab), m.features)
	}
	return m, nil
}

// sortedRows returns the features of m in key order and their weights,
// from the lookup table when m was read from tables.
func (m *Model) sortedRows() (keys []uint64, rows []int16) {
	if m.keys != nil || len(m.tab) == 0 {
		return m.keys, m.rows
	}
	for _, s := range m.tab {
		if s.key != 0 {
			keys = append(keys, s.key)
		}
	}
	slices.Sort(keys)
	rows = make([]int16, 0, len(keys)*NumLabels)
	for _, k := range keys {
		rows = append(rows, m.lookup(k)[:]...)
	}
	return keys, rows
}
