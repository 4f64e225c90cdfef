package prosemodel

import (
	"errors"
	"fmt"
	"math"
	"math/bits"
)

// This file is a reader for the small subset of the encoding/gob wire format
// that prose's model files use: one top-level map or slice of strings, ints,
// floats and maps of them. encoding/gob decodes weights.gob of the perceptron
// (75 k inner maps) in about 400 ms because it allocates every map; reading
// the bytes directly into flat tables takes a few milliseconds. Anything the
// reader does not recognise yields errUnsupported and the loader falls back
// to encoding/gob, so the fast path never decides what the data means.

// errUnsupported reports a well-formed stream whose types the fast reader
// does not handle.
var errUnsupported = errors.New("prosemodel: gob stream of an unsupported type")

// Predefined gob type ids (encoding/gob/type.go).
const (
	gobInt    = 2
	gobFloat  = 4
	gobString = 6
)

type gobKind uint8

const (
	kindSlice gobKind = iota + 1
	kindMap
)

// gobType is a decoded wireType of kind slice or map.
type gobType struct {
	kind      gobKind
	key, elem int64
}

// reader reads gob primitives from b. The first error sticks: later reads
// return zero values, so callers check err once per loop iteration.
type reader struct {
	b   []byte
	i   int
	err error
}

func (r *reader) fail(format string, args ...any) {
	if r.err == nil {
		r.err = fmt.Errorf("prosemodel: corrupt gob data at byte %d: %s", r.i, fmt.Sprintf(format, args...))
	}
	r.i = len(r.b)
}

func (r *reader) remaining() int { return len(r.b) - r.i }

// uint reads an unsigned integer: one byte below 0x80, else a byte holding
// the negated count of big-endian bytes that follow.
func (r *reader) uint() uint64 {
	if r.i >= len(r.b) {
		r.fail("unexpected end of data")
		return 0
	}
	c := r.b[r.i]
	r.i++
	if c < 0x80 {
		return uint64(c)
	}
	n := -int(int8(c))
	if n > 8 || n > len(r.b)-r.i {
		r.fail("bad unsigned integer length %d", n)
		return 0
	}
	var x uint64
	for _, c := range r.b[r.i : r.i+n] {
		x = x<<8 | uint64(c)
	}
	r.i += n
	return x
}

func (r *reader) int() int64 {
	x := r.uint()
	if x&1 != 0 {
		return ^int64(x >> 1)
	}
	return int64(x >> 1)
}

func (r *reader) float() float64 {
	return math.Float64frombits(bits.ReverseBytes64(r.uint()))
}

// bytes reads a length-prefixed string; the result aliases r.b.
func (r *reader) bytes() []byte {
	n := r.uint()
	if n > uint64(r.remaining()) {
		r.fail("string length %d exceeds the data", n)
		return nil
	}
	s := r.b[r.i : r.i+int(n)]
	r.i += int(n)
	return s
}

// count reads an element count and checks that at least minSize bytes per
// element remain, so that a corrupt count cannot make a caller allocate.
func (r *reader) count(minSize int) int {
	n := r.uint()
	if n > uint64(r.remaining()/minSize) {
		r.fail("count %d exceeds the data", n)
		return 0
	}
	return int(n)
}

// message returns the body of the next message and its type id.
func (r *reader) message() (id int64, body reader) {
	n := r.uint()
	if r.err != nil {
		return 0, reader{err: r.err}
	}
	if n == 0 || n > uint64(r.remaining()) {
		r.fail("message length %d", n)
		return 0, reader{err: r.err}
	}
	body = reader{b: r.b[r.i : r.i+int(n)]}
	r.i += int(n)
	id = body.int()
	return id, body
}

// value skips the type definitions at the head of a gob stream, checks
// that no data follows the first value, and returns the value's type id,
// the type table and a reader positioned at the value's content.
func value(data []byte) (int64, map[int64]gobType, *reader, error) {
	r := &reader{b: data}
	types := map[int64]gobType{}
	for {
		id, body := r.message()
		if r.err != nil {
			return 0, nil, nil, r.err
		}
		if body.err != nil {
			return 0, nil, nil, body.err
		}
		if id >= 0 {
			if r.remaining() != 0 {
				return 0, nil, nil, errUnsupported // several values: let encoding/gob judge
			}
			// A top-level value that is not a struct is sent as a singleton
			// field with delta 0.
			if body.uint() != 0 || body.err != nil {
				return 0, nil, nil, errUnsupported
			}
			return id, types, &body, nil
		}
		t, err := wireType(&body)
		if err != nil {
			return 0, nil, nil, err
		}
		if body.err != nil {
			return 0, nil, nil, body.err
		}
		if body.remaining() != 0 {
			return 0, nil, nil, errUnsupported
		}
		types[-id] = t
	}
}

