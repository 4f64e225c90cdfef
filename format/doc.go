// Package format writes and reads statecraft's output formats, each to an
// io.Writer: the JSON output contract (docs/contract.md; one document or
// JSON Lines), a readable summary, brat standoff, CoNLL, a self-contained
// HTML page and Graphviz DOT. A service turns an analysis into any of them:
//
//	a, err := pipeline.Analyze(ctx, text)
//	...
//	doc := format.FromAnalysis("doc-1", a)
//	err = format.WriteJSONL(w, &doc)
//
// The readers (brat, CoNLL, the JSON contract, statecraft's gold files)
// serve evaluation: examples/extract writes these formats and
// examples/evaluate reads them back through this package, so that both
// agree on one definition of each format.
//
// # Model
//
// Every writer takes a [Doc]: the text, tokens, sentences and mentions of
// an [entities.Document] plus the document's relations as [Relation]
// values in the JSON contract's shape. Build it with [FromAnalysis], or
// with [FromEntities] and [FromRelations]. A Doc is read-only to the writers; they may be called
// concurrently on different Docs.
//
// # Offsets
//
// Offsets in a Doc, in the JSON formats and in HTML data attributes are
// UTF-8 byte offsets into the text, half-open, as everywhere in
// statecraft. brat standoff counts Unicode code points instead (that is
// what brat itself does); [WriteBrat] converts, and [ReadBrat] converts
// back with the text at hand. CoNLL has no offsets: [ReadCoNLL] returns
// tokens, and [AlignCoNLL] finds them in the original text.
//
// # Formats
//
//   - JSON ([WriteJSON], [WriteJSONL], [ReadJSON]): one object per document,
//     the contract of docs/contract.md: "id", "entities" (the fields of
//     [entities.Mention]) and "relations" ([Relation]).
//   - Summary ([WriteSummary]): entities grouped by type with canonical
//     names, ids and counts, then relations as sentences.
//   - brat ([WriteBrat], [ReadBrat]): standoff .ann lines; see WriteBrat
//     for how statecraft's annotations map onto T, R, A and # lines.
//   - CoNLL ([WriteCoNLL], [ReadCoNLL]): token, POS tag and BIO tag with
//     statecraft's types, a blank line between sentences.
//   - HTML ([WriteHTML]): one self-contained page, no network access.
//   - DOT ([WriteDOT]): a Graphviz digraph of entities and relations.
package format

import (
	"fmt"
	"sort"
	"strings"

	"github.com/statecraft/statecraft/entities"
)

// Doc is one analysed document as the writers see it.
type Doc struct {
	// ID names the document in every format ("id" in JSON, the graph
	// name in DOT, the heading in the summary and HTML).
	ID string
	// RawID, when set, is the document's id exactly as the input gave it
	// (a JSON string or number) and is written instead of ID in JSON.
	RawID []byte
	// Date is the reference date of the document, YYYY-MM-DD, or "".
	Date string

	Text      string
	Tokens    []entities.Token
	Sentences []entities.Sentence
	Entities  []entities.Mention
	Relations []Relation

	// OptionalEntities and OptionalRelations mark, for gold data, the
	// entities and relations that are neither required nor penalised
	// (index i marks Entities[i] or Relations[i]); nil for system output.
	OptionalEntities  []bool
	OptionalRelations []bool
}

// FromEntities returns the Doc of d named id, without relations.
func FromEntities(id string, d *entities.Document) Doc {
	doc := Doc{ID: id, Text: d.Text, Tokens: d.Tokens, Sentences: d.Sentences, Entities: d.Mentions}
	if !d.Date.IsZero() {
		doc.Date = d.Date.Format("2006-01-02")
	}
	return doc
}

// Relation is one relation between a document's entities, in the shape of
// the JSON output contract (docs/contract.md). Directed relations have Subject and
// Object; symmetric ones (treaty-between, allied-with, met-with) have all
// their Parties instead.
type Relation struct {
	Type     string            `json:"type"`     // member-of, treaty-between, ...
	Modality string            `json:"modality"` // asserted, negated or possible
	Sentence int               `json:"sentence"` // index of the sentence of the trigger
	Time     string            `json:"time"`     // TIMEX3-style value of the anchoring DATE, or ""
	Subject  *Arg              `json:"subject,omitempty"`
	Object   *Arg              `json:"object,omitempty"`
	Parties  []Arg             `json:"parties,omitempty"`
	Trigger  Trigger           `json:"trigger"`
	Evidence Span              `json:"evidence"`
	Attrs    map[string]string `json:"attrs"` // role, treaty, place, ...
	// Confidence is the calibrated probability that the relation is right
	// (0 when unknown); Source says what found it: "rule", "model" or
	// "rule+model" ("" when unknown, as in gold data).
	Confidence float64 `json:"confidence"`
	Source     string  `json:"source,omitempty"`
}

// Arg is an argument of a [Relation]: the index of its mention in the
// document's entity list, and the mention's canonical id, name and text.
//
// Anaphor, when set, is the span of the pronoun or description ("he",
// "the diplomat") through which the argument was found.
type Arg struct {
	Entity  int    `json:"entity"`
	ID      string `json:"id"`
	Name    string `json:"name"`
	Text    string `json:"text"`
	Anaphor *Span  `json:"anaphor"`
}

