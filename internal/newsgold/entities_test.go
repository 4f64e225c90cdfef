package newsgold

import (
	"bytes"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/statecraft/statecraft/gazetteer"
)

// entityDoc is an invented document's gold: two people, two states (one
// with a capital as alias), an ORG, a LOCATION argument and a DATE.
func entityDoc() (*Doc, map[string][]string) {
	doc := &Doc{
		ID: "e1",
		Entities: []Entity{
			{"PERSON", "Anna Kovar"}, {"PERSON", "Tomas Brel"},
			{"STATE", "Veldoria"}, {"STATE", "United States"},
			{"ORG", "Northern Defence Pact"},
			{"LOCATION", "Port Ilse"}, {"DATE", "Tuesday"},
		},
	}
	return doc, map[string][]string{
		"United States":         {"U.S.", "Washington"},
		"Northern Defence Pact": {"NDP"},
	}
}

// entityGazetteer holds invented entries: Veldoria with its demonym, and
// an ORG whose alias is the gold's canonical name.
func entityGazetteer(t *testing.T) *gazetteer.Gazetteer {
	t.Helper()
	g, err := gazetteer.New(gazetteer.WithoutDefaults(), gazetteer.WithEntries(
		gazetteer.Entry{ID: "state/veldoria", Kind: gazetteer.State, Name: "Veldoria", Adjectives: []string{"Veldorian"}},
		gazetteer.Entry{ID: "org/ndp", Kind: gazetteer.Org, Name: "North Defence Pact", Aliases: []string{"Northern Defence Pact"}},
	))
	if err != nil {
		t.Fatal(err)
	}
	return g
}

func TestResolverEntities(t *testing.T) {
	doc, al := entityDoc()
	res := NewResolver(doc, al)
	g := entityGazetteer(t)
	for _, c := range []struct {
		name string
		ms   []Mention
		want []Entity
	}{
		{"canonical name", []Mention{{Type: "PERSON", Name: "Anna Kovar", Text: "Anna Kovar"}},
			[]Entity{{"PERSON", "Anna Kovar"}}},
		{"surname", []Mention{{Type: "PERSON", Name: "Brel", Text: "Brel"}},
			[]Entity{{"PERSON", "Tomas Brel"}}},
		{"adjectival state through the gazetteer", []Mention{{Type: "STATE", Name: "Veldoria", Text: "Veldorian", ID: "state/veldoria"}},
			[]Entity{{"STATE", "Veldoria"}}},
		{"gazetteer alias", []Mention{{Type: "ORG", Name: "North Defence Pact", Text: "the pact", ID: "org/ndp"}},
			[]Entity{{"ORG", "Northern Defence Pact"}}},
		{"gold alias", []Mention{{Type: "STATE", Name: "United States", Text: "U.S."}},
			[]Entity{{"STATE", "United States"}}},
		{"capital for its state", []Mention{{Type: "LOCATION", Name: "Washington", Text: "Washington", ID: "location/washington-dc"}},
			[]Entity{{"STATE", "United States"}}},
		{"location argument ignored", []Mention{{Type: "LOCATION", Name: "Port Ilse", Text: "Port Ilse"}}, nil},
		{"unknown location ignored", []Mention{{Type: "LOCATION", Name: "Lake Oro", Text: "Lake Oro"}}, nil},
		{"date ignored", []Mention{{Type: "DATE", Name: "", Text: "Tuesday"}}, nil},
		{"unresolved keeps its name", []Mention{{Type: "ORG", Name: "Harbour Authority", Text: "the Harbour Authority"}},
			[]Entity{{"ORG", "Harbour Authority"}}},
		{"unresolved without a name keeps its text", []Mention{{Type: "PERSON", Text: "Oskar Lind"}},
			[]Entity{{"PERSON", "Oskar Lind"}}},
		{"type kept when it disagrees", []Mention{{Type: "PERSON", Name: "NDP", Text: "NDP"}},
			[]Entity{{"PERSON", "Northern Defence Pact"}}},
		{"once per entity, in mention order", []Mention{
			{Type: "STATE", Name: "Veldoria", Text: "Veldoria", ID: "state/veldoria"},
			{Type: "PERSON", Name: "Anna Kovar", Text: "Kovar"},
			{Type: "STATE", Name: "Veldoria", Text: "Veldorian", ID: "state/veldoria"},
			{Type: "ORG", Name: "A.B.C.", Text: "A.B.C."},
			{Type: "ORG", Name: "ABC", Text: "ABC"}, // the same unresolved name in its normal form
		}, []Entity{{"STATE", "Veldoria"}, {"PERSON", "Anna Kovar"}, {"ORG", "A.B.C."}}},
	} {
		t.Run(c.name, func(t *testing.T) {
			if d := cmp.Diff(c.want, res.Entities(g, c.ms)); d != "" {
				t.Errorf("Entities (-want +got):\n%s", d)
			}
		})
	}
	// Without a gazetteer, only the mention's own forms resolve.
	got := res.Entities(nil, []Mention{{Type: "STATE", Name: "Veldorian", Text: "Veldorian", ID: "state/veldoria"}})
	if d := cmp.Diff([]Entity{{"STATE", "Veldorian"}}, got); d != "" {
		t.Errorf("Entities without a gazetteer (-want +got):\n%s", d)
	}
}

