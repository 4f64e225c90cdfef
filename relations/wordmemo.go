package relations

import "hash/maphash"

// wordMemo remembers the lower-case form and the stem of recent token
// texts, so that a Sentence computes them once per distinct word rather
// than once per token: news repeats its words, and stem allocates for
// many of them. It is direct-mapped (a slot holds one word, replaced by
// the next word that falls into it), bounded in size, and keeps copies of
// the words, never the caller's text. A memo is used by one goroutine at
// a time (it belongs to a pooled Sentence).
type wordMemo struct {
	slots [wordMemoSlots]wordForms
}

// wordMemoSlots is the number of slots of a wordMemo.
const wordMemoSlots = 1 << 11

// wordMemoMax is the longest token text memoised.
const wordMemoMax = 32

// wordForms is a token text with its lower-case form and stem.
type wordForms struct {
	text, low, stm string
}

var wordMemoSeed = maphash.MakeSeed()

// forms returns lower(text) and stem(lower(text)).
func (m *wordMemo) forms(text string) (low, stm string) {
	if len(text) > wordMemoMax || text == "" {
		low = lower(text)
		return low, stem(low)
	}
	slot := &m.slots[maphash.String(wordMemoSeed, text)&(wordMemoSlots-1)]
	if slot.text != text {
		// A copy, from which the forms are made: the memo outlives the
		// document.
		c := string([]byte(text))
		low := lower(c)
		*slot = wordForms{text: c, low: low, stm: stem(low)}
	}
	return slot.low, slot.stm
}
