// Package newsgold reads the document-level relation gold of
// ../shared/dev/news-relations (its GUIDELINES.md) and of the project's own
// annotations, resolves a system's arguments to the gold's canonical names
// and scores relations the way that gold is written: a relation matches
// when its type, its arguments' canonical names (through the gold's
// aliases) and, for directed types, its direction agree; optional gold
// relations are neither required nor penalised; modality is reported on
// the matched ones. It scores the document-level PERSON, STATE and ORG
// entities too ([Resolver.Entities], [EntityScores]).
//
// It is shared by examples/evaluate (the scorer) and the relation model's
// trainer (the labels of training candidates).
package newsgold

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"
	"unicode"

	"github.com/statecraft/statecraft/gazetteer"
)

// Gold is one gold file: aliases (canonical name → other surface forms)
// and documents.
type Gold struct {
	Aliases   map[string][]string `json:"aliases"`
	Documents []Doc               `json:"documents"`
}

// Doc is the gold of one document.
type Doc struct {
	ID        string     `json:"id"`
	Entities  []Entity   `json:"entities"`
	Relations []Relation `json:"relations"`
}

// Entity is a document-level gold entity.
type Entity struct {
	Type string `json:"type"`
	Name string `json:"name"`
}

// Relation is a document-level gold relation.
type Relation struct {
	Type     string         `json:"type"`
	Subject  string         `json:"subject,omitempty"`
	Object   string         `json:"object,omitempty"`
	Parties  []string       `json:"parties,omitempty"`
	Modality string         `json:"modality"`
	Optional bool           `json:"optional"`
	Evidence string         `json:"evidence"`
	Attrs    map[string]any `json:"attrs,omitempty"`
}

// Symmetric reports whether the relation's type lists parties.
func (r *Relation) Symmetric() bool { return Symmetric(r.Type) }

// Symmetric reports whether typ is a symmetric type of the taxonomy.
func Symmetric(typ string) bool {
	return typ == "treaty-between" || typ == "allied-with" || typ == "met-with"
}

// Key is a document-level relation: its type and its arguments'
// canonical names (the sorted parties of a symmetric type, joined by
// " | "; subject " → " object otherwise).
type Key struct {
	Type, Args string
}

// KeyOf returns the key of a relation of type typ over args (subject
// and object for a directed type, the parties for a symmetric one).
func KeyOf(typ string, args ...string) Key {
	if Symmetric(typ) {
		s := append([]string(nil), args...)
		sort.Strings(s)
		s = dedupe(s)
		return Key{typ, strings.Join(s, " | ")}
	}
	if len(args) != 2 {
		return Key{typ, strings.Join(args, " → ")}
	}
	return Key{typ, args[0] + " → " + args[1]}
}

func dedupe(s []string) []string {
	out := s[:0]
	for i, x := range s {
		if i == 0 || x != s[i-1] {
			out = append(out, x)
		}
	}
	return out
}

// Key returns r's key.
func (r *Relation) Key() Key {
	if r.Symmetric() {
		return KeyOf(r.Type, r.Parties...)
	}
	return KeyOf(r.Type, r.Subject, r.Object)
}

// ReadGold reads a gold JSON file.
func ReadGold(path string) (*Gold, error) { return readJSON[Gold](path) }

// readJSON reads the JSON file at path into a T.
func readJSON[T any](path string) (*T, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var v T
	if err := json.Unmarshal(b, &v); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return &v, nil
}

// Text is one document text: {"id","text"} of a JSON Lines file (other
// fields are ignored, "date" is kept).
type Text struct {
	ID   string `json:"id"`
	Text string `json:"text"`
	Date string `json:"date,omitempty"`
}

// ReadTexts reads a JSON Lines file of texts.
func ReadTexts(path string) ([]Text, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return DecodeTexts(f, path)
}