// Trigger is the word or phrase that expresses a [Relation], as a byte
// span of the text.
type Trigger struct {
	Text  string `json:"text"`
	Start int    `json:"start"`
	End   int    `json:"end"`
}

// Span is a half-open byte span of the text, with the text it covers
// when known.
type Span struct {
	Text  string `json:"text,omitempty"`
	Start int    `json:"start"`
	End   int    `json:"end"`
}

// Symmetric reports whether r is written with parties rather than a
// subject and an object.
func (r *Relation) Symmetric() bool { return r.Subject == nil && r.Object == nil }

// Args returns r's arguments: subject then object, or the parties.
func (r *Relation) Args() []Arg {
	if r.Symmetric() {
		return r.Parties
	}
	var a []Arg
	if r.Subject != nil {
		a = append(a, *r.Subject)
	}
	if r.Object != nil {
		a = append(a, *r.Object)
	}
	return a
}

// Label returns the display name of an argument: its canonical name, else
// its text.
func (a Arg) Label() string {
	if a.Name != "" {
		return a.Name
	}
	return a.Text
}

// typeOrder is the order in which the readable formats list entity types;
// other types follow in alphabetical order.
var typeOrder = []entities.Type{entities.Person, entities.State, entities.Org, entities.Location, entities.Date}

// typeRank returns the position of t in typeOrder, or len(typeOrder).
func typeRank(t entities.Type) int {
	for i, x := range typeOrder {
		if x == t {
			return i
		}
	}
	return len(typeOrder)
}

// entityKey identifies the canonical entity of a mention: its type and
// gazetteer id, else its canonical name, else its text (DATE mentions by
// text and value).
func entityKey(m *entities.Mention) string {
	switch {
	case m.Type == entities.Date:
		return string(m.Type) + "\x00" + m.Text + "\x00" + m.Value
	case m.ID != "":
		return string(m.Type) + "\x00" + m.ID
	case m.Name != "":
		return string(m.Type) + "\x00\x00" + m.Name
	}
	return string(m.Type) + "\x00\x00" + m.Text
}

// mentionName returns the canonical name of m, else its text.
func mentionName(m *entities.Mention) string {
	if m.Name != "" && m.Type != entities.Date {
		return m.Name
	}
	return m.Text
}

// Entity is one canonical entity of a document: the mentions that share a
// type and gazetteer id (or name, for entities the gazetteer does not
// know).
type Entity struct {
	Type     entities.Type
	ID       string // gazetteer id, or ""
	Name     string // canonical name, or the text of a DATE
	Value    string // a DATE's value
	Mentions []int  // indexes into Doc.Entities, in text order
	Adj      int    // how many of the mentions are adjectival
}

// GroupEntities groups mentions into canonical entities, in the order of
// their first mention.
func GroupEntities(ms []entities.Mention) []Entity {
	var out []Entity
	at := map[string]int{}
	for i := range ms {
		m := &ms[i]
		k := entityKey(m)
		j, ok := at[k]
		if !ok {
			j = len(out)
			at[k] = j
			out = append(out, Entity{Type: m.Type, ID: m.ID, Name: mentionName(m), Value: m.Value})
		}
		out[j].Mentions = append(out[j].Mentions, i)
		if m.Adjectival {
			out[j].Adj++
		}
	}
	return out
}

// brief returns a one-line rendering of r for people:
// "Armenia —member-of→ Collective Security Treaty Organization (asserted)".
func (r *Relation) brief() string {
	var b strings.Builder
	args := r.Args()
	switch {
	case !r.Symmetric():
		sub, obj := "?", "?"
		if r.Subject != nil {
			sub = r.Subject.Label()
		}
		if r.Object != nil {
			obj = r.Object.Label()
		}
		b.WriteString(sub + " —" + r.Type + "→ " + obj)
	case len(args) == 2:
		b.WriteString(args[0].Label() + " ←" + r.Type + "→ " + args[1].Label())
	default:
		b.WriteString(r.Type + " among ")
		for i, a := range args {
			if i > 0 {
				b.WriteString(", ")
			}
			b.WriteString(a.Label())
		}
	}
	b.WriteString(" (" + r.Modality)
	if r.Time != "" {
		b.WriteString(", time " + r.Time)
	}
	if r.Source != "" {
		b.WriteString(fmt.Sprintf(", %s %.2f", r.Source, r.Confidence))
	}
	b.WriteString(")")
	if len(r.Attrs) > 0 {
		b.WriteString(" [" + attrString(r.Attrs, ", ") + "]")
	}
	return b.String()
}

// attrString returns attrs as sorted key=value pairs joined by sep.
func attrString(attrs map[string]string, sep string) string {
	keys := make([]string, 0, len(attrs))
	for k := range attrs {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var b strings.Builder
	for i, k := range keys {
		if i > 0 {
			b.WriteString(sep)
		}
		b.WriteString(k + "=" + attrs[k])
	}
	return b.String()
}
