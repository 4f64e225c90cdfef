package entities

import (
	"math"
	"math/bits"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/statecraft/statecraft/entities/internal/prosemodel"
)

// This file computes the part-of-speech tags and named-entity labels of
// prose v2.0.0 (github.com/jdkato/prose/v2: tag.go, extract.go) with
// prose's own trained weights, as package prosemodel's tables hold them, and the
// same features built the same way. The differences from prose are only
// these, and they are deliberate:
//
//   - Tagging works on one sentence at a time. prose tags the whole text as
//     a single sequence, so its first and last tokens of a sentence see the
//     neighbouring sentence's words; the models were trained on sentences,
//     and a one-sentence text gets the same result from both.
//   - prose's tokenizer hands repeated words the same *Token, so every
//     occurrence ends up with the tag and label of the last one. Here each
//     token is tagged on its own.
//   - prose rewrites curly quotes and "&rsquo;" in the whole text before
//     tokenizing. Here the same replacement is applied to a lookup copy of
//     each token (Token.Text is never rewritten); a "&rsquo;" that the
//     tokenizer splits is not replaced.
//   - Ties. prose sums a perceptron score over Go maps in random order and
//     takes the arg max over a map in random order, so equal scores are
//     resolved at random and its output can differ between runs. Here the
//     perceptron weights, which prose rounded to thousandths, are summed as
//     exact integers and a tie goes to the class listed first in prose's
//     classes.gob. Every prose summation order yields floats within 1e-12 of
//     the exact sum while distinct sums differ by at least 0.001, so
//     outside exact ties the arg max is the one every run of prose finds.
//     The maxent scores are float64 sums in prose's fixed feature order, so
//     they are bit for bit prose's; a tie goes to the label listed first in
//     labels.gob, where prose picks at random.
//   - As in prose, a class takes part in the perceptron's arg max only if
//     some feature of the token has a weight for it.

// tagger assigns prose's part-of-speech tags and named-entity labels to
// the tokens of a sentence. It is immutable and safe for concurrent use;
// per-call state lives in a [tagScratch].
type tagger struct {
	pos *prosemodel.POS
	ner *prosemodel.NER

	// The features that every token has, summed once: the perceptron's
	// "bias", and the maxent model's "bias-True" followed by
	// "en-wordlist-False" (nerStart[0]) or "en-wordlist-True"
	// (nerStart[1]), which come first in prose's feature order, so that
	// continuing from these partial sums adds the same floats in the same
	// order as prose.
	posBias  posScores
	nerStart [2][]float64

	// Rows of the word-only features of the padding words and of the
	// missing neighbours ("nextword-None", "prevword-None"); see
	// tagwords.go.
	pads                     padWords
	nerNextNone, nerPrevNone []prosemodel.Cell
}

// sharedTagger opens prose's models once per process; every [Extractor]
// shares the result, which is read-only.
var sharedTagger = sync.OnceValues(func() (*tagger, error) {
	pos, ner, err := prosemodel.Load()
	if err != nil {
		return nil, err
	}
	return newTagger(pos, ner), nil
})

func newTagger(pos *prosemodel.POS, ner *prosemodel.NER) *tagger {
	t := &tagger{pos: pos, ner: ner}
	t.posBias.add(pos.Row(hBias))
	for i, wl := range [2]uint64{hnWordlistFalse, hnWordlistTrue} {
		sc := make([]float64, len(ner.Labels))
		for _, h := range [2]uint64{hnBias, wl} {
			for _, c := range ner.Row(h) {
				sc[c.Label] += c.Weight
			}
		}
		t.nerStart[i] = sc
	}
	t.pads = t.newPadWords()
	t.nerNextNone = ner.Row(prosemodel.Hash(hnNextword, "None"))
	t.nerPrevNone = ner.Row(prosemodel.Hash(hnPrevword, "None"))
	return t
}

