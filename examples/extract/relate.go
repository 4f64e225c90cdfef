package main

import (
	"context"

	"github.com/statecraft/statecraft/entities"
	formats "github.com/statecraft/statecraft/format"
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
		return formats.FromRelations(rs), nil
	}, nil
}
