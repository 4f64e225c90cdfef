package format

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
)

// Fields that the JSON output contract (docs/contract.md) requires.
var (
	contractEntityFields   = []string{"type", "text", "start", "end", "sentence", "id", "name", "adjectival", "source", "value"}
	contractRelationFields = []string{"type", "modality", "sentence", "time", "trigger", "evidence", "attrs"}
	contractArgFields      = []string{"entity", "id", "name", "text"}
	contractTriggerFields  = []string{"text", "start", "end"}
	contractEvidenceFields = []string{"start", "end"}
)

// maxContractProblems caps the problems ValidateJSON reports.
const maxContractProblems = 50

// ValidateJSON checks one JSON output object against the contract of
// docs/contract.md for the document text: "id", "entities" and "relations" are
// present; every entity has all required fields, and text[start:end] is
// its "text"; every relation has the required fields, a subject and an
// object or at least two parties, each with entity, id, name and text,
// the entity index in range and the argument's text that of the entity;
// the trigger slices the text to its "text" and the evidence is a span of
// the text. It returns all problems found (up to 50) in one error.
func ValidateJSON(text string, obj []byte) error {
	var probs []string
	bad := func(format string, a ...any) {
		if len(probs) < maxContractProblems {
			probs = append(probs, fmt.Sprintf(format, a...))
		}
	}
	dec := json.NewDecoder(bytes.NewReader(obj))
	dec.UseNumber()
	var doc map[string]any
	if err := dec.Decode(&doc); err != nil {
		return fmt.Errorf("formats: not a JSON object: %w", err)
	}
	for _, f := range []string{"id", "entities", "relations"} {
		if _, ok := doc[f]; !ok {
			bad("no %q", f)
		}
	}
	ents, ok := doc["entities"].([]any)
	if !ok {
		bad("\"entities\" is not a list")
	}
	span := func(where string, m map[string]any, key string) (int, int, bool) {
		s, ok1 := intField(m, "start")
		e, ok2 := intField(m, "end")
		if !ok1 || !ok2 {
			bad("%s: %s start/end are not integers", where, key)
			return 0, 0, false
		}
		if s < 0 || s > e || e > len(text) {
			bad("%s: %s [%d, %d) is not a span of the %d-byte text", where, key, s, e, len(text))
			return 0, 0, false
		}
		return s, e, true
	}
	entText := make([]string, len(ents))
	for i, x := range ents {
		where := fmt.Sprintf("entity %d", i)
		m, ok := x.(map[string]any)
		if !ok {
			bad("%s is not an object", where)
			continue
		}
		missing(m, contractEntityFields, where, bad)
		s, e, ok := span(where, m, "mention")
		if !ok {
			continue
		}
		t, _ := m["text"].(string)
		entText[i] = t
		if text[s:e] != t {
			bad("%s: text[%d:%d] is %q, \"text\" is %q", where, s, e, text[s:e], t)
		}
	}
	rels, ok := doc["relations"].([]any)
	if !ok {
		bad("\"relations\" is not a list")
	}
	for i, x := range rels {
		where := fmt.Sprintf("relation %d", i)
		r, ok := x.(map[string]any)
		if !ok {
			bad("%s is not an object", where)
			continue
		}
		missing(r, contractRelationFields, where, bad)
		var args []any
		if p, has := r["parties"]; has {
			ps, ok := p.([]any)
			if !ok || len(ps) < 2 {
				bad("%s: \"parties\" is not a list of two or more", where)
			}
			args = ps
		} else {
			for _, k := range []string{"subject", "object"} {
				if a, has := r[k]; has {
					args = append(args, a)
				} else {
					bad("%s: no %q and no \"parties\"", where, k)
				}
			}
		}
		for j, a := range args {
			aw := fmt.Sprintf("%s argument %d", where, j)
			am, ok := a.(map[string]any)
			if !ok {
				bad("%s is not an object", aw)
				continue
			}
			missing(am, contractArgFields, aw, bad)
			e, ok := intField(am, "entity")
			if !ok || e < 0 || e >= len(ents) {
				bad("%s: entity %v is not an index of the %d entities", aw, am["entity"], len(ents))
				continue
			}
			if t, _ := am["text"].(string); t != entText[e] {
				bad("%s: text %q, entity %d's is %q", aw, t, e, entText[e])
			}
		}
		if tr, ok := r["trigger"].(map[string]any); ok {
			missing(tr, contractTriggerFields, where+" trigger", bad)
			if s, e, ok := span(where, tr, "trigger"); ok {
				if t, _ := tr["text"].(string); text[s:e] != t {
					bad("%s: trigger text[%d:%d] is %q, \"text\" is %q", where, s, e, text[s:e], t)
				}
			}
		} else if _, has := r["trigger"]; has {
			bad("%s: \"trigger\" is not an object", where)
		}
		if ev, ok := r["evidence"].(map[string]any); ok {
			missing(ev, contractEvidenceFields, where+" evidence", bad)
			span(where, ev, "evidence")
		} else if _, has := r["evidence"]; has {
			bad("%s: \"evidence\" is not an object", where)
		}
		if a, has := r["attrs"]; has {
			if _, ok := a.(map[string]any); !ok {
				bad("%s: \"attrs\" is not an object", where)
			}
		}
	}
	if len(probs) > 0 {
		return errors.New("formats: JSON contract: " + strings.Join(probs, "\n\t"))
	}
	return nil
}

// missing reports the fields of want that m lacks.
func missing(m map[string]any, want []string, where string, bad func(string, ...any)) {
	for _, f := range want {
		if _, ok := m[f]; !ok {
			bad("%s: no %q", where, f)
		}
	}
}

// intField returns m[key] as an int, if it is an integer.
func intField(m map[string]any, key string) (int, bool) {
	n, ok := m[key].(json.Number)
	if !ok {
		return 0, false
	}
	i, err := n.Int64()
	return int(i), err == nil
}
