// Command extract reads news texts and prints the people, states,
// organisations, places and dates they mention, linked to statecraft's
// gazetteer, and the relations between them.
//
// Usage:
//
//	extract [flags] [FILE...]
//	extract -input jsonl [flags] [FILE.jsonl...]
//
// Each FILE is one document ("-" or no FILE: standard input). Its id is
// the file's base name without extension ("stdin" for standard input).
// The default output is a summary for people:
//
//	go run ./examples/extract testdata/rt-caucasus-security-outline.txt
//
//	== rt-caucasus-security-outline: 71 mentions of 31 entities, 25 relations ==
//
//	PERSON    Oleg Botsiyev ×1
//	          Vladimir Putin ×1 (person/vladimir-putin)
//	STATE     Russia ×11 (state/russia; 3 adjectival)
//	...
//	Armenia —member-of→ Collective Security Treaty Organization (asserted)
//	Abkhazia —recognized-by→ Russia (asserted, time 2008)
//
// Mentions come from package entities, relations from package relations;
// -gazetteer files serve both.
//
// Flags:
//
//	-format F      output format (default summary; jsonl in batch mode):
//	                 summary  entities grouped by type with canonical names,
//	                          ids and counts, then relations as sentences
//	                 json     one indented object per document, the JSON
//	                          output contract of docs/contract.md
//	                 jsonl    the same, one object per line
//	                 brat     brat standoff annotations (.ann)
//	                 conll    token, POS tag, BIO tag; blank line between sentences
//	                 conllu   CoNLL-U: tokens, tags, the dependency parse
//	                          (HEAD, DEPREL) of every sentence, offsets and
//	                          mentions in MISC
//	                 html     one self-contained page with highlighted
//	                          mentions and each sentence's parse on a click
//	                 dot      a Graphviz graph of entities and relations
//	-input I       text (default): each FILE is one document;
//	               jsonl: each line of each FILE is one document
//	               {"id": ..., "text": ..., "date": "YYYY-MM-DD"}
//	-j N           documents analysed in parallel (default: the number of CPUs)
//	-date D        reference date YYYY-MM-DD against which relative dates
//	               ("yesterday", "late August") are resolved; in batch mode
//	               a line's own "date" wins
//	-gazetteer F   add a gazetteer file (JSON Lines, see gazetteer/README.md);
//	               repeatable
//	-out DIR       write each document to DIR/ID.EXT instead of standard
//	               output (with brat: ID.ann, ID.txt and brat's
//	               annotation.conf and visual.conf)
//	-max-bytes N   largest document in bytes (default 8 MiB)
//
// brat and html describe one document per output: brat needs -out DIR when
// there are several documents; html puts several files on one page, and
// in batch mode needs -out DIR.
//
// # Batch mode
//
// With -input jsonl each non-blank line is an object with "id" (any JSON
// value, copied to the output as given; the line number when absent),
// "text" (required) and optionally "date"; other fields are ignored. The
// output has one result per line, in input order. Documents are analysed
// by -j workers with at most 2×j+2 lines in flight, so memory stays
// bounded however long the input. When standard error is a terminal a
// progress bar with the rate and, when the input size is known, the ETA
// is drawn there.
//
// A line that cannot be processed (invalid JSON, no text, a bad date, a
// text over the size limit) does not stop the batch: with -format jsonl
// or json it yields {"id": ..., "line": N, "error": "..."} in its place,
// the id being the line's id when it could be read, else the line
// number; with other formats the error goes to standard error.
//
// # Exit status
//
// 0 when every document was processed, 1 when any failed (the others are
// still written), 2 for bad flags.
package main

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"time"

	"github.com/statecraft/statecraft"
	"github.com/statecraft/statecraft/entities"
	formats "github.com/statecraft/statecraft/format"
	"github.com/statecraft/statecraft/gazetteer"
)

func main() {
	gc := startGCFloor(gcFloorBytes) // see gcfloor.go
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	code := runContext(ctx, os.Args[1:], os.Stdin, os.Stdout, os.Stderr)
	stop()
	gc.stop()
	os.Exit(code)
}

// run is the program: it parses args, reads documents from the files they
// name or from stdin, writes results to stdout and problems to stderr, and
// returns the exit status.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	return runContext(context.Background(), args, stdin, stdout, stderr)
}

// files is a repeatable string flag.
type files []string

