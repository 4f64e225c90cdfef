package main

import (
	"bytes"
	"fmt"
	"os"
	"regexp"
	"strings"
	"testing"
)

// evaluate runs the program and returns its output.
func evaluate(t *testing.T, args ...string) string {
	t.Helper()
	var out bytes.Buffer
	if err := run(args, &out); err != nil {
		t.Fatalf("evaluate %v: %v", args, err)
	}
	return out.String()
}

// allLines returns the "all" rows of a report: the micro averages.
func allLines(report string) []string {
	var rows []string
	for _, l := range strings.Split(report, "\n") {
		if strings.HasPrefix(l, "all ") {
			rows = append(rows, l)
		}
	}
	return rows
}

var perfect = regexp.MustCompile(`^all\s+1\.0000\s+1\.0000\s+1\.0000\s+(\d+)`)

// TestRoundTrip scores examples/extract's brat and CoNLL output of the seed
// article against itself: every figure must be 1.0.
func TestRoundTrip(t *testing.T) {
	for _, args := range [][]string{
		{"-brat", "../../testdata/golden/seed.ann", "-system", "../../testdata/golden/seed.ann"},
		{"-conll", "../../testdata/golden/seed.conll", "-system", "../../testdata/golden/seed.conll"},
		{"-brat", "../../testdata/golden/seed.ann", "-system", "../../testdata/golden/seed.json"},
	} {
		rows := allLines(evaluate(t, args...))
		if len(rows) < 2 {
			t.Fatalf("%v: want score rows, got %q", args, rows)
		}
		for _, r := range rows {
			m := perfect.FindStringSubmatch(r)
			if m == nil || m[1] == "0" {
				t.Errorf("%v: %q, want P = R = F1 = 1 on a non-empty set", args, r)
			}
		}
		t.Logf("%v: %q", args, rows)
	}
}

// TestSeedGoldAsBrat checks that the seed gold converted to brat scores
// exactly as the seed gold JSON does.
func TestSeedGoldAsBrat(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the full pipeline twice")
	}
	fromJSON := allLines(evaluate(t, "-seed", "../../testdata/rt-caucasus-security-outline.gold.json"))
	fromBrat := allLines(evaluate(t, "-brat", "../../testdata/golden/seed-gold.ann"))
	if len(fromJSON) != 3 || strings.Join(fromJSON, "\n") != strings.Join(fromBrat, "\n") {
		t.Errorf("seed gold JSON scores\n%s\nbut its brat conversion scores\n%s", strings.Join(fromJSON, "\n"), strings.Join(fromBrat, "\n"))
	}
	t.Logf("both: %q", fromJSON)
}

// TestCoNLLDev prints the CoNLL-2003 figures of the README when the
// development data is present.
func TestCoNLLDev(t *testing.T) {
	const path = "../../../shared/dev/conll2003-valid.txt"
	if _, err := os.Stat(path); err != nil || testing.Short() {
		t.Skip("no ../shared/dev (or -short)")
	}
	rows := allLines(evaluate(t, "-conll", path))
	if len(rows) == 0 {
		t.Fatal("no scores")
	}
	t.Log(rows[0])
	var p, r, f float64
	if _, err := fmt.Sscanf(rows[0], "all %f %f %f", &p, &r, &f); err != nil || f < 0.70 {
		t.Errorf("CoNLL-2003 PER/LOC/ORG strict F1 %.4f (%v), want >= 0.70", f, err)
	}
}

func TestNothingToDo(t *testing.T) {
	if err := run(nil, &bytes.Buffer{}); err == nil {
		t.Error("run with no flags: want an error")
	}
}

// newsRow is an "all" row of a -news report.
type newsRow struct {
	p, r, f       float64
	tp, sys, gold int
}

// newsTotals returns the "all" rows of a -news report: the relations'
// (the first table) and the entities' (the second).
func newsTotals(t *testing.T, out string) (rel, ent newsRow) {
	t.Helper()
	rows := allLines(out)
	if len(rows) != 2 {
		t.Fatalf("want two tables (relations, entities), got %d \"all\" rows:\n%s", len(rows), out)
	}
	for i, x := range []*newsRow{&rel, &ent} {
		if _, err := fmt.Sscanf(rows[i], "all %f %f %f %d %d %d", &x.p, &x.r, &x.f, &x.tp, &x.sys, &x.gold); err != nil {
			t.Fatalf("%q: %v", rows[i], err)
		}
	}
	return rel, ent
}

