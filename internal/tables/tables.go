// Package tables is the container of statecraft's generated model tables:
// a file of numbered sections that is read where it lies, with no decoding
// step. A generator builds the sections with a [Writer]; at run time [Open]
// checks the magic, the section directory and a CRC-32 (Castagnoli) of the
// payload, and returns the sections as sub-slices of the input. Typed views
// ([Uint64s], [Uint32s], [Int32s], [Int16s], [Float64s]) alias the bytes
// when they are aligned and the machine is little-endian, and copy them
// otherwise, so that the same file works everywhere.
//
// Layout (all integers little-endian):
//
//	magic      8 bytes, names the table kind and its version ("SCPOS001")
//	sections   uint32, number of sections
//	checksum   uint32, CRC-32C of every byte after this field
//	directory  sections × (offset uint64, length uint64), offsets from the
//	           start of the file, each a multiple of 8
//	payload    the sections, in order, each padded with zeros to 8 bytes
//
// Nothing here panics on malformed input: a truncated, corrupt or foreign
// file gives an error that says what is wrong.
package tables

import (
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
	"math"
	"unsafe"
)

// ErrCorrupt is wrapped by every error about the bytes of a table file.
var ErrCorrupt = errors.New("tables: corrupt table")

const (
	magicLen  = 8
	headerLen = magicLen + 8
	dirEntry  = 16
	// MaxSections bounds the directory of a file.
	MaxSections = 1 << 12
)

var castagnoli = crc32.MakeTable(crc32.Castagnoli)

// A File is an opened table file: its sections, in place.
type File struct {
	sections [][]byte
}

// Open checks b as a table file whose magic is magic and returns its
// sections. The sections alias b: b must not be modified while they are in
// use.
func Open(b []byte, magic string) (*File, error) {
	if len(magic) != magicLen {
		return nil, fmt.Errorf("tables: magic %q is not %d bytes", magic, magicLen)
	}
	if len(b) < headerLen {
		return nil, fmt.Errorf("%w: %d bytes, shorter than the %d-byte header", ErrCorrupt, len(b), headerLen)
	}
	if got := string(b[:magicLen]); got != magic {
		return nil, fmt.Errorf("%w: magic %q, want %q (a table of another kind or version: regenerate it)", ErrCorrupt, got, magic)
	}
	n := binary.LittleEndian.Uint32(b[magicLen:])
	sum := binary.LittleEndian.Uint32(b[magicLen+4:])
	if n > MaxSections {
		return nil, fmt.Errorf("%w: %d sections, at most %d", ErrCorrupt, n, MaxSections)
	}
	dirEnd := headerLen + int(n)*dirEntry
	if dirEnd > len(b) {
		return nil, fmt.Errorf("%w: the directory of %d sections runs past the end (%d bytes)", ErrCorrupt, n, len(b))
	}
	payload := align8(dirEnd)
	if payload > len(b) {
		return nil, fmt.Errorf("%w: truncated after the directory", ErrCorrupt)
	}
	if got := crc32.Checksum(b[headerLen:], castagnoli); got != sum {
		return nil, fmt.Errorf("%w: checksum %08x, want %08x (truncated or damaged)", ErrCorrupt, got, sum)
	}
	f := &File{sections: make([][]byte, n)}
	for i := range int(n) {
		d := b[headerLen+i*dirEntry:]
		off, size := binary.LittleEndian.Uint64(d), binary.LittleEndian.Uint64(d[8:])
		if off%8 != 0 || off < uint64(payload) || off > uint64(len(b)) || size > uint64(len(b))-off {
			return nil, fmt.Errorf("%w: section %d at [%d, +%d) is outside the %d-byte file or unaligned", ErrCorrupt, i, off, size, len(b))
		}
		f.sections[i] = b[off : off+size : off+size]
	}
	return f, nil
}

// Len returns the number of sections.
func (f *File) Len() int { return len(f.sections) }

// Section returns section i, or an error if the file has no such section.
func (f *File) Section(i int) ([]byte, error) {
	if i < 0 || i >= len(f.sections) {
		return nil, fmt.Errorf("%w: no section %d of %d", ErrCorrupt, i, len(f.sections))
	}
	return f.sections[i], nil
}

