package format

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"

	"github.com/statecraft/statecraft/entities"
)

// Output is the JSON object of one document in the output contract
// (docs/contract.md): "id", "entities" and "relations", plus "date" when the
// document had a reference date. Reading batch output, Error and Line are
// set instead for a line that failed (see [ErrorOutput]).
type Output struct {
	ID        json.RawMessage    `json:"id"`
	Date      string             `json:"date,omitempty"`
	Entities  []entities.Mention `json:"entities"`
	Relations []Relation         `json:"relations"`
	Error     string             `json:"error,omitempty"`
	Line      int                `json:"line,omitempty"`
	File      string             `json:"file,omitempty"`
}

// ErrorOutput is the JSON object written in place of a document that could
// not be processed in a batch: the document's id when it could be read,
// else the line number, then the line number, the file when the input was
// a named file, and the error message.
type ErrorOutput struct {
	ID    json.RawMessage `json:"id"`
	Line  int             `json:"line"`
	File  string          `json:"file,omitempty"`
	Error string          `json:"error"`
}

// NewOutput returns the JSON object of d. Its lists are never nil, so that
// they are written as [] rather than null, and relation attributes are
// never null.
func NewOutput(d *Doc) Output {
	id := json.RawMessage(d.RawID)
	if len(id) == 0 {
		id, _ = json.Marshal(d.ID) // cannot fail for a string
	}
	o := Output{ID: id, Date: d.Date, Entities: d.Entities, Relations: d.Relations}
	if o.Entities == nil {
		o.Entities = []entities.Mention{}
	}
	if o.Relations == nil {
		o.Relations = []Relation{}
	} else {
		o.Relations = make([]Relation, len(d.Relations))
		copy(o.Relations, d.Relations)
		for i := range o.Relations {
			if o.Relations[i].Attrs == nil {
				o.Relations[i].Attrs = map[string]string{}
			}
		}
	}
	return o
}

// WriteJSON writes d as one indented JSON object followed by a newline.
// Several documents written one after the other form a JSON stream that
// [ReadJSON] (or any json.Decoder) reads back.
func WriteJSON(w io.Writer, d *Doc) error {
	return writeJSON(w, NewOutput(d), "  ")
}

// WriteJSONL writes d as one JSON object on one line (JSON Lines).
func WriteJSONL(w io.Writer, d *Doc) error {
	o := NewOutput(d)
	// About 330 bytes an entity and 600 a relation. A bytes.Buffer (as
	// the batch program passes) is written in place.
	size := 256 + 384*len(o.Entities) + 768*len(o.Relations)
	var b []byte
	if bb, ok := w.(*bytes.Buffer); ok {
		bb.Grow(size)
		b = bb.AvailableBuffer()
	} else {
		b = make([]byte, 0, size)
	}
	b, err := appendOutput(b, &o)
	if err != nil {
		// encoding/json reports the problem.
		return writeJSON(w, o, "")
	}
	_, err = w.Write(append(b, '\n'))
	return err
}

// WriteErrorJSONL writes e as one line of JSON.
func WriteErrorJSONL(w io.Writer, e ErrorOutput) error {
	return writeJSON(w, e, "")
}

// writeJSON encodes v without HTML escaping, so that "<" and "&" in texts
// stay readable, indented by indent when it is not empty.
func writeJSON(w io.Writer, v any, indent string) error {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if indent != "" {
		enc.SetIndent("", indent)
	}
	if err := enc.Encode(v); err != nil {
		return fmt.Errorf("formats: encoding JSON: %w", err)
	}
	_, err := w.Write(buf.Bytes())
	return err
}

// ReadJSON reads a stream of output objects, as written by [WriteJSON] or
// [WriteJSONL] (whitespace between objects does not matter).
func ReadJSON(r io.Reader) ([]Output, error) {
	dec := json.NewDecoder(r)
	var out []Output
	for {
		var o Output
		err := dec.Decode(&o)
		if errors.Is(err, io.EOF) {
			return out, nil
		}
		if err != nil {
			return out, fmt.Errorf("formats: JSON object %d: %w", len(out)+1, err)
		}
		out = append(out, o)
	}
}

// IDString returns a JSON id as text: a string's value, or the JSON of any
// other value (a number stays "17").
func IDString(id json.RawMessage) string {
	var s string
	if json.Unmarshal(id, &s) == nil {
		return s
	}
	return string(bytes.TrimSpace(id))
}

// LineID returns the JSON id used for a batch line whose own id could not
// be read: its line number.
func LineID(line int) json.RawMessage {
	return json.RawMessage(strconv.Itoa(line))
}

// RecoverID returns the value of the top-level "id" of a line that is not
// valid JSON as a whole, when it can be read before the defect; else nil.
// The value is returned as written, so a JSON null comes back as "null".
func RecoverID(line []byte) json.RawMessage {
	dec := json.NewDecoder(bytes.NewReader(line))
	if t, err := dec.Token(); err != nil || t != json.Delim('{') {
		return nil
	}
	for dec.More() {
		t, err := dec.Token()
		if err != nil {
			return nil
		}
		key, ok := t.(string)
		if !ok {
			return nil
		}
		var v json.RawMessage
		if err := dec.Decode(&v); err != nil {
			return nil
		}
		if key == "id" {
			return v
		}
	}
	return nil
}
