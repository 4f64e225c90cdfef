package main

import (
	"context"

	"github.com/statecraft/statecraft/entities"
	"github.com/statecraft/statecraft/examples/internal/formats"
	"github.com/statecraft/statecraft/gazetteer"
	"github.com/statecraft/statecraft/relations"
)

// relater finds the relations of a document and returns them in the
// shape of the JSON output contract. It must be safe for concurrent use.
type relater func(ctx context.Context, d *entities.Document) ([]formats.Relation, error)

// newRelater builds the relation extractor of package relations, with the
// user's gazetteer g when not nil. This is the one place where package
// relations plugs into the program.
func newRelater(g *gazetteer.Gazetteer) (relater, error) {
	var opts []relations.Option
	if g != nil {
		opts = append(opts, relations.WithGazetteer(g))
	}
	ex, err := relations.New(opts...)
	if err != nil {
		return nil, err
	}
	return func(ctx context.Context, d *entities.Document) ([]formats.Relation, error) {
		rs, err := ex.Extract(ctx, d)
		if err != nil {
			return nil, err
		}
		out := make([]formats.Relation, len(rs))
		for i, r := range rs {
			out[i] = fromRelation(r)
		}
		return out, nil
	}, nil
}

// fromRelation converts a relation of package relations into the output
// contract's form.
func fromRelation(r relations.Relation) formats.Relation {
	fr := formats.Relation{
		Type:     string(r.Type),
		Modality: string(r.Modality),
		Sentence: r.Sentence,
		Time:     r.Time,
		Trigger:  formats.Trigger{Text: r.Trigger.Text, Start: r.Trigger.Start, End: r.Trigger.End},
		Evidence: formats.Span{Start: r.Evidence.Start, End: r.Evidence.End},
		Attrs:    r.Attrs,
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
func fromArg(a relations.Arg) formats.Arg {
	fa := formats.Arg{Entity: a.Entity, ID: a.ID, Name: a.Name, Text: a.Text}
	if a.Anaphor != nil {
		fa.Anaphor = &formats.Span{Text: a.Anaphor.Text, Start: a.Anaphor.Start, End: a.Anaphor.End}
	}
	return fa
}
