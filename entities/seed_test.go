package entities

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// seedGold is the gold file of the seed article (testdata/*.gold.json).
type seedGold struct {
	Text     string `json:"text"` // the article's file name, beside the gold file
	Entities []struct {
		Text       string `json:"text"`
		Type       Type   `json:"type"`
		Name       string `json:"name"` // the canonical name
		Optional   bool   `json:"optional"`
		Adjectival bool   `json:"adjectival"`
		Value      string `json:"value"`
		Start      int    `json:"start"`
		End        int    `json:"end"`
	} `json:"entities"`
}

const seedGoldFile = "../testdata/rt-caucasus-security-outline.gold.json"

// TestSeedFloors checks the mentions of the seed article against its gold
// annotation: strict span+type F1 of at least 0.95 on the required
// mentions (optional ones are neither required nor penalised), no
// mention on the line of icon names, every matched mention with the gold
// canonical name and adjectival flag, and every matched required date with
// the gold value.
// Run with -v to see the figures.
func TestSeedFloors(t *testing.T) {
	b, err := os.ReadFile(seedGoldFile)
	if err != nil {
		t.Fatal(err)
	}
	var gold seedGold
	if err := json.Unmarshal(b, &gold); err != nil {
		t.Fatalf("%s: %v", seedGoldFile, err)
	}
	raw, err := os.ReadFile(filepath.Join(filepath.Dir(seedGoldFile), gold.Text))
	if err != nil {
		t.Fatal(err)
	}
	text := string(raw)
	doc, err := newTestExtractor(t).Extract(context.Background(), text)
	if err != nil {
		t.Fatal(err)
	}

	type key struct {
		typ        Type
		start, end int
	}
	type goldMention struct {
		name, value          string
		optional, adjectival bool
	}
	golds := map[key]goldMention{}
	required := map[Type]int{}
	for _, g := range gold.Entities {
		if text[g.Start:g.End] != g.Text {
			t.Fatalf("gold %q at [%d,%d) does not match the text %q", g.Text, g.Start, g.End, text[g.Start:g.End])
		}
		golds[key{g.Type, g.Start, g.End}] = goldMention{g.Name, g.Value, g.Optional, g.Adjectival}
		if !g.Optional {
			required[g.Type]++
		}
	}

	tp, sys := map[Type]int{}, map[Type]int{}
	matched, rightName := 0, 0
	iconLine := strings.IndexByte(text, '\n')
	for _, m := range doc.Mentions {
		if m.Start < iconLine {
			t.Errorf("mention %s %q at [%d,%d) on the icon line", m.Type, m.Text, m.Start, m.End)
		}
		g, ok := golds[key{m.Type, m.Start, m.End}]
		switch {
		case !ok:
			sys[m.Type]++
			t.Logf("spurious: %s %q at [%d,%d)", m.Type, m.Text, m.Start, m.End)
			continue
		case !g.optional:
			sys[m.Type]++
			tp[m.Type]++
			if m.Type == Date && m.Value != g.value {
				t.Errorf("date %q at [%d,%d): value %q, gold %q", m.Text, m.Start, m.End, m.Value, g.value)
			}
		}
		matched++
		if m.Adjectival != g.adjectival {
			t.Errorf("%s %q at [%d,%d): adjectival %v, gold %v", m.Type, m.Text, m.Start, m.End, m.Adjectival, g.adjectival)
		}
		if m.Name == g.name {
			rightName++
		} else {
			t.Errorf("%s %q at [%d,%d): name %q, gold %q", m.Type, m.Text, m.Start, m.End, m.Name, g.name)
		}
	}
	for k, g := range golds {
		if g.optional {
			continue
		}
		found := false
		for _, m := range doc.Mentions {
			if m.Type == k.typ && m.Start == k.start && m.End == k.end {
				found = true
				break
			}
		}
		if !found {
			t.Logf("missed: %s %q at [%d,%d)", k.typ, text[k.start:k.end], k.start, k.end)
		}
	}

	var allTP, allSys, allGold int
	t.Logf("%-9s %6s %6s %6s %4s %4s %4s", "type", "P", "R", "F1", "tp", "sys", "gold")
	for _, typ := range []Type{Person, State, Org, Date, Location} {
		p, r, f := prf(tp[typ], sys[typ], required[typ])
		t.Logf("%-9s %6.3f %6.3f %6.3f %4d %4d %4d", typ, p, r, f, tp[typ], sys[typ], required[typ])
		allTP, allSys, allGold = allTP+tp[typ], allSys+sys[typ], allGold+required[typ]
	}
	p, r, f := prf(allTP, allSys, allGold)
	t.Logf("%-9s %6.3f %6.3f %6.3f %4d %4d %4d", "all", p, r, f, allTP, allSys, allGold)
	t.Logf("canonical names right on %d of %d matched mentions", rightName, matched)
	if f < 0.95 {
		t.Errorf("strict F1 on required mentions %.3f, want >= 0.95", f)
	}
}

// prf returns precision, recall and F1 from counts of true positives,
// system mentions and gold mentions; 0 where undefined.
func prf(tp, sys, gold int) (p, r, f float64) {
	if sys > 0 {
		p = float64(tp) / float64(sys)
	}
	if gold > 0 {
		r = float64(tp) / float64(gold)
	}
	if p+r > 0 {
		f = 2 * p * r / (p + r)
	}
	return p, r, f
}
