package main

import (
	"context"
	"os"
	"os/exec"
	"runtime"
	"strings"
	"testing"
	"time"

	prose "github.com/jdkato/prose/v2"

	"github.com/statecraft/statecraft/entities"
	"github.com/statecraft/statecraft/gazetteer"
)

// The benchmarks of statecraft's whole pipeline and of each stage, with
// prose.NewDocument as the baseline, on the default corpus of the program
// (see readDocs: the development data when it is there, otherwise the
// written corpus; each benchmark logs which). In one run, on one core:
//
//	GOMAXPROCS=1 go test ./examples/bench -run '^$' -bench . -benchmem
//
// BenchmarkSpeedRatio is the figure of issue 7: it interleaves the
// pipeline and prose document by document and reports how many times
// prose's tokens per second the pipeline handles ("x-prose").
// BenchmarkDocumentSize reports the cost per token of 1 KB, 100 KB and
// 5 MB documents; BenchmarkStartup the time from process start to a first
// result and the heap after construction.

func loadCorpus(tb testing.TB) []document {
	tb.Helper()
	docs, name, err := readDocs("")
	if err != nil {
		tb.Fatal(err)
	}
	tb.Logf("corpus: %s", name)
	return docs
}

func benchPipeline(tb testing.TB) *pipeline {
	tb.Helper()
	p, err := newPipeline(true)
	if err != nil {
		tb.Fatal(err)
	}
	return p
}

func mallocs() uint64 {
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	return ms.Mallocs
}

// counters are what report needs from the start of a benchmark's loop.
type counters struct {
	mallocs uint64
	cpu     time.Duration
}

func start() counters { return counters{mallocs(), cpuTime()} }

// report adds tokens/s, documents/s, allocs/token and the processor time
// per token (cpu-ns/token, which unlike ns/op does not count the time
// spent waiting for a processor on a busy machine) to a benchmark whose
// every iteration handled docs documents of tokens tokens.
func report(b *testing.B, c counters, docs, tokens int) {
	m := mallocs() - c.mallocs
	cpu := cpuTime() - c.cpu
	s := b.Elapsed().Seconds()
	b.ReportMetric(float64(tokens*b.N)/s, "tokens/s")
	b.ReportMetric(float64(docs*b.N)/s, "docs/s")
	b.ReportMetric(float64(m)/float64(tokens*b.N), "allocs/token")
	if cpu > 0 {
		b.ReportMetric(float64(cpu.Nanoseconds())/float64(tokens*b.N), "cpu-ns/token")
	}
}

func countTokens(docs []document) int {
	n := 0
	for _, d := range docs {
		n += len(entities.Tokenize(d.Text))
	}
	return n
}

// BenchmarkPipeline is the whole pipeline: tokenize, split, tag, entities
// with gazetteer and dates, relations.
func BenchmarkPipeline(b *testing.B) {
	docs := loadCorpus(b)
	p := benchPipeline(b)
	ctx := context.Background()
	tokens := countTokens(docs)
	b.SetBytes(int64(corpusBytes(docs)))
	b.ReportAllocs()
	c := start()
	for b.Loop() {
		for _, d := range docs {
			if _, err := p.run(ctx, d.Text); err != nil {
				b.Fatal(err)
			}
		}
	}
	report(b, c, len(docs), tokens)
}

// BenchmarkStage times each stage alone on the corpus: tokenize,
// split (sentences of given tokens), tag (tokens, sentences, POS tags and
// prose's labels), entities (all of entities.Extract), gazetteer (Match
// on every document's tokens) and relations (relations.Extract on
// documents analysed beforehand).
func BenchmarkStage(b *testing.B) {
	docs := loadCorpus(b)
	p := benchPipeline(b)
	ctx := context.Background()
	tokens := countTokens(docs)
	toks := make([][]entities.Token, len(docs))
	spans := make([][]gazetteer.Span, len(docs))
	analysed := make([]*entities.Document, len(docs))
	for i, d := range docs {
		toks[i] = entities.Tokenize(d.Text)
		for _, t := range toks[i] {
			spans[i] = append(spans[i], gazetteer.Span{Start: t.Start, End: t.End})
		}
		doc, err := p.ex.Extract(ctx, d.Text)
		if err != nil {
			b.Fatal(err)
		}
		analysed[i] = doc
	}
	gaz, err := gazetteer.New()
	if err != nil {
		b.Fatal(err)
	}
	stages := []struct {
		name string
		run  func(i int) error
	}{
		{"tokenize", func(i int) error { entities.Tokenize(docs[i].Text); return nil }},
		{"split", func(i int) error { entities.SplitSentences(docs[i].Text, toks[i]); return nil }},
		{"tag", func(i int) error { _, err := p.ex.Tag(ctx, docs[i].Text); return err }},
		{"entities", func(i int) error { _, err := p.ex.Extract(ctx, docs[i].Text); return err }},
		{"gazetteer", func(i int) error { gaz.Match(docs[i].Text, spans[i]); return nil }},
		{"relations", func(i int) error { _, err := p.rel.Extract(ctx, analysed[i]); return err }},
	}
	for _, st := range stages {
		b.Run(st.name, func(b *testing.B) {
			b.SetBytes(int64(corpusBytes(docs)))
			b.ReportAllocs()
			c := start()
			for b.Loop() {
				for i := range docs {
					if err := st.run(i); err != nil {
						b.Fatal(err)
					}
				}
			}
			report(b, c, len(docs), tokens)
		})
	}
}