func TestEntityScores(t *testing.T) {
	doc, _ := entityDoc()
	for _, c := range []struct {
		name             string
		found            []Entity
		want             map[string]Counts
		misses, spurious []string
	}{
		{"all found", []Entity{
			{"PERSON", "Anna Kovar"}, {"PERSON", "Tomas Brel"}, {"STATE", "Veldoria"},
			{"STATE", "United States"}, {"ORG", "Northern Defence Pact"},
		}, map[string]Counts{"PERSON": {2, 2, 2}, "STATE": {2, 2, 2}, "ORG": {1, 1, 1}}, nil, nil},
		{"nothing found", nil,
			map[string]Counts{"PERSON": {0, 0, 2}, "STATE": {0, 0, 2}, "ORG": {0, 0, 1}},
			[]string{"e1: ORG Northern Defence Pact", "e1: PERSON Anna Kovar", "e1: PERSON Tomas Brel", "e1: STATE United States", "e1: STATE Veldoria"}, nil},
		{"wrong type is a miss and a spurious", []Entity{
			{"PERSON", "Anna Kovar"}, {"PERSON", "Tomas Brel"}, {"STATE", "Veldoria"},
			{"STATE", "United States"}, {"PERSON", "Northern Defence Pact"},
		}, map[string]Counts{"PERSON": {2, 3, 2}, "STATE": {2, 2, 2}, "ORG": {0, 0, 1}},
			[]string{"e1: ORG Northern Defence Pact"}, []string{"e1: PERSON Northern Defence Pact"}},
		{"spurious, duplicates once, unscored types ignored", []Entity{
			{"PERSON", "Anna Kovar"}, {"PERSON", "Anna Kovar"}, {"ORG", "Harbour Authority"},
			{"LOCATION", "Lake Oro"}, {"DATE", "Tuesday"},
		}, map[string]Counts{"PERSON": {1, 1, 2}, "STATE": {0, 0, 2}, "ORG": {0, 1, 1}},
			[]string{"e1: ORG Northern Defence Pact", "e1: PERSON Tomas Brel", "e1: STATE United States", "e1: STATE Veldoria"},
			[]string{"e1: ORG Harbour Authority"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			s := NewEntityScores()
			s.Keep = true
			s.Add(doc, c.found)
			got := map[string]Counts{}
			for typ, n := range s.PerType {
				got[typ] = *n
			}
			for _, typ := range EntityTypes {
				if _, ok := got[typ]; !ok {
					got[typ] = Counts{}
				}
			}
			if d := cmp.Diff(c.want, got); d != "" {
				t.Errorf("counts (-want +got):\n%s", d)
			}
			if d := cmp.Diff(c.misses, s.Misses); d != "" {
				t.Errorf("misses (-want +got):\n%s", d)
			}
			if d := cmp.Diff(c.spurious, s.Spurious); d != "" {
				t.Errorf("spurious (-want +got):\n%s", d)
			}
		})
	}
}

func TestEntityScoresPrint(t *testing.T) {
	doc, _ := entityDoc()
	s := NewEntityScores()
	s.Add(doc, []Entity{{"PERSON", "Anna Kovar"}, {"ORG", "Harbour Authority"}})
	s.Add(&Doc{ID: "e2", Entities: []Entity{{"ORG", "Harbour Authority"}}}, []Entity{{"ORG", "Harbour Authority"}})
	var b bytes.Buffer
	s.Print(&b, "t")
	want := `t (2 documents)
type                   P      R     F1     tp    sys   gold
PERSON             1.000  0.500  0.667      1      1      2
STATE              0.000  0.000  0.000      0      0      2
ORG                0.500  0.500  0.500      1      2      2
all                0.667  0.333  0.444      2      3      6
`
	if d := cmp.Diff(want, b.String()); d != "" {
		t.Errorf("table (-want +got):\n%s", d)
	}
	for _, l := range strings.Split(strings.TrimSpace(b.String()), "\n")[1:] {
		if len(l) != len("type                   P      R     F1     tp    sys   gold") {
			t.Errorf("row %q is not aligned with the header", l)
		}
	}
}
