// Package pool provides a pool of reusable scratch values that, unlike a
// bare sync.Pool, keeps one value across garbage collections.
//
// The extractors keep per-call scratch (buffers, and caches of model
// weights that take a few hundred documents to fill) in pools. A
// sync.Pool empties at every other garbage collection, so a program that
// analyses documents one after the other would start again from cold
// caches every few hundred documents and allocate them anew. A [Pool]
// keeps the value last put back aside from its sync.Pool, so one goroutine
// working through documents always gets its warm scratch; the values of
// concurrent callers beyond the first still come from the sync.Pool and
// may be collected. The memory held when the pool is idle is therefore
// one value.
package pool

import (
	"sync"
	"sync/atomic"
)

// A Pool is a set of values of type T that callers get, use alone and put
// back. The zero Pool is empty and ready to use; New, when set, makes a
// value when the pool has none (else Get returns a new zero T). A Pool is
// safe for concurrent use and must not be copied after first use.
type Pool[T any] struct {
	// New returns a new value; nil means new(T).
	New func() *T

	kept atomic.Pointer[T] // survives garbage collections
	pool sync.Pool
}

// Get returns a value from the pool, or a new one.
func (p *Pool[T]) Get() *T {
	if x := p.kept.Swap(nil); x != nil {
		return x
	}
	if x, ok := p.pool.Get().(*T); ok {
		return x
	}
	if p.New != nil {
		return p.New()
	}
	return new(T)
}

// Put returns x to the pool; the caller must not use it afterwards. A nil
// x is ignored.
func (p *Pool[T]) Put(x *T) {
	if x == nil {
		return
	}
	if p.kept.CompareAndSwap(nil, x) {
		return
	}
	p.pool.Put(x)
}
