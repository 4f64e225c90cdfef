package gazetteer

import (
	"bytes"
	"encoding/binary"
	"errors"
	"hash/crc32"
	"reflect"
	"slices"
	"strings"
	"testing"
)

// fromJSONL builds the default gazetteer from its JSON Lines files, as New
// did before the tables were compiled.
func fromJSONL(t testing.TB) *Gazetteer {
	t.Helper()
	g, err := newFromJSONL(config{maxEntries: DefaultMaxEntries, fromJSONL: true})
	if err != nil {
		t.Fatal(err)
	}
	return g
}

// TestCompiledUpToDate fails when data/compiled.tables is not what the
// JSON Lines files give: run go generate ./gazetteer after editing them.
func TestCompiledUpToDate(t *testing.T) {
	b, err := fromJSONL(t).MarshalBinary()
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(b, compiledDefault) {
		t.Fatalf("data/compiled.tables (%d bytes) is stale: the JSON Lines files give %d other bytes; run go generate ./gazetteer", len(compiledDefault), len(b))
	}
}

// TestCompiledEqualsJSONL checks that the compiled gazetteer is the one
// the JSON Lines files build, field by field, read in place and through
// the copying path, and that it compiles back to the same bytes.
func TestCompiledEqualsJSONL(t *testing.T) {
	want := fromJSONL(t)
	for _, copying := range []bool{false, true} {
		b := compiledDefault
		if copying { // one byte off alignment
			c := make([]byte, len(b)+1)
			copy(c[1:], b)
			b = c[1:]
		}
		g, err := Compiled(b)
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range []struct {
			name      string
			got, want any
		}{
			{"entries", g.entries, want.entries}, {"byID", g.byID, want.byID}, {"kindEnd", g.kindEnd, want.kindEnd},
			{"forms", g.forms, want.forms}, {"recs", g.recs, want.recs}, {"byKey", g.byKey, want.byKey},
			{"byFirst", g.byFirst, want.byFirst}, {"conf", g.conf, want.conf}, {"confKeys", g.confKeys, want.confKeys},
			{"fuzzy index", g.fz, want.fz},
		} {
			if !reflect.DeepEqual(f.got, f.want) {
				t.Errorf("copying=%v: %s differ", copying, f.name)
			}
		}
		again, err := g.MarshalBinary()
		if err != nil || !bytes.Equal(again, compiledDefault) {
			t.Errorf("copying=%v: compiling the compiled gazetteer gives other bytes (%v)", copying, err)
		}
	}
}

// TestDefaultShared checks that Default builds one gazetteer per process.
func TestDefaultShared(t *testing.T) {
	a, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	b, _ := Default()
	if a != b || a.Len() != fromJSONL(t).Len() {
		t.Errorf("Default: %p and %p, %d entries", a, b, a.Len())
	}
}

// reseal recomputes the checksum of a tables file after a change.
func reseal(b []byte) {
	binary.LittleEndian.PutUint32(b[12:], crc32.Checksum(b[16:], crc32.MakeTable(crc32.Castagnoli)))
}

// section returns the offset and length of section i of a tables file.
func section(b []byte, i int) (off, n int) {
	d := b[16+16*i:]
	return int(binary.LittleEndian.Uint64(d)), int(binary.LittleEndian.Uint64(d[8:]))
}

// TestCompiledCorrupt checks that damaged tables give ErrCompiled:
// truncated, a byte changed, and inconsistent records behind a valid
// checksum.
func TestCompiledCorrupt(t *testing.T) {
	for _, n := range []int{0, 8, 16, 100, len(compiledDefault) / 2, len(compiledDefault) - 1} {
		if _, err := Compiled(compiledDefault[:n]); !errors.Is(err, ErrCompiled) {
			t.Errorf("truncated to %d bytes: %v", n, err)
		}
	}
	c := slices.Clone(compiledDefault)
	c[len(c)/2] ^= 0x40
	if _, err := Compiled(c); !errors.Is(err, ErrCompiled) {
		t.Errorf("a changed byte: %v", err)
	}
	for _, d := range []struct {
		name    string
		section int
		word    int // uint32 index in the section
		value   uint32
	}{
		{"entry's string past the table", gsEntries, 1, 1 << 30},
		{"entry of no kind", gsEntries, 9, 0},
		{"entry of kind 261", gsEntries, 9, 261},
		{"aliases past the lists", gsEntries, 13, 1 << 30},
		{"bad month", gsEntries, 10, 2000<<16 | 13<<8},
		{"unsorted ids", gsEntries, 0, 0},
		{"name of a missing entry", gsRecs, 0, 1 << 30},
		{"form's names past the end", gsForms, 2, 1 << 30},
		{"form of no units", gsForms, 3, 0},
		{"fuzzy shift", gsFuzzy, 0, 40},
		{"fuzzy buckets out of order", gsBuckets, 1, 1 << 30},
		{"fuzzy pair of a missing form", gsPairs, 0, 1 << 30},
	} {
		c := slices.Clone(compiledDefault)
		off, _ := section(c, d.section)
		binary.LittleEndian.PutUint32(c[off+4*d.word:], d.value)
		if d.name == "unsorted ids" { // the first entry takes the last's id
			eoff, n := section(c, gsEntries)
			last := binary.LittleEndian.Uint32(c[eoff+n-4*entryWords:])
			binary.LittleEndian.PutUint32(c[off:], last)
		}
		reseal(c)
		if _, err := Compiled(c); !errors.Is(err, ErrCompiled) {
			t.Errorf("%s: %v", d.name, err)
		}
	}
}

// FuzzCompiled reads arbitrary bytes as compiled tables, with the checksum
// as given and recomputed: an error, or a gazetteer that matches text
// without panicking.
func FuzzCompiled(f *testing.F) {
	g, err := New(WithoutDefaults(), WithReader("small.jsonl", strings.NewReader(
		`{"id":"org/nato","name":"North Atlantic Treaty Organization","aliases":["NATO"],"category":"alliance"}
{"id":"person/ivan-petrov","name":"Ivan Petrov","roles":[{"role":"minister","of":"state/russia","from":"2001","to":"2003-05"}]}
{"id":"state/georgia","name":"Georgia","adjectives":["Georgian"],"from":"1991-04-09"}
{"id":"state/russia","name":"Russia","adjectives":["Russian"],"aliases":["Russian Federation"]}
`)))
	if err != nil {
		f.Fatal(err)
	}
	small, err := g.MarshalBinary()
	if err != nil {
		f.Fatal(err)
	}
	f.Add(small, false)
	f.Add(small, true)
	f.Add(small[:len(small)/2], true)
	f.Fuzz(func(t *testing.T, b []byte, fix bool) {
		if fix && len(b) >= 16 {
			b = slices.Clone(b)
			reseal(b)
		}
		g, err := Compiled(b)
		if err != nil {
			if !errors.Is(err, ErrCompiled) {
				t.Fatalf("error does not wrap ErrCompiled: %v", err)
			}
			return
		}
		for _, text := range []string{"Russian Federation and Gorgia joined NATO.", "Ivan Petrov", "Georgian"} {
			_ = g.MatchText(text)
			_, _ = g.Lookup(text)
		}
		for _, k := range Kinds() {
			for _, e := range g.Entries(k) {
				_, _ = g.Entry(e.ID)
			}
		}
		_ = g.String()
	})
}
