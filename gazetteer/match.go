package gazetteer

import (
	"hash/maphash"
	"math/bits"
	"slices"
	"unicode/utf8"
	"unsafe"

	"github.com/statecraft/statecraft/gazetteer/internal/words"
)

// Match is a gazetteer name found in a text.
//
// Start and End are UTF-8 byte offsets into the text, half-open, so that
// text[Start:End] is the matched text. They may lie inside a token: in
// "Moscow-led" the match is "Moscow", and TokenStart:TokenEnd is the one
// token "Moscow-led".
type Match struct {
	Start, End int // byte span of the match in the text
	TokenStart int // index of the first token of the match
	TokenEnd   int // index just past the last token of the match

	ID         string  // entry id, e.g. "state/georgia"
	Name       string  // the entry's canonical name
	Kind       Kind    // the entry's kind
	How        How     // name, alias, adjective or fuzzy
	Form       string  // the gazetteer name, alias or adjective that matched, as written in the gazetteer
	Acronym    bool    // Form is an acronym (at most 6 letters/digits, in capitals or mixed like LeT), matched case-sensitively
	Adjectival bool    // Form is an adjective or demonym ("Russian" in "Russian President")
	Distance   int     // Levenshtein distance between the text and Form (0 unless How is ByFuzzy)
	Score      float64 // 1 for a canonical name, 0.95 alias, 0.9 adjective; fuzzy: that × (0.9 − 0.05·Distance)
	// Alternatives are the ids of other entries that the same text names,
	// best first ("Georgia": state/georgia, alternative
	// location/georgia-us-state). The gazetteer reports the ambiguity; it
	// does not resolve it. Nil when the name is unambiguous.
	Alternatives []string
}

// unit is a piece of a token that the matcher compares: a word, a
// possessive 's, or one punctuation character (hyphens included).
type unit struct {
	start, end int   // byte span in the text
	tok        int32 // index of the caller's token
	ks, ke     int32 // normalised key in scratch.norm
	letters    uint16
	flags      uint8
}

const (
	uWord        uint8 = 1 << iota // starts with a letter or digit
	uLower                         // starts with a lower-case letter
	uUpper                         // starts with an upper-case letter
	uDigit                         // contains a digit
	uCommonKnown                   // uCommon is set (by scratch.common)
	uCommon                        // the key is a common English word
)

// scratch is per-call working memory, pooled.
type scratch struct {
	spans  []Span
	units  []unit
	norm   []byte
	win    []byte
	winEnd [65]int // winEnd[n]: length of the key of an n-unit window in win
	runes  [sigLong]rune
	hashes []uint32
	stamp  []uint32
	gen    uint32
	hits   []candidate
	// noFuzzy remembers recent windows whose fuzzy search found nothing
	// (see fuzzyMemo); allocated on first use.
	noFuzzy *[noFuzzySlots]noFuzzySlot
}

func (g *Gazetteer) getScratch() *scratch {
	s := g.pool.Get()
	s.units, s.norm = s.units[:0], s.norm[:0]
	return s
}

func (g *Gazetteer) putScratch(s *scratch) {
	if cap(s.norm) > 1<<20 || cap(s.units) > 1<<16 { // do not keep huge buffers
		return
	}
	g.pool.Put(s)
}

// MatchText finds gazetteer names in text, as [Gazetteer.Match] does, with
// the tokens of [Tokenize].
func (g *Gazetteer) MatchText(text string) []Match {
	s := g.getScratch()
	defer g.putScratch(s)
	s.spans = s.spans[:0]
	sc := scanner{s: text, hyphens: true, pend: -1}
	for {
		st, e, ok := sc.next()
		if !ok {
			break
		}
		s.spans = append(s.spans, Span{st, e})
	}
	return g.match(text, s.spans, s)
}

