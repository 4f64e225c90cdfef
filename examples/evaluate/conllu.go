package main

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"os"
	"sort"
	"strconv"
	"strings"

	"github.com/statecraft/statecraft/entities"
)

// udSentence is one sentence of a CoNLL-U file: its syntactic words (not
// multiword-token ranges or empty nodes) with the gold tag, head (0 for
// the root) and relation.
type udSentence struct {
	words, xpos, rels []string
	heads             []int
}

// readCoNLLU reads the sentences of a CoNLL-U file. It reports the first
// malformed line with its number.
func readCoNLLU(r io.Reader, name string) ([]udSentence, error) {
	var (
		out []udSentence
		cur udSentence
	)
	flush := func() {
		if len(cur.words) > 0 {
			out = append(out, cur)
		}
		cur = udSentence{}
	}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64<<10), 1<<20)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimRight(sc.Text(), "\r")
		switch {
		case line == "":
			flush()
			continue
		case strings.HasPrefix(line, "#"):
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) != 10 {
			return nil, fmt.Errorf("%s:%d: %d columns, want 10", name, n, len(f))
		}
		if strings.ContainsAny(f[0], "-.") { // a multiword range or an empty node
			continue
		}
		id, err1 := strconv.Atoi(f[0])
		head, err2 := strconv.Atoi(f[6])
		if err1 != nil || err2 != nil || id != len(cur.words)+1 || head < 0 || f[1] == "" {
			return nil, fmt.Errorf("%s:%d: bad ID, HEAD or FORM", name, n)
		}
		cur.words = append(cur.words, f[1])
		cur.xpos = append(cur.xpos, f[4])
		cur.heads = append(cur.heads, head)
		cur.rels = append(cur.rels, f[7])
	}
	flush()
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: %v", name, err)
	}
	for i, s := range out {
		for _, h := range s.heads {
			if h > len(s.words) {
				return nil, fmt.Errorf("%s: sentence %d: head %d of %d words", name, i+1, h, len(s.words))
			}
		}
	}
	return out, nil
}

// parseScore counts words, right heads, right heads and relations, and
// right tags, in total and per gold relation.
type parseScore struct {
	words, heads, labeled, tags int
	byRel                       map[string][3]int // words, right heads, right heads and relations
}

// evalCoNLLU parses the gold words of each sentence of a CoNLL-U file with
// the project's own tags (entities.Extractor.TagWords, which tags and
// parses a given sentence) and reports UAS, LAS and tag accuracy,
// punctuation included as the CoNLL 2018 shared task counts, and the
// scores of the most frequent relations.
func evalCoNLLU(path string, out io.Writer) error {
	ex, err := entities.New(entities.WithParse(entities.ParseAll))
	if err != nil {
		return err
	}
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	sents, err := readCoNLLU(f, path)
	if err != nil {
		return err
	}
	sc := parseScore{byRel: map[string][3]int{}}
	for i, s := range sents {
		doc, err := ex.TagWords(context.Background(), s.words)
		if err != nil {
			return fmt.Errorf("%s: sentence %d: %w", path, i+1, err)
		}
		for j, t := range doc.Tokens {
			head := t.Head + 1 // 0 for the root
			sc.words++
			r := sc.byRel[s.rels[j]]
			r[0]++
			if t.Tag == s.xpos[j] {
				sc.tags++
			}
			if t.Dep != "" && head == s.heads[j] {
				sc.heads++
				r[1]++
				if t.Dep == s.rels[j] {
					sc.labeled++
					r[2]++
				}
			}
			sc.byRel[s.rels[j]] = r
		}
	}
	pct := func(a, b int) float64 {
		if b == 0 {
			return 0
		}
		return 100 * float64(a) / float64(b)
	}
	fmt.Fprintf(out, "CoNLL-U %s: %d sentences, %d words (gold tokens, statecraft's tags and parse, punctuation included)\n", path, len(sents), sc.words)
	fmt.Fprintf(out, "  UAS %.2f  LAS %.2f  tag accuracy against XPOS %.2f\n", pct(sc.heads, sc.words), pct(sc.labeled, sc.words), pct(sc.tags, sc.words))
	rels := make([]string, 0, len(sc.byRel))
	for r := range sc.byRel {
		rels = append(rels, r)
	}
	sort.Slice(rels, func(i, j int) bool {
		a, b := sc.byRel[rels[i]][0], sc.byRel[rels[j]][0]
		return a > b || a == b && rels[i] < rels[j]
	})
	fmt.Fprintf(out, "  %-14s %7s %7s %7s\n", "relation", "words", "UAS", "LAS")
	for _, r := range rels[:min(15, len(rels))] {
		c := sc.byRel[r]
		fmt.Fprintf(out, "  %-14s %7d %7.2f %7.2f\n", r, c[0], pct(c[1], c[0]), pct(c[2], c[0]))
	}
	return nil
}
