package entities

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

// FuzzTokenizeSplit runs the tokenizer and the sentence splitter on
// arbitrary text and checks their contracts (see CheckTokenInvariants:
// tokens non-empty, in bounds, ordered, slicing the text to their Text;
// sentences covering all tokens in order and spanning them) and that a
// second run gives the same tokens and sentences. It also splits the
// tokens of the text's first half alone, which must keep the rules.
// Seeds are in testdata/fuzz/FuzzTokenizeSplit.
//
//	go test -run '^$' -fuzz '^FuzzTokenizeSplit$' -fuzztime 10m -parallel 1 ./entities/
func FuzzTokenizeSplit(f *testing.F) {
	f.Add("Mr. Putin met the U.S. envoy on Aug. 8, 2008. He left.")
	f.Fuzz(func(t *testing.T, text string) {
		toks, sents := checkText(t, text)
		if t.Failed() {
			return
		}
		toks2 := Tokenize(text)
		sents2 := SplitSentences(text, toks2)
		if diff := cmp.Diff(toks, toks2); diff != "" {
			t.Fatalf("second Tokenize differs (-first +second):\n%s", diff)
		}
		if diff := cmp.Diff(sents, sents2); diff != "" {
			t.Fatalf("second SplitSentences differs (-first +second):\n%s", diff)
		}
		// A prefix of the token list is a valid input to the splitter too.
		half := toks[:len(toks)/2]
		CheckTokenInvariants(t, text, half, SplitSentences(text, half))
	})
}
