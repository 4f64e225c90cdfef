package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/statecraft/statecraft/entities"
)

var (
	redocredPath = flag.String("redocred", "../../../shared/dev/redocred-dev.json",
		"Re-DocRED dev file for TestReDocREDMatchesExtract (the test is skipped when it is absent)")
	redocredKeep = flag.String("redocred.keep", "",
		"`directory` where TestReDocREDMatchesExtract leaves the JSONL it built and both programs' outputs")
)

// TestReDocREDMatchesExtract rebuilds the Re-DocRED dev documents as JSON
// Lines (id = title, text = the sentences' tokens joined with spaces), runs
// the pipeline over them on the prism runner and examples/extract -input
// jsonl over the same file, and checks that every document's result is the
// same JSON value in both (key order aside). compare.sh runs it.
func TestReDocREDMatchesExtract(t *testing.T) {
	if testing.Short() {
		t.Skip("-short: skipping the Re-DocRED run")
	}
	if _, err := os.Stat(*redocredPath); err != nil {
		t.Skipf("no Re-DocRED dev file: %v", err)
	}
	dir := *redocredKeep
	if dir == "" {
		dir = t.TempDir()
	} else if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	t.Setenv("TMPDIR", t.TempDir()) // the runner's loopback marker file
	input := filepath.Join(dir, "redocred-dev.jsonl")
	n, err := writeReDocREDJSONL(*redocredPath, input)
	if err != nil {
		t.Fatal(err)
	}

	// examples/extract, built from the same tree.
	extract := filepath.Join(t.TempDir(), "extract")
	build := exec.Command("go", "build", "-o", extract, "./examples/extract")
	build.Dir = filepath.Join("..", "..")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("building examples/extract: %v\n%s", err, out)
	}
	start := time.Now()
	cmd := exec.Command(extract, "-input", "jsonl", input)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("extract -input jsonl: %v\n%s", err, stderr.String())
	}
	extractTime := time.Since(start)
	if err := os.WriteFile(filepath.Join(dir, "extract.jsonl"), stdout.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	want := byID(t, "extract", strings.Split(strings.TrimSpace(stdout.String()), "\n"))

	start = time.Now()
	prefix := filepath.Join(dir, "beam")
	c := config{Inputs: []string{input}, Output: prefix, Shards: 2, Evidence: 3, MaxBytes: entities.DefaultMaxBytes}
	counters, err := run(context.Background(), "prism", c)
	if err != nil {
		t.Fatalf("pipeline: %v", err)
	}
	beamTime := time.Since(start)
	got := byID(t, "pipeline", readShards(t, prefix+"-results", ".jsonl", 2, ""))

	if len(want) != n || len(got) != n {
		t.Errorf("%d documents: extract wrote %d results, the pipeline %d", n, len(want), len(got))
	}
	same, shown := 0, 0
	for id, w := range want {
		g, ok := got[id]
		if !ok {
			t.Errorf("%q: no result from the pipeline", id)
			continue
		}
		if diff := cmp.Diff(w, g); diff != "" {
			if shown++; shown <= 3 {
				t.Errorf("%q: results differ (-extract +pipeline):\n%s", id, diff)
			}
			continue
		}
		same++
	}
	if shown > 3 {
		t.Errorf("... %d documents differ in all", shown)
	}
	for _, name := range []string{cDocuments, cProcessed} {
		if counters[name] != int64(n) {
			t.Errorf("counter %s = %d, want %d", name, counters[name], n)
		}
	}
	if counters[cErrors] != 0 {
		t.Errorf("%d documents failed", counters[cErrors])
	}
	edges := readShards(t, prefix+"-edges", ".jsonl", 2, "")
	t.Logf("Re-DocRED dev: %d documents, %d identical to extract's; %d relations, %d edges from %d (document, edge) pairs; extract %v, pipeline on prism %v",
		n, same, counters[cRelations], len(edges), counters[cEdgeDocuments], extractTime.Round(time.Millisecond), beamTime.Round(time.Millisecond))
}

// writeReDocREDJSONL writes the documents of a Re-DocRED file as JSON
// Lines, {"id": title, "text": tokens joined with spaces}, and returns
// their number.
func writeReDocREDJSONL(src, dst string) (int, error) {
	data, err := os.ReadFile(src)
	if err != nil {
		return 0, err
	}
	var docs []struct {
		Title string     `json:"title"`
		Sents [][]string `json:"sents"`
	}
	if err := json.Unmarshal(data, &docs); err != nil {
		return 0, err
	}
	f, err := os.Create(dst)
	if err != nil {
		return 0, err
	}
	w := bufio.NewWriter(f)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	for _, d := range docs {
		var toks []string
		for _, s := range d.Sents {
			toks = append(toks, s...)
		}
		if err := enc.Encode(map[string]string{"id": d.Title, "text": strings.Join(toks, " ")}); err != nil {
			f.Close()
			return 0, err
		}
	}
	if err := w.Flush(); err != nil {
		f.Close()
		return 0, err
	}
	return len(docs), f.Close()
}

// byID decodes JSON lines into generic values by their "id", failing on
// a repeated id.
func byID(t *testing.T, what string, lines []string) map[string]any {
	t.Helper()
	m := map[string]any{}
	for _, l := range lines {
		var o map[string]any
		if err := json.Unmarshal([]byte(l), &o); err != nil {
			t.Fatalf("%s: %v in %.100q", what, err, l)
		}
		id := keyOf(o["id"])
		if _, dup := m[id]; dup {
			t.Fatalf("%s: id %q twice", what, id)
		}
		m[id] = o
	}
	return m
}
