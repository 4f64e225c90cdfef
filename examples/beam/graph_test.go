package main

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/statecraft/statecraft/relations"
)

func arg(id, name string) relations.Arg { return relations.Arg{ID: id, Name: name, Text: name} }

func TestDocEdges(t *testing.T) {
	text := strings.Repeat("x", 100)
	ru, ge, ab, nato := arg("state/russia", "Russia"), arg("state/georgia", "Georgia"), arg("state/abkhazia", "Abkhazia"), arg("org/nato", "NATO")
	unknown := relations.Arg{Name: "John Smith", Text: "John Smith"}
	rel := func(typ relations.Type, mod relations.Modality, time string, start, end int, args ...relations.Arg) relations.Relation {
		r := relations.Relation{Type: typ, Modality: mod, Time: time, Evidence: relations.Span{Start: start, End: end}}
		if typ.Symmetric() {
			r.Parties = args
		} else {
			r.Subject, r.Object = &args[0], &args[1]
		}
		return r
	}
	ev := func(start, end int) evidenceRef {
		return evidenceRef{Doc: "d", Start: start, End: end, Text: text[start:end]}
	}
	tests := []struct {
		name string
		date string
		rs   []relations.Relation
		n    int
		want map[string]*edgeStats
	}{{
		name: "symmetric: every pair of known parties, smaller id first",
		rs:   []relations.Relation{rel(relations.TreatyBetween, relations.Possible, "2008", 0, 10, ru, unknown, ge, ab)},
		n:    3,
		want: map[string]*edgeStats{
			"treaty-between\tstate/georgia\tstate/russia":   {SubjectName: "Georgia", ObjectName: "Russia", Symmetric: true, Documents: 1, Possible: 1, Evidence: []evidenceRef{ev(0, 10)}},
			"treaty-between\tstate/abkhazia\tstate/russia":  {SubjectName: "Abkhazia", ObjectName: "Russia", Symmetric: true, Documents: 1, Possible: 1, Evidence: []evidenceRef{ev(0, 10)}},
			"treaty-between\tstate/abkhazia\tstate/georgia": {SubjectName: "Abkhazia", ObjectName: "Georgia", Symmetric: true, Documents: 1, Possible: 1, Evidence: []evidenceRef{ev(0, 10)}},
		},
	}, {
		name: "directed: an argument without id or a self-loop makes no edge",
		rs: []relations.Relation{
			rel(relations.OfficialOf, relations.Asserted, "", 0, 5, unknown, ru),
			rel(relations.RecognizedBy, relations.Asserted, "", 0, 5, ru, ru),
		},
		n:    3,
		want: map[string]*edgeStats{},
	}, {
		name: "one document: modalities once each, dates from full-date times, n smallest distinct spans",
		rs: []relations.Relation{
			rel(relations.MemberOf, relations.Asserted, "2008", 30, 40, ge, nato),
			rel(relations.MemberOf, relations.Negated, "2014-05-02", 20, 40, ge, nato),
			rel(relations.MemberOf, relations.Asserted, "2009-01-31", 20, 40, ge, nato),
			rel(relations.MemberOf, relations.Asserted, "XXXX-08", 20, 30, ge, nato),
		},
		n: 2,
		want: map[string]*edgeStats{
			"member-of\tstate/georgia\torg/nato": {SubjectName: "Georgia", ObjectName: "NATO", Documents: 1, First: "2009-01-31", Last: "2014-05-02",
				Asserted: 1, Negated: 1, Evidence: []evidenceRef{ev(20, 30), ev(20, 40)}},
		},
	}, {
		name: "the document's date wins over relation times",
		date: "2016-07-08",
		rs:   []relations.Relation{rel(relations.MemberOf, relations.Possible, "2014-05-02", 0, 9, ge, nato)},
		n:    1,
		want: map[string]*edgeStats{
			"member-of\tstate/georgia\torg/nato": {SubjectName: "Georgia", ObjectName: "NATO", Documents: 1, First: "2016-07-08", Last: "2016-07-08",
				Possible: 1, Evidence: []evidenceRef{ev(0, 9)}},
		},
	}, {
		name: "no evidence kept with n = 0",
		rs:   []relations.Relation{rel(relations.Attacked, relations.Asserted, "", 0, 9, ru, ge)},
		n:    0,
		want: map[string]*edgeStats{
			"attacked\tstate/russia\tstate/georgia": {SubjectName: "Russia", ObjectName: "Georgia", Documents: 1, Asserted: 1, Evidence: []evidenceRef{}},
		},
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := docEdges("d", tt.date, text, tt.rs, tt.n)
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("docEdges (-want +got):\n%s", diff)
			}
		})
	}
}

