//go:build ignore

// gen builds news.jsonl, the benchmark corpus of examples/bench, from the
// public development sets in ../shared/dev (see README.md here):
//
//	go run testdata/news/gen.go -conll ../shared/dev/conll2003-valid.txt -redocred ../shared/dev/redocred-dev.json
//
// CoNLL-2003 validation documents (Reuters news, 1996) become texts with
// their tokens joined by spaces and one sentence per line; the first
// -redocred-docs Re-DocRED dev documents (Wikipedia introductions) become
// one paragraph each, tokens and sentences joined by spaces, as
// examples/evaluate rebuilds them. Gold labels are not copied.
package main

import (
	"bufio"
	"encoding/json"
	"flag"
	"fmt"
	"log"
	"os"
	"strings"
)

func main() {
	conll := flag.String("conll", "../shared/dev/conll2003-valid.txt", "CoNLL-2003 `file`")
	redoc := flag.String("redocred", "../shared/dev/redocred-dev.json", "Re-DocRED JSON `file`")
	nRedoc := flag.Int("redocred-docs", 200, "number of Re-DocRED documents to take")
	out := flag.String("out", "testdata/news/news.jsonl", "output `file`")
	flag.Parse()

	type line struct {
		ID   string `json:"id"`
		Text string `json:"text"`
	}
	var lines []line
	texts, err := readCoNLL(*conll)
	if err != nil {
		log.Fatal(err)
	}
	for i, t := range texts {
		lines = append(lines, line{fmt.Sprintf("conll2003-valid-%03d", i+1), t})
	}
	b, err := os.ReadFile(*redoc)
	if err != nil {
		log.Fatal(err)
	}
	var docs []struct {
		Sents [][]string `json:"sents"`
	}
	if err := json.Unmarshal(b, &docs); err != nil {
		log.Fatal(err)
	}
	for i, d := range docs[:min(*nRedoc, len(docs))] {
		var words []string
		for _, s := range d.Sents {
			words = append(words, s...)
		}
		lines = append(lines, line{fmt.Sprintf("redocred-dev-%03d", i+1), strings.Join(words, " ")})
	}
	f, err := os.Create(*out)
	if err != nil {
		log.Fatal(err)
	}
	w := bufio.NewWriter(f)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	for _, l := range lines {
		if err := enc.Encode(l); err != nil {
			log.Fatal(err)
		}
	}
	if err := w.Flush(); err != nil {
		log.Fatal(err)
	}
	if err := f.Close(); err != nil {
		log.Fatal(err)
	}
}

// readCoNLL returns the texts of a CoNLL-2003 file's documents: tokens
// joined by spaces, one sentence per line.
func readCoNLL(path string) ([]string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var (
		texts []string
		doc   strings.Builder
		sent  []string
	)
	endSentence := func() {
		if len(sent) > 0 {
			doc.WriteString(strings.Join(sent, " "))
			doc.WriteByte('\n')
			sent = sent[:0]
		}
	}
	endDoc := func() {
		endSentence()
		if doc.Len() > 0 {
			texts = append(texts, doc.String())
		}
		doc.Reset()
	}
	sc := bufio.NewScanner(f)
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
	return texts, sc.Err()
}
