package entities

import (
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

// sentenceTexts returns text[Start:End] of each sentence.
func sentenceTexts(text string, sents []Sentence) []string {
	if len(sents) == 0 {
		return nil
	}
	s := make([]string, len(sents))
	for i, sent := range sents {
		s[i] = text[sent.Start:sent.End]
	}
	return s
}

func TestSplitSentences(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []string
	}{
		{"seed headline and lede on consecutive lines",
			"Russia, Caucasus allies to form ‘security outline’ to counter NATO\nRussia, Abkhazia and South Ossetia may soon enter a trilateral treaty, a top diplomat has said.",
			[]string{"Russia, Caucasus allies to form ‘security outline’ to counter NATO",
				"Russia, Abkhazia and South Ossetia may soon enter a trilateral treaty, a top diplomat has said."}},
		{"seed salutation before a blank line",
			"Dear readers and commenters,\n\nWe have implemented a new engine for our comment section. We hope the transition goes smoothly.",
			[]string{"Dear readers and commenters,", "We have implemented a new engine for our comment section.", "We hope the transition goes smoothly."}},
		{"seed footer",
			"Sorry for the inconvenience, and looking forward to your future comments,\n\nRT Team.",
			[]string{"Sorry for the inconvenience, and looking forward to your future comments,", "RT Team."}},
		{"seed icon line",
			"icon bookmark-bicon bookmarkicon cameraicon yticon wticon fm\n\nRussia, Caucasus allies to form ‘security outline’ to counter NATO",
			[]string{"icon bookmark-bicon bookmarkicon cameraicon yticon wticon fm", "Russia, Caucasus allies to form ‘security outline’ to counter NATO"}},
		{"closing curly quote stays in the sentence",
			"The future bloc will be “modeled on NATO to counter NATO.” The official added that.",
			[]string{"The future bloc will be “modeled on NATO to counter NATO.”", "The official added that."}},
		{"closing ASCII quote touching the period stays, an opening one starts the next",
			`He said "no." "Yes," she said. "Why?`,
			[]string{`He said "no."`, `"Yes," she said.`, `"Why?`}},
		{"question in a quote before a lower-case word",
			"“Why?” he asked. Nobody knew!",
			[]string{"“Why?” he asked.", "Nobody knew!"}},
		{"parenthesis after the period",
			"(See page 5.) Then more.",
			[]string{"(See page 5.)", "Then more."}},
		{"exclamation and question marks",
			"Stop! Now?! Yes.",
			[]string{"Stop!", "Now?!", "Yes."}},
		{"ellipsis before a lower-case word does not end",
			"Wait... what happened? Nothing… Then he left.",
			[]string{"Wait... what happened?", "Nothing…", "Then he left."}},
		{"U.S. inside a sentence",
			"The U.S. Navy and U.S. President spoke in the U.S. on Friday.",
			[]string{"The U.S. Navy and U.S. President spoke in the U.S. on Friday."}},
		{"U.S. at the end before a sentence opener",
			"Russia imposed sanctions on the U.S. The move was expected. It came after the U.S. In May, talks failed.",
			[]string{"Russia imposed sanctions on the U.S.", "The move was expected.", "It came after the U.S.", "In May, talks failed."}},
		{"U.S. at the end before a name is a known miss",
			"Russia imposed sanctions on the U.S. Russia said so.",
			[]string{"Russia imposed sanctions on the U.S. Russia said so."}},
		{"U.S. with a sentence period",
			"Russia imposed sanctions on the U.S.. Russia said so.",
			[]string{"Russia imposed sanctions on the U.S..", "Russia said so."}},
		{"U.S. at the end of a line",
			"Russia imposed sanctions on the U.S.\nRussia said so.",
			[]string{"Russia imposed sanctions on the U.S.", "Russia said so."}},
		{"Gen. and Jan. do not end sentences",
			"Gen. Smith arrived on Jan. 5. He left on Dec. 6 with Lt. Col. Jones.",
			[]string{"Gen. Smith arrived on Jan. 5.", "He left on Dec. 6 with Lt. Col. Jones."}},
		{"titles and St.",
			"Mr. Smith met Dr. Jones in St. Petersburg. They spoke.",
			[]string{"Mr. Smith met Dr. Jones in St. Petersburg.", "They spoke."}},
		{"St. at the end",
			"He lives on Main St. The house is old.",
			[]string{"He lives on Main St.", "The house is old."}},
		{"initials",
			"George W. Bush and J.R.R. Tolkien spoke. Then they left.",
			[]string{"George W. Bush and J.R.R. Tolkien spoke.", "Then they left."}},
		{"company abbreviations",
			"He works at Acme Inc. The company grew. Acme Inc. said so.",
			[]string{"He works at Acme Inc.", "The company grew.", "Acme Inc. said so."}},
		{"a.m. and p.m.",
			"They met at 10 a.m. Monday. It ended at 5 p.m. He left.",
			[]string{"They met at 10 a.m. Monday.", "It ended at 5 p.m.", "He left."}},
		{"e.g. and i.e. never end",
			"Some blocs, e.g. The CSTO, matter. Others, i.e. NATO, too.",
			[]string{"Some blocs, e.g. The CSTO, matter.", "Others, i.e. NATO, too."}},
		{"No. before a number and at the end",
			"He was No. 1 in the list. He said No. Then he left.",
			[]string{"He was No. 1 in the list.", "He said No.", "Then he left."}},
		{"numbered list",
			"Results:\n1. Mark Crear (U.S.) 13.26 seconds\n2. Tony Jarrett (Britain) 13.35",
			[]string{"Results:", "1. Mark Crear (U.S.) 13.26 seconds", "2. Tony Jarrett (Britain) 13.35"}},
		{"dateline line",
			"MOSCOW, Dec 5 (Reuters) -\nRussia said on Friday it would act.",
			[]string{"MOSCOW, Dec 5 (Reuters) -", "Russia said on Friday it would act."}},
		{"hard-wrapped lines continue",
			"The talks between\nRussia and Abkhazia were\nlong, and\nGeorgia objected.",
			[]string{"The talks between\nRussia and Abkhazia were\nlong, and\nGeorgia objected."}},
		{"blank line ends a sentence even after a comma or title",
			"The talks between Russia and,\n\nAbkhazia ended with Gen.\n\nSmith.",
			[]string{"The talks between Russia and,", "Abkhazia ended with Gen.", "Smith."}},
		{"CR LF and blank lines with spaces",
			"One line\r\n \t\r\nTwo line\r\nThree",
			[]string{"One line", "Two line", "Three"}},
		{"paragraph separator and form feed",
			"One\u2029two\fthree\u2028Four",
			[]string{"One", "two", "three", "Four"}},
		{"period before a comma or a lower-case word",
			"It was 5 ft. tall and approx. ten. Yahoo!, he said.",
			[]string{"It was 5 ft. tall and approx. ten.", "Yahoo!, he said."}},
		{"period before a digit",
			"It happened in 2008. 2009 was calm.",
			[]string{"It happened in 2008.", "2009 was calm."}},
		{"no terminal punctuation", "Russia and Abkhazia", []string{"Russia and Abkhazia"}},
		{"only punctuation", "... !!! ???", []string{"...", "!!!", "???"}},
		{"empty", "", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, sents := checkText(t, tt.in)
			if diff := cmp.Diff(tt.want, sentenceTexts(tt.in, sents)); diff != "" {
				t.Errorf("SplitSentences(%q) mismatch (-want +got):\n%s", tt.in, diff)
			}
		})
	}
}

