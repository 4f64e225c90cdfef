package main

import (
	"github.com/statecraft/statecraft/internal/corpus"
)

// A document is one line of a JSONL corpus.
type document struct {
	ID   string
	Text string
}

// readDocs reads the corpus at path, or the default corpus when path is
// empty (see corpus.News), and returns its documents and its name.
func readDocs(path string) ([]document, string, error) {
	var (
		docs []corpus.Doc
		name = path
		err  error
	)
	if path == "" {
		docs, name, err = corpus.News()
	} else {
		docs, err = corpus.ReadJSONL(path)
	}
	if err != nil {
		return nil, "", err
	}
	out := make([]document, len(docs))
	for i, d := range docs {
		out[i] = document{ID: d.ID, Text: d.Text}
	}
	return out, name, nil
}
