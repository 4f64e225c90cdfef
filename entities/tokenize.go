package entities

import (
	"context"
	"strings"
	"unicode"
	"unicode/utf8"
)

// maxTokenBytes caps the length of a single token. A longer run of
// characters that the rules below would keep together (5 MB of letters with
// no space, a megabyte of periods) is cut into consecutive tokens of at most
// maxTokenBytes bytes each, at rune boundaries, so that no caller ever
// receives an absurd token and every later stage stays linear.
const maxTokenBytes = 1024

// Tokenize splits text into tokens; Tag and Label are left empty.
//
// Every token satisfies text[Start:End] == Text: offsets are UTF-8 byte
// offsets into text, half-open, tokens are in text order, non-empty and
// non-overlapping, and the input is never rewritten (curly quotes and
// apostrophes are recognised as they are). Text is a substring of the input,
// not a copy. Tokenize returns nil for a text without tokens.
//
// The rules follow the Penn Treebank conventions that prose's models were
// trained on, and produce the same boundaries as prose's own tokenizer on
// ordinary prose except where that tokenizer departs from the Treebank or
// errs: it rewrites curly quotes, drops a word after an opening ‘, splits
// "..." into three periods and initials ("W.") and "Corp." from their
// periods, and keeps "5%", "I've", "Hmm…", "{x}" and "Tom." whole. The
// rules:
//
//   - Whitespace separates tokens. Control characters that are not
//     whitespace (NUL, ESC, ...) are one-rune symbol tokens; invisible
//     separators (zero-width space, word joiner, byte order mark and the
//     bidirectional marks) count as whitespace.
//   - Brackets ( ) [ ] { }, double quotes " “ ” „ « » ‹ ›, ; ! ? ¿ ¡ and
//     commas are tokens of their own; a comma between two digits is part of a
//     number (1,000). Dashes – — ‒ ― and runs of two or more hyphens (--) are
//     tokens, a run of the same dash being one token; a single hyphen joins
//     words (Vice-President, post-Soviet, Moscow-led, 1996-12-06).
//   - Single quotes ' ‘ ’ ` at the start or end of a word are split off
//     (‘security outline’ → ‘ security outline ’), except an apostrophe that
//     begins a word by elision ('90s, 'em, 'n', 'til, 'tis, 'cause).
//   - Clitics are split off as in the Treebank: n't and 's 'll 're 've 'm 'd,
//     with ' or ’ (NATO’s → NATO ’s, don't → do n't, can't → ca n't).
//   - A final period is split off unless the word is an abbreviation that
//     keeps it: a known abbreviation (Mr., Gen., Jan., Inc., Corp., St.,
//     etc., e.g., Ph.D., AP state abbreviations such as Calif., and the
//     common ones in capitals: ST. LOUIS), single letters joined by periods
//     (U.S., U.N., a.m.), also after a hyphen (Iraq-U.N.), or one capital
//     letter (the initial in George W. Bush). An abbreviation keeps its
//     period at the end of a sentence too ("… sanctions on the U.S."):
//     [SplitSentences] decides whether the sentence ends there. "No." keeps
//     its period only before a number ("No. 5"), and a number of one or two
//     digits only as a list marker at the start of a line ("1. Mark Crear").
//     "U.S.." is U.S. and a period. Runs of periods (... or longer) are one
//     token, like the ellipsis character …, which is always split off.
//   - A currency sign that begins a word is split off ($100 → $ 100), as is a
//     trailing percent sign (5% → 5 %), a trailing colon and the angle
//     brackets around an address (<a@b.org>). Other symbols stay in their
//     word (AT&T, and/or, 10:30, 2.5, C++).
//   - URLs that start with a scheme (http://, https://, ftp://) or www. are
//     one token up to whitespace or a character that URLs cannot contain,
//     without trailing punctuation or an unbalanced closing bracket;
//     e-mail addresses are one token because nothing in them splits.
//   - Emoji and pictographs are split from words, a run of them (with
//     joiners, variation selectors and skin tones) being one token.
//   - Bytes that are not valid UTF-8 are treated as letters: they stay in
//     the word they touch (a Latin-1 "caf\xe9" is one token), and offsets
//     stay exact.
//   - No token is longer than 1 KiB: a longer run is cut into chunks of at
//     most 1024 bytes at rune boundaries.
//
// Tokenize runs in time linear in len(text) and allocates nothing but the
// returned slice (growing it, if its first estimate falls short, by
// extrapolation from the tokens found so far).
func Tokenize(text string) []Token {
	if text == "" {
		return nil
	}
	toks := appendTokens(nil, text)
	if len(toks) == 0 {
		return nil
	}
	return toks
}