// TestSplitSentencesOffsets checks full sentences, token ranges included.
func TestSplitSentencesOffsets(t *testing.T) {
	in := "to counter NATO\nRussia’s “bloc.” Yes."
	// "’" and "“" are three bytes each: Russia’s is [16,26), “bloc.” [27,38).
	want := []Sentence{
		{Start: 0, End: 15, TokenStart: 0, TokenEnd: 3},   // to counter NATO
		{Start: 16, End: 38, TokenStart: 3, TokenEnd: 9},  // Russia ’s “ bloc . ”
		{Start: 39, End: 43, TokenStart: 9, TokenEnd: 11}, // Yes .
	}
	toks := Tokenize(in)
	got := SplitSentences(in, toks)
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("SplitSentences(%q) mismatch (-want +got):\n%s\ntokens: %q", in, diff, tokenTexts(toks))
	}
}

func TestSplitSentencesSeed(t *testing.T) {
	text := readSeed(t)
	_, sents := checkText(t, text)
	got := sentenceTexts(text, sents)
	want := []string{
		"icon bookmark-bicon bookmarkicon cameraicon checkicon chevron downicon chevron lefticon chevron righticon chevron upicon closeicon v-compressicon downloadicon editicon v-expandicon fbicon fileicon filtericon flag ruicon full chevron downicon full chevron lefticon full chevron righticon full chevron upicon gpicon insicon mailicon moveicon-musicicon mutedicon nomutedicon okicon v-pauseicon v-playicon searchicon shareicon sign inicon sign upicon stepbackicon stepforicon swipe downicon tagicon tagsicon tgicon trashicon twicon vkicon yticon wticon fm",
		"Russia, Caucasus allies to form ‘security outline’ to counter NATO",
		"Russia, Caucasus allies to form ‘security outline’ to counter NATO",
		"Russia, Abkhazia and South Ossetia may soon enter a trilateral treaty on friendship and cooperation with further formation of a joint military bloc that would oppose NATO, a top diplomat has said.",
		"South Ossetia’s ambassador to Abkhazia, Oleg Botsiyev, told popular Russian daily Izvestia that the planned coalition would be modeled on NATO’s structure and be allied with another Moscow-led military alliance on the post-Soviet space – the Collective Security Treaty Organization, which includes Russia, Armenia, Belarus, Kazakhstan, Kyrgyzstan and Tajikistan (with Serbia and Afghanistan holding an observer status).",
		"The diplomat said that the talks on the possible three-party union were still in process and it was yet undecided whether it would be a joint treaty or two separate agreements between Russia and the two Caucasus nations.",
		"He stressed, however, that in any case the military component would be prioritized in these documents with measures for economic and informational security of the region staying behind.",
		"Abkhazian Vice-President Vitaly Gabniya has confirmed the fact of talks and also specified that the future bloc will be “modeled on NATO to counter NATO.”",
		"The official added that his country favored the three-sided option with South Ossetia joining the existing treaty between Abkhazia and Russia.",
		"The Abkhazian official also noted that the treaty that can be signed within months would be a correct reply to the policies of Georgia that still pursues NATO entry and had recently signed the association agreement with the EU.",
		"Russian President Vladimir Putin and Abkhazian leader Raul Khadzhinba met in Moscow in late August and both politicians pledged to deepen the cooperation between the two nations with possible signing of the major cooperation treaty before the end of the year.",
		"Russia introduced free trade regime with Abkhazia and South Ossetia in December 2013.",
		"The nations of Abkhazia and South Ossetia emerged with the collapse of the Soviet Union and the subsequent civil war in Georgia.",
		"The republics were not officially recognized, but the post-Soviet bloc CIS deployed peacekeeping forces to the region to prevent further bloodshed.",
		"In 2008, the pro-Western Georgian President Mikhail Saakashvili attempted to take South Ossetia by military force, starting the operation with an attack on Russian peacekeepers.",
		"Russian army had to intervene, repelling the Georgian attack and re-establishing peace.",
		"After the 2008 conflict, Russia and a few other countries recognized Abkhazia and South Ossetia as independent states.",
		"Dear readers and commenters,",
		"We have implemented a new engine for our comment section.",
		"We hope the transition goes smoothly for all of you.",
		"Unfortunately, the comments made before the change have been lost due to a technical problem.",
		"We are working on restoring them, and hoping to see you fill up the comment section with new ones.",
		"You should still be able to log in to comment using your social-media profiles, but if you signed up under an RT profile before, you are invited to create a new profile with the new commenting system.",
		"Sorry for the inconvenience, and looking forward to your future comments,",
		"RT Team.",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("seed sentences mismatch (-want +got):\n%s", diff)
	}
}