// tagScratch is the reusable per-call state of a tagger: the lookup forms
// of one sentence's words and score accumulators. A scratch is used by one
// goroutine at a time.
type tagScratch struct {
	words  []string // prose's sanitized copy of each token's text
	ctx    [][]byte // prose's perceptron context: -START-, -START2-, normalized words, -END-, -END2-
	spans  []int    // arena offsets of ctx, while the arena grows
	arena  []byte
	tags   []string
	scores [256]float64 // maxent scores by label (labels are bytes)
	// What tagging needs of the words around the one being tagged (see
	// tagwords.go): word j is at ring[j%len(ring)]. Tagging a word looks
	// at two words on each side, so memory does not grow with the length
	// of a sentence.
	ring  [8]tagWord
	cache *tagCache // allocated on first use
}

// release drops the scratch's references to the caller's text, so that a
// pooled scratch does not keep a large text alive.
func (s *tagScratch) release() {
	clear(s.words[:cap(s.words)])
	s.words = s.words[:0]
}

// tag sets Tag and Label of every token of one sentence, in one pass:
// the part-of-speech tag of word j, then the entity label of word j-1,
// whose features include the tag of the word after it.
func (t *tagger) tag(toks []Token, s *tagScratch) {
	n := len(toks)
	if n == 0 {
		return
	}
	s.prepare(toks)
	for j := range min(n, 2) {
		t.word(s, s.words[j], &s.ring[j%len(s.ring)])
	}
	p1, p2 := "-START-", "-START2-"
	prevtag := "None"
	for j := range n {
		if j+2 < n {
			t.word(s, s.words[j+2], &s.ring[(j+2)%len(s.ring)])
		}
		tag := t.tagPOS(s, j, p1, p2)
		s.tags = append(s.tags, tag)
		toks[j].Tag = tag
		p2, p1 = p1, tag
		if j > 0 {
			prevtag = t.tagNER(toks, s, j-1, prevtag)
		}
	}
	t.tagNER(toks, s, n-1, prevtag)
}

// wordAt returns what tagging needs of the j-th word of a sentence of n
// as a neighbour, j from -2 (the padding word -START-) to n+1 (-END2-).
func (t *tagger) wordAt(s *tagScratch, j, n int) *tagWord {
	switch {
	case j >= 0 && j < n:
		return &s.ring[j%len(s.ring)]
	case j == -2:
		return &t.pads.start
	case j == -1:
		return &t.pads.start2
	case j == n:
		return &t.pads.end
	default:
		return &t.pads.end2
	}
}

// prepare fills the lookup forms of toks.
func (s *tagScratch) prepare(toks []Token) {
	n := len(toks)
	s.words = s.words[:0]
	s.spans = s.spans[:0]
	s.arena = s.arena[:0]
	s.tags = s.tags[:0]
	s.spans = append(s.spans, 0)
	s.arena = append(s.arena, "-START-"...)
	s.spans = append(s.spans, len(s.arena))
	s.arena = append(s.arena, "-START2-"...)
	s.spans = append(s.spans, len(s.arena))
	for i := range toks {
		w := proseSanitize(toks[i].Text)
		s.words = append(s.words, w)
		s.arena = proseNormalize(s.arena, w)
		s.spans = append(s.spans, len(s.arena))
	}
	s.arena = append(s.arena, "-END-"...)
	s.spans = append(s.spans, len(s.arena))
	s.arena = append(s.arena, "-END2-"...)
	s.spans = append(s.spans, len(s.arena))
	s.ctx = s.ctx[:0]
	for i := range n + 4 {
		s.ctx = append(s.ctx, s.arena[s.spans[i]:s.spans[i+1]])
	}
}

// Hash states of the perceptron feature names, each with its separator.
var (
	hBias        = prosemodel.Hash(prosemodel.Offset, "bias")
	hISuffix     = prosemodel.Hash(prosemodel.Offset, "i suffix ")
	hIPref1      = prosemodel.Hash(prosemodel.Offset, "i pref1 ")
	hIm1Tag      = prosemodel.Hash(prosemodel.Offset, "i-1 tag ")
	hIm2Tag      = prosemodel.Hash(prosemodel.Offset, "i-2 tag ")
	hITagIm2Tag  = prosemodel.Hash(prosemodel.Offset, "i tag+i-2 tag ")
	hIWord       = prosemodel.Hash(prosemodel.Offset, "i word ")
	hIm1TagIWord = prosemodel.Hash(prosemodel.Offset, "i-1 tag+i word ")
	hIm1Word     = prosemodel.Hash(prosemodel.Offset, "i-1 word ")
	hIm1Suffix   = prosemodel.Hash(prosemodel.Offset, "i-1 suffix ")
	hIm2Word     = prosemodel.Hash(prosemodel.Offset, "i-2 word ")
	hIp1Word     = prosemodel.Hash(prosemodel.Offset, "i+1 word ")
	hIp1Suffix   = prosemodel.Hash(prosemodel.Offset, "i+1 suffix ")
	hIp2Word     = prosemodel.Hash(prosemodel.Offset, "i+2 word ")
)

