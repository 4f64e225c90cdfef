package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"sync"
	"time"

	formats "github.com/statecraft/statecraft/format"
)

// batchLine is one input line of batch mode. Fields other than these are
// ignored.
type batchLine struct {
	ID   json.RawMessage `json:"id"`
	Text *string         `json:"text"`
	Date string          `json:"date"`
}

// job is one line on its way through the workers.
type job struct {
	line int    // 1-based line number in its file
	file string // the input file, "" for standard input
	data []byte // the line without its line break; nil when too long
	size int64  // bytes the line took in the input, line break included
	res  chan result
}

// result is what a worker made of a job.
type result struct {
	out      []byte // what to write to stdout (may be empty)
	doc      *formats.Doc
	errMsg   string // the line failed: a message for stderr
	size     int64
	canceled bool // the work was interrupted
}

// runBatch is batch mode (-input jsonl): lines are read by one goroutine,
// analysed and rendered by c.jobs workers, and written in input order by
// the calling goroutine. At most 2×jobs+2 lines are in flight.
func runBatch(ctx context.Context, c *config, p *processor, stdin io.Reader, stdout, stderr io.Writer) int {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	window := 2*c.jobs + 2
	order := make(chan chan result, window)
	jobs := make(chan job)
	readErr := make(chan error, 1)
	maxLine := 2*c.maxBytes + 64<<10 // room for JSON escapes and the other fields

	// Reader.
	go func() {
		defer close(order)
		defer close(jobs)
		readErr <- readLines(ctx, c.inputs, stdin, maxLine, func(j job) bool {
			j.res = make(chan result, 1)
			select {
			case order <- j.res:
			case <-ctx.Done():
				return false
			}
			select {
			case jobs <- j:
				return true
			case <-ctx.Done():
				j.res <- result{size: j.size, canceled: true}
				return false
			}
		})
	}()

	// Workers.
	var wg sync.WaitGroup
	for range c.jobs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range jobs {
				if ctx.Err() != nil {
					j.res <- result{size: j.size, canceled: true}
					continue
				}
				j.res <- processLine(ctx, c, p, j)
			}
		}()
	}

	// Writer: results in input order.
	var prog *progress
	if isTerminal(stderr) {
		prog = newProgress(stderr, inputSize(c.inputs, stdin), time.Now)
		prog.start()
	}
	out := newOutDir(c.out, c.format)
	bw := bufio.NewWriterSize(stdout, 64<<10)
	status := 0
	n := 0
	var writeErr error
	for res := range order {
		r := <-res
		if ctx.Err() != nil {
			continue // interrupted or failed to write: drain what is in flight
		}
		if r.errMsg != "" {
			status = 1
			fmt.Fprintln(stderr, "extract:", r.errMsg)
		}
		if writeErr == nil {
			if r.doc != nil && c.out != "" {
				writeErr = out.write(r.doc)
			} else if len(r.out) > 0 {
				if n > 0 {
					bw.WriteString(c.format.sep)
				}
				_, writeErr = bw.Write(r.out)
				n++
			}
			if writeErr != nil {
				cancel() // stop reading; drain what is in flight
			}
		}
		if prog != nil {
			prog.add(r.size, r.errMsg != "")
		}
	}
	wg.Wait()
	if prog != nil {
		prog.stop()
	}
	if err := bw.Flush(); writeErr == nil {
		writeErr = err
	}
	if writeErr == nil {
		writeErr = out.finish()
	}
	if writeErr != nil {
		fmt.Fprintln(stderr, "extract:", writeErr)
		return 1
	}
	if err := <-readErr; err != nil {
		fmt.Fprintln(stderr, "extract:", err)
		return 1
	}
	if err := ctx.Err(); err != nil {
		fmt.Fprintln(stderr, "extract: interrupted:", context.Cause(ctx))
		return 1
	}
	return status
}

// processLine analyses one line and renders its output.
func processLine(ctx context.Context, c *config, p *processor, j job) result {
	r := result{size: j.size}
	id, d, err := analyseLine(ctx, p, j)
	if err == nil {
		if c.out != "" {
			r.doc = d
			return r
		}
		var buf bytes.Buffer
		if err = c.format.write(&buf, d); err == nil {
			r.out = buf.Bytes()
			return r
		}
	}
	where := fmt.Sprintf("line %d", j.line)
	if j.file != "" {
		where = j.file + ":" + fmt.Sprint(j.line)
	}
	if id == nil {
		id = formats.LineID(j.line)
	}
	switch c.format.name {
	case "jsonl", "json":
		var buf bytes.Buffer
		if werr := formats.WriteErrorJSONL(&buf, formats.ErrorOutput{ID: id, Line: j.line, File: j.file, Error: err.Error()}); werr == nil {
			r.out = buf.Bytes()
		}
		r.errMsg = fmt.Sprintf("%s (id %s): %v", where, id, err)
	default:
		r.errMsg = fmt.Sprintf("%s (id %s): %v", where, id, err)
	}
	return r
}

