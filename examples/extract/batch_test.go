package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	formats "github.com/statecraft/statecraft/format"
	"github.com/statecraft/statecraft/internal/corpus"
)

// batchPieces returns the sentences of the seed article and the lines of
// longNews, the material of generated batches.
func batchPieces(t *testing.T) []string {
	t.Helper()
	var pieces []string
	for _, para := range strings.Split(seedText(t), "\n") {
		for _, s := range strings.SplitAfter(para, ". ") {
			if s = strings.TrimSpace(s); len(s) > 20 {
				pieces = append(pieces, s)
			}
		}
	}
	for _, line := range strings.Split(longNews(t), "\n") {
		if s := strings.TrimSpace(line); len(s) > 20 {
			pieces = append(pieces, s)
		}
	}
	return pieces
}

// longNews returns one news text of about 74 KB, corpus.LongText(74_000):
// CoNLL-2003 validation documents when ../shared/dev is there, else the
// project's written corpus. It logs which.
func longNews(t *testing.T) string {
	t.Helper()
	text, name, err := corpus.LongText(74_000)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("news text: %d bytes from %s", len(text), name)
	return text
}

// batchInput returns n JSONL lines made deterministically from pieces:
// each text joins one to three pieces; ids are strings, every seventh a
// number; every fifth line has a date and every third an extra field.
func batchInput(pieces []string, n int) []string {
	x := uint32(2463534242) // xorshift32
	next := func() int {
		x ^= x << 13
		x ^= x >> 17
		x ^= x << 5
		return int(x >> 1)
	}
	lines := make([]string, n)
	for i := range lines {
		k := 1 + next()%3
		var parts []string
		for range k {
			parts = append(parts, pieces[next()%len(pieces)])
		}
		id := jsonString(fmt.Sprintf("doc-%04d", i))
		if i%7 == 0 {
			id = fmt.Sprint(100000 + i)
		}
		line := fmt.Sprintf(`{"id":%s,"text":%s`, id, jsonString(strings.Join(parts, " ")))
		if i%5 == 0 {
			line += fmt.Sprintf(`,"date":"2014-%02d-%02d"`, 1+i%12, 1+i%28)
		}
		if i%3 == 0 {
			line += `,"source":"test","tags":["a","b"]`
		}
		lines[i] = line + "}"
	}
	return lines
}

// TestBatchParallel runs 1,000 generated documents and one malformed line
// through -input jsonl with one and with two workers: the outputs are
// identical, in input order, every id preserved, and the malformed line
// yields one error object while the rest succeed.
func TestBatchParallel(t *testing.T) {
	n := 1000
	if testing.Short() {
		n = 200
	}
	lines := batchInput(batchPieces(t), n)
	bad := n / 2
	withBad := append(append(append([]string(nil), lines[:bad]...), `{"id":"broken","text":"unterminated}`), lines[bad:]...)
	input := strings.Join(withBad, "\n") + "\n"

	code1, out1, errs1 := runCLI(t, input, "-input", "jsonl", "-j", "1")
	code2, out2, errs2 := runCLI(t, input, "-input", "jsonl", "-j", "2")
	if code1 != 1 || code2 != 1 {
		t.Errorf("status %d and %d, want 1 (one line failed)", code1, code2)
	}
	if out1 != out2 {
		t.Fatalf("-j 1 and -j 2 differ")
	}
	if where := fmt.Sprintf("line %d ", bad+1); strings.Count(errs1, "\n") != 1 || !strings.Contains(errs1, where) || errs1 != errs2 {
		t.Errorf("stderr: want one line about %s, got %q and %q", where, errs1, errs2)
	}
	got := strings.Split(strings.TrimSuffix(out1, "\n"), "\n")
	if len(got) != n+1 {
		t.Fatalf("%d output lines, want %d", len(got), n+1)
	}
	failed := 0
	for i, line := range got {
		var o formats.Output
		if err := json.Unmarshal([]byte(line), &o); err != nil {
			t.Fatalf("output line %d: %v", i+1, err)
		}
		var in struct {
			ID   json.RawMessage `json:"id"`
			Text string          `json:"text"`
		}
		if i == bad {
			in.ID = json.RawMessage(`"broken"`) // recovered from the broken line
		} else if err := json.Unmarshal([]byte(withBad[i]), &in); err != nil {
			t.Fatal(err)
		}
		if string(o.ID) != string(in.ID) {
			t.Fatalf("output line %d has id %s, input %s", i+1, o.ID, in.ID)
		}
		if o.Error != "" {
			failed++
			if i != bad || o.Line != bad+1 || !strings.Contains(o.Error, "invalid JSON") {
				t.Errorf("error object %s at line %d", line, i+1)
			}
			continue
		}
		if err := formats.ValidateJSON(in.Text, []byte(line)); err != nil {
			t.Fatalf("output line %d: %v", i+1, err)
		}
	}
	if failed != 1 {
		t.Errorf("%d error objects, want 1", failed)
	}
}

