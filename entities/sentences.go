package entities

import (
	"context"
	"unicode"
	"unicode/utf8"
)

// maxSentenceTokens caps the length of a sentence: a run of more tokens
// without a boundary (a table dump, a page of web debris) is cut into
// sentences of at most this many tokens, so that later stages that work
// per sentence never see an unbounded one.
const maxSentenceTokens = 1024

// SplitSentences groups the tokens of text into sentences.
//
// tokens must be the tokens of text in text order, as [Tokenize] returns
// them. The sentences cover all tokens, in order, without overlap; none is
// empty. A sentence's Start is its first token's Start and its End its last
// token's End (byte offsets into text, half-open), and
// tokens[TokenStart:TokenEnd] are its tokens. SplitSentences returns nil if
// there are no tokens. It does not panic on tokens that are out of order or
// whose offsets do not fit text, but then it sees no line breaks.
//
// The rules, for news and the web pages it is copied from:
//
//   - A blank line (two line breaks with only white space between them, or a
//     form feed or paragraph separator) always ends a sentence.
//   - A sentence ends after . ? ! … or a run of periods, together with the
//     closing quotes and brackets that follow it (“… NATO.” stays one
//     sentence), unless the next token begins with a lower-case letter
//     (“Why?” he asked) or is a comma, semicolon or colon.
//   - An abbreviation that keeps its period (see [Tokenize]) does not end a
//     sentence, except that one that can stand at the end of a sentence
//     (U.S., Inc., Corp., St., a.m., etc., Jr., single initials) ends it when
//     the next word is a typical sentence opener: a capitalised pronoun,
//     determiner, conjunction, preposition or adverb ("… in the U.S. The
//     move …" splits, "the U.S. Navy" does not; "… in the U.S. Russia said"
//     is a known miss). Titles (Mr., Gen., Dr.), e.g., i.e. and No. before
//     a number never end a sentence.
//   - A line that ends without terminal punctuation (a headline, a
//     dateline, a line of web debris) ends its sentence, unless the next
//     line begins with a lower-case letter or the line ends with a comma, a
//     semicolon, a title or a word such as "and", "of" or "the": those are
//     hard-wrapped sentences.
//   - No sentence has more than 1024 tokens; a longer run is cut.
//
// SplitSentences runs in time linear in the size of text and tokens.
func SplitSentences(text string, tokens []Token) []Sentence {
	if len(tokens) == 0 {
		return nil
	}
	return appendSentences(make([]Sentence, 0, len(tokens)/16+1), text, tokens)
}

// appendSentences appends the sentences of tokens to dst, as
// [SplitSentences] would return them, and returns the extended slice.
func appendSentences(dst []Sentence, text string, toks []Token) []Sentence {
	dst, _ = appendSentencesContext(context.Background(), dst, text, toks)
	return dst
}

// appendSentencesContext is appendSentences that looks at ctx once every
// checkTokens tokens and stops with its error once it is done.
func appendSentencesContext(ctx context.Context, dst []Sentence, text string, toks []Token) ([]Sentence, error) {
	if !tokensFit(text, toks) {
		text = "" // no gaps to look at: no line rules
	}
	n := len(toks)
	start := 0
	check := checkTokens
	for i := 0; i < n; i++ {
		if i >= check {
			if err := ctx.Err(); err != nil {
				return dst, err
			}
			check = i + checkTokens
		}
		last, brk := sentenceBreak(text, toks, i, start+maxSentenceTokens-1)
		i = last
		if !brk && i+1-start < maxSentenceTokens && i+1 < n {
			continue
		}
		dst = append(dst, Sentence{
			Start:      toks[start].Start,
			End:        toks[i].End,
			TokenStart: start,
			TokenEnd:   i + 1,
		})
		start = i + 1
	}
	return dst, nil
}

// sentenceBreak decides whether a sentence ends at token i, or at the
// closing quotes and brackets that follow it, up to token limit: it returns
// the index of the last token so considered, and whether the sentence ends
// after it.
func sentenceBreak(text string, toks []Token, i, limit int) (last int, brk bool) {
	n := len(toks)
	if i+1 >= n {
		return i, true
	}
	breaks := lineBreaks(gapBetween(text, toks, i))
	if breaks >= 2 {
		return i, true
	}
	kind := classifyToken(toks[i].Text)
	switch kind {
	case tokTerminal, tokMaybe:
		j := i
		for j+1 < n && j < limit && isClosingToken(toks[j], toks[j+1]) &&
			lineBreaks(gapBetween(text, toks, j)) == 0 {
			j++
			if isTerminalText(toks[j].Text) {
				kind = tokTerminal // "U.S.." or "Inc.!"
			}
		}
		if j+1 == n {
			return j, true
		}
		breaks = lineBreaks(gapBetween(text, toks, j))
		if breaks >= 2 {
			return j, true
		}
		next := toks[j+1].Text
		if kind == tokMaybe {
			return j, isSentenceOpener(next) || (breaks == 1 && !startsLower(next))
		}
		return j, !startsLower(next) && !isMidPunct(next)
	case tokNever:
		return i, false
	}
	if breaks == 1 {
		return i, !startsLower(toks[i+1].Text) && !continuesLine(toks[i].Text)
	}
	return i, false
}

// tokensFit reports whether tokens are in order, do not overlap and lie
// within text, so that the gaps between them are disjoint parts of text.
func tokensFit(text string, toks []Token) bool {
	end := 0
	for _, t := range toks {
		if t.Start < end || t.End < t.Start || t.End > len(text) {
			return false
		}
		end = t.End
	}
	return true
}

