package entities

import (
	"math/rand"
	"strings"
	"testing"

	"github.com/statecraft/statecraft/internal/corpus"
)

// TestHeadTypeTable checks that the one-lookup headType gives what the
// three head-word tables give in their order, for every word they hold
// and for words they do not.
func TestHeadTypeTable(t *testing.T) {
	words := []string{"", "of", "the", "Bank", "bank", "river", "kingdom", "party", "xyzzy"}
	for _, heads := range []map[string]bool{orgHeads, placeHeads, stateHeads} {
		for w := range heads {
			words = append(words, w, w+"s", strings.ToUpper(w), w[1:], w[:len(w)-1], "x"+w, w+"x")
		}
	}
	// Random words of a few letters, to exercise headTypeEnds.
	r := rand.New(rand.NewSource(5))
	for range 100000 {
		b := make([]byte, 1+r.Intn(8))
		for i := range b {
			b[i] = "abcdefghijklmnopqrstuvwxyzAÉ-'"[r.Intn(31)]
		}
		words = append(words, string(b))
	}
	for _, w := range words {
		if got, want := headType(w), headTypeSlow(w); got != want {
			t.Errorf("headType(%q) = %q, want %q", w, got, want)
		}
	}
}

// TestLowerASCII checks lowerASCII against strings.ToLower, twice for
// each word (a miss, then a hit of the memo), for words of every length
// with a byte to lower-case anywhere, and for more words than the memo has
// slots, so that slots are replaced.
func TestLowerASCII(t *testing.T) {
	words := []string{"", "a", "A", "The", "THE", "the", "Ünited", "İstanbul", "ΣΟΦΙΑ", "x\xffY", "McDonald's",
		strings.Repeat("Ab", lowerMemoMax/2), strings.Repeat("Ab", lowerMemoMax/2+1)}
	// Every length to 20, with an upper-case letter, a non-ASCII byte or
	// the bytes around the letters ('@', '[', '`', '{') at each position,
	// so that each chunk of lowerASCII and each of its bytes is tested.
	for n := 1; n <= 20; n++ {
		base := []byte(strings.Repeat("m", n))
		words = append(words, string(base))
		for i := range n {
			for _, c := range []byte{'A', 'Z', 'a', 'z', '@', '[', '`', '{', 0x7f, 0x80, 0xc3, 0xff, '0'} {
				w := append([]byte(nil), base...)
				w[i] = c
				words = append(words, string(w))
			}
		}
	}
	for i := range 3 << lowerMemoBits {
		words = append(words, "Word"+strings.Repeat("Z", i%7)+string(rune('A'+i%26))+string(rune('a'+i/26%26))+string(rune('A'+i/676%26)))
	}
	for range 2 {
		for _, w := range words {
			if got, want := lowerASCII(w), strings.ToLower(w); got != want {
				t.Fatalf("lowerASCII(%q) = %q, want %q", w, got, want)
			}
		}
	}
}

// TestIsBoilerplateASCII checks isBoilerplate's ASCII path against
// isBoilerplateSlow: each phrase alone, in upper case, after and before
// other words, cut short, at the length limit and past it, and the lines
// of the written corpus.
func TestIsBoilerplateASCII(t *testing.T) {
	lines := []string{"", " ", "Copyright 2016 The Associated Press.", "COPYRIGHT reserved", "Photo: Reuters", "© Reuters", "Ünited Press. All Rights Reserved"}
	for _, ps := range [][]string{boilerplateStarts, boilerplateContains} {
		for _, p := range ps {
			lines = append(lines, p, strings.ToUpper(p), "  "+p+" x ", "The "+p, p+" The", p[:len(p)-1],
				strings.Repeat("a", maxBoilerplateBytes-len(p))+p, strings.Repeat("a", maxBoilerplateBytes+1-len(p))+p)
		}
	}
	docs, err := corpus.Written()
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range docs {
		lines = append(lines, strings.Split(d.Text, "\n")...)
	}
	yes := 0
	for _, l := range lines {
		got, want := isBoilerplate(l), isBoilerplateSlow(l)
		if got != want {
			t.Errorf("isBoilerplate(%q) = %v, want %v", l, got, want)
		}
		if got {
			yes++
		}
	}
	if yes < 100 {
		t.Errorf("only %d lines of furniture among %d: the test tests little", yes, len(lines))
	}
}

// TestIsOrgNoun checks the switch of isOrgNoun against its list.
func TestIsOrgNoun(t *testing.T) {
	list := map[string]bool{"party": true, "newspaper": true, "daily": true, "weekly": true, "tabloid": true,
		"magazine": true, "movement": true, "broadcaster": true, "agency": true}
	words := []string{"", "Party", "PARTY", "parties", "part", "agencyx", "news", "group"}
	for w := range list {
		words = append(words, w, w+"s", w[1:], strings.ToUpper(w[:1])+w[1:])
	}
	for _, w := range words {
		if got := isOrgNoun(w); got != list[w] {
			t.Errorf("isOrgNoun(%q) = %v, want %v", w, got, list[w])
		}
	}
}

// TestIsBodyFirst checks isBodyFirst against the plain lookup of the
// lower-cased word: the words of bodyFirst as they are, capitalised, in
// upper case and altered, and random words.
func TestIsBodyFirst(t *testing.T) {
	words := []string{"", "a", "The", "MINISTRY", "Ministry", "ministries", "ümit", "\xff"}
	for w := range bodyFirst {
		words = append(words, w, strings.ToUpper(w), strings.ToUpper(w[:1])+w[1:], w[1:], w[:len(w)-1], w+"s", "x"+w)
	}
	r := rand.New(rand.NewSource(7))
	for range 100000 {
		b := make([]byte, 1+r.Intn(10))
		for i := range b {
			b[i] = "abcdefghijklmnopqrstuvwxyzAMPÉ-'"[r.Intn(33)]
		}
		words = append(words, string(b))
	}
	for _, w := range words {
		if got, want := isBodyFirst(w), bodyFirst[strings.ToLower(w)]; got != want {
			t.Errorf("isBodyFirst(%q) = %v, want %v", w, got, want)
		}
	}
}
