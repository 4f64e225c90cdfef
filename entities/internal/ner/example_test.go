package ner_test

import (
	"fmt"
	"strings"

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
