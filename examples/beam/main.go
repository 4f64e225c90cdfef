// Command beam is statecraft's Apache Beam pipeline: it runs the entity
// and relation extractors over corpora too large for one machine and
// aggregates a knowledge graph across the documents. The same program runs
// locally (Beam's prism runner, the default) and on Dataflow, Flink or
// Spark.
//
// It lives in its own Go module (examples/beam/go.mod, with a replace of
// github.com/statecraft/statecraft to the repository root) so that users
// of the library never download Beam's dependencies.
//
// Usage:
//
//	go run . --input 'corpus/*.jsonl' --output out/run [flags] [Beam runner flags]
//
// # Input
//
// JSON Lines read with Beam's textio from local files or object-store
// globs (gs://bucket/news/*.jsonl; also s3://): one document per line,
//
//	{"id": "doc-1", "text": "...", "date": "2014-08-21"}
//
// "id" (any JSON value, copied to the output as given) and "text" are
// required, "date" (YYYY-MM-DD, the reference date against which relative
// dates are resolved) is optional, other fields are ignored. Blank lines
// are skipped. A line ending in CR LF loses its CR.
//
// # Processing
//
// A DoFn builds the entity and relation extractors once per worker (in
// Setup: models and gazetteer are loaded once per worker process and
// shared by the DoFn instances the worker runs in parallel, which the
// extractors allow) and analyses each line.
// A line that cannot be processed does not stop the pipeline: invalid
// JSON, no id or text, a bad date, a text over --max_bytes, or an error
// (or panic) of the extractors send the line to the error output and are
// counted. The counters, in namespace "statecraft": documents (non-blank
// lines), processed, errors, errors-bad-json, errors-bad-input,
// errors-too-large, errors-extract, relations, edge-observations.
//
// # Knowledge graph
//
// One edge per (relation type, subject id, object id). Only relation
// arguments that have a gazetteer id (entities.Mention.ID) form edges: a
// person the gazetteer does not know has no stable identity across
// documents. A directed relation gives the edge subject → object; a
// symmetric one (treaty-between, allied-with, met-with) gives one edge for
// every unordered pair of its parties, the smaller id as subject. Edges
// from an id to itself are left out. For each edge:
//
//   - documents: the number of input documents with at least one
//     relation giving the edge (two lines with the same id count twice);
//   - first, last: the earliest and latest date of those documents; a
//     document's date is its "date" when given, else the time of its
//     relations giving the edge when that is a full date (YYYY-MM-DD;
//     "2008" or "XXXX-08" are not dates of a day and are ignored); "" when
//     no supporting document has a date;
//   - asserted, negated, possible: the number of supporting documents
//     with at least one relation of that modality (a document that both
//     asserts and denies counts in both);
//   - evidence: up to --evidence references, the smallest by (document
//     id, start, end): the document id (as text), the evidence's byte span
//     in the document's text and its text cut to 300 bytes (with "…").
//
// The edge merge is associative and commutative, so the result does not
// depend on how the runner splits or orders the work.
//
// # Output
//
// With --output PREFIX and --shards N the pipeline writes
//
//	PREFIX-results-SSSSS-of-NNNNN.jsonl  one JSON object per processed document:
//	                                     the JSON output contract of docs/contract.md, exactly
//	                                     what `extract -input jsonl` writes for the line
//	PREFIX-errors-SSSSS-of-NNNNN.jsonl   one object per failed line: {"id" (when it could
//	                                     be read) or "excerpt" (the line's first 100
//	                                     bytes), "file", "kind", "error"}
//	PREFIX-edges-SSSSS-of-NNNNN.jsonl    one object per edge: type, subject, object,
//	                                     subject_name, object_name, symmetric, documents,
//	                                     first, last, asserted, negated, possible, evidence
//	PREFIX-edges-SSSSS-of-NNNNN.csv      the same edges for graph tools, each file with
//	                                     the header type,subject,object,documents,first,
//	                                     last,asserted,negated,possible
//
// SSSSS is the shard number from 00000 and NNNNN the number of shards
// (Beam's default shard name template); with the default --shards 1 each
// output is one file, PREFIX-results-00000-of-00001.jsonl. Every shard is
// written, possibly empty; a line's shard is chosen by a hash of the
// line; the order of lines within a file is unspecified. PREFIX may be a
// local path or an object-store path (gs://bucket/run/out).
//
// Beam's Go textio.Write writes one unsharded file from one worker; the
// pipeline uses its own sharded writer (built on Beam's filesystem
// package) so that large outputs are written in parallel.
//
// # Flags
//
//	--input GLOB      input file or glob; repeatable (required)
//	--output PREFIX   output prefix (required)
//	--shards N        files per output (default 1)
//	--evidence N      evidence references kept per edge (default 3)
//	--max_bytes N     largest document text in bytes (default 8 MiB)
//	--gazetteer FILE  extra gazetteer file (JSON Lines, gazetteer/README.md),
//	                  local or object store; repeatable. Read once when the
//	                  pipeline is built and shipped to the workers.
//
// and Beam's own flags: --runner (prism, the default, in-process; direct;
// dataflow; flink; spark; universal), --endpoint (job service of a
// portable runner: Flink's or Spark's job server), --environment_type
// (LOOPBACK, DOCKER, PROCESS), --project, --region, --temp_location,
// --staging_location, --num_workers, --max_num_workers,
// --worker_machine_type, --job_name, --parallelism, ... (go run . --help).
//
// At the end the counters are printed to standard error. The exit status
// is 0 when the pipeline ran, even when some documents failed (see the
// error output and the counters), 1 when it failed, 2 for bad flags.
package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/core/metrics"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/runners"

	// Filesystems for inputs, outputs and gazetteer files.
	_ "github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem/gcs"
	_ "github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem/local"
	_ "github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem/s3"

	// Runners, registered by name for --runner.
	_ "github.com/apache/beam/sdks/v2/go/pkg/beam/runners/dataflow"
	//lint:ignore SA1019 the direct runner is deprecated for prism, and kept as a second local runner to cross-check with
	_ "github.com/apache/beam/sdks/v2/go/pkg/beam/runners/direct"
	_ "github.com/apache/beam/sdks/v2/go/pkg/beam/runners/flink"
	_ "github.com/apache/beam/sdks/v2/go/pkg/beam/runners/prism"
	_ "github.com/apache/beam/sdks/v2/go/pkg/beam/runners/spark"
	_ "github.com/apache/beam/sdks/v2/go/pkg/beam/runners/universal"

	"github.com/statecraft/statecraft/entities"
)

