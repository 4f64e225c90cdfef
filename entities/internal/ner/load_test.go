package ner

import (
	"bytes"
	"encoding/binary"
	"errors"
	"hash/crc32"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// tinyModel trains a small model on the first sentences of the written
// corpus, labelled by the shipped model (see writtenSentences).
func tinyModel(t testing.TB, opts ...TrainOption) *Model {
	t.Helper()
	sents := writtenSentences(t)
	m, err := Train(sents[:60], append([]TrainOption{WithEpochs(2), WithInfo("tiny")}, opts...)...)
	if err != nil {
		t.Fatal(err)
	}
	return m
}

func marshal(t testing.TB, m *Model) []byte {
	t.Helper()
	b, err := m.MarshalBinary()
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// resum rewrites the checksum of a model file after an edit.
func resum(b []byte) []byte {
	b = slices.Clone(b)
	binary.LittleEndian.PutUint32(b[len(b)-4:], crc32.Checksum(b[:len(b)-4], crcTable))
	return b
}

func TestMarshalRoundTrip(t *testing.T) {
	m := tinyModel(t)
	b := marshal(t, m)
	m2, err := Load(b)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(marshal(t, m2), b) {
		t.Error("MarshalBinary(Load(b)) != b")
	}
	if m2.Info() != "tiny" || m2.Features() != m.Features() {
		t.Errorf("Load: info %q, %d features; want %q, %d", m2.Info(), m2.Features(), "tiny", m.Features())
	}
	words := strings.Fields("Davit Meskhishvili said in Tbilisi on Tuesday that the Central Election Commission disagreed .")
	if diff := cmp.Diff(m.Label(words, nil, nil), m2.Label(words, nil, nil)); diff != "" {
		t.Errorf("loaded model labels differently (-trained +loaded):\n%s", diff)
	}
}

func TestTrainDeterministic(t *testing.T) {
	a, b := marshal(t, tinyModel(t)), marshal(t, tinyModel(t))
	if !bytes.Equal(a, b) {
		t.Error("two trainings with the same seed differ")
	}
	c := marshal(t, tinyModel(t, WithSeed(2)))
	if bytes.Equal(a, c) {
		t.Error("the seed has no effect")
	}
}

func TestTrainErrors(t *testing.T) {
	for _, tt := range []struct {
		name  string
		sents []Sentence
		opts  []TrainOption
	}{
		{"length", []Sentence{{Words: []string{"a"}}}, nil},
		{"not IOB2", []Sentence{{Words: []string{"a"}, Labels: []Label{IPER}}}, nil},
		{"bad label", []Sentence{{Words: []string{"a"}, Labels: []Label{NumLabels}}}, nil},
		{"epochs", nil, []TrainOption{WithEpochs(0)}},
	} {
		if _, err := Train(tt.sents, tt.opts...); err == nil {
			t.Errorf("%s: Train succeeded", tt.name)
		}
	}
}

func TestLoadErrors(t *testing.T) {
	good := marshal(t, tinyModel(t))
	keys := headerLen + len("tiny") + 4 // offset of the first key
	n := int(binary.LittleEndian.Uint32(good[keys-4:]))
	edit := func(f func(b []byte)) []byte {
		b := slices.Clone(good)
		f(b)
		return resum(b)
	}
	tests := []struct {
		name string
		b    []byte
		want error
	}{
		{"empty", nil, ErrFormat},
		{"magic", append([]byte("XXXXXXXX"), good[8:]...), ErrFormat},
		{"header only", good[:20], ErrCorrupt},
		{"truncated", good[:len(good)-100], ErrChecksum},
		{"truncated resummed", resum(good[:len(good)-100]), ErrCorrupt},
		{"extra byte", resum(append(slices.Clone(good[:len(good)-4]), 0, 0, 0, 0, 0)), ErrCorrupt},
		{"flipped bit", func() []byte { b := slices.Clone(good); b[len(b)/2] ^= 1; return b }(), ErrChecksum},
		{"file version", edit(func(b []byte) { b[8] = 99 }), ErrVersion},
		{"feature version", edit(func(b []byte) { b[12] = 99 }), ErrVersion},
		{"labels", edit(func(b []byte) { b[16] = 3 }), ErrCorrupt},
		{"zero scale", edit(func(b []byte) { binary.LittleEndian.PutUint32(b[20:], 0) }), ErrCorrupt},
		{"NaN scale", edit(func(b []byte) { binary.LittleEndian.PutUint32(b[20:], 0x7fc00000) }), ErrCorrupt},
		{"info length", edit(func(b []byte) { binary.LittleEndian.PutUint32(b[headerLen-4:], 1<<30) }), ErrCorrupt},
		{"feature count", edit(func(b []byte) { binary.LittleEndian.PutUint32(b[keys-4:], uint32(n+1)) }), ErrCorrupt},
		{"huge feature count", edit(func(b []byte) { binary.LittleEndian.PutUint32(b[keys-4:], 1<<31) }), ErrCorrupt},
		{"unsorted keys", edit(func(b []byte) { copy(b[keys:keys+8], b[keys+8:keys+16]) }), ErrCorrupt},
		{"zero key", edit(func(b []byte) { clear(b[keys : keys+8]) }), ErrCorrupt},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m, err := Load(tt.b)
			if !errors.Is(err, tt.want) {
				t.Errorf("Load: %v, %v; want error %v", m, err, tt.want)
			}
		})
	}
	// Every truncation fails cleanly.
	for i := range len(good) {
		if _, err := Load(good[:i]); err == nil {
			t.Fatalf("Load(good[:%d]) succeeded", i)
		}
	}
}

