package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"os"
)

// A document is one line of a JSONL corpus.
type document struct {
	ID   string
	Text string
}

// readCorpus reads a JSONL corpus: one {"id": ..., "text": ...} object per
// non-blank line; other fields are ignored. The id may be any JSON value.
func readCorpus(path string) ([]document, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return parseCorpus(f, path)
}

func parseCorpus(r io.Reader, name string) ([]document, error) {
	var docs []document
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64<<10), 64<<20)
	line := 0
	for sc.Scan() {
		line++
		b := sc.Bytes()
		if len(b) == 0 {
			continue
		}
		var l struct {
			ID   json.RawMessage `json:"id"`
			Text *string         `json:"text"`
		}
		if err := json.Unmarshal(b, &l); err != nil {
			return nil, fmt.Errorf("%s:%d: %v", name, line, err)
		}
		if l.Text == nil {
			return nil, fmt.Errorf("%s:%d: no text", name, line)
		}
		id := string(l.ID)
		var s string
		if json.Unmarshal(l.ID, &s) == nil {
			id = s
		}
		docs = append(docs, document{ID: id, Text: *l.Text})
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: %v", name, err)
	}
	return docs, nil
}
