package tables

import (
	"errors"
	"math"
	"slices"
	"testing"
)

func sample(t testing.TB) []byte {
	t.Helper()
	var w Writer
	w.Add(AppendUint64s(nil, []uint64{1, math.MaxUint64, 42}))
	w.Add(AppendUint32s(nil, []uint32{7, 8, 9}))
	w.Add(AppendInt16s(nil, []int16{-3, 0, 32767}))
	w.Add(AppendFloat64s(nil, []float64{-0.5, math.Inf(1), 1e-300}))
	ends, blob, err := AppendStrings(nil, nil, []string{"Abkhazia", "", "Ōsaka"})
	if err != nil {
		t.Fatal(err)
	}
	w.Add(ends)
	w.Add(blob)
	w.Add(AppendInt32s(nil, []int32{-1, 1 << 30}))
	b, err := w.Bytes("SCTEST01")
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func read(f *File) (u64 []uint64, u32 []uint32, i16 []int16, f64 []float64, strs []string, i32 []int32, err error) {
	sec := func(i int) []byte {
		if err != nil {
			return nil
		}
		var s []byte
		s, err = f.Section(i)
		return s
	}
	if u64, err = Uint64s(sec(0)); err != nil {
		return
	}
	if u32, err = Uint32s(sec(1)); err != nil {
		return
	}
	if i16, err = Int16s(sec(2)); err != nil {
		return
	}
	if f64, err = Float64s(sec(3)); err != nil {
		return
	}
	var ends []uint32
	if ends, err = Uint32s(sec(4)); err != nil {
		return
	}
	if strs, err = Strings(ends, sec(5)); err != nil {
		return
	}
	i32, err = Int32s(sec(6))
	return
}

// TestRoundTrip writes every kind of section and reads it back, in place
// and through the copying path that other machines take.
func TestRoundTrip(t *testing.T) {
	for _, copying := range []bool{false, true} {
		forceCopy = copying
		b := sample(t)
		// An aligned copy, so that the in-place path is taken when allowed.
		aligned := make([]uint64, (len(b)+7)/8)
		ab := unsafeBytes(aligned)[:len(b)]
		copy(ab, b)
		f, err := Open(ab, "SCTEST01")
		if err != nil {
			t.Fatal(err)
		}
		u64, u32, i16, f64, strs, i32, err := read(f)
		if err != nil {
			t.Fatal(err)
		}
		if !slices.Equal(u64, []uint64{1, math.MaxUint64, 42}) || !slices.Equal(u32, []uint32{7, 8, 9}) ||
			!slices.Equal(i16, []int16{-3, 0, 32767}) || !slices.Equal(f64, []float64{-0.5, math.Inf(1), 1e-300}) ||
			!slices.Equal(strs, []string{"Abkhazia", "", "Ōsaka"}) || !slices.Equal(i32, []int32{-1, 1 << 30}) {
			t.Errorf("copying=%v: read back %v %v %v %v %q %v", copying, u64, u32, i16, f64, strs, i32)
		}
		if inPlace(ab[8:16], 8) == copying {
			t.Errorf("copying=%v: inPlace says %v", copying, !copying)
		}
		if _, err := f.Section(7); !errors.Is(err, ErrCorrupt) {
			t.Errorf("missing section: %v", err)
		}
	}
	forceCopy = false
}

// TestCorrupt checks that every truncation, a flipped bit anywhere, a wrong
// magic and odd section sizes give ErrCorrupt.
func TestCorrupt(t *testing.T) {
	b := sample(t)
	for n := range len(b) {
		if _, err := Open(b[:n], "SCTEST01"); !errors.Is(err, ErrCorrupt) {
			t.Fatalf("truncated to %d bytes: %v", n, err)
		}
	}
	for i := range len(b) {
		c := slices.Clone(b)
		c[i] ^= 0x10
		if _, err := Open(c, "SCTEST01"); err == nil {
			t.Fatalf("bit flipped at byte %d not detected", i)
		}
	}
	if _, err := Open(b, "SCOTHER1"); !errors.Is(err, ErrCorrupt) {
		t.Errorf("wrong magic: %v", err)
	}
	if _, err := Open(b, "short"); err == nil {
		t.Error("a bad magic argument was accepted")
	}
	if _, err := Uint64s(make([]byte, 12)); !errors.Is(err, ErrCorrupt) {
		t.Errorf("12 bytes as uint64s: %v", err)
	}
	if _, err := Strings([]uint32{4, 2}, []byte("abcd")); !errors.Is(err, ErrCorrupt) {
		t.Errorf("decreasing string ends: %v", err)
	}
	if _, err := Strings([]uint32{5}, []byte("abcd")); !errors.Is(err, ErrCorrupt) {
		t.Errorf("string past the blob: %v", err)
	}
}

// FuzzOpen reads arbitrary bytes as a table file: an error or a file whose
// sections lie inside the input, never a panic.
func FuzzOpen(f *testing.F) {
	b := sample(f)
	f.Add(b)
	f.Add(b[:len(b)/2])
	f.Add([]byte("SCTEST01\xff\xff\xff\xff\x00\x00\x00\x00"))
	f.Fuzz(func(t *testing.T, b []byte) {
		file, err := Open(b, "SCTEST01")
		if err != nil {
			return
		}
		for i := range file.Len() {
			s, err := file.Section(i)
			if err != nil {
				t.Fatal(err)
			}
			_, _ = Uint64s(s)
			_, _ = Int16s(s)
			_, _ = Float64s(s)
			if ends, err := Uint32s(s); err == nil && i+1 < file.Len() {
				next, _ := file.Section(i + 1)
				_, _ = Strings(ends, next)
			}
		}
		_, _, _, _, _, _, _ = read(file)
	})
}
