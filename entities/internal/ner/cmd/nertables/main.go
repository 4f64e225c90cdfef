// Command nertables writes model.tables of package ner: the trained model
// (model.bin, written by cmd/nertrain) with its feature lookup table laid
// out as the package uses it, so that loading reads it in place. Run it
// from the package directory after training (go generate does):
//
//	go generate ./entities/internal/ner
//
// The output depends only on model.bin.
package main

import (
	"flag"
	"fmt"
	"os"

	"github.com/statecraft/statecraft/entities/internal/ner"
)

func main() {
	in := flag.String("model", "model.bin", "trained model")
	out := flag.String("o", "model.tables", "output tables")
	flag.Parse()
	if err := run(*in, *out); err != nil {
		fmt.Fprintln(os.Stderr, "nertables:", err)
		os.Exit(1)
	}
}

func run(in, out string) error {
	b, err := os.ReadFile(in)
	if err != nil {
		return err
	}
	m, err := ner.Load(b)
	if err != nil {
		return err
	}
	t, err := m.Tables()
	if err != nil {
		return err
	}
	if err := os.WriteFile(out, t, 0o644); err != nil {
		return err
	}
	fmt.Printf("nertables: wrote %s, %d bytes, %d features\n", out, len(t), m.Features())
	return nil
}
