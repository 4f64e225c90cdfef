package main

import (
	"bytes"
	"encoding/csv"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/statecraft/statecraft/relations"
)

// This file builds the knowledge graph: every document contributes one
// edgeStats per edge it supports, and mergeEdgesFn adds them up per edge.

// edgeSep separates type, subject id and object id in an edge key.
// Gazetteer ids and relation types hold no tab.
const edgeSep = "\t"

// dateLayout is the layout of document dates and of edge dates.
const dateLayout = "2006-01-02"

// maxSnippet is the largest evidence snippet, in bytes.
const maxSnippet = 300

// edgeStats is what is known of one edge of the knowledge graph: for one
// document, what that document says; after merging, what all documents
// say. Its fields are exported for Beam's schema coder.
type edgeStats struct {
	// SubjectName and ObjectName are the canonical names of the ids.
	SubjectName, ObjectName string
	// Symmetric marks an edge of a symmetric relation type (subject and
	// object are then the two parties, ids in sorted order).
	Symmetric bool
	// Documents is the number of supporting documents.
	Documents int64
	// First and Last are the earliest and latest dates (YYYY-MM-DD) of
	// the supporting documents, "" when none had one.
	First, Last string
	// Asserted, Negated and Possible count the supporting documents with
	// at least one relation of that modality.
	Asserted, Negated, Possible int64
	// Evidence holds up to N references, the smallest by (doc, start, end,
	// text).
	Evidence []evidenceRef
}

// evidenceRef points at the evidence of one relation: the document id,
// the evidence's byte span in the document's text and its text (cut to
// maxSnippet bytes).
type evidenceRef struct {
	Doc   string `json:"doc"`
	Start int    `json:"start"`
	End   int    `json:"end"`
	Text  string `json:"text"`
}

// compare orders evidence references: by document id, start, end, text.
func (a evidenceRef) compare(b evidenceRef) int {
	if c := strings.Compare(a.Doc, b.Doc); c != 0 {
		return c
	}
	if a.Start != b.Start {
		return a.Start - b.Start
	}
	if a.End != b.End {
		return a.End - b.End
	}
	return strings.Compare(a.Text, b.Text)
}

// docEdges returns the edges that one document's relations support, keyed
// by "type\tsubject\tobject" (see edgeKey), each with Documents = 1.
//
// Only arguments with a gazetteer id take part. A directed relation gives
// the edge (subject id, object id); a symmetric one gives an edge for
// every unordered pair of its parties, the smaller id as subject. Edges
// from an id to itself are left out. The date of the edge is the
// document's date when given (docDate), else the relation times that are
// full dates (YYYY-MM-DD), earliest and latest. The evidence keeps the
// document's n smallest distinct spans.
func docEdges(docID, docDate, text string, rs []relations.Relation, n int) map[string]*edgeStats {
	edges := map[string]*edgeStats{}
	add := func(r *relations.Relation, subj, obj relations.Arg, sym bool) {
		if subj.ID == "" || obj.ID == "" || subj.ID == obj.ID {
			return
		}
		if sym && obj.ID < subj.ID {
			subj, obj = obj, subj
		}
		k := edgeKey(string(r.Type), subj.ID, obj.ID)
		e := edges[k]
		if e == nil {
			e = &edgeStats{SubjectName: subj.Name, ObjectName: obj.Name, Symmetric: sym, Documents: 1}
			edges[k] = e
		}
		switch r.Modality {
		case relations.Asserted:
			e.Asserted = 1
		case relations.Negated:
			e.Negated = 1
		case relations.Possible:
			e.Possible = 1
		}
		date := docDate
		if date == "" && isFullDate(r.Time) {
			date = r.Time
		}
		e.First, e.Last = minDate(e.First, date), maxDate(e.Last, date)
		ev := evidenceRef{Doc: docID, Start: r.Evidence.Start, End: r.Evidence.End, Text: snippet(text, r.Evidence.Start, r.Evidence.End)}
		if !slices.Contains(e.Evidence, ev) {
			e.Evidence = addEvidence(e.Evidence, []evidenceRef{ev}, n)
		}
	}
	for i := range rs {
		r := &rs[i]
		if len(r.Parties) > 0 {
			for a := range r.Parties {
				for b := a + 1; b < len(r.Parties); b++ {
					add(r, r.Parties[a], r.Parties[b], true)
				}
			}
			continue
		}
		if r.Subject != nil && r.Object != nil {
			add(r, *r.Subject, *r.Object, r.Type.Symmetric())
		}
	}
	return edges
}

// edgeKey returns the key of the edge (typ, subject, object).
func edgeKey(typ, subject, object string) string {
	return typ + edgeSep + subject + edgeSep + object
}

// mergeEdgesFn is the CombineFn that adds up the edgeStats of an edge,
// keeping at most Evidence evidence references. The result does not
// depend on the order in which documents arrive.
type mergeEdgesFn struct {
	// Evidence is the number of evidence references kept per edge.
	Evidence int `json:"evidence"`
}

// MergeAccumulators returns the sum of a and b.
func (f *mergeEdgesFn) MergeAccumulators(a, b edgeStats) edgeStats {
	return mergeEdges(a, b, f.Evidence)
}

