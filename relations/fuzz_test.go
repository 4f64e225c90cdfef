package relations_test

import (
	"context"
	"encoding/json"
	"fmt"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/statecraft/statecraft/entities"
	"github.com/statecraft/statecraft/relations"
)

// checkDocument reports the first violation of the document rules of
// package entities by doc, the analysis of text: the text is the
// caller's; tokens are non-empty, in bounds, in order, without overlap
// and slice the text to their Text; sentences cover all tokens in order
// and span their first to their last token; mentions are in bounds, slice
// the text to their Text, lie inside the sentence they name, are of a
// known type and are in text order without overlap.
func checkDocument(text string, doc *entities.Document) error {
	if doc.Text != text {
		return fmt.Errorf("document text differs from the input")
	}
	if err := checkTokens(text, doc.Tokens); err != nil {
		return err
	}
	if err := checkSentences(doc); err != nil {
		return err
	}
	return checkMentions(text, doc)
}

// checkTokens reports the first token of tokens that is empty, out of
// the bounds of text, before the end of the token ahead of it or whose
// Text is not the text it spans.
func checkTokens(text string, tokens []entities.Token) error {
	prev := 0
	for i, t := range tokens {
		if t.Start < prev || t.Start >= t.End || t.End > len(text) {
			return fmt.Errorf("token %d [%d, %d) out of order or bounds (previous end %d, text %d bytes)", i, t.Start, t.End, prev, len(text))
		}
		if text[t.Start:t.End] != t.Text {
			return fmt.Errorf("token %d: text[%d:%d] = %q, Text %q", i, t.Start, t.End, text[t.Start:t.End], t.Text)
		}
		prev = t.End
	}
	return nil
}

// checkSentences reports the first sentence of doc whose tokens do not
// follow on from the sentence ahead of it or whose span is not that of
// its first to its last token, or sentences that leave tokens uncovered.
// It expects tokens that checkTokens accepts.
func checkSentences(doc *entities.Document) error {
	next := 0
	for i, s := range doc.Sentences {
		if s.TokenStart != next || s.TokenEnd <= s.TokenStart || s.TokenEnd > len(doc.Tokens) {
			return fmt.Errorf("sentence %d: tokens [%d, %d), want a non-empty range from %d of %d", i, s.TokenStart, s.TokenEnd, next, len(doc.Tokens))
		}
		if s.Start != doc.Tokens[s.TokenStart].Start || s.End != doc.Tokens[s.TokenEnd-1].End {
			return fmt.Errorf("sentence %d: span [%d, %d) is not that of its tokens", i, s.Start, s.End)
		}
		next = s.TokenEnd
	}
	if next != len(doc.Tokens) {
		return fmt.Errorf("sentences cover %d of %d tokens", next, len(doc.Tokens))
	}
	return nil
}

// checkMentions reports the first mention of doc that is out of text
// order or overlaps the mention ahead of it, or that checkMention
// rejects.
func checkMentions(text string, doc *entities.Document) error {
	prev := 0
	for i, m := range doc.Mentions {
		if m.Start < prev || m.Start >= m.End || m.End > len(text) {
			return fmt.Errorf("mention %d %q [%d, %d) out of order or bounds (previous end %d)", i, m.Text, m.Start, m.End, prev)
		}
		if err := checkMention(text, doc, i, m); err != nil {
			return err
		}
		prev = m.End
	}
	return nil
}

// checkMention reports how m, mention i of doc and in the bounds of text,
// breaks the rules of a mention: its Text must be the text it spans, it
// must lie inside the sentence it names, be of a known type and have a
// score in [0, 1].
func checkMention(text string, doc *entities.Document, i int, m entities.Mention) error {
	if text[m.Start:m.End] != m.Text {
		return fmt.Errorf("mention %d: text[%d:%d] = %q, Text %q", i, m.Start, m.End, text[m.Start:m.End], m.Text)
	}
	if m.Sentence < 0 || m.Sentence >= len(doc.Sentences) {
		return fmt.Errorf("mention %d %q: sentence %d of %d", i, m.Text, m.Sentence, len(doc.Sentences))
	}
	if s := doc.Sentences[m.Sentence]; m.Start < s.Start || m.End > s.End {
		return fmt.Errorf("mention %d %q [%d, %d) outside its sentence %d [%d, %d)", i, m.Text, m.Start, m.End, m.Sentence, s.Start, s.End)
	}
	switch m.Type {
	case entities.Person, entities.State, entities.Org, entities.Date, entities.Location:
	default:
		return fmt.Errorf("mention %d %q: type %q", i, m.Text, m.Type)
	}
	if m.Score < 0 || m.Score > 1 {
		return fmt.Errorf("mention %d %q: score %v", i, m.Text, m.Score)
	}
	return nil
}

