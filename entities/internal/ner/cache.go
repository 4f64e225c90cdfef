package ner

// The word cache. About two thirds of a token's features depend on one
// word alone: its own word, shape, affixes and flags, and the word and
// shape it shows to the two tokens on each side (tLowerAt, tShapeAt).
// Their summed weights are the same wherever the word occurs, so a
// Scratch keeps them per distinct word analysis, and labelling a word
// seen before looks up only the ten or so features of its context instead
// of about thirty-five. Most words of news repeat ("the", ",", "said",
// names within an article), so this halves the cost of labelling.
//
// The cache is direct-mapped: a slot holds one word and a new word that
// hashes to an occupied slot replaces it. A slot is keyed by the word's
// complete analysis (every field of tok that the cached features read,
// plus the sentence's capitals bit), compared in full, so a hit gives
// exactly the weights that looking the features up would give.

// wordCacheBits is the log2 of the number of slots of a word cache when
// it is made, and wordCacheMaxBits of the most it grows to; one slot takes
// 304 bytes, so 13 bits make 2.4 MB and 14 make 4.8 MB. A cache grows
// (doubles) when it has missed a quarter as many times as it has slots
// since it last grew: a program that labels a few sentences keeps the small one,
// one that labels many documents keeps more of their common words (on 500
// news documents, the larger cache saves more work than it costs; a
// larger one still, no more).
const (
	wordCacheBits    = 13
	wordCacheMaxBits = 14
)

// wordWeights are the summed weights of the features that depend on one
// word alone: self for the word itself, neighbour[k-1] for the word seen
// from the token whose neighbour it is with offset code k (see
// neighbourOffset).
type wordWeights struct {
	self      [NumLabels]int32
	neighbour [4][NumLabels]int32
}

// wordKey is what the cached features of a word depend on.
type wordKey struct {
	t     tok // runStart and runEnd zeroed: no cached feature reads them
	upper uint64
	used  bool
}

type wordSlot struct {
	key wordKey
	w   wordWeights
}

// wordCache is the word cache of one Scratch, for one Model.
type wordCache struct {
	model  *Model
	slots  []wordSlot
	shift  uint // 64 - log2(len(slots)): a hash's top bits index slots
	misses int  // since the slots were made
}

func newWordCache(m *Model) *wordCache {
	return &wordCache{model: m, slots: make([]wordSlot, 1<<wordCacheBits), shift: 64 - wordCacheBits}
}

// hash returns the hash of a word's key, from its word, shape and
// capitals bit.
func (k *wordKey) hash() uint64 {
	return (k.t.word ^ k.t.shape*0x9E3779B97F4A7C15 ^ k.upper) * 0xC2B2AE3D27D4EB4F
}

// grow doubles the cache, keeping its words.
func (c *wordCache) grow() {
	old := c.slots
	c.slots, c.shift, c.misses = make([]wordSlot, 2*len(old)), c.shift-1, 0
	for i := range old {
		if o := &old[i]; o.key.used {
			c.slots[o.key.hash()>>c.shift] = *o
		}
	}
}

// get returns the weights of the word analysed as t in a sentence with
// capitals bit u, from the cache or computed and cached. s provides
// scratch space for the features (s.feats).
func (c *wordCache) get(t *tok, u uint64, s *Scratch) *wordWeights {
	key := wordKey{t: *t, upper: u, used: true}
	key.t.runStart, key.t.runEnd = 0, 0
	h := key.hash()
	slot := &c.slots[h>>c.shift]
	if slot.key == key {
		return &slot.w
	}
	if c.shift > 64-wordCacheMaxBits {
		if c.misses++; c.misses >= len(c.slots)/4 {
			c.grow()
			slot = &c.slots[h>>c.shift]
		}
	}
	slot.key = key
	m := c.model
	s.feats = appendWordFeatures(s.feats[:0], t, u)
	slot.w.self = m.sum(s.feats, [NumLabels]int32{})
	for k := range slot.w.neighbour {
		s.feats = appendNeighbourFeatures(s.feats[:0], k+1, t, u)
		slot.w.neighbour[k] = m.sum(s.feats, [NumLabels]int32{})
	}
	return &slot.w
}
