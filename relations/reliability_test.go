package relations_test

import (
	"context"
	"encoding/json"
	"os"
	"strings"
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/statecraft/statecraft/entities"
	"github.com/statecraft/statecraft/relations"
)

// reliabilityCorpus returns n news documents: the paragraphs of the seed
// article and of longNews and the sentences of the relation tests, alone
// and joined in twos and threes, with variations (upper case, a shuffled
// order, line breaks for spaces), chosen by a fixed pseudo-random
// sequence.
//
// With short set, each document is one paragraph cut after its first
// sentence or two, so that the corpus stays cheap under the race
// detector.
func reliabilityCorpus(tb testing.TB, n int, short bool) []string {
	tb.Helper()
	seed, err := os.ReadFile("../testdata/rt-caucasus-security-outline.txt")
	if err != nil {
		tb.Fatal(err)
	}
	var paras []string
	for _, text := range []string{string(seed), longNews(tb)} {
		for _, p := range strings.Split(text, "\n") {
			if p = strings.TrimSpace(p); len(p) > 40 {
				paras = append(paras, p)
			}
		}
	}
	for _, c := range relationCases {
		paras = append(paras, c.text)
	}
	x := uint64(0x9E3779B97F4A7C15) // xorshift64
	next := func(m int) int {
		x ^= x << 13
		x ^= x >> 7
		x ^= x << 17
		return int(x % uint64(m))
	}
	docs := make([]string, n)
	for i := range docs {
		k := 1 + next(3)
		if short {
			k = 1
		}
		parts := make([]string, k)
		for j := range parts {
			parts[j] = paras[next(len(paras))]
			if short && len(parts[j]) > 160 {
				if end := strings.Index(parts[j][120:], ". "); end >= 0 {
					parts[j] = parts[j][:120+end+1]
				}
			}
		}
		doc := strings.Join(parts, "\n\n")
		switch next(10) {
		case 0:
			doc = strings.ToUpper(doc)
		case 1:
			doc = strings.ReplaceAll(doc, ". ", ".\n")
		case 2:
			doc = strings.ReplaceAll(doc, " ", "  ")
		}
		docs[i] = doc
	}
	return docs
}

// pipelineResult is what the pipeline makes of one document.
type pipelineResult struct {
	Doc       *entities.Document
	Relations []relations.Relation
}

// TestSharedPipelineConcurrent shares one entities.Extractor and one
// relations.Extractor between 8 goroutines that analyse 500 documents,
// taking them from a common queue, and checks that every result, the
// document and its relations, is identical, value for value and in JSON,
// to that of a sequential run. Run it with -race (which shortens the
// documents to keep it to a few seconds).
func TestSharedPipelineConcurrent(t *testing.T) {
	ee, rx := pipeline(t)
	texts := reliabilityCorpus(t, 500, raceFactor > 1)
	ctx := context.Background()
	run := func(text string) (pipelineResult, error) {
		doc, err := ee.Extract(ctx, text)
		if err != nil {
			return pipelineResult{}, err
		}
		rs, err := rx.Extract(ctx, doc)
		return pipelineResult{doc, rs}, err
	}
	want := make([]pipelineResult, len(texts))
	for i, text := range texts {
		var err error
		if want[i], err = run(text); err != nil {
			t.Fatal(err)
		}
	}
	const workers = 8
	got := make([]pipelineResult, len(texts))
	queue := make(chan int)
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			for i := range queue {
				r, err := run(texts[i])
				if err != nil {
					t.Error(err)
				}
				got[i] = r
			}
		})
	}
	for i := range texts {
		queue <- i
	}
	close(queue)
	wg.Wait()
	relationsFound := 0
	for i := range texts {
		relationsFound += len(want[i].Relations)
		if diff := cmp.Diff(want[i], got[i]); diff != "" {
			t.Fatalf("document %d: concurrent result differs from the sequential one (-sequential +concurrent):\n%s", i, diff)
		}
		a, _ := json.Marshal(want[i])
		b, _ := json.Marshal(got[i])
		if string(a) != string(b) {
			t.Fatalf("document %d: the JSON differs", i)
		}
	}
	if relationsFound < len(texts)/5 {
		t.Errorf("only %d relations in %d documents: the corpus does not exercise relations", relationsFound, len(texts))
	}
	size := 0
	for _, text := range texts {
		size += len(text)
	}
	t.Logf("%d documents, %d bytes, %d relations, %d workers", len(texts), size, relationsFound, workers)
}
