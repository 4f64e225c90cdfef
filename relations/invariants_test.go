package relations_test

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"strings"
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/statecraft/statecraft/entities"
	"github.com/statecraft/statecraft/relations"
)

// checkInvariants reports violations of the output rules: spans in bounds
// and equal to the text, arguments that repeat their mentions, two or more
// distinct parties, non-nil attrs, sorted results.
func checkInvariants(doc *entities.Document, rs []relations.Relation) error {
	for i, r := range rs {
		if err := checkRelationFields(doc, i, r); err != nil {
			return err
		}
		// The model may find a relation without a trigger word: its
		// Trigger is then the zero Span.
		if r.Source == relations.SourceModel && r.Trigger.IsZero() {
			continue
		}
		if err := checkRelationTrigger(doc.Text, i, r); err != nil {
			return err
		}
		if err := checkRelationArgs(doc, i, r); err != nil {
			return err
		}
		if i > 0 && rs[i-1].Evidence.Start > r.Evidence.Start {
			return fmt.Errorf("relations %d and %d out of order", i-1, i)
		}
	}
	return nil
}

// checkSpan reports a span s of text, called what in the error, that is
// out of the bounds of text or, when it has a Text or needText is set,
// whose Text is not the text it spans.
func checkSpan(text, what string, s relations.Span, needText bool) error {
	if s.Start < 0 || s.Start > s.End || s.End > len(text) {
		return fmt.Errorf("%s [%d, %d) outside the text of %d bytes", what, s.Start, s.End, len(text))
	}
	if (needText || s.Text != "") && text[s.Start:s.End] != s.Text {
		return fmt.Errorf("%s text %q != text[%d:%d] %q", what, s.Text, s.Start, s.End, text[s.Start:s.End])
	}
	return nil
}

// checkArg reports an argument a that names no mention of doc or does not
// repeat its mention's ID, Name and Text (a capital, a Location argued
// for its state, may carry the state's ID and Name), or whose anaphor
// fails checkSpan.
func checkArg(doc *entities.Document, a relations.Arg) error {
	if a.Entity < 0 || a.Entity >= len(doc.Mentions) {
		return fmt.Errorf("entity %d out of range", a.Entity)
	}
	m := doc.Mentions[a.Entity]
	capital := m.Type == entities.Location && strings.HasPrefix(a.ID, "state/")
	if a.ID != m.ID && !capital || a.Name != m.Name && !capital || a.Text != m.Text {
		return fmt.Errorf("arg %+v does not repeat mention %+v", a, m)
	}
	if a.Anaphor != nil {
		return checkSpan(doc.Text, "anaphor", *a.Anaphor, true)
	}
	return nil
}

// checkRelationFields reports the rules that every relation r, number i
// of doc's relations, must keep whatever its source: non-nil attrs, a
// sentence of doc, a confidence in [0, 1], a known source and evidence
// that checkSpan accepts.
func checkRelationFields(doc *entities.Document, i int, r relations.Relation) error {
	if r.Attrs == nil {
		return fmt.Errorf("relation %d: nil attrs", i)
	}
	if r.Sentence < 0 || r.Sentence >= len(doc.Sentences) {
		return fmt.Errorf("relation %d: sentence %d", i, r.Sentence)
	}
	if !(r.Confidence >= 0 && r.Confidence <= 1) {
		return fmt.Errorf("relation %d: confidence %v outside [0, 1]", i, r.Confidence)
	}
	switch r.Source {
	case relations.SourceRule, relations.SourceModel, relations.SourceBoth:
	default:
		return fmt.Errorf("relation %d: source %q", i, r.Source)
	}
	if err := checkSpan(doc.Text, "evidence", r.Evidence, false); err != nil {
		return fmt.Errorf("relation %d: %w", i, err)
	}
	return nil
}

// checkRelationTrigger reports a relation r, number i, of a text whose
// trigger fails checkSpan or lies outside its evidence, or whose modality
// is unknown.
func checkRelationTrigger(text string, i int, r relations.Relation) error {
	if err := checkSpan(text, "trigger", r.Trigger, true); err != nil {
		return fmt.Errorf("relation %d: %w", i, err)
	}
	if r.Evidence.Start > r.Trigger.Start || r.Evidence.End < r.Trigger.End {
		return fmt.Errorf("relation %d: evidence %v does not cover trigger %v", i, r.Evidence, r.Trigger)
	}
	switch r.Modality {
	case relations.Asserted, relations.Negated, relations.Possible:
	default:
		return fmt.Errorf("relation %d: modality %q", i, r.Modality)
	}
	return nil
}

