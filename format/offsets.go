package format

import (
	"sort"
	"unicode/utf8"
)

// runeCounter converts byte offsets of a text to code-point offsets (the
// offsets of brat standoff) and back. Offsets asked in increasing order
// cost linear time in all; going back restarts from the beginning.
type runeCounter struct {
	text    string
	byteOff int // a rune boundary
	runeOff int // the number of runes in text[:byteOff]
}

// runes returns the number of code points before byte offset b, an
// invalid UTF-8 byte counting as one. b is clamped to [0, len(text)]; a
// b inside a multi-byte rune counts that rune as before it.
func (c *runeCounter) runes(b int) int {
	b = max(0, min(b, len(c.text)))
	if b < c.byteOff {
		c.byteOff, c.runeOff = 0, 0
	}
	for c.byteOff < b {
		_, n := utf8.DecodeRuneInString(c.text[c.byteOff:])
		c.byteOff += n
		c.runeOff++
	}
	return c.runeOff
}

// bytesAt returns, for code-point offsets, the byte offsets in text, as a
// map. Offsets past the end of the text are missing from the map.
func bytesAt(text string, runeOffs []int) map[int]int {
	offs := append([]int(nil), runeOffs...)
	sort.Ints(offs)
	out := make(map[int]int, len(offs))
	b, r := 0, 0
	for _, want := range offs {
		if want < 0 {
			continue
		}
		for r < want && b < len(text) {
			_, n := utf8.DecodeRuneInString(text[b:])
			b += n
			r++
		}
		if r == want {
			out[want] = b
		}
	}
	return out
}
