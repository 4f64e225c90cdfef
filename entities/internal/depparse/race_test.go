//go:build race

package depparse

const raceEnabled = true
