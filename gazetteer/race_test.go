//go:build race

package gazetteer

// raceEnabled reports whether the tests run with the race detector, which
// multiplies memory and time: the largest tests then shrink or skip.
const raceEnabled = true
