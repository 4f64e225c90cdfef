package gazetteer

import (
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/agnivade/levenshtein"
)

// Fuzzy matching finds names within a small edit distance of a text window
// through a symmetric-deletion index (the SymSpell method): every name key
// is stored under the hashes of the strings obtained by deleting up to d
// runes from a signature of the key, its first or its last fuzzyPrefix
// runes. Two strings within edit distance d have signatures that share a
// deletion variant with at most d deletions on each side (an edit inside a
// signature costs one deletion on each side, one outside it none), so the
// candidates of a query are found by hashing the query's own deletion
// variants of both signatures (at most 2 × 29 for d = 2) and reading their
// postings; each candidate is then verified with a real Levenshtein
// distance.
//
// Each name is indexed under one signature only, the rarer of its prefix
// and suffix among all names: "Republic of Abkhazia" under "khazia", not
// under "republi" that hundreds of names share, and "Zedland Party" under
// "zedland". The query probes both, so every name stays reachable and no
// posting list is crowded by a common first or last word. See doc.go for
// why this index and not a BK-tree or an n-gram index.
const (
	sigShort        = 7 // runes of the signature of a name of 7 or 8 letters (one edit)
	sigLong         = 9 // runes of the signature of a name of 9 or more letters (two edits)
	minFuzzyLetters = 7 // shorter names and windows are never matched fuzzily (see fuzzyBound)
	maxFuzzyUnits   = 4 // longest text window (in units) tried by Match
)

// Names within one edit (7 or 8 letters) and within two (9 or more) are
// indexed in two classes, with signatures of sigShort and sigLong runes: the
// longer signature keeps the deletion variants of long names (7 runes after
// two deletions) selective. A query probes the short class with one
// deletion and, when it has 9 or more letters, the long class with two.
//
// seeds gives each class and side its own hash seed, so that they do not
// share postings: seeds[long][suffix].
var seeds = [2][2]uint32{{2166136261, 0x9747b28c}, {0x1b873593, 0xcc9e2d51}}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

// fuzzyBound returns the largest edit distance accepted between a text
// window and a name, given the letters of the shorter of the two: none
// under 7 letters, 1 for 7 and 8, 2 from 9.
//
// The design allowed one edit from 5 letters. On the CoNLL-2003
// validation half, words of 5 and 6 letters one edit from a name were
// nearly all other words or other people (Boxing/Boeing, Arafat/Ararat,
// Bolton/Boston, Nigel/Niger, Baden/Biden, Duran/Durban), so fuzzy
// matching starts at 7 letters.
func fuzzyBound(letters int) int {
	switch {
	case letters < minFuzzyLetters:
		return 0
	case letters <= 8:
		return 1
	}
	return 2
}

// fuzzyIndex is the deletion index: sorted (hash, form) pairs, with a
// table over the top 16 bits of the hash to start each binary search.
//
// Most deletion variants of a text window are in no name, and reading
// their buckets and pairs costs two cache misses each, so a bit set of the
// hashes present (about sixteen bits per distinct hash, small enough to
// stay in the processor's cache) answers "absent" first for nearly all of
// them. It only skips hashes that have no pairs: results are unchanged.
type fuzzyIndex struct {
	pairs    []uint64 // hash<<32 | form index, sorted
	buckets  []uint32 // pairs with hash>>shift == b are pairs[buckets[b]:buckets[b+1]]
	shift    uint     // 32 minus the bits of the bucket table, about one pair per bucket
	maxUnits int      // most units of an indexed form, at most maxFuzzyUnits
	present  []uint64 // bit filterBit(h) is set for every hash h of pairs
	pshift   uint     // 32 minus the bits of present
	filter   fuzzyFilter
}

// filterBit returns the bit of hash h in x.present.
func (x *fuzzyIndex) filterBit(h uint32) uint32 { return (h * 0x9E3779B1) >> x.pshift }

// mayHave reports whether some pair may have hash h: false means none has.
func (x *fuzzyIndex) mayHave(h uint32) bool {
	b := x.filterBit(h)
	return x.present[b>>6]&(1<<(b&63)) != 0
}

