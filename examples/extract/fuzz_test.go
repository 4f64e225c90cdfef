package main

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"strings"
	"sync"
	"testing"

	formats "github.com/statecraft/statecraft/format"
)

// fuzzMaxBytes is the -max-bytes of FuzzBatchLine, small so that the
// size-limit error is exercised too.
const fuzzMaxBytes = 2000

// batchProcessor is the configuration and processor of batch mode with
// -max-bytes fuzzMaxBytes, built once per process.
var batchProcessor = sync.OnceValues(func() (*processor, error) {
	c, err := parseFlags([]string{"-input", "jsonl", "-max-bytes", "2000"}, io.Discard)
	if err != nil {
		return nil, err
	}
	return newProcessor(c)
})

// runBatchOn runs batch mode on input with jobs workers and returns the
// exit status and standard output.
func runBatchOn(t *testing.T, p *processor, input []byte, jobs int) (int, string) {
	t.Helper()
	c, err := parseFlags([]string{"-input", "jsonl", "-max-bytes", "2000"}, io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	c.jobs = jobs
	var out bytes.Buffer
	code := runBatch(context.Background(), c, p, bytes.NewReader(input), &out, io.Discard)
	return code, out.String()
}

// compactJSON returns v compacted, as the encoder writes a raw value.
func compactJSON(v []byte) string {
	var b bytes.Buffer
	if err := json.Compact(&b, v); err != nil {
		return "invalid: " + string(v)
	}
	return b.String()
}

// FuzzBatchLine feeds arbitrary bytes to batch mode (-input jsonl) as its
// standard input: no panic; one output line per non-blank input line, in
// order; each either a document that meets the JSON output contract for
// the line's text (spans in bounds and slicing the text, relation
// arguments pointing at existing entities with their text) with the
// line's id, or an error object with the line number and, when the line
// gave one, its id; status 1 exactly when a line failed; and the same
// bytes with one and with three workers. Seeds are in
// testdata/fuzz/FuzzBatchLine.
//
//	go test -run '^$' -fuzz '^FuzzBatchLine$' -fuzztime 10m -parallel 1 ./examples/extract/
func FuzzBatchLine(f *testing.F) {
	f.Add([]byte(`{"id":"a","text":"Russia recognized Abkhazia in 2008.","date":"2014-09-03"}` + "\n" + `{"id":2,"text":"NATO` + "\n"))
	p, err := batchProcessor()
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, input []byte) {
		code, out := runBatchOn(t, p, input, 1)
		code3, out3 := runBatchOn(t, p, input, 3)
		if code != code3 || out != out3 {
			t.Fatalf("-j 1 and -j 3 differ: status %d and %d\n%s\n%s", code, code3, out, out3)
		}
		type inLine struct {
			n    int
			data []byte
		}
		var ins []inLine
		for i, l := range bytes.Split(input, []byte("\n")) {
			l = bytes.TrimRight(l, "\r\n")
			if len(bytes.TrimSpace(l)) > 0 {
				ins = append(ins, inLine{i + 1, l})
			}
		}
		var outs []string
		if out != "" {
			if !strings.HasSuffix(out, "\n") {
				t.Fatalf("output does not end with a newline: %q", out)
			}
			outs = strings.Split(strings.TrimSuffix(out, "\n"), "\n")
		}
		if len(outs) != len(ins) {
			t.Fatalf("%d output lines for %d input lines:\n%s", len(outs), len(ins), out)
		}
		failed := false
		for i, o := range outs {
			in := ins[i]
			var got formats.Output
			if err := json.Unmarshal([]byte(o), &got); err != nil {
				t.Fatalf("output %d is not JSON: %v\n%s", i+1, err, o)
			}
			var line batchLine
			decoded := json.Unmarshal(in.data, &line) == nil
			if got.Error != "" {
				failed = true
				if got.Line != in.n {
					t.Fatalf("error object %d names line %d, want %d: %s", i+1, got.Line, in.n, o)
				}
				if len(got.ID) == 0 {
					t.Fatalf("error object %d without id: %s", i+1, o)
				}
				if decoded && len(line.ID) > 0 && string(got.ID) != compactJSON(line.ID) {
					t.Fatalf("error object %d has id %s, the line %s", i+1, got.ID, line.ID)
				}
				continue
			}
			if !decoded || line.Text == nil {
				t.Fatalf("line %d (%q) is not a document, but output %d is: %s", in.n, in.data, i+1, o)
			}
			if len(*line.Text) > fuzzMaxBytes {
				t.Fatalf("line %d: a text of %d bytes passed -max-bytes %d", in.n, len(*line.Text), fuzzMaxBytes)
			}
			wantID := string(formats.LineID(in.n))
			if len(line.ID) > 0 {
				wantID = compactJSON(line.ID)
			}
			if string(got.ID) != wantID {
				t.Fatalf("output %d has id %s, want %s", i+1, got.ID, wantID)
			}
			if err := formats.ValidateJSON(*line.Text, []byte(o)); err != nil {
				t.Fatalf("output %d breaks the contract: %v\n%s", i+1, err, o)
			}
		}
		if failed != (code == 1) || code > 1 {
			t.Fatalf("status %d, a line failed: %v", code, failed)
		}
	})
}
