package entities

import (
	"strings"
	"testing"
)

// TestMayStartDate checks mayStartDate's one lookup against the tests it
// stands for, on every word of its tables and others.
func TestMayStartDate(t *testing.T) {
	old := func(w string) bool {
		if w == "" {
			return false
		}
		if c := w[0]; c >= '0' && c <= '9' || c == '\'' || c == 0xe2 {
			return true
		}
		return dateStartWords[w] || strings.IndexByte(w, '-') >= 0 || monthNumber(w) > 0 || weekdayNumber(w) >= 0 || seasonCode(w) != ""
	}
	words := strings.Fields("the of said russia putin mid-2014 x- - spring fall autumn winter summer sept sept. may june jun monday mon today a an 1990s '90s ’90s")
	for _, m := range []map[string]int{monthNames, weekdays} {
		for w := range m {
			words = append(words, w, w+"s", strings.ToUpper(w))
		}
	}
	for w := range dateStartWords {
		words = append(words, w, w+"x")
	}
	for _, w := range words {
		if got, want := mayStartDate(w), old(w); got != want {
			t.Errorf("mayStartDate(%q) = %v, want %v", w, got, want)
		}
	}
}

// lowerTestWords returns words for the tests of the shortcuts that skip
// lowerASCII: the given lists' words as they are, capitalised and in
// upper case, and words whose lower-case forms change length or ends.
func lowerTestWords(lists ...[]string) []string {
	words := strings.Fields("the of said russia putin mid-2014 x- - a an 1990s '90s ’90s ‘90 İn İ K Kelvin \xffthe the\xff tHe THE Ünited x xx")
	words = append(words, "", "K", "İstanbul", "ſpring", "KİNG", "kİng")
	for _, l := range lists {
		for _, w := range l {
			if w == "" {
				continue
			}
			words = append(words, w, strings.ToUpper(w[:1])+w[1:], strings.ToUpper(w), w+"s", "x"+w, w[:len(w)-1])
		}
	}
	return words
}

func keys[V any](m map[string]V) []string {
	var out []string
	for w := range m {
		out = append(out, w)
	}
	return out
}

// TestMayStartDateAt checks mayStartDateAt against mayStartDate of the
// lower-cased word.
func TestMayStartDateAt(t *testing.T) {
	for _, w := range lowerTestWords(keys(dateStarters), keys(monthNames), keys(weekdays)) {
		toks := []Token{{Text: w}}
		if got, want := mayStartDateAt(toks, 0), mayStartDate(lowerAt(toks, 0)); got != want {
			t.Errorf("mayStartDateAt(%q) = %v, want %v", w, got, want)
		}
	}
	if mayStartDateAt(nil, 0) || mayStartDateAt([]Token{{Text: "May"}}, 1) {
		t.Error("mayStartDateAt out of range is true")
	}
}

// TestEndsFilter checks that an endsFilter passes every word whose
// lower-case form is one of its words.
func TestEndsFilter(t *testing.T) {
	set := []string{"president", "mr.", "king", "i", "over", "k", "ünited", "'90s", "ſ"}
	f := newEndsFilter(set)
	in := map[string]bool{}
	for _, w := range set {
		in[w] = true
	}
	rejected := 0
	for _, w := range lowerTestWords(set, keys(personTitles)) {
		if !f.mayHold(w) {
			rejected++
			if in[lowerASCII(w)] {
				t.Errorf("the filter rejects %q", w)
			}
		}
	}
	if rejected == 0 {
		t.Error("the filter rejects nothing")
	}
}

// TestRetypeByHead checks retypeByHead, which lower-cases each word once,
// against its definition.
func TestRetypeByHead(t *testing.T) {
	plain := func(toks []Token, typ Type) Type {
		for k := len(toks) - 1; k >= 0; k-- {
			w := lowerASCII(toks[k].Text)
			if k > 0 && lowerASCII(toks[k-1].Text) == "of" {
				continue
			}
			if w == "of" {
				for h := k - 1; h >= 0; h-- {
					if t := headType(lowerASCII(toks[h].Text)); t != "" {
						return t
					}
				}
				return typ
			}
			if t := headType(w); t != "" {
				return t
			}
		}
		return typ
	}
	names := []string{"Bank of Russia", "University of Lake Forest", "Lake Tana", "of", "Of Of", "the River of Mountains of Region",
		"McGill University", "Morogoro Region", "Republic of Korea", "Foo Bar", "", "Gulf Of", "of University", "Sea of of Lake"}
	for _, n := range names {
		var toks []Token
		for _, w := range strings.Fields(n) {
			toks = append(toks, Token{Text: w})
		}
		for _, typ := range []Type{"", Person, Org} {
			if got, want := retypeByHead(toks, typ), plain(toks, typ); got != want {
				t.Errorf("retypeByHead(%q, %q) = %q, want %q", n, typ, got, want)
			}
		}
	}
}
