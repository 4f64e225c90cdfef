package ner

import (
	"strings"
	"testing"
)

// TestWordCacheExact checks that the emission scores computed with the word
// cache equal, exactly, the sums over every feature of prepare, on the
// first 1,000 sentences of the written corpus (about 27,000 words)
// labelled one after another with one Scratch (so that words hit, miss and
// evict each other's slots, and the cache grows), in mixed case and in
// capitals, with and without external bits.
func TestWordCacheExact(t *testing.T) {
	m := mustDefault(t)
	sents := writtenSentences(t)[:1000]
	var cached, plain Scratch
	for _, upper := range []bool{false, true} {
		for si, sent := range sents {
			words := sent.Words
			if upper {
				words = make([]string, len(sent.Words))
				for i, w := range sent.Words {
					words[i] = strings.ToUpper(w)
				}
			}
			var ext []uint64
			if si%3 == 0 {
				ext = make([]uint64, len(words))
				for i := range ext {
					ext[i] = uint64(i % 5)
				}
			}
			n := len(words)
			cached.emit = grow(cached.emit, n)
			m.emissions(words, ext, &cached)
			plain.prepare(words, ext, m.ct)
			for i := range n {
				want := m.sum(plain.feats[plain.off[i]:plain.off[i+1]], [NumLabels]int32{})
				if cached.emit[i] != want {
					t.Fatalf("sentence %d (upper %v), word %d %q: cached scores %v, want %v", si, upper, i, words[i], cached.emit[i], want)
				}
			}
		}
	}
	if n := len(cached.cache.slots); n != 1<<wordCacheMaxBits {
		t.Errorf("the cache has %d slots, want %d: it did not grow", n, 1<<wordCacheMaxBits)
	}
}
