package relations_test

import (
	"context"
	"errors"
	"fmt"
	"log"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/statecraft/statecraft/entities"
	"github.com/statecraft/statecraft/relations"
)

// printRelation prints a relation on one line with its offsets.
func printRelation(r relations.Relation) {
	var args []string
	for _, a := range r.Args() {
		s := fmt.Sprintf("%s[%d]", a.Name, a.Entity)
		if a.Anaphor != nil {
			s += fmt.Sprintf(" via %q", a.Anaphor.Text)
		}
		args = append(args, s)
	}
	sep := " -> "
	if len(r.Parties) > 0 {
		sep = " + "
	}
	fmt.Printf("%s %s: %s; trigger %q %d-%d", r.Type, r.Modality, strings.Join(args, sep), r.Trigger.Text, r.Trigger.Start, r.Trigger.End)
	if r.Time != "" {
		fmt.Printf("; time %s", r.Time)
	}
	for _, k := range []string{"role", "treaty", "place", "former"} {
		if v, ok := r.Attrs[k]; ok {
			fmt.Printf("; %s %q", k, v)
		}
	}
	fmt.Println()
}

// Build both extractors once, then analyse each text with entities and
// relations in turn. Arguments point into doc.Mentions; offsets are byte
// offsets into the text.
func Example() {
	ctx := context.Background()
	ee, err := entities.New()
	if err != nil {
		log.Fatal(err)
	}
	rx, err := relations.New()
	if err != nil {
		log.Fatal(err)
	}
	text := "Russian President Vladimir Putin and Abkhazian leader Raul Khadzhinba met in Moscow in late August. " +
		"He said Russia would sign a treaty with Abkhazia."
	doc, err := ee.Extract(ctx, text)
	if err != nil {
		log.Fatal(err)
	}
	rs, err := rx.Extract(ctx, doc)
	if err != nil {
		log.Fatal(err)
	}
	for _, r := range rs {
		printRelation(r)
	}
	// Output:
	// official-of asserted: Vladimir Putin[1] -> Russia[0]; trigger "President" 8-17; time XXXX-08; role "President"
	// met-with asserted: Vladimir Putin[1] + Raul Khadzhinba[3]; trigger "met" 70-73; time XXXX-08; place "Moscow"
	// official-of asserted: Raul Khadzhinba[3] -> Abkhazia[2]; trigger "leader" 47-53; time XXXX-08; role "leader"
	// treaty-between possible: Russia[6] + Abkhazia[7]; trigger "treaty" 128-134
}

// Extend the extractor without forking it: more triggers for a built-in
// type, a new type with its triggers and argument types, and a Rule for a
// construction that trigger words cannot express.
func ExampleNew_extend() {
	ctx := context.Background()
	// expelledRule finds "X expelled N Y-adjective diplomats" and records
	// expelled-diplomats-of(X, Y). It leaves Modality, Time and Evidence
	// for the Extractor to fill in.
	expelledRule := relations.RuleFunc(func(s *relations.Sentence) []relations.Relation {
		var out []relations.Relation
		for i := range s.Tokens {
			if !s.Match(i, "expel") {
				continue
			}
			subj := s.Subject(i)
			for j := i + 1; j < len(s.Tokens) && j < i+5; j++ {
				m := s.MentionAt(j)
				if m < 0 || !s.Doc.Mentions[m].Adjectival || j+1 >= len(s.Tokens) || !s.Match(j+1, "diplomat") {
					continue
				}
				for _, a := range subj {
					out = append(out, relations.Relation{
						Type:    "expelled-diplomats-of",
						Subject: &relations.Arg{Entity: a},
						Object:  &relations.Arg{Entity: m},
						Trigger: s.Span(i, i+1),
					})
				}
			}
		}
		return out
	})
	rx, err := relations.New(
		relations.WithTriggers(relations.Attacked, "pound"),
		relations.WithType(relations.TypeDef{
			Type:     "sanctions",
			Triggers: []relations.Trigger{{Phrase: "sanction"}, {Phrase: "impose sanctions on"}},
			Subject:  []entities.Type{entities.State, entities.Org},
			Object:   []entities.Type{entities.State, entities.Org, entities.Person},
		}),
		relations.WithType(relations.TypeDef{Type: "expelled-diplomats-of"}),
		relations.WithRule(expelledRule),
	)
	if err != nil {
		log.Fatal(err)
	}
	ee, err := entities.New()
	if err != nil {
		log.Fatal(err)
	}
	for _, text := range []string{
		"Russian forces pounded Kharkiv overnight.",
		"The EU imposed sanctions on Belarus in June 2021.",
		"Poland expelled 45 Russian diplomats.",
	} {
		doc, err := ee.Extract(ctx, text)
		if err != nil {
			log.Fatal(err)
		}
		rs, err := rx.Extract(ctx, doc)
		if err != nil {
			log.Fatal(err)
		}
		for _, r := range rs {
			printRelation(r)
		}
	}
	// Output:
	// attacked asserted: Russia[0] -> Kharkiv[1]; trigger "pounded" 15-22
	// opposes asserted: European Union[0] -> Belarus[1]; trigger "imposed sanctions on" 7-27; time 2021-06
	// sanctions asserted: European Union[0] -> Belarus[1]; trigger "imposed sanctions on" 7-27; time 2021-06
	// expelled-diplomats-of asserted: Poland[0] -> Russia[1]; trigger "expelled" 7-15
}