// checkPipeline runs entities and then relations on text, checks every
// rule of both outputs, runs both again and checks that the second run
// gives the same values and the same JSON. It returns the document and
// relations, or nil for a text that entities refuses (too large).
func checkPipeline(t *testing.T, ee *entities.Extractor, rx *relations.Extractor, text string) (*entities.Document, []relations.Relation) {
	t.Helper()
	ctx := context.Background()
	doc, err := ee.Extract(ctx, text)
	if err != nil {
		t.Fatalf("entities: %v", err)
	}
	if err := checkDocument(text, doc); err != nil {
		t.Fatalf("entities: %v", err)
	}
	rs, err := rx.Extract(ctx, doc)
	if err != nil {
		t.Fatalf("relations: %v", err)
	}
	if err := checkInvariants(doc, rs); err != nil {
		t.Fatalf("relations: %v", err)
	}
	if err := checkRelationSpans(doc, rs); err != nil {
		t.Fatalf("relations: %v", err)
	}
	// The same input, again: the same output, value for value and byte
	// for byte.
	doc2, err := ee.Extract(ctx, text)
	if err != nil {
		t.Fatalf("entities, second run: %v", err)
	}
	if diff := cmp.Diff(doc, doc2); diff != "" {
		t.Fatalf("entities: second run differs (-first +second):\n%s", diff)
	}
	rs2, err := rx.Extract(ctx, doc2)
	if err != nil {
		t.Fatalf("relations, second run: %v", err)
	}
	if diff := cmp.Diff(rs, rs2); diff != "" {
		t.Fatalf("relations: second run differs (-first +second):\n%s", diff)
	}
	j1, err1 := json.Marshal(struct {
		M []entities.Mention
		R []relations.Relation
	}{doc.Mentions, rs})
	j2, err2 := json.Marshal(struct {
		M []entities.Mention
		R []relations.Relation
	}{doc2.Mentions, rs2})
	if err1 != nil || err2 != nil {
		t.Fatalf("JSON: %v, %v", err1, err2)
	}
	if string(j1) != string(j2) {
		t.Fatalf("JSON differs between runs:\n%s\n%s", j1, j2)
	}
	return doc, rs
}

// checkRelationSpans adds to checkInvariants the rules it leaves out:
// every relation's trigger lies in the sentence the relation names, and
// the relations are in the documented order (evidence start, then type,
// then argument mentions, then trigger) without duplicates.
func checkRelationSpans(doc *entities.Document, rs []relations.Relation) error {
	for i, r := range rs {
		s := doc.Sentences[r.Sentence]
		if r.Source == relations.SourceModel && r.Trigger.IsZero() {
			if r.Evidence.Start < s.Start || r.Evidence.End > s.End {
				return fmt.Errorf("relation %d %s: evidence [%d, %d) outside sentence %d [%d, %d)", i, r.Type, r.Evidence.Start, r.Evidence.End, r.Sentence, s.Start, s.End)
			}
		} else if r.Trigger.Start < s.Start || r.Trigger.End > s.End {
			return fmt.Errorf("relation %d %s: trigger %q [%d, %d) outside sentence %d [%d, %d)", i, r.Type, r.Trigger.Text, r.Trigger.Start, r.Trigger.End, r.Sentence, s.Start, s.End)
		}
		if r.Trigger.Start >= r.Trigger.End && !(r.Source == relations.SourceModel && r.Trigger.IsZero()) {
			return fmt.Errorf("relation %d %s: empty trigger at %d", i, r.Type, r.Trigger.Start)
		}
		if i > 0 {
			a, _ := json.Marshal(rs[i-1])
			b, _ := json.Marshal(r)
			if string(a) == string(b) {
				return fmt.Errorf("relations %d and %d are the same: %s", i-1, i, b)
			}
		}
	}
	return nil
}

// FuzzPipeline runs the whole pipeline, entities.Extract and then
// relations.Extract, on arbitrary text: no panic, no error below the size
// limit; tokens, sentences, mentions, triggers and evidence in bounds, in
// order and slicing the text to their text; relation arguments pointing at
// existing mentions with their text; and the same output on a second run.
// Seeds are in testdata/fuzz/FuzzPipeline (the seed article, invalid UTF-8,
// NUL bytes, mixed scripts, emoji, bidi marks, control characters, ...).
//
//	go test -run '^$' -fuzz '^FuzzPipeline$' -fuzztime 10m -parallel 1 ./relations/
func FuzzPipeline(f *testing.F) {
	f.Add("Russian President Vladimir Putin met Abkhazian leader Raul Khadzhinba in Moscow in 2014.")
	ee, rx := pipeline(f)
	f.Fuzz(func(t *testing.T, text string) {
		checkPipeline(t, ee, rx, text)
	})
}
