package depparse

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"
)

// checkTree fails t unless heads is a tree: one root (-1), every head in
// range, no cycle.
func checkTree(t testing.TB, heads []int32) {
	t.Helper()
	n := len(heads)
	roots := 0
	for i, h := range heads {
		if h == -1 {
			roots++
			continue
		}
		if h < 0 || int(h) >= n || int(h) == i {
			t.Fatalf("word %d: head %d of %d words", i, h, n)
		}
	}
	if n > 0 && roots != 1 {
		t.Fatalf("%d roots", roots)
	}
	// Every word reaches the root in fewer than n steps.
	depth := make([]int32, n) // 0: unknown
	for i := range n {
		var path []int
		j := i
		for j != -1 && depth[j] == 0 && len(path) <= n {
			path = append(path, j)
			j = int(heads[j])
		}
		if len(path) > n {
			t.Fatalf("cycle through word %d", i)
		}
		for k := len(path) - 1; k >= 0; k-- {
			depth[path[k]] = 1
		}
	}
}

func defaultModelT(t testing.TB) *Model {
	t.Helper()
	m, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	return m
}

var sampleWords = strings.Fields("Sergei Lavrov , Russia 's foreign minister , said on Monday that Moscow would not recognize the vote .")

var sampleTags = strings.Fields("NNP NNP , NNP POS JJ NN , VBD IN NNP IN NNP MD RB VB DT NN .")

func TestParseErrors(t *testing.T) {
	m := defaultModelT(t)
	w := []string{"a", "b"}
	for _, tt := range []struct {
		name        string
		words, tags []string
		heads, rels int
	}{
		{"tags", w, w[:1], 2, 2},
		{"heads", w, w, 1, 2},
		{"rels", w, w, 2, 1},
	} {
		if err := m.Parse(tt.words, tt.tags, make([]int32, tt.heads), make([]Rel, tt.rels), nil); err != ErrLength {
			t.Errorf("%s: %v, want ErrLength", tt.name, err)
		}
	}
	if err := m.Parse(nil, nil, nil, nil, nil); err != nil {
		t.Errorf("empty sentence: %v", err)
	}
}

func TestParseDeterministic(t *testing.T) {
	m := defaultModelT(t)
	n := len(sampleWords)
	h1, r1 := make([]int32, n), make([]Rel, n)
	if err := m.Parse(sampleWords, sampleTags, h1, r1, nil); err != nil {
		t.Fatal(err)
	}
	checkTree(t, h1)
	var s Scratch
	for range 3 {
		// Another sentence in between leaves nothing behind in s.
		h, r := make([]int32, 40), make([]Rel, 40)
		if err := m.Parse(sampleWords[:4], sampleTags[:4], h, r, &s); err != nil {
			t.Fatal(err)
		}
		h2, r2 := make([]int32, n), make([]Rel, n)
		if err := m.Parse(sampleWords, sampleTags, h2, r2, &s); err != nil {
			t.Fatal(err)
		}
		if !slices.Equal(h1, h2) || !slices.Equal(r1, r2) {
			t.Fatalf("parse differs with a reused Scratch: %v %v, then %v %v", h1, r1, h2, r2)
		}
	}
}

func TestParseAllocs(t *testing.T) {
	if testing.CoverMode() != "" || raceEnabled {
		t.Skip("allocation counts are not meaningful under coverage or the race detector")
	}
	m := defaultModelT(t)
	var s Scratch
	heads, rels := make([]int32, len(sampleWords)), make([]Rel, len(sampleWords))
	allocs := testing.AllocsPerRun(100, func() {
		if err := m.Parse(sampleWords, sampleTags, heads, rels, &s); err != nil {
			t.Fatal(err)
		}
	})
	if allocs != 0 {
		t.Errorf("Parse with a warm Scratch: %v allocations, want 0", allocs)
	}
}

