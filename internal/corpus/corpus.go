// Package corpus gives statecraft's tests, benchmarks and example programs
// their news text, without the repository carrying anyone else's:
//
//   - the development sets in ../shared/dev next to the repository
//     (CoNLL-2003, Re-DocRED, ...), when they are there: research data that
//     the project may read but not redistribute;
//   - otherwise testdata/news/written.jsonl, 360 news-style documents
//     (0.5 MB) written for the project and published with it under its
//     licence.
//
// Every function says which one it used, so that a test or a benchmark can
// report it.
package corpus

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
)

// A Doc is one document of a corpus.
type Doc struct {
	ID   string
	Date string // YYYY-MM-DD, or "" when the corpus gives none
	Text string
}

// WrittenFile is the project's own corpus, relative to the repository root.
const WrittenFile = "testdata/news/written.jsonl"

// Root returns the repository's root directory: the nearest directory at
// or above the working directory whose go.mod declares the statecraft
// module.
func Root() (string, error) { return root() }

var root = sync.OnceValues(func() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		b, err := os.ReadFile(filepath.Join(dir, "go.mod"))
		if err == nil && bytes.HasPrefix(b, []byte("module github.com/statecraft/statecraft\n")) {
			return dir, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", errors.New("corpus: not inside the statecraft repository")
		}
		dir = parent
	}
})

// Shared returns the path of a file of the development data,
// ../shared/dev/name beside the repository, and whether it exists.
func Shared(name string) (string, bool) {
	r, err := Root()
	if err != nil {
		return "", false
	}
	p := filepath.Join(r, "..", "shared", "dev", name)
	_, err = os.Stat(p)
	return p, err == nil
}

// SharedMissing is the message with which a test that needs the
// development file name skips when [Shared] does not find it.
func SharedMissing(name string) string {
	return "../shared/dev/" + name + " not found: a fresh clone has no development data"
}

// Written returns the project's own corpus, in id order.
func Written() ([]Doc, error) {
	r, err := Root()
	if err != nil {
		return nil, err
	}
	return ReadJSONL(filepath.Join(r, WrittenFile))
}

// ReadJSONL reads a JSON Lines corpus: one {"id": ..., "text": ...,
// "date": ...} object per non-blank line (date optional, other fields
// ignored; the id may be any JSON value).
func ReadJSONL(path string) ([]Doc, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var docs []Doc
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 64<<10), 64<<20)
	for line := 1; sc.Scan(); line++ {
		b := bytes.TrimSpace(sc.Bytes())
		if len(b) == 0 {
			continue
		}
		var l struct {
			ID   json.RawMessage `json:"id"`
			Date string          `json:"date"`
			Text *string         `json:"text"`
		}
		if err := json.Unmarshal(b, &l); err != nil {
			return nil, fmt.Errorf("%s:%d: %v", path, line, err)
		}
		if l.Text == nil {
			return nil, fmt.Errorf("%s:%d: no text", path, line)
		}
		id := string(l.ID)
		var s string
		if json.Unmarshal(l.ID, &s) == nil {
			id = s
		}
		docs = append(docs, Doc{ID: id, Date: l.Date, Text: *l.Text})
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: %v", path, err)
	}
	return docs, nil
}

// News returns the benchmark corpus and its name: with ../shared/dev, the
// 216 documents of the CoNLL-2003 validation file (tokens joined by
// spaces, a sentence per line) and the first 200 documents of Re-DocRED
// dev (tokens joined by spaces), 416 documents and 0.5 MB of Reuters news
// and Wikipedia; without it, the written corpus.
func News() (docs []Doc, name string, err error) {
	conll, ok1 := Shared("conll2003-valid.txt")
	redoc, ok2 := Shared("redocred-dev.json")
	if ok1 && ok2 {
		docs, err := sharedNews(conll, redoc)
		nc := 0
		for _, d := range docs {
			if strings.HasPrefix(d.ID, "conll2003-valid-") {
				nc++
			}
		}
		return docs, fmt.Sprintf("../shared/dev: CoNLL-2003 validation (%d) and Re-DocRED dev (%d)", nc, len(docs)-nc), err
	}
	docs, err = Written()
	return docs, WrittenFile + " (written for the project)", err
}

