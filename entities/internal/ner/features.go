package ner

import (
	"math/bits"
	"unicode"
	"unicode/utf8"
)

// Feature extraction. Every feature is a 64-bit hash of a template number
// and the hashes of the pieces it combines (words, shapes, affixes); the
// pieces are hashed with FNV-1a from reusable byte buffers, so no string is
// built. Changing what a template computes changes the meaning of a trained
// model: bump featureVersion, which the model file records.

// Feature versions identify the feature set below; Load rejects a model
// trained with another. featuresPlain is every template but the cluster
// ones (tCluster, tClusterAt), featuresClusters all of them.
const (
	featuresPlain    = 1
	featuresClusters = 2
)

const (
	fnvOffset uint64 = 14695981039346656037
	fnvPrime  uint64 = 1099511628211
)

func fnv(h uint64, b []byte) uint64 {
	for _, c := range b {
		h ^= uint64(c)
		h *= fnvPrime
	}
	return h
}

// mix is the 64-bit finaliser of MurmurHash3: a bijection that spreads
// every input bit over the output.
func mix(h uint64) uint64 {
	h ^= h >> 33
	h *= 0xff51afd7ed558ccd
	h ^= h >> 33
	h *= 0xc4ceb9fe1a85ec53
	h ^= h >> 33
	return h
}

func f1(t, a uint64) uint64    { return mix(a + t*0x9E3779B97F4A7C15) }
func f2(t, a, b uint64) uint64 { return mix(f1(t, a) + b*0xC2B2AE3D27D4EB4F) }
func f3(t, a, b, c uint64) uint64 {
	return mix(f2(t, a, b) + c*0x165667B19E3779F9)
}

// Templates. Those marked "u" are conjoined with the upper-case-sentence
// flag (their template number gets upperBit), so that a headline in capitals
// learns its own shape statistics.
const (
	tBias          uint64 = iota + 1
	tUpperSent            // the sentence is in capitals
	tWord                 // the word as written
	tLower                // lower-cased word
	tShape                // u: long shape (runs capped at 4)
	tShort                // u: short shape (runs collapsed)
	tPrefix               // lower-cased prefix of 1..4 runes (k folded in)
	tSuffix               // lower-cased suffix of 1..4 runes
	tFlag                 // u: one per set flag
	tLowerAt              // lower-cased word at offset -2..+2 (offset folded in)
	tShapeAt              // u: long shape at offset -2..+2
	tBigramL              // lower(i-1) lower(i)
	tBigramR              // lower(i) lower(i+1)
	tShapeL               // u: short(i-1) short(i)
	tShapeR               // u: short(i) short(i+1)
	tShape3               // u: short(i-1) short(i) short(i+1)
	tInitial              // u: sentence-initial, with the short shape
	tPrevWordShape        // lower(i-1) short(i)
	tNextWordShape        // short(i) lower(i+1)
	tLenShape             // u: sentence length bucket, short shape
	tRunFirst             // u: lower-cased first word of the capitalised run holding i
	tRunLast              // u: lower-cased last word of the run
	tRunPrev              // u: lower-cased word before the run
	tRunNext              // u: lower-cased word after the run
	tRunPos               // u: position in the run and its length
	tSuffixPrev           // lower suffix-3 of word i-1, short(i)
	tExt                  // caller's external bit
	tExtShape             // caller's external bit, short shape
	tExtPrev              // caller's external bit of token i-1
	tExtNext              // caller's external bit of token i+1
	tCluster              // cluster path prefix of 4, 6, 10, 20 bits and whole (length folded in)
	tClusterAt            // cluster path prefixes of the word at offset -2..+2 (offset folded in)
)

const upperBit = 1 << 32

// Token flags.
const (
	flInitCap   = 1 << iota // first rune upper-case
	flAllCaps               // has letters, all upper-case
	flLower                 // has letters, all lower-case
	flMixedCaps             // an upper-case letter after a lower-case one
	flHasDigit              //
	flAllDigit              // only digits
	flHasHyphen             //
	flHasPeriod             //
	flHasApos               //
	flPunct                 // no letter and no digit
	flSingleCap             // one upper-case letter, maybe with a period: "J", "J."
	flCapPeriod             // capitalised and ends with a period: "Mr.", "Corp."
	flLong                  // more than 12 runes
	numFlags    = iota
)

// tok is what feature extraction needs of one token.
type tok struct {
	word, lower, shape, short uint64
	pre, suf                  [4]uint64 // 0 where the word is shorter
	cpath                     uint64    // cluster path code (see clusters.go); 0 without a table
	flags                     uint32
	runStart, runEnd          int32 // the capitalised run holding the token, or -1
}

