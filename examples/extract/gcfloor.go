package main

import (
	"os"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"sync/atomic"
)

// The garbage collector's default (GOGC=100) starts a cycle whenever the
// heap has grown by as much as was live after the last one. extract's live
// heap is small (about 10 MB: the models are read in place) while it
// allocates several times that per megabyte of news, so with the default
// it collects every few documents and spends about 7 % of its
// instructions there. A heap floor lets the heap grow to a fixed size
// before a cycle while the live heap is small, and leaves the default
// alone when it is not: after each cycle GOGC becomes the percentage that
// puts the next cycle's goal at the larger of the floor and twice the live
// heap (never below 100, so the goal is never lower than the default's,
// and never above maxGCPercent). Peak memory is therefore about the
// larger of the floor and what the default gives; an 8 MiB document, whose
// live heap is well above half the floor, runs with GOGC=100 as before.

// gcFloorBytes is the heap goal below which extract does not collect.
const gcFloorBytes = 64 << 20

// maxGCPercent bounds the GOGC that the floor sets.
const maxGCPercent = 1000

// gcFloor keeps the garbage collector's goal at or above a heap size. It
// adjusts GOGC after every collection, from a finalizer.
type gcFloor struct {
	floor   uint64
	stopped atomic.Bool
	percent atomic.Int32 // the GOGC set last
	sample  [1]metrics.Sample
}

// startGCFloor sets up a heap floor of floor bytes, unless the user chose
// the collector's settings with GOGC or GOMEMLIMIT, in which case it does
// nothing and returns nil. Stop it with stop.
func startGCFloor(floor uint64) *gcFloor {
	if _, ok := os.LookupEnv("GOGC"); ok {
		return nil
	}
	if _, ok := os.LookupEnv("GOMEMLIMIT"); ok {
		return nil
	}
	f := &gcFloor{floor: floor}
	f.sample[0].Name = "/gc/heap/live:bytes"
	f.percent.Store(100)
	f.adjust()
	f.arm()
	return f
}

// gcSentinel is an object that becomes garbage at once: its finalizer
// runs after the collection that freed it. It holds a pointer so that it
// is not a tiny allocation (whose finalizers may never run).
type gcSentinel struct{ f *gcFloor }

// arm allocates the next sentinel.
func (f *gcFloor) arm() {
	s := &gcSentinel{f: f}
	runtime.SetFinalizer(s, func(s *gcSentinel) {
		if s.f.stopped.Load() {
			return
		}
		s.f.adjust()
		s.f.arm()
	})
}

// adjust sets GOGC from the live heap of the last collection.
func (f *gcFloor) adjust() {
	metrics.Read(f.sample[:])
	var live uint64
	if f.sample[0].Value.Kind() == metrics.KindUint64 {
		live = f.sample[0].Value.Uint64()
	}
	p := floorPercent(f.floor, live)
	if f.percent.Swap(int32(p)) != int32(p) {
		debug.SetGCPercent(p)
	}
}

// floorPercent is the GOGC that puts the heap goal after a collection
// that left live bytes at max(floor, 2×live), within [100, maxGCPercent].
// Before the first collection (live 0) it is maxGCPercent: the heap is
// still small.
func floorPercent(floor, live uint64) int {
	if live == 0 {
		return maxGCPercent
	}
	if live >= floor/2 {
		return 100
	}
	p := (floor - live) * 100 / live
	return int(min(max(p, 100), maxGCPercent))
}

// stop ends the floor and restores GOGC=100. A nil floor does nothing.
func (f *gcFloor) stop() {
	if f == nil {
		return
	}
	f.stopped.Store(true)
	debug.SetGCPercent(100)
}
