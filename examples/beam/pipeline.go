package main

import (
	"bufio"
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/json"
	"errors"
	"fmt"
	"hash/fnv"
	"io"
	"reflect"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/io/textio"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/register"

	"github.com/statecraft/statecraft/entities"
	formats "github.com/statecraft/statecraft/format"
	"github.com/statecraft/statecraft/gazetteer"
	"github.com/statecraft/statecraft/relations"
)

// Counter names, in the "statecraft" namespace.
const (
	counterNS        = "statecraft"
	cDocuments       = "documents"         // non-blank input lines
	cProcessed       = "processed"         // documents with a result
	cErrors          = "errors"            // documents in the error output
	cErrBadJSON      = "errors-bad-json"   // not a JSON object
	cErrBadInput     = "errors-bad-input"  // no id, no text, a bad date
	cErrTooLarge     = "errors-too-large"  // over --max_bytes
	cErrExtract      = "errors-extract"    // the extractors failed
	cRelations       = "relations"         // relations found
	cEdgeDocuments   = "edge-observations" // (document, edge) pairs
	errKindBadJSON   = "bad-json"
	errKindBadInput  = "bad-input"
	errKindTooLarge  = "too-large"
	errKindExtractor = "extractor"
)

// counterNames are the names of all the pipeline's counters.
var counterNames = []string{cDocuments, cProcessed, cErrors, cErrBadJSON, cErrBadInput, cErrTooLarge, cErrExtract, cRelations, cEdgeDocuments}

// maxExcerpt is the longest excerpt of a failed line, in bytes.
const maxExcerpt = 100

func init() {
	register.DoFn6x1[context.Context, string, string, func(string), func(string), func(string, edgeStats), error](&extractFn{})
	register.Emitter1[string]()
	register.Emitter2[string, edgeStats]()
	register.Combiner1[edgeStats](&mergeEdgesFn{})
	register.DoFn4x1[string, edgeStats, func(string), func(string), error](&formatEdgeFn{})
	register.DoFn2x0[string, func(int, string)](&shardFn{})
	register.Emitter2[int, string]()
	register.DoFn4x1[context.Context, int, func(*string) bool, func(*int) bool, error](&writeShardFn{})
	register.Iter1[string]()
	register.Iter1[int]()
	register.Function2x0(shardMarks)
	register.Emitter2[int, int]()
	beam.RegisterType(reflect.TypeOf((*edgeStats)(nil)).Elem())
	beam.RegisterType(reflect.TypeOf((*evidenceRef)(nil)).Elem())
}

// config is what the pipeline needs to know; main fills it from flags.
type config struct {
	// Inputs are file names or globs of JSON Lines documents, local or in
	// an object store that Beam's filesystems know (gs://, s3://).
	Inputs []string
	// Output is the prefix of the output files (see writeShards).
	Output string
	// Shards is the number of files of each output.
	Shards int
	// Evidence is the number of evidence references kept per edge.
	Evidence int
	// MaxBytes is the size limit of a document's text.
	MaxBytes int
	// Gazetteers are extra gazetteer files, read when the pipeline is
	// built and shipped to the workers inside the DoFn.
	Gazetteers []gazetteerFile
}

// gazetteerFile is one extra gazetteer file: its name and its contents.
type gazetteerFile struct {
	Name string `json:"name"`
	Data string `json:"data"`
}