// DecodeTexts reads JSON Lines of texts from r; name labels errors.
func DecodeTexts(r io.Reader, name string) ([]Text, error) {
	var out []Text
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 64<<20)
	line := 0
	for sc.Scan() {
		line++
		if strings.TrimSpace(sc.Text()) == "" {
			continue
		}
		var t Text
		if err := json.Unmarshal(sc.Bytes(), &t); err != nil {
			return nil, fmt.Errorf("%s:%d: %w", name, line, err)
		}
		out = append(out, t)
	}
	return out, sc.Err()
}

// ReadSplit reads split.json: split name → document ids.
func ReadSplit(path string) (map[string][]string, error) {
	s, err := readJSON[map[string][]string](path)
	if err != nil {
		return nil, err
	}
	return *s, nil
}

// Norm is the form names are compared in: lower case, letters and digits
// only, words separated by one space, a leading "the" dropped, and a
// possessive "'s" dropped.
func Norm(s string) string {
	var b strings.Builder
	space := false
	for _, r := range strings.ToLower(s) {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			space = false
			b.WriteRune(r)
		case r == '\'' || r == '’' || r == '.':
			// "U.S." = "US"; "Reuters'" = "Reuters"
		default:
			space = true
		}
	}
	out := b.String()
	out = strings.TrimPrefix(out, "the ")
	if strings.HasSuffix(out, "s") && (strings.HasSuffix(s, "'s") || strings.HasSuffix(s, "’s")) {
		out = out[:len(out)-1]
	}
	return out
}

// Resolver maps surface forms and names to the canonical names of one
// gold document.
type Resolver struct {
	forms   map[string]string // Norm(form) → canonical name
	surname map[string]string // Norm(last word) of a PERSON → name ("" when shared)
	types   map[string]string // canonical name → entity type
}

// NewResolver returns the resolver of doc with the gold file's aliases.
func NewResolver(doc *Doc, aliases map[string][]string) *Resolver {
	r := &Resolver{forms: map[string]string{}, surname: map[string]string{}, types: map[string]string{}}
	for _, e := range doc.Entities {
		r.types[e.Name] = e.Type
	}
	// Canonical names first so that an alias never overrides a name.
	for _, e := range doc.Entities {
		r.forms[Norm(e.Name)] = e.Name
	}
	for _, e := range doc.Entities {
		for _, a := range aliases[e.Name] {
			if _, ok := r.forms[Norm(a)]; !ok {
				r.forms[Norm(a)] = e.Name
			}
		}
		if e.Type == "PERSON" {
			f := strings.Fields(Norm(e.Name))
			if len(f) > 1 {
				last := f[len(f)-1]
				if prev, ok := r.surname[last]; ok && prev != e.Name {
					r.surname[last] = ""
				} else {
					r.surname[last] = e.Name
				}
			}
		}
	}
	return r
}

// Resolve returns the canonical name of the first of forms that names an
// entity of the document, and whether one did. A single word that is the
// surname of exactly one PERSON of the document resolves to that person.
func (r *Resolver) Resolve(forms ...string) (string, bool) {
	for _, f := range forms {
		if f == "" {
			continue
		}
		if n, ok := r.forms[Norm(f)]; ok {
			return n, true
		}
	}
	for _, f := range forms {
		n := Norm(f)
		if n == "" || strings.Contains(n, " ") {
			continue
		}
		if p := r.surname[n]; p != "" {
			return p, true
		}
	}
	return "", false
}

// ResolveWith is Resolve over forms, then over the names, aliases and
// adjectives of the gazetteer entries ids (in order; unknown ids are
// skipped): how a system's argument is matched to the gold.
func (r *Resolver) ResolveWith(g *gazetteer.Gazetteer, forms []string, ids ...string) (string, bool) {
	if n, ok := r.Resolve(forms...); ok {
		return n, true
	}
	for _, id := range ids {
		if e, found := g.Entry(id); found {
			if n, ok := r.Resolve(append(append([]string{e.Name}, e.Aliases...), e.Adjectives...)...); ok {
				return n, true
			}
		}
	}
	return "", false
}

// Type returns the gold entity type of a canonical name.
func (r *Resolver) Type(name string) string { return r.types[name] }
