package gazetteer

import (
	"math/bits"
	"strings"
	"unicode/utf8"
)

// The negative filter of fuzzy searches. Over 99 % of the fuzzy searches
// of a text find nothing, and most find not even a deletion variant that
// some name shares; yet each computes about a hundred FNV-1a hashes of
// deletion variants (each a pass over up to 9 runes) and probes the index
// with them. fuzzyFilter answers "no name can be within reach" for most
// of them at a fraction of the cost:
//
//   - its keys are the deletion variants that the index holds, each with
//     its class and side (the seed) and the first rune of the name's key:
//     fuzzySearch keeps only names that start with the window's first
//     rune, so a variant shared with names of another first rune leads
//     to nothing;
//   - they are hashed with a polynomial hash, whose deletion variants
//     follow from the prefix sums of the runes in a few operations each,
//     instead of FNV-1a's pass over the rest of the runes;
//   - they are kept in a blocked Bloom filter: one 64-bit word per key,
//     with filterK bits set in it, so that a probe reads one word.
//
// A window of several words must also pass a check that costs less than
// its variants: [Gazetteer.plausible] accepts a name for it only if the
// name has as many units as the window has words and, word by word, each
// word of the window is within the bound of the shorter of it and the
// name's word, which is 0 below minFuzzyLetters letters. So each short
// word of the window must be, exactly, the word at its place in some name
// of that many units. The filter holds these words too, under their own
// salt (wordKey), and a window whose short word is not there is done.
//
// A window passes when its words pass and one of its variants may be a key; only then does
// fuzzySearch run as before. The filter has no false negatives: every
// name that fuzzySearch can report shares a deletion variant with the
// window (the index is built on that) and starts with the window's first
// rune, so some key of the filter is one of the window's probes. Results
// are therefore the same with and without it (TestFuzzyFilter checks it
// against the search alone and against a brute-force scan of all names).
type fuzzyFilter struct {
	words  []uint64 // the blocks
	bshift uint     // 64 minus the bits of the block index
}

const (
	polyBase = 0x01000193 // B, odd: invertible modulo 2^32
	polyInv  = 0x359c449b // B⁻¹ modulo 2^32 (TestPolyInverse)
	polyInv2 = 0xdd4ab5d9 // B⁻² modulo 2^32
	filterK  = 4          // bits per key in its block
)

// polyPow[k] is B^k.
var polyPow = func() (p [sigLong + 1]uint32) {
	p[0] = 1
	for k := 1; k < len(p); k++ {
		p[k] = p[k-1] * polyBase
	}
	return p
}()

// polyRune is a rune's term in the polynomial hash, a bijection of uint32.
func polyRune(r rune) uint32 { return (uint32(r) ^ 0x5bd1e995) * 0x9E3779B1 }

// filterSalt is the part of a key that is not its variant: the seed of
// its class and side and the first rune of the name.
func filterSalt(seed uint32, first rune) uint32 {
	return seed*0x85EBCA6B + uint32(first)*0xC2B2AE35
}

// filterMasks are the patterns of bits that a key sets in its block:
// filterK distinct bits each, from a fixed pseudo-random sequence, so that
// a probe reads its pattern instead of computing filterK shifts.
var filterMasks = func() (t [1 << 12]uint64) {
	x := uint64(0x2545F4914F6CDD1D)
	for i := range t {
		for bits.OnesCount64(t[i]) < filterK {
			x ^= x << 13 // xorshift64
			x ^= x >> 7
			x ^= x << 17
			t[i] |= 1 << (x >> 58)
		}
	}
	return t
}()

// filterMask returns the block of key k and the bits of k in it.
func (f *fuzzyFilter) filterMask(k uint32) (block uint64, mask uint64) {
	z := uint64(k) * 0x9E3779B97F4A7C15
	return z >> f.bshift, filterMasks[z>>20&(1<<12-1)]
}

// add adds key k.
func (f *fuzzyFilter) add(k uint32) {
	b, m := f.filterMask(k)
	f.words[b] |= m
}

// mayHave reports whether key k may have been added: false means it was not.
func (f *fuzzyFilter) mayHave(k uint32) bool {
	b, m := f.filterMask(k)
	return f.words[b]&m == m
}

// prefixSums sets pre[k] to the polynomial hash of runes[:k] and returns
// pre[:len(runes)+1]; len(runes) must be at most sigLong.
func prefixSums(pre *[sigLong + 1]uint32, runes []rune) []uint32 {
	pre[0] = 0
	for k, r := range runes {
		pre[k+1] = pre[k] + polyRune(r)*polyPow[k]
	}
	return pre[:len(runes)+1]
}