// buildPipeline adds the whole pipeline to s: read, extract, aggregate the
// graph, write the four outputs.
func buildPipeline(s beam.Scope, c config) {
	var cols []beam.PCollection
	for _, in := range c.Inputs {
		cols = append(cols, textio.ReadWithFilename(s, in))
	}
	lines := cols[0]
	if len(cols) > 1 {
		lines = beam.Flatten(s, cols...)
	}
	// textio splits files into 64 MB blocks only; the extractors cost far
	// more than the shuffle, so spread the documents over all workers.
	lines = beam.Reshuffle(s, lines)

	results, failures, edges := beam.ParDo3(s, &extractFn{MaxBytes: c.MaxBytes, Evidence: c.Evidence, Gazetteers: c.Gazetteers}, lines)
	merged := beam.CombinePerKey(s.Scope("graph"), &mergeEdgesFn{Evidence: c.Evidence}, edges)
	edgeLines, csvLines := beam.ParDo2(s, &formatEdgeFn{}, merged)

	writeShards(s.Scope("results"), c.Output+"-results", ".jsonl", "", c.Shards, results)
	writeShards(s.Scope("errors"), c.Output+"-errors", ".jsonl", "", c.Shards, failures)
	writeShards(s.Scope("edges"), c.Output+"-edges", ".jsonl", "", c.Shards, edgeLines)
	writeShards(s.Scope("edges-csv"), c.Output+"-edges", ".csv", csvHeader, c.Shards, csvLines)
}

// extractFn analyses one input line. It emits the document's JSON result,
// or an error object when the line cannot be processed, and the edges the
// document supports. The extractors are built in Setup, once per worker
// process: the DoFn instances that a worker runs in parallel share them.
type extractFn struct {
	MaxBytes   int             `json:"max_bytes"`
	Evidence   int             `json:"evidence"`
	Gazetteers []gazetteerFile `json:"gazetteers"`

	ex *extractors
}

// extractors are the two extractors of a configuration. They are
// immutable and safe for concurrent use.
type extractors struct {
	ents *entities.Extractor
	rels *relations.Extractor
}

// workerExtractors holds the extractors built in this process, by the
// SHA-256 of the JSON of the extractFn that asked for them, each behind a
// sync.OnceValues so that they are built once.
var workerExtractors sync.Map

// Setup loads the models and the gazetteer, or takes them from another
// instance of the DoFn in this process.
func (f *extractFn) Setup() error {
	cfg, err := json.Marshal(f)
	if err != nil {
		return err
	}
	key := sha256.Sum256(cfg)
	build, _ := workerExtractors.LoadOrStore(key, sync.OnceValues(f.build))
	f.ex, err = build.(func() (*extractors, error))()
	return err
}

// build builds the extractors of f's configuration.
func (f *extractFn) build() (*extractors, error) {
	eopts := []entities.Option{entities.WithMaxBytes(f.MaxBytes)}
	var ropts []relations.Option
	if len(f.Gazetteers) > 0 {
		var gopts []gazetteer.Option
		for _, g := range f.Gazetteers {
			gopts = append(gopts, gazetteer.WithReader(g.Name, strings.NewReader(g.Data)))
		}
		g, err := gazetteer.New(gopts...)
		if err != nil {
			return nil, err
		}
		eopts = append(eopts, entities.WithGazetteer(g))
		ropts = append(ropts, relations.WithGazetteer(g))
	}
	ents, err := entities.New(eopts...)
	if err != nil {
		return nil, err
	}
	rels, err := relations.New(ropts...)
	if err != nil {
		return nil, err
	}
	return &extractors{ents: ents, rels: rels}, nil
}

// inputLine is one input document. Other fields are ignored.
type inputLine struct {
	ID   json.RawMessage `json:"id"`
	Text *string         `json:"text"`
	Date string          `json:"date"`
}

// lineError is the failure of one input line.
type lineError struct {
	kind string
	err  error
}

func (e *lineError) Error() string { return e.err.Error() }

