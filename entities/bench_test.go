package entities

import (
	"context"
	"runtime"
	"testing"
	"time"

	prose "github.com/jdkato/prose/v2"

	"github.com/statecraft/statecraft/entities/internal/prosemodel"
	"github.com/statecraft/statecraft/internal/corpus"
)

// Speed against prose, on one news text of about 74 KB (readBenchText:
// the first documents of the CoNLL-2003 validation file when ../shared/dev
// is there, else of the project's written corpus; every benchmark logs
// which), in one run:
//
//	go test ./entities -run '^$' -bench 'Tagger|Extract|Prose|SpeedRatio' -benchmem
//
// BenchmarkTagger covers what prose.NewDocument does: tokens, sentences,
// POS tags and NER labels. BenchmarkExtract adds mention recognition.
// BenchmarkSpeedRatio times them and prose on the same text and reports
// how many times more tokens per second each handles ("x-prose",
// "extract-x-prose").

// benchTextSize is the size of the benchmark text in bytes.
const benchTextSize = 74_000

// readBenchText returns the benchmark text, corpus.LongText(74_000), and
// logs its source.
func readBenchText(tb testing.TB) string {
	tb.Helper()
	text, name, err := corpus.LongText(benchTextSize)
	if err != nil {
		tb.Fatal(err)
	}
	tb.Logf("news text: %d bytes from %s", len(text), name)
	return text
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

// BenchmarkTagger is Extract's stages up to tagging: tokenize, split
// sentences, tag POS and NER.
func BenchmarkTagger(b *testing.B) {
	e := benchExtractor(b)
	benchStage(b, e.analyze)
}

// BenchmarkExtract is the whole of Extract, mention recognition included.
func BenchmarkExtract(b *testing.B) {
	e := benchExtractor(b)
	benchStage(b, e.Extract)
}

func benchStage(b *testing.B, run func(context.Context, string) (*Document, error)) {
	text := readBenchText(b)
	ctx := context.Background()
	doc, err := run(ctx, text)
	if err != nil {
		b.Fatal(err)
	}
	n := len(doc.Tokens)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	m := mallocs()
	for b.Loop() {
		if _, err := run(ctx, text); err != nil {
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

// BenchmarkSpeedRatio times the tagging stages, the whole of Extract and
// prose.NewDocument (reused model) on the same text in each iteration and
// reports the rates and the ratios to prose's: "x-prose" for the stages
// that prose also runs (tokens, sentences, tags, labels) and
// "extract-x-prose" for Extract with mention recognition.
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
	const reps = 10 // ours is fast: repeat it for a steadier time
	var tTag, tExtract, tProse time.Duration
	for b.Loop() {
		start := time.Now()
		for range reps {
			if _, err := e.analyze(ctx, text); err != nil {
				b.Fatal(err)
			}
		}
		tTag += time.Since(start)
		start = time.Now()
		for range reps {
			if _, err := e.Extract(ctx, text); err != nil {
				b.Fatal(err)
			}
		}
		tExtract += time.Since(start)
		start = time.Now()
		if _, err := prose.NewDocument(text, prose.UsingModel(model)); err != nil {
			b.Fatal(err)
		}
		tProse += time.Since(start)
	}
	tagRate := float64(reps*ours*b.N) / tTag.Seconds()
	extractRate := float64(reps*ours*b.N) / tExtract.Seconds()
	proseRate := float64(theirs*b.N) / tProse.Seconds()
	b.ReportMetric(tagRate, "tokens/s")
	b.ReportMetric(extractRate, "extract-tokens/s")
	b.ReportMetric(proseRate, "prose-tokens/s")
	b.ReportMetric(tagRate/proseRate, "x-prose")
	b.ReportMetric(extractRate/proseRate, "extract-x-prose")
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
