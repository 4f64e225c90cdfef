package entities

import (
	"bufio"
	"context"
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"strings"
	"sync"
	"testing"

	prose "github.com/jdkato/prose/v2"

	"github.com/statecraft/statecraft/internal/corpus"
)

// The tests in this file measure how often statecraft's tags and labels
// equal prose's, on CoNLL-2003 sentences rebuilt as text (tokens joined by
// single spaces):
//
//	go test ./entities -run Equivalence -v
//
// TestEquivalenceSample reads a sample of ../shared/dev/conll2003-valid.txt
// (every third document, about 400 sentences; it runs under -short);
// TestEquivalenceDev reads the whole file. Both skip when the development
// data is absent: the repository carries no CoNLL-2003 text.
// TestEquivalenceWritten, which runs everywhere, takes the sentences of
// the project's written corpus instead, cut into CoNLL-style tokens by
// corpus.Sentences.

var equivalenceFile = flag.String("equivalence-conll", "", "CoNLL `file` for TestEquivalenceDev (default ../shared/dev/"+validCoNLL+")")

const (
	validCoNLL = "conll2003-valid.txt"            // in ../shared/dev
	devCoNLL   = "../../shared/dev/" + validCoNLL // for conll_test.go
)

// sharedValid returns the path of ../shared/dev/conll2003-valid.txt and
// skips the test when it is not there.
func sharedValid(t testing.TB) string {
	t.Helper()
	p, ok := corpus.Shared(validCoNLL)
	if !ok {
		t.Skip(corpus.SharedMissing(validCoNLL))
	}
	return p
}

// conllSentence is one sentence of a CoNLL file: its token lines verbatim
// and the first column of each.
type conllSentence struct {
	lines  []string
	tokens []string
}

func (s conllSentence) text() string { return strings.Join(s.tokens, " ") }

// hasRepeats reports whether some space-separated word occurs twice: prose's
// tokenizer then shares one *Token between the occurrences, which all get
// the last one's tag and label.
func (s conllSentence) hasRepeats() bool {
	seen := map[string]bool{}
	for _, w := range s.tokens {
		if seen[w] {
			return true
		}
		seen[w] = true
	}
	return false
}

// readCoNLL reads a CoNLL-2003 file: "-DOCSTART-" lines start documents,
// blank lines end sentences, other lines hold a token in the first column.
func readCoNLL(path string) ([][]conllSentence, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var docs [][]conllSentence
	var cur conllSentence
	flush := func() {
		if len(cur.tokens) > 0 {
			if len(docs) == 0 {
				docs = append(docs, nil)
			}
			docs[len(docs)-1] = append(docs[len(docs)-1], cur)
		}
		cur = conllSentence{}
	}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := strings.TrimRight(sc.Text(), " \t\r")
		fields := strings.Fields(line)
		switch {
		case len(fields) == 0:
			flush()
		case fields[0] == "-DOCSTART-":
			flush()
			docs = append(docs, nil)
		default:
			cur.lines = append(cur.lines, line)
			cur.tokens = append(cur.tokens, fields[0])
		}
	}
	flush()
	return docs, sc.Err()
}

// proseModel is prose's default model, decoded once for all tests.
var proseModel = sync.OnceValue(func() *prose.Model {
	d, err := prose.NewDocument("x", prose.WithSegmentation(false))
	if err != nil {
		panic(err)
	}
	return d.Model
})

// proseTokens runs prose on text with the shared model, without sentence
// segmentation (which does not change tokens, tags or labels).
func proseTokens(text string) (toks []prose.Token, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("prose panicked: %v", r)
		}
	}()
	d, err := prose.NewDocument(text, prose.WithSegmentation(false), prose.UsingModel(proseModel()))
	if err != nil {
		return nil, err
	}
	return d.Tokens(), nil
}

// agreement counts equal tags and labels.
type agreement struct {
	sentences, tokens, tags, labels int
}

func (a agreement) String() string {
	return fmt.Sprintf("%d sentences, %d tokens: POS %.3f %%, NER %.3f %%",
		a.sentences, a.tokens, pct(a.tags, a.tokens), pct(a.labels, a.tokens))
}

func pct(n, d int) float64 {
	if d == 0 {
		return 0
	}
	return 100 * float64(n) / float64(d)
}

type equivalence struct {
	sentences, repeats, proseErrors int
	// model: our tagger over prose's own tokens, each sentence as one.
	model agreement
	// posTies counts POS disagreements where our winning class and prose's
	// have equal scores.
	posTies int
	// pipeline: Extract on the text, where its tokens equal prose's.
	pipeline agreement
	// single: the pipeline on sentences that Extract keeps whole.
	single                  agreement
	tokenMismatch, multiple int
	diffs                   []string
}

