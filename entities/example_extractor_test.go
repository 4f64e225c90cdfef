package entities_test

import (
	"context"
	"errors"
	"fmt"
	"log"
	"strings"

	"github.com/statecraft/statecraft/entities"
)

// New builds an Extractor once; options set limits. Texts over the limit
// are refused with an error wrapping ErrTooLarge.
func ExampleNew() {
	e, err := entities.New(entities.WithMaxBytes(64))
	if err != nil {
		log.Fatal(err)
	}
	_, err = e.Extract(context.Background(), strings.Repeat("news ", 20))
	fmt.Println(errors.Is(err, entities.ErrTooLarge))
	fmt.Println(err)
	// Output:
	// true
	// entities: text exceeds the size limit: 100 bytes, limit 64
}

// Extract returns tokens with byte offsets into the text, their Penn
// Treebank tags and prose's BIO entity labels, and the sentences.
func ExampleExtractor_Extract() {
	e, err := entities.New()
	if err != nil {
		log.Fatal(err)
	}
	text := "Russian President Vladimir Putin met Abkhazia's leader in Moscow. NATO objected."
	doc, err := e.Extract(context.Background(), text)
	if err != nil {
		log.Fatal(err)
	}
	for _, s := range doc.Sentences {
		fmt.Printf("sentence [%d,%d) tokens %d-%d: %q\n", s.Start, s.End, s.TokenStart, s.TokenEnd, text[s.Start:s.End])
	}
	for _, t := range doc.Tokens {
		fmt.Printf("[%2d,%2d) %-9s %-4s %s\n", t.Start, t.End, t.Text, t.Tag, t.Label)
	}
	// Output:
	// sentence [0,65) tokens 0-11: "Russian President Vladimir Putin met Abkhazia's leader in Moscow."
	// sentence [66,80) tokens 11-14: "NATO objected."
	// [ 0, 7) Russian   JJ   B-GPE
	// [ 8,17) President NNP  O
	// [18,26) Vladimir  NNP  B-PERSON
	// [27,32) Putin     NNP  B-PERSON
	// [33,36) met       VBD  O
	// [37,45) Abkhazia  NNP  B-PERSON
	// [45,47) 's        POS  O
	// [48,54) leader    NN   O
	// [55,57) in        IN   O
	// [58,64) Moscow    NNP  B-GPE
	// [64,65) .         .    O
	// [66,70) NATO      NNP  B-GPE
	// [71,79) objected  VBD  O
	// [79,80) .         .    O
}

// Tag stops before mention recognition: tokens, sentences, tags and
// prose's labels, no mentions.
func ExampleExtractor_Tag() {
	e, err := entities.New()
	if err != nil {
		log.Fatal(err)
	}
	text := "NATO met in Brussels."
	doc, err := e.Tag(context.Background(), text)
	if err != nil {
		log.Fatal(err)
	}
	for _, t := range doc.Tokens {
		fmt.Printf("[%2d,%2d) %-8s %-4s %s\n", t.Start, t.End, t.Text, t.Tag, t.Label)
	}
	fmt.Println(len(doc.Sentences), "sentence,", len(doc.Mentions), "mentions")
	// Output:
	// [ 0, 4) NATO     NNP  B-GPE
	// [ 5, 8) met      VBD  O
	// [ 9,11) in       IN   O
	// [12,20) Brussels NNP  B-GPE
	// [20,21) .        .    O
	// 1 sentence, 0 mentions
}

// TagWords tags a sentence that is already split into words, such as a
// treebank's; a word may contain a space.
func ExampleExtractor_TagWords() {
	e, err := entities.New()
	if err != nil {
		log.Fatal(err)
	}
	doc, err := e.TagWords(context.Background(), []string{"Georgia", "joined", "the", "talks", "in", "New York", "."})
	if err != nil {
		log.Fatal(err)
	}
	var tagged []string
	for _, t := range doc.Tokens {
		tagged = append(tagged, doc.Text[t.Start:t.End]+"/"+t.Tag)
	}
	fmt.Println(strings.Join(tagged, " "))
	// Output:
	// Georgia/NNP joined/VBD the/DT talks/NNS in/IN New York/NNP ./.
}

// WithParse gives the tokens of the chosen sentences a head and a
// Universal Dependencies relation.
func ExampleWithParse() {
	e, err := entities.New(entities.WithParse(entities.ParseAll))
	if err != nil {
		log.Fatal(err)
	}
	doc, err := e.Extract(context.Background(), "Russia and China signed the treaty.")
	if err != nil {
		log.Fatal(err)
	}
	for _, t := range doc.Tokens {
		head := "ROOT"
		if t.Head >= 0 {
			head = doc.Tokens[t.Head].Text
		}
		fmt.Printf("%s -%s-> %s\n", t.Text, t.Dep, head)
	}
	// Output:
	// Russia -nsubj-> signed
	// and -cc-> China
	// China -conj-> Russia
	// signed -root-> ROOT
	// the -det-> treaty
	// treaty -obj-> signed
	// . -punct-> signed
}
