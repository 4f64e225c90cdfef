package corpus

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Tokenize splits text into tokens roughly the way CoNLL-2003 writes them,
// for tests that need CoNLL-style input made from the project's own text:
// at whitespace, then punctuation off the ends of words (brackets, quotes,
// commas, colons, semicolons, "!", "?" and a final "." unless the word is
// an abbreviation such as "U.S.", "Mr." or an initial), and the clitics
// "'s" and "n't" off their words ("Georgia's" gives "Georgia" "'s").
// Hyphens, slashes and points inside words stay ("1-0", "46.3"). The
// tokens are substrings of text, never empty, and contain no whitespace.
func Tokenize(text string) []string {
	var toks []string
	for _, w := range strings.Fields(text) {
		toks = appendWord(toks, w)
	}
	return toks
}

const (
	openPunct  = "([{\"“‘«'"
	closePunct = ")]}\"”’»,;:!?…'"
)

// appendWord appends the tokens of the whitespace-free word w.
func appendWord(toks []string, w string) []string {
	if c := clitic(w); c != "" && len(c) == len(w) {
		return append(toks, w) // a clitic alone
	}
	for w != "" {
		r, n := utf8.DecodeRuneInString(w)
		if !strings.ContainsRune(openPunct, r) {
			break
		}
		toks = append(toks, w[:n])
		w = w[n:]
	}
	var tail []string // trailing punctuation, last first
	for w != "" {
		r, n := utf8.DecodeLastRuneInString(w)
		if r == '.' && abbreviation(w) || r != '.' && !strings.ContainsRune(closePunct, r) {
			break
		}
		tail = append(tail, w[len(w)-n:])
		w = w[:len(w)-n]
	}
	if c := clitic(w); c != "" && len(c) < len(w) {
		toks = append(toks, w[:len(w)-len(c)], c)
	} else if w != "" {
		toks = append(toks, w)
	}
	for i := len(tail) - 1; i >= 0; i-- {
		toks = append(toks, tail[i])
	}
	return toks
}

// clitic returns the clitic "'s" or "n't" (any case, straight or curly
// apostrophe) that ends w, or "".
func clitic(w string) string {
	low := strings.ToLower(w)
	for _, c := range []string{"n't", "n’t", "'s", "’s"} {
		if strings.HasSuffix(low, c) {
			return w[len(w)-len(c):]
		}
	}
	return ""
}

// abbreviations are the words, without their point, whose final "." is
// part of them.
var abbreviations = map[string]bool{
	"Mr": true, "Mrs": true, "Ms": true, "Dr": true, "St": true, "Jr": true, "Sr": true,
	"Gen": true, "Lt": true, "Col": true, "Maj": true, "Sgt": true, "Capt": true, "Adm": true,
	"Gov": true, "Sen": true, "Rep": true, "Prof": true, "Rev": true, "No": true,
	"Inc": true, "Corp": true, "Ltd": true, "Co": true, "Bros": true, "vs": true, "etc": true,
	"Jan": true, "Feb": true, "Mar": true, "Apr": true, "Jun": true, "Jul": true, "Aug": true,
	"Sep": true, "Sept": true, "Oct": true, "Nov": true, "Dec": true,
}

// abbreviation reports whether the point that ends w belongs to it: w is
// a listed abbreviation, a single letter (an initial) or has another
// point ("U.S.", "a.m.").
func abbreviation(w string) bool {
	stem := w[:len(w)-1]
	if stem == "" {
		return false
	}
	if abbreviations[stem] || strings.Contains(stem, ".") {
		return true
	}
	r, n := utf8.DecodeRuneInString(stem)
	return n == len(stem) && unicode.IsLetter(r)
}

// Sentences splits the texts of docs into sentences of tokens (see
// Tokenize), in order: a sentence ends at a line break and after a token
// ".", "!" or "?" with the closing quotes and brackets that follow it (a
// straight quote closes when the line has an odd number of them before
// it).
// Datelines and headlines, which have no final point, are sentences of
// their own when they stand on their own line.
func Sentences(docs []Doc) [][]string {
	var sents [][]string
	for _, d := range docs {
		for _, line := range strings.Split(d.Text, "\n") {
			toks := Tokenize(line)
			start, quotes := 0, 0
			for i := 0; i < len(toks); i++ {
				switch toks[i] {
				case `"`, "'":
					quotes++
					continue
				case ".", "!", "?":
				default:
					continue
				}
				for i+1 < len(toks) && closing(toks[i+1], quotes) {
					if i++; toks[i] == `"` || toks[i] == "'" {
						quotes++
					}
				}
				sents = append(sents, toks[start:i+1])
				start = i + 1
			}
			if start < len(toks) {
				sents = append(sents, toks[start:])
			}
		}
	}
	return sents
}

// closing reports whether t is a closing bracket or quote, given the
// number of straight quotes before it.
func closing(t string, quotes int) bool {
	if t == `"` || t == "'" {
		return quotes%2 == 1
	}
	r, n := utf8.DecodeRuneInString(t)
	return n == len(t) && strings.ContainsRune(")]}”’»", r)
}
