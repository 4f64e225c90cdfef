package gazetteer_test

import (
	"errors"
	"fmt"
	"strings"

	"github.com/statecraft/statecraft/gazetteer"
)

// exampleData is a small gazetteer in the format of the default data.
const exampleData = `{"id":"location/georgia-us-state","name":"Georgia","category":"region"}
{"id":"location/moscow","name":"Moscow","country":"state/russia","category":"city"}
{"id":"org/cis","name":"Commonwealth of Independent States","aliases":["CIS"],"category":"igo"}
{"id":"org/nato","name":"NATO","aliases":["North Atlantic Treaty Organization"],"category":"alliance"}
{"id":"person/vladimir-putin","name":"Vladimir Putin","aliases":["Putin"],"country":"state/russia","roles":[{"role":"President","of":"state/russia","from":"2012-05-07"}]}
{"id":"state/georgia","name":"Georgia","adjectives":["Georgian"],"status":"un-member"}
{"id":"state/russia","name":"Russia","aliases":["Russian Federation"],"adjectives":["Russian"],"status":"un-member","capital":"location/moscow"}
{"id":"state/soviet-union","name":"Soviet Union","aliases":["USSR"],"adjectives":["Soviet"],"status":"historical","from":"1922-12-30","to":"1991-12-26"}
{"id":"state/tajikistan","name":"Tajikistan","adjectives":["Tajik"],"status":"un-member"}
`

func exampleGazetteer() *gazetteer.Gazetteer {
	g, err := gazetteer.New(gazetteer.WithoutDefaults(), gazetteer.WithReader("example.jsonl", strings.NewReader(exampleData)))
	if err != nil {
		panic(err)
	}
	return g
}

func ExampleNew() {
	// The default data plus a user file: gazetteer.New(gazetteer.WithFile("mine.jsonl")).
	// Here, only a small file given as a reader.
	g, err := gazetteer.New(gazetteer.WithoutDefaults(), gazetteer.WithReader("example.jsonl", strings.NewReader(exampleData)))
	if err != nil {
		panic(err)
	}
	fmt.Println(g)
	putin, _ := g.Entry("person/vladimir-putin")
	fmt.Println(putin.Name, putin.Roles[0].Role, putin.Roles[0].Of, putin.Roles[0].From)

	// A broken file loads nothing; every problem is reported as file:line.
	broken := `{"id":"state/russia","name":"Russia","status":"member"}
{"id":"state/abkhazia","name":"Abkhazia","capital":"location/sukhumi"}
`
	_, err = gazetteer.New(gazetteer.WithoutDefaults(), gazetteer.WithReader("broken.jsonl", strings.NewReader(broken)))
	fmt.Println(err)
	fmt.Println(errors.Is(err, gazetteer.ErrBadReference))
	// Output:
	// gazetteer: 2 location, 2 org, 1 person, 4 state
	// Vladimir Putin President state/russia 2012-05-07
	// gazetteer: 3 problems:
	// broken.jsonl:1: state/russia: unknown status "member" (want one of un-member, un-observer, partially-recognized, historical, territory)
	// broken.jsonl:2: id "state/abkhazia" is out of order: it sorts before "state/russia" on line 1
	// broken.jsonl:2: state/abkhazia: capital "location/sukhumi": no such entry
	// true
}

func ExampleGazetteer_MatchText() {
	g := exampleGazetteer()
	text := "RUSSIA, GEORGIA TALKS\nPutin met NATO’s chief in post-Soviet Tadjikistan; the cis is not the CIS."
	for _, m := range g.MatchText(text) {
		fmt.Printf("%d-%d %q %s %s", m.Start, m.End, text[m.Start:m.End], m.ID, m.How)
		if m.Distance > 0 {
			fmt.Printf(" distance=%d", m.Distance)
		}
		if len(m.Alternatives) > 0 {
			fmt.Printf(" alternatives=%v", m.Alternatives)
		}
		fmt.Println()
	}
	// Output:
	// 0-6 "RUSSIA" state/russia name
	// 8-15 "GEORGIA" state/georgia name alternatives=[location/georgia-us-state]
	// 22-27 "Putin" person/vladimir-putin alias
	// 32-36 "NATO" org/nato name
	// 55-61 "Soviet" state/soviet-union adjective
	// 62-73 "Tadjikistan" state/tajikistan fuzzy distance=1
	// 94-97 "CIS" org/cis alias
}

