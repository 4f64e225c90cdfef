package main

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"

	prose "github.com/jdkato/prose/v2"

	"github.com/statecraft/statecraft/entities"
	"github.com/statecraft/statecraft/internal/corpus"
)

// Hidden flags of the child processes that the parent times.
const (
	childFirstResult = "-child-first-result"
	childProse       = "-child-prose"
)

// child runs a child process's work when args ask for one, and reports
// whether they did.
func child(args []string, stdout, stderr io.Writer) (code int, ok bool) {
	if len(args) == 0 {
		return 0, false
	}
	switch args[0] {
	case childFirstResult:
		if len(args) > 1 {
			m, ok := parseModes[args[1]]
			if !ok {
				fmt.Fprintln(stderr, "bench: -child-first-result [none|arguments|all]")
				return 2, true
			}
			parseMode = m
		}
		_, took, heap, err := startup(true)
		if err != nil {
			fmt.Fprintln(stderr, "bench:", err)
			return 1, true
		}
		// The parent stops its clock when it reads this line.
		fmt.Fprintf(stdout, "first-result %d %d\n", took.Nanoseconds(), heap)
		return 0, true
	case childProse:
		if len(args) != 2 {
			fmt.Fprintln(stderr, "bench: -child-prose FILE.jsonl")
			return 2, true
		}
		n, err := proseProcess(args[1])
		if err != nil {
			fmt.Fprintln(stderr, "bench:", err)
			return 1, true
		}
		fmt.Fprintln(stdout, n, "tokens")
		return 0, true
	}
	return 0, false
}

// parseName returns the -parse name of m.
func parseName(m entities.ParseMode) string {
	for name, v := range parseModes {
		if v == m {
			return name
		}
	}
	return "none"
}

// proseProcess is the baseline of the whole-process comparison: prose
// with its model decoded once and NewDocument per document of a JSONL
// file, as a program would use it.
func proseProcess(path string) (int, error) {
	docs, err := corpus.ReadJSONL(path)
	if err != nil {
		return 0, err
	}
	d, err := prose.NewDocument("Warm up.")
	if err != nil {
		return 0, err
	}
	model, tokens := d.Model, 0
	for _, doc := range docs {
		pd, err := prose.NewDocument(doc.Text, prose.UsingModel(model))
		if err != nil {
			return 0, fmt.Errorf("document %s: %w", doc.ID, err)
		}
		tokens += len(pd.Tokens())
	}
	return tokens, nil
}

// processStartup starts n processes of this program that each build the
// pipeline and analyse a sentence, and returns the time from starting each
// to its first result, sorted, and the largest live heap after
// construction that they saw.
func processStartup(n int) ([]time.Duration, uint64, error) {
	self, err := os.Executable()
	if err != nil {
		return nil, 0, err
	}
	return processStartupWith(self, n)
}

// processStartupWith is processStartup with the program to start: self,
// or a test binary whose TestMain runs the child.
func processStartupWith(self string, n int) ([]time.Duration, uint64, error) {
	var walls []time.Duration
	var heap uint64
	for range n {
		cmd := exec.Command(self, childFirstResult, parseName(parseMode))
		out, err := cmd.StdoutPipe()
		if err != nil {
			return nil, 0, err
		}
		cmd.Stderr = os.Stderr
		start := time.Now()
		if err := cmd.Start(); err != nil {
			return nil, 0, err
		}
		line, err := bufio.NewReader(out).ReadString('\n')
		wall := time.Since(start)
		werr := cmd.Wait()
		if err != nil || werr != nil {
			return nil, 0, fmt.Errorf("start-up child: %w", errors.Join(err, werr))
		}
		f := strings.Fields(line)
		if len(f) != 3 || f[0] != "first-result" {
			return nil, 0, fmt.Errorf("start-up child printed %q", line)
		}
		h, err := strconv.ParseUint(f[2], 10, 64)
		if err != nil {
			return nil, 0, fmt.Errorf("start-up child printed %q", line)
		}
		heap = max(heap, h)
		walls = append(walls, wall)
	}
	slices.Sort(walls)
	return walls, heap, nil
}