// Hashes of the padding tokens around a sentence.
var (
	padBefore = tok{word: 0xB0501, lower: 0xB0502, shape: 0xB0503, short: 0xB0504, runStart: -1, runEnd: -1}
	padAfter  = tok{word: 0xE0501, lower: 0xE0502, shape: 0xE0503, short: 0xE0504, runStart: -1, runEnd: -1}
)

// normalize appends to dst the form of w that features see: curly quotes,
// guillemets and PTB quote tokens become ASCII quotes, dashes become
// hyphens. The caller's words are never changed.
func normalize(dst []byte, w string) []byte {
	if w == "``" || w == "''" {
		return append(dst, '"')
	}
	for i := 0; i < len(w); {
		c := w[i]
		if c < utf8.RuneSelf {
			dst = append(dst, c)
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(w[i:])
		switch r {
		case '‘', '’', '‚', '‛', '′':
			dst = append(dst, '\'')
		case '“', '”', '„', '‟', '«', '»', '″':
			dst = append(dst, '"')
		case '–', '‒', '−', '‐', '‑':
			dst = append(dst, '-')
		case '—', '―':
			dst = append(dst, '-', '-')
		default:
			dst = append(dst, w[i:i+n]...)
		}
		i += n
	}
	return dst
}

// analyze fills t from one normalised word, using buf as scratch space,
// and returns buf for reuse. With a cluster table ct, t.cpath is the path
// of the word as written or, for a word with capitals that has none, of
// its capitalised form ("RUSSIA": "Russia") or its lower-cased one.
func analyze(t *tok, w []byte, buf []byte, ct *clusterTable) []byte {
	*t = tok{runStart: -1, runEnd: -1}
	t.word = fnv(fnvOffset, w)

	// Lower-cased form, with rune boundaries for the affixes.
	lower := buf[:0]
	var bounds [5]int // byte offsets of the first 4 rune ends
	var starts [4]int // byte offsets of the last 4 rune starts, by rune number mod 4
	nr := 0
	var flags uint32
	upper, lowerN, digits, letters := 0, 0, 0, 0
	prevLower := false
	for i := 0; i < len(w); {
		starts[nr%4] = len(lower)
		c := w[i]
		var r rune
		n := 1
		if c < utf8.RuneSelf {
			r = rune(c)
		} else {
			r, n = utf8.DecodeRune(w[i:])
			if r == utf8.RuneError && n == 1 {
				r = 'x' // an invalid byte counts as a lower-case letter
			}
		}
		switch {
		case 'a' <= r && r <= 'z':
			lowerN++
			letters++
			prevLower = true
			lower = append(lower, c)
		case 'A' <= r && r <= 'Z':
			if nr == 0 {
				flags |= flInitCap
			}
			if prevLower {
				flags |= flMixedCaps
			}
			upper++
			letters++
			prevLower = false
			lower = append(lower, c+'a'-'A')
		case '0' <= r && r <= '9':
			digits++
			prevLower = false
			lower = append(lower, c)
		case r < utf8.RuneSelf:
			switch r {
			case '-':
				flags |= flHasHyphen
			case '.':
				flags |= flHasPeriod
			case '\'':
				flags |= flHasApos
			}
			prevLower = false
			lower = append(lower, c)
		default:
			if unicode.IsUpper(r) {
				if nr == 0 {
					flags |= flInitCap
				}
				if prevLower {
					flags |= flMixedCaps
				}
				upper++
				letters++
				prevLower = false
				lower = utf8.AppendRune(lower, unicode.ToLower(r))
			} else {
				if unicode.IsLetter(r) {
					lowerN++
					letters++
					prevLower = true
				} else if unicode.IsDigit(r) {
					digits++
					prevLower = false
				} else {
					prevLower = false
				}
				lower = append(lower, w[i:i+n]...)
			}
		}
		nr++
		if nr <= 4 {
			bounds[nr] = len(lower)
		}
		i += n
	}
	switch {
	case letters > 0 && lowerN == 0:
		flags |= flAllCaps
	case letters > 0 && upper == 0:
		flags |= flLower
	}
	if digits > 0 {
		flags |= flHasDigit
		if digits == nr {
			flags |= flAllDigit
		}
	}
	if letters == 0 && digits == 0 {
		flags |= flPunct
	}
	if upper == 1 && letters == 1 && (nr == 1 || nr == 2 && w[len(w)-1] == '.') {
		flags |= flSingleCap
	}
	if flags&flInitCap != 0 && len(w) > 1 && w[len(w)-1] == '.' {
		flags |= flCapPeriod
	}
	if nr > 12 {
		flags |= flLong
	}
	t.flags = flags
	t.lower = fnv(fnvOffset, lower)
	if ct != nil {
		t.cpath = ct.find(t.word)
		if t.cpath == 1 && upper > 0 {
			if upper > 1 && lowerN == 0 && nr > 1 {
				_, n := utf8.DecodeRune(w)
				t.cpath = ct.find(fnv(fnv(fnvOffset, w[:n]), lower[bounds[1]:]))
			}
			if t.cpath == 1 {
				t.cpath = ct.find(t.lower)
			}
		}
	}

	// Affixes of the lower-cased form, by runes. A prefix or suffix as long
	// as the word is left out: the word features cover it.
	for k := 1; k <= 4 && k < nr; k++ {
		t.pre[k-1] = fnv(fnvOffset, lower[:bounds[k]])
	}
	for k := 1; k <= 4 && k < nr; k++ {
		t.suf[k-1] = fnv(fnvOffset, lower[starts[(nr-k)%4]:])
	}

	// Shapes: X upper, x lower, d digit, ASCII punctuation as itself, * for
	// other symbols. The long shape caps runs at 4, the short one at 1.
	shape := lower[len(lower):]
	var last byte
	run := 0
	short := fnvOffset
	for i := 0; i < len(w); {
		c := w[i]
		n := 1
		var s byte
		switch {
		case 'a' <= c && c <= 'z':
			s = 'x'
		case 'A' <= c && c <= 'Z':
			s = 'X'
		case '0' <= c && c <= '9':
			s = 'd'
		case c < utf8.RuneSelf:
			s = c
		default:
			var r rune
			r, n = utf8.DecodeRune(w[i:])
			switch {
			case r == utf8.RuneError && n == 1:
				s = 'x'
			case unicode.IsUpper(r):
				s = 'X'
			case unicode.IsLetter(r):
				s = 'x'
			case unicode.IsDigit(r):
				s = 'd'
			default:
				s = '*'
			}
		}
		i += n
		if s == last {
			run++
			if run >= 4 {
				continue
			}
		} else {
			run = 0
			short ^= uint64(s)
			short *= fnvPrime
		}
		last = s
		shape = append(shape, s)
	}
	t.shape = fnv(fnvOffset, shape)
	t.short = short
	return lower[:0]
}

// isConnector reports whether a lower-cased word may join two capitalised
// words into one run ("Bank of England", "AT & T").
func isConnector(lower uint64) bool {
	switch lower {
	case hOf, hDe, hAmp, hFor, hThe, hVon, hVan, hDer, hDu, hLa, hDel:
		return true
	}
	return false
}

var (
	hOf  = fnv(fnvOffset, []byte("of"))
	hDe  = fnv(fnvOffset, []byte("de"))
	hAmp = fnv(fnvOffset, []byte("&"))
	hFor = fnv(fnvOffset, []byte("for"))
	hThe = fnv(fnvOffset, []byte("the"))
	hVon = fnv(fnvOffset, []byte("von"))
	hVan = fnv(fnvOffset, []byte("van"))
	hDer = fnv(fnvOffset, []byte("der"))
	hDu  = fnv(fnvOffset, []byte("du"))
	hLa  = fnv(fnvOffset, []byte("la"))
	hDel = fnv(fnvOffset, []byte("del"))
)

// prepare analyses a sentence into s.toks (with two padding tokens on each
// side) and writes the features of token i to
// s.feats[s.off[i]:s.off[i+1]]: the features of the word itself
// (appendWordFeatures), those its neighbours give it
// (appendNeighbourFeatures) and those of its context
// (appendContextFeatures).
func (s *Scratch) prepare(words []string, ext []uint64, ct *clusterTable) {
	n := len(words)
	u := s.analyzeSentence(words, ct)
	toks := s.toks
	s.feats = s.feats[:0]
	s.off = grow(s.off, n+1)
	for i := range n {
		s.off[i] = int32(len(s.feats))
		fs := appendWordFeatures(s.feats, &toks[i+2], u)
		for k := range 4 {
			fs = appendNeighbourFeatures(fs, k+1, &toks[i+2+neighbourOffset[k]], u)
		}
		s.feats = s.appendContextFeatures(fs, i, n, u, ext)
	}
	s.off[n] = int32(len(s.feats))
}

// neighbourOffset[k-1] is the position, relative to a token, of the
// neighbour whose features carry offset code k: 1 and 2 the tokens before,
// 3 and 4 the tokens after.
var neighbourOffset = [4]int{-1, -2, 1, 2}

// analyzeSentence analyses the words into s.toks, with two padding tokens
// on each side, and marks the capitalised runs. It returns upperBit if the
// sentence is in capitals (a headline), else 0. ct is the cluster table of
// the model, nil for one trained without clusters.
func (s *Scratch) analyzeSentence(words []string, ct *clusterTable) (u uint64) {
	n := len(words)
	s.toks = grow(s.toks, n+4)
	toks := s.toks
	toks[0], toks[1] = padBefore, padBefore
	toks[n+2], toks[n+3] = padAfter, padAfter
	lowerToks, capsToks := 0, 0
	for i, w := range words {
		s.norm = normalize(s.norm[:0], w)
		s.analyzeMemo(&toks[i+2], s.norm, ct)
		f := toks[i+2].flags
		if f&flAllCaps == 0 && f&(flLower|flMixedCaps|flInitCap) != 0 {
			lowerToks++
		}
		if f&flAllCaps != 0 && len(s.norm) > 1 {
			capsToks++
		}
	}

	// Capitalised runs.
	isCap := func(t *tok) bool { return t.flags&(flInitCap|flAllCaps) != 0 && t.flags&flPunct == 0 }
	for i := 0; i < n; {
		if !isCap(&toks[i+2]) {
			i++
			continue
		}
		j := i + 1
		for j < n {
			if isCap(&toks[j+2]) {
				j++
			} else if j+1 < n && isConnector(toks[j+2].lower) && isCap(&toks[j+3]) {
				j += 2
			} else {
				break
			}
		}
		for k := i; k < j; k++ {
			toks[k+2].runStart, toks[k+2].runEnd = int32(i), int32(j)
		}
		i = j
	}
	if lowerToks == 0 && capsToks > 0 {
		return upperBit
	}
	return 0
}

// appendWordFeatures appends the features of token t that depend on its
// word alone (and on whether the sentence is in capitals, u).
func appendWordFeatures(fs []uint64, t *tok, u uint64) []uint64 {
	fs = append(fs,
		f1(tBias, 0),
		f1(tWord, t.word),
		f1(tLower, t.lower),
		f1(tShape|u, t.shape),
		f1(tShort|u, t.short),
	)
	if u != 0 {
		fs = append(fs, f1(tUpperSent, 0))
	}
	for k := range 4 {
		if t.pre[k] != 0 {
			fs = append(fs, f2(tPrefix, uint64(k), t.pre[k]))
		}
		if t.suf[k] != 0 {
			fs = append(fs, f2(tSuffix, uint64(k), t.suf[k]))
		}
	}
	for b := range numFlags {
		if t.flags&(1<<b) != 0 {
			fs = append(fs, f1(tFlag|u, uint64(b)))
		}
	}
	switch t.cpath {
	case 0:
	case 1:
		fs = append(fs, f2(tCluster, 0, 1))
	default:
		for _, l := range prefixLens {
			fs = append(fs, f2(tCluster, uint64(l), prefix(t.cpath, l)))
		}
		fs = append(fs, f2(tCluster, 0, t.cpath))
	}
	return fs
}

// appendNeighbourFeatures appends the features that neighbour nb gives a
// token from the position with offset code k (see neighbourOffset).
func appendNeighbourFeatures(fs []uint64, k int, nb *tok, u uint64) []uint64 {
	fs = append(fs, f2(tLowerAt, uint64(k), nb.lower), f2(tShapeAt|u, uint64(k), nb.shape))
	if nb.cpath > 1 {
		for _, l := range prefixLens {
			fs = append(fs, f3(tClusterAt, uint64(k), uint64(l), prefix(nb.cpath, l)))
		}
	}
	return fs
}

// appendContextFeatures appends the features of token i of n (s.toks[i+2])
// that combine it with its neighbours or depend on its place in the
// sentence, and the caller's external bits.
func (s *Scratch) appendContextFeatures(fs []uint64, i, n int, u uint64, ext []uint64) []uint64 {
	toks := s.toks
	t := &toks[i+2]
	p1, n1 := &toks[i+1], &toks[i+3]
	fs = append(fs,
		f2(tBigramL, p1.lower, t.lower),
		f2(tBigramR, t.lower, n1.lower),
		f2(tShapeL|u, p1.short, t.short),
		f2(tShapeR|u, t.short, n1.short),
		f3(tShape3|u, p1.short, t.short, n1.short),
		f2(tPrevWordShape, p1.lower, t.short),
		f2(tNextWordShape, t.short, n1.lower),
		f2(tLenShape|u, uint64(min(n, 6)), t.short),
		f2(tSuffixPrev, p1.suf[2], t.short),
	)
	if i == 0 {
		fs = append(fs, f1(tInitial|u, t.short))
	}
	if t.runStart >= 0 {
		a, e := int(t.runStart), int(t.runEnd)
		pos := uint64(0) // single
		switch {
		case e-a == 1:
		case i == a:
			pos = 1
		case i == e-1:
			pos = 2
		default:
			pos = 3
		}
		fs = append(fs,
			f1(tRunFirst|u, toks[a+2].lower),
			f1(tRunLast|u, toks[e+1].lower),
			f1(tRunPrev|u, toks[a+1].lower),
			f1(tRunNext|u, toks[e+2].lower),
			f2(tRunPos|u, pos, uint64(min(e-a, 4))),
		)
	}
	if len(ext) > n {
		ext = ext[:n]
	}
	if ext != nil {
		fs = appendExt(fs, ext, i, t.short)
	}
	return fs
}

func appendExt(fs []uint64, ext []uint64, i int, short uint64) []uint64 {
	if i < len(ext) {
		for x := ext[i]; x != 0; x &= x - 1 {
			b := uint64(bitIndex(x))
			fs = append(fs, f1(tExt, b), f2(tExtShape, b, short))
		}
	}
	if i > 0 && i-1 < len(ext) {
		for x := ext[i-1]; x != 0; x &= x - 1 {
			fs = append(fs, f1(tExtPrev, uint64(bitIndex(x))))
		}
	}
	if i+1 < len(ext) {
		for x := ext[i+1]; x != 0; x &= x - 1 {
			fs = append(fs, f1(tExtNext, uint64(bitIndex(x))))
		}
	}
	return fs
}

func bitIndex(x uint64) int { return bits.TrailingZeros64(x) }

// grow returns s resliced to length n, reallocating only if needed.
func grow[T any](s []T, n int) []T {
	if cap(s) < n {
		return make([]T, n, n+n/4)
	}
	return s[:n]
}

// Normalize returns w as the features see it (curly quotes and dashes as
// their ASCII forms; see normalize): the form under which a word is looked
// up in the cluster table, so the programs that build the table use it.
func Normalize(w string) string { return string(normalize(nil, w)) }

// The analysis memo. A token's analysis (analyze) depends on its
// normalised word alone, and news repeats its words, so a Scratch keeps
// the analyses of recent words: a direct-mapped array of slots indexed by
// a hash of the word, each holding the word (compared in full) and its
// analysis. A hit costs a hash and a comparison instead of the hashes of
// the word, its lower case, affixes and shapes.

// analysisMemoBits is the log2 of the number of slots of the memo (of 152
// bytes each: 1.2 MB), enough to keep most words of a document from the
// documents before (on 500 news documents, 2^13 slots did less work than
// 2^12 or 2^14).
const analysisMemoBits = 13

// analysisMemoMax is the longest word memoised; longer ones are analysed
// every time.
const analysisMemoMax = 24

type analysisSlot struct {
	n    uint8 // length of the word; 0: empty (the empty word is not memoised)
	word [analysisMemoMax]byte
	t    tok
}

// analyzeMemo sets t to analyze's analysis of the normalised word w with
// the cluster table ct, from the memo of s when it holds w. The memo holds
// the analyses of one cluster table: another empties it.
func (s *Scratch) analyzeMemo(t *tok, w []byte, ct *clusterTable) {
	if len(w) == 0 || len(w) > analysisMemoMax {
		s.buf = analyze(t, w, s.buf, ct)
		return
	}
	if s.memo == nil || s.memoCT != ct {
		s.memo, s.memoCT = make([]analysisSlot, 1<<analysisMemoBits), ct
	}
	h := fnv(fnvOffset, w) * 0x9E3779B97F4A7C15
	slot := &s.memo[h>>(64-analysisMemoBits)]
	if int(slot.n) == len(w) && string(slot.word[:slot.n]) == string(w) {
		*t = slot.t
		return
	}
	s.buf = analyze(t, w, s.buf, ct)
	slot.n = uint8(copy(slot.word[:], w))
	slot.t = *t
}
