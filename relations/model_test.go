package relations_test

import (
	"bytes"
	"context"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/statecraft/statecraft/entities"
	"github.com/statecraft/statecraft/relations"
)

const modelNews = `Russian President Vladimir Putin met Turkish President Tayyip Erdogan in Sochi on Wednesday.
Foreign Minister Sergei Lavrov said Moscow would not recognise the vote. Ukraine wants to join NATO.
Lavrov later held talks with his Chinese counterpart Wang Yi in Beijing, the ministry said.`

// TestModelOptions: WithoutModel gives the rules' relations alone, with
// Source rule and Confidence 0; the default Extractor gives every
// relation a confidence and a source, keeps every relation of the rules
// and adds only what the model finds; a higher threshold keeps a subset;
// an out-of-range threshold is an error.
func TestModelOptions(t *testing.T) {
	ee, def := pipeline(t)
	rules := newExtractor(t, relations.WithoutModel())
	strict := newExtractor(t, relations.WithThreshold(1))
	loose := newExtractor(t, relations.WithThreshold(0.05))
	doc, err := ee.Extract(context.Background(), modelNews)
	if err != nil {
		t.Fatal(err)
	}
	rr, dr, sr, lr := extractChecked(t, rules, doc), extractChecked(t, def, doc), extractChecked(t, strict, doc), extractChecked(t, loose, doc)
	for _, r := range rr {
		if r.Source != relations.SourceRule || r.Confidence != 0 {
			t.Errorf("WithoutModel: %s source %q confidence %v, want rule and 0", r.Type, r.Source, r.Confidence)
		}
	}
	ds, ss, ls := relationSet(dr), relationSet(sr), relationSet(lr)
	checkDefaultModel(t, rr, ds)
	checkThresholds(t, ds, ss, ls)
	if len(lr) <= len(rr) {
		t.Errorf("threshold 0.05: %d relations, no more than the rules' %d", len(lr), len(rr))
	}
	t.Logf("rules %d, default %d, threshold 1: %d, threshold 0.05: %d relations", len(rr), len(dr), len(sr), len(lr))
	for _, bad := range []float64{0, -0.5, 1.5} {
		if _, err := relations.New(relations.WithThreshold(bad)); !errors.Is(err, relations.ErrBadOption) {
			t.Errorf("WithThreshold(%v): %v, want ErrBadOption", bad, err)
		}
	}
	var noCtx context.Context // a caller's nil context: an error, not a panic
	if _, err := def.Extract(noCtx, doc); !errors.Is(err, relations.ErrNilContext) {
		t.Errorf("nil context: %v, want ErrNilContext", err)
	}
}

// newExtractor returns relations.New(opts...), failing t on an error.
func newExtractor(t *testing.T, opts ...relations.Option) *relations.Extractor {
	t.Helper()
	rx, err := relations.New(opts...)
	if err != nil {
		t.Fatal(err)
	}
	return rx
}

// extractChecked returns rx's relations of doc, failing t on an error or
// a relation that breaks checkInvariants.
func extractChecked(t *testing.T, rx *relations.Extractor, doc *entities.Document) []relations.Relation {
	t.Helper()
	rs, err := rx.Extract(context.Background(), doc)
	if err != nil {
		t.Fatal(err)
	}
	if err := checkInvariants(doc, rs); err != nil {
		t.Fatal(err)
	}
	return rs
}

// relationSet maps the format of each relation of rs to the relation.
func relationSet(rs []relations.Relation) map[string]relations.Relation {
	m := map[string]relations.Relation{}
	for _, r := range rs {
		m[format(r)] = r
	}
	return m
}

