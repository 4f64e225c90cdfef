package main

import (
	"bytes"
	"os"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/statecraft/statecraft/internal/corpus"
)

// A small treebank written for this test: gold trees of news sentences.
const tinyTreebank = `# sent_id = 1
# text = Russia recognized Abkhazia.
1	Russia	_	PROPN	NNP	_	2	nsubj	_	_
2	recognized	_	VERB	VBD	_	0	root	_	_
3	Abkhazia	_	PROPN	NNP	_	2	obj	_	SpaceAfter=No
4	.	_	PUNCT	.	_	2	punct	_	_

# sent_id = 2
1-2	Georgia's	_	_	_	_	_	_	_	_
1	Georgia	_	PROPN	NNP	_	3	nmod:poss	_	_
2	's	_	PART	POS	_	1	case	_	_
3	minister	_	NOUN	NN	_	4	nsubj	_	_
4	resigned	_	VERB	VBD	_	0	root	_	_
4.1	left	_	VERB	VBD	_	_	_	0:root	_
5	.	_	PUNCT	.	_	4	punct	_	_
`

func TestReadCoNLLU(t *testing.T) {
	sents, err := readCoNLLU(strings.NewReader(tinyTreebank), "tiny")
	if err != nil {
		t.Fatal(err)
	}
	if len(sents) != 2 || strings.Join(sents[1].words, " ") != "Georgia 's minister resigned ." || sents[1].heads[2] != 4 || sents[1].rels[0] != "nmod:poss" {
		t.Fatalf("read %+v", sents)
	}
	for _, bad := range []string{
		"1\tRussia\t_\tPROPN\tNNP\t_\t2\tnsubj\t_\n",   // nine columns
		"2\tRussia\t_\tPROPN\tNNP\t_\t0\troot\t_\t_\n", // IDs not from 1
		"1\tRussia\t_\tPROPN\tNNP\t_\tx\troot\t_\t_\n", // bad HEAD
		"1\tRussia\t_\tPROPN\tNNP\t_\t5\troot\t_\t_\n", // head past the sentence
		"1\t\t_\tPROPN\tNNP\t_\t0\troot\t_\t_\n",       // empty FORM
	} {
		if _, err := readCoNLLU(strings.NewReader(bad), "bad"); err == nil {
			t.Errorf("accepted %q", bad)
		}
	}
}

var scoreLine = regexp.MustCompile(`UAS ([0-9.]+)  LAS ([0-9.]+)  tag accuracy against XPOS ([0-9.]+)`)

// parseScores runs evalCoNLLU on path and returns UAS, LAS and tag
// accuracy.
func parseScores(t *testing.T, path string) (uas, las, tags float64) {
	t.Helper()
	var out bytes.Buffer
	if err := evalCoNLLU(path, &out); err != nil {
		t.Fatal(err)
	}
	m := scoreLine.FindStringSubmatch(out.String())
	if m == nil {
		t.Fatalf("no scores in\n%s", out.String())
	}
	t.Log(out.String())
	uas, _ = strconv.ParseFloat(m[1], 64)
	las, _ = strconv.ParseFloat(m[2], 64)
	tags, _ = strconv.ParseFloat(m[3], 64)
	return uas, las, tags
}

// TestCoNLLUScores scores the tiny treebank: the figures are percentages
// with LAS at most UAS, and the simple first sentence is parsed right.
func TestCoNLLUScores(t *testing.T) {
	path := t.TempDir() + "/tiny.conllu"
	if err := os.WriteFile(path, []byte(tinyTreebank), 0o644); err != nil {
		t.Fatal(err)
	}
	uas, las, tags := parseScores(t, path)
	if uas < 50 || uas > 100 || las > uas || tags < 80 {
		t.Errorf("UAS %.2f LAS %.2f tags %.2f", uas, las, tags)
	}
}

// TestEWTDevFloor parses UD English EWT dev when ../shared/dev has it and
// holds the parser to the figures it reached when it was trained (a
// floor, not the target).
func TestEWTDevFloor(t *testing.T) {
	if testing.Short() {
		t.Skip("parses 2,000 sentences")
	}
	path, ok := corpus.Shared("ud-english-ewt/en_ewt-ud-dev.conllu")
	if !ok {
		t.Skip("../shared/dev/ud-english-ewt not found: a fresh clone has no development data")
	}
	uas, las, _ := parseScores(t, path)
	if uas < 80 || las < 75 {
		t.Errorf("EWT dev UAS %.2f LAS %.2f, floors 80 and 75", uas, las)
	}
}