// visitDeleteKeys calls visit with the key of each variant of runes with
// 0, 1, ... d runes deleted (d <= 2, len(runes) <= sigLong), salted with
// salt, in the order of appendDeleteHashes, until visit returns true. It
// reports whether visit did.
//
// The hash of a string is the sum of polyRune(r)·B^p over its runes r at
// positions p, so deleting rune i keeps the sum before i and divides the
// sum after it by B: pre[i] + (pre[n] − pre[i+1])·B⁻¹.
func visitDeleteKeys(runes []rune, d int, salt uint32, visit func(uint32) bool) bool {
	var buf [sigLong + 1]uint32
	pre := prefixSums(&buf, runes)
	n := len(runes)
	all := pre[n]
	if visit(all + salt) {
		return true
	}
	if d >= 1 {
		for i := 0; i < n; i++ {
			if visit(pre[i] + (all-pre[i+1])*polyInv + salt) {
				return true
			}
		}
	}
	if d >= 2 {
		for i := 0; i < n; i++ {
			for j := i + 1; j < n; j++ {
				h := pre[i] + (pre[j]-pre[i+1])*polyInv + (all-pre[j+1])*polyInv2
				if visit(h + salt) {
					return true
				}
			}
		}
	}
	return false
}

// anyDeleteKey reports whether some variant of runes with at most d
// deletions, salted with salt, may be a key of f: visitDeleteKeys with
// f.mayHave, rearranged so that each probe costs two additions. With
// head[i] = pre[i] − pre[i+1]·B⁻¹ and tail[j] = pre[j]·B⁻¹ +
// (pre[n] − pre[j+1])·B⁻², the variant without i is head[i] + pre[n]·B⁻¹
// and the variant without i and j is head[i] + tail[j].
func (f *fuzzyFilter) anyDeleteKey(runes []rune, d int, salt uint32) bool {
	var buf, head, tail [sigLong + 1]uint32
	pre := prefixSums(&buf, runes)
	n := len(runes)
	all := pre[n]
	if f.mayHave(all + salt) {
		return true
	}
	if d < 1 {
		return false
	}
	one := all*polyInv + salt
	for i := 0; i < n; i++ {
		head[i] = pre[i] - pre[i+1]*polyInv
		if f.mayHave(head[i] + one) {
			return true
		}
	}
	if d < 2 {
		return false
	}
	for j := 1; j < n; j++ {
		tail[j] = pre[j]*polyInv + (all-pre[j+1])*polyInv2 + salt
	}
	for i := 0; i < n; i++ {
		for j := i + 1; j < n; j++ {
			if f.mayHave(head[i] + tail[j]) {
				return true
			}
		}
	}
	return false
}

// init sizes f for about keys keys, empty.
func (f *fuzzyFilter) init(keys int) {
	bits := min(max(bitsLen(keys)-1, 6), 20) // 32 to 64 bits per key (fewer past 2^21 keys)
	f.bshift = 64 - uint(bits)
	f.words = make([]uint64, 1<<bits)
}

// addForm adds the keys of a form of the index: the variants of runes (its
// signature) with at most d deletions, salted with the seed of its class
// and side and with first, the first rune of its key.
func (f *fuzzyFilter) addForm(runes []rune, d int, seed uint32, first rune) {
	visitDeleteKeys(runes, d, filterSalt(seed, first), func(k uint32) bool {
		f.add(k)
		return false
	})
}

// wordKey returns the key of word w at place p (from 0) of a name of n
// units: FNV-1a over its bytes, salted with n and p.
func wordKey(n, p int, w string) uint32 {
	h := uint32(0x811C9DC5) + uint32(n)*0x9E3779B1 + uint32(p)*0x85EBCA6B
	for i := 0; i < len(w); i++ {
		h = (h ^ uint32(w[i])) * 16777619
	}
	return h
}

// addWords adds the keys of the short words of key, the key of an indexed
// form of the given units, split as [Gazetteer.plausible] splits it. A
// form of one unit has none: plausible compares a window of one word
// with any name as a whole.
func (f *fuzzyFilter) addWords(key string, units int) {
	if units < 2 {
		return
	}
	for p := range units {
		w, rest, _ := strings.Cut(key, " ")
		if countLetters(w) < minFuzzyLetters {
			f.add(wordKey(units, p, w))
		}
		key = rest
	}
}

// wordsMayMatch reports whether every short word of key, a window of
// several words, may be the word at its place of some name of as many
// units: false means that plausible accepts no name for key.
func (f *fuzzyFilter) wordsMayMatch(key string) bool {
	wn := strings.Count(key, " ") + 1
	if wn == 1 {
		return true
	}
	for p := range wn {
		w, rest, _ := strings.Cut(key, " ")
		if countLetters(w) < minFuzzyLetters && !f.mayHave(wordKey(wn, p, w)) {
			return false
		}
		key = rest
	}
	return true
}

// mayMatch reports whether a fuzzy search of key, with bound d, may find
// a name: false means that fuzzySearch would find none. It probes the
// same signatures and deletions as fuzzySearch.
func (f *fuzzyFilter) mayMatch(s *scratch, key string, d int) bool {
	if len(f.words) == 0 {
		return true
	}
	if !f.wordsMayMatch(key) {
		return false
	}
	first, _ := utf8.DecodeRuneInString(key)
	for _, suffix := range [2]bool{false, true} {
		n := signatureRunes(s.runes[:], key, sigShort, suffix)
		if f.anyDeleteKey(s.runes[:n], 1, filterSalt(seeds[0][b2i(suffix)], first)) {
			return true
		}
		n = signatureRunes(s.runes[:], key, sigLong, suffix)
		if f.anyDeleteKey(s.runes[:n], min(d, 2), filterSalt(seeds[1][b2i(suffix)], first)) {
			return true
		}
	}
	return false
}
