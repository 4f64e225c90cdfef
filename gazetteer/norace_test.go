//go:build !race

package gazetteer

const raceEnabled = false
