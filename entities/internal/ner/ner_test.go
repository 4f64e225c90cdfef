package ner

import (
	"math"
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	prose "github.com/jdkato/prose/v2"

	"github.com/statecraft/statecraft/internal/corpus"
)

func mustDefault(t testing.TB) *Model {
	t.Helper()
	m, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// validFile is the CoNLL-2003 validation file of the development data.
const validFile = "conll2003-valid.txt"

// validSampleDocs is the number of documents of the validation sample.
const validSampleDocs = 20

// validSample returns the first 20 documents of the CoNLL-2003 validation
// set (../shared/dev/conll2003-valid.txt), on which the accuracy tests
// score the model, and skips when the development data is not there.
func validSample(t testing.TB) []Sentence {
	t.Helper()
	p, ok := corpus.Shared(validFile)
	if !ok {
		t.Skip(corpus.SharedMissing(validFile))
	}
	return readValidSample(t, p)
}

// readValidSample reads the first 20 documents of the CoNLL file p.
func readValidSample(t testing.TB, p string) []Sentence {
	t.Helper()
	text, err := corpus.CoNLLHead(p, validSampleDocs)
	if err != nil {
		t.Fatal(err)
	}
	sents, err := ReadCoNLL(strings.NewReader(text))
	if err != nil {
		t.Fatal(err)
	}
	return sents
}

// writtenSentences returns the sentences of the project's written corpus
// (see corpus.Sentences), labelled by the shipped model: labelled input
// for the tests that exercise training, loading and the caches, which
// need no gold labels. The sentences are made once and shared: callers
// must not modify them.
func writtenSentences(t testing.TB) []Sentence {
	t.Helper()
	sents, err := written()
	if err != nil {
		t.Fatal(err)
	}
	return sents
}

var written = sync.OnceValues(func() ([]Sentence, error) {
	docs, err := corpus.Written()
	if err != nil {
		return nil, err
	}
	m, err := Default()
	if err != nil {
		return nil, err
	}
	var sents []Sentence
	for _, words := range corpus.Sentences(docs) {
		sents = append(sents, Sentence{Words: words, Labels: m.Label(words, nil, nil)})
	}
	return sents, nil
})

// benchSentences returns the sentences the benchmarks label and their
// source: the validation sample when the development data is there (the
// figures of earlier rounds), otherwise the written corpus.
func benchSentences(b *testing.B) ([]Sentence, string) {
	if p, ok := corpus.Shared(validFile); ok {
		return readValidSample(b, p), "../shared/dev/" + validFile + ", first 20 documents"
	}
	return writtenSentences(b), corpus.WrittenFile
}

func evaluate(m *Model, sents []Sentence) *Eval {
	var e Eval
	var s Scratch
	var out []Label
	for _, sent := range sents {
		out = m.Label(sent.Words, &s, out)
		e.Add(sent.Labels, out)
	}
	return &e
}

// TestSampleF1 scores the shipped model on the first 20 documents of the
// CoNLL-2003 validation set (../shared/dev/conll2003-valid.txt; skipped
// without it). It runs with -short, unlike TestDevF1.
func TestSampleF1(t *testing.T) {
	sents := validSample(t)
	e := evaluate(mustDefault(t), sents)
	t.Logf("../shared/dev/%s, first %d documents, %d sentences:\n%s", validFile, validSampleDocs, len(sents), e)
	if f := e.Total(PER, LOC, ORG).F1(); f < 0.88 {
		t.Errorf("PER/LOC/ORG F1 = %.4f, want >= 0.88", f)
	}
}

// TestDevF1 scores the shipped model on the whole CoNLL-2003 validation
// set when the development data is present.
func TestDevF1(t *testing.T) {
	if testing.Short() {
		t.Skip("long corpus; skipped with -short")
	}
	name, ok := corpus.Shared(validFile)
	if !ok {
		t.Skip(corpus.SharedMissing(validFile))
	}
	f, err := os.Open(name)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sents, err := ReadCoNLL(f)
	if err != nil {
		t.Fatal(err)
	}
	e := evaluate(mustDefault(t), sents)
	t.Logf("../shared/dev/%s:\n%s", validFile, e)
	floors := map[Kind]float64{PER: 0.89, LOC: 0.91, ORG: 0.84, MISC: 0.85}
	for k, floor := range floors {
		if f := e.Kinds[k].F1(); f < floor {
			t.Errorf("%v F1 = %.4f, want >= %.2f", k, f, floor)
		}
	}
	if f := e.Total(PER, LOC, ORG).F1(); f < 0.90 {
		t.Errorf("PER/LOC/ORG F1 = %.4f, want >= 0.90", f)
	}
}

func TestLabelWellFormed(t *testing.T) {
	m := mustDefault(t)
	var s Scratch
	for _, words := range [][]string{
		nil,
		{"."},
		{"Moscow"},
		{"\xff\xfe", "Über", "ÉCOLE", "``", "''", "—", "O’Neill", strings.Repeat("A", 2000)},
		strings.Fields("TBILISI MAYORAL RACE HEADS TO RUNOFF AS TURNOUT SLIPS ."),
	} {
		out := m.Label(words, &s, nil)
		if len(out) != len(words) {
			t.Fatalf("Label(%q) returned %d labels", words, len(out))
		}
		checkIOB2(t, words, out)
	}
}

func checkIOB2(t *testing.T, words []string, labels []Label) {
	t.Helper()
	prev := start
	for i, l := range labels {
		if l >= NumLabels || !allowed(prev, l) {
			t.Fatalf("Label(%q): label %d is %v after %v", words, i, l, prev)
		}
		prev = l
	}
}

// TestLabelDoesNotAllocate checks that labelling with a warm Scratch and
// output slice allocates nothing.
func TestLabelDoesNotAllocate(t *testing.T) {
	if testing.CoverMode() != "" || raceEnabled {
		t.Skip("allocation counts are not meaningful under coverage or the race detector")
	}
	m := mustDefault(t)
	words := strings.Fields("“ We will never recognise it , ” said Oleg Botsiyev , the South Ossetian ambassador to Moscow .")
	var s Scratch
	out := m.Label(words, &s, nil)
	if n := testing.AllocsPerRun(100, func() { out = m.Label(words, &s, out) }); n != 0 {
		t.Errorf("Label allocates %v times per call", n)
	}
}

// TestConcurrentLabel labels the first 1,000 sentences of the written
// corpus from several goroutines sharing one Model; run with -race.
func TestConcurrentLabel(t *testing.T) {
	m := mustDefault(t)
	sents := writtenSentences(t)[:1000]
	want := make([][]Label, len(sents))
	for i, s := range sents {
		want[i] = m.Label(s.Words, nil, nil)
	}
	var wg sync.WaitGroup
	for g := range 4 {
		wg.Go(func() {
			var s Scratch
			var out []Label
			for i := range sents {
				i := (i + g*97) % len(sents)
				out = m.Label(sents[i].Words, &s, out)
				if !cmp.Equal(out, want[i]) {
					t.Errorf("goroutine %d sentence %d: labels differ", g, i)
					return
				}
			}
		})
	}
	wg.Wait()
}

// TestDefaultLoadTime: Load decodes model.bin in at most 1 s (5 s under
// the race detector, which slows decoding about five times); the best of
// up to three loads is checked, against the noise of a loaded machine.
func TestDefaultLoadTime(t *testing.T) {
	limit := time.Second
	if raceEnabled {
		limit *= 5
	}
	best := time.Duration(math.MaxInt64)
	for try := range 3 {
		start := time.Now()
		m, err := Load(modelBin)
		elapsed := time.Since(start)
		if err != nil {
			t.Fatal(err)
		}
		t.Logf("load %d: %v for %d bytes, %d features; %s", try+1, elapsed, len(modelBin), m.Features(), m.Info())
		best = min(best, elapsed)
		if best <= limit {
			break
		}
	}
	if best > limit {
		t.Errorf("Load took %v (best of three), want <= %v", best, limit)
	}
	if len(modelBin) > 8<<20 {
		t.Errorf("model.bin is %d bytes, want <= 8 MiB", len(modelBin))
	}
	m2, _ := Default()
	m3, _ := Default()
	if m2 != m3 {
		t.Error("Default returned two models")
	}
}

func TestReadCoNLL(t *testing.T) {
	const in = `-DOCSTART- -X- -X- O

CEC NNP B-NP I-ORG
rejects VBZ B-VP O
Georgian JJ B-NP I-MISC
complaints NNS I-NP O

Nino NNP B-NP I-PER
Kapanadze NNP I-NP I-PER
Meskhishvili NNP I-NP B-PER
`
	got, err := ReadCoNLL(strings.NewReader(in))
	if err != nil {
		t.Fatal(err)
	}
	want := []Sentence{
		{Words: []string{"CEC", "rejects", "Georgian", "complaints"}, Labels: []Label{BORG, O, BMISC, O}},
		{Words: []string{"Nino", "Kapanadze", "Meskhishvili"}, Labels: []Label{BPER, IPER, BPER}},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("ReadCoNLL (IOB1) mismatch (-want +got):\n%s", diff)
	}
	for _, bad := range []string{"CEC B-XYZ\n", "CEC\n"} {
		if _, err := ReadCoNLL(strings.NewReader(bad)); err == nil {
			t.Errorf("ReadCoNLL(%q): no error", bad)
		}
	}
}

func TestAppendSpans(t *testing.T) {
	tests := []struct {
		name   string
		labels []Label
		want   []Span
	}{
		{"empty", nil, nil},
		{"simple", []Label{BPER, IPER, O, BLOC}, []Span{{0, 2, PER}, {3, 4, LOC}}},
		{"adjacent", []Label{BPER, BPER, IPER}, []Span{{0, 1, PER}, {1, 3, PER}}},
		{"stray inside", []Label{O, IORG, IORG, ILOC}, []Span{{1, 3, ORG}, {3, 4, LOC}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if diff := cmp.Diff(tt.want, AppendSpans(nil, tt.labels)); diff != "" {
				t.Errorf("AppendSpans(%v) mismatch (-want +got):\n%s", tt.labels, diff)
			}
		})
	}
}

func TestLabelStrings(t *testing.T) {
	for l := range Label(NumLabels) {
		p, ok := ParseLabel(l.String())
		if !ok || p != l {
			t.Errorf("ParseLabel(%q) = %v, %v", l.String(), p, ok)
		}
		if l != O && (Begin(l.Kind()) != l && Inside(l.Kind()) != l) {
			t.Errorf("%v: Begin/Inside of its kind %v do not give it back", l, l.Kind())
		}
	}
}

// BenchmarkLabel labels the sentences of benchSentences.
func BenchmarkLabel(b *testing.B) {
	m := mustDefault(b)
	sents, name := benchSentences(b)
	b.Logf("%d sentences of %s", len(sents), name)
	tokens := 0
	for _, s := range sents {
		tokens += len(s.Words)
	}
	var s Scratch
	var out []Label
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		for _, sent := range sents {
			out = m.Label(sent.Words, &s, out)
		}
	}
	b.ReportMetric(float64(tokens)*float64(b.N)/b.Elapsed().Seconds(), "tokens/s")
}

