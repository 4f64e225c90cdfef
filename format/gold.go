package format

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/statecraft/statecraft/entities"
)

// SeedGold is statecraft's gold annotation format
// (testdata/rt-caucasus-security-outline.gold.json): the name of the text
// file beside it, mentions with byte offsets, and document-level relations
// whose arguments are canonical names. Optional items are neither
// required nor penalised.
type SeedGold struct {
	Text     string `json:"text"`
	Entities []struct {
		Text       string `json:"text"`
		Type       string `json:"type"`
		Name       string `json:"name"`
		Optional   bool   `json:"optional"`
		Adjectival bool   `json:"adjectival"`
		Start      int    `json:"start"`
		End        int    `json:"end"`
		Value      string `json:"value"`
	} `json:"entities"`
	Relations []struct {
		Type     string            `json:"type"`
		Modality string            `json:"modality"`
		Optional bool              `json:"optional"`
		Subject  string            `json:"subject"`
		Object   string            `json:"object"`
		Parties  []string          `json:"parties"`
		Attrs    map[string]string `json:"attrs"`
	} `json:"relations"`
}

// ReadSeedGold reads a gold file and the text file it names (relative to
// the gold file's directory) and returns them as a [Doc] named after the
// text file: mentions sorted by offset, relations whose arguments are the
// first non-adjectival mention with the argument's canonical name (else
// the first adjectival one), and the optional marks. It fails when a
// mention's offsets do not slice its text or a relation's argument names
// no mention.
func ReadSeedGold(path string) (*Doc, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var g SeedGold
	if err := json.Unmarshal(b, &g); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	text, err := os.ReadFile(filepath.Join(filepath.Dir(path), g.Text))
	if err != nil {
		return nil, err
	}
	return g.Doc(strings.TrimSuffix(g.Text, filepath.Ext(g.Text)), string(text))
}

// Doc converts g, whose text is text, into a [Doc] named id (see
// [ReadSeedGold]).
func (g *SeedGold) Doc(id, text string) (*Doc, error) {
	d := &Doc{ID: id, Text: text}
	order := make([]int, len(g.Entities))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(i, j int) bool {
		a, b := g.Entities[order[i]], g.Entities[order[j]]
		return a.Start < b.Start || a.Start == b.Start && a.End < b.End
	})
	for _, i := range order {
		e := g.Entities[i]
		if e.Start < 0 || e.Start > e.End || e.End > len(text) || text[e.Start:e.End] != e.Text {
			return nil, fmt.Errorf("formats: gold entity %q [%d, %d) does not slice the text", e.Text, e.Start, e.End)
		}
		d.Entities = append(d.Entities, entities.Mention{Type: entities.Type(e.Type), Text: e.Text, Start: e.Start, End: e.End,
			Name: e.Name, Adjectival: e.Adjectival, Value: e.Value})
		d.OptionalEntities = append(d.OptionalEntities, e.Optional)
	}
	find := func(name string) (Arg, error) {
		best := -1
		for i, m := range d.Entities {
			if m.Name == name || m.Name == "" && m.Text == name {
				if !m.Adjectival {
					best = i
					break
				}
				if best < 0 {
					best = i
				}
			}
		}
		if best < 0 {
			return Arg{}, fmt.Errorf("formats: gold relation argument %q names no mention", name)
		}
		m := &d.Entities[best]
		return Arg{Entity: best, Name: m.Name, Text: m.Text}, nil
	}
	for _, r := range g.Relations {
		rel := Relation{Type: r.Type, Modality: r.Modality, Attrs: r.Attrs}
		if len(r.Parties) > 0 {
			for _, p := range r.Parties {
				a, err := find(p)
				if err != nil {
					return nil, err
				}
				rel.Parties = append(rel.Parties, a)
			}
		} else {
			s, err := find(r.Subject)
			if err != nil {
				return nil, err
			}
			o, err := find(r.Object)
			if err != nil {
				return nil, err
			}
			rel.Subject, rel.Object = &s, &o
		}
		d.Relations = append(d.Relations, rel)
		d.OptionalRelations = append(d.OptionalRelations, r.Optional)
	}
	return d, nil
}
