package newsgold

import (
	"bytes"
	"os"
	"strings"
	"testing"
)

func TestNorm(t *testing.T) {
	for in, want := range map[string]string{
		"U.S.":              "us",
		"the United States": "united states",
		"Russia's":          "russia",
		"NATO’s":            "nato",
		"Reuters":           "reuters",
		"  Boris  Yeltsin ": "boris yeltsin",
	} {
		if got := Norm(in); got != want {
			t.Errorf("Norm(%q) = %q, want %q", in, got, want)
		}
	}
}

func testDoc() (*Doc, map[string][]string) {
	doc := &Doc{
		ID: "d1",
		Entities: []Entity{
			{"PERSON", "Boris Yeltsin"}, {"PERSON", "Alexander Lebed"}, {"PERSON", "Sergei Lebed"},
			{"STATE", "Russia"}, {"STATE", "United States"}, {"ORG", "NATO"},
		},
		Relations: []Relation{
			{Type: "official-of", Subject: "Boris Yeltsin", Object: "Russia", Modality: "asserted"},
			{Type: "met-with", Parties: []string{"United States", "Russia"}, Modality: "asserted"},
			{Type: "member-of", Subject: "United States", Object: "NATO", Modality: "asserted", Optional: true},
			{Type: "opposes", Subject: "Russia", Object: "NATO", Modality: "possible"},
		},
	}
	return doc, map[string][]string{"United States": {"U.S.", "Washington"}, "Russia": {"Moscow"}}
}

func TestResolver(t *testing.T) {
	doc, al := testDoc()
	r := NewResolver(doc, al)
	for _, c := range []struct {
		forms []string
		want  string
		ok    bool
	}{
		{[]string{"Washington"}, "United States", true},
		{[]string{"nothing", "U.S."}, "United States", true},
		{[]string{"Yeltsin"}, "Boris Yeltsin", true},
		{[]string{"Lebed"}, "", false}, // two people share the surname
		{[]string{"China"}, "", false},
	} {
		got, ok := r.Resolve(c.forms...)
		if got != c.want || ok != c.ok {
			t.Errorf("Resolve(%q) = %q, %v; want %q, %v", c.forms, got, ok, c.want, c.ok)
		}
	}
}

func TestScores(t *testing.T) {
	doc, _ := testDoc()
	s := NewScores()
	s.Keep = true
	s.Add(doc, []Predicted{
		{Type: "official-of", Args: []string{"Boris Yeltsin", "Russia"}, Modality: "asserted"},
		{Type: "official-of", Args: []string{"Boris Yeltsin", "Russia"}, Modality: "negated"}, // same key: counted once
		{Type: "met-with", Args: []string{"Russia", "United States"}, Modality: "possible"},   // parties in any order
		{Type: "member-of", Args: []string{"United States", "NATO"}, Modality: "asserted"},    // optional: ignored
		{Type: "opposes", Args: []string{"NATO", "Russia"}, Modality: "possible"},             // wrong direction
	})
	tot := s.Total()
	if tot != (Counts{TP: 2, Sys: 3, Gold: 3}) {
		t.Fatalf("totals %+v, want 2/3/3", tot)
	}
	if s.Matched != 2 || s.ModalityRight != 1 {
		t.Errorf("modality %d of %d, want 1 of 2", s.ModalityRight, s.Matched)
	}
	if len(s.Misses) != 1 || !strings.Contains(s.Misses[0], "opposes Russia → NATO") {
		t.Errorf("misses %q", s.Misses)
	}
	var b bytes.Buffer
	s.Print(&b, "t")
	if !strings.Contains(b.String(), "official-of        1.000  1.000  1.000      1      1      1") {
		t.Errorf("table:\n%s", b.String())
	}
}

// TestCoNLLTrainTexts rebuilds the CoNLL-2003 training documents and
// compares them with the texts of news-relations, which were rebuilt from
// the same file: every one must be identical, or annotation offsets into
// the rebuilt texts would be wrong.
func TestCoNLLTrainTexts(t *testing.T) {
	const dir = "../../../shared/dev"
	if _, err := os.Stat(dir + "/conll2003-train.txt"); err != nil {
		t.Skip("no ../shared/dev/conll2003-train.txt: the development data is not beside the project")
	}
	rebuilt, err := CoNLLTrainTexts(dir + "/conll2003-train.txt")
	if err != nil {
		t.Fatal(err)
	}
	texts, err := ReadTexts(dir + "/news-relations/conll-train-political.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range texts {
		n := DocNumber(want.ID)
		if n < 0 || n >= len(rebuilt) || rebuilt[n].ID != want.ID {
			t.Fatalf("%s: no such rebuilt document (%d rebuilt)", want.ID, len(rebuilt))
		}
		if rebuilt[n].Text != want.Text {
			t.Errorf("%s: rebuilt text differs", want.ID)
		}
	}
	t.Logf("%d documents rebuilt, %d compared", len(rebuilt), len(texts))
}
