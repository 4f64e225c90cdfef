package relations_test

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"slices"
	"sort"
	"strings"
	"sync"
	"testing"

	"github.com/statecraft/statecraft/entities"
	"github.com/statecraft/statecraft/relations"
)

// Shared extractors: building them is cheap, but the entities models are
// decoded once per process anyway.
var (
	entitiesExtractor  = sync.OnceValues(func() (*entities.Extractor, error) { return entities.New() })
	relationsExtractor = sync.OnceValues(func() (*relations.Extractor, error) { return relations.New() })
	rulesExtractor     = sync.OnceValues(func() (*relations.Extractor, error) { return relations.New(relations.WithoutModel()) })
)

// pipeline returns the extractors shared by the tests, failing tb if
// either cannot be built.
func pipeline(tb testing.TB) (*entities.Extractor, *relations.Extractor) {
	tb.Helper()
	ee, err := entitiesExtractor()
	if err != nil {
		tb.Fatal(err)
	}
	rx, err := relationsExtractor()
	if err != nil {
		tb.Fatal(err)
	}
	return ee, rx
}

// analyse runs entities and relations on text.
func analyse(t testing.TB, text string) (*entities.Document, []relations.Relation) {
	t.Helper()
	ee, rx := pipeline(t)
	doc, err := ee.Extract(context.Background(), text)
	if err != nil {
		t.Fatal(err)
	}
	rs, err := rx.Extract(context.Background(), doc)
	if err != nil {
		t.Fatal(err)
	}
	return doc, rs
}

// analyseRules runs entities and the rules alone (WithoutModel) on text:
// the table tests of the rules' constructions.
func analyseRules(t testing.TB, text string) (*entities.Document, []relations.Relation) {
	t.Helper()
	ee, _ := pipeline(t)
	rx, err := rulesExtractor()
	if err != nil {
		t.Fatal(err)
	}
	doc, err := ee.Extract(context.Background(), text)
	if err != nil {
		t.Fatal(err)
	}
	rs, err := rx.Extract(context.Background(), doc)
	if err != nil {
		t.Fatal(err)
	}
	return doc, rs
}

// seedGold is the relation part of statecraft's gold format.
type seedGold struct {
	Aliases   map[string][]string `json:"aliases"`
	Relations []struct {
		Type     string            `json:"type"`
		Modality string            `json:"modality"`
		Optional bool              `json:"optional"`
		Subject  string            `json:"subject"`
		Object   string            `json:"object"`
		Parties  []string          `json:"parties"`
		Attrs    map[string]string `json:"attrs"`
	} `json:"relations"`
}

// relKey is a document-level relation: type and canonical names, parties
// sorted for symmetric types.
func relKey(typ string, subject, object string, parties []string, canon func(string) string) string {
	if len(parties) > 0 {
		ps := make([]string, len(parties))
		for i, p := range parties {
			ps[i] = canon(p)
		}
		sort.Strings(ps)
		ps = slices.Compact(ps)
		return typ + "(" + strings.Join(ps, " + ") + ")"
	}
	return typ + "(" + canon(subject) + " → " + canon(object) + ")"
}

