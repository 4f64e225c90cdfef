package statecraft_test

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/statecraft/statecraft"
	"github.com/statecraft/statecraft/entities"
	"github.com/statecraft/statecraft/gazetteer"
	"github.com/statecraft/statecraft/relations"
)

var shared = sync.OnceValues(func() (*statecraft.Pipeline, error) { return statecraft.New() })

func pipeline(t testing.TB) *statecraft.Pipeline {
	t.Helper()
	p, err := shared()
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func seed(t testing.TB) string {
	t.Helper()
	b, err := os.ReadFile("testdata/rt-caucasus-security-outline.txt")
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func mustJSON(t testing.TB, v any) string {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// TestAnalyzeEqualsStages: Analyze gives, byte for byte in JSON, the
// mentions and relations of running the two packages one after the
// other.
func TestAnalyzeEqualsStages(t *testing.T) {
	text := seed(t)
	a, err := pipeline(t).Analyze(context.Background(), text)
	if err != nil {
		t.Fatal(err)
	}
	doc, rs := twoStages(t, text)
	if got, want := mustJSON(t, a.Mentions), mustJSON(t, doc.Mentions); got != want {
		t.Error("mentions differ from entities.Extract's")
	}
	if got, want := mustJSON(t, a.Relations), mustJSON(t, rs); got != want {
		t.Error("relations differ from relations.Extract's")
	}
	if a.Text != text || len(a.Tokens) != len(doc.Tokens) || len(a.Sentences) != len(doc.Sentences) {
		t.Error("text, tokens or sentences differ")
	}
	if len(a.Relations) < 20 {
		t.Errorf("%d relations on the seed article, want >= 20", len(a.Relations))
	}
}

// twoStages runs entities.Extract and relations.Extract, default options,
// on text: what a caller did before the Pipeline.
func twoStages(t testing.TB, text string) (*entities.Document, []relations.Relation) {
	t.Helper()
	ee, err := entities.New()
	if err != nil {
		t.Fatal(err)
	}
	rx, err := relations.New()
	if err != nil {
		t.Fatal(err)
	}
	doc, err := ee.Extract(context.Background(), text)
	if err != nil {
		t.Fatal(err)
	}
	rs, err := rx.Extract(context.Background(), doc)
	if err != nil {
		t.Fatal(err)
	}
	return doc, rs
}

// documents returns n inputs cycling through the seed's paragraphs, with
// a document that is not text every 97th and an empty one every 101st.
func documents(t testing.TB, n int) []statecraft.Input {
	paras := strings.Split(seed(t), "\n")
	var keep []string
	for _, p := range paras {
		if len(strings.TrimSpace(p)) > 40 {
			keep = append(keep, p)
		}
	}
	junk := strings.Repeat("\x7fELF\x02\x01\x01\x00\x00\x00\x00\x00\x00\x00\x00\x00", 16)
	out := make([]statecraft.Input, n)
	for i := range out {
		in := statecraft.Input{ID: fmt.Sprintf("doc-%04d", i), Text: keep[i%len(keep)]}
		switch {
		case i%97 == 5:
			in.Text = junk
		case i%101 == 7:
			in.Text = ""
		}
		if i%3 == 0 {
			in.Date = time.Date(2014, 9, 3, 0, 0, 0, 0, time.UTC)
		}
		out[i] = in
	}
	return out
}

// TestPipeEqualsSequential: Pipe over 1,000 documents gives, in input
// order, what AnalyzeInput gives one by one, with an *ItemError (wrapping
// ErrNotText) for each document that is not text, and goes on after it.
func TestPipeEqualsSequential(t *testing.T) {
	n := 1000
	if testing.Short() {
		n = 200
	}
	docs := documents(t, n)
	p, err := statecraft.New(statecraft.WithConcurrency(4))
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	i, bad := 0, 0
	for a, err := range p.Pipe(ctx, slices.Values(docs)) {
		want, werr := p.AnalyzeInput(ctx, docs[i])
		switch {
		case werr != nil:
			var ie *statecraft.ItemError
			if !errors.As(err, &ie) || ie.Index != i || ie.ID != docs[i].ID || !errors.Is(err, statecraft.ErrNotText) || a != nil {
				t.Fatalf("document %d: (%v, %v), want an ItemError for index %d wrapping ErrNotText", i, a, err, i)
			}
			bad++
		case err != nil:
			t.Fatalf("document %d: %v", i, err)
		default:
			if a.ID != docs[i].ID || mustJSON(t, a) != mustJSON(t, want) {
				t.Fatalf("document %d (%s): Pipe's analysis differs from AnalyzeInput's", i, docs[i].ID)
			}
		}
		i++
	}
	if i != n || bad == 0 {
		t.Errorf("%d results (%d errors) for %d documents", i, bad, n)
	}
}

// TestPipeStopsEarly: breaking out of the loop stops the work and returns;
// a cancelled context ends the sequence with its error.
func TestPipeStopsEarly(t *testing.T) {
	p := pipeline(t)
	docs := documents(t, 300)
	seen := 0
	for range p.Pipe(context.Background(), slices.Values(docs)) {
		seen++
		if seen == 5 {
			break
		}
	}
	if seen != 5 {
		t.Errorf("saw %d results, want 5", seen)
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var last error
	count := 0
	for _, err := range p.Pipe(ctx, slices.Values(docs)) {
		count++
		if count == 3 {
			cancel()
		}
		last = err
	}
	if !errors.Is(last, context.Canceled) || count >= len(docs) {
		t.Errorf("after cancel: %d results, last error %v; want fewer than %d and context.Canceled", count, last, len(docs))
	}
	var noCtx context.Context // a caller's nil context
	for _, err := range p.Pipe(noCtx, slices.Values(docs)) {
		if !errors.Is(err, statecraft.ErrNilContext) {
			t.Errorf("nil context: %v", err)
		}
	}
}

func TestBadInputs(t *testing.T) {
	p := pipeline(t)
	var noCtx context.Context
	if _, err := p.Analyze(noCtx, "Russia recognized Abkhazia."); !errors.Is(err, statecraft.ErrNilContext) {
		t.Errorf("nil context: %v, want ErrNilContext", err)
	}
	elf := "\x7fELF\x02\x01\x01\x00" + strings.Repeat("\x00\x00\x00\x00H\x89\xe5\xff\xfe", 2000)
	if _, err := p.Analyze(context.Background(), elf); !errors.Is(err, statecraft.ErrNotText) {
		t.Errorf("20 KB of a binary: %v, want ErrNotText", err)
	}
	// Ordinary news with a few bad bytes is text.
	text := "Russia recognized Abkhazia \x00 in 2008.\xff Georgia \x01 protested."
	text = strings.Repeat(text, 3)
	a, err := p.Analyze(context.Background(), text)
	if err != nil || len(a.Relations) == 0 {
		t.Errorf("news with a few bad bytes: %v, %d relations", err, len(a.Relations))
	}
	if _, err := statecraft.New(statecraft.WithConcurrency(0)); err == nil {
		t.Error("WithConcurrency(0): no error")
	}
	if _, err := statecraft.New(statecraft.WithThreshold(2)); !errors.Is(err, relations.ErrBadOption) {
		t.Errorf("WithThreshold(2): %v, want relations.ErrBadOption", err)
	}
	small, err := statecraft.New(statecraft.WithMaxBytes(100))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := small.Analyze(context.Background(), strings.Repeat("Russia. ", 20)); !errors.Is(err, entities.ErrTooLarge) {
		t.Errorf("over WithMaxBytes: %v, want entities.ErrTooLarge", err)
	}
}

// TestOneGazetteer: a user gazetteer given once reaches both stages: the
// entity stage links the name, and the relation stage reads the person's
// role to give the state of an untitled office (given to the entity stage
// alone, as callers of the two packages could, the relation is lost).
func TestOneGazetteer(t *testing.T) {
	g, err := gazetteer.New(gazetteer.WithEntries(gazetteer.Entry{
		ID: "person/arvo-testinen", Kind: gazetteer.Person, Name: "Arvo Testinen", Aliases: []string{"Testinen"},
		Country: "state/finland", Roles: []gazetteer.Role{{Role: "Prime Minister", Of: "state/finland"}},
	}))
	if err != nil {
		t.Fatal(err)
	}
	p, err := statecraft.New(statecraft.WithGazetteer(g))
	if err != nil {
		t.Fatal(err)
	}
	text := "Prime Minister Arvo Testinen met Vladimir Putin in Moscow on Tuesday. Finland and Russia share a long border."
	a, err := p.Analyze(context.Background(), text)
	if err != nil {
		t.Fatal(err)
	}
	has := func(rs []relations.Relation) bool {
		for _, r := range rs {
			if r.Type == relations.OfficialOf && r.Subject.ID == "person/arvo-testinen" && r.Object.ID == "state/finland" {
				return true
			}
		}
		return false
	}
	if !has(a.Relations) {
		t.Errorf("no official-of Arvo Testinen → Finland in %s", mustJSON(t, a.Relations))
	}
}

// TestConcurrentAnalyze: one Pipeline shared by goroutines gives each the
// result of a sequential run (run with -race).
func TestConcurrentAnalyze(t *testing.T) {
	p := pipeline(t)
	docs := documents(t, 64)
	want := make([]string, len(docs))
	for i, d := range docs {
		a, err := p.AnalyzeInput(context.Background(), d)
		want[i] = mustJSON(t, a) + fmt.Sprint(err)
	}
	var wg sync.WaitGroup
	for w := range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := w; i < len(docs); i += 4 {
				a, err := p.AnalyzeInput(context.Background(), docs[i])
				if got := mustJSON(t, a) + fmt.Sprint(err); got != want[i] {
					t.Errorf("document %d differs under concurrency", i)
				}
			}
		}()
	}
	wg.Wait()
}

// TestOutsideProgram builds testdata/outside, a program with a go.mod of
// its own that imports statecraft through a replace, runs it on the seed
// article and checks that it prints the seed's relations; and checks that
// the README's Go API section is that program.
func TestOutsideProgram(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a program; skipped under -short")
	}
	root, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	src, err := os.ReadFile("testdata/outside/main.go")
	if err != nil {
		t.Fatal(err)
	}
	mod, err := os.ReadFile("testdata/outside/go.mod")
	if err != nil {
		t.Fatal(err)
	}
	sum, err := os.ReadFile("go.sum")
	if err != nil {
		t.Fatal(err)
	}
	mod = []byte(strings.Replace(string(mod), "=> ../..", "=> "+root, 1))
	for name, b := range map[string][]byte{"main.go": src, "go.mod": mod, "go.sum": sum} {
		if err := os.WriteFile(filepath.Join(dir, name), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	run := func(args ...string) string {
		cmd := exec.Command("go", args...)
		cmd.Dir = dir
		cmd.Env = append(os.Environ(), "GOFLAGS=-mod=mod", "GOPROXY=off", "GOWORK=off")
		out, err := cmd.CombinedOutput()
		if err != nil {
			t.Fatalf("go %s: %v\n%s", strings.Join(args, " "), err, out)
		}
		return string(out)
	}
	out := run("run", ".", filepath.Join(root, "testdata/rt-caucasus-security-outline.txt"))
	for _, want := range []string{
		"PERSON Vladimir Putin",
		"official-of (asserted, rule+model",
		"member-of (asserted, rule",
		": Armenia Collective Security Treaty Organization",
		"met-with (asserted, rule",
		": Vladimir Putin Raul Khadzhinba",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("the outside program's output lacks %q:\n%s", want, out)
		}
	}
	readme, err := os.ReadFile("README.md")
	if err != nil {
		t.Fatal(err)
	}
	body := string(src)
	body = body[strings.Index(body, "package main"):]
	if !strings.Contains(string(readme), "```go\n"+body+"```") {
		t.Error("README.md's Go API section is not testdata/outside/main.go (from \"package main\" on)")
	}
}

// TestTimeRanges: DATE mentions and relation times turn into spans of
// time, unknown parts resolved against the document's date.
func TestTimeRanges(t *testing.T) {
	a, err := pipeline(t).AnalyzeInput(context.Background(), statecraft.Input{
		Text: "Russia recognized Abkhazia in August 2008. Putin met Khadzhinba in Moscow last Friday.",
		Date: time.Date(2014, 9, 3, 0, 0, 0, 0, time.UTC),
	})
	if err != nil {
		t.Fatal(err)
	}
	var spans []string
	for i := range a.Mentions {
		if s, e, ok := a.Mentions[i].TimeRange(a.Date); ok {
			spans = append(spans, a.Mentions[i].Text+" "+s.Format("2006-01-02")+" "+e.Format("2006-01-02"))
		}
	}
	for i := range a.Relations {
		if s, e, ok := a.Relations[i].TimeRange(a.Date); ok {
			spans = append(spans, string(a.Relations[i].Type)+" "+s.Format("2006-01-02")+" "+e.Format("2006-01-02"))
		}
	}
	want := []string{
		"August 2008 2008-08-01 2008-09-01",
		"last Friday 2014-08-29 2014-08-30",
		"recognized-by 2008-08-01 2008-09-01",
		"met-with 2014-08-29 2014-08-30",
	}
	for _, w := range want {
		if !slices.Contains(spans, w) {
			t.Errorf("no span %q in %q", w, spans)
		}
	}
}