func align8(n int) int { return (n + 7) &^ 7 }

// littleEndian reports whether the machine stores integers little-endian,
// the order of the files.
var littleEndian = func() bool {
	x := uint16(1)
	return *(*byte)(unsafe.Pointer(&x)) == 1
}()

// inPlace reports whether b can be viewed as elements of size bytes
// without copying; tests set forceCopy to exercise the other path.
func inPlace(b []byte, size uintptr) bool {
	return littleEndian && !forceCopy && len(b) > 0 && uintptr(unsafe.Pointer(unsafe.SliceData(b)))%size == 0
}

var forceCopy bool

// view returns b as n elements of T in place, or nil if it cannot.
func view[T any](b []byte, size uintptr) []T {
	if !inPlace(b, size) {
		return nil
	}
	return unsafe.Slice((*T)(unsafe.Pointer(unsafe.SliceData(b))), uintptr(len(b))/size)
}

func checkLen(b []byte, size int, what string) error {
	if len(b)%size != 0 {
		return fmt.Errorf("%w: a %s section of %d bytes is not a multiple of %d", ErrCorrupt, what, len(b), size)
	}
	return nil
}

// Uint64s returns b as little-endian uint64s.
func Uint64s(b []byte) ([]uint64, error) {
	if err := checkLen(b, 8, "uint64"); err != nil {
		return nil, err
	}
	if v := view[uint64](b, 8); v != nil {
		return v, nil
	}
	v := make([]uint64, len(b)/8)
	for i := range v {
		v[i] = binary.LittleEndian.Uint64(b[8*i:])
	}
	return v, nil
}

// Uint32s returns b as little-endian uint32s.
func Uint32s(b []byte) ([]uint32, error) {
	if err := checkLen(b, 4, "uint32"); err != nil {
		return nil, err
	}
	if v := view[uint32](b, 4); v != nil {
		return v, nil
	}
	v := make([]uint32, len(b)/4)
	for i := range v {
		v[i] = binary.LittleEndian.Uint32(b[4*i:])
	}
	return v, nil
}

// Int32s returns b as little-endian int32s.
func Int32s(b []byte) ([]int32, error) {
	if err := checkLen(b, 4, "int32"); err != nil {
		return nil, err
	}
	if v := view[int32](b, 4); v != nil {
		return v, nil
	}
	v := make([]int32, len(b)/4)
	for i := range v {
		v[i] = int32(binary.LittleEndian.Uint32(b[4*i:]))
	}
	return v, nil
}

// Int16s returns b as little-endian int16s.
func Int16s(b []byte) ([]int16, error) {
	if err := checkLen(b, 2, "int16"); err != nil {
		return nil, err
	}
	if v := view[int16](b, 2); v != nil {
		return v, nil
	}
	v := make([]int16, len(b)/2)
	for i := range v {
		v[i] = int16(binary.LittleEndian.Uint16(b[2*i:]))
	}
	return v, nil
}

// Float64s returns b as little-endian IEEE 754 float64s.
func Float64s(b []byte) ([]float64, error) {
	if err := checkLen(b, 8, "float64"); err != nil {
		return nil, err
	}
	if v := view[float64](b, 8); v != nil {
		return v, nil
	}
	v := make([]float64, len(b)/8)
	for i := range v {
		v[i] = math.Float64frombits(binary.LittleEndian.Uint64(b[8*i:]))
	}
	return v, nil
}

// Strings reads a string table written by [AppendStrings]: ends holds the
// end offset of each string in blob. The strings alias blob. It fails if
// the offsets are not increasing or run past the blob.
func Strings(ends []uint32, blob []byte) ([]string, error) {
	out := make([]string, len(ends))
	start := uint32(0)
	for i, e := range ends {
		if e < start || int64(e) > int64(len(blob)) {
			return nil, fmt.Errorf("%w: string %d ends at %d, after %d, in a blob of %d bytes", ErrCorrupt, i, e, start, len(blob))
		}
		out[i] = String(blob[start:e])
		start = e
	}
	return out, nil
}

