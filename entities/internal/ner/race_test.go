//go:build race

package ner

const raceEnabled = true
