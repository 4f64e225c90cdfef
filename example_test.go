package statecraft_test

import (
	"context"
	"fmt"
	"log"
	"slices"
	"strings"

	"github.com/statecraft/statecraft"
)

func Example() {
	p, err := statecraft.New() // once per process; share p between goroutines
	if err != nil {
		log.Fatal(err)
	}
	a, err := p.Analyze(context.Background(), "Russian President Vladimir Putin met Abkhaz leader Raul Khadzhinba in Moscow.")
	if err != nil {
		log.Fatal(err)
	}
	for _, m := range a.Mentions {
		fmt.Println(m.Type, a.Text[m.Start:m.End], m.ID)
	}
	for _, r := range a.Relations {
		fmt.Print(r.Type, " ", r.Modality, ":")
		for _, arg := range r.Args() {
			fmt.Print(" ", arg.Name)
		}
		fmt.Println()
	}
	// Output:
	// STATE Russian state/russia
	// PERSON Vladimir Putin person/vladimir-putin
	// STATE Abkhaz state/abkhazia
	// PERSON Raul Khadzhinba person/raul-khadzhinba
	// LOCATION Moscow location/moscow
	// official-of asserted: Vladimir Putin Russia
	// met-with asserted: Vladimir Putin Raul Khadzhinba
	// official-of asserted: Raul Khadzhinba Abkhazia
}

func ExamplePipeline_Pipe() {
	p, err := statecraft.New(statecraft.WithConcurrency(2))
	if err != nil {
		log.Fatal(err)
	}
	docs := []statecraft.Input{
		{ID: "a", Text: "Armenia is a member of the Collective Security Treaty Organization."},
		{ID: "b", Text: strings.Repeat("\x00\x01\x02\x03", 20)}, // not text
		{ID: "c", Text: "Georgia wants to join NATO."},
	}
	for a, err := range p.Pipe(context.Background(), slices.Values(docs)) {
		if err != nil {
			fmt.Println("error:", err)
			continue
		}
		for _, r := range a.Relations {
			fmt.Println(a.ID, r.Subject.Name, r.Type, r.Object.Name)
		}
	}
	// Output:
	// a Armenia member-of Collective Security Treaty Organization
	// error: document 1 (b): statecraft: input is not text: 80 of 80 bytes are NUL, control characters or invalid UTF-8
	// c Georgia seeks-membership NATO
}