// checkDefaultModel checks the default extractor's relations ds against
// the rules' rr: every relation of the rules is kept, a relation of the
// model alone has a positive confidence, and any other a confidence in
// (0, 1].
func checkDefaultModel(t *testing.T, rr []relations.Relation, ds map[string]relations.Relation) {
	t.Helper()
	for _, r := range rr {
		if _, ok := ds[format(r)]; !ok {
			t.Errorf("the default extractor lost the rules' %s", format(r))
		}
	}
	for k, r := range ds {
		if r.Source == relations.SourceModel {
			if r.Confidence <= 0 {
				t.Errorf("%s: model relation with confidence %v", k, r.Confidence)
			}
		} else if r.Confidence <= 0 || r.Confidence > 1 {
			t.Errorf("%s: confidence %v", k, r.Confidence)
		}
	}
}

// checkThresholds checks the relations of threshold 1 (ss) and threshold
// 0.05 (ls) against the default's (ds): threshold 1 gives only relations
// of the default and no model relation of confidence below 1, and
// threshold 0.05 keeps every model relation of the default.
func checkThresholds(t *testing.T, ds, ss, ls map[string]relations.Relation) {
	t.Helper()
	for k := range ss {
		if _, ok := ds[k]; !ok {
			t.Errorf("threshold 1 gives %s, which the default does not", k)
		}
		if ss[k].Source == relations.SourceModel && ss[k].Confidence < 1 {
			t.Errorf("threshold 1 gives model relation %s of confidence %v", k, ss[k].Confidence)
		}
	}
	for k := range ds {
		if _, ok := ls[k]; !ok && ds[k].Source == relations.SourceModel {
			t.Errorf("threshold 0.05 drops %s, which the default gives", k)
		}
	}
}

// TestModelUpToDate retrains the model from the annotations and
// ../shared/dev and compares it, byte for byte, with the embedded one: the
// training is reproducible and the shipped model is the one its data
// give. It skips without ../shared/dev.
func TestModelUpToDate(t *testing.T) {
	if testing.Short() {
		t.Skip("trains the model (a minute); skipped under -short")
	}
	if _, err := os.Stat("../../shared/dev/news-relations/split.json"); err != nil {
		t.Skip("no ../shared/dev: the training data is not beside the project")
	}
	out := filepath.Join(t.TempDir(), "relations.model")
	cmd := exec.Command("go", "run", "./internal/relmodel/cmd/reltrain", "-shared", "../../shared/dev",
		"-annotations", "internal/relmodel/annotations", "-out", out)
	if b, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("reltrain: %v\n%s", err, b)
	}
	got, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	want, err := os.ReadFile("internal/relmodel/data/relations.model")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("the embedded model (%d bytes) is not what its data give (%d bytes): run go run ./relations/internal/relmodel/cmd/reltrain", len(want), len(got))
	}
}

// TestModelAddsNoDuplicates: a meeting a rule found among several parties
// is not added again pair by pair by the model.
func TestModelAddsNoDuplicates(t *testing.T) {
	_, rs := analyse(t, "Putin met Erdogan, Rouhani and Aliyev in Sochi on Tuesday.")
	for _, r := range rs {
		if r.Type == relations.MetWith && r.Source == relations.SourceModel {
			t.Errorf("model met-with %v beside the rules' meeting of all four", format(r))
		}
	}
}

// TestOverlappingMentions: a document whose mentions nest (a caller's, not
// one entities builds) gives relations or an error, never a panic.
func TestOverlappingMentions(t *testing.T) {
	ee, rx := pipeline(t)
	text := "President Vladimir Putin of Russia met Recep Erdogan in Ankara."
	doc, err := ee.Extract(context.Background(), text)
	if err != nil {
		t.Fatal(err)
	}
	outer := doc.Mentions[0]
	outer.Type, outer.ID, outer.Name, outer.Start, outer.End = entities.State, "state/russia", "Russia", 0, 24
	outer.Text = text[0:24]
	doc.Mentions = append([]entities.Mention{outer}, doc.Mentions...)
	if _, err := rx.Extract(context.Background(), doc); err != nil {
		t.Logf("error: %v", err)
	}
}
