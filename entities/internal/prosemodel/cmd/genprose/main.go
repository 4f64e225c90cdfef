// Command genprose writes data/prose.tables of package prosemodel: prose's
// part-of-speech and named-entity models, decoded from prose's embedded gob
// files, as tables that the package reads in place. Run it from the
// package directory (go generate does):
//
//	go generate ./entities/internal/prosemodel
//
// The output depends only on prose's models (github.com/jdkato/prose/v2
// v2.0.0): running it twice gives the same bytes.
package main

import (
	"fmt"
	"os"

	prose "github.com/jdkato/prose/v2"

	"github.com/statecraft/statecraft/entities/internal/prosemodel"
)

func main() {
	out := prosemodel.TablesFile
	if len(os.Args) > 1 {
		out = os.Args[1]
	}
	b, err := prosemodel.Build(prose.Asset)
	if err == nil {
		err = os.WriteFile(out, b, 0o644)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "genprose:", err)
		os.Exit(1)
	}
	fmt.Printf("genprose: wrote %s, %d bytes\n", out, len(b))
}