// proseModel decodes prose's model once, as the baseline reuses it.
func proseModel(tb testing.TB) *prose.Model {
	tb.Helper()
	d, err := prose.NewDocument("Warm up.")
	if err != nil {
		tb.Fatal(err)
	}
	return d.Model
}

// BenchmarkProseNewDocument is the baseline: prose.NewDocument with its
// model decoded once, on the same corpus.
func BenchmarkProseNewDocument(b *testing.B) {
	docs := loadCorpus(b)
	model := proseModel(b)
	tokens := 0
	for _, d := range docs {
		pd, err := prose.NewDocument(d.Text, prose.UsingModel(model))
		if err != nil {
			b.Fatal(err)
		}
		tokens += len(pd.Tokens())
	}
	b.SetBytes(int64(corpusBytes(docs)))
	b.ReportAllocs()
	c := start()
	for b.Loop() {
		for _, d := range docs {
			if _, err := prose.NewDocument(d.Text, prose.UsingModel(model)); err != nil {
				b.Fatal(err)
			}
		}
	}
	report(b, c, len(docs), tokens)
}

// BenchmarkSpeedRatio interleaves, document by document, the whole
// pipeline (run reps times: it is fast) and prose.NewDocument, so that
// both see the same load of a shared machine, and reports the tokens per
// second of each and their ratio "x-prose" (issue 7 asks for 25 or more
// with GOMAXPROCS=1). "x-prose-time" is prose's time over the pipeline's
// on the same texts, which does not depend on how each counts tokens;
// "x-prose-cpu" is x-prose with processor time instead of wall-clock time,
// which is steadier on a busy machine.
func BenchmarkSpeedRatio(b *testing.B) {
	docs := loadCorpus(b)
	p := benchPipeline(b)
	model := proseModel(b)
	o := options{reps: 5, prose: true, relations: true, jobs: 1}
	var ours, theirs totals
	for b.Loop() {
		o2, t2, err := interleaved(p, docs, o, model, newPeakHeap())
		if err != nil {
			b.Fatal(err)
		}
		ours.time += o2.time
		ours.cpu += o2.cpu
		ours.tokens += o2.tokens
		theirs.time += t2.time
		theirs.cpu += t2.cpu
		theirs.tokens += t2.tokens
	}
	tps, _, _ := ours.rates()
	ptps, _, _ := theirs.rates()
	b.ReportMetric(tps, "tokens/s")
	b.ReportMetric(ptps, "prose-tokens/s")
	b.ReportMetric(tps/ptps, "x-prose")
	b.ReportMetric(theirs.time.Seconds()/(ours.time.Seconds()/float64(o.reps)), "x-prose-time")
	if ours.cpu > 0 && theirs.cpu > 0 {
		b.ReportMetric(float64(ours.tokens)/ours.cpu.Seconds()/(float64(theirs.tokens)/theirs.cpu.Seconds()), "x-prose-cpu")
	}
}

// sizedDocuments cuts the corpus, joined by blank lines, into documents
// of about size bytes, at line breaks; the last, shorter piece is dropped
// unless it is the only one. The corpus is repeated as needed to reach
// size.
func sizedDocuments(docs []document, size int) []string {
	var all strings.Builder
	for all.Len() < size {
		for _, d := range docs {
			all.WriteString(d.Text)
			all.WriteString("\n\n")
		}
	}
	text := all.String()
	var out []string
	for len(text) >= size {
		cut := size + strings.IndexByte(text[size:], '\n')
		if cut < size {
			cut = len(text)
		}
		out = append(out, text[:cut])
		text = text[cut:]
	}
	return out
}

