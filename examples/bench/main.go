// Command bench measures statecraft's whole pipeline on a JSONL corpus and
// compares it, in the same run, with prose.NewDocument (the baseline of
// the project, with its model decoded once and reused).
//
// Usage:
//
//	go run ./examples/bench [flags] [CORPUS.jsonl]
//
// CORPUS.jsonl holds one {"id": ..., "text": ...} object per line (other
// fields are ignored). Without it the corpus is, when the development data
// is next to the repository (../shared/dev), the set of earlier rounds: the
// 216 documents of the CoNLL-2003 validation file and the first 200 of
// Re-DocRED dev (416 documents, 0.5 MB of Reuters news and Wikipedia,
// rebuilt in memory); otherwise testdata/news/written.jsonl, 360 news-style
// documents (0.5 MB) written for the project. The program says which.
//
// For each document in turn the program runs statecraft (tokenize, split
// sentences, tag, recognise entities with the gazetteer and dates, find
// relations) -reps times and prose.NewDocument once, timing both, so that
// both see the same load on a busy machine. It prints:
//
//	start-up     time from starting a process of this program to its
//	             first result (both stages built, one sentence
//	             analysed), best and median of -startup processes, and
//	             the live heap after construction
//	statecraft   tokens/s, documents/s and MB/s
//	prose        tokens/s, documents/s and MB/s
//	ratio        statecraft's tokens/s over prose's, and prose's time
//	             over statecraft's on the same texts
//	memory       peak resident set size of the process and peak live heap
//	process      with -process: whole processes over one file, the
//	             extract program (-input jsonl -j 1) against a prose
//	             program (model decoded once, NewDocument per document),
//	             both with GOMAXPROCS=1, back to back, best of three; on
//	             the first 500 documents of Re-DocRED dev with
//	             ../shared/dev, otherwise on the written corpus
//
// Run it on one core for the single-core figure:
//
//	GOMAXPROCS=1 go run ./examples/bench
//
// Flags:
//
//	-reps N       statecraft runs per document (default 5)
//	-prose=false  skip prose (statecraft alone)
//	-relations=false
//	              stop after entity recognition
//	-j N          statecraft workers (default 1); with N > 1 prose is
//	              skipped and the figures are throughput
//	-startup N    start-up processes to time (default 10; 0: none)
//	-parse P      sentences to parse: none, arguments (those with a
//	              PERSON, STATE, ORG or LOCATION mention) or all
//	              (default: entities.DefaultParse, none)
//	-process      also time whole processes (builds examples/extract;
//	              needs the go command)
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"runtime"
	"runtime/metrics"
	"sync"
	"sync/atomic"
	"time"

	prose "github.com/jdkato/prose/v2"

	"github.com/statecraft/statecraft/entities"
	"github.com/statecraft/statecraft/relations"
)

