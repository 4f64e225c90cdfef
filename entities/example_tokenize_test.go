package entities_test

import (
	"fmt"

	"github.com/statecraft/statecraft/entities"
)

func ExampleTokenize() {
	text := "NATO’s ‘security outline’ isn't U.S.-led."
	for _, tok := range entities.Tokenize(text) {
		fmt.Printf("%2d %2d %s\n", tok.Start, tok.End, tok.Text)
	}
	// Output:
	//  0  4 NATO
	//  4  8 ’s
	//  9 12 ‘
	// 12 20 security
	// 21 28 outline
	// 28 31 ’
	// 32 34 is
	// 34 37 n't
	// 38 46 U.S.-led
	// 46 47 .
}

func ExampleSplitSentences() {
	text := "Russia, Caucasus allies to counter NATO\n" +
		"Gen. Smith said the bloc is “modeled on NATO.” It may include the U.S. Navy."
	tokens := entities.Tokenize(text)
	for _, s := range entities.SplitSentences(text, tokens) {
		fmt.Printf("[%d,%d) tokens [%d,%d): %s\n", s.Start, s.End, s.TokenStart, s.TokenEnd, text[s.Start:s.End])
	}
	// Output:
	// [0,39) tokens [0,7): Russia, Caucasus allies to counter NATO
	// [40,90) tokens [7,19): Gen. Smith said the bloc is “modeled on NATO.”
	// [91,120) tokens [19,26): It may include the U.S. Navy.
}