func (f *files) String() string     { return strings.Join(*f, ",") }
func (f *files) Set(s string) error { *f = append(*f, s); return nil }

// config is the parsed command line.
type config struct {
	format   format
	batch    bool
	jobs     int
	date     time.Time
	gaz      files
	out      string
	maxBytes int
	inputs   []string
}

// parseFlags parses args; a non-nil error has been reported to stderr.
func parseFlags(args []string, stderr io.Writer) (*config, error) {
	fs := flag.NewFlagSet("extract", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var c config
	formatName := fs.String("format", "summary", "output `format`: "+strings.Join(formatNames(), ", "))
	input := fs.String("input", "text", "input `kind`: text (each file is a document) or jsonl (each line is a document)")
	fs.IntVar(&c.jobs, "j", runtime.NumCPU(), "number of documents analysed in parallel")
	date := fs.String("date", "", "reference `date` YYYY-MM-DD for relative dates")
	fs.Var(&c.gaz, "gazetteer", "add a gazetteer `file` (JSON Lines; repeatable)")
	fs.StringVar(&c.out, "out", "", "write one file per document into `dir`")
	fs.IntVar(&c.maxBytes, "max-bytes", entities.DefaultMaxBytes, "largest document in `bytes`")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: extract [flags] [FILE...]\n       extract -input jsonl [flags] [FILE.jsonl...]\n\nflags:")
		fs.PrintDefaults()
		fmt.Fprint(stderr, `
Without FILE (or with -), the document is read from standard input.

-input jsonl reads one JSON object per line:
  {"id": "doc-1", "text": "...", "date": "2014-09-03"}
("id" a string or number, "date" optional, other fields ignored) and writes one
output object per line, in input order, id preserved; a line that cannot be
processed gives {"id": ..., "line": N, "error": "..."} and the batch goes on.

Output fields: docs/contract.md.

Exit status: 0 when every document was analysed; 1 when any document or line
failed (the others are still written) or a file could not be read; 2 for bad
flags.
`)
	}
	if err := fs.Parse(args); err != nil {
		return nil, err
	}
	usage := func(format string, a ...any) (*config, error) {
		err := fmt.Errorf(format, a...)
		fmt.Fprintln(stderr, "extract:", err)
		return nil, err
	}
	formatSet := false
	fs.Visit(func(f *flag.Flag) { formatSet = formatSet || f.Name == "format" })
	if !formatSet && *input == "jsonl" {
		*formatName = "jsonl" // batch output is one object per line
	}
	f, ok := formatByName(*formatName)
	if !ok {
		return usage("unknown -format %q; want one of %s", *formatName, strings.Join(formatNames(), ", "))
	}
	c.format = f
	switch *input {
	case "text":
	case "jsonl":
		c.batch = true
	default:
		return usage("unknown -input %q; want text or jsonl", *input)
	}
	if c.jobs < 1 {
		return usage("-j must be at least 1")
	}
	if c.maxBytes < 1 {
		return usage("-max-bytes must be at least 1")
	}
	if *date != "" {
		d, err := time.Parse("2006-01-02", *date)
		if err != nil {
			return usage("bad -date %q: want YYYY-MM-DD", *date)
		}
		c.date = d
	}
	c.inputs = fs.Args()
	if len(c.inputs) == 0 {
		c.inputs = []string{"-"}
	}
	if c.out == "" && f.single {
		if c.batch && f.name == "brat" || c.batch && f.name == "html" {
			return usage("-format %s in batch mode needs -out DIR", f.name)
		}
		if f.name == "brat" && len(c.inputs) > 1 {
			return usage("-format brat with several documents needs -out DIR")
		}
	}
	return &c, nil
}

// runContext is run with a context that interrupts the work.
func runContext(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	c, err := parseFlags(args, stderr)
	if errors.Is(err, flag.ErrHelp) {
		return 0
	}
	if err != nil {
		return 2
	}
	p, err := newProcessor(c)
	if err != nil {
		fmt.Fprintln(stderr, "extract:", err)
		return 1
	}
	if c.out != "" {
		if err := os.MkdirAll(c.out, 0o755); err != nil {
			fmt.Fprintln(stderr, "extract:", err)
			return 1
		}
	}
	if slices.Contains(c.inputs, "-") && isTerminal(stdin) {
		fmt.Fprintln(stderr, "extract: reading from the terminal; end the input with Ctrl-D (extract -h for help)")
	}
	if c.batch {
		return runBatch(ctx, c, p, stdin, stdout, stderr)
	}
	return runText(ctx, c, p, stdin, stdout, stderr)
}

