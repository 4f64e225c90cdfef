package gazetteer

import (
	"unicode"
	"unicode/utf8"
)

// Span is the byte span of a token in a text: text[Start:End], half-open.
type Span struct{ Start, End int }

// Tokenize splits text into the tokens that [Gazetteer.MatchText] uses:
// words are runs of letters, digits and combining marks, joined by inner
// hyphens and apostrophes ("post-Soviet", "d'Ivoire"); a possessive 's or
// ’s at the end of a word is a token of its own ("NATO", "’s"); every other
// character that is not white space is a token of one character. Offsets
// are byte offsets into text.
func Tokenize(text string) []Span {
	var out []Span
	sc := scanner{s: text, hyphens: true, pend: -1}
	for {
		s, e, ok := sc.next()
		if !ok {
			return out
		}
		out = append(out, Span{s, e})
	}
}

// scanner splits a string into words and punctuation. With hyphens set,
// inner hyphens join words (Tokenize); without, each hyphen is a unit of
// its own (the units the matcher compares).
type scanner struct {
	s       string
	pos     int
	hyphens bool
	pend    int // start of a pending possessive unit, or -1
	pendEnd int
}

func isApostrophe(r rune) bool { return r == '\'' || r == '\u2019' || r == '\u02BC' }
func isHyphen(r rune) bool     { return r == '-' || r == '\u2010' || r == '\u2011' }
func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
	}
	return unicode.IsLetter(r) || unicode.IsNumber(r) || unicode.IsMark(r)
}
func isUpperRune(r rune) bool {
	if r < utf8.RuneSelf {
		return 'A' <= r && r <= 'Z'
	}
	return unicode.IsUpper(r) || unicode.IsTitle(r)
}
func isLowerRune(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z'
	}
	return unicode.IsLower(r)
}
func isSpaceRune(r rune) bool {
	if r < utf8.RuneSelf {
		return r <= ' ' || r == 0x7f
	}
	return unicode.IsSpace(r) || r == '\u200B' || r == '\uFEFF' || r == '\u2060' || unicode.IsControl(r)
}

func (sc *scanner) decode(i int) (rune, int) {
	if c := sc.s[i]; c < utf8.RuneSelf {
		return rune(c), 1
	}
	return utf8.DecodeRuneInString(sc.s[i:])
}

// next returns the byte span of the next unit of sc.s.
func (sc *scanner) next() (start, end int, ok bool) {
	if sc.pend >= 0 {
		start, end = sc.pend, sc.pendEnd
		sc.pend = -1
		return start, end, true
	}
	s := sc.s
	for sc.pos < len(s) {
		r, w := sc.decode(sc.pos)
		if !isSpaceRune(r) {
			break
		}
		sc.pos += w
	}
	if sc.pos >= len(s) {
		return 0, 0, false
	}
	start = sc.pos
	r, w := sc.decode(sc.pos)
	sc.pos += w
	if !isWordRune(r) {
		// A possessive split off by the caller's tokenizer: "'s" alone.
		if isApostrophe(r) && sc.pos < len(s) && (s[sc.pos] == 's' || s[sc.pos] == 'S') {
			if sc.pos+1 == len(s) {
				sc.pos++
			} else if r2, _ := sc.decode(sc.pos + 1); !isWordRune(r2) {
				sc.pos++
			}
		}
		return start, sc.pos, true
	}
	apos, aposW := -1, 0 // last inner apostrophe
	for sc.pos < len(s) {
		r, w = sc.decode(sc.pos)
		if isWordRune(r) {
			sc.pos += w
			continue
		}
		if (isApostrophe(r) || sc.hyphens && isHyphen(r)) && sc.pos+w < len(s) {
			if r2, w2 := sc.decode(sc.pos + w); isWordRune(r2) {
				if isApostrophe(r) {
					apos, aposW = sc.pos, w
				}
				sc.pos += w + w2
				continue
			}
		}
		break
	}
	// A possessive: the word ends with an apostrophe and a single s.
	if apos > start && sc.pos == apos+aposW+1 && (s[apos+aposW] == 's' || s[apos+aposW] == 'S') {
		sc.pend, sc.pendEnd = apos, sc.pos
		return start, apos, true
	}
	return start, sc.pos, true
}

