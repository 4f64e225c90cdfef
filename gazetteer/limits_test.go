package gazetteer_test

import (
	"bufio"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/statecraft/statecraft/gazetteer"
)

// raceBuild reports whether the test binary was built with the race
// detector, which multiplies time and memory: the large tests shrink.
func raceBuild() bool {
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		return false
	}
	for _, s := range bi.Settings {
		if s.Key == "-race" {
			return s.Value == "true"
		}
	}
	return false
}

// writeUserFile writes a gazetteer file of n valid entries, sorted by id,
// about 51 bytes each (a million make 51 MB), and returns its path and
// size. With bad set, every line has a defect (an unknown kind).
func writeUserFile(t *testing.T, n int, bad bool) (string, int64) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "big.jsonl")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	w := bufio.NewWriterSize(f, 1<<20)
	kind := "location"
	if bad {
		kind = "village"
	}
	for i := range n {
		fmt.Fprintf(w, `{"id":"%s/p%07d","name":"P%07d City"}`+"\n", kind, i, i)
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	st, err := f.Stat()
	if err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
	return path, st.Size()
}

// peakHeap runs f while sampling the heap every few milliseconds and
// returns the largest heap seen above the heap at the start, and f's
// duration.
func peakHeap(f func()) (uint64, time.Duration) {
	runtime.GC()
	sample := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
	read := func() uint64 {
		metrics.Read(sample)
		return sample[0].Value.Uint64()
	}
	base := read()
	var peak uint64
	done := make(chan struct{})
	var wg sync.WaitGroup
	wg.Go(func() {
		tick := time.NewTicker(2 * time.Millisecond)
		defer tick.Stop()
		for {
			if h := read(); h > peak {
				peak = h
			}
			select {
			case <-done:
				return
			case <-tick.C:
			}
		}
	})
	start := time.Now()
	f()
	d := time.Since(start)
	close(done)
	wg.Wait()
	if h := read(); h > peak {
		peak = h
	}
	if peak < base {
		return 0, d
	}
	return peak - base, d
}

// TestLargeUserFile loads a user's gazetteer file of a million entries (51
// MB; a tenth, with limits scaled alike, under the race detector):
//
//   - on top of the default data, with the default limit
//     ([gazetteer.DefaultMaxEntries], which counts the default entries
//     too), New refuses it with one clear error, "FILE:LINE: more than
//     500000 entries; refusing to load more (see WithMaxEntries)", LINE
//     being the first line over the limit, returns no gazetteer, and its
//     heap never grows past 1 KiB per entry read: memory is bounded by
//     the limit, not by the size of the file;
//   - alone, with WithMaxEntries(1,000,000), it loads, and its heap never
//     grows past 2 KiB per entry (the file is read line by line, never
//     whole);
//   - a file of the same size in which every line is broken is reported
//     as its first 1,000 problems, each "FILE:LINE: reason", plus one
//     saying that loading stopped, in a few MiB of heap, and loads
//     nothing.
func TestLargeUserFile(t *testing.T) {
	if testing.Short() {
		t.Skip("writes and loads a 51 MB file; skipped under -short")
	}
	n, limit := 1_000_000, gazetteer.DefaultMaxEntries
	if raceBuild() {
		n, limit = 100_000, 50_000
	}
	path, size := writeUserFile(t, n, false)
	t.Logf("%s: %d entries, %d bytes", path, n, size)
	def, err := gazetteer.New()
	if err != nil {
		t.Fatal(err)
	}
	// The limit counts the default entries too.
	line := limit - def.Len() + 1

	var g *gazetteer.Gazetteer
	peak, d := peakHeap(func() { g, err = gazetteer.New(gazetteer.WithFile(path), gazetteer.WithMaxEntries(limit)) })
	t.Logf("refused in %v, heap peak +%d MiB (%d bytes per entry read)", d.Round(time.Millisecond), peak>>20, peak/uint64(limit))
	want := fmt.Sprintf("%s:%d: more than %d entries; refusing to load more (see WithMaxEntries)", path, line, limit)
	var list gazetteer.ErrorList
	if g != nil || !errors.As(err, &list) || len(list) != 1 || list[0].Error() != want || !errors.Is(err, gazetteer.ErrTooManyEntries) {
		t.Fatalf("New = %v, %v; want nil and %q", g, err, want)
	}
	if peak > 1024*uint64(limit) {
		t.Errorf("heap peak %d MiB while refusing, more than 1 KiB for each of %d entries read", peak>>20, limit)
	}

	peak, d = peakHeap(func() {
		g, err = gazetteer.New(gazetteer.WithoutDefaults(), gazetteer.WithFile(path), gazetteer.WithMaxEntries(n))
	})
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("loaded in %v, heap peak +%d MiB (%d bytes per entry)", d.Round(time.Millisecond), peak>>20, peak/uint64(n))
	if g.Len() != n {
		t.Errorf("Len = %d, want %d", g.Len(), n)
	}
	last := fmt.Sprintf("P%07d City", n-1)
	if m, ok := g.Lookup(last); !ok || m.ID != fmt.Sprintf("location/p%07d", n-1) {
		t.Errorf("Lookup(%q) = %+v, %v", last, m, ok)
	}
	if peak > 2048*uint64(n) {
		t.Errorf("heap peak %d MiB, more than 2 KiB for each of %d entries", peak>>20, n)
	}
	runtime.KeepAlive(g)
	g = nil

	bad, _ := writeUserFile(t, n, true)
	peak, d = peakHeap(func() { g, err = gazetteer.New(gazetteer.WithFile(bad)) })
	t.Logf("broken file reported in %v, heap peak +%d MiB", d.Round(time.Millisecond), peak>>20)
	if g != nil || !errors.As(err, &list) || len(list) != 1001 || !errors.Is(list[1000], gazetteer.ErrTooManyErrors) {
		t.Fatalf("New = %v, %d problems; want nil and 1,000 problems and a last one saying so", g, len(list))
	}
	for i, e := range list[:1000] {
		if e.File != bad || e.Line != i+1 || !strings.HasPrefix(e.Error(), fmt.Sprintf("%s:%d: ", bad, i+1)) || !errors.Is(e, gazetteer.ErrBadID) {
			t.Fatalf("problem %d: %v", i, e)
		}
	}
	if peak > 64<<20 {
		t.Errorf("heap peak %d MiB reading a broken file, want < 64 MiB", peak>>20)
	}
}
