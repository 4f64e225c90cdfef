package ner

import (
	"bytes"
	"encoding/binary"
	"errors"
	"hash/crc32"
	"slices"
	"testing"
)

// TestTablesUpToDate fails when model.tables is not what model.bin gives:
// run go generate ./entities/internal/ner (or go run ./cmd/nertables in
// the package directory) after training.
func TestTablesUpToDate(t *testing.T) {
	m, err := Load(modelBin)
	if err != nil {
		t.Fatal(err)
	}
	b, err := m.Tables()
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(b, modelTables) {
		t.Fatalf("model.tables (%d bytes) is stale: model.bin gives %d other bytes; run go run ./cmd/nertables in entities/internal/ner", len(modelTables), len(b))
	}
}

// TestTablesEqualModel checks that the model read in place is model.bin's:
// same lookup table, weights and provenance, read in place and through the
// copying path, and that it encodes back to model.bin.
func TestTablesEqualModel(t *testing.T) {
	want, err := Load(modelBin)
	if err != nil {
		t.Fatal(err)
	}
	for _, copying := range []bool{false, true} {
		b := modelTables
		if copying { // one byte off alignment
			c := make([]byte, len(b)+1)
			copy(c[1:], b)
			b = c[1:]
		}
		m, err := OpenTables(b)
		if err != nil {
			t.Fatal(err)
		}
		if !slices.Equal(m.tab, want.tab) || !slices.Equal(m.present, want.present) || m.mask != want.mask || m.pshift != want.pshift ||
			m.fv != want.fv || m.ct != want.ct || m.trans != want.trans || m.start != want.start || m.end != want.end || m.scale != want.scale || m.info != want.info ||
			m.Features() != want.Features() {
			t.Errorf("copying=%v: the model read from tables differs from model.bin's", copying)
		}
		again, err := m.MarshalBinary()
		if err != nil || !bytes.Equal(again, modelBin) {
			t.Errorf("copying=%v: MarshalBinary of the tables' model is not model.bin (%v)", copying, err)
		}
	}
}

func resealTables(b []byte) {
	binary.LittleEndian.PutUint32(b[12:], crc32.Checksum(b[16:], crc32.MakeTable(crc32.Castagnoli)))
}

// TestOpenTablesCorrupt checks that damaged tables give ErrCorrupt (or
// ErrVersion for another feature set), never a model.
func TestOpenTablesCorrupt(t *testing.T) {
	for _, n := range []int{0, 16, 200, len(modelTables) / 2, len(modelTables) - 1} {
		if _, err := OpenTables(modelTables[:n]); !errors.Is(err, ErrCorrupt) {
			t.Errorf("truncated to %d bytes: %v", n, err)
		}
	}
	c := slices.Clone(modelTables)
	c[len(c)/2] ^= 4
	if _, err := OpenTables(c); !errors.Is(err, ErrCorrupt) {
		t.Errorf("a changed byte: %v", err)
	}
	header := int(binary.LittleEndian.Uint64(modelTables[16:])) // section 0's offset
	for _, d := range []struct {
		name string
		word int
		v    uint32
		want error
	}{
		{"feature version", 0, 99, ErrVersion},
		{"labels", 1, 3, ErrCorrupt},
		{"NaN scale", 2, 0x7fc00000, ErrCorrupt},
		{"feature count", 3, 7, ErrCorrupt},
		{"presence shift", 4, 3, ErrCorrupt},
	} {
		c := slices.Clone(modelTables)
		binary.LittleEndian.PutUint32(c[header+4*d.word:], d.v)
		resealTables(c)
		if _, err := OpenTables(c); !errors.Is(err, d.want) {
			t.Errorf("%s: %v, want %v", d.name, err, d.want)
		}
	}
}

// FuzzOpenTables reads arbitrary bytes as tables, with the checksum as
// given and recomputed: an error or a model that labels words, never a
// panic or an endless probe.
func FuzzOpenTables(f *testing.F) {
	small := &Model{scale: 1, keys: []uint64{3, 1 << 40}, rows: make([]int16, 2*NumLabels)}
	small.rows[NumLabels] = 5
	small.index()
	b, err := small.Tables()
	if err != nil {
		f.Fatal(err)
	}
	f.Add(b, false)
	f.Add(b, true)
	f.Add(modelTables[:2048], true)
	f.Fuzz(func(t *testing.T, b []byte, fix bool) {
		if fix && len(b) >= 16 {
			b = slices.Clone(b)
			resealTables(b)
		}
		m, err := OpenTables(b)
		if err != nil {
			return
		}
		words := []string{"Russia", "recognized", "Abkhazia", "."}
		if out := m.Label(words, nil, nil); len(out) != len(words) {
			t.Fatalf("Label returned %d labels for %d words", len(out), len(words))
		}
	})
}
