package prosemodel

import (
	"bytes"
	"encoding/binary"
	"errors"
	"hash/crc32"
	"maps"
	"slices"
	"testing"

	prose "github.com/jdkato/prose/v2"

	"github.com/statecraft/statecraft/internal/tables"
)

// TestTablesUpToDate fails when data/prose.tables is not what cmd/genprose
// writes from prose's models: run go generate ./entities/internal/prosemodel.
func TestTablesUpToDate(t *testing.T) {
	b, err := Build(prose.Asset)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(b, generated) {
		t.Fatalf("data/prose.tables (%d bytes) differs from what prose's models give (%d bytes): run go generate ./entities/internal/prosemodel", len(generated), len(b))
	}
}

// TestTablesEqualDecoded checks that the tables read in place hold the same
// models as decoding prose's gob files: every slot, weight, class, label,
// tag and word.
func TestTablesEqualDecoded(t *testing.T) {
	want, wantNER, err := load(prose.Asset, true)
	if err != nil {
		t.Fatal(err)
	}
	for _, copying := range []bool{false, true} {
		pos, ner, err := openCopying(generated, copying)
		if err != nil {
			t.Fatal(err)
		}
		if !slices.Equal(pos.Classes, want.Classes) || !maps.Equal(pos.tagDict, want.tagDict) ||
			!slices.Equal(pos.entries, want.entries) || !tablesEqual(pos.feats, want.feats) {
			t.Errorf("copying=%v: the POS model differs from prose's", copying)
		}
		if !slices.Equal(ner.Labels, wantNER.Labels) || !maps.Equal(ner.words, wantNER.words) ||
			!slices.Equal(ner.cells, wantNER.cells) || !tablesEqual(ner.prefix, wantNER.prefix) {
			t.Errorf("copying=%v: the NER model differs from prose's", copying)
		}
	}
}

func openCopying(b []byte, copying bool) (*POS, *NER, error) {
	if !copying {
		return Open(b)
	}
	// A copy one byte off alignment cannot be read in place.
	c := make([]byte, len(b)+1)
	copy(c[1:], b)
	return Open(c[1:])
}

func tablesEqual(a, b table) bool {
	return a.shift == b.shift && a.pshift == b.pshift && slices.Equal(a.slots, b.slots) && slices.Equal(a.present, b.present)
}

// TestOpenCorrupt checks that damaged tables give an error wrapping
// tables.ErrCorrupt: truncated, a byte changed (caught by the checksum),
// and damage behind a recomputed checksum (caught by the bounds checks).
func TestOpenCorrupt(t *testing.T) {
	for _, n := range []int{0, 15, 16, 1000, len(generated) / 2, len(generated) - 1} {
		if _, _, err := Open(generated[:n]); !errors.Is(err, tables.ErrCorrupt) {
			t.Errorf("truncated to %d bytes: %v", n, err)
		}
	}
	c := slices.Clone(generated)
	c[len(c)/3] ^= 1
	if _, _, err := Open(c); !errors.Is(err, tables.ErrCorrupt) {
		t.Errorf("a changed byte: %v", err)
	}
	// A POS weight of a class the model does not have, and a row past
	// the weights, each behind a valid checksum.
	f, err := tables.Open(generated, Magic)
	if err != nil {
		t.Fatal(err)
	}
	for _, damage := range []struct {
		name    string
		section int
		at      int
		value   uint32
	}{
		{"class out of range", secPOSEntries, 0, 0xff},
		{"row past the weights", secPOSSlots, -1, 0xffffffff},
		{"label out of range", secNERCells, 8, 0xff},
	} {
		c := slices.Clone(generated)
		s, _ := f.Section(damage.section)
		off := int(binary.LittleEndian.Uint64(generated[16+16*damage.section:])) // from the directory
		at := damage.at
		if at < 0 { // the hi field of the first used slot
			for i := 0; i+16 <= len(s); i += 16 {
				if binary.LittleEndian.Uint64(s[i:]) != 0 {
					at = i + 12
					break
				}
			}
		}
		if damage.section == secNERCells {
			c[off+at] = byte(damage.value)
		} else {
			binary.LittleEndian.PutUint32(c[off+at:], damage.value)
		}
		reseal(c)
		if _, _, err := Open(c); !errors.Is(err, tables.ErrCorrupt) {
			t.Errorf("%s: %v", damage.name, err)
		}
	}
}

// reseal recomputes the checksum of a tables file after a change.
func reseal(b []byte) {
	binary.LittleEndian.PutUint32(b[12:], crc32.Checksum(b[16:], crc32.MakeTable(crc32.Castagnoli)))
}

// FuzzOpen reads arbitrary bytes as tables, with their checksum as given
// and recomputed: an error or models whose lookups stay in bounds, never a
// panic or an endless probe.
func FuzzOpen(f *testing.F) {
	f.Add(generated[:4096], false)
	small, err := tinyTables()
	if err != nil {
		f.Fatal(err)
	}
	f.Add(small, false)
	f.Add(small, true)
	f.Fuzz(func(t *testing.T, b []byte, fix bool) {
		if fix && len(b) >= 16 {
			b = slices.Clone(b)
			reseal(b)
		}
		pos, ner, err := Open(b)
		if err != nil {
			return
		}
		for _, k := range []string{"bias", "i suffix ing", "word-Russia", ""} {
			_ = pos.Row(Hash(Offset, k))
			_ = ner.Row(Hash(Offset, k))
		}
		_, _ = pos.TagDict("the")
		_ = ner.InWordList("the")
	})
}

// tinyTables builds a valid tables file of a two-row model.
func tinyTables() ([]byte, error) {
	pos := &POS{Classes: []string{"NN", "VB"}, tagDict: map[string]string{"the": "DT"}, feats: newTable(2)}
	pos.entries = []uint32{1 << 8, 2<<8 | 1}
	pos.feats.insert(Hash(Offset, "bias"), 0, 1)
	pos.feats.insert(Hash(Offset, "word-Russia"), 1, 2)
	ner := &NER{Labels: []string{"O", "B-GPE"}, words: map[string]struct{}{"the": {}}, prefix: newTable(1)}
	ner.cells = []Cell{{Weight: 0.5, Label: 1}}
	ner.prefix.insert(Hash(Offset, "word-Russia"), 0, 1)
	return Encode(pos, ner)
}