func (x *fuzzyIndex) build(g *Gazetteer) {
	var runes [sigLong]rune
	var hashes []uint32
	// Which forms are indexed, and how common each signature is.
	var eligible []int32
	prefCount, sufCount := map[string]int32{}, map[string]int32{}
	total := 0
	for f := range g.forms {
		fm := &g.forms[f]
		if fm.letters < minFuzzyLetters || hasDigit(fm.key) { // windows with digits are never fuzzy
			continue
		}
		plain := false
		for _, r := range g.recs[fm.r0:fm.r1] {
			plain = plain || !r.acronym
		}
		if !plain { // acronyms match exactly or not at all
			continue
		}
		fm.fuzzy = true
		eligible = append(eligible, int32(f))
		x.maxUnits = max(x.maxUnits, min(int(fm.units), maxFuzzyUnits))
		size := sigSize(int(fm.letters))
		prefCount[signature(fm.key, size, false)]++
		sufCount[signature(fm.key, size, true)]++
		n := min(utf8.RuneCountInString(fm.key), size)
		total += 1 + n
		if fuzzyBound(int(fm.letters)) > 1 {
			total += n * (n - 1) / 2
		}
	}
	x.pairs = make([]uint64, 0, total)
	x.filter.init(total)
	for _, f := range eligible {
		fm := &g.forms[f]
		size := sigSize(int(fm.letters))
		suffix := sufCount[signature(fm.key, size, true)] < prefCount[signature(fm.key, size, false)]
		n := signatureRunes(runes[:], fm.key, size, suffix)
		d := fuzzyBound(int(fm.letters))
		hashes = appendDeleteHashes(hashes[:0], runes[:n], d, seeds[b2i(d > 1)][b2i(suffix)])
		first, _ := utf8.DecodeRuneInString(fm.key)
		x.filter.addForm(runes[:n], d, seeds[b2i(d > 1)][b2i(suffix)], first)
		x.filter.addWords(fm.key, int(fm.units))
		for _, h := range hashes {
			x.pairs = append(x.pairs, uint64(h)<<32|uint64(f))
		}
	}
	// Counting sort on the top bits of the hash, then a sort of each
	// (small) bucket: linear in the number of pairs.
	bits := min(max(bitsLen(len(x.pairs))-1, 8), 24)
	x.shift = 32 - uint(bits)
	nb := 1 << bits
	x.buckets = make([]uint32, nb+1)
	for _, p := range x.pairs {
		x.buckets[uint32(p>>32)>>x.shift+1]++
	}
	for i := 1; i < len(x.buckets); i++ {
		x.buckets[i] += x.buckets[i-1]
	}
	sorted := make([]uint64, len(x.pairs))
	next := slices.Clone(x.buckets[:nb])
	for _, p := range x.pairs {
		b := uint32(p>>32) >> x.shift
		sorted[next[b]] = p
		next[b]++
	}
	// Sort and deduplicate each bucket, compacting as we go.
	w := uint32(0)
	for b := 0; b < nb; b++ {
		lo, hi := x.buckets[b], x.buckets[b+1]
		bucket := sorted[lo:hi]
		if len(bucket) > 16 {
			slices.Sort(bucket)
		} else {
			for i := 1; i < len(bucket); i++ { // insertion sort: buckets hold a pair or two
				for j := i; j > 0 && bucket[j] < bucket[j-1]; j-- {
					bucket[j], bucket[j-1] = bucket[j-1], bucket[j]
				}
			}
		}
		x.buckets[b] = w
		for i, p := range bucket {
			if i > 0 && p == bucket[i-1] {
				continue
			}
			sorted[w] = p
			w++
		}
	}
	x.buckets[nb] = w
	x.pairs = slices.Clip(sorted[:w])

	pbits := min(max(bitsLen(len(x.pairs))+4, 10), 31)
	x.pshift = 32 - uint(pbits)
	x.present = make([]uint64, (1<<pbits+63)/64)
	for _, p := range x.pairs {
		b := x.filterBit(uint32(p >> 32))
		x.present[b>>6] |= 1 << (b & 63)
	}
}

func hasDigit(s string) bool {
	for i := 0; i < len(s); i++ {
		if '0' <= s[i] && s[i] <= '9' {
			return true
		}
	}
	return false
}

// bitsLen returns the number of bits needed for n.
func bitsLen(n int) int {
	b := 0
	for n > 0 {
		b++
		n >>= 1
	}
	return b
}

// sigSize returns the signature length of a name of the given letters.
func sigSize(letters int) int {
	if fuzzyBound(letters) > 1 {
		return sigLong
	}
	return sigShort
}

// signature returns the first (or last) size runes of key.
func signature(key string, size int, suffix bool) string {
	if !suffix {
		n, i := 0, 0
		for i < len(key) && n < size {
			_, w := utf8.DecodeRuneInString(key[i:])
			i += w
			n++
		}
		return key[:i]
	}
	n, i := 0, len(key)
	for i > 0 && n < size {
		_, w := utf8.DecodeLastRuneInString(key[:i])
		i -= w
		n++
	}
	return key[i:]
}

// signatureRunes stores the runes of key's signature in runes.
func signatureRunes(runes []rune, key string, size int, suffix bool) int {
	n := 0
	for _, r := range signature(key, size, suffix) {
		runes[n] = r
		n++
	}
	return n
}