// TestSeedGold scores the relations of the seed article against its gold
// at document level and asserts precision and recall >= 0.90 and the
// right modality on every matched relation.
func TestSeedGold(t *testing.T) {
	b, err := os.ReadFile("../testdata/rt-caucasus-security-outline.gold.json")
	if err != nil {
		t.Fatal(err)
	}
	var gold seedGold
	if err := json.Unmarshal(b, &gold); err != nil {
		t.Fatal(err)
	}
	text, err := os.ReadFile("../testdata/rt-caucasus-security-outline.txt")
	if err != nil {
		t.Fatal(err)
	}
	canon := aliasCanon(gold.Aliases)
	required, optional := goldKeys(gold, canon)
	_, rs := analyse(t, string(text))
	predicted := predictedKeys(rs, canon)
	s := scoreSeed(required, optional, predicted)
	p := float64(s.tp) / float64(max(s.tp+s.fp, 1))
	r := float64(s.tp) / float64(max(len(required), 1))
	t.Logf("seed relations: %d required gold, %d predicted (%d matching optional gold, ignored)", len(required), len(predicted), s.ignored)
	t.Logf("precision %.3f (%d/%d)  recall %.3f (%d/%d)  modality wrong on %d of %d matched", p, s.tp, s.tp+s.fp, r, s.tp, len(required), len(s.badModality), s.tp)
	for _, k := range s.falsePos {
		t.Logf("  false positive: %s", k)
	}
	for _, k := range s.misses {
		t.Logf("  missed: %s", k)
	}
	for _, k := range s.badModality {
		t.Logf("  wrong modality: %s", k)
	}
	if p < 0.90 || r < 0.90 {
		t.Errorf("precision %.3f, recall %.3f: want both >= 0.90", p, r)
	}
	if len(s.badModality) > 0 {
		t.Errorf("modality wrong on %d matched relations", len(s.badModality))
	}
}

// aliasCanon returns the function that maps a name, in any case, to the
// canonical name whose aliases (from the gold's aliases) include it or
// that it is, and any other name to itself.
func aliasCanon(aliases map[string][]string) func(string) string {
	alias := map[string]string{}
	for name, as := range aliases {
		alias[strings.ToLower(name)] = name
		for _, a := range as {
			alias[strings.ToLower(a)] = name
		}
	}
	return func(s string) string {
		if c, ok := alias[strings.ToLower(s)]; ok {
			return c
		}
		return s
	}
}

// goldKeys returns the relKeys of the gold relations: the required ones
// mapped to their modality, and the optional ones.
func goldKeys(gold seedGold, canon func(string) string) (required map[string]string, optional map[string]bool) {
	required, optional = map[string]string{}, map[string]bool{}
	for _, g := range gold.Relations {
		k := relKey(g.Type, g.Subject, g.Object, g.Parties, canon)
		if g.Optional {
			optional[k] = true
		} else {
			required[k] = g.Modality
		}
	}
	return required, optional
}

// predictedKeys maps the relKey of each relation of rs to the set of
// modalities it is predicted with.
func predictedKeys(rs []relations.Relation, canon func(string) string) map[string]map[string]bool {
	predicted := map[string]map[string]bool{}
	for _, r := range rs {
		var k string
		if len(r.Parties) > 0 {
			var ps []string
			for _, p := range r.Parties {
				ps = append(ps, p.Name)
			}
			k = relKey(string(r.Type), "", "", ps, canon)
		} else {
			k = relKey(string(r.Type), r.Subject.Name, r.Object.Name, nil, canon)
		}
		if predicted[k] == nil {
			predicted[k] = map[string]bool{}
		}
		predicted[k][string(r.Modality)] = true
	}
	return predicted
}

// seedScore is the comparison of predicted relations with the seed's
// gold.
type seedScore struct {
	tp, fp, ignored int // matching required gold, matching no gold, matching optional gold
	// falsePos and misses are the sorted keys of the false positives and
	// of the required gold not predicted; badModality describes the
	// matches predicted with another or more than one modality.
	falsePos, misses, badModality []string
}

// scoreSeed compares the predicted keys with the required and optional
// gold keys.
func scoreSeed(required map[string]string, optional map[string]bool, predicted map[string]map[string]bool) seedScore {
	var s seedScore
	for k, mods := range predicted {
		switch want, ok := required[k]; {
		case ok:
			s.tp++
			if len(mods) != 1 || !mods[want] {
				s.badModality = append(s.badModality, fmt.Sprintf("%s: want %s, got %v", k, want, keys(mods)))
			}
		case optional[k]:
			s.ignored++
		default:
			s.fp++
			s.falsePos = append(s.falsePos, k)
		}
	}
	for k := range required {
		if predicted[k] == nil {
			s.misses = append(s.misses, k)
		}
	}
	sort.Strings(s.falsePos)
	sort.Strings(s.misses)
	return s
}

func keys(m map[string]bool) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}