// TestMergeEdgesOrderIndependent merges the same per-document stats in
// many orders and groupings, as runners may, and expects one result.
func TestMergeEdgesOrderIndependent(t *testing.T) {
	var docs []edgeStats
	for i := range 12 {
		e := edgeStats{SubjectName: "Armenia", ObjectName: "CSTO", Documents: 1}
		switch i % 3 {
		case 0:
			e.Asserted = 1
		case 1:
			e.Negated = 1
		default:
			e.Possible, e.Asserted = 1, 1
		}
		if i%4 != 0 {
			e.First = fmt.Sprintf("20%02d-01-%02d", i, i+1)
			e.Last = fmt.Sprintf("20%02d-12-%02d", i, i+1)
		}
		doc := fmt.Sprintf("doc-%02d", (i*7)%12)
		e.Evidence = []evidenceRef{{Doc: doc, Start: i, End: i + 5, Text: "t"}, {Doc: doc, Start: 50, End: 60, Text: "u"}}
		docs = append(docs, e)
	}
	const n = 3
	fold := func(order []int) edgeStats {
		acc := docs[order[0]]
		for _, i := range order[1:] {
			acc = mergeEdges(acc, docs[i], n)
		}
		return acc
	}
	var tree func(order []int) edgeStats // random groupings
	rng := rand.New(rand.NewPCG(1, 2))
	tree = func(order []int) edgeStats {
		if len(order) == 1 {
			return docs[order[0]]
		}
		cut := 1 + rng.IntN(len(order)-1)
		return mergeEdges(tree(order[:cut]), tree(order[cut:]), n)
	}
	order := make([]int, len(docs))
	for i := range order {
		order[i] = i
	}
	want := fold(order)
	if want.Documents != 12 || want.Asserted != 8 || want.Negated != 4 || want.Possible != 4 ||
		want.First != "2001-01-02" || want.Last != "2011-12-12" || len(want.Evidence) != n {
		t.Fatalf("merged = %+v", want)
	}
	if w := (evidenceRef{Doc: "doc-00", Start: 0, End: 5, Text: "t"}); want.Evidence[0] != w {
		t.Errorf("first evidence %+v, want %+v", want.Evidence[0], w)
	}
	for range 50 {
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		for _, got := range []edgeStats{fold(order), tree(order)} {
			if diff := cmp.Diff(want, got); diff != "" {
				t.Fatalf("merge in order %v differs (-want +got):\n%s", order, diff)
			}
		}
	}
}

