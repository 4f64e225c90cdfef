package depparse

import (
	"bufio"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// Sentence is one sentence with its gold tree, for [Train] and [Evaluate].
// Words, Tags, Heads and Rels have one element per word.
type Sentence struct {
	Words []string // word forms
	Tags  []string // the caller's Penn Treebank tags (entities'), as Parse receives them
	POS   []string // the treebank's XPOS tags, which [Train] teaches the tagger; nil: Tags
	Heads []int32  // index of each word's head in Words, -1 for the root
	Rels  []string // relation of each word to its head ("nsubj", "obl:tmod", "root", ...)
}

// check reports the first defect of s: mismatched lengths, an empty word,
// a head out of range, or not exactly one root.
func (s *Sentence) check() error {
	n := len(s.Words)
	if len(s.Tags) != n || len(s.Heads) != n || len(s.Rels) != n || s.POS != nil && len(s.POS) != n {
		return fmt.Errorf("%d words, %d tags, %d POS, %d heads, %d relations", n, len(s.Tags), len(s.POS), len(s.Heads), len(s.Rels))
	}
	roots := 0
	for i, h := range s.Heads {
		if h < -1 || int(h) >= n || int(h) == i {
			return fmt.Errorf("word %d: head %d", i+1, h)
		}
		if h == -1 {
			roots++
		}
		if s.Rels[i] == "" {
			return fmt.Errorf("word %d: empty relation", i+1)
		}
	}
	if n > 0 && roots != 1 {
		return fmt.Errorf("%d roots", roots)
	}
	// A cycle leaves some word without a path to the root.
	for i := range n {
		j, steps := int32(i), 0
		for j != -1 && steps <= n {
			j, steps = s.Heads[j], steps+1
		}
		if j != -1 {
			return fmt.Errorf("word %d: cycle", i+1)
		}
	}
	return nil
}

// ReadCoNLLU reads the sentences of a CoNLL-U file: FORM, XPOS (as Tags
// and, in another slice, as POS),
// HEAD and DEPREL of every word line. Comment lines, multiword-token
// ranges ("1-2") and empty nodes ("8.1") are skipped. Malformed lines and
// trees that are not trees are errors, reported with their line numbers.
func ReadCoNLLU(r io.Reader) ([]Sentence, error) {
	var (
		out  []Sentence
		cur  Sentence
		line int
		errs ErrorList
	)
	flush := func() {
		if len(cur.Words) == 0 {
			return
		}
		if err := cur.check(); err != nil {
			errs = append(errs, fmt.Errorf("depparse: sentence ending at line %d: %w", line, err))
		} else {
			out = append(out, cur)
		}
		cur = Sentence{}
	}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64<<10), 1<<24)
	for sc.Scan() {
		line++
		t := sc.Text()
		if t == "" {
			flush()
			continue
		}
		if t[0] == '#' {
			continue
		}
		f := strings.Split(t, "\t")
		if len(f) != 10 {
			errs = append(errs, fmt.Errorf("depparse: line %d: %d fields, want 10", line, len(f)))
			continue
		}
		if strings.ContainsAny(f[0], "-.") {
			continue
		}
		id, err1 := strconv.Atoi(f[0])
		head, err2 := strconv.Atoi(f[6])
		if err1 != nil || err2 != nil || id != len(cur.Words)+1 {
			errs = append(errs, fmt.Errorf("depparse: line %d: bad ID %q or HEAD %q", line, f[0], f[6]))
			continue
		}
		cur.Words = append(cur.Words, f[1])
		cur.Tags = append(cur.Tags, f[4])
		cur.POS = append(cur.POS, f[4])
		cur.Heads = append(cur.Heads, int32(head-1))
		cur.Rels = append(cur.Rels, f[7])
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	flush()
	if len(errs) > 0 {
		return out, errs
	}
	return out, nil
}

// ErrorList is a list of errors found in one input; it implements error.
type ErrorList []error

// Error returns the first error and the number of the others.
func (l ErrorList) Error() string {
	switch len(l) {
	case 0:
		return "no errors"
	case 1:
		return l[0].Error()
	}
	return fmt.Sprintf("%s (and %d more errors)", l[0], len(l)-1)
}

// Unwrap returns the errors of the list, for errors.Is and errors.As.
func (l ErrorList) Unwrap() []error { return l }