// TestNewsScorer scores a news text written for the project against its
// document-level gold (GUIDELINES.md of news-relations): the optional
// met-with of the two states is neither counted nor penalised. Its
// entities are found in full: the adjectival "Russian" and "Turkish"
// count as their states, "Kyiv" as an alias of Ukraine, and the DATE and
// the other places are not scored.
func TestNewsScorer(t *testing.T) {
	out := evaluate(t, "-news", "testdata/news-gold.json", "-texts", "testdata/news-texts.jsonl", "-misses")
	if !strings.Contains(out, "(1 documents)") {
		t.Fatalf("report:\n%s", out)
	}
	rel, ent := newsTotals(t, out)
	if rel.gold != 4 {
		t.Errorf("gold %d, want the 4 required relations\n%s", rel.gold, out)
	}
	if rel.p < 0.75 || rel.r < 0.75 {
		t.Errorf("P %.3f R %.3f on a plain text, want >= 0.75\n%s", rel.p, rel.r, out)
	}
	if ent != (newsRow{1, 1, 1, 6, 6, 6}) {
		t.Errorf("entities %+v, want all 6 (2 PERSON, 3 STATE, 1 ORG) and nothing else\n%s", ent, out)
	}
	rels := strings.Index(out, "relations at document level")
	ents := strings.Index(out, "entities at document level")
	if rels < 0 || ents < rels {
		t.Errorf("want the entity table after the relations'\n%s", out)
	}
	for _, typ := range []string{"PERSON", "STATE", "ORG"} {
		if !strings.Contains(out[ents:], "\n"+typ+" ") {
			t.Errorf("no %s row in the entity table\n%s", typ, out)
		}
	}
}

// TestNewsJoined: gold and text files joined by "+" are read as one;
// the same file twice gives each document twice, so the same scores on
// twice the counts.
func TestNewsJoined(t *testing.T) {
	one := evaluate(t, "-news", "testdata/news-gold.json", "-texts", "testdata/news-texts.jsonl")
	two := evaluate(t, "-news", "testdata/news-gold.json+testdata/news-gold.json", "-texts", "testdata/news-texts.jsonl+testdata/news-texts.jsonl")
	if !strings.Contains(two, "(2 documents)") {
		t.Fatalf("report:\n%s", two)
	}
	r1, e1 := newsTotals(t, one)
	r2, e2 := newsTotals(t, two)
	if r2.gold != 2*r1.gold || e2.gold != 2*e1.gold || r2.p != r1.p || r2.r != r1.r {
		t.Errorf("joined %+v %+v, one %+v %+v", r2, e2, r1, e1)
	}
}

func TestNewsFlags(t *testing.T) {
	for _, args := range [][]string{
		{"-news", "testdata/news-gold.json"},
		{"-news", "testdata/news-gold.json", "-texts", "testdata/news-texts.jsonl", "-set", "dev"},
		{"-news", "testdata/news-gold.json", "-texts", "testdata/news-texts.jsonl", "-system", "x.json"},
	} {
		if err := run(args, &bytes.Buffer{}); err == nil {
			t.Errorf("%v: want an error", args)
		}
	}
}

// TestNewsDevFloor scores the dev split of ../shared/dev/news-relations
// (skipped without it): relations and entities. The relation model is trained on these documents
// (its thresholds and calibration come from out-of-fold predictions, see
// relations/internal/relmodel/cmd/reltrain), so these are in-sample
// figures: a guard against regressions, not a measure of generalisation.
func TestNewsDevFloor(t *testing.T) {
	const dir = "../../../shared/dev/news-relations/"
	if _, err := os.Stat(dir + "split.json"); err != nil || testing.Short() {
		t.Skip("no ../shared/dev/news-relations (or -short)")
	}
	out := evaluate(t, "-news", dir+"conll-train-political.gold.json", "-texts", dir+"conll-train-political.jsonl",
		"-split", dir+"split.json", "-set", "dev")
	rel, ent := newsTotals(t, out)
	p, r, gold := rel.p, rel.r, rel.gold
	var right, matched int
	for _, l := range strings.Split(out, "\n") {
		if strings.HasPrefix(l, "modality right on ") {
			fmt.Sscanf(l, "modality right on %d of %d", &right, &matched)
		}
	}
	t.Logf("dev (in-sample): P %.3f R %.3f, modality %d/%d; entities P %.3f R %.3f of %d", p, r, right, matched, ent.p, ent.r, ent.gold)
	if gold != 647 || p < 0.90 || r < 0.37 || float64(right) < 0.9*float64(matched) {
		t.Errorf("dev: P %.3f R %.3f (gold %d), modality %d/%d; want P >= 0.90, R >= 0.37 on 647, modality >= 90 %%\n%s", p, r, gold, right, matched, out)
	}
	// Entities (PERSON, STATE, ORG): P 0.923 R 0.853 on 1287 when the
	// scorer was written; these documents come from CoNLL-2003's training
	// file, so they are in-sample for the recogniser too.
	if ent.gold != 1287 || ent.p < 0.90 || ent.r < 0.83 {
		t.Errorf("dev entities: P %.3f R %.3f (gold %d); want P >= 0.90, R >= 0.83 on 1287\n%s", ent.p, ent.r, ent.gold, out)
	}
}

// TestTablesAligned: every row of a score table has its columns where the
// header has them, however long the type names.
func TestTablesAligned(t *testing.T) {
	out := evaluate(t, "-seed", "../../testdata/rt-caucasus-security-outline.gold.json")
	lines := strings.Split(out, "\n")
	for i, l := range lines {
		if !strings.HasPrefix(l, "type ") {
			continue
		}
		for _, row := range lines[i+1:] {
			if row == "" {
				break
			}
			// Columns are right-aligned under their labels: a row as long
			// as its header ends each column where the header does.
			if len(row) != len(l) {
				t.Errorf("row %q is not aligned with header %q", row, l)
			}
		}
	}
}
