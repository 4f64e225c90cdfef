package corpus

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestTokenize(t *testing.T) {
	tests := []struct {
		name, text string
		want       []string
	}{
		{"empty", " \n\t", nil},
		{"sentence", "Tbilisi will hold a second round on July 12.", []string{"Tbilisi", "will", "hold", "a", "second", "round", "on", "July", "12", "."}},
		{"dateline", "TBILISI, June 17 - Tbilisi", []string{"TBILISI", ",", "June", "17", "-", "Tbilisi"}},
		{"brackets and figures", "the Central Election Commission (CEC) said 46.3 percent, 1,083 precincts", []string{"the", "Central", "Election", "Commission", "(", "CEC", ")", "said", "46.3", "percent", ",", "1,083", "precincts"}},
		{"quotes", `"The people have asked," Kapanadze said: “not now”.`, []string{`"`, "The", "people", "have", "asked", ",", `"`, "Kapanadze", "said", ":", "“", "not", "now", "”", "."}},
		{"clitics", "Georgia's party won't, the OSCE’s office didn't", []string{"Georgia", "'s", "party", "wo", "n't", ",", "the", "OSCE", "’s", "office", "did", "n't"}},
		{"abbreviations", "Mr. Smith of the U.S. met Gen. J. Doe at 7:40 a.m. on Jan. 5. He left!?", []string{"Mr.", "Smith", "of", "the", "U.S.", "met", "Gen.", "J.", "Doe", "at", "7:40", "a.m.", "on", "Jan.", "5", ".", "He", "left", "!", "?"}},
		{"hyphens", "a 1-0 win for the Labour-led alliance ... end", []string{"a", "1-0", "win", "for", "the", "Labour-led", "alliance", "...", "end"}},
		{"punctuation alone", `. , " ( — 's`, []string{".", ",", `"`, "(", "—", "'s"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if diff := cmp.Diff(tt.want, Tokenize(tt.text)); diff != "" {
				t.Errorf("Tokenize(%q) mismatch (-want +got):\n%s", tt.text, diff)
			}
		})
	}
}

func TestSentences(t *testing.T) {
	docs := []Doc{
		{ID: "a", Text: "Headline without a point\n\nTBILISI, June 17 - Voting ends. \"It was fair,\" he said. Turnout fell!\n"},
		{ID: "b", Text: "Mr. Smith left (he said so.) Then he came back"},
	}
	want := [][]string{
		{"Headline", "without", "a", "point"},
		{"TBILISI", ",", "June", "17", "-", "Voting", "ends", "."},
		{`"`, "It", "was", "fair", ",", `"`, "he", "said", "."},
		{"Turnout", "fell", "!"},
		{"Mr.", "Smith", "left", "(", "he", "said", "so", ".", ")"},
		{"Then", "he", "came", "back"},
	}
	if diff := cmp.Diff(want, Sentences(docs)); diff != "" {
		t.Errorf("Sentences mismatch (-want +got):\n%s", diff)
	}
}

// TestWrittenSentences checks the written corpus cut into sentences: every
// token is non-empty and without whitespace, and the corpus gives over
// 3,000 sentences of news length (about 27 tokens on average).
func TestWrittenSentences(t *testing.T) {
	docs, err := Written()
	if err != nil {
		t.Fatal(err)
	}
	sents := Sentences(docs)
	tokens := 0
	for _, s := range sents {
		if len(s) == 0 {
			t.Fatal("an empty sentence")
		}
		for _, tok := range s {
			if tok == "" || strings.ContainsFunc(tok, func(r rune) bool { return r == ' ' || r == '\n' || r == '\t' }) {
				t.Fatalf("token %q in %q", tok, s)
			}
		}
		tokens += len(s)
	}
	t.Logf("%s: %d sentences, %d tokens", WrittenFile, len(sents), tokens)
	if len(sents) < 3_000 || tokens/len(sents) < 10 || tokens/len(sents) > 40 {
		t.Errorf("%d sentences of %d tokens on average", len(sents), tokens/max(1, len(sents)))
	}
}