// BenchmarkDocumentSize runs the whole pipeline on documents of 1 KB, 100
// KB and 5 MB cut from the corpus (500, 5 and 1 of them), the three sizes
// one after the other in each iteration, and reports the time per token
// of each ("ns/token-1KB", ...; "cpu-ns/token-..." in processor time) and
// the ratio of the largest to the smallest ("max/min", and "cpu-max/min"):
// issue 7 asks for 1.5 or less.
func BenchmarkDocumentSize(b *testing.B) {
	docs := loadCorpus(b)
	p := benchPipeline(b)
	ctx := context.Background()
	type size struct {
		name   string
		texts  []string
		tokens int
		wall   time.Duration
		cpu    time.Duration
	}
	var sizes []*size
	for _, sz := range []struct {
		name        string
		bytes, docs int
	}{{"1KB", 1 << 10, 500}, {"100KB", 100 << 10, 5}, {"5MB", 5 << 20, 1}} {
		texts := sizedDocuments(docs, sz.bytes)
		s := &size{name: sz.name, texts: texts[:min(sz.docs, len(texts))]}
		for _, t := range s.texts {
			s.tokens += len(entities.Tokenize(t))
		}
		sizes = append(sizes, s)
	}
	// A first pass, not timed, warms the caches and grows the heap, which
	// would otherwise count against whichever size runs first.
	for _, s := range sizes {
		for _, t := range s.texts {
			if _, err := p.run(ctx, t); err != nil {
				b.Fatal(err)
			}
		}
	}
	b.ReportAllocs()
	for b.Loop() {
		for _, s := range sizes {
			// The garbage of the size before (a 5 MB document leaves
			// hundreds of megabytes) is collected and swept here, untimed,
			// instead of during the next size's allocations.
			b.StopTimer()
			runtime.GC()
			b.StartTimer()
			start, cpu := time.Now(), cpuTime()
			for _, t := range s.texts {
				if _, err := p.run(ctx, t); err != nil {
					b.Fatal(err)
				}
			}
			s.wall += time.Since(start)
			s.cpu += cpuTime() - cpu
		}
	}
	ratio := func(per func(*size) float64) float64 {
		lo, hi := per(sizes[0]), per(sizes[0])
		for _, s := range sizes {
			lo, hi = min(lo, per(s)), max(hi, per(s))
		}
		return hi / lo
	}
	wallPer := func(s *size) float64 { return float64(s.wall.Nanoseconds()) / float64(s.tokens*b.N) }
	cpuPer := func(s *size) float64 { return float64(s.cpu.Nanoseconds()) / float64(s.tokens*b.N) }
	for _, s := range sizes {
		b.ReportMetric(wallPer(s), "ns/token-"+s.name)
		if s.cpu > 0 {
			b.ReportMetric(cpuPer(s), "cpu-ns/token-"+s.name)
		}
	}
	b.ReportMetric(ratio(wallPer), "max/min")
	if sizes[0].cpu > 0 {
		b.ReportMetric(ratio(cpuPer), "cpu-max/min")
	}
}

// startupEnv, when set, makes the test binary a child that builds the
// pipeline, analyses one sentence and prints how long that took and the
// heap (see TestStartupChild).
const startupEnv = "STATECRAFT_BENCH_STARTUP_CHILD"

// TestStartupChild is the child process of BenchmarkStartup and
// TestStartup; it does nothing in a normal test run.
func TestStartupChild(t *testing.T) {
	if os.Getenv(startupEnv) == "" {
		t.Skip("run by BenchmarkStartup and TestStartup")
	}
	_, took, heap, err := startup(true)
	if err != nil {
		t.Fatal(err)
	}
	// The parent stops its clock when it reads this line.
	os.Stdout.WriteString("first-result " + took.String() + " " + formatUint(heap) + " " + cpuTime().String() + "\n")
}

func formatUint(v uint64) string {
	var b [20]byte
	i := len(b)
	for {
		i--
		b[i] = byte('0' + v%10)
		v /= 10
		if v == 0 {
			return string(b[i:])
		}
	}
}