// tagPOS is prose's perceptronTagger.tag for the j-th word, whose two
// predecessors were tagged p1 and p2.
func (t *tagger) tagPOS(s *tagScratch, j int, p1, p2 string) string {
	if w := t.wordAt(s, j, len(s.words)); w.hasFixed {
		return w.fixed
	}
	return t.predictPOS(s, j, p1, p2)
}

// posScores accumulates perceptron scores: exact sums in thousandths, and
// the set of classes that some feature has a weight for.
type posScores struct {
	sum  [prosemodel.MaxClasses]int32
	seen uint64
}

func (a *posScores) add(row []uint32) {
	seen := a.seen
	for _, e := range row {
		c := prosemodel.EntryClass(e) & (prosemodel.MaxClasses - 1)
		a.sum[c] += prosemodel.EntryWeight(e)
		seen |= 1 << c
	}
	a.seen = seen
}

// predictPOS is prose's averagedPerceptron.predict for the j-th word,
// whose two predecessors were tagged p1 and p2.
func (t *tagger) predictPOS(s *tagScratch, j int, p1, p2 string) string {
	a := t.scorePOS(s, j, p1, p2)
	best := a.best()
	if best < 0 || best >= len(t.pos.Classes) {
		return "" // prose's max over an empty map
	}
	return t.pos.Classes[best]
}

// best returns the class with the highest score among those seen, the
// first in class order on a tie, or -1 if no class was seen.
func (a *posScores) best() int {
	best := -1
	for seen := a.seen; seen != 0; seen &= seen - 1 {
		c := bits.TrailingZeros64(seen)
		if best < 0 || a.sum[c] > a.sum[best] {
			best = c
		}
	}
	return best
}

// scorePOS sums the weights of prose's featurize(i, context, w, p1, p2)
// for the j-th word w: the bias (t.posBias), the features of the words
// alone (s.ring and the padding words) and those of the previous tags,
// looked up here. Integer sums: the order does not matter.
func (t *tagger) scorePOS(s *tagScratch, j int, p1, p2 string) posScores {
	ctx := s.ctx[j+2]
	hs := [4]uint64{
		prosemodel.Hash(hIm1Tag, p1),
		prosemodel.Hash(hIm2Tag, p2),
		prosemodel.Hash(prosemodel.HashByte(prosemodel.Hash(hITagIm2Tag, p1), ' '), p2),
		prosemodel.Hash(prosemodel.HashByte(prosemodel.Hash(hIm1TagIWord, p1), ' '), ctx),
	}
	var rows [len(hs)][]uint32
	t.pos.Rows(hs[:], rows[:])
	a := t.posBias
	for _, r := range rows {
		a.add(r)
	}
	n := len(s.words)
	for _, r := range t.wordAt(s, j, n).posSelf {
		a.add(r)
	}
	prev1, prev2 := t.wordAt(s, j-1, n), t.wordAt(s, j-2, n)
	next1, next2 := t.wordAt(s, j+1, n), t.wordAt(s, j+2, n)
	a.add(prev1.posPrev1[0])
	a.add(prev1.posPrev1[1])
	a.add(prev2.posPrev2)
	a.add(next1.posNext1[0])
	a.add(next1.posNext1[1])
	a.add(next2.posNext2)
	return a
}

func proseSuffix3(b []byte) []byte { return b[len(b)-min(len(b), 3):] }