// ProcessElement analyses the line read from file.
func (f *extractFn) ProcessElement(ctx context.Context, file, line string, result, failure func(string), edge func(string, edgeStats)) error {
	if len(bytes.TrimSpace([]byte(line))) == 0 {
		return nil
	}
	line = trimCR(line)
	count(ctx, cDocuments, 1)
	id, text, out, rs, err := f.analyse(ctx, line)
	if err != nil {
		var le *lineError
		if !errors.As(err, &le) {
			le = &lineError{kind: errKindExtractor, err: err}
		}
		if ctx.Err() != nil {
			return err // the runner is stopping the work: not the document's fault
		}
		return f.fail(ctx, file, line, id, le, failure)
	}
	s, err := marshalLine(out)
	if err != nil {
		return f.fail(ctx, file, line, id, &lineError{kind: errKindExtractor, err: err}, failure)
	}
	count(ctx, cProcessed, 1)
	count(ctx, cRelations, int64(len(rs)))
	result(s)
	edges := docEdges(formats.IDString(id), out.Date, text, rs, f.Evidence)
	keys := make([]string, 0, len(edges))
	for k := range edges {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		edge(k, *edges[k])
	}
	count(ctx, cEdgeDocuments, int64(len(keys)))
	return nil
}

// analyse decodes and analyses one line. It returns the line's id as given
// (nil when it could not be read), the text, the document's result and its
// relations.
// Panics of the extractors are turned into errors: one document must not
// stop the pipeline.
func (f *extractFn) analyse(ctx context.Context, line string) (id json.RawMessage, text string, out *formats.Output, rs []relations.Relation, err error) {
	if max := 2*f.MaxBytes + 64<<10; len(line) > max {
		return recoverID([]byte(line[:min(len(line), 64<<10)])), "", nil, nil, &lineError{errKindTooLarge,
			fmt.Errorf("line of %d bytes is too long for --max_bytes %d", len(line), f.MaxBytes)}
	}
	var in inputLine
	if err := json.Unmarshal([]byte(line), &in); err != nil {
		return recoverID([]byte(line)), "", nil, nil, &lineError{errKindBadJSON, fmt.Errorf("invalid JSON: %v", err)}
	}
	id = in.ID
	if len(id) == 0 || string(id) == "null" {
		return nil, "", nil, nil, &lineError{errKindBadInput, errors.New(`no "id"`)}
	}
	if in.Text == nil {
		return id, "", nil, nil, &lineError{errKindBadInput, errors.New(`no "text"`)}
	}
	var date time.Time
	if in.Date != "" {
		if date, err = time.Parse(dateLayout, in.Date); err != nil {
			return id, "", nil, nil, &lineError{errKindBadInput, fmt.Errorf("bad date %q: want YYYY-MM-DD", in.Date)}
		}
	}
	defer func() {
		if p := recover(); p != nil {
			out, rs, err = nil, nil, &lineError{errKindExtractor, fmt.Errorf("panic: %v", p)}
		}
	}()
	d, err := f.ex.ents.ExtractAt(ctx, *in.Text, date)
	if err != nil {
		if errors.Is(err, entities.ErrTooLarge) {
			return id, "", nil, nil, &lineError{errKindTooLarge, err}
		}
		return id, "", nil, nil, err
	}
	if rs, err = f.ex.rels.Extract(ctx, d); err != nil {
		return id, "", nil, nil, err
	}
	o := newDocResult(id, d, rs)
	return id, *in.Text, &o, rs, nil
}

// fail counts a failed line and emits its error object.
func (f *extractFn) fail(ctx context.Context, file, line string, id json.RawMessage, le *lineError, failure func(string)) error {
	count(ctx, cErrors, 1)
	switch le.kind {
	case errKindBadJSON:
		count(ctx, cErrBadJSON, 1)
	case errKindBadInput:
		count(ctx, cErrBadInput, 1)
	case errKindTooLarge:
		count(ctx, cErrTooLarge, 1)
	default:
		count(ctx, cErrExtract, 1)
	}
	e := errorResult{ID: id, File: file, Kind: le.kind, Error: le.Error()}
	if len(id) == 0 {
		e.Excerpt = excerpt(line)
	}
	s, err := marshalLine(e)
	if err != nil {
		return err
	}
	failure(s)
	return nil
}

// count adds n to the counter named name.
func count(ctx context.Context, name string, n int64) {
	beam.NewCounter(counterNS, name).Inc(ctx, n)
}

// trimCR removes the carriage return of a CRLF line ending.
func trimCR(s string) string {
	if len(s) > 0 && s[len(s)-1] == '\r' {
		return s[:len(s)-1]
	}
	return s
}