// checkRelationArgs reports a relation r, number i of doc's relations,
// whose arguments break the rules of its type: a symmetric type has two
// or more distinct parties and no subject or object, a directed one a
// subject and an object and no parties; every argument passes checkArg.
func checkRelationArgs(doc *entities.Document, i int, r relations.Relation) error {
	if !r.Type.Symmetric() {
		if r.Subject == nil || r.Object == nil || len(r.Parties) > 0 {
			return fmt.Errorf("relation %d: directed %s without subject and object", i, r.Type)
		}
		if err := checkArg(doc, *r.Subject); err != nil {
			return fmt.Errorf("relation %d: %w", i, err)
		}
		if err := checkArg(doc, *r.Object); err != nil {
			return fmt.Errorf("relation %d: %w", i, err)
		}
		return nil
	}
	if r.Subject != nil || r.Object != nil || len(r.Parties) < 2 {
		return fmt.Errorf("relation %d: symmetric %s with subject/object or < 2 parties", i, r.Type)
	}
	seen := map[int]bool{}
	for _, p := range r.Parties {
		if err := checkArg(doc, p); err != nil {
			return fmt.Errorf("relation %d: %w", i, err)
		}
		if seen[p.Entity] {
			return fmt.Errorf("relation %d: party %d twice", i, p.Entity)
		}
		seen[p.Entity] = true
	}
	return nil
}

func TestInvariants(t *testing.T) {
	texts := []string{}
	for _, c := range relationCases {
		texts = append(texts, c.text)
	}
	if b, err := os.ReadFile("../testdata/rt-caucasus-security-outline.txt"); err == nil {
		texts = append(texts, string(b))
	}
	texts = append(texts, longNews(t))
	for i, text := range texts {
		doc, rs := analyse(t, text)
		if err := checkInvariants(doc, rs); err != nil {
			t.Errorf("text %d: %v", i, err)
		}
	}
}

// TestJSONContract checks the JSON form of relations against the output contract (docs/contract.md):
// required fields, attrs as {} rather than null, parties only for
// symmetric types, subject and object only for directed ones.
func TestJSONContract(t *testing.T) {
	_, rs := analyse(t, "Russia, Abkhazia and South Ossetia may soon enter a trilateral treaty. The Collective Security Treaty Organization includes Armenia.")
	if len(rs) != 2 {
		t.Fatalf("got %d relations, want 2", len(rs))
	}
	b, err := json.Marshal(rs)
	if err != nil {
		t.Fatal(err)
	}
	var got []map[string]any
	if err := json.Unmarshal(b, &got); err != nil {
		t.Fatal(err)
	}
	for _, r := range got {
		for _, k := range []string{"type", "modality", "sentence", "time", "trigger", "evidence", "attrs", "confidence", "source"} {
			if _, ok := r[k]; !ok {
				t.Errorf("%s: no %q field in %s", r["type"], k, b)
			}
		}
		if r["attrs"] == nil {
			t.Errorf("attrs is null")
		}
		_, hasParties := r["parties"]
		_, hasSubject := r["subject"]
		if sym := relations.Type(r["type"].(string)).Symmetric(); sym != hasParties || sym == hasSubject {
			t.Errorf("%s: parties %v, subject %v", r["type"], hasParties, hasSubject)
		}
	}
	want := `{"type":"member-of","modality":"asserted","sentence":1,"time":"",` +
		`"subject":{"entity":4,"id":"state/armenia","name":"Armenia","text":"Armenia","anaphor":null},` +
		`"object":{"entity":3,"id":"org/csto","name":"Collective Security Treaty Organization","text":"Collective Security Treaty Organization","anaphor":null},` +
		`"trigger":{"text":"includes","start":115,"end":123},` +
		`"evidence":{"text":"Collective Security Treaty Organization includes Armenia","start":75,"end":131},"attrs":{}`
	// Confidence comes from the trained model; the rest is fixed.
	if rs[1].Source != relations.SourceRule && rs[1].Source != relations.SourceBoth || rs[1].Confidence < 0.5 {
		t.Errorf("a rule's relation: source %q, confidence %v; want rule or rule+model, >= 0.5", rs[1].Source, rs[1].Confidence)
	}
	want += fmt.Sprintf(`,"confidence":%v,"source":%q}`, rs[1].Confidence, rs[1].Source)
	one, _ := json.Marshal(rs[1])
	if diff := cmp.Diff(want, string(one)); diff != "" {
		t.Errorf("JSON (-want +got):\n%s", diff)
	}
}

func TestBadInput(t *testing.T) {
	rx, err := relationsExtractor()
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	if _, err := rx.Extract(ctx, nil); !errors.Is(err, relations.ErrBadDocument) {
		t.Errorf("nil document: %v", err)
	}
	doc, _ := analyse(t, "Russia recognized Abkhazia.")
	bad := *doc
	bad.Tokens = append([]entities.Token(nil), doc.Tokens...)
	bad.Tokens[0].End = 1000
	if _, err := rx.Extract(ctx, &bad); !errors.Is(err, relations.ErrBadDocument) {
		t.Errorf("token out of range: %v", err)
	}
	bad = *doc
	bad.Sentences = []entities.Sentence{{TokenStart: 2, TokenEnd: 1}}
	if _, err := rx.Extract(ctx, &bad); !errors.Is(err, relations.ErrBadDocument) {
		t.Errorf("bad sentence: %v", err)
	}
	bad = *doc
	bad.Mentions = append([]entities.Mention(nil), doc.Mentions...)
	bad.Mentions[0].Start = -1
	if _, err := rx.Extract(ctx, &bad); !errors.Is(err, relations.ErrBadDocument) {
		t.Errorf("mention out of range: %v", err)
	}
	// An empty document has no relations.
	rs, err := rx.Extract(ctx, &entities.Document{})
	if err != nil || len(rs) != 0 {
		t.Errorf("empty document: %v, %v", rs, err)
	}
	// A cancelled context stops the extraction.
	cctx, cancel := context.WithCancel(ctx)
	cancel()
	if _, err := rx.Extract(cctx, doc); !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled: %v", err)
	}
}

