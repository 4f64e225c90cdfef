package ner_test

import (
	"context"
	"fmt"
	"strings"

	"github.com/statecraft/statecraft/entities"
	"github.com/statecraft/statecraft/entities/internal/ner"
)

func ExampleModel_Label() {
	m, err := ner.Default() // decoded once per process
	if err != nil {
		fmt.Println(err)
		return
	}
	words := strings.Fields("Russian President Vladimir Putin met Abkhazian leader Raul Khadzhinba in Moscow .")
	var s ner.Scratch // one per goroutine, reused across sentences
	labels := m.Label(words, &s, nil)
	fmt.Println(labels)
	for _, sp := range ner.AppendSpans(nil, labels) {
		fmt.Printf("tokens [%d,%d) %-4s %s\n", sp.Start, sp.End, sp.Kind, strings.Join(words[sp.Start:sp.End], " "))
	}
	// Output:
	// [B-MISC O B-PER I-PER O B-MISC O B-PER I-PER O B-LOC O]
	// tokens [0,1) MISC Russian
	// tokens [2,4) PER  Vladimir Putin
	// tokens [5,6) MISC Abkhazian
	// tokens [7,9) PER  Raul Khadzhinba
	// tokens [10,11) LOC  Moscow
}

// ExampleProseExt labels a text tokenised and tagged by package entities,
// passing prose's tags and labels as external bits, and maps the spans
// back to byte offsets.
func ExampleProseExt() {
	e, err := entities.New()
	if err != nil {
		fmt.Println(err)
		return
	}
	m, err := ner.Default()
	if err != nil {
		fmt.Println(err)
		return
	}
	text := "Abkhazian leader Raul Khadzhinba met Vladimir Putin in Moscow."
	doc, err := e.Extract(context.Background(), text)
	if err != nil {
		fmt.Println(err)
		return
	}
	var s ner.Scratch
	for _, st := range doc.Sentences {
		toks := doc.Tokens[st.TokenStart:st.TokenEnd]
		words := make([]string, len(toks))
		ext := make([]uint64, len(toks))
		for i, t := range toks {
			words[i] = t.Text
			ext[i] = ner.ProseExt(t.Tag, t.Label)
			fmt.Printf("%-10s %-3s %-8s %#x\n", t.Text, t.Tag, t.Label, ext[i])
		}
		for _, sp := range ner.AppendSpans(nil, m.LabelExt(words, ext, &s, nil)) {
			a, b := toks[sp.Start].Start, toks[sp.End-1].End
			fmt.Printf("bytes [%d,%d) %-4s %s\n", a, b, sp.Kind, text[a:b])
		}
	}
	// Output:
	// Abkhazian  JJ  B-GPE    0x422
	// leader     NN  O        0x200
	// Raul       NNP B-PERSON 0xa1
	// Khadzhinba NNP B-PERSON 0xa1
	// met        VBD O        0x1000
	// Vladimir   NNP B-PERSON 0xa1
	// Putin      NNP O        0x80
	// in         IN  O        0x4000
	// Moscow     NNP B-GPE    0xa2
	// .          .   O        0x40000
	// bytes [0,9) MISC Abkhazian
	// bytes [17,32) PER  Raul Khadzhinba
	// bytes [37,51) PER  Vladimir Putin
	// bytes [55,61) LOC  Moscow
}
