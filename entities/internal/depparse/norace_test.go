//go:build !race

package depparse

const raceEnabled = false
