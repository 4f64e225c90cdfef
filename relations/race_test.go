//go:build race

package relations_test

// raceFactor scales time limits under the race detector.
const raceFactor = 10
