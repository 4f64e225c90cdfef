// Package words holds the list of common English words that the gazetteer's
// fuzzy matcher never treats as a misspelt name ("States", "Union",
// "Nation" at the start of a sentence). See gen.go for its source.
package words

//go:generate go run gen.go

import (
	_ "embed"
	"strings"
	"sync"
)

//go:embed words.txt
var list string

// common is built on first use: programs that never ask pay nothing.
var common = sync.OnceValue(func() map[string]struct{} {
	m := make(map[string]struct{}, 4096)
	for _, line := range strings.Split(list, "\n") {
		if line != "" && line[0] != '#' {
			m[line] = struct{}{}
		}
	}
	return m
})

// Common reports whether w, a case-folded word, is a common English word.
func Common(w []byte) bool {
	_, ok := common()[string(w)]
	return ok
}

// Len returns the number of words in the list.
func Len() int { return len(common()) }
