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
	rules, err := relations.New(relations.WithoutModel())
	if err != nil {
		t.Fatal(err)
	}
	strict, err := relations.New(relations.WithThreshold(1))
	if err != nil {
		t.Fatal(err)
	}
	loose, err := relations.New(relations.WithThreshold(0.05))
	if err != nil {
		t.Fatal(err)
	}
	doc, err := ee.Extract(context.Background(), modelNews)
	if err != nil {
		t.Fatal(err)
	}
	run := func(rx *relations.Extractor) []relations.Relation {
		rs, err := rx.Extract(context.Background(), doc)
		if err != nil {
			t.Fatal(err)
		}
		if err := checkInvariants(doc, rs); err != nil {
			t.Fatal(err)
		}
		return rs
	}
	rr, dr, sr, lr := run(rules), run(def), run(strict), run(loose)
	for _, r := range rr {
		if r.Source != relations.SourceRule || r.Confidence != 0 {
			t.Errorf("WithoutModel: %s source %q confidence %v, want rule and 0", r.Type, r.Source, r.Confidence)
		}
	}
	key := func(r relations.Relation) string { return format(r) }
	set := func(rs []relations.Relation) map[string]relations.Relation {
		m := map[string]relations.Relation{}
		for _, r := range rs {
			m[key(r)] = r
		}
		return m
	}
	ds, ss, ls := set(dr), set(sr), set(lr)
	for _, r := range rr {
		if _, ok := ds[key(r)]; !ok {
			t.Errorf("the default extractor lost the rules' %s", key(r))
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