// startupOnce runs the child and returns the time from starting the
// process to its first result, the construction time measured inside it,
// the live heap after construction and the processor time the child had
// used by then (on a busy machine, wall-clock time also counts the waits
// for a processor).
func startupOnce(tb testing.TB) (wall, inside time.Duration, heap uint64, cpu time.Duration) {
	tb.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^TestStartupChild$", "-test.count=1")
	cmd.Env = append(os.Environ(), startupEnv+"=1")
	out, err := cmd.StdoutPipe()
	if err != nil {
		tb.Fatal(err)
	}
	start := time.Now()
	if err := cmd.Start(); err != nil {
		tb.Fatal(err)
	}
	var buf []byte
	var line string
	chunk := make([]byte, 512)
	for {
		n, err := out.Read(chunk)
		buf = append(buf, chunk[:n]...)
		if i := strings.Index(string(buf), "first-result "); i >= 0 {
			if j := strings.IndexByte(string(buf[i:]), '\n'); j >= 0 {
				wall = time.Since(start)
				line = string(buf[i : i+j])
				break
			}
		}
		if err != nil {
			tb.Fatalf("child: %v; output %q", err, buf)
		}
	}
	if err := cmd.Wait(); err != nil {
		tb.Fatalf("child: %v", err)
	}
	f := strings.Fields(line)
	if len(f) != 4 {
		tb.Fatalf("child printed %q", line)
	}
	inside, err = time.ParseDuration(f[1])
	if err != nil {
		tb.Fatal(err)
	}
	for _, c := range f[2] {
		heap = heap*10 + uint64(c-'0')
	}
	if cpu, err = time.ParseDuration(f[3]); err != nil {
		tb.Fatal(err)
	}
	return wall, inside, heap, cpu
}

// BenchmarkStartup starts a fresh process that builds both extractors
// (prose's tagging models, statecraft's NER model, the gazetteer, the
// relation model, all read in place from their generated tables) and
// analyses a sentence, and reports the time from process start to that
// first result ("ms-to-first-result", issue 14 asks for 60 or less on an
// idle core), the part of it spent building and analysing
// ("ms-construct"), the processor time the process had used by then
// ("cpu-ms-to-first-result", all cores) and the live heap after
// construction ("heap-MB", 40 or less). The test binary links prose for
// the baseline; the extract program, which does not, starts a few
// milliseconds sooner.
func BenchmarkStartup(b *testing.B) {
	var wall, inside, cpu time.Duration
	var heap uint64
	for b.Loop() {
		w, in, h, c := startupOnce(b)
		wall += w
		inside += in
		cpu += c
		heap = max(heap, h)
	}
	b.ReportMetric(wall.Seconds()*1000/float64(b.N), "ms-to-first-result")
	b.ReportMetric(inside.Seconds()*1000/float64(b.N), "ms-construct")
	if cpu > 0 {
		b.ReportMetric(cpu.Seconds()*1000/float64(b.N), "cpu-ms-to-first-result")
	}
	b.ReportMetric(float64(heap)/(1<<20), "heap-MB")
}

// TestStartup checks the live heap after construction (at most 40 MB)
// and the processor time to a first result against a bound that a shared
// test machine keeps (250 ms; issue 14 asks for 60 ms of wall-clock time
// on an idle core, which BenchmarkStartup and the program measure and this
// test only logs). The race detector slows everything several times: the
// time is not checked under it.
func TestStartup(t *testing.T) {
	if testing.Short() {
		t.Skip("starts a process")
	}
	wall, inside, heap, cpu := startupOnce(t)
	t.Logf("process start to first result %v (construction and first sentence %v, processor time %v); live heap after construction %.1f MB",
		wall, inside, cpu, float64(heap)/(1<<20))
	if heap > 40<<20 {
		t.Errorf("heap after construction is %.1f MB, want at most 40 MB", float64(heap)/(1<<20))
	}
	if cpu > 250*time.Millisecond && !raceEnabled {
		t.Errorf("start-up took %v of processor time, want at most 250 ms", cpu)
	}
}

// TestProgramChildren runs the program's start-up measurement and its
// prose child on a small file: the figures it prints come from processes
// that did the work.
func TestProgramChildren(t *testing.T) {
	if testing.Short() {
		t.Skip("starts processes")
	}
	walls, heap, err := processStartupWith(os.Args[0], 2)
	if err != nil {
		t.Fatal(err)
	}
	if len(walls) != 2 || walls[0] <= 0 || walls[0] > walls[1] || heap == 0 || heap > 40<<20 {
		t.Errorf("start-up: %v, heap %d", walls, heap)
	}
	path := t.TempDir() + "/docs.jsonl"
	if err := os.WriteFile(path, []byte(`{"id":"a","text":"Russia recognized Abkhazia in 2008."}`+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	n, err := proseProcess(path)
	if err != nil || n != 6 {
		t.Errorf("prose child: %d tokens, %v; want 6", n, err)
	}
}

// TestMain lets the test binary stand in for the program in
// TestProgramChildren: started with a child flag, it does the child's work.
func TestMain(m *testing.M) {
	if code, ok := child(os.Args[1:], os.Stdout, os.Stderr); ok {
		os.Exit(code)
	}
	os.Exit(m.Run())
}