// String returns b as a string without copying; b must not change.
func String(b []byte) string {
	if len(b) == 0 {
		return ""
	}
	return unsafe.String(unsafe.SliceData(b), len(b))
}

// A Writer builds a table file section by section.
type Writer struct {
	sections [][]byte
}

// Add appends a section and returns its number.
func (w *Writer) Add(b []byte) int {
	w.sections = append(w.sections, b)
	return len(w.sections) - 1
}

// Bytes returns the file with the given 8-byte magic.
func (w *Writer) Bytes(magic string) ([]byte, error) {
	if len(magic) != magicLen {
		return nil, fmt.Errorf("tables: magic %q is not %d bytes", magic, magicLen)
	}
	if len(w.sections) > MaxSections {
		return nil, fmt.Errorf("tables: %d sections, at most %d", len(w.sections), MaxSections)
	}
	dirEnd := headerLen + len(w.sections)*dirEntry
	size := align8(dirEnd)
	for _, s := range w.sections {
		size += align8(len(s))
	}
	out := make([]byte, size)
	copy(out, magic)
	binary.LittleEndian.PutUint32(out[magicLen:], uint32(len(w.sections)))
	off := align8(dirEnd)
	for i, s := range w.sections {
		d := out[headerLen+i*dirEntry:]
		binary.LittleEndian.PutUint64(d, uint64(off))
		binary.LittleEndian.PutUint64(d[8:], uint64(len(s)))
		copy(out[off:], s)
		off += align8(len(s))
	}
	binary.LittleEndian.PutUint32(out[magicLen+4:], crc32.Checksum(out[headerLen:], castagnoli))
	return out, nil
}

// AppendUint64s appends v little-endian.
func AppendUint64s(b []byte, v []uint64) []byte {
	for _, x := range v {
		b = binary.LittleEndian.AppendUint64(b, x)
	}
	return b
}

// AppendUint32s appends v little-endian.
func AppendUint32s(b []byte, v []uint32) []byte {
	for _, x := range v {
		b = binary.LittleEndian.AppendUint32(b, x)
	}
	return b
}

// AppendInt32s appends v little-endian.
func AppendInt32s(b []byte, v []int32) []byte {
	for _, x := range v {
		b = binary.LittleEndian.AppendUint32(b, uint32(x))
	}
	return b
}

// AppendInt16s appends v little-endian.
func AppendInt16s(b []byte, v []int16) []byte {
	for _, x := range v {
		b = binary.LittleEndian.AppendUint16(b, uint16(x))
	}
	return b
}

// AppendFloat64s appends v as little-endian IEEE 754 bits.
func AppendFloat64s(b []byte, v []float64) []byte {
	for _, x := range v {
		b = binary.LittleEndian.AppendUint64(b, math.Float64bits(x))
	}
	return b
}

// AppendStrings appends the strings of v to blob and their end offsets to
// ends, for [Strings]. It fails if the blob would pass 4 GiB.
func AppendStrings(ends, blob []byte, v []string) (newEnds, newBlob []byte, err error) {
	for _, s := range v {
		if int64(len(blob))+int64(len(s)) > math.MaxUint32 {
			return nil, nil, errors.New("tables: string blob over 4 GiB")
		}
		blob = append(blob, s...)
		ends = binary.LittleEndian.AppendUint32(ends, uint32(len(blob)))
	}
	return ends, blob, nil
}

// Records returns b as records of type T, size bytes each: in place when
// the machine is little-endian and b is aligned to align bytes (the caller
// guarantees that T's memory layout is then the file's layout), otherwise
// decoded one by one with decode.
func Records[T any](b []byte, size, align uintptr, decode func([]byte) T) ([]T, error) {
	if len(b)%int(size) != 0 {
		return nil, fmt.Errorf("%w: a section of %d bytes is not a multiple of its %d-byte records", ErrCorrupt, len(b), size)
	}
	if unsafe.Sizeof(*new(T)) == size && inPlace(b, align) {
		return unsafe.Slice((*T)(unsafe.Pointer(unsafe.SliceData(b))), uintptr(len(b))/size), nil
	}
	v := make([]T, uintptr(len(b))/size)
	for i := range v {
		v[i] = decode(b[uintptr(i)*size:])
	}
	return v, nil
}
