package entities

import (
	"hash/maphash"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/statecraft/statecraft/entities/internal/prosemodel"
)

// The tagging word cache.
//
// Of the 13 perceptron features of a token, 9 depend on one word alone: its
// own suffix, word and first letter, and the words and suffixes it shows
// its neighbours ("i-1 word", "i+1 suffix", ...); of the 15 maxent
// features after the bias, 8 do (its prefix, suffix, shape, word, lower
// case and length, and the word as the "nextword" or "prevword" of a
// neighbour). Looking these up is most of the cost of tagging, and news
// repeats its words, so a tagScratch keeps, per distinct word, the model
// rows of those features (and the other facts tagging needs of the word
// alone). Only the rows are cached: the maxent scores are float sums that
// must be added in prose's feature order, and they still are; the
// perceptron's are integer sums. The results are exactly those of looking
// every feature up.
//
// The cache is direct-mapped: a slot holds one word (up to tagWordMax
// bytes, compared in full) and a new word replaces the one in its slot.

// tagWordMax is the longest word cached; longer words are rare and are
// looked up every time.
const tagWordMax = 24

// tagCacheSlots is the number of slots of a tagScratch's word cache when
// it is made, and tagCacheMaxSlots the most it grows to. A cache starts
// small (a slot is about half a kilobyte, and a program that tags a few
// sentences needs few) and grows fourfold once it has missed a quarter as
// many times as it has slots: over many documents, a larger cache keeps
// the common words of earlier documents (with 2^12 slots, about 28 % of
// the tokens of 500 news documents missed; with 2^14, about 20 %).
const (
	tagCacheSlots    = 1 << 12
	tagCacheMaxSlots = 1 << 14
)

// tagWord is what tagging needs of one word (a token's text as prose
// sanitizes it), whatever its neighbours.
type tagWord struct {
	// Part of speech.
	fixed    string // the tag given without the model (see fixedTag)
	hasFixed bool
	posSelf  [3][]uint32 // "i suffix", "i word", "i pref1" (nil for the empty word)
	posPrev1 [2][]uint32 // as the word before: "i-1 word", "i-1 suffix"
	posPrev2 []uint32    // as the word two before: "i-2 word"
	posNext1 [2][]uint32 // "i+1 word", "i+1 suffix"
	posNext2 []uint32    // "i+2 word"

	// Named-entity labels.
	inWordList   int    // 1 if prose's word list has the word
	shape        string // proseShape
	prefix3      []prosemodel.Cell
	shapeRow     []prosemodel.Cell
	suffix3      []prosemodel.Cell
	wordRow      []prosemodel.Cell
	lowerRow     []prosemodel.Cell
	lenRow       []prosemodel.Cell
	asNext       []prosemodel.Cell // "nextword-" + lower case
	asPrev       []prosemodel.Cell // "prevword-" + lower case
	hWordNextpos uint64            // hash state of "word+nextpos-" + lower case + "+"
}

type tagCacheSlot struct {
	n    int // length of the word; 0: empty slot (the empty word is not cached)
	key  [tagWordMax]byte
	word tagWord
}

// tagCache is the word cache of one tagScratch, for one tagger (whose
// models the rows belong to).
type tagCache struct {
	tagger *tagger
	slots  []tagCacheSlot // a power of two of them
	misses int            // since the slots were made
}

// slot returns the slot of w.
func (c *tagCache) slot(w string) *tagCacheSlot {
	return &c.slots[maphash.String(tagCacheSeed, w)&uint64(len(c.slots)-1)]
}

// grow makes the cache four times larger, keeping its words.
func (c *tagCache) grow() {
	old := c.slots
	c.slots, c.misses = make([]tagCacheSlot, 4*len(old)), 0
	for i := range old {
		if o := &old[i]; o.n > 0 {
			*c.slot(string(o.key[:o.n])) = *o
		}
	}
}

var tagCacheSeed = maphash.MakeSeed()

// word sets *dst to what tagging needs of w, from the scratch's cache when
// it holds w. *dst is a copy: a later call may reuse the slot. (Writing
// through dst saves copying the large result once more.)
func (t *tagger) word(s *tagScratch, w string, dst *tagWord) {
	if len(w) == 0 || len(w) > tagWordMax {
		*dst = t.newTagWord(w)
		return
	}
	if s.cache == nil || s.cache.tagger != t {
		s.cache = &tagCache{tagger: t, slots: make([]tagCacheSlot, tagCacheSlots)}
	}
	slot := s.cache.slot(w)
	if slot.n != len(w) || string(slot.key[:slot.n]) != w {
		if c := s.cache; len(c.slots) < tagCacheMaxSlots {
			if c.misses++; c.misses >= len(c.slots)/4 {
				c.grow()
				slot = c.slot(w)
			}
		}
		slot.n = copy(slot.key[:], w)
		slot.word = t.newTagWord(w)
	}
	*dst = slot.word
}