func TestOptions(t *testing.T) {
	for _, c := range []struct {
		name string
		opt  relations.Option
		want error
	}{
		{"unknown type", relations.WithTriggers("no-such-type", "x"), relations.ErrUnknownType},
		{"empty type", relations.WithType(relations.TypeDef{}), relations.ErrBadTypeDef},
		{"empty trigger", relations.WithTriggers(relations.MetWith, " "), relations.ErrBadTypeDef},
		{"symmetry of a built-in", relations.WithType(relations.TypeDef{Type: relations.MetWith}), relations.ErrBadTypeDef},
		{"nil rule", relations.WithRule(nil), relations.ErrBadTypeDef},
	} {
		if _, err := relations.New(c.opt); !errors.Is(err, c.want) {
			t.Errorf("%s: got %v, want %v", c.name, err, c.want)
		}
	}
	// Triggers for a type defined later in the option list are fine.
	if _, err := relations.New(relations.WithTriggers("x", "y"), relations.WithType(relations.TypeDef{Type: "x"})); err != nil {
		t.Error(err)
	}
	// New titles for official-of.
	rx, err := relations.New(relations.WithTriggers(relations.OfficialOf, "ombudsman", "head of mission"))
	if err != nil {
		t.Fatal(err)
	}
	ee, _ := entitiesExtractor()
	doc, _ := ee.Extract(context.Background(), "OSCE head of mission Clemens Koja visited Skopje.")
	rs, _ := rx.Extract(context.Background(), doc)
	if got := formatAll(rs); !slicesContain(got, "official-of asserted Clemens Koja -> Organization for Security and Co-operation in Europe {role=head of mission}") {
		t.Errorf("new title: got %q", got)
	}
	// Coreference can be turned off.
	rx, err = relations.New(relations.WithoutCoreference())
	if err != nil {
		t.Fatal(err)
	}
	doc, _ = ee.Extract(context.Background(), "Sergei Lavrov arrived in Ankara. He met Recep Tayyip Erdogan.")
	rs, _ = rx.Extract(context.Background(), doc)
	if len(rs) != 0 {
		t.Errorf("without coreference: %q", formatAll(rs))
	}
}

func slicesContain(ss []string, s string) bool {
	for _, x := range ss {
		if x == s {
			return true
		}
	}
	return false
}

// TestConcurrent shares one Extractor between goroutines (run with -race)
// and checks that every goroutine gets the sequential results.
func TestConcurrent(t *testing.T) {
	rx, err := relationsExtractor()
	if err != nil {
		t.Fatal(err)
	}
	var docs []*entities.Document
	var want [][]relations.Relation
	for _, c := range relationCases {
		doc, rs := analyse(t, c.text)
		docs = append(docs, doc)
		want = append(want, rs)
	}
	var wg sync.WaitGroup
	errs := make(chan string, 64)
	for g := 0; g < 8; g++ {
		wg.Add(1)
		go func(g int) {
			defer wg.Done()
			for k := 0; k < len(docs); k++ {
				i := (k + g*7) % len(docs)
				rs, err := rx.Extract(context.Background(), docs[i])
				if err != nil {
					errs <- err.Error()
					return
				}
				if diff := cmp.Diff(want[i], rs); diff != "" {
					errs <- fmt.Sprintf("doc %d differs:\n%s", i, diff)
					return
				}
			}
		}(g)
	}
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Error(e)
	}
}

// FuzzExtract runs entities and relations on arbitrary text: no panic, and
// the output invariants hold.
func FuzzExtract(f *testing.F) {
	for _, c := range relationCases[:10] {
		f.Add(c.text)
	}
	f.Add("Russia, , and and NATO met met with , the the President of")
	f.Add(strings.Repeat("Russia and ", 50) + "Georgia signed a treaty between between.")
	ee, rx := pipeline(f)
	f.Fuzz(func(t *testing.T, text string) {
		doc, err := ee.Extract(context.Background(), text)
		if err != nil {
			return
		}
		rs, err := rx.Extract(context.Background(), doc)
		if err != nil {
			t.Fatal(err)
		}
		if err := checkInvariants(doc, rs); err != nil {
			t.Fatal(err)
		}
	})
}