// processCorpus writes the corpus of the whole-process comparison to a
// JSONL file in dir: the first 500 documents of Re-DocRED dev (tokens
// joined by spaces, as examples/evaluate rebuilds them) with
// ../shared/dev, otherwise the written corpus. It returns the file, its
// name and its number of documents.
func processCorpus(dir string) (path, name string, n int, err error) {
	var docs []corpus.Doc
	if p, ok := corpus.Shared("redocred-dev.json"); ok {
		b, err := os.ReadFile(p)
		if err != nil {
			return "", "", 0, err
		}
		var rd []struct {
			Sents [][]string `json:"sents"`
		}
		if err := json.Unmarshal(b, &rd); err != nil {
			return "", "", 0, fmt.Errorf("%s: %v", p, err)
		}
		for i, d := range rd[:min(500, len(rd))] {
			var words []string
			for _, s := range d.Sents {
				words = append(words, s...)
			}
			docs = append(docs, corpus.Doc{ID: fmt.Sprintf("redocred-dev-%03d", i+1), Text: strings.Join(words, " ")})
		}
		name = fmt.Sprintf("../shared/dev/redocred-dev.json, first %d documents", len(docs))
	} else {
		if docs, err = corpus.Written(); err != nil {
			return "", "", 0, err
		}
		name = corpus.WrittenFile + " (written for the project)"
	}
	path = filepath.Join(dir, "process.jsonl")
	f, err := os.Create(path)
	if err != nil {
		return "", "", 0, err
	}
	w := bufio.NewWriter(f)
	enc := json.NewEncoder(w)
	for _, d := range docs {
		if err := enc.Encode(struct {
			ID   string `json:"id"`
			Text string `json:"text"`
		}{d.ID, d.Text}); err != nil {
			f.Close()
			return "", "", 0, err
		}
	}
	if err := errors.Join(w.Flush(), f.Close()); err != nil {
		return "", "", 0, err
	}
	return path, name, len(docs), nil
}

// wholeProcess times, back to back and reps times each, the extract
// program over the corpus of processCorpus (-input jsonl -j 1) and a prose
// program over the same file, both with GOMAXPROCS=1, and returns the best
// time of each.
func wholeProcess(ctx context.Context, reps int, w io.Writer) error {
	dir, err := os.MkdirTemp("", "statecraft-bench-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	extract := filepath.Join(dir, "extract")
	build := exec.CommandContext(ctx, "go", "build", "-o", extract, "github.com/statecraft/statecraft/examples/extract")
	build.Stderr = os.Stderr
	if err := build.Run(); err != nil {
		return fmt.Errorf("building examples/extract: %w", err)
	}
	self, err := os.Executable()
	if err != nil {
		return err
	}
	path, name, n, err := processCorpus(dir)
	if err != nil {
		return err
	}
	env := append(os.Environ(), "GOMAXPROCS=1")
	run := func(name string, args ...string) (time.Duration, error) {
		cmd := exec.CommandContext(ctx, name, args...)
		cmd.Env = env
		cmd.Stdout = io.Discard
		cmd.Stderr = os.Stderr
		start := time.Now()
		err := cmd.Run()
		return time.Since(start), err
	}
	var ours, theirs []time.Duration
	for range reps {
		t, err := run(extract, "-input", "jsonl", "-j", "1", path)
		if err != nil {
			return fmt.Errorf("extract: %w", err)
		}
		ours = append(ours, t)
		t, err = run(self, childProse, path)
		if err != nil {
			return fmt.Errorf("prose: %w", err)
		}
		theirs = append(theirs, t)
	}
	bo, bt := slices.Min(ours), slices.Min(theirs)
	fmt.Fprintf(w, "process      %s: %d documents; whole processes, GOMAXPROCS=1, best of %d back to back:\n", name, n, reps)
	fmt.Fprintf(w, "             extract -input jsonl -j 1 %.2f s; prose (model decoded once, NewDocument per document) %.2f s; %.1f× prose\n",
		bo.Seconds(), bt.Seconds(), bt.Seconds()/bo.Seconds())
	return nil
}
