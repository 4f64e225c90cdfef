package depparse_test

import (
	"context"
	"strings"
	"testing"

	"github.com/statecraft/statecraft/entities"
	"github.com/statecraft/statecraft/entities/internal/depparse"
)

// arc is an expected dependency: the word at index dep has the word at
// index head (-1: the root) as its head, with one of the relations rels
// (separated by "|").
type arc struct {
	dep, head int
	rels      string
}

// newsCases are the constructions that statecraft's relation rules read.
// Words are split as the tokenizer splits them; the tags come from
// entities.TagWords, as in the pipeline.
var newsCases = []struct {
	name  string
	words string
	arcs  []arc
}{
	{"passive with by", "Abkhazia was recognized by Russia .", []arc{
		{0, 2, "nsubj:pass"}, {1, 2, "aux:pass"}, {2, -1, "root"}, {3, 4, "case"}, {4, 2, "obl:agent|obl"},
	}},
	{"apposition and possessive", "Sergei Lavrov , Russia 's foreign minister , said the talks failed .", []arc{
		{1, 0, "flat"}, {0, 8, "nsubj"}, {6, 0, "appos"}, {3, 6, "nmod:poss"}, {4, 3, "case"}, {5, 6, "amod"},
		{8, -1, "root"}, {10, 11, "nsubj"}, {11, 8, "ccomp"},
	}},
	{"coordinated states", "Russia and China signed the agreement .", []arc{
		{0, 3, "nsubj"}, {2, 0, "conj"}, {1, 2, "cc"}, {3, -1, "root"}, {5, 3, "obj"}, {6, 3, "punct"},
	}},
	{"which includes", "NATO , which includes Turkey , met on Monday .", []arc{
		{0, 6, "nsubj"}, {3, 0, "acl:relcl"}, {2, 3, "nsubj"}, {4, 3, "obj"}, {6, -1, "root"}, {8, 6, "obl"}, {7, 8, "case"},
	}},
	{"relative clause", "The diplomat who negotiated the deal resigned .", []arc{
		{1, 6, "nsubj"}, {3, 1, "acl:relcl"}, {2, 3, "nsubj"}, {5, 3, "obj"}, {6, -1, "root"},
	}},
	{"control verb", "Iran agreed to sign the treaty .", []arc{
		{0, 1, "nsubj"}, {1, -1, "root"}, {3, 1, "xcomp"}, {2, 3, "mark"}, {5, 3, "obj"},
	}},
	{"prepositional attachment", "The ambassador to Saudi Arabia was expelled .", []arc{
		{1, 6, "nsubj:pass"}, {4, 1, "nmod"}, {2, 4, "case"}, {5, 6, "aux:pass"}, {6, -1, "root"},
	}},
	{"phrasal verb", "The government gave up the plan .", []arc{
		{1, 2, "nsubj"}, {3, 2, "compound:prt"}, {5, 2, "obj"},
	}},
}

// newsFloor is the fraction of the expected arcs (head and relation) the
// shipped model must get right; every miss is logged.
const newsFloor = 0.85

func TestNewsConstructions(t *testing.T) {
	m := defaultModel(t)
	ex, err := entities.New()
	if err != nil {
		t.Fatal(err)
	}
	var s depparse.Scratch
	right, all := 0, 0
	for _, tc := range newsCases {
		words := strings.Fields(tc.words)
		doc, err := ex.TagWords(context.Background(), words)
		if err != nil {
			t.Fatal(err)
		}
		tags := make([]string, len(words))
		for i := range words {
			tags[i] = doc.Tokens[i].Tag
		}
		heads, rels := make([]int32, len(words)), make([]depparse.Rel, len(words))
		if err := m.Parse(words, tags, heads, rels, &s); err != nil {
			t.Fatal(err)
		}
		for _, a := range tc.arcs {
			all++
			got := m.Label(rels[a.dep])
			if int(heads[a.dep]) == a.head && strings.Contains("|"+a.rels+"|", "|"+got+"|") {
				right++
				continue
			}
			head := "ROOT"
			if h := heads[a.dep]; h >= 0 {
				head = words[h]
			}
			want := "ROOT"
			if a.head >= 0 {
				want = words[a.head]
			}
			t.Logf("%s: %s <-%s- %s, want <-%s- %s (tags %v)", tc.name, words[a.dep], got, head, a.rels, want, tags)
		}
	}
	t.Logf("%d of %d arcs right", right, all)
	if float64(right) < newsFloor*float64(all) {
		t.Errorf("%d of %d expected arcs right, below the floor of %.0f%%", right, all, 100*newsFloor)
	}
}