// nextUnit is next without hyphens: the matcher treats hyphens as
// optional, so that "Guinea-Bissau" and "Guinea Bissau" are the same name.
func (sc *scanner) nextUnit() (start, end int, ok bool) {
	for {
		start, end, ok = sc.next()
		if !ok {
			return
		}
		if r, _ := sc.decode(start); !isHyphen(r) {
			return
		}
	}
}

// foldPairs maps lower-case Latin letters with diacritics to their ASCII
// base letters, so that "Côte d’Ivoire" and "Cote d'Ivoire" share a key.
var foldPairs = map[rune]string{}

func init() {
	for base, letters := range map[string]string{
		"a": "àáâãäåāăą", "c": "çćĉċč", "d": "ďđð", "e": "èéêëēĕėęě", "g": "ĝğġģ",
		"h": "ĥħ", "i": "ìíîïĩīĭįı", "j": "ĵ", "k": "ķ", "l": "ĺļľŀł", "n": "ñńņň",
		"o": "òóôõöøōŏő", "r": "ŕŗř", "s": "śŝşšș", "t": "ţťŧț", "u": "ùúûüũūŭůűų",
		"w": "ŵ", "y": "ýÿŷ", "z": "źżž", "ae": "æ", "oe": "œ", "ss": "ß", "th": "þ",
	} {
		for _, r := range letters {
			foldPairs[r] = base
		}
	}
}

// appendNorm appends the lookup key of s to dst: lower case, Latin
// diacritics removed, apostrophes as ', hyphens as -. It never changes the
// caller's text; keys are used for comparisons only.
func appendNorm(dst []byte, s string) []byte {
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
		r, w := utf8.DecodeRuneInString(s[i:])
		i += w
		switch {
		case isApostrophe(r):
			dst = append(dst, '\'')
			continue
		case isHyphen(r):
			dst = append(dst, '-')
			continue
		}
		r = unicode.ToLower(r)
		if f, ok := foldPairs[r]; ok {
			dst = append(dst, f...)
			continue
		}
		dst = utf8.AppendRune(dst, r)
	}
	return dst
}

// normKey returns the key of a whole name: the keys of its units joined by
// single spaces, and the number of units.
func normKey(s string) (string, int) {
	b, n := appendNormKey(nil, s)
	return string(b), n
}

// appendNormKey appends the key of name s to dst and returns it with the
// number of units.
func appendNormKey(dst []byte, s string) ([]byte, int) {
	n := 0
	sc := scanner{s: s, pend: -1}
	for {
		st, e, ok := sc.nextUnit()
		if !ok {
			return dst, n
		}
		if n > 0 {
			dst = append(dst, ' ')
		}
		dst = appendNorm(dst, s[st:e])
		n++
	}
}

// isAcronym reports whether a name is an acronym: at most six letters and
// digits, written in capitals (NATO, EU, G20, U.S.) or, in one word, with
// at least two capitals and no more small letters than capitals (LeT, DoD,
// AfD, LaREM). Such names match only when the text has exactly the same
// capitals: "Let" is not LeT.
func isAcronym(s string) bool {
	n, upper, lower := 0, 0, 0
	space := false
	for _, r := range s {
		switch {
		case unicode.IsUpper(r):
			upper++
			n++
		case unicode.IsLetter(r):
			lower++
			n++
		case unicode.IsNumber(r):
			n++
		case unicode.IsSpace(r):
			space = true
		}
	}
	if upper == 0 || n > 6 {
		return false
	}
	return lower == 0 || !space && upper >= 2 && lower <= upper
}

// countLetters returns the number of letters in s.
func countLetters(s string) int {
	n := 0
	for _, r := range s {
		if unicode.IsLetter(r) {
			n++
		}
	}
	return n
}