// processor analyses documents; it is safe for concurrent use.
type processor struct {
	pipe *statecraft.Pipeline
	date time.Time
}

// newProcessor loads the gazetteer and builds the pipeline.
func newProcessor(c *config) (*processor, error) {
	opts := []statecraft.Option{statecraft.WithMaxBytes(c.maxBytes)}
	if c.format.name == "conllu" || c.format.name == "html" {
		// The formats that show the dependency parse get it for every
		// sentence.
		opts = append(opts, statecraft.WithParse(entities.ParseAll))
	}
	if len(c.gaz) > 0 {
		var gopts []gazetteer.Option
		for _, f := range c.gaz {
			gopts = append(gopts, gazetteer.WithFile(f))
		}
		g, err := gazetteer.New(gopts...)
		if err != nil {
			return nil, err
		}
		opts = append(opts, statecraft.WithGazetteer(g))
	}
	pl, err := statecraft.New(opts...)
	if err != nil {
		return nil, err
	}
	return &processor{pipe: pl, date: c.date}, nil
}

// analyse finds the mentions and relations of text. A zero date means
// the processor's default. Input that is not text is an error
// (statecraft.ErrNotText).
func (p *processor) analyse(ctx context.Context, id string, text string, date time.Time) (*formats.Doc, error) {
	if date.IsZero() {
		date = p.date
	}
	a, err := p.pipe.AnalyzeInput(ctx, statecraft.Input{ID: id, Text: text, Date: date})
	if err != nil {
		return nil, err
	}
	d := formats.FromAnalysis(id, a)
	return &d, nil
}

// runText processes each input as one document.
func runText(ctx context.Context, c *config, p *processor, stdin io.Reader, stdout, stderr io.Writer) int {
	status := 0
	var pageDocs []*formats.Doc // html on stdout: one page for all documents
	out := newOutDir(c.out, c.format)
	n := 0
	for _, in := range c.inputs {
		if err := ctx.Err(); err != nil {
			fmt.Fprintln(stderr, "extract:", err)
			return 1
		}
		text, id, err := readInput(in, stdin, c.maxBytes)
		if err != nil {
			fmt.Fprintln(stderr, "extract:", err)
			status = 1
			continue
		}
		d, err := p.analyse(ctx, id, text, time.Time{})
		if err != nil {
			fmt.Fprintf(stderr, "extract: %s: %v\n", inputName(in), err)
			status = 1
			continue
		}
		switch {
		case c.out != "":
			err = out.write(d)
		case c.format.name == "html":
			pageDocs = append(pageDocs, d)
		default:
			var buf bytes.Buffer
			if n > 0 {
				buf.WriteString(c.format.sep)
			}
			if err = c.format.write(&buf, d); err == nil {
				_, err = stdout.Write(buf.Bytes())
			}
		}
		if err != nil {
			fmt.Fprintln(stderr, "extract:", err)
			return 1
		}
		n++
	}
	if len(pageDocs) > 0 {
		if err := formats.WriteHTML(stdout, pageDocs...); err != nil {
			fmt.Fprintln(stderr, "extract:", err)
			return 1
		}
	}
	if err := out.finish(); err != nil {
		fmt.Fprintln(stderr, "extract:", err)
		return 1
	}
	return status
}

// inputName is the name of an input in messages.
func inputName(in string) string {
	if in == "-" {
		return "standard input"
	}
	return in
}

// readInput reads one text input ("-" is stdin) of at most maxBytes bytes
// and returns it with its document id.
func readInput(in string, stdin io.Reader, maxBytes int) (text, id string, err error) {
	r := stdin
	id = "stdin"
	if in != "-" {
		f, err := os.Open(in)
		if err != nil {
			return "", "", err
		}
		defer f.Close()
		r = f
		base := filepath.Base(in)
		id = strings.TrimSuffix(base, filepath.Ext(base))
	}
	b, err := io.ReadAll(io.LimitReader(r, int64(maxBytes)+1))
	if err != nil {
		return "", "", fmt.Errorf("%s: %w", inputName(in), err)
	}
	if len(b) > maxBytes {
		return "", "", fmt.Errorf("%s: %w: more than %d bytes (see -max-bytes)", inputName(in), entities.ErrTooLarge, maxBytes)
	}
	return string(b), id, nil
}