// excerpt returns the start of a line, at most maxExcerpt bytes cut at a
// UTF-8 boundary, for the error object of a line whose id is unknown.
func excerpt(line string) string {
	return truncate(line, maxExcerpt)
}

// recoverID returns the value of the top-level "id" of a line that is not
// valid JSON as a whole, when it can be read before the defect and is not
// null; else nil.
func recoverID(line []byte) json.RawMessage {
	if id := formats.RecoverID(line); string(id) != "null" {
		return id
	}
	return nil
}

// formatEdgeFn writes a merged edge as a JSON line and a CSV line.
type formatEdgeFn struct{}

// ProcessElement formats the edge with key k.
func (f *formatEdgeFn) ProcessElement(k string, e edgeStats, jsonLine, csvLine func(string)) error {
	j, c, err := formatEdge(k, e)
	if err != nil {
		return err
	}
	jsonLine(j)
	csvLine(c)
	return nil
}

// writeShards writes the lines of col to n files named
//
//	PREFIX-SSSSS-of-NNNNN.SUFFIX
//
// (shard numbers from 00000, Beam's default shard template), each
// starting with header when it is not "". A line goes to the shard chosen
// by its FNV-1a hash, so the same line always lands in the same file;
// every shard is written, empty or not; the order of lines within a file
// is unspecified. A shard is written by one worker in one pass and
// rewritten whole when the runner retries it.
func writeShards(s beam.Scope, prefix, suffix, header string, n int, col beam.PCollection) {
	filesystem.ValidateScheme(prefix)
	keyed := beam.ParDo(s, &shardFn{Shards: n}, col)
	marks := beam.ParDo(s, shardMarks, beam.Create(s, n))
	grouped := beam.CoGroupByKey(s, keyed, marks)
	beam.ParDo0(s, &writeShardFn{Prefix: prefix, Suffix: suffix, Header: header, Shards: n}, grouped)
}

// shardMarks emits (i, i) for every shard i < n, so that every shard is
// written even when no line falls into it.
func shardMarks(n int, emit func(int, int)) {
	for i := range n {
		emit(i, i)
	}
}

// shardFn keys each line by its shard.
type shardFn struct {
	Shards int `json:"shards"`
}

// ProcessElement emits (shard, line).
func (f *shardFn) ProcessElement(line string, emit func(int, string)) {
	h := fnv.New32a()
	io.WriteString(h, line)
	emit(int(h.Sum32()%uint32(f.Shards)), line)
}

// writeShardFn writes the lines of one shard to its file.
type writeShardFn struct {
	Prefix string `json:"prefix"`
	Suffix string `json:"suffix"`
	Header string `json:"header"`
	Shards int    `json:"shards"`
}

// shardName returns the file name of shard i of n.
func shardName(prefix, suffix string, i, n int) string {
	return fmt.Sprintf("%s-%05d-of-%05d%s", prefix, i, n, suffix)
}

// ProcessElement writes shard i.
func (f *writeShardFn) ProcessElement(ctx context.Context, i int, lines func(*string) bool, _ func(*int) bool) error {
	name := shardName(f.Prefix, f.Suffix, i, f.Shards)
	fs, err := filesystem.New(ctx, name)
	if err != nil {
		return err
	}
	defer fs.Close()
	fd, err := fs.OpenWrite(ctx, name)
	if err != nil {
		return err
	}
	w := bufio.NewWriterSize(fd, 1<<20)
	if f.Header != "" {
		w.WriteString(f.Header)
		w.WriteByte('\n')
	}
	var line string
	for lines(&line) {
		w.WriteString(line)
		if err := w.WriteByte('\n'); err != nil {
			fd.Close()
			return fmt.Errorf("writing %s: %w", name, err)
		}
	}
	if err := w.Flush(); err != nil {
		fd.Close()
		return fmt.Errorf("writing %s: %w", name, err)
	}
	return fd.Close()
}
