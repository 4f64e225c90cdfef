package pool

import (
	"runtime"
	"sync"
	"testing"
)

type scratch struct{ n int }

// TestKeepsOne: the value put back last before a collection survives it;
// Get makes values with New, or new(T) without it.
func TestKeepsOne(t *testing.T) {
	var p Pool[scratch]
	a := p.Get()
	if a == nil {
		t.Fatal("Get on an empty pool without New: nil")
	}
	a.n = 42
	p.Put(a)
	runtime.GC()
	runtime.GC()
	if b := p.Get(); b != a || b.n != 42 {
		t.Errorf("after two collections: got %p (n %d), want the value put back %p", b, b.n, a)
	}
	made := 0
	q := Pool[scratch]{New: func() *scratch { made++; return &scratch{n: 7} }}
	if x := q.Get(); x.n != 7 || made != 1 {
		t.Errorf("New: got n %d after %d calls", x.n, made)
	}
	q.Put(nil) // ignored
	if x := q.Get(); x == nil || made != 2 {
		t.Errorf("Get after Put(nil): %v, %d calls of New", x, made)
	}
}

// TestConcurrent: goroutines getting and putting values never share one.
func TestConcurrent(t *testing.T) {
	var p Pool[scratch]
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			for i := range 2000 {
				x := p.Get()
				if x.n != 0 {
					t.Errorf("a value in use was handed out (n %d)", x.n)
					return
				}
				x.n = i + 1
				runtime.Gosched()
				x.n = 0
				p.Put(x)
			}
		})
	}
	wg.Wait()
}