// wireType reads an encoding/gob wireType struct, accepting only SliceT
// (field 1) and MapT (field 3).
func wireType(r *reader) (gobType, error) {
	var t gobType
	field := -1
	for {
		d := r.uint()
		if r.err != nil {
			return t, r.err
		}
		if d == 0 {
			break
		}
		if d > 8 || t.kind != 0 {
			return t, errUnsupported
		}
		field += int(d)
		switch field {
		case 1:
			t.kind = kindSlice
		case 3:
			t.kind = kindMap
		default:
			return t, errUnsupported
		}
		// sliceType{CommonType; Elem} and mapType{CommonType; Key; Elem}.
		sub := -1
		for {
			d := r.uint()
			if r.err != nil {
				return t, r.err
			}
			if d == 0 {
				break
			}
			if d > 8 {
				return t, errUnsupported
			}
			sub += int(d)
			switch {
			case sub == 0:
				if err := commonType(r); err != nil {
					return t, err
				}
			case sub == 1 && t.kind == kindMap:
				t.key = r.int()
			case sub == 1 && t.kind == kindSlice, sub == 2 && t.kind == kindMap:
				t.elem = r.int()
			default:
				return t, errUnsupported
			}
		}
	}
	if t.kind == 0 {
		return t, errUnsupported
	}
	return t, r.err
}

// commonType reads and discards a CommonType{Name string; Id typeId}.
func commonType(r *reader) error {
	f := -1
	for {
		d := r.uint()
		if r.err != nil {
			return r.err
		}
		if d == 0 {
			return nil
		}
		if d > 2 {
			return errUnsupported
		}
		f += int(d)
		switch f {
		case 0:
			r.bytes()
		case 1:
			r.int()
		default:
			return errUnsupported
		}
	}
}

func isMap(types map[int64]gobType, id, key, elem int64) bool {
	t, ok := types[id]
	return ok && t.kind == kindMap && t.key == key && (elem < 0 || t.elem == elem)
}

// readNestedFloatMap reads a stream holding a map[string]map[string]float64,
// calling outer for each key of the outer map and inner for each pair of
// its inner map. The byte slices alias data.
func readNestedFloatMap(data []byte, begin func(n int), outer func(key []byte), inner func(key []byte, v float64)) error {
	id, types, r, err := value(data)
	if err != nil {
		return err
	}
	if !isMap(types, id, gobString, -1) || !isMap(types, types[id].elem, gobString, gobFloat) {
		return errUnsupported
	}
	n := r.count(2)
	begin(n)
	for range n {
		outer(r.bytes())
		m := r.count(2)
		for range m {
			k := r.bytes()
			v := r.float()
			if r.err != nil {
				return r.err
			}
			inner(k, v)
		}
		if r.err != nil {
			return r.err
		}
	}
	if r.err == nil && r.remaining() != 0 {
		r.fail("%d bytes after the value", r.remaining())
	}
	return r.err
}

// readIntMap reads a stream holding a map[string]int.
func readIntMap(data []byte, begin func(n int), pair func(key []byte, v int64)) error {
	id, types, r, err := value(data)
	if err != nil {
		return err
	}
	if !isMap(types, id, gobString, gobInt) {
		return errUnsupported
	}
	n := r.count(2)
	begin(n)
	for range n {
		k := r.bytes()
		v := r.int()
		if r.err != nil {
			return r.err
		}
		pair(k, v)
	}
	if r.err == nil && r.remaining() != 0 {
		r.fail("%d bytes after the value", r.remaining())
	}
	return r.err
}

// readFloatSlice reads a stream holding a []float64.
func readFloatSlice(data []byte) ([]float64, error) {
	id, types, r, err := value(data)
	if err != nil {
		return nil, err
	}
	if t, ok := types[id]; !ok || t.kind != kindSlice || t.elem != gobFloat {
		return nil, errUnsupported
	}
	n := r.count(1)
	out := make([]float64, n)
	for i := range out {
		out[i] = r.float()
	}
	if r.err == nil && r.remaining() != 0 {
		r.fail("%d bytes after the value", r.remaining())
	}
	if r.err != nil {
		return nil, r.err
	}
	return out, nil
}
