//go:build race

package main

// raceEnabled reports whether the tests run with the race detector, which
// makes the pipeline about twenty times slower: the largest corpora
// shrink.
const raceEnabled = true
