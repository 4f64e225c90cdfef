package format

import (
	"github.com/statecraft/statecraft"
	"github.com/statecraft/statecraft/relations"
)

// FromAnalysis returns the Doc of a, named id (a.ID when id is ""), with
// its relations.
func FromAnalysis(id string, a *statecraft.Analysis) Doc {
	if id == "" {
		id = a.ID
	}
	d := FromEntities(id, a.Document())
	d.Relations = FromRelations(a.Relations)
	return d
}

// FromRelations converts relations of package relations into the output
// contract's form.
func FromRelations(rs []relations.Relation) []Relation {
	out := make([]Relation, len(rs))
	for i, r := range rs {
		out[i] = fromRelation(r)
	}
	return out
}

// fromRelation converts one relation of package relations.
func fromRelation(r relations.Relation) Relation {
	fr := Relation{
		Type:     string(r.Type),
		Modality: string(r.Modality),
		Sentence: r.Sentence,
		Time:     r.Time,
		Trigger:  Trigger{Text: r.Trigger.Text, Start: r.Trigger.Start, End: r.Trigger.End},
		Evidence: Span{Start: r.Evidence.Start, End: r.Evidence.End},
		Attrs:    r.Attrs,

		Confidence: r.Confidence,
		Source:     string(r.Source),
	}
	if r.Subject != nil {
		a := fromArg(*r.Subject)
		fr.Subject = &a
	}
	if r.Object != nil {
		a := fromArg(*r.Object)
		fr.Object = &a
	}
	for _, p := range r.Parties {
		fr.Parties = append(fr.Parties, fromArg(p))
	}
	return fr
}

// fromArg converts a relation argument.
func fromArg(a relations.Arg) Arg {
	fa := Arg{Entity: a.Entity, ID: a.ID, Name: a.Name, Text: a.Text}
	if a.Anaphor != nil {
		fa.Anaphor = &Span{Text: a.Anaphor.Text, Start: a.Anaphor.Start, End: a.Anaphor.End}
	}
	return fa
}
