package main

import (
	"context"
	"fmt"
	"io"
	"slices"
	"strings"
	"time"

	"github.com/statecraft/statecraft/entities"
	"github.com/statecraft/statecraft/gazetteer"
	"github.com/statecraft/statecraft/internal/newsgold"
	"github.com/statecraft/statecraft/relations"
)

// newsOptions are the flags of a document-level relation evaluation.
type newsOptions struct {
	gold, texts string // gold JSON, texts JSONL
	split, set  string // split.json and the split to score ("" for every document)
	list        bool   // print the misses and the spurious relations and entities
}

// readGolds reads the gold files of paths, joined by "+"
// ("a.gold.json+b.gold.json"), as one: their documents one after the
// other, the aliases of a name from every file.
func readGolds(paths string) (*newsgold.Gold, error) {
	out := &newsgold.Gold{Aliases: map[string][]string{}}
	for _, path := range strings.Split(paths, "+") {
		g, err := newsgold.ReadGold(path)
		if err != nil {
			return nil, err
		}
		out.Documents = append(out.Documents, g.Documents...)
		for name, as := range g.Aliases {
			for _, a := range as {
				if !slices.Contains(out.Aliases[name], a) {
					out.Aliases[name] = append(out.Aliases[name], a)
				}
			}
		}
	}
	return out, nil
}

// evalNews scores statecraft's relations against a document-level gold
// file of GUIDELINES.md (../shared/dev/news-relations), per type, then
// its PERSON, STATE and ORG entities (a table after the relations'; see
// [newsgold.Resolver.Entities] for the rules).
func evalNews(ex *entities.Extractor, rel *relations.Extractor, g *gazetteer.Gazetteer, o newsOptions, out io.Writer) error {
	gold, err := readGolds(o.gold)
	if err != nil {
		return err
	}
	var texts []newsgold.Text
	for _, path := range strings.Split(o.texts, "+") {
		ts, err := newsgold.ReadTexts(path)
		if err != nil {
			return err
		}
		texts = append(texts, ts...)
	}
	byID := map[string]newsgold.Text{}
	for _, t := range texts {
		byID[t.ID] = t
	}
	keep := map[string]bool(nil)
	if o.set != "" {
		if o.split == "" {
			return fmt.Errorf("-set %s needs -split FILE", o.set)
		}
		sp, err := newsgold.ReadSplit(o.split)
		if err != nil {
			return err
		}
		ids, ok := sp[o.set]
		if !ok {
			return fmt.Errorf("%s has no split %q", o.split, o.set)
		}
		keep = map[string]bool{}
		for _, id := range ids {
			keep[id] = true
		}
	}
	sc := newsgold.NewScores()
	sc.Keep = o.list
	es := newsgold.NewEntityScores()
	es.Keep = o.list
	ctx := context.Background()
	for i := range gold.Documents {
		d := &gold.Documents[i]
		if keep != nil && !keep[d.ID] {
			continue
		}
		t, ok := byID[d.ID]
		if !ok {
			return fmt.Errorf("%s: document %s is not in %s", o.gold, d.ID, o.texts)
		}
		var date time.Time
		if t.Date != "" {
			if date, err = time.Parse("2006-01-02", t.Date); err != nil {
				return fmt.Errorf("%s: document %s: date %q: %w", o.texts, d.ID, t.Date, err)
			}
		}
		doc, err := ex.ExtractAt(ctx, t.Text, date)
		if err != nil {
			return fmt.Errorf("%s: %w", d.ID, err)
		}
		rs, err := rel.Extract(ctx, doc)
		if err != nil {
			return fmt.Errorf("%s: %w", d.ID, err)
		}
		res := newsgold.NewResolver(d, gold.Aliases)
		sc.Add(d, predictions(res, g, doc, rs))
		es.Add(d, res.Entities(g, mentions(doc)))
	}
	title := "news " + o.gold
	if o.set != "" {
		title += " [" + o.set + "]"
	}
	sc.Print(out, title+": relations at document level (type, canonical argument names through the gold's aliases)")
	if o.list {
		slices.Sort(sc.Misses)
		slices.Sort(sc.Spurious)
		for _, m := range sc.Misses {
			fmt.Fprintln(out, "missed:  ", m)
		}
		for _, m := range sc.Spurious {
			fmt.Fprintln(out, "spurious:", m)
		}
		slices.Sort(sc.Modality)
		for _, m := range sc.Modality {
			fmt.Fprintln(out, "modality:", m)
		}
	}
	fmt.Fprintln(out)
	es.Print(out, title+": entities at document level (type, canonical name through the gold's aliases; DATE and LOCATION not scored)")
	if o.list {
		for _, m := range es.Misses {
			fmt.Fprintln(out, "missed entity:  ", m)
		}
		for _, m := range es.Spurious {
			fmt.Fprintln(out, "spurious entity:", m)
		}
	}
	fmt.Fprintln(out)
	return nil
}

// mentions returns doc's mentions as the entity scorer reads them (see
// [newsgold.Resolver.Entities] for how they are resolved and counted).
func mentions(doc *entities.Document) []newsgold.Mention {
	out := make([]newsgold.Mention, 0, len(doc.Mentions))
	for _, m := range doc.Mentions {
		out = append(out, newsgold.Mention{Type: string(m.Type), Name: m.Name, Text: m.Text, ID: m.ID})
	}
	return out
}

// predictions resolves the arguments of rs to the gold's canonical names:
// through the argument's name and text, its mention's, and the names of
// its gazetteer entry; an argument the gold does not name keeps its own
// name (and so cannot match).
func predictions(res *newsgold.Resolver, g *gazetteer.Gazetteer, doc *entities.Document, rs []relations.Relation) []newsgold.Predicted {
	name := func(a relations.Arg) string {
		forms := []string{a.Name, a.Text}
		if a.Entity >= 0 && a.Entity < len(doc.Mentions) {
			m := doc.Mentions[a.Entity]
			forms = append(forms, m.Name, m.Text)
		}
		if n, ok := res.ResolveWith(g, forms, a.ID); ok {
			return n
		}
		if a.Name != "" {
			return a.Name
		}
		return a.Text
	}
	out := make([]newsgold.Predicted, 0, len(rs))
	for i := range rs {
		r := &rs[i]
		p := newsgold.Predicted{Type: string(r.Type), Modality: string(r.Modality), Confidence: 1}
		for _, a := range r.Args() {
			p.Args = append(p.Args, name(a))
		}
		out = append(out, p)
	}
	return out
}