// Match finds gazetteer names in text, whose tokens are given as byte
// spans (from any tokenizer; they must be in text order and must not
// overlap, and tokens that are not are ignored). It returns the matches
// left to right, without overlaps, preferring at each position the longest
// exact name, then the longest fuzzy one.
//
// Rules (the package documentation has the details):
//   - Names are compared unit by unit: a token is split into words,
//     possessives ('s, ’s) and punctuation, and hyphens are optional, so
//     "NATO’s" matches NATO, "Guinea Bissau" matches Guinea-Bissau and
//     "post-Soviet" matches the adjective Soviet (with the byte span of
//     "Soviet"). White space and line breaks between tokens do not matter.
//   - Acronyms (names in capitals of at most 6 letters or digits: CIS, EU,
//     G20) match only with the same capitals: "cis" never matches.
//   - Other names match regardless of case, but a word of the name that
//     starts with a capital must start with a capital in the text (or be
//     in capitals: "RUSSIA"); a lower-case word never starts a match unless
//     the name itself is written in lower case.
//   - ’ and ' are the same; Latin diacritics are ignored (Côte = Cote).
//   - Where no exact name starts, the plural of an adjective ("Russians")
//     and then fuzzy matches (misspellings, transliterations:
//     "Tadjikistan") are tried, on capitalised windows of at least 7
//     letters that are neither a name of any entry nor common English
//     words, within edit distance 1 (up to 8 letters) or 2, and never when
//     two different entries are about as close. Both are reported as
//     [ByFuzzy] with their Distance.
func (g *Gazetteer) Match(text string, tokens []Span) []Match {
	s := g.getScratch()
	defer g.putScratch(s)
	return g.match(text, tokens, s)
}

func (g *Gazetteer) match(text string, tokens []Span, s *scratch) []Match {
	g.units(text, tokens, s)
	var out []Match
	for i := 0; i < len(s.units); {
		m, n := g.matchAt(text, s, i, false)
		if n == 0 {
			i++
			continue
		}
		out = append(out, m)
		i += n
	}
	return out
}

// Lookup returns the best match for name as a whole: an exact name, alias
// or adjective (regardless of case, except that acronyms must keep their
// capitals), else a fuzzy match with the same limits as in
// [Gazetteer.Match] except capitalisation. The Match's offsets are
// offsets into name. It returns false when nothing matches all of name.
func (g *Gazetteer) Lookup(name string) (Match, bool) {
	s := g.getScratch()
	defer g.putScratch(s)
	s.spans = append(s.spans[:0], Span{0, len(name)})
	g.units(name, s.spans, s)
	if len(s.units) == 0 {
		return Match{}, false
	}
	m, n := g.matchAt(name, s, 0, true)
	if n != len(s.units) {
		return Match{}, false
	}
	m.TokenStart, m.TokenEnd = 0, 1
	return m, true
}

// units splits the tokens into units with their normalised keys.
func (g *Gazetteer) units(text string, tokens []Span, s *scratch) {
	s.units, s.norm = s.units[:0], s.norm[:0]
	prev := 0
	for k, t := range tokens {
		if t.Start < prev || t.Start > t.End || t.End > len(text) {
			continue
		}
		prev = t.End
		if s.asciiWordUnit(text, t, k) {
			continue
		}
		s.scanUnits(text, t, k)
	}
}

// scanUnits appends the units of token k, span t of text, with the
// scanner: the general path of units.
func (s *scratch) scanUnits(text string, t Span, k int) {
	sc := scanner{s: text[t.Start:t.End], pend: -1}
	for {
		st, e, ok := sc.nextUnit()
		if !ok {
			break
		}
		u := unit{start: t.Start + st, end: t.Start + e, tok: int32(k), ks: int32(len(s.norm))}
		piece := text[u.start:u.end]
		r, _ := utf8.DecodeRuneInString(piece)
		switch {
		case isWordRune(r):
			u.flags |= uWord
			if isLowerRune(r) {
				u.flags |= uLower
			} else if isUpperRune(r) {
				u.flags |= uUpper
			}
		}
		s.norm = appendNorm(s.norm, piece)
		u.ke = int32(len(s.norm))
		if u.flags&uWord != 0 {
			letters := 0
			for _, c := range s.norm[u.ks:u.ke] {
				switch {
				case '0' <= c && c <= '9':
					u.flags |= uDigit
				case c < utf8.RuneSelf && c != '\'' && c != '-' || c >= 0xC0: // a letter or the first byte of a non-ASCII rune
					letters++
				}
			}
			u.letters = uint16(min(letters, 1<<16-1))
		}
		s.units = append(s.units, u)
	}
}