// appendTokens appends the tokens of text to dst, as [Tokenize] would return
// them, and returns the extended slice.
func appendTokens(dst []Token, text string) []Token {
	toks, _ := appendTokensContext(context.Background(), dst, text)
	return toks
}

// appendTokensContext is appendTokens that looks at ctx between two runs of
// text once every checkBytes bytes and stops with its error once it is done.
func appendTokensContext(ctx context.Context, dst []Token, text string) ([]Token, error) {
	t := tokenizer{text: text, toks: dst, n0: len(dst)}
	n := len(text)
	check := checkBytes
	for i := 0; i < n; {
		if i >= check {
			if err := ctx.Err(); err != nil {
				return t.toks, err
			}
			check = i + checkBytes
		}
		if c := text[i]; c < utf8.RuneSelf {
			switch asciiClass[c] {
			case clsSpace:
				i++
				continue
			case clsControl:
				t.emit(i, i+1)
				i++
				continue
			}
		} else {
			r, size := utf8.DecodeRuneInString(text[i:])
			if isSeparatorRune(r) {
				i += size
				continue
			}
			if isControlRune(r) {
				t.emit(i, i+size)
				i += size
				continue
			}
		}
		j := t.spanEnd(i)
		t.span(i, j)
		i = j
	}
	return t.toks, nil
}

// ASCII character classes.
const (
	clsWord    = iota // letters, digits and symbols that stay in words
	clsSpace          // whitespace: separates tokens
	clsControl        // other control characters: symbol tokens
	clsHard           // always a token of its own
)

var asciiClass = func() (t [utf8.RuneSelf]uint8) {
	for c := 0; c < 0x20; c++ {
		t[c] = clsControl
	}
	t[0x7f] = clsControl
	for _, c := range " \t\n\v\f\r" {
		t[c] = clsSpace
	}
	for _, c := range `()[]{}";!?` {
		t[c] = clsHard
	}
	return t
}()

// isSeparatorRune reports whether a non-ASCII rune separates tokens like
// whitespace: Unicode white space, and the invisible format characters that
// web text scatters between words.
func isSeparatorRune(r rune) bool {
	switch r {
	case '\u200b', '\u2060', '\ufeff', // zero-width space, word joiner, BOM
		'\u200e', '\u200f', // left-to-right and right-to-left marks
		'\u202a', '\u202b', '\u202c', '\u202d', '\u202e',
		'\u2066', '\u2067', '\u2068', '\u2069':
		return true
	}
	return unicode.IsSpace(r)
}

// isControlRune reports whether a non-ASCII rune is a control character
// (C1) that is not white space; it becomes a symbol token.
func isControlRune(r rune) bool {
	return r >= 0x80 && r <= 0x9f && r != 0x85
}

type tokenizer struct {
	text string
	toks []Token
	n0   int // len(toks) when tokenizing began
}

// emit appends the token text[s:e], cut into chunks of at most
// maxTokenBytes at rune boundaries.
func (t *tokenizer) emit(s, e int) {
	if e-s > maxTokenBytes {
		t.emitLong(s, e)
		return
	}
	if len(t.toks) == cap(t.toks) {
		t.grow(s)
	}
	t.toks = append(t.toks, Token{Text: t.text[s:e], Start: s, End: e})
}

func (t *tokenizer) emitLong(s, e int) {
	for e-s > maxTokenBytes {
		cut := runeCut(t.text, s+maxTokenBytes)
		t.emit(s, cut)
		s = cut
	}
	t.emit(s, e)
}