func TestBatchErrors(t *testing.T) {
	input := strings.Join([]string{
		`{"id":"a","text":"Putin met Khadzhinba."}`,
		``,
		`{"id":"no-text","title":"x"}`,
		`{"id":{"k":1},"text":"Armenia is a member of the CSTO.","date":"2014-9-3"}`,
		`{"id":"trunc","text":"Russia`,
		`not json at all`,
		`{"text":"NATO and the EU."}`,
		`   `,
		`{"id":"long","text":"` + strings.Repeat("Russia and Georgia. ", 20) + `"}`,
		`{"id":7,"text":"Georgia.","date":"2008-08-08"}`,
	}, "\n") // no final newline
	code, out, errs := runCLI(t, input, "-input", "jsonl", "-j", "3", "-max-bytes", "200")
	if code != 1 {
		t.Errorf("status %d, want 1", code)
	}
	want := []struct{ id, err string }{
		{`"a"`, ""},
		{`"no-text"`, `no "text"`},
		{`{"k":1}`, `bad date "2014-9-3"`},
		{`"trunc"`, "invalid JSON"},
		{`6`, "invalid JSON"},
		{`7`, ""}, // no id: the line number
		{`"long"`, "exceeds the size limit"},
		{`7`, ""},
	}
	got := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	if len(got) != len(want) {
		t.Fatalf("%d output lines, want %d:\n%s", len(got), len(want), out)
	}
	for i, w := range want {
		var o formats.Output
		if err := json.Unmarshal([]byte(got[i]), &o); err != nil {
			t.Fatalf("line %d: %v", i+1, err)
		}
		if string(o.ID) != w.id || !strings.Contains(o.Error, w.err) || (w.err == "") != (o.Error == "") {
			t.Errorf("output %d: %s; want id %s and error %q", i+1, got[i], w.id, w.err)
		}
	}
	if n := strings.Count(errs, "\n"); n != 5 {
		t.Errorf("%d lines on stderr, want 5:\n%s", n, errs)
	}
	if !strings.Contains(got[len(got)-1], `"date":"2008-08-08"`) {
		t.Errorf("the line's date is not used: %s", got[len(got)-1])
	}

	// Other formats: errors on stderr only.
	code, out, errs = runCLI(t, input, "-input", "jsonl", "-format", "conll", "-max-bytes", "200")
	if code != 1 || strings.Count(out, "-DOCSTART-") != 3 || strings.Count(errs, "\n") != 5 {
		t.Errorf("conll batch: status %d, %d documents, stderr:\n%s", code, strings.Count(out, "-DOCSTART-"), errs)
	}
}

func TestBatchFiles(t *testing.T) {
	dir := t.TempDir()
	a, b := filepath.Join(dir, "a.jsonl"), filepath.Join(dir, "b.jsonl")
	os.WriteFile(a, []byte(`{"id":"a1","text":"Russia."}`+"\n"+`{"id":"a2","text":"Georgia."}`+"\n"), 0o644)
	os.WriteFile(b, []byte(`{"id":"b1","text":"NATO."}`+"\n"+`oops`+"\n"), 0o644)
	code, out, errs := runCLI(t, "", "-input", "jsonl", a, b)
	if code != 1 {
		t.Errorf("status %d, want 1", code)
	}
	if !strings.Contains(out, `{"id":2,"line":2,"file":"`+b+`","error":"invalid JSON`) || strings.Count(out, "\n") != 4 {
		t.Errorf("output:\n%s\nstderr:\n%s", out, errs)
	}
	out2 := filepath.Join(dir, "html")
	code, _, errs = runCLI(t, "", "-input", "jsonl", "-format", "html", "-out", out2, a)
	if code != 0 {
		t.Fatalf("status %d: %s", code, errs)
	}
	for _, f := range []string{"a1.html", "a2.html"} {
		if _, err := os.Stat(filepath.Join(out2, f)); err != nil {
			t.Error(err)
		}
	}
}

// TestBatchErrorsInUserTerms: a bad line's error names the line format's
// fields, never the program's Go types.
func TestBatchErrorsInUserTerms(t *testing.T) {
	_, out, _ := runCLI(t, `{"id": 1, "text": 5}`+"\n"+`[1, 2]`+"\n", "-input", "jsonl", "-")
	if strings.Contains(out, "Go ") || strings.Contains(out, "batchLine") || !strings.Contains(out, `field \"text\" must be a string, not number`) {
		t.Errorf("error lines: %s", out)
	}
}

// TestUsageDescribesLinesAndExitCodes: -h documents the JSON Lines format
// and the exit status.
func TestUsageDescribesLinesAndExitCodes(t *testing.T) {
	_, _, stderr := runCLI(t, "", "-h")
	for _, want := range []string{`{"id": "doc-1", "text": "...", "date": "2014-09-03"}`, `"error"`, "Exit status", "docs/contract.md"} {
		if !strings.Contains(stderr, want) {
			t.Errorf("-h lacks %q:\n%s", want, stderr)
		}
	}
}
