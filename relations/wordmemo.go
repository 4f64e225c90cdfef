package relations

import "hash/maphash"

// wordMemo remembers the lower-case form, the stem and the word classes
// of recent token texts, so that a Sentence computes them once per
// distinct word rather than once per token: news repeats its words, and
// stem allocates for many of them. It is direct-mapped (a slot holds one
// word, replaced by the next word that falls into it), bounded in size,
// and keeps copies of the words, never the caller's text. A memo is used
// by one goroutine at a time (it belongs to a pooled Sentence), and for
// one Extractor, whose triggers and titles some classes depend on: given
// another, it forgets what it holds.
type wordMemo struct {
	x     *Extractor
	slots [wordMemoSlots]wordForms
}

// wordMemoSlots is the number of slots of a wordMemo.
const wordMemoSlots = 1 << 11

// wordMemoMax is the longest token text memoised.
const wordMemoMax = 32

// wordForms is a token text with its lower-case form, stem, classes and
// cue bits.
type wordForms struct {
	text, low, stm string
	cls            wordClass
	cue            uint8
}

var wordMemoSeed = maphash.MakeSeed()

// newForms returns the forms of text by their definitions: lower(text),
// stem(lower(text)) and classify of both with x.
func newForms(x *Extractor, text string) wordForms {
	low := lower(text)
	stm := stem(low)
	cls, cue := classify(x, low, stm)
	return wordForms{text: text, low: low, stm: stm, cls: cls, cue: cue}
}

// forms returns the forms of text for the Extractor x (see newForms).
// The result's text field is not meaningful.
func (m *wordMemo) forms(x *Extractor, text string) wordForms {
	if m.x != x {
		*m = wordMemo{x: x}
	}
	if len(text) > wordMemoMax || text == "" {
		return newForms(x, text)
	}
	slot := &m.slots[maphash.String(wordMemoSeed, text)&(wordMemoSlots-1)]
	if slot.text != text {
		// A copy, from which the forms are made: the memo outlives the
		// document.
		*slot = newForms(x, string([]byte(text)))
	}
	return *slot
}