// asciiWordUnit appends the unit of token k, span t of text, when the
// token is a word of ASCII letters and digits only, as most tokens are:
// then it is one unit, its key is the token in lower case and its letters
// are its bytes that are not digits, which is what the scanner, appendNorm
// and the count of units give, in one pass. It reports false, appending
// nothing, for any other token (TestASCIIWordUnit checks both paths).
func (s *scratch) asciiWordUnit(text string, t Span, k int) bool {
	tok := text[t.Start:t.End]
	if len(tok) == 0 {
		return false
	}
	ks := len(s.norm)
	s.norm = slices.Grow(s.norm, len(tok))[:ks+len(tok)]
	key := s.norm[ks:]
	letters, flags := 0, uWord
	for i := 0; i < len(tok) && i < len(key); i++ {
		c := tok[i]
		switch {
		case 'a' <= c && c <= 'z':
			letters++
		case 'A' <= c && c <= 'Z':
			c += 'a' - 'A'
			letters++
		case '0' <= c && c <= '9':
			flags |= uDigit
		default:
			s.norm = s.norm[:ks]
			return false
		}
		key[i] = c
	}
	switch c := tok[0]; {
	case 'a' <= c && c <= 'z':
		flags |= uLower
	case 'A' <= c && c <= 'Z':
		flags |= uUpper
	}
	s.units = append(s.units, unit{start: t.Start, end: t.End, tok: int32(k), ks: int32(ks), ke: int32(len(s.norm)), letters: uint16(min(letters, 1<<16-1)), flags: flags})
	return true
}

// common reports whether the key of unit i is a common English word
// (words.Common), looked up once per unit: fuzzyWindow asks it of each
// unit of each window that contains it.
func (s *scratch) common(i int) bool {
	u := &s.units[i]
	if u.flags&uCommonKnown == 0 {
		u.flags |= uCommonKnown
		if words.Common(s.norm[u.ks:u.ke]) {
			u.flags |= uCommon
		}
	}
	return u.flags&uCommon != 0
}

func (s *scratch) key(i int) []byte { u := &s.units[i]; return s.norm[u.ks:u.ke] }