// grow makes room for the tokens of text[pos:]. It extrapolates from the
// tokens found so far, so that an input of any shape is copied a few times
// at most, never more than geometric growth would copy it; and it never
// reserves more tokens than text[pos:] has bytes.
func (t *tokenizer) grow(pos int) {
	n := len(t.toks) - t.n0 // tokens of text so far
	rest := len(t.text) - pos
	var more int
	if n < 64 || pos < 512 {
		more = min(rest/5, 1<<16) // about five bytes a token in English
	} else {
		more = int(float64(n)/float64(pos)*float64(rest)*1.125) + 64
	}
	more = max(more, len(t.toks)/4, 16)
	more = min(more, rest+1)
	toks := make([]Token, len(t.toks), len(t.toks)+more)
	copy(toks, t.toks)
	t.toks = toks
}

// runeCut returns j, or the start of the valid rune that straddles j.
// It backs up at most utf8.UTFMax-1 bytes.
func runeCut(text string, j int) int {
	for k := j; k > j-utf8.UTFMax && k > 0; k-- {
		if utf8.RuneStart(text[k]) {
			if k == j {
				return j
			}
			r, size := utf8.DecodeRuneInString(text[k:])
			if r != utf8.RuneError && k+size > j {
				return k
			}
			return j
		}
	}
	return j
}

