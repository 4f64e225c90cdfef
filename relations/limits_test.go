package relations_test

import (
	"context"
	"errors"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/statecraft/statecraft/entities"
	"github.com/statecraft/statecraft/internal/corpus"
	"github.com/statecraft/statecraft/relations"
)

// longNews returns one news text of about 74 KB, corpus.LongText(74_000):
// CoNLL-2003 validation documents when ../shared/dev is there, else the
// project's written corpus. It logs which.
func longNews(tb testing.TB) string {
	tb.Helper()
	text, name, err := corpus.LongText(74_000)
	if err != nil {
		tb.Fatal(err)
	}
	tb.Logf("news text: %d bytes from %s", len(text), name)
	return text
}

// newsText returns n bytes of ordinary news text: longNews, repeated.
func newsText(tb testing.TB, n int) string {
	tb.Helper()
	b := longNews(tb)
	s := strings.Repeat(b, n/len(b)+1)[:n]
	// Cut at a rune boundary.
	for len(s) > 0 && s[len(s)-1]&0xC0 == 0x80 {
		s = s[:len(s)-1]
	}
	return s
}

// checkTimes is a context that records when Err is called, the points at
// which the pipeline would notice a cancellation, in wall time and in CPU
// time of the calling thread (see threadCPU).
type checkTimes struct {
	context.Context
	mu    sync.Mutex
	times []time.Time
	cpu   []time.Duration
}

func (c *checkTimes) Err() error {
	cpu, _ := threadCPU()
	c.mu.Lock()
	c.times = append(c.times, time.Now())
	c.cpu = append(c.cpu, cpu)
	c.mu.Unlock()
	return c.Context.Err()
}

// pathologicalLatency bounds the time without a look at the context on the
// inputs of TestPathologicalInputs, scaled under the race detector.
const pathologicalLatency = 10 * cancelLatency

// cancelLatency is the bound on the time from a cancellation to the
// return of Extract: 50 ms, scaled under the race detector.
const cancelLatency = 50 * time.Millisecond * raceFactor

// TestCancelLatency: the whole pipeline (entities.Extract then
// relations.Extract) on a 5 MB document (500 kB under the race detector)
// honours a cancellation within 50 ms, whenever it comes.
//
// First it never works longer than 50 ms without looking at its context:
// the longest gap between two looks, from the start to the return, is
// measured in CPU time of the thread that runs it (on Linux; elsewhere in
// wall time), which equals wall time on an idle machine and does not grow
// on a loaded one; the best of three runs is kept. Then the pipeline is cancelled for real at several points
// (while tokenizing, early, midway through entities and through
// relations) and returns context.Canceled within 50 ms of the cancel
// (best of three tries per point).
func TestCancelLatency(t *testing.T) {
	if testing.Short() {
		t.Skip("5 MB document; skipped under -short")
	}
	ee, rx := pipeline(t)
	size := 5_000_000
	if raceFactor > 1 {
		size /= 10
	}
	text := newsText(t, size)
	best := pipelineCost{gap: time.Hour}
	for range 3 {
		c := runCost(t, ee, rx, text)
		t.Logf("%d bytes in %v (entities %v): longest time without a look at the context %v (wall time %v)",
			len(text), c.d.Round(time.Millisecond), c.entities.Round(time.Millisecond), c.gap, c.wallGap)
		if c.gap < best.gap {
			best = c
		}
		if best.gap <= cancelLatency {
			break
		}
	}
	if best.gap > cancelLatency {
		t.Errorf("the pipeline went %v without looking at its context, want <= %v", best.gap, cancelLatency)
	}

	pipeline := func(ctx context.Context) error {
		doc, err := ee.Extract(ctx, text)
		if err != nil {
			return err
		}
		_, err = rx.Extract(ctx, doc)
		return err
	}
	// On a loaded machine the run may be over before a late cancel: a
	// return without error is fine then.
	for _, at := range []time.Duration{time.Millisecond, 50 * time.Millisecond, best.entities / 2, best.entities + (best.d-best.entities)/2} {
		lat := time.Hour
		for range 3 {
			ctx, cancel := context.WithCancel(context.Background())
			done := make(chan error, 1)
			go func() { done <- pipeline(ctx) }()
			time.Sleep(at)
			cancel()
			cancelled := time.Now()
			err := <-done
			lat = min(lat, time.Since(cancelled))
			if err != nil && !errors.Is(err, context.Canceled) {
				t.Fatalf("cancel at %v: %v", at, err)
			}
			if lat <= cancelLatency {
				break
			}
		}
		t.Logf("cancelled at %v: returned %v later", at.Round(time.Millisecond), lat)
		if lat > cancelLatency {
			t.Errorf("cancelled at %v: returned %v later, want <= %v", at.Round(time.Millisecond), lat, cancelLatency)
		}
	}
}