// gapBetween returns the text between tokens i and i+1, or "" if their
// offsets do not fit text.
func gapBetween(text string, toks []Token, i int) string {
	s, e := toks[i].End, toks[i+1].Start
	if s < 0 || s > e || e > len(text) {
		return ""
	}
	return text[s:e]
}

// lineBreaks counts the line breaks in gap, up to 2 (a blank line). CR LF
// is one break; a form feed or U+2029 paragraph separator counts as a blank
// line.
func lineBreaks(gap string) int {
	n := 0
	for i := 0; i < len(gap) && n < 2; i++ {
		switch gap[i] {
		case '\n', '\v':
			n++
		case '\r':
			n++
			if i+1 < len(gap) && gap[i+1] == '\n' {
				i++
			}
		case '\f':
			n += 2
		case 0xc2: // U+0085 next line
			if i+1 < len(gap) && gap[i+1] == 0x85 {
				n++
				i++
			}
		case 0xe2: // U+2028 line separator, U+2029 paragraph separator
			if i+2 < len(gap) && gap[i+1] == 0x80 {
				switch gap[i+2] {
				case 0xa8:
					n++
					i += 2
				case 0xa9:
					n += 2
					i += 2
				}
			}
		}
	}
	return n
}

// Token kinds for sentence splitting.
const (
	tokOther    = iota
	tokTerminal // . ? ! … and runs of them; a word with an unknown final period
	tokMaybe    // an abbreviation that may end a sentence
	tokNever    // an abbreviation that never ends a sentence
)

// classifyToken returns the kind of a token's text.
func classifyToken(s string) int {
	if s == "" {
		return tokOther
	}
	if isTerminalText(s) {
		return tokTerminal
	}
	if len(s) < 2 || s[len(s)-1] != '.' {
		return tokOther
	}
	w := s[:len(s)-1]
	if len(w) <= 2 && isDigit(w[0]) && isDigit(w[len(w)-1]) {
		return tokNever // a list marker: "1. Mark Crear"
	}
	switch abbrevClassOf(w) {
	case abbrevMaybe:
		return tokMaybe
	case abbrevNever, abbrevNumber:
		return tokNever
	}
	return tokTerminal
}

func isTerminalRune(r rune) bool {
	switch r {
	case '.', '?', '!', '…', '。', '！', '？', '‼', '⁇', '⁈', '⁉':
		return true
	}
	return false
}

// isClosingToken reports whether tok, which follows prev, closes the
// sentence that prev ends: a closing bracket or quote, or more terminal
// punctuation. Quotes that may also open ("  ' ’) and terminal punctuation
// must touch prev.
func isClosingToken(prev, tok Token) bool {
	switch tok.Text {
	case ")", "]", "}", "”", "»", "›":
		return true
	case `"`, "'", "’", "''", "`", "``":
		return tok.Start == prev.End
	}
	return tok.Start == prev.End && isTerminalText(tok.Text)
}

// isTerminalText reports whether s is made of terminal punctuation only.
func isTerminalText(s string) bool {
	for _, r := range s {
		if !isTerminalRune(r) {
			return false
		}
	}
	return s != ""
}

// startsLower reports whether s begins with a lower-case letter.
func startsLower(s string) bool {
	if s == "" {
		return false
	}
	if c := s[0]; c < utf8.RuneSelf {
		return 'a' <= c && c <= 'z'
	}
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsLower(r)
}

// isMidPunct reports whether s is punctuation that continues a sentence
// after a terminal (Yahoo!, Inc.).
func isMidPunct(s string) bool {
	switch s {
	case ",", ";", ":":
		return true
	}
	return false
}

// continuesLine reports whether a line ending with token s continues on the
// next line: a hard-wrapped sentence rather than a headline.
func continuesLine(s string) bool {
	switch s {
	case ",", ";", "and", "or", "but", "nor", "of", "the", "a", "an", "to", "in",
		"on", "at", "for", "with", "by", "from", "as", "that", "than", "into",
		"between", "against", "about", "over", "after", "before", "under",
		"within", "through", "toward", "towards", "via", "amid", "among",
		"his", "her", "its", "their", "our", "this", "these", "those", "who",
		"which", "whose", "is", "are", "was", "were", "will", "would", "has",
		"have", "had", "be", "been", "not":
		return true
	}
	return false
}

// isSentenceOpener reports whether s is a word that typically begins a
// sentence and rarely follows an abbreviation inside a name ("U.S. Navy").
func isSentenceOpener(s string) bool {
	switch s {
	case "The", "A", "An", "This", "That", "These", "Those", "There", "Here",
		"It", "Its", "He", "She", "His", "Her", "They", "Their", "We", "Our",
		"I", "My", "You", "Your", "Who", "What", "When", "Where", "Which",
		"While", "Why", "How", "If", "In", "On", "At", "For", "From", "By",
		"With", "Without", "As", "After", "Before", "During", "Since", "Until",
		"Although", "Though", "Because", "But", "And", "Or", "Nor", "So", "Yet",
		"However", "Meanwhile", "Moreover", "Furthermore", "Nevertheless",
		"Still", "Also", "Instead", "Thus", "Then", "Now", "Today", "Yesterday",
		"Some", "Many", "Most", "Several", "Both", "All", "Each", "Such", "No",
		"Not", "According", "Despite", "Under", "Mr.", "Mrs.", "Ms.":
		return true
	}
	return false
}