// Add a pattern rule written as data, with the sentences it must and
// must not match, and check them as a rule file's test would.
func ExampleWithRules() {
	rules := `list poss: 's ’s

rule user/expelled-diplomats
type: opposes
match: {STATE}=subject !~expel {STATE}=object $poss diplomats|envoys|ambassador
example: Poland expelled Belarus's diplomats on Monday. => opposes asserted Poland -> Belarus
counter: Poland expelled Belarus on Monday.
`
	ctx := context.Background()
	ee, err := entities.New()
	if err != nil {
		log.Fatal(err)
	}
	rx, err := relations.New(relations.WithoutModel(), relations.WithRules(strings.NewReader(rules)))
	if err != nil {
		log.Fatal(err)
	}
	if err := rx.CheckRuleExamples(ctx, ee); err != nil {
		log.Fatal(err)
	}
	doc, err := ee.Extract(ctx, "Lithuania expelled Russia's ambassador in 2022.")
	if err != nil {
		log.Fatal(err)
	}
	rs, err := rx.Extract(ctx, doc)
	if err != nil {
		log.Fatal(err)
	}
	for _, r := range rs {
		printRelation(r)
	}
	// Output:
	// opposes asserted: Lithuania[0] -> Russia[1]; trigger "expelled" 10-18; time 2022
}

// A rule file on disk can switch off built-in pattern rules by name; a
// broken file gives one error naming each problem by file and line.
func ExampleWithRuleFile() {
	dir, err := os.MkdirTemp("", "rules")
	if err != nil {
		log.Fatal(err)
	}
	defer os.RemoveAll(dir)
	path := filepath.Join(dir, "site.rules")
	if err := os.WriteFile(path, []byte("disable recognized-by/passive\n"), 0o644); err != nil {
		log.Fatal(err)
	}
	rx, err := relations.New(relations.WithRuleFile(path))
	if err != nil {
		log.Fatal(err)
	}
	names := rx.PatternRuleNames()
	fmt.Println("recognized-by/passive:", slices.Contains(names, "recognized-by/passive"))
	fmt.Println("recognized-by/won-recognition-from:", slices.Contains(names, "recognized-by/won-recognition-from"))

	bad := filepath.Join(dir, "bad.rules")
	if err := os.WriteFile(bad, []byte("rule x\ntype: befriends\n"), 0o644); err != nil {
		log.Fatal(err)
	}
	_, err = relations.New(relations.WithRuleFile(bad))
	fmt.Println(errors.Is(err, relations.ErrBadRules))
	fmt.Println(strings.ReplaceAll(err.Error(), dir, "DIR"))
	// Output:
	// recognized-by/passive: false
	// recognized-by/won-recognition-from: true
	// true
	// relations: bad pattern rules:
	// DIR/bad.rules:2: rule x: unknown relation type "befriends"
	// DIR/bad.rules:1: rule x has no match or dep line
	// DIR/bad.rules:1: rule x has no type line
	// DIR/bad.rules:1: rule x needs at least one example and one counter sentence
}