// pipelineCost is what a run of the pipeline cost: its duration (and that
// of entities.Extract), the longest time it went without looking at its
// context (gap: the CPU time of its thread where the system reports it,
// so that a loaded machine does not lengthen it, else wall time; wallGap:
// wall time), the bytes allocated during the run, the live heap that the
// result holds, and the numbers of tokens, mentions and relations.
type pipelineCost struct {
	d, entities, gap, wallGap     time.Duration
	alloc, live                   uint64
	tokens, mentions, relationsNo int
}

// runCost runs the pipeline on text and returns its cost.
func runCost(t *testing.T, ee *entities.Extractor, rx *relations.Extractor, text string) pipelineCost {
	t.Helper()
	var before, after runtime.MemStats
	// Two collections empty the sync.Pools (the first moves their contents
	// to a victim cache, the second frees it), so that neither reading
	// counts the scratch space of an earlier run as live.
	runtime.GC()
	runtime.GC()
	runtime.ReadMemStats(&before)
	ctx := &checkTimes{Context: context.Background(), times: make([]time.Time, 0, 1<<16), cpu: make([]time.Duration, 0, 1<<16)}
	// Extract runs on this goroutine; lock it to its thread so that the
	// thread's CPU time is the pipeline's.
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	cpuStart, cpuOK := threadCPU()
	start := time.Now()
	doc, err := ee.Extract(ctx, text)
	if err != nil {
		t.Fatal(err)
	}
	entDur := time.Since(start)
	rs, err := rx.Extract(ctx, doc)
	if err != nil {
		t.Fatal(err)
	}
	end := time.Now()
	cpuEnd, _ := threadCPU()
	d := end.Sub(start)
	runtime.ReadMemStats(&after)
	wallGap, last := time.Duration(0), start
	for _, at := range append(ctx.times, end) {
		wallGap, last = max(wallGap, at.Sub(last)), at
	}
	gap := wallGap
	if cpuOK {
		gap = 0
		last := cpuStart
		for _, at := range append(ctx.cpu, cpuEnd) {
			gap, last = max(gap, at-last), at
		}
	}
	alloc := after.TotalAlloc - before.TotalAlloc
	runtime.GC()
	runtime.GC()
	runtime.ReadMemStats(&after)
	live := uint64(0)
	if after.HeapAlloc > before.HeapAlloc {
		live = after.HeapAlloc - before.HeapAlloc
	}
	c := pipelineCost{d, entDur, gap, wallGap, alloc, live, len(doc.Tokens), len(doc.Mentions), len(rs)}
	runtime.KeepAlive(doc)
	runtime.KeepAlive(rs)
	return c
}

// pathological returns the inputs of TestPathologicalInputs, each about
// size bytes (a tenth under the race detector), but the first, which is
// one token repeated a million times (a hundred thousand).
func pathological(scale int) []struct{ name, text string } {
	states := []string{"Russia", "Armenia", "Belarus", "Kazakhstan", "Kyrgyzstan", "Tajikistan", "Serbia", "Georgia", "Moldova", "Ukraine", "Abkhazia", "South Ossetia"}
	const mb = 1 << 20
	size := mb / scale

	var list strings.Builder
	list.WriteString("The Collective Security Treaty Organization includes ")
	items := 100_000 / scale
	for i := range items {
		if i > 0 {
			list.WriteString(", ")
		}
		if i == items-1 {
			list.WriteString("and ")
		}
		list.WriteString(states[i%len(states)])
	}
	list.WriteString(".")

	var nested strings.Builder
	depth := 10_000
	for i := range depth {
		nested.WriteString("([{"[i%3:i%3+1] + states[i%len(states)] + " ")
	}
	nested.WriteString("recognized Abkhazia in 2008")
	for i := depth - 1; i >= 0; i-- {
		nested.WriteString(")]}"[i%3 : i%3+1])
	}

	fill := func(unit string) string { return strings.Repeat(unit, size/len(unit)+1)[:size] }
	return []struct{ name, text string }{
		{"one token repeated", strings.Repeat("Russia ", 1_000_000/scale)},
		{"list sentence", list.String()},
		{"no whitespace", fill("RussiaAbkhazia,NATO.Georgia-led(2008)")},
		{"nested brackets", nested.String()},
		{"only punctuation", fill(".,;:!?-()[]{}\"'…—/«»")},
		{"only digits", fill("1234567890")},
		{"only numbers", fill("1992 2008 14 ")},
	}
}

