package entities

import (
	"context"
	"fmt"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// checkTree checks that the parsed sentences of doc are trees: each has
// one root, every head is in the sentence, and following heads from any
// token reaches the root. It returns the number of parsed sentences and
// fails on a sentence parsed in part.
func checkTree(t *testing.T, doc *Document) int {
	t.Helper()
	parsed := 0
	for si, s := range doc.Sentences {
		toks := doc.Tokens[s.TokenStart:s.TokenEnd]
		n := 0
		for _, tk := range toks {
			if tk.Dep != "" {
				n++
			}
		}
		if n == 0 {
			continue
		}
		if n != len(toks) {
			t.Fatalf("sentence %d: %d of %d tokens parsed", si, n, len(toks))
		}
		parsed++
		roots := 0
		for i, tk := range toks {
			if tk.Head == -1 {
				roots++
				if tk.Dep != "root" {
					t.Errorf("sentence %d: the root %q has relation %q", si, tk.Text, tk.Dep)
				}
				continue
			}
			if tk.Head < s.TokenStart || tk.Head >= s.TokenEnd || tk.Head == s.TokenStart+i {
				t.Fatalf("sentence %d: token %q has head %d outside [%d, %d) or itself", si, tk.Text, tk.Head, s.TokenStart, s.TokenEnd)
			}
			j, steps := tk.Head, 0
			for j != -1 && steps <= len(toks) {
				j, steps = doc.Tokens[j].Head, steps+1
			}
			if j != -1 {
				t.Fatalf("sentence %d: token %q: a cycle", si, tk.Text)
			}
		}
		if roots != 1 {
			t.Errorf("sentence %d: %d roots", si, roots)
		}
	}
	return parsed
}

// TestParseModes checks which sentences each mode parses: every sentence
// with ParseAll, those with at least two PERSON, STATE, ORG or LOCATION
// mentions with ParseArguments (not the one naming only Moscow), none
// with ParseNone, the default.
func TestParseModes(t *testing.T) {
	text := "Abkhazia was recognized by Russia in 2008. The weather was mild and dry. Sergei Lavrov, Russia's foreign minister, said the deal was good. It rained in Moscow."
	ctx := context.Background()
	for _, c := range []struct {
		name string
		opts []Option
		want int
	}{
		{"default", nil, 0},
		{"arguments", []Option{WithParse(ParseArguments)}, 2},
		{"all", []Option{WithParse(ParseAll)}, 4},
		{"none", []Option{WithParse(ParseNone)}, 0},
		{"unknown mode is the default", []Option{WithParse(ParseMode(42))}, 0},
	} {
		e, err := New(c.opts...)
		if err != nil {
			t.Fatal(err)
		}
		doc, err := e.Extract(ctx, text)
		if err != nil {
			t.Fatal(err)
		}
		if len(doc.Sentences) != 4 {
			t.Fatalf("%d sentences", len(doc.Sentences))
		}
		if got := checkTree(t, doc); got != c.want {
			t.Errorf("%s: %d parsed sentences, want %d", c.name, got, c.want)
		}
		if c.want == 0 && e.parser != nil {
			t.Error("ParseNone loaded the parser")
		}
	}
}

// TestParseNews checks the arcs that relation rules read on news
// constructions; the parser is statistical, so each case names the arcs
// it must get right.
func TestParseNews(t *testing.T) {
	e, err := New(WithParse(ParseAll))
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		text string
		arcs []string // "dependent -rel-> head", a regular expression
	}{
		{"Abkhazia was recognized by Russia in 2008.", []string{"Abkhazia -nsubj:pass-> recognized", "Russia -obl(:agent)?-> recognized", "by -case-> Russia", "was -aux:pass-> recognized"}},
		{"Russia and China signed the treaty.", []string{"Russia -nsubj-> signed", "China -conj-> Russia", "and -cc-> China", "treaty -obj-> signed"}},
		{"Russia's foreign minister arrived.", []string{"Russia -nmod:poss-> minister", "minister -nsubj-> arrived"}},
		{"Armenia agreed to sign the accord.", []string{"Armenia -nsubj-> agreed", "sign -xcomp-> agreed", "accord -obj-> sign"}},
	} {
		doc, err := e.Extract(context.Background(), c.text)
		if err != nil {
			t.Fatal(err)
		}
		checkTree(t, doc)
		var got []string
		for _, tk := range doc.Tokens {
			if tk.Head >= 0 {
				got = append(got, tk.Text+" -"+tk.Dep+"-> "+doc.Tokens[tk.Head].Text)
			}
		}
		for _, a := range c.arcs {
			// An arc is a regular expression over "dependent -rel-> head".
			re := regexp.MustCompile(`(^| \| )` + a + `( \| |$)`)
			if !re.MatchString(strings.Join(got, " | ")) {
				t.Errorf("%q: no arc %s in %v", c.text, a, got)
			}
		}
	}
}

// TestParseHostile checks that parsing stays a tree and linear on
// inputs that make one huge sentence.
func TestParseHostile(t *testing.T) {
	e, err := New(WithParse(ParseAll))
	if err != nil {
		t.Fatal(err)
	}
	for _, text := range []string{
		strings.Repeat("Russia, ", 10000) + "and Georgia.",
		strings.Repeat("x", 1<<20),
		"",
		"\x00\xff . , ;",
	} {
		doc, err := e.Extract(context.Background(), text)
		if err != nil {
			t.Fatal(err)
		}
		checkTree(t, doc)
	}
}

// TestParseConcurrent shares one parsing Extractor between goroutines:
// every parse equals the sequential one (run under -race, it also checks
// that parsing shares no mutable state).
func TestParseConcurrent(t *testing.T) {
	e, err := New(WithParse(ParseAll))
	if err != nil {
		t.Fatal(err)
	}
	texts := []string{
		"Abkhazia was recognized by Russia in 2008.",
		"Sergei Lavrov, Russia's foreign minister, said the deal was good.",
		"Armenia agreed to sign the accord, which includes Georgia and Azerbaijan.",
		strings.Repeat("Russia and China signed the treaty. ", 40),
	}
	want := make([][]Token, len(texts))
	for i, text := range texts {
		doc, err := e.Extract(context.Background(), text)
		if err != nil {
			t.Fatal(err)
		}
		want[i] = doc.Tokens
	}
	errs := make(chan error, 8)
	for g := range 8 {
		go func() {
			for r := range 20 {
				i := (g + r) % len(texts)
				doc, err := e.Extract(context.Background(), texts[i])
				if err == nil && !slices.Equal(doc.Tokens, want[i]) {
					err = fmt.Errorf("goroutine %d: text %d parsed differently", g, i)
				}
				if err != nil {
					errs <- err
					return
				}
			}
			errs <- nil
		}()
	}
	for range 8 {
		if err := <-errs; err != nil {
			t.Error(err)
		}
	}
}