func ExampleGazetteer_Match() {
	g := exampleGazetteer()
	// Tokens from any tokenizer, as byte spans: here "Russian", "Federation",
	// "’s", "Moscow-led", "bloc".
	text := "Russian Federation’s Moscow-led bloc"
	tokens := []gazetteer.Span{{0, 7}, {8, 18}, {18, 22}, {23, 33}, {34, 38}}
	for _, m := range g.Match(text, tokens) {
		fmt.Printf("bytes %d-%d tokens %d-%d %q → %s (%s, score %.2f)\n",
			m.Start, m.End, m.TokenStart, m.TokenEnd, text[m.Start:m.End], m.Name, m.How, m.Score)
	}
	// Output:
	// bytes 0-18 tokens 0-2 "Russian Federation" → Russia (alias, score 0.95)
	// bytes 23-29 tokens 3-4 "Moscow" → Moscow (name, score 1.00)
}

func ExampleGazetteer_Lookup() {
	g := exampleGazetteer()
	for _, name := range []string{"Russia", "soviet union", "USSR", "ussr", "Tadjikistan", "Atlantis"} {
		m, ok := g.Lookup(name)
		if !ok {
			fmt.Printf("%s: -\n", name)
			continue
		}
		fmt.Printf("%s: %s %q %s %d\n", name, m.ID, m.Name, m.How, m.Distance)
	}
	// Output:
	// Russia: state/russia "Russia" name 0
	// soviet union: state/soviet-union "Soviet Union" name 0
	// USSR: state/soviet-union "Soviet Union" alias 0
	// ussr: -
	// Tadjikistan: state/tajikistan "Tajikistan" fuzzy 1
	// Atlantis: -
}

func ExampleTokenize() {
	text := "NATO’s post-Soviet U.S.-led"
	for _, s := range gazetteer.Tokenize(text) {
		fmt.Printf("%d-%d %q\n", s.Start, s.End, text[s.Start:s.End])
	}
	// Output:
	// 0-4 "NATO"
	// 4-8 "’s"
	// 9-20 "post-Soviet"
	// 21-22 "U"
	// 22-23 "."
	// 23-24 "S"
	// 24-25 "."
	// 25-26 "-"
	// 26-29 "led"
}

// Default returns the built-in gazetteer, built once per process from its
// compiled tables and shared by every caller.
func ExampleDefault() {
	g, err := gazetteer.Default()
	if err != nil {
		panic(err)
	}
	m, ok := g.Lookup("Abkhazia")
	fmt.Println(ok, m.ID)
	// Output:
	// true state/abkhazia
}

// A large gazetteer of one's own can be compiled once, for example by a
// build step, and then opened in place at start-up without parsing.
func ExampleCompiled() {
	g, err := gazetteer.New(gazetteer.WithoutDefaults(), gazetteer.WithReader("example.jsonl", strings.NewReader(exampleData)))
	if err != nil {
		panic(err)
	}
	b, err := g.MarshalBinary() // write b to a file, embed it, ...
	if err != nil {
		panic(err)
	}
	c, err := gazetteer.Compiled(b)
	if err != nil {
		panic(err)
	}
	fmt.Println(c)
	_, err = gazetteer.Compiled(b[:len(b)/2])
	fmt.Println(errors.Is(err, gazetteer.ErrCompiled))
	// Output:
	// gazetteer: 2 location, 2 org, 1 person, 4 state
	// true
}