// mergeEdges returns the sum of a and b with at most n evidence references.
func mergeEdges(a, b edgeStats, n int) edgeStats {
	m := edgeStats{
		SubjectName: minName(a.SubjectName, b.SubjectName),
		ObjectName:  minName(a.ObjectName, b.ObjectName),
		Symmetric:   a.Symmetric || b.Symmetric,
		Documents:   a.Documents + b.Documents,
		First:       minDate(a.First, b.First),
		Last:        maxDate(a.Last, b.Last),
		Asserted:    a.Asserted + b.Asserted,
		Negated:     a.Negated + b.Negated,
		Possible:    a.Possible + b.Possible,
	}
	m.Evidence = mergeEvidence(a.Evidence, b.Evidence, n)
	return m
}

// mergeEvidence returns the n smallest references of the sorted lists a
// and b in a new list.
func mergeEvidence(a, b []evidenceRef, n int) []evidenceRef {
	out := make([]evidenceRef, 0, min(len(a)+len(b), n))
	for len(out) < n && (len(a) > 0 || len(b) > 0) {
		if len(b) == 0 || (len(a) > 0 && a[0].compare(b[0]) <= 0) {
			out, a = append(out, a[0]), a[1:]
		} else {
			out, b = append(out, b[0]), b[1:]
		}
	}
	return out
}

// addEvidence adds refs to the sorted list have and returns the n smallest.
func addEvidence(have, refs []evidenceRef, n int) []evidenceRef {
	have = append(have, refs...)
	slices.SortFunc(have, evidenceRef.compare)
	if len(have) > n {
		have = have[:n]
	}
	return have
}

// edgeJSON is the JSON object of one edge in the edges output.
type edgeJSON struct {
	Type        string        `json:"type"`
	Subject     string        `json:"subject"`
	Object      string        `json:"object"`
	SubjectName string        `json:"subject_name"`
	ObjectName  string        `json:"object_name"`
	Symmetric   bool          `json:"symmetric"`
	Documents   int64         `json:"documents"`
	First       string        `json:"first"`
	Last        string        `json:"last"`
	Asserted    int64         `json:"asserted"`
	Negated     int64         `json:"negated"`
	Possible    int64         `json:"possible"`
	Evidence    []evidenceRef `json:"evidence"`
}

// csvHeader is the first line of every edges CSV file.
const csvHeader = "type,subject,object,documents,first,last,asserted,negated,possible"

// formatEdge returns the JSON line and the CSV line of the edge with key k.
func formatEdge(k string, e edgeStats) (jsonLine, csvLine string, err error) {
	typ, rest, _ := strings.Cut(k, edgeSep)
	subj, obj, _ := strings.Cut(rest, edgeSep)
	ev := e.Evidence
	if ev == nil {
		ev = []evidenceRef{}
	}
	jsonLine, err = marshalLine(edgeJSON{
		Type: typ, Subject: subj, Object: obj,
		SubjectName: e.SubjectName, ObjectName: e.ObjectName, Symmetric: e.Symmetric,
		Documents: e.Documents, First: e.First, Last: e.Last,
		Asserted: e.Asserted, Negated: e.Negated, Possible: e.Possible,
		Evidence: ev,
	})
	if err != nil {
		return "", "", err
	}
	var buf bytes.Buffer
	w := csv.NewWriter(&buf)
	w.Write([]string{typ, subj, obj, strconv.FormatInt(e.Documents, 10), e.First, e.Last,
		strconv.FormatInt(e.Asserted, 10), strconv.FormatInt(e.Negated, 10), strconv.FormatInt(e.Possible, 10)})
	w.Flush()
	if err := w.Error(); err != nil {
		return "", "", err
	}
	return jsonLine, strings.TrimSuffix(buf.String(), "\n"), nil
}

// isFullDate reports whether s is a calendar date YYYY-MM-DD.
func isFullDate(s string) bool {
	if len(s) != len(dateLayout) {
		return false
	}
	_, err := time.Parse(dateLayout, s)
	return err == nil
}

// minDate returns the earlier of two YYYY-MM-DD dates, ignoring "".
func minDate(a, b string) string {
	if a == "" || (b != "" && b < a) {
		return b
	}
	return a
}

// maxDate returns the later of two YYYY-MM-DD dates, ignoring "".
func maxDate(a, b string) string {
	if b > a {
		return b
	}
	return a
}

// minName returns the smaller non-empty name, so that merging does not
// depend on order.
func minName(a, b string) string { return minDate(a, b) }

// snippet returns text[start:end] cut to at most maxSnippet bytes at a
// UTF-8 boundary, with "…" appended when cut; "" for a span outside text.
func snippet(text string, start, end int) string {
	if start < 0 || start > end || end > len(text) {
		return ""
	}
	return truncate(text[start:end], maxSnippet)
}

// truncate returns s when it has at most n bytes, else its first n bytes
// or fewer, cut at a UTF-8 boundary, with "…" appended.
func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	cut := n
	for cut > 0 && !utf8.RuneStart(s[cut]) {
		cut--
	}
	return s[:cut] + "…"
}