// TestPathologicalInputs runs the whole pipeline, entities and relations,
// on inputs built to defeat it: one token repeated a million times, a
// sentence listing 100,000 states, a megabyte without whitespace, brackets
// nested 10,000 deep, a megabyte of punctuation and of digits (a tenth of
// each under the race detector). Each must finish in time linear in its
// size: at most 10 times that of ordinary news text of the same size
// (which has one token per 5 or 6 bytes where these have up to one per
// byte) plus 100 ms, allocate at most 10 times as many bytes and keep at
// most 10 times as many alive as ordinary text of the same size (which
// allocates about 70 bytes and keeps about 20 per byte of text without
// the race detector), and never go more than 500 ms without looking
// at its context (a million mentions make a list of 200 MB, which the
// recognizer grows, and copies, in steps it cannot interrupt). Times are
// the best of up to three runs, against the noise of a loaded machine.
func TestPathologicalInputs(t *testing.T) {
	if testing.Short() {
		t.Skip("megabytes of input; skipped under -short")
	}
	ee, rx := pipeline(t)
	scale := 1
	if raceFactor > 1 {
		scale = 10
	}
	// Ordinary news: the best time per byte of three runs on 1 MB.
	ref := newsText(t, (1<<20)/scale)
	var base pipelineCost
	for i := range 3 {
		c := runCost(t, ee, rx, ref)
		if i == 0 || c.d < base.d {
			c.live = max(c.live, base.live)
			base = c
		} else {
			base.live = max(base.live, c.live)
		}
	}
	if base.live == 0 {
		t.Fatalf("ordinary news, %d bytes: no live memory measured for its result, so no bound to compare with", len(ref))
	}
	perByte := float64(base.d) / float64(len(ref))
	t.Logf("ordinary news, %d bytes: %v, %d tokens, %d mentions, %d relations, %.0f bytes allocated and %.0f live per byte",
		len(ref), base.d.Round(time.Millisecond), base.tokens, base.mentions, base.relationsNo,
		float64(base.alloc)/float64(len(ref)), float64(base.live)/float64(len(ref)))

	const (
		timeFactor    = 10
		memFactor     = 10
		timeAllowance = 100 * time.Millisecond
	)
	allocPerByte := memFactor * float64(base.alloc) / float64(len(ref))
	livePerByte := memFactor * float64(base.live) / float64(len(ref))
	for _, c := range pathological(scale) {
		t.Run(strings.ReplaceAll(c.name, " ", "_"), func(t *testing.T) {
			limit := time.Duration(timeFactor*perByte*float64(len(c.text))) + timeAllowance*raceFactor
			var best pipelineCost
			for i := range 3 {
				r := runCost(t, ee, rx, c.text)
				if i == 0 {
					best = r
				}
				best.d, best.gap = min(best.d, r.d), min(best.gap, r.gap)
				if best.d <= limit && best.gap <= pathologicalLatency {
					break
				}
			}
			n := float64(len(c.text))
			t.Logf("%d bytes: %v (limit %v; ordinary text %v), %d tokens, %d mentions, %d relations, %.0f bytes allocated and %.0f live per byte, context unchecked for at most %v",
				len(c.text), best.d.Round(time.Millisecond), limit.Round(time.Millisecond), time.Duration(perByte*n).Round(time.Millisecond),
				best.tokens, best.mentions, best.relationsNo, float64(best.alloc)/n, float64(best.live)/n, best.gap.Round(time.Millisecond/10))
			if best.d > limit {
				t.Errorf("took %v, more than %d times ordinary text of the same size (%v)", best.d, timeFactor, time.Duration(perByte*n))
			}
			if float64(best.alloc) > allocPerByte*n {
				t.Errorf("allocated %d bytes for %d bytes of input, more than %.0f per byte (%d times ordinary text)", best.alloc, len(c.text), allocPerByte, memFactor)
			}
			if float64(best.live) > livePerByte*n {
				t.Errorf("the result holds %d bytes for %d bytes of input, more than %.0f per byte (%d times ordinary text)", best.live, len(c.text), livePerByte, memFactor)
			}
			if best.gap > pathologicalLatency {
				t.Errorf("went %v without looking at its context, want <= %v", best.gap, pathologicalLatency)
			}
		})
	}
}