func BenchmarkLoad(b *testing.B) {
	for b.Loop() {
		if _, err := Load(modelBin); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(len(modelBin)), "bytes")
}

// BenchmarkProseNER is the baseline being replaced: prose.NewDocument with
// its model decoded once, tokenising, tagging and extracting entities from
// the sentences of BenchmarkLabel joined as text, a sentence per line
// (tokens/s over prose's own tokens).
func BenchmarkProseNER(b *testing.B) {
	sents, name := benchSentences(b)
	b.Logf("%d sentences of %s", len(sents), name)
	var sb strings.Builder
	for _, s := range sents {
		sb.WriteString(strings.Join(s.Words, " "))
		sb.WriteString("\n")
	}
	text := sb.String()
	d, err := prose.NewDocument("x", prose.WithSegmentation(false))
	if err != nil {
		b.Fatal(err)
	}
	model := d.Model
	d, err = prose.NewDocument(text, prose.WithSegmentation(false), prose.UsingModel(model))
	if err != nil {
		b.Fatal(err)
	}
	tokens := len(d.Tokens())
	b.ResetTimer()
	for b.Loop() {
		if _, err := prose.NewDocument(text, prose.WithSegmentation(false), prose.UsingModel(model)); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(tokens)*float64(b.N)/b.Elapsed().Seconds(), "tokens/s")
}