// TestConcurrent parses from several goroutines with one Model; under
// -race it proves the Model is only read.
func TestConcurrent(t *testing.T) {
	m := defaultModelT(t)
	n := len(sampleWords)
	want := make([]int32, n)
	wantRels := make([]Rel, n)
	if err := m.Parse(sampleWords, sampleTags, want, wantRels, nil); err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	errs := make(chan error, 4)
	for range 4 {
		wg.Go(func() {
			var s Scratch
			h, r := make([]int32, n), make([]Rel, n)
			for range 20 {
				if err := m.Parse(sampleWords, sampleTags, h, r, &s); err != nil {
					errs <- err
					return
				}
				if !slices.Equal(h, want) || !slices.Equal(r, wantRels) {
					errs <- fmt.Errorf("concurrent parse differs: %v %v", h, r)
					return
				}
			}
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
}

// parseTime returns the fastest of three parses of words.
func parseTime(t *testing.T, m *Model, words, tags []string) time.Duration {
	t.Helper()
	var s Scratch
	heads, rels := make([]int32, len(words)), make([]Rel, len(words))
	best := time.Duration(1 << 62)
	for range 3 {
		t0 := time.Now()
		if err := m.Parse(words, tags, heads, rels, &s); err != nil {
			t.Fatal(err)
		}
		best = min(best, time.Since(t0))
	}
	checkTree(t, heads)
	return best
}

// TestLinearTime: a 10,000-token list "a, b, c, ..." and one token of a
// megabyte take time proportional to their size.
func TestLinearTime(t *testing.T) {
	if testing.Short() || raceEnabled {
		t.Skip("timing; skipped with -short and under the race detector")
	}
	m := defaultModelT(t)
	list := func(n int) ([]string, []string) {
		var w, tg []string
		for i := range n {
			if i > 0 {
				w, tg = append(w, ","), append(tg, ",")
			}
			w, tg = append(w, fmt.Sprintf("w%d", i%26)), append(tg, "NN")
		}
		return w, tg
	}
	w1, t1 := list(500)
	w2, t2 := list(5000) // 9,999 tokens
	d1, d2 := parseTime(t, m, w1, t1), parseTime(t, m, w2, t2)
	ratio := float64(d2) / float64(d1) / (float64(len(w2)) / float64(len(w1)))
	t.Logf("%d tokens in %v, %d in %v: %.2f times linear", len(w1), d1, len(w2), d2, ratio)
	if ratio > 3 {
		t.Errorf("a list 10 times longer takes %.1f times longer per token", ratio)
	}
	big := strings.Repeat("x", 1<<20)
	small := strings.Repeat("x", 1<<16)
	db := parseTime(t, m, []string{big}, []string{"NN"})
	ds := parseTime(t, m, []string{small}, []string{"NN"})
	t.Logf("1 MiB token in %v, 64 KiB in %v", db, ds)
	if float64(db) > 3*16*float64(ds)+float64(time.Millisecond) {
		t.Errorf("a 1 MiB token takes %v, a 64 KiB one %v", db, ds)
	}
}

func FuzzParse(f *testing.F) {
	m, err := Default()
	if err != nil {
		f.Fatal(err)
	}
	f.Add(strings.Join(sampleWords, " "), strings.Join(sampleTags, " "))
	f.Add("a b", "NN")
	f.Add("", "")
	f.Add("\xff \x00 ,", "NN NN NN")
	f.Fuzz(func(t *testing.T, words, tags string) {
		w, tg := strings.Split(words, " "), strings.Split(tags, " ")
		heads, rels := make([]int32, len(w)), make([]Rel, len(w))
		err := m.Parse(w, tg, heads, rels, nil)
		if len(w) != len(tg) {
			if err != ErrLength {
				t.Fatalf("%d words, %d tags: %v", len(w), len(tg), err)
			}
			return
		}
		if err != nil {
			t.Fatal(err)
		}
		checkTree(t, heads)
		for _, r := range rels {
			if m.Label(r) == "" {
				t.Fatalf("relation %d out of range", r)
			}
		}
	})
}

// TestRandomSentences parses random word and tag sequences: always a tree.
func TestRandomSentences(t *testing.T) {
	m := defaultModelT(t)
	r := rand.New(rand.NewPCG(1, 2))
	vocab := strings.Fields("the of , . and to a in that is was he for it with as his on be at by I ( ) '' `` 's -")
	tagset := strings.Fields("DT IN , . CC TO DT IN IN VBZ VBD PRP IN PRP IN IN PRP$ IN VB IN IN PRP -LRB- -RRB- '' `` POS HYPH")
	var s Scratch
	for range 300 {
		n := r.IntN(60)
		w, tg := make([]string, n), make([]string, n)
		for i := range n {
			k := r.IntN(len(vocab))
			w[i], tg[i] = vocab[k], tagset[r.IntN(len(tagset))]
		}
		heads, rels := make([]int32, n), make([]Rel, n)
		if err := m.Parse(w, tg, heads, rels, &s); err != nil {
			t.Fatal(err)
		}
		checkTree(t, heads)
	}
}

// TestTag: the tagger gives one of its tags to every word, checks the
// lengths, and allocates nothing with a warm Scratch.
func TestTag(t *testing.T) {
	m := defaultModelT(t)
	out := make([]string, len(sampleWords))
	var s Scratch
	if err := m.Tag(sampleWords, sampleTags, out, &s); err != nil {
		t.Fatal(err)
	}
	tags := m.Tags()
	for i, tg := range out {
		if !slices.Contains(tags, tg) {
			t.Errorf("word %d %q: tag %q not in %v", i, sampleWords[i], tg, tags)
		}
	}
	if got := strings.Join(out[:4], " "); got != "NNP NNP , NNP" {
		t.Errorf("tags of %v: %q", sampleWords[:4], got)
	}
	if err := m.Tag(sampleWords, sampleTags[:2], out, &s); err != ErrLength {
		t.Errorf("short tags: %v, want ErrLength", err)
	}
	if err := m.Tag(sampleWords, sampleTags, out[:2], &s); err != ErrLength {
		t.Errorf("short out: %v, want ErrLength", err)
	}
	if testing.CoverMode() != "" || raceEnabled {
		return
	}
	if allocs := testing.AllocsPerRun(50, func() { _ = m.Tag(sampleWords, sampleTags, out, &s) }); allocs != 0 {
		t.Errorf("Tag with a warm Scratch: %v allocations, want 0", allocs)
	}
}
