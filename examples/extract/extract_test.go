package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/statecraft/statecraft/entities"
	formats "github.com/statecraft/statecraft/format"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/golden")

const (
	seedPath  = "../../testdata/rt-caucasus-security-outline.txt"
	goldenDir = "../../testdata/golden"
)

// runCLI runs the program with args and stdin and returns its status,
// standard output and standard error.
func runCLI(t *testing.T, stdin string, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	code := run(args, strings.NewReader(stdin), &out, &errb)
	return code, out.String(), errb.String()
}

// seedText returns the seed article.
func seedText(t *testing.T) string {
	t.Helper()
	b, err := os.ReadFile(seedPath)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// goldenName is the golden file of each format on the seed article. The
// brat pair is seed.ann and seed.txt, as brat wants it.
var goldenName = map[string]string{
	"summary": "seed.summary",
	"json":    "seed.json",
	"jsonl":   "seed.jsonl",
	"brat":    "seed.ann",
	"conll":   "seed.conll",
	"conllu":  "seed.conllu",
	"html":    "seed.html",
	"dot":     "seed.dot",
}

// checkGolden compares got with the golden file name, or rewrites it with
// -update.
func checkGolden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join(goldenDir, name)
	if *update {
		if err := os.MkdirAll(goldenDir, 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (go test ./examples/extract -update creates it)", err)
	}
	if diff := cmp.Diff(string(want), string(got)); diff != "" {
		t.Errorf("%s differs (-want +got; if the change is right, go test ./examples/extract -update rewrites it):\n%s", path, diff)
	}
}

func TestGolden(t *testing.T) {
	for _, f := range formatList {
		t.Run(f.name, func(t *testing.T) {
			code, out, errs := runCLI(t, "", "-format", f.name, seedPath)
			if code != 0 {
				t.Fatalf("status %d, stderr:\n%s", code, errs)
			}
			if f.name == "conllu" {
				out = conlluLabels(t, out, seedText(t))
			}
			checkGolden(t, goldenName[f.name], []byte(out))
		})
	}
	checkGolden(t, "seed.txt", []byte(seedText(t))) // the text of seed.ann
}

// conlluLabels returns CoNLL-U output without the words of the text: the
// "# text" lines are dropped and each token's FORM becomes "_", so that
// the golden file holds the labels (tags, heads, relations, mention types
// and offsets) and not a copy of the article in corpus form. It checks
// first that every FORM is the text at the token's Start and End, which
// the golden file's offsets then pin down.
func conlluLabels(t *testing.T, out, text string) string {
	t.Helper()
	var b strings.Builder
	for _, line := range strings.SplitAfter(out, "\n") {
		if strings.HasPrefix(line, "# text = ") {
			continue
		}
		cols := strings.Split(line, "\t")
		if len(cols) == 10 {
			start, end, ok := conlluOffsets(strings.TrimSuffix(cols[9], "\n"))
			if !ok || start < 0 || start > end || end > len(text) || text[start:end] != cols[1] {
				t.Errorf("token %q: its MISC %q does not give its place in the text", cols[1], strings.TrimSpace(cols[9]))
			}
			cols[1] = "_"
			line = strings.Join(cols, "\t")
		}
		b.WriteString(line)
	}
	return b.String()
}

// conlluOffsets reads Start=N|End=M from a CoNLL-U MISC field.
func conlluOffsets(misc string) (start, end int, ok bool) {
	var haveStart, haveEnd bool
	for _, kv := range strings.Split(misc, "|") {
		k, v, _ := strings.Cut(kv, "=")
		n, err := strconv.Atoi(v)
		switch {
		case k == "Start" && err == nil:
			start, haveStart = n, true
		case k == "End" && err == nil:
			end, haveEnd = n, true
		}
	}
	return start, end, haveStart && haveEnd
}

func TestJSONContract(t *testing.T) {
	text := seedText(t)
	for _, f := range []string{"json", "jsonl"} {
		t.Run(f, func(t *testing.T) {
			code, out, errs := runCLI(t, "", "-format", f, seedPath)
			if code != 0 {
				t.Fatalf("status %d, stderr:\n%s", code, errs)
			}
			if f == "jsonl" && strings.Count(out, "\n") != 1 {
				t.Errorf("jsonl output has %d lines, want 1", strings.Count(out, "\n"))
			}
			if err := formats.ValidateJSON(text, []byte(out)); err != nil {
				t.Error(err)
			}
			outs, err := formats.ReadJSON(strings.NewReader(out))
			if err != nil {
				t.Fatal(err)
			}
			if len(outs) != 1 || formats.IDString(outs[0].ID) != "rt-caucasus-security-outline" {
				t.Fatalf("want one object with the file's id, got %d", len(outs))
			}
			if n := len(outs[0].Entities); n < 50 {
				t.Errorf("%d entities on the seed, want 50 or more", n)
			}
			t.Logf("%d entities, %d relations", len(outs[0].Entities), len(outs[0].Relations))
		})
	}
}

// TestReadersRoundTrip checks that the brat and CoNLL output of the seed
// read back, through the readers examples/evaluate uses, to the mentions
// of the JSON output: evaluating either against the JSON scores F1 = 1.
func TestReadersRoundTrip(t *testing.T) {
	text := seedText(t)
	_, js, _ := runCLI(t, "", "-format", "json", seedPath)
	outs, err := formats.ReadJSON(strings.NewReader(js))
	if err != nil || len(outs) != 1 {
		t.Fatalf("reading JSON: %v", err)
	}
	type span struct {
		Type       entities.Type
		Start, End int
		ID         string
	}
	var want []span
	for _, m := range outs[0].Entities {
		want = append(want, span{m.Type, m.Start, m.End, m.ID})
	}

	_, ann, _ := runCLI(t, "", "-format", "brat", seedPath)
	bd, err := formats.ReadBrat(strings.NewReader(ann), text)
	if err != nil {
		t.Fatal(err)
	}
	var got []span
	for _, m := range bd.Entities {
		got = append(got, span{m.Type, m.Start, m.End, m.ID})
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("brat mentions (-json +brat):\n%s", diff)
	}
	if len(bd.Relations) != len(outs[0].Relations) {
		t.Errorf("brat: %d relations, JSON %d", len(bd.Relations), len(outs[0].Relations))
	}

	_, conll, _ := runCLI(t, "", "-format", "conll", seedPath)
	cd, err := formats.ReadCoNLL(strings.NewReader(conll))
	if err != nil || len(cd) != 1 {
		t.Fatalf("reading CoNLL: %d documents, %v", len(cd), err)
	}
	if err := formats.AlignCoNLL(&cd[0], text); err != nil {
		t.Fatal(err)
	}
	got = nil
	for _, m := range cd[0].Mentions() {
		got = append(got, span{m.Type, m.Start, m.End, ""})
	}
	for i := range want {
		want[i].ID = ""
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("CoNLL mentions (-json +conll):\n%s", diff)
	}
}

func TestStdinAndDate(t *testing.T) {
	in := "Russian President Vladimir Putin and Abkhazian leader Raul Khadzhinba met in Moscow in late August."
	code, out, errs := runCLI(t, in, "-format", "jsonl")
	if code != 0 {
		t.Fatalf("status %d: %s", code, errs)
	}
	if !strings.HasPrefix(out, `{"id":"stdin",`) || !strings.Contains(out, `"value":"XXXX-08"`) {
		t.Errorf("without -date: %s", out)
	}
	code, out, errs = runCLI(t, in, "-format", "jsonl", "-date", "2014-09-03", "-")
	if code != 0 {
		t.Fatalf("status %d: %s", code, errs)
	}
	if !strings.Contains(out, `"date":"2014-09-03"`) || !strings.Contains(out, `"value":"2014-08"`) {
		t.Errorf("with -date 2014-09-03, want date and late August as 2014-08: %s", out)
	}
}

func TestGazetteerFlag(t *testing.T) {
	dir := t.TempDir()
	good := filepath.Join(dir, "mine.jsonl")
	line := `{"id":"person/oleg-botsiyev","name":"Oleg Botsiyev","aliases":["Botsiyev"],"country":"state/south-ossetia"}` + "\n"
	if err := os.WriteFile(good, []byte(line), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, errs := runCLI(t, "", "-gazetteer", good, "-format", "summary", seedPath)
	if code != 0 {
		t.Fatalf("status %d: %s", code, errs)
	}
	if !strings.Contains(out, "Oleg Botsiyev ×1 (person/oleg-botsiyev)") {
		t.Errorf("the user's entry is not used:\n%s", out)
	}
	bad := filepath.Join(dir, "bad.jsonl")
	if err := os.WriteFile(bad, []byte("{\"id\":\"nope\"}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	code, _, errs = runCLI(t, "", "-gazetteer", bad, seedPath)
	if code != 1 || !strings.Contains(errs, "bad.jsonl:1") {
		t.Errorf("broken gazetteer: status %d, stderr %q; want 1 and file:line", code, errs)
	}
}

func TestFlags(t *testing.T) {
	for _, tc := range []struct {
		name string
		args []string
		code int
		want string
	}{
		{"unknown format", []string{"-format", "xml", seedPath}, 2, `unknown -format "xml"`},
		{"unknown input", []string{"-input", "csv"}, 2, `unknown -input "csv"`},
		{"bad jobs", []string{"-j", "0"}, 2, "-j must be at least 1"},
		{"bad date", []string{"-date", "03/09/2014"}, 2, "bad -date"},
		{"brat of two", []string{"-format", "brat", seedPath, seedPath}, 2, "needs -out DIR"},
		{"html batch", []string{"-format", "html", "-input", "jsonl"}, 2, "needs -out DIR"},
		{"help", []string{"-h"}, 0, "usage: extract"},
		{"missing file", []string{"no-such-file.txt"}, 1, "no-such-file.txt"},
		{"too large", []string{"-max-bytes", "100", seedPath}, 1, "exceeds the size limit"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			code, _, errs := runCLI(t, "", tc.args...)
			if code != tc.code || !strings.Contains(errs, tc.want) {
				t.Errorf("status %d, stderr %q; want %d and %q", code, errs, tc.code, tc.want)
			}
		})
	}
}

func TestOutDir(t *testing.T) {
	dir := t.TempDir()
	other := filepath.Join(t.TempDir(), "rt-caucasus-security-outline.txt")
	if err := os.WriteFile(other, []byte("NATO met in Brussels."), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, errs := runCLI(t, "", "-format", "brat", "-out", dir, seedPath, other)
	if code != 0 || out != "" {
		t.Fatalf("status %d, stdout %q, stderr %s", code, out, errs)
	}
	for _, f := range []string{"rt-caucasus-security-outline.ann", "rt-caucasus-security-outline.txt", "rt-caucasus-security-outline-2.ann", "rt-caucasus-security-outline-2.txt", "annotation.conf", "visual.conf"} {
		if _, err := os.Stat(filepath.Join(dir, f)); err != nil {
			t.Error(err)
		}
	}
	ann, _ := os.ReadFile(filepath.Join(dir, "rt-caucasus-security-outline.ann"))
	txt, _ := os.ReadFile(filepath.Join(dir, "rt-caucasus-security-outline.txt"))
	if _, err := formats.ReadBrat(bytes.NewReader(ann), string(txt)); err != nil {
		t.Error(err)
	}
	conf, _ := os.ReadFile(filepath.Join(dir, "annotation.conf"))
	for _, want := range []string{"[entities]\nPERSON\nSTATE\nORG\nLOCATION\nDATE\n", "member_of\tArg1:<ENTITY>, Arg2:<ENTITY>\n", "treaty_between\tArg1:<ENTITY>, Arg2:<ENTITY>, <REL-TYPE>:symmetric\n", "Adjectival\tArg:<ENTITY>"} {
		if !strings.Contains(string(conf), want) {
			t.Errorf("annotation.conf lacks %q:\n%s", want, conf)
		}
	}
}

func TestHTMLSeveralFiles(t *testing.T) {
	other := filepath.Join(t.TempDir(), "short.txt")
	if err := os.WriteFile(other, []byte("NATO met in Brussels."), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, errs := runCLI(t, "", "-format", "html", seedPath, other)
	if code != 0 {
		t.Fatalf("status %d: %s", code, errs)
	}
	if strings.Count(out, "<html") != 1 || strings.Count(out, `<article class="doc"`) != 2 {
		t.Errorf("want one page with two articles")
	}
}

func TestProgressLine(t *testing.T) {
	t0 := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)
	now := t0
	var buf bytes.Buffer
	p := newProgress(&buf, 1000, func() time.Time { return now })
	for range 1234 {
		p.add(0, false)
	}
	p.add(250, true)
	now = t0.Add(10 * time.Second)
	if got, want := p.line(now), " 25% [#######-----------------------] 1,235 docs  124 docs/s  ETA 0:30  1 failed"; got != want {
		t.Errorf("line\n got %q\nwant %q", got, want)
	}
	p.total = 0
	if got, want := p.line(now), "1,235 docs  124 docs/s  0.0 MB/s  1 failed"; got != want {
		t.Errorf("line without total\n got %q\nwant %q", got, want)
	}
	if isTerminal(&buf) {
		t.Error("a buffer is not a terminal")
	}
	if got := clock(3725 * time.Second); got != "1:02:05" {
		t.Errorf("clock = %s", got)
	}
}

func TestSafeName(t *testing.T) {
	for in, want := range map[string]string{"doc-1": "doc-1", "a/b c": "a_b_c", "": "doc", "..": "doc", "Москва": "______", strings.Repeat("x", 300): strings.Repeat("x", 100)} {
		if got := safeName(in); got != want {
			t.Errorf("safeName(%q) = %q, want %q", in, got, want)
		}
	}
}

// jsonString returns s as a JSON string.
func jsonString(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}

// TestDOTRenders feeds the DOT output of the seed to Graphviz, when it is
// installed (Debian package graphviz).
func TestDOTRenders(t *testing.T) {
	dot, err := exec.LookPath("dot")
	if err != nil {
		t.Skip("no Graphviz dot (apt-get install -y graphviz) to render the DOT output")
	}
	_, out, _ := runCLI(t, "", "-format", "dot", seedPath)
	cmd := exec.Command(dot, "-Tsvg")
	cmd.Stdin = strings.NewReader(out)
	svg, err := cmd.Output()
	if err != nil {
		t.Fatalf("dot: %v", err)
	}
	if !bytes.Contains(svg, []byte("Collective Security Treaty Organization")) {
		t.Error("the rendered graph lacks the CSTO node")
	}
}

// TestNotText: 20 KB of a binary is refused with an error and exit status
// 1, not read as 136 mentions; a batch line that is not text gets an error
// line and the batch goes on.
func TestNotText(t *testing.T) {
	bin := "\x7fELF\x02\x01\x01\x00" + strings.Repeat("H\x89\xe5\x00\x00\x00\x00\xff\xfe\x01", 2000)
	path := filepath.Join(t.TempDir(), "a.out")
	if err := os.WriteFile(path, []byte(bin), 0o644); err != nil {
		t.Fatal(err)
	}
	code, stdout, stderr := runCLI(t, "", path)
	if code != 1 || !strings.Contains(stderr, "not text") || strings.Contains(stdout, "mentions of") {
		t.Errorf("binary file: exit %d, stdout %q, stderr %q; want 1 and a not-text error", code, stdout, stderr)
	}
	lines := `{"id": "bin", "text": "` + strings.Repeat(`\u0000\u0001\u0002`, 40) + `"}` + "\n" + `{"id": "ok", "text": "Russia recognized Abkhazia."}` + "\n"
	code, stdout, _ = runCLI(t, lines, "-input", "jsonl", "-")
	if code != 1 || !strings.Contains(stdout, `"id":"bin"`) || !strings.Contains(stdout, "not text") || !strings.Contains(stdout, `"recognized-by"`) {
		t.Errorf("batch: exit %d, output %s", code, stdout)
	}
}

// TestTerminalHint: run without a file on a terminal, extract says it is
// reading the terminal and how to end the input, instead of waiting
// silently; on a pipe it says nothing.
func TestTerminalHint(t *testing.T) {
	_, _, stderr := runCLI(t, "Russia recognized Abkhazia.")
	if strings.Contains(stderr, "terminal") {
		t.Errorf("a pipe on standard input got the terminal hint: %q", stderr)
	}
	saved := isTerminal
	isTerminal = func(f any) bool { return f == os.Stdin }
	defer func() { isTerminal = saved }()
	var out, errb bytes.Buffer
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	w.WriteString("Russia recognized Abkhazia.")
	w.Close()
	savedStdin := os.Stdin
	os.Stdin = r
	defer func() { os.Stdin = savedStdin }()
	if code := run(nil, os.Stdin, &out, &errb); code != 0 {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	if !strings.Contains(errb.String(), "reading from the terminal; end the input with Ctrl-D") {
		t.Errorf("no hint on a terminal: %q", errb.String())
	}
}