// defaultRunner runs pipelines in this process.
const defaultRunner = "prism"

// repeated is a repeatable string flag.
type repeated []string

func (r *repeated) String() string     { return strings.Join(*r, ",") }
func (r *repeated) Set(s string) error { *r = append(*r, s); return nil }

var (
	inputs     repeated
	gazetteers repeated
	output     = flag.String("output", "", "output `prefix`: PREFIX-results-*.jsonl, PREFIX-errors-*.jsonl, PREFIX-edges-*.jsonl and .csv (required)")
	shards     = flag.Int("shards", 1, "`files` per output")
	evidence   = flag.Int("evidence", 3, "evidence references kept per edge")
	maxBytes   = flag.Int("max_bytes", entities.DefaultMaxBytes, "largest document text in `bytes`")
)

func init() {
	flag.Var(&inputs, "input", "input JSON Lines `file or glob`, local or object store; repeatable (required)")
	flag.Var(&gazetteers, "gazetteer", "extra gazetteer `file` (JSON Lines); repeatable")
}

func main() {
	flag.Parse()
	// On a worker, Init runs the worker harness and never returns.
	beam.Init()
	ctx := context.Background()
	c, err := flagConfig(ctx)
	if err != nil {
		fmt.Fprintln(os.Stderr, "beam:", err)
		flag.Usage()
		os.Exit(2)
	}
	runner := *runners.Runner
	if runner == "" {
		runner = defaultRunner
	}
	counters, err := run(ctx, runner, c)
	printCounters(os.Stderr, counters)
	if err != nil {
		fmt.Fprintln(os.Stderr, "beam:", err)
		os.Exit(1)
	}
}

// flagConfig checks the flags and reads the gazetteer files.
func flagConfig(ctx context.Context) (config, error) {
	c := config{Inputs: inputs, Output: *output, Shards: *shards, Evidence: *evidence, MaxBytes: *maxBytes}
	switch {
	case len(c.Inputs) == 0:
		return c, fmt.Errorf("no --input")
	case c.Output == "":
		return c, fmt.Errorf("no --output")
	case c.Shards < 1:
		return c, fmt.Errorf("--shards must be at least 1")
	case c.Evidence < 0:
		return c, fmt.Errorf("--evidence must not be negative")
	case c.MaxBytes < 1:
		return c, fmt.Errorf("--max_bytes must be at least 1")
	}
	for _, g := range gazetteers {
		data, err := readFile(ctx, g)
		if err != nil {
			return c, err
		}
		c.Gazetteers = append(c.Gazetteers, gazetteerFile{Name: g, Data: string(data)})
	}
	return c, nil
}

// readFile reads a whole file through Beam's filesystems.
func readFile(ctx context.Context, name string) ([]byte, error) {
	fs, err := filesystem.New(ctx, name)
	if err != nil {
		return nil, err
	}
	defer fs.Close()
	r, err := fs.OpenRead(ctx, name)
	if err != nil {
		return nil, err
	}
	defer r.Close()
	return io.ReadAll(r)
}

// run builds the pipeline of c, runs it on runner and returns its
// counters in namespace "statecraft" by name, all of them (zero when the
// runner reports none); nil when the runner returned no result (a
// Dataflow --dry_run).
func run(ctx context.Context, runner string, c config) (map[string]int64, error) {
	p, s := beam.NewPipelineWithRoot()
	buildPipeline(s, c)
	pr, err := beam.Run(ctx, runner, p)
	if pr == nil {
		return nil, err // a dry run, or no job
	}
	counters := map[string]int64{}
	for _, n := range counterNames {
		counters[n] = 0
	}
	for _, r := range pr.Metrics().Query(func(r metrics.SingleResult) bool {
		return r.Namespace() == counterNS
	}).Counters() {
		counters[r.Name()] += r.Result()
	}
	return counters, err
}

// printCounters writes the counters, sorted by name.
func printCounters(w io.Writer, counters map[string]int64) {
	names := make([]string, 0, len(counters))
	for n := range counters {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		fmt.Fprintf(w, "%s: %d\n", n, counters[n])
	}
}