// matchAt tries the names that start at unit i, longest first, then fuzzy
// windows. whole (Lookup) requires the match to cover every unit and
// relaxes the case rules for names that are not acronyms. It returns the
// match and the number of units it covers (0 for none).
func (g *Gazetteer) matchAt(text string, s *scratch, i int, whole bool) (Match, int) {
	if k := s.key(i); !g.first.mayHave(k) {
		// No name starts with this unit.
	} else if mask := g.byFirst[string(k)]; mask != 0 {
		// Build the keys of the windows i..i+n-1 for every length n that
		// a name starting with this unit has, and look each up.
		maxN := min(bits.Len64(mask), len(s.units)-i)
		if whole {
			maxN = len(s.units) - i
		}
		maxN = min(maxN, 64)
		s.win = s.win[:0]
		for n := 1; n <= maxN; n++ {
			if n > 1 {
				s.win = append(s.win, ' ')
			}
			s.win = append(s.win, s.key(i+n-1)...)
			s.winEnd[n] = len(s.win)
		}
		for n := maxN; n >= 1; n-- {
			if mask&(1<<(n-1)) == 0 || whole && n != len(s.units)-i {
				continue
			}
			if f, ok := g.byKey[string(s.win[:s.winEnd[n]])]; ok {
				if m, ok := g.exact(text, s, i, n, f, whole, false); ok {
					return m, n
				}
			}
		}
	}
	// The plural of an adjective or demonym ("Russians", "Iraqis"): the
	// window without its final s.
	if u := &s.units[i]; u.flags&uWord != 0 && (whole || u.flags&uUpper != 0) {
		for n := min(len(s.units)-i, maxPluralUnits); n >= 1; n-- {
			if whole && n != len(s.units)-i {
				continue
			}
			k := s.key(i + n - 1)
			if len(k) < 3 || k[len(k)-1] != 's' || k[len(k)-2] == 's' {
				continue
			}
			s.win = s.win[:0]
			for j := i; j < i+n; j++ {
				if j > i {
					s.win = append(s.win, ' ')
				}
				s.win = append(s.win, s.key(j)...)
			}
			if f, ok := g.byKey[string(s.win[:len(s.win)-1])]; ok {
				if m, ok := g.exact(text, s, i, n, f, whole, true); ok {
					return m, n
				}
			}
		}
	}
	// Fuzzy windows, longest first.
	u0 := &s.units[i]
	if !whole && u0.flags&uUpper == 0 {
		return Match{}, 0
	}
	hi := min(len(s.units)-i, g.fz.maxUnits)
	lo := 1
	if whole {
		hi = len(s.units) - i
		lo = hi
	}
	for n := hi; n >= lo; n-- {
		if m, ok := g.fuzzyWindow(s, i, n, whole); ok {
			return m, n
		}
	}
	return Match{}, 0
}

// fuzzyWindow tries units i..i+n-1 as a misspelt name.
func (g *Gazetteer) fuzzyWindow(s *scratch, i, n int, whole bool) (Match, bool) {
	last := &s.units[i+n-1]
	if !whole && last.flags&uUpper == 0 {
		return Match{}, false
	}
	s.win = s.win[:0]
	letters, common := 0, 0
	for j := i; j < i+n; j++ {
		u := &s.units[j]
		if u.flags&uWord == 0 || u.flags&uDigit != 0 {
			return Match{}, false
		}
		if j > i {
			s.win = append(s.win, ' ')
		}
		k := s.key(j)
		s.win = append(s.win, k...)
		letters += int(u.letters)
		if s.common(j) {
			common++
		}
	}
	d := fuzzyBound(letters)
	if d == 0 || common == n {
		return Match{}, false
	}
	if _, isName := g.byKey[string(s.win)]; isName {
		return Match{}, false
	}
	key := unsafe.String(unsafe.SliceData(s.win), len(s.win)) // s.win is not modified while key is in use
	slot := s.fuzzyMemo(key, letters)
	if slot != nil && slot.n == uint8(len(key)) && slot.letters == uint16(letters) && string(slot.key[:slot.n]) == key {
		return Match{}, false // searched before: nothing
	}
	g.fuzzySearch(s, key, letters, d)
	if len(s.hits) == 0 {
		if slot != nil {
			slot.n, slot.letters = uint8(copy(slot.key[:], key)), uint16(letters)
		}
		return Match{}, false
	}
	h, r, ok := g.pickFuzzy(s, key, d)
	if !ok {
		return Match{}, false
	}
	var alts []string
	fm := &g.forms[h.form]
	best := g.recs[r].entry
	for j := fm.r0; j < fm.r1; j++ {
		if !g.recs[j].acronym {
			alts = g.addAlt(alts, best, g.recs[j].entry)
		}
	}
	return g.newMatch(s, i, n, &g.recs[r], h.dist, alts), true
}

// maxPluralUnits is the longest adjective, in words, whose plural is
// matched ("South Ossetians").
const maxPluralUnits = 3

