// Package lexicon holds word lists that the entity recogniser needs. See
// gen.go for their source.
package lexicon

//go:generate go run gen.go

import (
	_ "embed"
	"strings"
	"sync"
)

//go:embed lower.txt
var lowerList string

// lower is built on first use: programs that never ask pay nothing.
var lower = sync.OnceValue(func() map[string]struct{} {
	m := make(map[string]struct{}, 16384)
	for _, line := range strings.Split(lowerList, "\n") {
		if line != "" && line[0] != '#' {
			m[line] = struct{}{}
		}
	}
	return m
})

// Lower reports whether w, in lower case, is a word that news writes in
// lower case: a capitalised "Sorry" or "Team" is such a word, not a name.
func Lower(w string) bool {
	_, ok := lower()[w]
	return ok
}