// fixedTag returns the tag that prose's perceptronTagger gives w without
// the model: by its patterns or from its tag dictionary.
func (t *tagger) fixedTag(w string) (string, bool) {
	switch {
	case w == "-":
		return "-", true
	case proseIsEmoticon(w):
		return "SYM", true
	case proseIsLinkOrEmail(w) || strings.HasPrefix(w, "@"):
		return "NN", true
	case proseIsNone(w):
		return "-NONE-", true
	case proseIsKeep(w):
		// A copy: a cached word must not keep the caller's text alive.
		return strings.Clone(w), true
	}
	return t.pos.TagDict(w)
}

// newTagWord computes what tagging needs of w.
func (t *tagger) newTagWord(w string) tagWord {
	var tw tagWord
	tw.fixed, tw.hasFixed = t.fixedTag(w)
	var buf [64]byte
	ctx := proseNormalize(buf[:0], w) // the word in the perceptron's context

	var hs [16]uint64
	k := 0
	add := func(h uint64) { hs[k] = h; k++ }
	add(prosemodel.Hash(hISuffix, w[len(w)-min(len(w), 3):]))
	add(prosemodel.Hash(hIWord, ctx))
	add(prosemodel.Hash(hIm1Word, ctx))
	add(prosemodel.Hash(hIm1Suffix, proseSuffix3(ctx)))
	add(prosemodel.Hash(hIm2Word, ctx))
	add(prosemodel.Hash(hIp1Word, ctx))
	add(prosemodel.Hash(hIp1Suffix, proseSuffix3(ctx)))
	add(prosemodel.Hash(hIp2Word, ctx))
	if w != "" {
		// prose writes string(w[0]): the rune whose code is that byte.
		var b [2]byte
		add(prosemodel.Hash(hIPref1, utf8.AppendRune(b[:0], rune(w[0]))))
	}
	var rows [16][]uint32
	t.pos.Rows(hs[:k], rows[:k])
	tw.posSelf = [3][]uint32{rows[0], rows[1], rows[8]}
	tw.posPrev1 = [2][]uint32{rows[2], rows[3]}
	tw.posPrev2 = rows[4]
	tw.posNext1 = [2][]uint32{rows[5], rows[6]}
	tw.posNext2 = rows[7]

	if t.ner.InWordList(w) {
		tw.inWordList = 1
	}
	tw.shape = proseShape(w)
	var num [20]byte
	nh := [8]uint64{
		proseHashLower(hnPrefix3, w[:min(len(w), 3)]),
		prosemodel.Hash(hnShape, tw.shape),
		proseHashLower(hnSuffix3, w[len(w)-min(len(w), 3):]),
		prosemodel.Hash(hnWord, w),
		proseHashLower(hnWordLower, w),
		prosemodel.Hash(hnWordlen, strconv.AppendInt(num[:0], int64(len(w)), 10)),
		proseHashLower(hnNextword, w),
		proseHashLower(hnPrevword, w),
	}
	var cells [8][]prosemodel.Cell
	t.ner.Rows(nh[:], cells[:])
	tw.prefix3, tw.shapeRow, tw.suffix3, tw.wordRow = cells[0], cells[1], cells[2], cells[3]
	tw.lowerRow, tw.lenRow, tw.asNext, tw.asPrev = cells[4], cells[5], cells[6], cells[7]
	tw.hWordNextpos = prosemodel.HashByte(proseHashLower(hnWordNextpos, w), '+')
	return tw
}

// padWords are the perceptron's context words around a sentence, as
// neighbours: -START-, -START2-, -END-, -END2-.
type padWords struct {
	start, start2, end, end2 tagWord
}

// newPadWords computes the neighbour rows of the padding words.
func (t *tagger) newPadWords() padWords {
	pad := func(ctx string) tagWord {
		var tw tagWord
		hs := [6]uint64{
			prosemodel.Hash(hIm1Word, ctx),
			prosemodel.Hash(hIm1Suffix, ctx[len(ctx)-min(len(ctx), 3):]),
			prosemodel.Hash(hIm2Word, ctx),
			prosemodel.Hash(hIp1Word, ctx),
			prosemodel.Hash(hIp1Suffix, ctx[len(ctx)-min(len(ctx), 3):]),
			prosemodel.Hash(hIp2Word, ctx),
		}
		var rows [6][]uint32
		t.pos.Rows(hs[:], rows[:])
		tw.posPrev1 = [2][]uint32{rows[0], rows[1]}
		tw.posPrev2 = rows[2]
		tw.posNext1 = [2][]uint32{rows[3], rows[4]}
		tw.posNext2 = rows[5]
		return tw
	}
	return padWords{pad("-START-"), pad("-START2-"), pad("-END-"), pad("-END2-")}
}
