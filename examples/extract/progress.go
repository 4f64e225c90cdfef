package main

import (
	"fmt"
	"io"
	"os"
	"strings"
	"sync"
	"time"
)

// isTerminal reports whether f (a reader or writer) is a character device
// (a terminal): the only place where a progress bar belongs, and where a
// user who gave no file would otherwise wait for nothing.
var isTerminal = func(f any) bool {
	file, ok := f.(*os.File)
	if !ok {
		return false
	}
	st, err := file.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}

// inputSize returns the total size in bytes of the inputs ("-" is stdin)
// when all are regular files, else 0 (unknown).
func inputSize(inputs []string, stdin io.Reader) int64 {
	var total int64
	for _, in := range inputs {
		var st os.FileInfo
		var err error
		if in == "-" {
			f, ok := stdin.(*os.File)
			if !ok {
				return 0
			}
			st, err = f.Stat()
		} else {
			st, err = os.Stat(in)
		}
		if err != nil || !st.Mode().IsRegular() {
			return 0
		}
		total += st.Size()
	}
	return total
}

// progressInterval is how often the progress bar is redrawn.
const progressInterval = 200 * time.Millisecond

// progress draws a one-line progress bar on a terminal: percentage and
// bar (when the total size is known), documents done, rate, ETA and
// failures. Its methods are safe for concurrent use.
type progress struct {
	w     io.Writer
	total int64 // input bytes, 0 when unknown
	now   func() time.Time
	begin time.Time

	mu     sync.Mutex
	docs   int64
	bytes  int64
	failed int64

	done chan struct{}
	wg   sync.WaitGroup
}

// newProgress returns a progress bar over total input bytes (0: unknown)
// drawn on w, with now as the clock.
func newProgress(w io.Writer, total int64, now func() time.Time) *progress {
	return &progress{w: w, total: total, now: now, begin: now(), done: make(chan struct{})}
}

// add records one finished line of size input bytes.
func (p *progress) add(size int64, failed bool) {
	p.mu.Lock()
	p.docs++
	p.bytes += size
	if failed {
		p.failed++
	}
	p.mu.Unlock()
}

// start redraws the bar every progressInterval until stop.
func (p *progress) start() {
	p.wg.Add(1)
	go func() {
		defer p.wg.Done()
		t := time.NewTicker(progressInterval)
		defer t.Stop()
		for {
			select {
			case <-t.C:
				p.draw(false)
			case <-p.done:
				return
			}
		}
	}()
}

// stop draws the final state and ends the line.
func (p *progress) stop() {
	close(p.done)
	p.wg.Wait()
	p.draw(true)
}

// draw writes the bar, over the previous one.
func (p *progress) draw(final bool) {
	p.mu.Lock()
	line := p.line(p.now())
	p.mu.Unlock()
	end := ""
	if final {
		end = "\n"
	}
	fmt.Fprintf(p.w, "\r\x1b[K%s%s", line, end)
}

// barWidth is the width of the bar in cells.
const barWidth = 30

// line renders the state at time now, e.g.
//
//	42% [############------------------] 12,345 docs  850 docs/s  ETA 0:42  3 failed
func (p *progress) line(now time.Time) string {
	el := now.Sub(p.begin).Seconds()
	var b strings.Builder
	if p.total > 0 {
		frac := min(1, float64(p.bytes)/float64(p.total))
		fill := int(frac * barWidth)
		fmt.Fprintf(&b, "%3d%% [%s%s] ", int(frac*100), strings.Repeat("#", fill), strings.Repeat("-", barWidth-fill))
	}
	fmt.Fprintf(&b, "%s docs", groupDigits(p.docs))
	if el > 0 {
		fmt.Fprintf(&b, "  %s docs/s", groupDigits(int64(float64(p.docs)/el+0.5)))
	}
	if p.total > 0 && p.bytes > 0 && el > 0 && p.bytes < p.total {
		rate := float64(p.bytes) / el
		eta := time.Duration(float64(p.total-p.bytes) / rate * float64(time.Second))
		b.WriteString("  ETA " + clock(eta))
	}
	if p.total == 0 && el > 0 {
		fmt.Fprintf(&b, "  %.1f MB/s", float64(p.bytes)/el/1e6)
	}
	if p.failed > 0 {
		fmt.Fprintf(&b, "  %s failed", groupDigits(p.failed))
	}
	return b.String()
}

// clock formats d as H:MM:SS or M:SS.
func clock(d time.Duration) string {
	s := int64(d.Round(time.Second) / time.Second)
	if s >= 3600 {
		return fmt.Sprintf("%d:%02d:%02d", s/3600, s/60%60, s%60)
	}
	return fmt.Sprintf("%d:%02d", s/60, s%60)
}

// groupDigits writes n with thousands separators: 12,345.
func groupDigits(n int64) string {
	s := fmt.Sprint(n)
	if n < 0 {
		return "-" + groupDigits(-n)
	}
	var b strings.Builder
	for i, c := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	return b.String()
}