// TestSplitSentencesForeignTokens checks that tokens that do not fit the
// text (a caller's own, or a different text's) cause no panic.
func TestSplitSentencesForeignTokens(t *testing.T) {
	text := "Short. Text."
	toks := Tokenize("A much longer text.\n\nWith a blank line. And more.")
	toks = append(toks, Token{Text: "x", Start: -5, End: 1 << 30}, Token{Text: "", Start: 3, End: 2}, Token{})
	sents := SplitSentences(text, toks)
	next := 0
	for _, s := range sents {
		if s.TokenStart != next || s.TokenEnd <= s.TokenStart {
			t.Fatalf("sentences %+v do not cover the tokens in order", sents)
		}
		next = s.TokenEnd
	}
	if next != len(toks) {
		t.Errorf("sentences cover %d of %d tokens", next, len(toks))
	}
}

// TestSplitSentencesForeignTokensLinear checks that tokens whose gaps would
// overlap cannot make SplitSentences rescan the text.
func TestSplitSentencesForeignTokensLinear(t *testing.T) {
	if testing.Short() {
		t.Skip("large input")
	}
	text := strings.Repeat(" ", 1<<20)
	var toks []Token
	for range 100000 {
		toks = append(toks, Token{Text: " ", Start: 0, End: 1}, Token{Text: " ", Start: len(text) - 1, End: len(text)})
	}
	start := time.Now()
	sents := SplitSentences(text, toks)
	if d := time.Since(start); d > 2*time.Second {
		t.Errorf("SplitSentences took %v on out-of-order tokens", d)
	}
	if len(sents) == 0 || sents[len(sents)-1].TokenEnd != len(toks) {
		t.Errorf("sentences do not cover the tokens")
	}
}

func TestSplitSentencesCap(t *testing.T) {
	in := strings.Repeat("word ", 3000) + strings.Repeat(")", 3000)
	_, sents := checkText(t, in)
	if len(sents) < 3000*2/maxSentenceTokens {
		t.Errorf("%d sentences for 6000 tokens without a boundary, want at least %d", len(sents), 6000/maxSentenceTokens)
	}
}