// exact picks the best name of form f that passes the case rules on units
// i..i+n-1; with plural set, only adjectives are taken, as matched by
// their plural (reported as a fuzzy match at distance 1).
func (g *Gazetteer) exact(text string, s *scratch, i, n int, f int32, whole, plural bool) (Match, bool) {
	fm := &g.forms[f]
	best, alts := int32(-1), []string(nil)
	for r := fm.r0; r < fm.r1; r++ {
		rec := &g.recs[r]
		if plural && (rec.how != ByAdjective || rec.acronym) || !g.recPasses(rec, text, s, i, n, whole) {
			continue
		}
		if best < 0 {
			best = r
			continue
		}
		alts = g.addAlt(alts, g.recs[best].entry, rec.entry)
	}
	if best < 0 {
		return Match{}, false
	}
	dist := 0
	if plural {
		dist = 1
	}
	return g.newMatch(s, i, n, &g.recs[best], dist, alts), true
}

// addAlt appends the id of entry e to alts unless it is best or already there.
func (g *Gazetteer) addAlt(alts []string, best, e int32) []string {
	if e == best {
		return alts
	}
	id := g.entries[e].ID
	for _, a := range alts {
		if a == id {
			return alts
		}
	}
	return append(alts, id)
}

// recPasses applies the case rules of name r to units i..i+n-1.
func (g *Gazetteer) recPasses(r *rec, text string, s *scratch, i, n int, relaxed bool) bool {
	if r.acronym {
		sc := scanner{s: r.surface, pend: -1}
		for j := i; j < i+n; j++ {
			st, e, ok := sc.nextUnit()
			u := &s.units[j]
			if !ok || text[u.start:u.end] != r.surface[st:e] {
				return false
			}
		}
		return true
	}
	if relaxed {
		return true
	}
	for j := 0; j < n && j < 64; j++ {
		if r.upper&(1<<j) != 0 && s.units[i+j].flags&uLower != 0 {
			return false
		}
	}
	return true
}

var howScore = [...]float64{ByName: 1, ByAlias: 0.95, ByAdjective: 0.9}

func (g *Gazetteer) newMatch(s *scratch, i, n int, r *rec, dist int, alts []string) Match {
	e := &g.entries[r.entry]
	first, last := &s.units[i], &s.units[i+n-1]
	m := Match{
		Start: first.start, End: last.end,
		TokenStart: int(first.tok), TokenEnd: int(last.tok) + 1,
		ID: e.ID, Name: e.Name, Kind: e.Kind, How: r.how, Form: r.surface,
		Acronym: r.acronym, Adjectival: r.how == ByAdjective,
		Score: howScore[r.how], Alternatives: alts,
	}
	if dist > 0 {
		m.How, m.Distance = ByFuzzy, dist
		m.Score = howScore[r.how] * (0.9 - 0.05*float64(dist))
	}
	return m
}

// The memo of fruitless fuzzy searches. A window's fuzzy search depends
// only on its key and its number of letters (and on the gazetteer, which
// does not change), and most searches find nothing; a name the gazetteer
// lacks ("Schneider") comes back within a text and across texts. A scratch
// remembers recent fruitless searches in a direct-mapped array of slots
// indexed by a hash of the key, each holding the key (compared in full)
// and its number of letters, so that a window searched before in vain is
// not searched again.

// noFuzzySlots is the number of slots of the memo.
const noFuzzySlots = 1 << 12

// noFuzzyMax is the longest key remembered.
const noFuzzyMax = 40

type noFuzzySlot struct {
	n       uint8 // length of the key; 0: empty
	letters uint16
	key     [noFuzzyMax]byte
}

var noFuzzySeed = maphash.MakeSeed()

// fuzzyMemo returns the memo slot of key, nil when key is not remembered
// (too long, or too many letters to record).
func (s *scratch) fuzzyMemo(key string, letters int) *noFuzzySlot {
	if len(key) == 0 || len(key) > noFuzzyMax || letters > 1<<16-1 {
		return nil
	}
	if s.noFuzzy == nil {
		s.noFuzzy = new([noFuzzySlots]noFuzzySlot)
	}
	return &s.noFuzzy[maphash.String(noFuzzySeed, key)&(noFuzzySlots-1)]
}