// appendDeleteHashes appends the hashes of runes with 0, 1, ... d runes
// deleted (d <= 2): first the whole, then each single deletion in order,
// then each pair (i, j), i < j, in order. It equals calling hashSkip for
// each, but reuses the hash state of the common prefixes: FNV-1a reads
// the runes left to right, so the hash without runes i and j continues
// the hash of the runes before j without i.
func appendDeleteHashes(dst []uint32, runes []rune, d int, seed uint32) []uint32 {
	n := len(runes)
	var pre [sigLong + 1]uint32 // pre[k]: the state after runes[:k]
	if n >= len(pre) {
		return appendDeleteHashesSlow(dst, runes, d, seed)
	}
	pre[0] = seed
	for k, r := range runes {
		pre[k+1] = fnvRune(pre[k], r)
	}
	dst = append(dst, pre[n])
	if d >= 1 {
		for i := 0; i < n; i++ {
			dst = append(dst, fnvRunes(pre[i], runes[i+1:]))
		}
	}
	if d >= 2 {
		for i := 0; i < n; i++ {
			q := pre[i] // the state after runes[:j] without rune i
			for j := i + 1; j < n; j++ {
				dst = append(dst, fnvRunes(q, runes[j+1:]))
				q = fnvRune(q, runes[j])
			}
		}
	}
	return dst
}

func fnvRune(h uint32, r rune) uint32 { return (h ^ uint32(r)) * 16777619 }

func fnvRunes(h uint32, runes []rune) uint32 {
	for _, r := range runes {
		h = fnvRune(h, r)
	}
	return h
}

// appendDeleteHashesSlow is appendDeleteHashes by the definition.
func appendDeleteHashesSlow(dst []uint32, runes []rune, d int, seed uint32) []uint32 {
	n := len(runes)
	dst = append(dst, hashSkip(runes, -1, -1, seed))
	if d >= 1 {
		for i := 0; i < n; i++ {
			dst = append(dst, hashSkip(runes, i, -1, seed))
		}
	}
	if d >= 2 {
		for i := 0; i < n; i++ {
			for j := i + 1; j < n; j++ {
				dst = append(dst, hashSkip(runes, i, j, seed))
			}
		}
	}
	return dst
}

// hashSkip is FNV-1a over the runes, leaving out indexes i and j.
func hashSkip(runes []rune, i, j int, seed uint32) uint32 {
	h := seed
	for k, r := range runes {
		if k == i || k == j {
			continue
		}
		h ^= uint32(r)
		h *= 16777619
	}
	return h
}

// candidate is a fuzzy candidate within the bound.
type candidate struct {
	form int32
	dist int
}

// fuzzySearch puts into s.hits the forms within reach of key, a window of
// the given number of letters: within fuzzyBound of the shorter of the two,
// and never more than d = fuzzyBound(letters).
func (g *Gazetteer) fuzzySearch(s *scratch, key string, letters, d int) {
	s.hits = s.hits[:0]
	if len(g.fz.pairs) == 0 || d == 0 || !g.fz.filter.mayMatch(s, key, d) {
		return
	}
	g.searchIndex(s, key, letters, d)
}

// searchIndex is fuzzySearch without the filter: it reads the postings of
// every deletion variant of key and appends the forms within reach to
// s.hits (empty on entry; d > 0).
func (g *Gazetteer) searchIndex(s *scratch, key string, letters, d int) {
	x := &g.fz
	s.hashes = s.hashes[:0]
	for _, suffix := range [2]bool{false, true} {
		n := signatureRunes(s.runes[:], key, sigShort, suffix)
		s.hashes = appendDeleteHashes(s.hashes, s.runes[:n], 1, seeds[0][b2i(suffix)])
		if d > 1 {
			n := signatureRunes(s.runes[:], key, sigLong, suffix)
			s.hashes = appendDeleteHashes(s.hashes, s.runes[:n], 2, seeds[1][b2i(suffix)])
		} else {
			// A query of 7 or 8 letters reaches long names with one edit.
			n := signatureRunes(s.runes[:], key, sigLong, suffix)
			s.hashes = appendDeleteHashes(s.hashes, s.runes[:n], 1, seeds[1][b2i(suffix)])
		}
	}
	if len(s.stamp) < len(g.forms) {
		s.stamp = make([]uint32, len(g.forms))
		s.gen = 0
	}
	s.gen++
	if s.gen == 0 { // wrapped: forget old stamps
		clear(s.stamp)
		s.gen = 1
	}
	first, _ := utf8.DecodeRuneInString(key)
	for _, h := range s.hashes {
		if !x.mayHave(h) {
			continue
		}
		lo, hi := x.buckets[h>>x.shift], x.buckets[h>>x.shift+1]
		// binary search for the first pair with this hash
		want := uint64(h) << 32
		for lo < hi {
			m := lo + (hi-lo)/2
			if x.pairs[m] < want {
				lo = m + 1
			} else {
				hi = m
			}
		}
		for i := lo; i < uint32(len(x.pairs)) && uint32(x.pairs[i]>>32) == h; i++ {
			f := int32(uint32(x.pairs[i]))
			if s.stamp[f] == s.gen {
				continue
			}
			s.stamp[f] = s.gen
			fm := &g.forms[f]
			if diff := int(fm.letters) - letters; diff > d || -diff > d {
				continue
			}
			if r, _ := utf8.DecodeRuneInString(fm.key); r != first {
				continue
			}
			bound := fuzzyBound(min(letters, int(fm.letters)))
			if bound == 0 {
				continue
			}
			if dist := levenshtein.ComputeDistance(key, fm.key); dist <= bound && g.plausible(key, f) {
				s.hits = append(s.hits, candidate{f, dist})
			}
		}
	}
}

