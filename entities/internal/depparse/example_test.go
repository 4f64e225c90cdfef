package depparse_test

import (
	"context"
	"fmt"
	"strings"

	"github.com/statecraft/statecraft/entities"
	"github.com/statecraft/statecraft/entities/internal/depparse"
)

// Parse a sentence tagged by entities: for each word, the index of its
// head (-1 for the root) and its relation.
func ExampleModel_Parse() {
	ex, err := entities.New()
	if err != nil {
		panic(err)
	}
	m, err := depparse.Default()
	if err != nil {
		panic(err)
	}
	words := strings.Fields("Russia and China signed the agreement .")
	doc, err := ex.TagWords(context.Background(), words)
	if err != nil {
		panic(err)
	}
	tags := make([]string, len(words))
	for i, t := range doc.Tokens {
		tags[i] = t.Tag
	}
	heads := make([]int32, len(words))
	rels := make([]depparse.Rel, len(words))
	var s depparse.Scratch // one per goroutine, reused across sentences
	if err := m.Parse(words, tags, heads, rels, &s); err != nil {
		panic(err)
	}
	for i, w := range words {
		fmt.Printf("%d %-9s [%d:%d] %-4s head %2d %s\n", i, w, doc.Tokens[i].Start, doc.Tokens[i].End, tags[i], heads[i], m.Label(rels[i]))
	}
	// Output:
	// 0 Russia    [0:6] NNP  head  3 nsubj
	// 1 and       [7:10] CC   head  2 cc
	// 2 China     [11:16] NNP  head  0 conj
	// 3 signed    [17:23] VBD  head -1 root
	// 4 the       [24:27] DT   head  5 det
	// 5 agreement [28:37] NN   head  3 obj
	// 6 .         [38:39] .    head  3 punct
}
