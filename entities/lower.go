package entities

import (
	"encoding/binary"
	"strings"
	"sync/atomic"
	"unicode/utf8"
	"unsafe"
)

// lowerAt returns the lower-cased text of toks[i], or "" out of range.
func lowerAt(toks []Token, i int) string {
	if i < 0 || i >= len(toks) {
		return ""
	}
	return lowerASCII(toks[i].Text)
}

// lowerASCII returns strings.ToLower(s). It returns s itself when s is
// ASCII without upper-case letters, and otherwise a memoised copy when it
// can (see lowerMemo), so that it rarely allocates.
func lowerASCII(s string) string {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= utf8.RuneSelf || 'A' <= c && c <= 'Z' {
			return lowerMemoized(s)
		}
	}
	return s
}

// The rules compare lower-cased words many times per token ("the", "of",
// month names, titles), and a capitalised word would be lower-cased anew,
// into a new string, by each comparison: about one and a half allocations
// per token of news. lowerMemo remembers the lower-case forms of recent
// words: a fixed array of slots indexed by a hash of the word, each
// holding an immutable pair replaced atomically, so that it is safe for
// concurrent use without locks, bounded in size, and invisible except for
// speed (a slot is checked against the word before its form is used).
var lowerMemo [1 << lowerMemoBits]atomic.Pointer[lowerPair]

// lowerMemoBits is the base-2 logarithm of the number of slots of
// lowerMemo.
const lowerMemoBits = 12

// lowerMemoSlot returns the slot of lowerMemo for s (at most lowerMemoMax
// bytes): the top bits of a multiplicative hash of its length and of its
// first and last four bytes (all of them up to eight), a few times cheaper
// than FNV over every byte or maphash for these short words. A collision
// costs only a miss.
func lowerMemoSlot(s string) uint64 {
	b := unsafe.Slice(unsafe.StringData(s), len(s)) // read only
	h := uint64(len(s)) << 56
	switch n := len(b); {
	case n >= 4:
		h ^= uint64(binary.LittleEndian.Uint32(b))<<24 ^ uint64(binary.LittleEndian.Uint32(b[n-4:]))
	case n > 0:
		h ^= uint64(b[0]) | uint64(b[n/2])<<8 | uint64(b[n-1])<<16
	}
	// The top bits of a product by an odd constant depend on every bit
	// of h.
	return (h * 0x9e3779b97f4a7c15) >> (64 - lowerMemoBits)
}

// lowerMemoMax is the longest word memoised.
const lowerMemoMax = 32

type lowerPair struct{ word, lower string }

func lowerMemoized(s string) string {
	if len(s) > lowerMemoMax {
		return strings.ToLower(s)
	}
	slot := &lowerMemo[lowerMemoSlot(s)]
	if p := slot.Load(); p != nil && p.word == s {
		return p.lower
	}
	lower := strings.ToLower(s)
	// The pair keeps its own copy of the word: s is part of a caller's
	// text, which the memo must not keep alive.
	slot.Store(&lowerPair{word: strings.Clone(s), lower: lower})
	return lower
}

// endsFilter is a necessary condition for a word's lower-case form to be
// one of a set of words, cheaper than lower-casing it and looking it up:
// the pair of its first and last bytes, folded (c|0x20, which maps an
// upper-case ASCII letter and its lower case to the same byte), must be
// the pair of one of the set's words. A word whose first or last byte is
// not ASCII always passes (its lower-case form's ends are not its own
// ends lower-cased); a word of the set whose ends are not ASCII needs no
// pair (no word with ASCII ends lower-cases to it).
type endsFilter [128][2]uint64

// newEndsFilter returns the filter of the words (lower case).
func newEndsFilter(words []string) *endsFilter {
	f := new(endsFilter)
	for _, w := range words {
		if w == "" {
			continue // no word passes for it: mayHold("") is false
		}
		a, z := w[0]|0x20, w[len(w)-1]|0x20
		if a < utf8.RuneSelf && z < utf8.RuneSelf {
			f[a][z>>6] |= 1 << (z & 63)
		}
	}
	return f
}

// mayHold reports whether lowerASCII(s) may be one of the filter's words:
// false means that it is not.
func (f *endsFilter) mayHold(s string) bool {
	if s == "" {
		return false
	}
	a, z := s[0]|0x20, s[len(s)-1]|0x20
	return (a|z) >= utf8.RuneSelf || f[a][z>>6]&(1<<(z&63)) != 0
}