// plausible applies the rules that distance alone cannot: key (a text
// window) and the name of form f must not differ only by their endings
// (Albert/Alberta, Holland/Hollande, Clintons/Clinton, North
// Africans/North Africa) or by their last letter (Alberto/Alberta,
// Georgias/Georgian, Warszawy/Warszawa): such pairs are other names,
// other people or other word forms, not misspellings. (The plural of an adjective, "Russians",
// is matched before fuzzy matching.) A window of several words must have
// as many words as the name, each within the bound of its own length, so
// that "Republican Army" is not "Republican Party", nor "Charles VI"
// "Charles III".
func (g *Gazetteer) plausible(key string, f int32) bool {
	name := g.forms[f].key
	if !plausibleWord(key, name) {
		return false
	}
	wn := strings.Count(key, " ") + 1
	if wn == 1 {
		return true
	}
	if wn != int(g.forms[f].units) {
		return false
	}
	for range wn {
		kw, krest, _ := strings.Cut(key, " ")
		nw, nrest, _ := strings.Cut(name, " ")
		if kw != nw {
			if d := levenshtein.ComputeDistance(kw, nw); d > fuzzyBound(min(countLetters(kw), countLetters(nw))) || !plausibleWord(kw, nw) {
				return false
			}
		}
		key, name = krest, nrest
	}
	return true
}

// plausibleWord rejects two different keys where one is a prefix of the
// other or that differ only in their last letter.
func plausibleWord(a, b string) bool {
	if strings.HasPrefix(a, b) || strings.HasPrefix(b, a) {
		return false
	}
	_, wa := utf8.DecodeLastRuneInString(a)
	_, wb := utf8.DecodeLastRuneInString(b)
	return a[:len(a)-wa] != b[:len(b)-wb]
}

// bestPlain returns the index in g.recs of the best name of form f that
// is not an acronym, or -1.
func (g *Gazetteer) bestPlain(f int32) int32 {
	fm := &g.forms[f]
	for i := fm.r0; i < fm.r1; i++ {
		if !g.recs[i].acronym {
			return i
		}
	}
	return -1
}

// pickFuzzy chooses among s.hits for a window key: the closest form,
// unless another entry is about as close (a typo could be either) or the
// form belongs to a group of confusable names and another of the group is
// within reach. It returns the form, its distance and the rec, or ok false.
func (g *Gazetteer) pickFuzzy(s *scratch, key string, d int) (best candidate, r int32, ok bool) {
	r = -1
	for _, h := range s.hits {
		hr := g.bestPlain(h.form)
		if hr < 0 {
			continue
		}
		if r < 0 || h.dist < best.dist || h.dist == best.dist && g.rank(g.recs[hr], g.recs[r]) < 0 {
			best, r = h, hr
		}
	}
	if r < 0 {
		return best, -1, false
	}
	bestEntry := g.recs[r].entry
	for _, h := range s.hits {
		hr := g.bestPlain(h.form)
		if hr >= 0 && g.recs[hr].entry != bestEntry && h.dist <= best.dist+1 {
			return best, -1, false
		}
	}
	if grp, in := g.conf[g.forms[best.form].key]; in {
		for _, other := range g.confKeys[grp] {
			if other == g.forms[best.form].key {
				continue
			}
			if of, ok := g.byKey[other]; ok && g.formHasEntry(of, bestEntry) {
				continue
			}
			if levenshtein.ComputeDistance(key, other) <= d {
				return best, -1, false
			}
		}
	}
	return best, r, true
}

func (g *Gazetteer) formHasEntry(f int32, entry int32) bool {
	fm := &g.forms[f]
	for _, r := range g.recs[fm.r0:fm.r1] {
		if r.entry == entry {
			return true
		}
	}
	return false
}
