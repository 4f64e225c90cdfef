package main

import (
	"bytes"
	"encoding/json"
	"fmt"

	"github.com/statecraft/statecraft/entities"
	"github.com/statecraft/statecraft/relations"
)

// This file is the pipeline's own encoding of the JSON output contract of
// DESIGN.md. It writes, byte for byte, what examples/extract writes with
// -input jsonl -format jsonl (examples/internal/formats, which this
// separate module cannot import): TestReDocREDMatchesExtract and
// compare.sh check that the two agree document by document.

// docResult is the JSON object of one document: "id" exactly as the input
// gave it, "date" when the document had one, "entities" (the JSON form of
// [entities.Mention]) and "relations". Lists are never null.
type docResult struct {
	ID        json.RawMessage    `json:"id"`
	Date      string             `json:"date,omitempty"`
	Entities  []entities.Mention `json:"entities"`
	Relations []relationJSON     `json:"relations"`
}

// relationJSON is a relation in the contract's shape: directed relations
// have subject and object, symmetric ones parties; the trigger always has
// its text; the evidence is a bare span; attrs is never null.
type relationJSON struct {
	Type     string            `json:"type"`
	Modality string            `json:"modality"`
	Sentence int               `json:"sentence"`
	Time     string            `json:"time"`
	Subject  *argJSON          `json:"subject,omitempty"`
	Object   *argJSON          `json:"object,omitempty"`
	Parties  []argJSON         `json:"parties,omitempty"`
	Trigger  triggerJSON       `json:"trigger"`
	Evidence spanJSON          `json:"evidence"`
	Attrs    map[string]string `json:"attrs"`
}

// argJSON is a relation argument: the index of its mention in "entities",
// the mention's gazetteer id, canonical name and text, and the span of the
// pronoun or description it was found through, if any.
type argJSON struct {
	Entity  int       `json:"entity"`
	ID      string    `json:"id"`
	Name    string    `json:"name"`
	Text    string    `json:"text"`
	Anaphor *spanJSON `json:"anaphor,omitempty"`
}

// triggerJSON is the trigger of a relation: its text and byte span.
type triggerJSON struct {
	Text  string `json:"text"`
	Start int    `json:"start"`
	End   int    `json:"end"`
}

// spanJSON is a half-open byte span, with its text when known.
type spanJSON struct {
	Text  string `json:"text,omitempty"`
	Start int    `json:"start"`
	End   int    `json:"end"`
}

// newDocResult returns the contract object of a document whose id is the
// raw JSON id, analysed into d with relations rs.
func newDocResult(id json.RawMessage, d *entities.Document, rs []relations.Relation) docResult {
	out := docResult{ID: id, Entities: d.Mentions, Relations: make([]relationJSON, len(rs))}
	if !d.Date.IsZero() {
		out.Date = d.Date.Format(dateLayout)
	}
	if out.Entities == nil {
		out.Entities = []entities.Mention{}
	}
	for i, r := range rs {
		out.Relations[i] = newRelationJSON(r)
	}
	return out
}

// newRelationJSON converts one relation of package relations.
func newRelationJSON(r relations.Relation) relationJSON {
	j := relationJSON{
		Type:     string(r.Type),
		Modality: string(r.Modality),
		Sentence: r.Sentence,
		Time:     r.Time,
		Trigger:  triggerJSON{Text: r.Trigger.Text, Start: r.Trigger.Start, End: r.Trigger.End},
		Evidence: spanJSON{Start: r.Evidence.Start, End: r.Evidence.End},
		Attrs:    r.Attrs,
	}
	if j.Attrs == nil {
		j.Attrs = map[string]string{}
	}
	if r.Subject != nil {
		a := newArgJSON(*r.Subject)
		j.Subject = &a
	}
	if r.Object != nil {
		a := newArgJSON(*r.Object)
		j.Object = &a
	}
	for _, p := range r.Parties {
		j.Parties = append(j.Parties, newArgJSON(p))
	}
	return j
}

// newArgJSON converts one relation argument.
func newArgJSON(a relations.Arg) argJSON {
	j := argJSON{Entity: a.Entity, ID: a.ID, Name: a.Name, Text: a.Text}
	if a.Anaphor != nil {
		j.Anaphor = &spanJSON{Text: a.Anaphor.Text, Start: a.Anaphor.Start, End: a.Anaphor.End}
	}
	return j
}

// errorResult is the JSON object written to the error output for an input
// line that could not be processed: the document's id when it could be
// read, else an excerpt of the line (textio reads files in parallel byte
// ranges, so line numbers are not known), the file it came from, the kind
// of failure and the message.
type errorResult struct {
	ID      json.RawMessage `json:"id,omitempty"`
	Excerpt string          `json:"excerpt,omitempty"`
	File    string          `json:"file"`
	Kind    string          `json:"kind"`
	Error   string          `json:"error"`
}

// marshalLine encodes v as one line of JSON without its line break and
// without HTML escaping, as the example programs do.
func marshalLine(v any) (string, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return "", fmt.Errorf("encoding JSON: %w", err)
	}
	return string(bytes.TrimSuffix(buf.Bytes(), []byte("\n"))), nil
}