func sharedNews(conll, redoc string) ([]Doc, error) {
	sents, err := ReadCoNLL(conll)
	if err != nil {
		return nil, err
	}
	var docs []Doc
	for i, d := range sents {
		var b strings.Builder
		for _, s := range d {
			b.WriteString(strings.Join(s, " "))
			b.WriteByte('\n')
		}
		docs = append(docs, Doc{ID: fmt.Sprintf("conll2003-valid-%03d", i+1), Text: b.String()})
	}
	b, err := os.ReadFile(redoc)
	if err != nil {
		return nil, err
	}
	var rd []struct {
		Sents [][]string `json:"sents"`
	}
	if err := json.Unmarshal(b, &rd); err != nil {
		return nil, fmt.Errorf("%s: %v", redoc, err)
	}
	for i, d := range rd[:min(200, len(rd))] {
		var words []string
		for _, s := range d.Sents {
			words = append(words, s...)
		}
		docs = append(docs, Doc{ID: fmt.Sprintf("redocred-dev-%03d", i+1), Text: strings.Join(words, " ")})
	}
	return docs, nil
}

// ReadCoNLL reads a CoNLL-2003 file as documents of sentences of tokens
// (the first column): "-DOCSTART-" lines start documents, blank lines end
// sentences. Documents without sentences are dropped.
func ReadCoNLL(path string) ([][][]string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var (
		docs [][][]string
		doc  [][]string
		sent []string
	)
	endSentence := func() {
		if len(sent) > 0 {
			doc = append(doc, sent)
			sent = nil
		}
	}
	endDoc := func() {
		endSentence()
		if len(doc) > 0 {
			docs = append(docs, doc)
		}
		doc = nil
	}
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 64<<10), 1<<20)
	for sc.Scan() {
		fields := strings.Fields(sc.Text())
		switch {
		case len(fields) == 0:
			endSentence()
		case fields[0] == "-DOCSTART-":
			endDoc()
		default:
			sent = append(sent, fields[0])
		}
	}
	endDoc()
	return docs, sc.Err()
}

// CoNLLHead returns the first n documents of a CoNLL-2003 file as they
// are written, a line per line with trailing blanks removed: everything
// before its (n+1)th "-DOCSTART-" line.
func CoNLLHead(path string, n int) (string, error) {
	f, err := os.Open(path)
	if err != nil {
		return "", err
	}
	defer f.Close()
	var b strings.Builder
	docs := 0
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 64<<10), 1<<20)
	for sc.Scan() {
		line := strings.TrimRight(sc.Text(), " \t\r")
		if strings.HasPrefix(line, "-DOCSTART-") {
			if docs++; docs > n {
				break
			}
		}
		b.WriteString(line)
		b.WriteByte('\n')
	}
	if err := sc.Err(); err != nil {
		return "", fmt.Errorf("%s: %v", path, err)
	}
	return b.String(), nil
}

// LongText returns one long news text of about n bytes and its source: the
// first documents of the CoNLL-2003 validation file (a sentence per line,
// a blank line between documents) with ../shared/dev, otherwise the first
// documents of the written corpus (blank lines between paragraphs and
// documents). Whole documents are taken until the text reaches n bytes.
func LongText(n int) (text, name string, err error) {
	if p, ok := Shared("conll2003-valid.txt"); ok {
		docs, err := ReadCoNLL(p)
		if err != nil {
			return "", "", err
		}
		var b strings.Builder
		for _, d := range docs {
			if b.Len() >= n {
				break
			}
			for _, s := range d {
				b.WriteString(strings.Join(s, " "))
				b.WriteByte('\n')
			}
			b.WriteByte('\n')
		}
		return b.String(), "../shared/dev/conll2003-valid.txt", nil
	}
	docs, err := Written()
	if err != nil {
		return "", "", err
	}
	var b strings.Builder
	for _, d := range docs {
		if b.Len() >= n {
			break
		}
		b.WriteString(d.Text)
		b.WriteString("\n\n")
	}
	return b.String(), WrittenFile, nil
}
