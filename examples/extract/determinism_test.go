package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// determinismInput is the environment variable through which
// TestDeterminismHelper, run as a subprocess, gets its input file.
const determinismInput = "STATECRAFT_DETERMINISM_INPUT"

// determinismCorpus returns a batch input: generated documents from the
// seed article and longNews (see batchInput) and the seed article whole.
func determinismCorpus(t *testing.T) string {
	t.Helper()
	n := 300
	if raceEnabled || testing.Short() {
		n = 60
	}
	lines := batchInput(batchPieces(t), n)
	lines = append(lines, `{"id":"seed","text":`+jsonString(seedText(t))+`}`)
	return strings.Join(lines, "\n") + "\n"
}

// TestDeterministicOutput checks that the output is byte-identical
// whatever the scheduling: batch mode (-input jsonl, JSON Lines output)
// with -j 1, 2 and 4 under GOMAXPROCS 1 and 2, the same in a fresh process
// (new map seeds, empty pools) with GOMAXPROCS=1, and text mode with
// -format json under GOMAXPROCS 1 and 2. No map iteration order or
// goroutine interleaving may leak into the results; mentions and
// relations are sorted stably.
func TestDeterministicOutput(t *testing.T) {
	input := determinismCorpus(t)
	var want string
	check := func(what string, code int, out, errs string) {
		t.Helper()
		if code != 0 {
			t.Fatalf("%s: status %d: %s", what, code, errs)
		}
		if want == "" {
			want = out
			return
		}
		if out != want {
			t.Fatalf("%s: the output differs from the first run:\n%s", what, firstDifference(want, out))
		}
	}
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(0))
	for _, procs := range []int{1, 2} {
		runtime.GOMAXPROCS(procs)
		for _, j := range []string{"1", "2", "4"} {
			code, out, errs := runCLI(t, input, "-input", "jsonl", "-j", j)
			check("GOMAXPROCS="+string(rune('0'+procs))+" -j "+j, code, out, errs)
		}
	}
	if n := strings.Count(want, "\n"); n != strings.Count(input, "\n") {
		t.Fatalf("%d output lines for %d input lines", n, strings.Count(input, "\n"))
	}
	if !strings.Contains(want, `"relations":[{`) {
		t.Fatal("no relations in the output: the corpus does not exercise them")
	}

	// A fresh process.
	path := filepath.Join(t.TempDir(), "in.jsonl")
	if err := os.WriteFile(path, []byte(input), 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(os.Args[0], "-test.run=^TestDeterminismHelper$")
	cmd.Env = append(os.Environ(), determinismInput+"="+path, "GOMAXPROCS=1")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("subprocess: %v\n%s", err, stderr.String())
	}
	check("a fresh process with GOMAXPROCS=1 -j 2", 0, string(out), "")

	// Text mode, JSON, several files.
	newsPath := filepath.Join(t.TempDir(), "news.txt")
	if err := os.WriteFile(newsPath, []byte(longNews(t)), 0o644); err != nil {
		t.Fatal(err)
	}
	want = ""
	for _, procs := range []int{1, 2} {
		runtime.GOMAXPROCS(procs)
		code, out, errs := runCLI(t, "", "-format", "json", seedPath, newsPath)
		check("-format json, GOMAXPROCS="+string(rune('0'+procs)), code, out, errs)
	}
}

// TestDeterminismHelper is TestDeterministicOutput's subprocess: it runs
// batch mode with -j 2 on the file named by $STATECRAFT_DETERMINISM_INPUT
// and writes the output to standard output. Without the variable it does
// nothing.
func TestDeterminismHelper(t *testing.T) {
	path := os.Getenv(determinismInput)
	if path == "" {
		t.Skip("run by TestDeterministicOutput")
	}
	var out, errs bytes.Buffer
	if code := run([]string{"-input", "jsonl", "-j", "2", path}, strings.NewReader(""), &out, &errs); code != 0 {
		os.Stderr.WriteString(errs.String())
		os.Exit(code)
	}
	os.Stdout.Write(out.Bytes())
	os.Exit(0) // no test summary on standard output
}

// firstDifference shows where two outputs first differ.
func firstDifference(a, b string) string {
	i := 0
	for i < len(a) && i < len(b) && a[i] == b[i] {
		i++
	}
	from := max(0, i-200)
	return "first run:  ..." + a[from:min(len(a), i+200)] + "\nthis run:   ..." + b[from:min(len(b), i+200)]
}