// Hash states of the maxent feature names with their "-" separator, in
// prose's featureOrder.
var (
	hnBias          = prosemodel.Hash(prosemodel.Offset, "bias-True")
	hnWordlistTrue  = prosemodel.Hash(prosemodel.Offset, "en-wordlist-True")
	hnWordlistFalse = prosemodel.Hash(prosemodel.Offset, "en-wordlist-False")
	hnNextpos       = prosemodel.Hash(prosemodel.Offset, "nextpos-")
	hnNextword      = prosemodel.Hash(prosemodel.Offset, "nextword-")
	hnPos           = prosemodel.Hash(prosemodel.Offset, "pos-")
	hnPosPrevtag    = prosemodel.Hash(prosemodel.Offset, "pos+prevtag-")
	hnPrefix3       = prosemodel.Hash(prosemodel.Offset, "prefix3-")
	hnPrevpos       = prosemodel.Hash(prosemodel.Offset, "prevpos-")
	hnPrevtag       = prosemodel.Hash(prosemodel.Offset, "prevtag-")
	hnPrevword      = prosemodel.Hash(prosemodel.Offset, "prevword-")
	hnShape         = prosemodel.Hash(prosemodel.Offset, "shape-")
	hnShapePrevtag  = prosemodel.Hash(prosemodel.Offset, "shape+prevtag-")
	hnSuffix3       = prosemodel.Hash(prosemodel.Offset, "suffix3-")
	hnWord          = prosemodel.Hash(prosemodel.Offset, "word-")
	hnWordNextpos   = prosemodel.Hash(prosemodel.Offset, "word+nextpos-")
	hnWordLower     = prosemodel.Hash(prosemodel.Offset, "word.lower-")
	hnWordlen       = prosemodel.Hash(prosemodel.Offset, "wordlen-")
)

// tagNER is prose's entityExtracter.classify for the i-th token: the
// features of extract() in featureOrder, scores summed in that order; the
// label of the token before, as prose's simplePOS, is prevtag. It sets the
// token's Label and returns its own simplePOS for the next token. The rows
// of the features of the words alone come from s.ring; the others are
// looked up here. The tags of tokens i-1 to i+1 must be known.
func (t *tagger) tagNER(toks []Token, s *tagScratch, i int, prevtag string) string {
	m := t.ner
	n := len(toks)
	sc := &s.scores
	nl := min(len(m.Labels), len(sc))
	tw := t.wordAt(s, i, n)
	pos := s.tags[i]
	prevpos, prevShape := "None", "None"
	prevword := t.nerPrevNone
	if i > 0 {
		prev := t.wordAt(s, i-1, n)
		prevpos, prevword = s.tags[i-1], prev.asPrev
		if i > 1 {
			prevShape = prev.shape
		}
	}
	// nextpos is lower-cased unless it is "None".
	nextword := t.nerNextNone
	hNextpos, hWordNextpos := prosemodel.Hash(hnNextpos, "None"), prosemodel.Hash(tw.hWordNextpos, "None")
	if i < n-1 {
		nextword = t.wordAt(s, i+1, n).asNext
		hNextpos = proseHashLower(hnNextpos, s.tags[i+1])
		hWordNextpos = proseHashLower(tw.hWordNextpos, s.tags[i+1])
	}
	hs := [7]uint64{
		hNextpos,
		prosemodel.Hash(hnPos, pos),
		prosemodel.Hash(prosemodel.HashByte(prosemodel.Hash(hnPosPrevtag, pos), '+'), prevtag),
		prosemodel.Hash(hnPrevpos, prevpos),
		prosemodel.Hash(hnPrevtag, prevtag),
		prosemodel.Hash(prosemodel.HashByte(prosemodel.Hash(hnShapePrevtag, prevShape), '+'), prevtag),
		hWordNextpos,
	}
	var looked [len(hs)][]prosemodel.Cell
	m.Rows(hs[:], looked[:])
	// prose's featureOrder: the order of the sums, after "bias" and
	// "en-wordlist" (t.nerStart).
	copy(sc[:nl], t.nerStart[tw.inWordList])
	addCells(sc, looked[0])   // nextpos
	addCells(sc, nextword)    // nextword
	addCells(sc, looked[1])   // pos
	addCells(sc, looked[2])   // pos+prevtag
	addCells(sc, tw.prefix3)  // prefix3
	addCells(sc, looked[3])   // prevpos
	addCells(sc, looked[4])   // prevtag
	addCells(sc, prevword)    // prevword
	addCells(sc, tw.shapeRow) // shape
	addCells(sc, looked[5])   // shape+prevtag
	addCells(sc, tw.suffix3)  // suffix3
	addCells(sc, tw.wordRow)  // word
	addCells(sc, looked[6])   // word+nextpos
	addCells(sc, tw.lowerRow) // word.lower
	addCells(sc, tw.lenRow)   // wordlen

	best, max := -1, math.Inf(-1)
	for l, v := range sc[:nl] {
		if v > max {
			best, max = l, v
		}
	}
	label := ""
	if best >= 0 {
		label = m.Labels[best]
	}
	toks[i].Label = label
	return proseSimplePOS(label)
}

