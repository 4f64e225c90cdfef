package main

import (
	"bytes"
	"encoding/json"
	"fmt"

	"github.com/statecraft/statecraft/entities"
	formats "github.com/statecraft/statecraft/format"
	"github.com/statecraft/statecraft/relations"
)

// This file encodes the pipeline's output. A document's result is the JSON
// output contract (docs/contract.md), written by package format, the
// code that examples/extract writes with -input jsonl -format jsonl, so the
// two agree byte for byte; TestReDocREDMatchesExtract and compare.sh check
// that the whole analysis agrees document by document.

// newDocResult returns the contract object of a document whose id is the
// raw JSON id, analysed into d with relations rs: "id" exactly as the input
// gave it, "date" when the document had one, "entities" and "relations".
// Lists are never null.
func newDocResult(id json.RawMessage, d *entities.Document, rs []relations.Relation) formats.Output {
	doc := formats.FromEntities(formats.IDString(id), d)
	doc.RawID = id
	doc.Relations = formats.FromRelations(rs)
	return formats.NewOutput(&doc)
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
