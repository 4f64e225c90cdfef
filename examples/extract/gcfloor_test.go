package main

import (
	"os"
	"runtime"
	"runtime/debug"
	"testing"
	"time"
)

// TestFloorPercent checks that the GOGC of the heap floor puts the goal
// (live × (1 + GOGC/100)) at the larger of the floor and twice the live
// heap, within [100, maxGCPercent], against the plain computation.
func TestFloorPercent(t *testing.T) {
	const floor = 64 << 20
	if got := floorPercent(floor, 0); got != maxGCPercent {
		t.Errorf("floorPercent(floor, 0) = %d, want %d", got, maxGCPercent)
	}
	for _, live := range []uint64{1, 1 << 10, 1 << 20, 5 << 20, 6 << 20, 9 << 20, 10 << 20, 20 << 20, 31 << 20, 32 << 20, 33 << 20, 100 << 20, 1 << 30} {
		p := floorPercent(floor, live)
		if p < 100 || p > maxGCPercent {
			t.Fatalf("floorPercent(%d) = %d, out of [100, %d]", live, p, maxGCPercent)
		}
		goal := live + live*uint64(p)/100
		want := max(uint64(floor), 2*live)
		if p == maxGCPercent {
			want = min(want, live+live*maxGCPercent/100)
		}
		// Integer division: the goal is at most 1 % of live below want.
		if goal > want || want-goal > live/100+1 {
			t.Errorf("live %d: GOGC %d, goal %d, want %d", live, p, goal, want)
		}
	}
}

// TestGCFloor checks the floor at work: with a small live heap GOGC goes
// above 100 after a collection, with a live heap over half the floor it
// comes back to 100, and stop restores 100. The user's GOGC is left alone.
func TestGCFloor(t *testing.T) {
	t.Setenv("GOGC", "100")
	if startGCFloor(1<<20) != nil {
		t.Fatal("startGCFloor ran although GOGC is set")
	}
	// t.Setenv restores the variables after the test; drop them for it.
	for _, v := range []string{"GOGC", "GOMEMLIMIT"} {
		t.Setenv(v, "")
		os.Unsetenv(v)
	}
	defer debug.SetGCPercent(debug.SetGCPercent(100))

	const floor = 32 << 20
	f := startGCFloor(floor)
	if f == nil {
		t.Fatal("startGCFloor did nothing without GOGC")
	}
	defer f.stop()
	wait := func(want func(int32) bool, what string) {
		t.Helper()
		deadline := time.Now().Add(10 * time.Second)
		for time.Now().Before(deadline) {
			runtime.GC()
			time.Sleep(10 * time.Millisecond) // let the finalizer run
			if want(f.percent.Load()) {
				return
			}
		}
		t.Fatalf("GOGC %d: want %s", f.percent.Load(), what)
	}
	wait(func(p int32) bool { return p > 100 }, "above 100 with a small live heap")
	gcFloorLive = make([]byte, floor) // live: over half the floor
	wait(func(p int32) bool { return p == 100 }, "100 with a live heap over half the floor")
	gcFloorLive = nil
	wait(func(p int32) bool { return p > 100 }, "above 100 again")
	f.stop()
	if p := debug.SetGCPercent(100); p != 100 {
		t.Errorf("after stop, GOGC = %d, want 100", p)
	}
}

// gcFloorLive holds TestGCFloor's live heap.
var gcFloorLive []byte