// analyseLine decodes and analyses one line. It returns the line's id as
// given (nil when it could not be read) and the document.
func analyseLine(ctx context.Context, p *processor, j job) (json.RawMessage, *formats.Doc, error) {
	if j.data == nil {
		return nil, nil, fmt.Errorf("line of %d bytes is too long for -max-bytes", j.size)
	}
	var in batchLine
	if err := decodeLine(j.data, &in); err != nil {
		return formats.RecoverID(j.data), nil, fmt.Errorf("invalid JSON: %s", jsonProblem(err))
	}
	id := in.ID
	if len(id) == 0 {
		id = formats.LineID(j.line)
	}
	if in.Text == nil {
		return id, nil, errors.New(`no "text"`)
	}
	var date time.Time
	if in.Date != "" {
		d, err := time.Parse("2006-01-02", in.Date)
		if err != nil {
			return id, nil, fmt.Errorf("bad date %q: want YYYY-MM-DD", in.Date)
		}
		date = d
	}
	d, err := p.analyse(ctx, formats.IDString(id), *in.Text, date)
	if err != nil {
		return id, nil, err
	}
	d.RawID = id
	return id, d, nil
}

// readLines reads the non-blank lines of the inputs ("-" is stdin) and
// passes them to emit, stopping when emit returns false. A line longer
// than maxLine bytes is passed with nil data (and skipped in the input
// without being held in memory).
func readLines(ctx context.Context, inputs []string, stdin io.Reader, maxLine int, emit func(job) bool) error {
	for _, in := range inputs {
		r, name := stdin, ""
		var f *os.File
		if in != "-" {
			var err error
			if f, err = os.Open(in); err != nil {
				return err
			}
			r, name = f, in
		}
		err := readFileLines(r, name, maxLine, emit)
		if f != nil {
			f.Close()
		}
		if err != nil {
			if name == "" {
				name = "standard input"
			}
			return fmt.Errorf("%s: %w", name, err)
		}
		if ctx.Err() != nil {
			return nil
		}
	}
	return nil
}

// readFileLines is readLines on one input.
func readFileLines(r io.Reader, name string, maxLine int, emit func(job) bool) error {
	br := bufio.NewReaderSize(r, 64<<10)
	line := 0
	for {
		var (
			data    []byte
			size    int64
			tooLong bool
			err     error
		)
		for {
			var chunk []byte
			chunk, err = br.ReadSlice('\n')
			size += int64(len(chunk))
			if !tooLong {
				if len(data)+len(chunk) > maxLine+2 {
					tooLong, data = true, nil
				} else {
					data = append(data, chunk...)
				}
			}
			if err != bufio.ErrBufferFull {
				break
			}
		}
		if size == 0 && err != nil {
			if errors.Is(err, io.EOF) {
				return nil
			}
			return err
		}
		line++
		data = bytes.TrimRight(data, "\r\n")
		if tooLong || len(bytes.TrimSpace(data)) > 0 {
			if tooLong {
				data = nil
			}
			if !emit(job{line: line, file: name, data: data, size: size}) {
				return nil
			}
		}
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return err
		}
	}
}

// jsonProblem describes a decoding error of a batch line in the terms of
// the line format, without the program's internals.
func jsonProblem(err error) string {
	var te *json.UnmarshalTypeError
	var se *json.SyntaxError
	switch {
	case errors.As(err, &te) && te.Field != "":
		return fmt.Sprintf("field %q must be %s, not %s", te.Field, jsonKind(te.Type.Kind().String()), te.Value)
	case errors.As(err, &te):
		return fmt.Sprintf(`want an object {"id", "text", "date"?}, not %s`, te.Value)
	case errors.As(err, &se):
		return fmt.Sprintf("%s (at byte %d)", se.Error(), se.Offset)
	}
	return err.Error()
}

func jsonKind(k string) string {
	if k == "ptr" || k == "string" {
		return "a string"
	}
	return k
}
