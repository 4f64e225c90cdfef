package ner

import (
	"bufio"
	"fmt"
	"io"
	"strings"
)

// ReadCoNLL reads a CoNLL-2003 style file: one token per line with its tag
// in the last whitespace-separated field (the word is the first), blank
// lines between sentences, "-DOCSTART-" lines between documents (skipped).
// Tags may be IOB1 (I- begins an entity unless it continues one of the same
// type) or IOB2; both are returned as IOB2.
func ReadCoNLL(r io.Reader) ([]Sentence, error) {
	docs, err := ReadCoNLLDocs(r)
	if err != nil {
		return nil, err
	}
	var sents []Sentence
	for _, d := range docs {
		sents = append(sents, d...)
	}
	return sents, nil
}

// ReadCoNLLDocs is [ReadCoNLL] with the sentences grouped into documents:
// a "-DOCSTART-" line begins a new one. Documents without sentences are
// dropped; sentences before the first "-DOCSTART-" make a document of
// their own.
func ReadCoNLLDocs(r io.Reader) ([][]Sentence, error) {
	var docs [][]Sentence
	var sents []Sentence
	var cur Sentence
	flush := func() {
		if len(cur.Words) > 0 {
			sents = append(sents, cur)
		}
		cur = Sentence{}
	}
	endDoc := func() {
		flush()
		if len(sents) > 0 {
			docs = append(docs, sents)
		}
		sents = nil
	}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64<<10), 1<<20)
	line := 0
	for sc.Scan() {
		line++
		f := strings.Fields(sc.Text())
		if len(f) == 0 {
			flush()
			continue
		}
		if f[0] == "-DOCSTART-" {
			endDoc()
			continue
		}
		if len(f) < 2 {
			return nil, fmt.Errorf("ner: line %d: want a word and a tag", line)
		}
		l, ok := ParseLabel(f[len(f)-1])
		if !ok {
			return nil, fmt.Errorf("ner: line %d: unknown tag %q", line, f[len(f)-1])
		}
		if l.IsInside() {
			n := len(cur.Labels)
			if n == 0 || cur.Labels[n-1].Kind() != l.Kind() {
				l = Begin(l.Kind()) // IOB1
			}
		}
		cur.Words = append(cur.Words, f[0])
		cur.Labels = append(cur.Labels, l)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("ner: %w", err)
	}
	endDoc()
	return docs, nil
}

// HeldOut splits CoNLL-2003 documents into those to train on and the last
// fraction of them (rounded down, at least one when frac > 0 and there are
// two or more documents), kept aside as an untouched check. The split
// depends only on the number of documents.
func HeldOut(docs [][]Sentence, frac float64) (train, held [][]Sentence) {
	n := int(float64(len(docs)) * frac)
	if frac > 0 && n == 0 && len(docs) > 1 {
		n = 1
	}
	n = max(0, min(n, len(docs)))
	return docs[:len(docs)-n], docs[len(docs)-n:]
}

// Counts are span-level evaluation counts: an entity counts as found only
// if both its token boundaries and its kind match (strict CoNLL scoring).
type Counts struct {
	TP, FP, FN int
}

// Precision returns TP / (TP + FP), 0 when nothing was predicted.
func (c Counts) Precision() float64 { return ratio(c.TP, c.TP+c.FP) }

// Recall returns TP / (TP + FN), 0 when there is nothing to find.
func (c Counts) Recall() float64 { return ratio(c.TP, c.TP+c.FN) }

// F1 returns the harmonic mean of precision and recall.
func (c Counts) F1() float64 { return ratio(2*c.TP, 2*c.TP+c.FP+c.FN) }

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// Eval accumulates strict span counts per kind. The zero value is empty.
type Eval struct {
	Kinds      [NumKinds]Counts // indexed by Kind; Kinds[None] is unused
	gold, pred []Span
}

// Add compares one sentence's predicted labels with the gold ones.
func (e *Eval) Add(gold, pred []Label) {
	e.gold = AppendSpans(e.gold[:0], gold)
	e.pred = AppendSpans(e.pred[:0], pred)
	in := func(s Span, set []Span) bool {
		for _, t := range set {
			if t == s {
				return true
			}
		}
		return false
	}
	for _, s := range e.gold {
		if in(s, e.pred) {
			e.Kinds[s.Kind].TP++
		} else {
			e.Kinds[s.Kind].FN++
		}
	}
	for _, s := range e.pred {
		if !in(s, e.gold) {
			e.Kinds[s.Kind].FP++
		}
	}
}

// Total sums the counts of the given kinds.
func (e *Eval) Total(kinds ...Kind) Counts {
	var c Counts
	for _, k := range kinds {
		c.TP += e.Kinds[k].TP
		c.FP += e.Kinds[k].FP
		c.FN += e.Kinds[k].FN
	}
	return c
}

// String formats the figures per kind, over PER/LOC/ORG and over all four.
func (e *Eval) String() string {
	var b strings.Builder
	row := func(name string, c Counts) {
		fmt.Fprintf(&b, "%-12s P %6.2f  R %6.2f  F1 %6.2f  (tp %d fp %d fn %d)\n",
			name, 100*c.Precision(), 100*c.Recall(), 100*c.F1(), c.TP, c.FP, c.FN)
	}
	for k := PER; k <= MISC; k++ {
		row(k.String(), e.Kinds[k])
	}
	row("PER/LOC/ORG", e.Total(PER, LOC, ORG))
	row("all", e.Total(PER, LOC, ORG, MISC))
	return b.String()
}
