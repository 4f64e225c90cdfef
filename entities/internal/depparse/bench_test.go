package depparse_test

import (
	"context"
	"os"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/statecraft/statecraft/entities"
	"github.com/statecraft/statecraft/entities/internal/depparse"
	"github.com/statecraft/statecraft/internal/corpus"
)

// Speed against the tagger, in one run:
//
//	GOMAXPROCS=1 go test ./entities/internal/depparse -run '^$' -bench . -benchmem
//
// on the first 100 documents (about 150 KB) of the project's own written news
// corpus (internal/corpus.Written, testdata/news/written.jsonl): BenchmarkTag
// is what entities does before the parser (tokenize, split, tag),
// BenchmarkParse the parser alone on its tokens and tags. Both report
// tokens/s.

type benchSentence struct{ words, tags []string }

func benchSentences(tb testing.TB) (string, []benchSentence, int) {
	tb.Helper()
	docs, err := corpus.Written()
	if err != nil {
		tb.Fatal(err)
	}
	var text strings.Builder
	for _, d := range docs[:min(100, len(docs))] {
		text.WriteString(d.Text)
		text.WriteString("\n\n")
	}
	ex, err := entities.New()
	if err != nil {
		tb.Fatal(err)
	}
	doc, err := ex.Tag(context.Background(), text.String())
	if err != nil {
		tb.Fatal(err)
	}
	var out []benchSentence
	for _, s := range doc.Sentences {
		var b benchSentence
		for _, t := range doc.Tokens[s.TokenStart:s.TokenEnd] {
			b.words = append(b.words, t.Text)
			b.tags = append(b.tags, t.Tag)
		}
		out = append(out, b)
	}
	return text.String(), out, len(doc.Tokens)
}

func BenchmarkParse(b *testing.B) {
	m := defaultModel(b)
	_, sents, ntok := benchSentences(b)
	var s depparse.Scratch
	longest := 0
	for _, x := range sents {
		longest = max(longest, len(x.words))
	}
	heads := make([]int32, longest)
	rels := make([]depparse.Rel, longest)
	b.ResetTimer()
	for b.Loop() {
		for _, x := range sents {
			if err := m.Parse(x.words, x.tags, heads, rels, &s); err != nil {
				b.Fatal(err)
			}
		}
	}
	b.ReportMetric(float64(b.N*ntok)/b.Elapsed().Seconds(), "tokens/s")
}

// BenchmarkParseCPU measures the parser and the baseline of BenchmarkTag
// in processor time, in alternating rounds on one locked thread, so that
// their ratio holds on a machine busy with other work: it reports the
// tokens per second of processor time of both ("parse-tokens/cpu-s",
// "tag-tokens/cpu-s") and their ratio. Without the time of a thread (not
// Linux) it measures wall time.
//
//	GOMAXPROCS=1 go test ./entities/internal/depparse -run '^$' -bench ParseCPU -benchtime 5x
func BenchmarkParseCPU(b *testing.B) {
	m := defaultModel(b)
	text, sents, ntok := benchSentences(b)
	ex, err := entities.New()
	if err != nil {
		b.Fatal(err)
	}
	ctx := context.Background()
	var s depparse.Scratch
	longest := 0
	for _, x := range sents {
		longest = max(longest, len(x.words))
	}
	heads := make([]int32, longest)
	rels := make([]depparse.Rel, longest)
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	now := func() time.Duration {
		if d, ok := threadCPU(); ok {
			return d
		}
		return time.Duration(time.Now().UnixNano())
	}
	var parse, tag time.Duration
	b.ResetTimer()
	for b.Loop() {
		t0 := now()
		for _, x := range sents {
			if err := m.Parse(x.words, x.tags, heads, rels, &s); err != nil {
				b.Fatal(err)
			}
		}
		t1 := now()
		if _, err := ex.Tag(ctx, text); err != nil {
			b.Fatal(err)
		}
		parse, tag = parse+t1-t0, tag+now()-t1
	}
	p := float64(b.N*ntok) / parse.Seconds()
	t := float64(b.N*ntok) / tag.Seconds()
	b.ReportMetric(p, "parse-tokens/cpu-s")
	b.ReportMetric(t, "tag-tokens/cpu-s")
	b.ReportMetric(p/t, "parse/tag")
}

// BenchmarkTag is the baseline: tokenizing, splitting and tagging the
// same text with entities.
func BenchmarkTag(b *testing.B) {
	text, _, ntok := benchSentences(b)
	ex, err := entities.New()
	if err != nil {
		b.Fatal(err)
	}
	ctx := context.Background()
	b.ResetTimer()
	for b.Loop() {
		if _, err := ex.Tag(ctx, text); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.N*ntok)/b.Elapsed().Seconds(), "tokens/s")
}

func BenchmarkLoad(b *testing.B) {
	data, err := os.ReadFile("data/parser.model")
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, err := depparse.Load(data); err != nil {
			b.Fatal(err)
		}
	}
}

func defaultModel(tb testing.TB) *depparse.Model {
	tb.Helper()
	m, err := depparse.Default()
	if err != nil {
		tb.Fatal(err)
	}
	return m
}