// measureEquivalence compares statecraft with prose on every sentence
// without repeated words.
func measureEquivalence(t *testing.T, docs [][]conllSentence) equivalence {
	t.Helper()
	e, err := New()
	if err != nil {
		t.Fatal(err)
	}
	tg, err := sharedTagger()
	if err != nil {
		t.Fatal(err)
	}
	var r equivalence
	var s tagScratch
	note := func(format string, args ...any) {
		if len(r.diffs) < 20 {
			r.diffs = append(r.diffs, fmt.Sprintf(format, args...))
		}
	}
	for _, doc := range docs {
		for _, sent := range doc {
			r.sentences++
			if sent.hasRepeats() {
				r.repeats++
				continue
			}
			text := sent.text()
			pt, err := proseTokens(text)
			if err != nil {
				r.proseErrors++
				continue
			}

			// The models alone: prose's tokens through our tagger.
			toks := make([]Token, len(pt))
			for i, p := range pt {
				toks[i].Text = p.Text
			}
			tg.tag(toks, &s)
			r.model.sentences++
			p1, p2 := "-START-", "-START2-"
			for i, p := range pt {
				r.model.tokens++
				if toks[i].Tag == p.Tag {
					r.model.tags++
				} else {
					a := tg.scorePOS(&s, i, p1, p2)
					tie := false
					for c, name := range tg.pos.Classes {
						if name == p.Tag && a.seen&(1<<c) != 0 && a.sum[c] == a.sum[a.best()] {
							tie = true
						}
					}
					if tie {
						r.posTies++
					}
					note("model POS %q: ours %s, prose %s (tie %v) in %q", p.Text, toks[i].Tag, p.Tag, tie, text)
				}
				if toks[i].Label == p.Label {
					r.model.labels++
				} else {
					note("model NER %q: ours %s, prose %s in %q", p.Text, toks[i].Label, p.Label, text)
				}
				p2, p1 = p1, toks[i].Tag
			}

			// The pipeline: Extract's tokens, sentences and tags.
			doc, err := e.Extract(context.Background(), text)
			if err != nil {
				t.Fatalf("Extract(%q): %v", text, err)
			}
			same := len(doc.Tokens) == len(pt)
			for i := 0; same && i < len(pt); i++ {
				same = doc.Tokens[i].Text == pt[i].Text
			}
			if !same {
				r.tokenMismatch++
				continue
			}
			one := len(doc.Sentences) == 1
			if !one {
				r.multiple++
			}
			for _, a := range []*agreement{&r.pipeline, &r.single} {
				if a == &r.single && !one {
					continue
				}
				a.sentences++
				for i, p := range pt {
					a.tokens++
					if doc.Tokens[i].Tag == p.Tag {
						a.tags++
					}
					if doc.Tokens[i].Label == p.Label {
						a.labels++
					}
				}
			}
		}
	}
	return r
}

func (r equivalence) report(t *testing.T, name string) {
	t.Helper()
	t.Logf("%s: %d sentences, %d with repeated words excluded, %d prose errors", name, r.sentences, r.repeats, r.proseErrors)
	t.Logf("  models (prose's tokens through our tagger): %v; %d POS differences are exact ties", r.model, r.posTies)
	t.Logf("  pipeline (Extract where its tokens equal prose's): %v; %d sentences with other tokens; %d split into several sentences", r.pipeline, r.tokenMismatch, r.multiple)
	t.Logf("  pipeline on the sentences Extract keeps whole: %v", r.single)
	for _, d := range r.diffs {
		t.Log("  ", d)
	}
}

func (r equivalence) check(t *testing.T, minSentences int) {
	t.Helper()
	if r.pipeline.sentences < minSentences {
		t.Errorf("only %d sentences with prose's tokens, want >= %d", r.pipeline.sentences, minSentences)
	}
	for _, a := range []struct {
		name string
		agreement
	}{{"models", r.model}, {"pipeline", r.pipeline}} {
		if p := pct(a.tags, a.tokens); p < 99.5 {
			t.Errorf("%s: POS agreement %.3f %% < 99.5 %%", a.name, p)
		}
		if p := pct(a.labels, a.tokens); p < 99 {
			t.Errorf("%s: NER agreement %.3f %% < 99 %%", a.name, p)
		}
	}
}

// Sample sizes: whole documents, every sampleStride-th one, until the
// sample holds sampleSentences sentences without repeated words.
const (
	sampleStride    = 3
	sampleSentences = 400
)

// equivalenceSample returns the documents of the sample.
func equivalenceSample(docs [][]conllSentence) [][]conllSentence {
	var sample [][]conllSentence
	n := 0
	for i := 0; i < len(docs) && n < sampleSentences; i += sampleStride {
		sample = append(sample, docs[i])
		for _, s := range docs[i] {
			if !s.hasRepeats() {
				n++
			}
		}
	}
	return sample
}

func TestEquivalenceSample(t *testing.T) {
	docs, err := readCoNLL(sharedValid(t))
	if err != nil {
		t.Fatal(err)
	}
	r := measureEquivalence(t, equivalenceSample(docs))
	r.report(t, fmt.Sprintf("../shared/dev/%s, every third document up to %d sentences", validCoNLL, sampleSentences))
	r.check(t, 300)
}

func TestEquivalenceWritten(t *testing.T) {
	docs, err := corpus.Written()
	if err != nil {
		t.Fatal(err)
	}
	var sample [][]conllSentence
	n := 0
	for _, d := range docs {
		if n >= sampleSentences {
			break
		}
		var doc []conllSentence
		for _, words := range corpus.Sentences([]corpus.Doc{d}) {
			s := conllSentence{tokens: words}
			if !s.hasRepeats() {
				n++
			}
			doc = append(doc, s)
		}
		sample = append(sample, doc)
	}
	r := measureEquivalence(t, sample)
	r.report(t, fmt.Sprintf("%s, the first %d documents", corpus.WrittenFile, len(sample)))
	r.check(t, 300)
}

func TestEquivalenceDev(t *testing.T) {
	if testing.Short() {
		t.Skip("whole dev file: skipped with -short")
	}
	path, name := *equivalenceFile, *equivalenceFile
	if path == "" {
		path, name = sharedValid(t), "../shared/dev/"+validCoNLL
	}
	docs, err := readCoNLL(path)
	if errors.Is(err, fs.ErrNotExist) {
		t.Skipf("%s not found", path)
	}
	if err != nil {
		t.Fatal(err)
	}
	r := measureEquivalence(t, docs)
	r.report(t, name)
	r.check(t, 1000)
}