// addCells adds the weights of a maxent row to the scores of their labels,
// in the row's order.
func addCells(sc *[256]float64, row []prosemodel.Cell) {
	for _, c := range row {
		sc[c.Label] += c.Weight
	}
}

// proseSimplePOS is prose's simplePOS: the history entry of a label.
func proseSimplePOS(label string) string {
	if strings.HasPrefix(label, "V") {
		return "v"
	}
	if i := strings.IndexByte(label, '-'); i >= 0 {
		return label[:i]
	}
	return label
}

// proseSanitizer is prose's tokenize.go sanitizer.
var proseSanitizer = strings.NewReplacer(
	"\u201c", `"`,
	"\u201d", `"`,
	"\u2018", "'",
	"\u2019", "'",
	"&rsquo;", "'")

// proseSanitize returns the lookup copy of a token's text: prose's
// sanitizer applied to the token alone. Common cases do not allocate.
func proseSanitize(s string) string {
	if strings.IndexByte(s, 0xE2) < 0 && strings.IndexByte(s, '&') < 0 {
		return s
	}
	switch s {
	case "\u201c", "\u201d":
		return `"`
	case "\u2018", "\u2019":
		return "'"
	case "\u2019s", "\u2019S":
		return "'" + s[3:]
	case "n\u2019t", "N\u2019T":
		return s[:1] + "'" + s[4:]
	}
	return proseSanitizer.Replace(s)
}

// proseNormalize appends prose's normalize(w) to dst.
func proseNormalize(dst []byte, w string) []byte {
	switch {
	case w == "":
		return dst
	case strings.IndexByte(w, '-') >= 0 && w[0] != '-':
		return append(dst, "!HYPHEN"...)
	case proseIsYear(w):
		return append(dst, "!YEAR"...)
	case '0' <= w[0] && w[0] <= '9':
		// prose tests strconv.Atoi(string(w[0])), true for ASCII digits only.
		return append(dst, "!DIGITS"...)
	}
	return proseAppendLower(dst, w)
}

// proseIsYear reports whether strconv.Atoi(w) succeeds and len(w) == 4.
func proseIsYear(w string) bool {
	if len(w) != 4 {
		return false
	}
	d := w
	if w[0] == '+' || w[0] == '-' {
		d = w[1:]
	}
	for i := 0; i < len(d); i++ {
		if d[i] < '0' || d[i] > '9' {
			return false
		}
	}
	return true
}

// proseAppendLower appends strings.ToLower(s) to dst without allocating:
// invalid UTF-8 bytes become U+FFFD, as in strings.Map.
func proseAppendLower(dst []byte, s string) []byte {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			dst = append(dst, c)
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		dst = utf8.AppendRune(dst, unicode.ToLower(r))
		i += size
	}
	return dst
}

// proseHashLower extends h with the bytes of strings.ToLower(s).
func proseHashLower(h uint64, s string) uint64 {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			h = prosemodel.HashByte(h, c)
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		var b [utf8.UTFMax]byte
		h = prosemodel.Hash(h, utf8.AppendRune(b[:0], unicode.ToLower(r)))
		i += size
	}
	return h
}