// FuzzLoad checks that Load never panics, and that a model it accepts
// labels without panicking and with well-formed output.
func FuzzLoad(f *testing.F) {
	good := marshal(f, tinyModel(f))
	f.Add(good)
	f.Add(good[:headerLen+8])
	f.Add(resum(good[:len(good)-26]))
	f.Add([]byte(magic))
	f.Add(modelBin[:4096])
	words := strings.Fields("Davit Meskhishvili said in Tbilisi that the Central Election Commission disagreed .")
	f.Fuzz(func(t *testing.T, b []byte) {
		m, err := Load(b)
		if err != nil {
			if m != nil {
				t.Fatal("Load returned a model with an error")
			}
			return
		}
		out := m.Label(words, nil, nil)
		if len(out) != len(words) {
			t.Fatalf("Label returned %d labels for %d words", len(out), len(words))
		}
		checkIOB2(t, words, out)
	})
}

// FuzzLabel checks that any words give one well-formed label each.
func FuzzLabel(f *testing.F) {
	m := mustDefault(f)
	f.Add("Russian President Vladimir Putin met Abkhazian leader Raul Khadzhinba in Moscow .")
	f.Add("\xff \u2019s “ ” `` '' — -- Ü ÉCOLE 1996-08-22 U.S. Mr.")
	f.Add("TBILISI MAYORAL RACE HEADS TO RUNOFF AS TURNOUT SLIPS")
	var s Scratch
	f.Fuzz(func(t *testing.T, text string) {
		words := strings.Fields(text)
		out := m.Label(words, &s, nil)
		if len(out) != len(words) {
			t.Fatalf("Label returned %d labels for %d words", len(out), len(words))
		}
		checkIOB2(t, words, out)
		ext := make([]uint64, len(words)/2)
		for i := range ext {
			ext[i] = uint64(len(words[i])) * 0x9E3779B97F4A7C15
		}
		out = m.LabelExt(words, ext, &s, out)
		if len(out) != len(words) {
			t.Fatalf("LabelExt returned %d labels for %d words", len(out), len(words))
		}
		checkIOB2(t, words, out)
	})
}

// TestLabelExt trains with an external feature bit and checks that the
// bit is used: a word unseen in training is tagged by its bit.
func TestLabelExt(t *testing.T) {
	const bitPER = 1 << 3
	var sents []Sentence
	for _, name := range []string{"Zorbak", "Quillon", "Vantrex", "Mirelle", "Dastow", "Kelvane"} {
		sents = append(sents,
			Sentence{Words: []string{"He", "met", name, "in", "Paris", "."}, Labels: []Label{O, O, BPER, O, BLOC, O}, Ext: []uint64{0, 0, bitPER}},
			Sentence{Words: []string{"He", "flew", "to", name + "ia", "."}, Labels: []Label{O, O, O, BLOC, O}},
		)
	}
	m, err := Train(sents, WithEpochs(5), WithMinWeight(0))
	if err != nil {
		t.Fatal(err)
	}
	words := []string{"He", "met", "Tarnok", "in", "Paris", "."}
	got := m.LabelExt(words, []uint64{0, 0, bitPER}, nil, nil)
	if got[2] != BPER {
		t.Errorf("LabelExt with a PER bit: %v, want B-PER at 2", got)
	}
}
