package main

import (
	"context"

	"github.com/statecraft/statecraft/entities"
	"github.com/statecraft/statecraft/examples/internal/formats"
)

// relater finds the relations of a document and returns them in the
// shape of the JSON output contract. It must be safe for concurrent use.
type relater func(ctx context.Context, d *entities.Document) ([]formats.Relation, error)

// newRelater builds the relation extractor. This is the one place where
// package relations plugs into the program.
//
// RELATIONS PLUG-IN: package relations has not been committed yet, so
// every document has no relations ("relations": []). When it lands,
// build relations.New() here and convert each relations.Relation to a
// formats.Relation (type, modality, sentence, time, subject/object or
// parties as formats.Arg, trigger, evidence, attrs).
func newRelater() (relater, error) {
	return func(context.Context, *entities.Document) ([]formats.Relation, error) { return nil, nil }, nil
}
