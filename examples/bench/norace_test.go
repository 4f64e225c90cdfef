//go:build !race

package main

// raceEnabled reports whether the tests run with the race detector, which
// slows model decoding several times: timing bounds are not checked then.
const raceEnabled = false