// spanEnd returns the end of the run of non-separator characters that
// starts at i.
func (t *tokenizer) spanEnd(i int) int {
	text := t.text
	n := len(text)
	for i < n {
		c := text[i]
		if c < utf8.RuneSelf {
			if cl := asciiClass[c]; cl == clsSpace || cl == clsControl {
				return i
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		if isSeparatorRune(r) || isControlRune(r) {
			return i
		}
		i += size
	}
	return n
}

// span tokenizes text[s:e], a run without whitespace: it finds URLs and the
// characters that are always tokens of their own, and hands the pieces
// between them to piece.
func (t *tokenizer) span(s, e int) {
	text := t.text
	p := s // start of the current piece
	for i := s; i < e; {
		if i == p {
			if k, u := t.url(p, e); u > k {
				t.piece(p, k)
				t.emit(k, u)
				p, i = u, u
				continue
			}
		}
		c := text[i]
		if c < utf8.RuneSelf {
			switch {
			case asciiClass[c] == clsHard:
				t.piece(p, i)
				t.emit(i, i+1)
				i++
				p = i
			case c == ',':
				if i > p && i+1 < e && isDigit(text[i-1]) && isDigit(text[i+1]) {
					i++
					continue
				}
				t.piece(p, i)
				t.emit(i, i+1)
				i++
				p = i
			case c == '-':
				j := i + 1
				for j < e && text[j] == '-' {
					j++
				}
				if j-i >= 2 {
					t.piece(p, i)
					t.emit(i, j)
					p = j
				}
				i = j
			default:
				i++
			}
			continue
		}
		r, size := utf8.DecodeRuneInString(text[i:e])
		switch r {
		case '“', '”', '„', '‟', '«', '»', '‹', '›', '¿', '¡', '。', '！', '？':
			t.piece(p, i)
			t.emit(i, i+size)
			i += size
			p = i
		case '—', '–', '‒', '―', '…':
			j := i + size
			for j+size <= e && text[j:j+size] == text[i:i+size] {
				j += size
			}
			t.piece(p, i)
			t.emit(i, j)
			i = j
			p = j
		default:
			if isEmoji(r) {
				j := i + size
				for j < e {
					r, size := utf8.DecodeRuneInString(text[j:e])
					if !isEmoji(r) && !isEmojiModifier(r) {
						break
					}
					j += size
				}
				t.piece(p, i)
				t.emit(i, j)
				i = j
				p = j
				continue
			}
			i += size
		}
	}
	t.piece(p, e)
}

// isEmoji reports whether r is a pictograph: an emoji, a dingbat or a
// miscellaneous symbol. A run of them is one token.
func isEmoji(r rune) bool {
	return 0x1f000 <= r && r <= 0x1faff || 0x2600 <= r && r <= 0x27bf || 0x2b00 <= r && r <= 0x2bff
}

// isEmojiModifier reports whether r continues an emoji: a zero-width
// joiner, a variation selector, the keycap or a tag character.
func isEmojiModifier(r rune) bool {
	return r == '\u200d' || r == '\ufe0e' || r == '\ufe0f' || r == '\u20e3' || 0xe0020 <= r && r <= 0xe007f
}

// url reports whether a URL starts at p, after at most a few opening
// quotes: it returns the URL's bounds [k, u), or u <= k if there is none.
func (t *tokenizer) url(p, e int) (k, u int) {
	text := t.text
	k = p
	// Skip opening quotes that are not split by span: ' ‘ ’ ` <.
	for n := 0; n < 2 && k < e; n++ {
		switch {
		case text[k] == '\'' || text[k] == '`' || text[k] == '<':
			k++
			continue
		case strings.HasPrefix(text[k:e], "‘"), strings.HasPrefix(text[k:e], "’"):
			k += len("‘")
			continue
		}
		break
	}
	rest := text[k:e]
	var plen int
	switch {
	case hasPrefixFold(rest, "http://"):
		plen = len("http://")
	case hasPrefixFold(rest, "https://"):
		plen = len("https://")
	case hasPrefixFold(rest, "ftp://"):
		plen = len("ftp://")
	case hasPrefixFold(rest, "www."):
		plen = len("www.")
	default:
		return k, k
	}
	// The URL runs to the first character that a URL cannot contain.
	open, closeP, openB, closeB := 0, 0, 0, 0
	u = k + plen
scan:
	for u < e {
		c := text[u]
		if c < utf8.RuneSelf {
			switch c {
			case '"', '<', '>', '{', '}', '|', '\\', '^', '`':
				break scan
			case '(':
				open++
			case ')':
				closeP++
			case '[':
				openB++
			case ']':
				closeB++
			}
			u++
			continue
		}
		r, size := utf8.DecodeRuneInString(text[u:e])
		switch r {
		case '“', '”', '„', '«', '»', '‹', '›', '‘', '’', '…', '—', '–':
			break scan
		}
		u += size
	}
	// Trailing punctuation and unbalanced closing brackets are not part of it.
	for u > k+plen {
		c := text[u-1]
		switch {
		case strings.IndexByte(".,;:!?'", c) >= 0:
			u--
		case c == ')' && closeP > open:
			u--
			closeP--
		case c == ']' && closeB > openB:
			u--
			closeB--
		default:
			if u == k+plen {
				return k, k
			}
			return k, u
		}
	}
	return k, k
}

// hasPrefixFold reports whether s starts with the lower-case ASCII prefix,
// ignoring ASCII case.
func hasPrefixFold(s, prefix string) bool {
	if len(s) < len(prefix) {
		return false
	}
	for i := 0; i < len(prefix); i++ {
		if s[i]|0x20 != prefix[i] && s[i] != prefix[i] {
			return false
		}
	}
	return true
}

func isDigit(c byte) bool { return '0' <= c && c <= '9' }

// piece tokenizes text[p:q], a part of a span without URLs and without the
// characters that are always split: it peels opening and closing
// punctuation off both ends, decides about a final period, and splits
// clitics off the word that remains.
func (t *tokenizer) piece(p, q int) {
	text := t.text
	// Opening punctuation.
	for p < q {
		c := text[p]
		if c < utf8.RuneSelf {
			switch c {
			case '\'', '`':
				if c == '\'' && keepLeadingApostrophe(text[p+1:q]) {
					goto trailing
				}
				j := p + 1
				for j < q && text[j] == c {
					j++
				}
				t.emit(p, j)
				p = j
				continue
			case '.':
				j := p + 1
				for j < q && text[j] == '.' {
					j++
				}
				if j-p < 2 { // .5, .NET
					goto trailing
				}
				t.emit(p, j)
				p = j
				continue
			case '$', '<':
				if p+1 == q {
					goto trailing
				}
				t.emit(p, p+1)
				p++
				continue
			}
			goto trailing
		}
		r, size := utf8.DecodeRuneInString(text[p:q])
		switch {
		case r == '‘' || r == '’' || r == '‚' || r == '‛':
			if keepLeadingApostrophe(text[p+size : q]) {
				goto trailing
			}
		case unicode.Is(unicode.Sc, r):
			if p+size == q {
				goto trailing
			}
		default:
			goto trailing
		}
		t.emit(p, p+size)
		p += size
	}
trailing:
	// Closing punctuation: find where it starts.
	c := q
	for c > p {
		b := text[c-1]
		if b < utf8.RuneSelf {
			switch b {
			case ':', '\'', '`', '%', '>':
				c--
				continue
			case '.':
				k := c - 1
				for k > p && text[k-1] == '.' {
					k--
				}
				if c-k == 2 && t.keepPeriod(p, k+1) {
					c = k + 1 // "U.S.." is U.S. and a period
					continue
				}
				if c-k >= 2 || !t.keepPeriod(p, c) {
					c = k
					continue
				}
			}
			break
		}
		r, size := utf8.DecodeLastRuneInString(text[p:c])
		if r == '’' || r == '‘' || r == '‚' || r == '‛' {
			c -= size
			continue
		}
		break
	}
	// The word, with its clitic split off.
	if p < c {
		if n := cliticLen(text[p:c]); n > 0 {
			t.emit(p, c-n)
			t.emit(c-n, c)
		} else {
			t.emit(p, c)
		}
	}
	// The closing punctuation, in text order; runs of periods or of one
	// quote character are one token.
	for i := c; i < q; {
		b := text[i]
		if b == '.' || b == '\'' || b == '`' {
			j := i + 1
			for j < q && text[j] == b {
				j++
			}
			t.emit(i, j)
			i = j
			continue
		}
		_, size := utf8.DecodeRuneInString(text[i:q])
		t.emit(i, i+size)
		i += size
	}
}

// keepLeadingApostrophe reports whether an apostrophe followed by rest
// begins a word by elision ('90s, 'em, 'n', 'til) or is a clitic on its own
// ('s, 'll), and so stays in the word.
func keepLeadingApostrophe(rest string) bool {
	if len(rest) >= 2 && isDigit(rest[0]) && isDigit(rest[1]) {
		return true
	}
	if isClitic(rest) {
		return true
	}
	for _, w := range [...]string{"em", "n", "til", "tis", "twas", "cause", "bout"} {
		if hasPrefixFold(rest, w) && (len(rest) == len(w) || !isASCIILetter(rest[len(w)])) {
			return true
		}
	}
	return false
}

func isASCIILetter(c byte) bool { return 'a' <= c|0x20 && c|0x20 <= 'z' }

// isClitic reports whether s, the text after an apostrophe, is a clitic.
func isClitic(s string) bool {
	switch len(s) {
	case 1:
		c := s[0] | 0x20
		return c == 's' || c == 'm' || c == 'd' || c == 't'
	case 2:
		return hasPrefixFold(s, "ll") || hasPrefixFold(s, "re") || hasPrefixFold(s, "ve")
	}
	return false
}

// cliticLen returns the length in bytes of the clitic that ends word
// (n't, 's, 'll, 're, 've, 'm, 'd, with ' or ’), or 0. The clitic is split
// off only if something precedes it.
func cliticLen(word string) int {
	n := len(word)
	if n < 3 {
		return 0
	}
	// apos returns the length of the apostrophe that ends word[:i], or 0.
	apos := func(i int) int {
		switch {
		case i >= 1 && word[i-1] == '\'':
			return 1
		case i >= 3 && word[i-3:i] == "’":
			return 3
		}
		return 0
	}
	last := word[n-1] | 0x20
	switch last {
	case 's', 'm', 'd':
		if a := apos(n - 1); a > 0 && n-1-a > 0 {
			return a + 1
		}
	case 't':
		if a := apos(n - 1); a > 0 && n-1-a >= 2 && word[n-2-a]|0x20 == 'n' {
			return a + 2
		}
	case 'l', 'e':
		if n < 4 {
			return 0
		}
		two := word[n-2 : n]
		if !hasPrefixFold(two, "ll") && !hasPrefixFold(two, "re") && !hasPrefixFold(two, "ve") {
			return 0
		}
		if a := apos(n - 2); a > 0 && n-2-a > 0 {
			return a + 2
		}
	}
	return 0
}

// keepPeriod reports whether the period that ends text[p:c] belongs to the
// word, i.e. the word is an abbreviation.
func (t *tokenizer) keepPeriod(p, c int) bool {
	w := t.text[p : c-1]
	switch abbrevClassOf(w) {
	case abbrevNone:
		return isListMarker(t.text, p, c)
	case abbrevNumber:
		return followedByNumber(t.text, c)
	}
	return true
}

// isListMarker reports whether text[p:c] is a number of one or two digits
// and a period that begin a line and are followed by more text on the same
// line, as in a numbered list ("1. Mark Crear (U.S.) 13.26 seconds").
func isListMarker(text string, p, c int) bool {
	if n := c - 1 - p; n < 1 || n > 2 || !isDigit(text[p]) || !isDigit(text[c-2]) {
		return false
	}
	i := p
	for i > 0 && (text[i-1] == ' ' || text[i-1] == '\t') {
		i--
	}
	if i > 0 && text[i-1] != '\n' && text[i-1] != '\r' {
		return false
	}
	if c+1 >= len(text) || (text[c] != ' ' && text[c] != '\t') {
		return false
	}
	for c < len(text) && (text[c] == ' ' || text[c] == '\t') {
		c++
	}
	return c < len(text) && text[c] != '\n' && text[c] != '\r'
}

// followedByNumber reports whether a digit or '#' follows position i after
// at most spaces and tabs.
func followedByNumber(text string, i int) bool {
	for i < len(text) && (text[i] == ' ' || text[i] == '\t') {
		i++
	}
	return i < len(text) && (isDigit(text[i]) || text[i] == '#')
}

// abbrevClass says how an abbreviation that keeps its period behaves at a
// possible sentence end.
type abbrevClass uint8

const (
	abbrevNone   abbrevClass = iota // not an abbreviation: the period is split off
	abbrevMaybe                     // may end a sentence (U.S., Inc., etc.)
	abbrevNever                     // a title or the like (Mr., Gen., e.g.): never ends a sentence
	abbrevNumber                    // No., Vol.: an abbreviation only before a number
)

// abbreviations maps known abbreviations, without their final period, to
// their class. Single letters joined by periods (U.S., a.m.) and single
// capital letters (initials) are recognised by abbrevClassOf.
var abbreviations = map[string]abbrevClass{
	// Titles and ranks: followed by a name.
	"Mr": abbrevNever, "Mrs": abbrevNever, "Ms": abbrevNever, "Messrs": abbrevNever,
	"Mme": abbrevNever, "Mlle": abbrevNever, "Dr": abbrevNever, "Prof": abbrevNever,
	"Gen": abbrevNever, "Gens": abbrevNever, "Lt": abbrevNever, "Col": abbrevNever,
	"Maj": abbrevNever, "Capt": abbrevNever, "Cmdr": abbrevNever, "Cdr": abbrevNever,
	"Sgt": abbrevNever, "Cpl": abbrevNever, "Pvt": abbrevNever, "Adm": abbrevNever,
	"Brig": abbrevNever, "Gov": abbrevNever, "Sen": abbrevNever, "Sens": abbrevNever,
	"Rep": abbrevNever, "Reps": abbrevNever, "Rev": abbrevNever, "Hon": abbrevNever,
	"Pres": abbrevNever, "Supt": abbrevNever, "Insp": abbrevNever, "Det": abbrevNever,
	"Atty": abbrevNever, "Msgr": abbrevNever, "Fr": abbrevNever, "Amb": abbrevNever,
	"Sec": abbrevNever, "Lieut": abbrevNever,
	// Latin and other abbreviations inside a sentence.
	"e.g": abbrevNever, "i.e": abbrevNever, "vs": abbrevNever, "cf": abbrevNever,
	"approx": abbrevNever, "viz": abbrevNever, "ca": abbrevNever,
	// Before a number.
	"No": abbrevNumber, "Nos": abbrevNumber, "Vol": abbrevNumber, "Fig": abbrevNumber,
	"pp": abbrevNumber, "Art": abbrevNumber,
	// May also end a sentence.
	"Inc": abbrevMaybe, "Corp": abbrevMaybe, "Co": abbrevMaybe, "Cos": abbrevMaybe,
	"Ltd": abbrevMaybe, "Bros": abbrevMaybe, "Jr": abbrevMaybe, "Sr": abbrevMaybe,
	"St": abbrevMaybe, "Mt": abbrevMaybe, "Ft": abbrevMaybe, "Ave": abbrevMaybe,
	"Blvd": abbrevMaybe, "Rd": abbrevMaybe, "Dept": abbrevMaybe, "Univ": abbrevMaybe,
	"Assn": abbrevMaybe, "Govt": abbrevMaybe, "Ret": abbrevMaybe, "Ph.D": abbrevMaybe,
	"etc": abbrevMaybe, "al": abbrevMaybe, "est": abbrevMaybe,
	"Jan": abbrevMaybe, "Feb": abbrevMaybe, "Mar": abbrevMaybe, "Apr": abbrevMaybe,
	"Jun": abbrevMaybe, "Jul": abbrevMaybe, "Aug": abbrevMaybe, "Sep": abbrevMaybe,
	"Sept": abbrevMaybe, "Oct": abbrevMaybe, "Nov": abbrevMaybe, "Dec": abbrevMaybe,
}

// stateAbbreviations are the AP abbreviations of US states, as in datelines
// ("MONTGOMERY, Ala."). Unlike abbreviations, they are matched only as
// written, not in capitals ("ILL." ends a shouted headline).
var stateAbbreviations = map[string]bool{
	"Ala": true, "Ariz": true, "Ark": true, "Calif": true,
	"Colo": true, "Conn": true, "Del": true, "Fla": true,
	"Ga": true, "Ill": true, "Ind": true, "Kan": true,
	"Ky": true, "La": true, "Md": true, "Mass": true,
	"Mich": true, "Minn": true, "Miss": true, "Mo": true,
	"Mont": true, "Neb": true, "Nev": true, "Okla": true,
	"Ore": true, "Pa": true, "Tenn": true, "Tex": true,
	"Va": true, "Vt": true, "Wash": true, "Wis": true,
	"Wyo": true,
}

func isUpperASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < 'A' || s[i] > 'Z' {
			return false
		}
	}
	return true
}