func TestFormatEdge(t *testing.T) {
	e := edgeStats{SubjectName: "Armenia", ObjectName: "Collective Security Treaty Organization", Documents: 4,
		First: "1992-05-15", Last: "2015-01-02", Asserted: 4,
		Evidence: []evidenceRef{{Doc: "csto-2014", Start: 0, End: 66, Text: "Armenia is a member of the <CSTO> & more"}}}
	j, c, err := formatEdge("member-of\tstate/armenia\torg/csto", e)
	if err != nil {
		t.Fatal(err)
	}
	wantJ := `{"type":"member-of","subject":"state/armenia","object":"org/csto","subject_name":"Armenia","object_name":"Collective Security Treaty Organization","symmetric":false,"documents":4,"first":"1992-05-15","last":"2015-01-02","asserted":4,"negated":0,"possible":0,"evidence":[{"doc":"csto-2014","start":0,"end":66,"text":"Armenia is a member of the <CSTO> & more"}]}`
	if j != wantJ {
		t.Errorf("JSON:\n got %s\nwant %s", j, wantJ)
	}
	if want := "member-of,state/armenia,org/csto,4,1992-05-15,2015-01-02,4,0,0"; c != want {
		t.Errorf("CSV: got %s, want %s", c, want)
	}
	// A user-defined type with a comma is quoted.
	_, c, _ = formatEdge("rivals, old\tstate/a\tstate/b", edgeStats{Documents: 1})
	if want := `"rivals, old",state/a,state/b,1,,,0,0,0`; c != want {
		t.Errorf("CSV: got %s, want %s", c, want)
	}
}

func TestSnippetAndExcerpt(t *testing.T) {
	long := strings.Repeat("a", maxSnippet-1) + "é" + "tail" // é straddles the limit
	tests := []struct {
		name, got, want string
	}{
		{"snippet in bounds", snippet("Russia recognized Abkhazia", 0, 6), "Russia"},
		{"snippet out of bounds", snippet("Russia", 2, 60), ""},
		{"snippet cut before a split rune", snippet(long, 0, len(long)), strings.Repeat("a", maxSnippet-1) + "…"},
		{"excerpt short", excerpt("not json"), "not json"},
		{"excerpt cut", excerpt(strings.Repeat("ж", 60)), strings.Repeat("ж", 50) + "…"},
	}
	for _, tt := range tests {
		if tt.got != tt.want {
			t.Errorf("%s: got %q, want %q", tt.name, tt.got, tt.want)
		}
	}
}

func TestRecoverID(t *testing.T) {
	tests := []struct{ line, want string }{
		{`{"id":"a","text":"unterminated`, `"a"`},
		{`{"text":"x","id":17,"date":`, `17`},
		{`{"text":"unterminated`, ``},
		{`{"id":null,"text":`, ``},
		{`not json`, ``},
		{`["id","x"]`, ``},
	}
	for _, tt := range tests {
		if got := string(recoverID([]byte(tt.line))); got != tt.want {
			t.Errorf("recoverID(%s) = %s, want %s", tt.line, got, tt.want)
		}
	}
}

// BenchmarkMergeEdges merges the stats of a popular edge, one document at
// a time, as the combiner does on a worker.
func BenchmarkMergeEdges(b *testing.B) {
	docs := make([]edgeStats, 1000)
	for i := range docs {
		doc := fmt.Sprintf("doc-%06d", (i*7919)%1000)
		docs[i] = edgeStats{Documents: 1, Asserted: 1, First: "2014-01-01", Last: "2014-01-01",
			Evidence: []evidenceRef{{Doc: doc, Start: i, End: i + 40, Text: "Armenia is a member of the CSTO"}}}
	}
	b.ReportAllocs()
	for b.Loop() {
		acc := docs[0]
		for _, d := range docs[1:] {
			acc = mergeEdges(acc, d, 3)
		}
	}
}

// BenchmarkMergeEdgesSortBaseline is BenchmarkMergeEdges with the evidence
// merged by appending and sorting, the simple way mergeEvidence beats.
func BenchmarkMergeEdgesSortBaseline(b *testing.B) {
	docs := make([][]evidenceRef, 1000)
	for i := range docs {
		docs[i] = []evidenceRef{{Doc: fmt.Sprintf("doc-%06d", (i*7919)%1000), Start: i, End: i + 40, Text: "Armenia is a member of the CSTO"}}
	}
	b.ReportAllocs()
	for b.Loop() {
		acc := docs[0]
		for _, d := range docs[1:] {
			acc = addEvidence(slices.Clone(acc), d, 3)
		}
	}
}