func main() {
	if code, ok := child(os.Args[1:], os.Stdout, os.Stderr); ok {
		os.Exit(code)
	}
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// options are the parsed flags.
type options struct {
	corpus    string
	reps      int
	prose     bool
	relations bool
	jobs      int
	startups  int
	process   bool
}

func run(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("bench", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var o options
	fs.IntVar(&o.reps, "reps", 5, "statecraft runs per document")
	fs.BoolVar(&o.prose, "prose", true, "time prose.NewDocument on the same documents")
	fs.BoolVar(&o.relations, "relations", true, "find relations too")
	fs.IntVar(&o.jobs, "j", 1, "statecraft workers")
	fs.IntVar(&o.startups, "startup", 10, "start-up processes to time")
	fs.BoolVar(&o.process, "process", false, "also time whole processes of extract and prose")
	parse := fs.String("parse", "", "sentences to parse: none, arguments or all (default: entities.DefaultParse)")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	switch fs.NArg() {
	case 0:
	case 1:
		o.corpus = fs.Arg(0)
	default:
		fmt.Fprintln(stderr, "usage: bench [flags] [CORPUS.jsonl]")
		return 2
	}
	if *parse != "" {
		m, ok := parseModes[*parse]
		if !ok {
			fmt.Fprintln(stderr, "bench: -parse is none, arguments or all")
			return 2
		}
		parseMode = m
	}
	if o.reps < 1 || o.jobs < 1 || o.startups < 0 {
		fmt.Fprintln(stderr, "bench: -reps and -j must be at least 1, -startup at least 0")
		return 2
	}
	if err := bench(o, stdout); err != nil {
		fmt.Fprintln(stderr, "bench:", err)
		return 1
	}
	return 0
}

// parseMode is the -parse flag: which sentences the pipeline parses.
var parseMode = entities.DefaultParse

// parseModes names the values of -parse.
var parseModes = map[string]entities.ParseMode{"none": entities.ParseNone, "arguments": entities.ParseArguments, "all": entities.ParseAll}

// pipeline is statecraft's whole pipeline: entities, then relations.
type pipeline struct {
	ex  *entities.Extractor
	rel *relations.Extractor // nil: entities only
}

// newPipeline builds the extractors, the two at once: each loads its
// models and data on first use, independently of the other.
func newPipeline(withRelations bool) (*pipeline, error) {
	p := &pipeline{}
	var (
		wg   sync.WaitGroup
		rerr error
	)
	if withRelations {
		wg.Go(func() { p.rel, rerr = relations.New() })
	}
	var err error
	p.ex, err = entities.New(entities.WithParse(parseMode))
	wg.Wait()
	return p, errors.Join(err, rerr)
}

// run analyses one text and returns its number of tokens.
func (p *pipeline) run(ctx context.Context, text string) (int, error) {
	doc, err := p.ex.Extract(ctx, text)
	if err != nil {
		return 0, err
	}
	if p.rel != nil {
		if _, err := p.rel.Extract(ctx, doc); err != nil {
			return 0, err
		}
	}
	return len(doc.Tokens), nil
}

// startup builds the pipeline and analyses a first sentence, and returns
// the time that took and the live heap afterwards.
func startup(withRelations bool) (*pipeline, time.Duration, uint64, error) {
	start := time.Now()
	p, err := newPipeline(withRelations)
	if err != nil {
		return nil, 0, 0, err
	}
	if _, err := p.run(context.Background(), "Russia recognized Abkhazia in August 2008, President Vladimir Putin said."); err != nil {
		return nil, 0, 0, err
	}
	took := time.Since(start)
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	return p, took, ms.HeapAlloc, nil
}

// peakHeap samples the live heap (bytes in heap objects) and keeps the
// largest value seen.
type peakHeap struct {
	sample []metrics.Sample
	max    atomic.Uint64
}

func newPeakHeap() *peakHeap {
	return &peakHeap{sample: []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}}
}

func (h *peakHeap) observe() {
	s := []metrics.Sample{{Name: h.sample[0].Name}}
	metrics.Read(s)
	if s[0].Value.Kind() != metrics.KindUint64 {
		return
	}
	v := s[0].Value.Uint64()
	for {
		old := h.max.Load()
		if v <= old || h.max.CompareAndSwap(old, v) {
			return
		}
	}
}

// totals are the sums over a corpus.
type totals struct {
	docs, tokens, bytes int
	time                time.Duration // wall-clock
	cpu                 time.Duration // processor time of the process
}

func (t totals) rates() (tokensPerSec, docsPerSec, mbPerSec float64) {
	s := t.time.Seconds()
	return float64(t.tokens) / s, float64(t.docs) / s, float64(t.bytes) / s / 1e6
}

func bench(o options, w io.Writer) error {
	if o.startups > 0 {
		walls, heap, err := processStartup(o.startups)
		if err != nil {
			return err
		}
		fmt.Fprintf(w, "start-up     %.1f ms from process start to first result (best of %d; median %.1f ms); live heap after construction %.1f MB\n",
			walls[0].Seconds()*1000, len(walls), walls[len(walls)/2].Seconds()*1000, float64(heap)/(1<<20))
	}
	p, took, heap, err := startup(o.relations)
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "in process   %.1f ms to build the extractors and analyse a first sentence; live heap %.1f MB\n",
		took.Seconds()*1000, float64(heap)/(1<<20))
	docs, name, err := readDocs(o.corpus)
	if err != nil {
		return err
	}
	if len(docs) == 0 {
		return fmt.Errorf("%s: no documents", name)
	}
	stages := "tokenize, split, tag, entities with gazetteer and dates"
	if parseMode != entities.ParseNone {
		stages += ", parse"
	}
	if o.relations {
		stages += ", relations"
	}
	fmt.Fprintf(w, "corpus       %s: %d documents, %.2f MB; GOMAXPROCS=%d; statecraft: %s\n",
		name, len(docs), float64(corpusBytes(docs))/1e6, runtime.GOMAXPROCS(0), stages)
	peak := newPeakHeap()
	var ours, theirs totals
	if o.jobs > 1 {
		ours, err = parallel(p, docs, o, peak)
		o.prose = false
	} else {
		var model *prose.Model
		if o.prose {
			// The baseline decodes its model once, as statecraft does.
			d, err := prose.NewDocument("Warm up.")
			if err != nil {
				return err
			}
			model = d.Model
		}
		ours, theirs, err = interleaved(p, docs, o, model, peak)
	}
	if err != nil {
		return err
	}
	tps, dps, mbs := ours.rates()
	fmt.Fprintf(w, "statecraft   %9.0f tokens/s  %8.1f documents/s  %6.3f MB/s  (%d tokens × %d runs, -j %d)\n",
		tps, dps, mbs, ours.tokens/(o.reps), o.reps, o.jobs)
	if o.prose {
		ptps, pdps, pmbs := theirs.rates()
		fmt.Fprintf(w, "prose        %9.0f tokens/s  %8.1f documents/s  %6.3f MB/s  (%d tokens)\n", ptps, pdps, pmbs, theirs.tokens)
		fmt.Fprintf(w, "ratio        %.1f× prose's tokens/s; %.1f× faster on the same texts\n",
			tps/ptps, theirs.time.Seconds()/(ours.time.Seconds()/float64(o.reps)))
		if ours.cpu > 0 && theirs.cpu > 0 {
			fmt.Fprintf(w, "cpu ratio    %.1f× prose's tokens per processor second (%.0f against %.0f); %.1f× less processor time on the same texts\n",
				float64(ours.tokens)/ours.cpu.Seconds()/(float64(theirs.tokens)/theirs.cpu.Seconds()),
				float64(ours.tokens)/ours.cpu.Seconds(), float64(theirs.tokens)/theirs.cpu.Seconds(),
				theirs.cpu.Seconds()/(ours.cpu.Seconds()/float64(o.reps)))
		}
	} else if ours.cpu > 0 {
		fmt.Fprintf(w, "cpu          %9.0f tokens per processor second\n", float64(ours.tokens)/ours.cpu.Seconds())
	}
	fmt.Fprintf(w, "memory       peak RSS %s; peak live heap %.1f MB\n", maxRSS(), float64(peak.max.Load())/(1<<20))
	if o.process {
		return wholeProcess(context.Background(), 3, w)
	}
	return nil
}

