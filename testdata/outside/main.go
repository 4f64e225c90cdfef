// Command outside is a program outside statecraft's module that uses it
// as a user would (its go.mod points at the repository with a replace):
// it prints the relations of the article it is given. The README's Go API
// section shows this program; statecraft's TestOutsideProgram builds and
// runs it.
package main

import (
	"context"
	"fmt"
	"log"
	"os"

	"github.com/statecraft/statecraft"
)

func main() {
	text, err := os.ReadFile(os.Args[1])
	if err != nil {
		log.Fatal(err)
	}
	p, err := statecraft.New() // loads the models and the gazetteer once; share p between goroutines
	if err != nil {
		log.Fatal(err)
	}
	a, err := p.Analyze(context.Background(), string(text))
	if err != nil {
		log.Fatal(err)
	}
	for _, m := range a.Mentions {
		// a.Text[m.Start:m.End] == m.Text, always.
		fmt.Println(m.Type, m.Text, m.Start, m.End, m.ID, m.Name, m.Value)
	}
	for _, r := range a.Relations {
		fmt.Print(r.Type, " (", r.Modality, ", ", r.Source, fmt.Sprintf(" %.2f", r.Confidence), "):")
		for _, arg := range r.Args() { // Subject and Object, or the Parties of a symmetric type
			fmt.Print(" ", arg.Name)
		}
		fmt.Println()
	}
}
