package entities

import (
	"context"
	"os"
	"runtime"
	"testing"
	"time"

	prose "github.com/jdkato/prose/v2"

	"github.com/statecraft/statecraft/entities/internal/prosemodel"
)

// Speed against prose, on testdata/bench-news.txt (74 KB of Reuters news
// from CoNLL-2003 and the seed article), in one run:
//
//	go test ./entities -run '^$' -bench 'Tagger|Prose|SpeedRatio' -benchmem
//
// BenchmarkSpeedRatio times both on the same text and reports how many
// times more tokens per second statecraft handles ("x-prose").

func readBenchText(tb testing.TB) string {
	tb.Helper()
	b, err := os.ReadFile(benchText)
	if err != nil {
		tb.Fatal(err)
	}
	return string(b)
}

func benchExtractor(tb testing.TB) *Extractor {
	tb.Helper()
	e, err := New()
	if err != nil {
		tb.Fatal(err)
	}
	return e
}

// reportAllocsPerToken reports heap allocations per token of the loop
// that just ran, given the runtime's malloc count before it.
func reportAllocsPerToken(b *testing.B, mallocs uint64, tokens int) {
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	b.ReportMetric(float64(ms.Mallocs-mallocs)/float64(b.N*tokens), "allocs/token")
}

func mallocs() uint64 {
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	return ms.Mallocs
}

// BenchmarkTagger is the whole of Extract: tokenize, split sentences, tag
// POS and NER.
func BenchmarkTagger(b *testing.B) {
	e := benchExtractor(b)
	text := readBenchText(b)
	ctx := context.Background()
	doc, err := e.Extract(ctx, text)
	if err != nil {
		b.Fatal(err)
	}
	n := len(doc.Tokens)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	m := mallocs()
	for b.Loop() {
		if _, err := e.Extract(ctx, text); err != nil {
			b.Fatal(err)
		}
	}
	reportAllocsPerToken(b, m, n)
	b.ReportMetric(float64(n*b.N)/b.Elapsed().Seconds(), "tokens/s")
}

// BenchmarkTagSentences is the tagging stage alone, over tokens and
// sentences computed once.
func BenchmarkTagSentences(b *testing.B) {
	e := benchExtractor(b)
	text := readBenchText(b)
	toks := Tokenize(text)
	sents := SplitSentences(text, toks)
	var s tagScratch
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		for _, st := range sents {
			e.tagger.tag(toks[st.TokenStart:st.TokenEnd], &s)
		}
	}
	b.ReportMetric(float64(len(toks)*b.N)/b.Elapsed().Seconds(), "tokens/s")
}

// BenchmarkProseNewDocument is the baseline: prose.NewDocument with all
// stages and a model decoded once.
func BenchmarkProseNewDocument(b *testing.B) {
	text := readBenchText(b)
	model := proseModel()
	d, err := prose.NewDocument(text, prose.UsingModel(model))
	if err != nil {
		b.Fatal(err)
	}
	n := len(d.Tokens())
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	m := mallocs()
	for b.Loop() {
		if _, err := prose.NewDocument(text, prose.UsingModel(model)); err != nil {
			b.Fatal(err)
		}
	}
	reportAllocsPerToken(b, m, n)
	b.ReportMetric(float64(n*b.N)/b.Elapsed().Seconds(), "tokens/s")
}

// BenchmarkSpeedRatio times Extract and prose.NewDocument (reused model)
// on the same text in each iteration and reports both rates and their
// ratio "x-prose" (statecraft's tokens/s over prose's).
func BenchmarkSpeedRatio(b *testing.B) {
	e := benchExtractor(b)
	text := readBenchText(b)
	model := proseModel()
	ctx := context.Background()
	doc, err := e.Extract(ctx, text)
	if err != nil {
		b.Fatal(err)
	}
	d, err := prose.NewDocument(text, prose.UsingModel(model))
	if err != nil {
		b.Fatal(err)
	}
	ours, theirs := len(doc.Tokens), len(d.Tokens())
	const reps = 20 // ours is fast: repeat it for a steadier time
	var tOurs, tProse time.Duration
	for b.Loop() {
		start := time.Now()
		for range reps {
			if _, err := e.Extract(ctx, text); err != nil {
				b.Fatal(err)
			}
		}
		tOurs += time.Since(start)
		start = time.Now()
		if _, err := prose.NewDocument(text, prose.UsingModel(model)); err != nil {
			b.Fatal(err)
		}
		tProse += time.Since(start)
	}
	oursRate := float64(reps*ours*b.N) / tOurs.Seconds()
	proseRate := float64(theirs*b.N) / tProse.Seconds()
	b.ReportMetric(oursRate, "tokens/s")
	b.ReportMetric(proseRate, "prose-tokens/s")
	b.ReportMetric(oursRate/proseRate, "x-prose")
}

// BenchmarkLoadModels decodes prose's models (what the first New does).
func BenchmarkLoadModels(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, _, err := prosemodel.Load(); err != nil {
			b.Fatal(err)
		}
	}
}