func corpusBytes(docs []document) int {
	n := 0
	for _, d := range docs {
		n += len(d.Text)
	}
	return n
}

// interleaved runs statecraft o.reps times, then prose once, on each
// document in turn; model is prose's, decoded once (nil without prose).
func interleaved(p *pipeline, docs []document, o options, model *prose.Model, peak *peakHeap) (ours, theirs totals, err error) {
	ctx := context.Background()
	for _, d := range docs {
		start, cpu := time.Now(), cpuTime()
		n := 0
		for range o.reps {
			if n, err = p.run(ctx, d.Text); err != nil {
				return ours, theirs, fmt.Errorf("document %s: %w", d.ID, err)
			}
		}
		ours.time += time.Since(start)
		ours.cpu += cpuTime() - cpu
		ours.docs += o.reps
		ours.tokens += n * o.reps
		ours.bytes += len(d.Text) * o.reps
		peak.observe()
		if o.prose {
			start, cpu := time.Now(), cpuTime()
			pd, err := prose.NewDocument(d.Text, prose.UsingModel(model))
			if err != nil {
				return ours, theirs, fmt.Errorf("prose, document %s: %w", d.ID, err)
			}
			theirs.time += time.Since(start)
			theirs.cpu += cpuTime() - cpu
			theirs.docs++
			theirs.tokens += len(pd.Tokens())
			theirs.bytes += len(d.Text)
		}
	}
	return ours, theirs, nil
}

// parallel runs statecraft o.reps times over the corpus with o.jobs
// workers.
func parallel(p *pipeline, docs []document, o options, peak *peakHeap) (totals, error) {
	ctx := context.Background()
	var (
		next   atomic.Int64
		tokens atomic.Int64
		wg     sync.WaitGroup
		mu     sync.Mutex
		first  error
	)
	n := int64(len(docs) * o.reps)
	start, cpu := time.Now(), cpuTime()
	for range o.jobs {
		wg.Go(func() {
			for {
				i := next.Add(1) - 1
				if i >= n {
					return
				}
				d := docs[i%int64(len(docs))]
				k, err := p.run(ctx, d.Text)
				if err != nil {
					mu.Lock()
					if first == nil {
						first = fmt.Errorf("document %s: %w", d.ID, err)
					}
					mu.Unlock()
					next.Store(n)
					return
				}
				tokens.Add(int64(k))
				if i%16 == 0 {
					peak.observe()
				}
			}
		})
	}
	wg.Wait()
	t := totals{docs: int(n), tokens: int(tokens.Load()), bytes: corpusBytes(docs) * o.reps, time: time.Since(start), cpu: cpuTime() - cpu}
	return t, first
}