// maxAbbrevLen is the length of the longest key of abbreviations.
const maxAbbrevLen = 6

// abbrevClassOf returns the class of w followed by a period: a known
// abbreviation, single letters joined by periods (U.S, a.m), or a single
// capital letter (an initial); abbrevNone otherwise.
func abbrevClassOf(w string) abbrevClass {
	if w == "" {
		return abbrevNone
	}
	if len(w) <= maxAbbrevLen {
		if c, ok := abbreviations[w]; ok {
			return c
		}
		if stateAbbreviations[w] {
			return abbrevMaybe
		}
		if len(w) >= 2 && isUpperASCII(w) {
			// Capitals, as in headlines and datelines: ST. LOUIS, GEN. SMITH.
			var buf [maxAbbrevLen]byte
			buf[0] = w[0]
			for i := 1; i < len(w); i++ {
				buf[i] = w[i] | 0x20
			}
			switch t := string(buf[:len(w)]); t {
			case "Mr", "Mrs", "Ms", "Dr", "Prof", "Gen", "Lt", "Col", "Capt", "Sgt",
				"Gov", "Sen", "Rep", "Rev", "St", "Mt", "Ft", "Inc", "Corp", "Co",
				"Ltd", "Jr", "Sr", "No", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul",
				"Aug", "Sep", "Sept", "Oct", "Nov", "Dec":
				// Not SEC., ART.: words in capitals at the end of a sentence.
				return abbreviations[t]
			}
		}
	}
	if i := strings.LastIndexByte(w, '-'); i >= 0 {
		// Iraq-U.N.: the part after the last hyphen decides.
		if c := abbrevClassOf(w[i+1:]); c == abbrevMaybe {
			return c
		}
		return abbrevNone
	}
	r, size := utf8.DecodeRuneInString(w)
	if size == len(w) {
		if unicode.IsUpper(r) {
			return abbrevMaybe
		}
		return abbrevNone
	}
	// Single letters joined by periods: L.L(.L)*
	letters := 0
	for i := 0; i < len(w); {
		r, size := utf8.DecodeRuneInString(w[i:])
		if !unicode.IsLetter(r) {
			return abbrevNone
		}
		letters++
		i += size
		if i == len(w) {
			break
		}
		if w[i] != '.' || i+1 == len(w) {
			return abbrevNone
		}
		i++
	}
	if letters >= 2 {
		return abbrevMaybe
	}
	return abbrevNone
}