// proseShape is prose's shape(word) for the maxent model.
func proseShape(w string) string {
	if proseIsNumeric(w) {
		return "number"
	}
	if w == "" {
		return "other"
	}
	// `\W+$` and `\w+$` look only at the last rune; \w is ASCII, so the
	// last byte decides (a non-ASCII byte is part of a \W rune).
	if c := w[len(w)-1]; !(c == '_' || '0' <= c && c <= '9' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z') {
		return "punct"
	}
	if proseLowerUnchanged(w) {
		return "downcase"
	}
	if proseTitleUnchanged(w) {
		return "upcase"
	}
	return "mixedcase"
}

// proseLowerUnchanged reports strings.ToLower(w) == w.
func proseLowerUnchanged(w string) bool {
	for i := 0; i < len(w); {
		c := w[i]
		if c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				return false
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(w[i:])
		if r == utf8.RuneError && size == 1 || unicode.ToLower(r) != r {
			return false
		}
		i += size
	}
	return true
}

// proseTitleUnchanged reports strings.Title(w) == w (Title is deprecated,
// but prose's model was trained with it).
func proseTitleUnchanged(w string) bool {
	prev := ' '
	for i := 0; i < len(w); {
		r, size := rune(w[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(w[i:])
			if r == utf8.RuneError && size == 1 {
				return false // strings.Map writes U+FFFD for the byte
			}
		}
		if proseTitleSeparator(prev) && unicode.ToTitle(r) != r {
			return false
		}
		prev = r
		i += size
	}
	return true
}

// proseTitleSeparator is strings.isSeparator.
func proseTitleSeparator(r rune) bool {
	if r <= 0x7F {
		switch {
		case '0' <= r && r <= '9', 'a' <= r && r <= 'z', 'A' <= r && r <= 'Z', r == '_':
			return false
		}
		return true
	}
	if unicode.IsLetter(r) || unicode.IsDigit(r) {
		return false
	}
	return unicode.IsSpace(r)
}

// proseIsNumeric reports whether strconv.ParseFloat(w, 64) succeeds.
// ParseFloat allocates an error for every word it rejects, so it is called
// only for the special values and for words that have the syntax of a
// decimal float (where it fails only on overflow), or a hexadecimal one.
func proseIsNumeric(w string) bool {
	d := w
	if d != "" && (d[0] == '+' || d[0] == '-') {
		d = d[1:]
	}
	if d == "" {
		return false
	}
	switch c := d[0]; {
	case c == 'i' || c == 'I' || c == 'n' || c == 'N':
		if !strings.EqualFold(d, "inf") && !strings.EqualFold(d, "infinity") && !strings.EqualFold(d, "nan") {
			return false
		}
	case len(d) > 1 && c == '0' && (d[1] == 'x' || d[1] == 'X'):
		// hexadecimal: rare, left to ParseFloat
	case '0' <= c && c <= '9' || c == '.':
		if !proseDecimalSyntax(d) {
			return false
		}
	default:
		return false
	}
	_, err := strconv.ParseFloat(w, 64)
	return err == nil
}

// proseDecimalSyntax reports whether d (without sign) can be a decimal
// float for strconv.ParseFloat: digits and underscores with at most one
// '.', at least one digit, and an optional exponent: e or E, an optional
// sign, digits and underscores. ParseFloat then checks the underscores.
func proseDecimalSyntax(d string) bool {
	i, digits, dot := 0, false, false
	for ; i < len(d); i++ {
		c := d[i]
		if '0' <= c && c <= '9' {
			digits = true
		} else if c == '_' {
			// ParseFloat allows '_' between digits; it decides.
		} else if c == '.' && !dot {
			dot = true
		} else {
			break
		}
	}
	if !digits {
		return false
	}
	if i == len(d) {
		return true
	}
	if d[i] != 'e' && d[i] != 'E' {
		return false
	}
	i++
	if i < len(d) && (d[i] == '+' || d[i] == '-') {
		i++
	}
	if i == len(d) {
		return false
	}
	for ; i < len(d); i++ {
		if (d[i] < '0' || d[i] > '9') && d[i] != '_' {
			return false
		}
	}
	return true
}

// Patterns of github.com/mingrammer/commonregex v1.0.1 (MIT), which prose
// uses to tag links and e-mail addresses as NN.
var (
	proseLinkRE  = regexp.MustCompile(`(?:(?:https?:\/\/)?(?:[a-z0-9.\-]+|www|[a-z0-9.\-])[.](?:[^\s()<>]+|\((?:[^\s()<>]+|(?:\([^\s()<>]+\)))*\))+(?:\((?:[^\s()<>]+|(?:\([^\s()<>]+\)))*\)|[^\s!()\[\]{};:\'".,<>?]))`)
	proseEmailRE = regexp.MustCompile(`(?i)([A-Za-z0-9!#$%&'*+\/=?^_{|.}~-]+@(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)`)
	proseNoneRE  = regexp.MustCompile(`^(?:0|\*[\w?]\*|\*\-\d{1,3}|\*[A-Z]+\*\-\d{1,3}|\*)$`)
)

// proseIsLinkOrEmail reports whether commonregex's LinkRegex or EmailRegex
// matches w. The regular expressions run only on words that pass a
// necessary condition: an address needs '@'; a link needs a byte of
// [a-z0-9.-], then '.', then at least one byte, then a byte that can end a
// link (one not in \s!()[]{};:'".,<>? or a ')').
func proseIsLinkOrEmail(w string) bool {
	if strings.IndexByte(w, '@') >= 0 && proseEmailRE.MatchString(w) {
		return true
	}
	last := len(w) - 1
	for ; last >= 0; last-- {
		if c := w[last]; c == ')' || !strings.ContainsRune(" \t\n\f\r!()[]{};:'\".,<>?", rune(c)) {
			break
		}
	}
	for p := 1; p+2 <= last; p++ {
		if w[p] != '.' {
			continue
		}
		if c := w[p-1]; 'a' <= c && c <= 'z' || '0' <= c && c <= '9' || c == '.' || c == '-' {
			return proseLinkRE.MatchString(w)
		}
	}
	return false
}

// proseIsNone reports prose's `none` pattern: "0" and Treebank traces.
func proseIsNone(w string) bool {
	return w == "0" || w != "" && w[0] == '*' && proseNoneRE.MatchString(w)
}

// proseIsKeep reports prose's `keep` pattern ^-[A-Z]{3}-$ (-LRB- and the
// like), whose words are their own tag.
func proseIsKeep(w string) bool {
	if len(w) != 5 || w[0] != '-' || w[4] != '-' {
		return false
	}
	for i := 1; i < 4; i++ {
		if w[i] < 'A' || w[i] > 'Z' {
			return false
		}
	}
	return true
}

func proseIsEmoticon(w string) bool {
	_, ok := proseEmoticons[w]
	return ok
}

// proseEmoticons is the emoticon list of prose's tokenize.go.
var proseEmoticons = map[string]struct{}{
	"(-8":         {},
	"(-;":         {},
	"(-_-)":       {},
	"(._.)":       {},
	"(:":          {},
	"(=":          {},
	"(o:":         {},
	"(¬_¬)":       {},
	"(ಠ_ಠ)":       {},
	"(╯°□°）╯︵┻━┻": {},
	"-__-":        {},
	"8-)":         {},
	"8-D":         {},
	"8D":          {},
	":(":          {},
	":((":         {},
	":(((":        {},
	":()":         {},
	":)))":        {},
	":-)":         {},
	":-))":        {},
	":-)))":       {},
	":-*":         {},
	":-/":         {},
	":-X":         {},
	":-]":         {},
	":-o":         {},
	":-p":         {},
	":-x":         {},
	":-|":         {},
	":-}":         {},
	":0":          {},
	":3":          {},
	":P":          {},
	":]":          {},
	":`(":         {},
	":`)":         {},
	":`-(":        {},
	":o":          {},
	":o)":         {},
	"=(":          {},
	"=)":          {},
	"=D":          {},
	"=|":          {},
	"@_@":         {},
	"O.o":         {},
	"O_o":         {},
	"V_V":         {},
	"XDD":         {},
	"[-:":         {},
	"^___^":       {},
	"o_0":         {},
	"o_O":         {},
	"o_o":         {},
	"v_v":         {},
	"xD":          {},
	"xDD":         {},
	"¯\\(ツ)/¯":    {},
}
