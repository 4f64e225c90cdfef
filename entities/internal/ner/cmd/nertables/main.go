// Command nertables writes the generated tables of package ner, which the
// package embeds and reads in place: model.tables, the trained model
// (model.bin, written by cmd/nertrain) with its feature lookup table laid
// out as the package uses it, and clusters.tables, the word clusters of
// clusters.txt (written by cmd/nerclusters) as a lookup table by word
// hash. Run it from the package directory after clustering or training
// (go generate does):
//
//	go generate ./entities/internal/ner
//
// -only clusters or -only model writes one of them. Each output depends
// only on its input file.
package main

import (
	"bytes"
	"flag"
	"fmt"
	"os"

	"github.com/statecraft/statecraft/entities/internal/ner"
)

func main() {
	in := flag.String("model", "model.bin", "trained model")
	out := flag.String("o", "model.tables", "output model tables")
	clusters := flag.String("clusters", "clusters.txt", "word clusters")
	clustersOut := flag.String("clusters-o", "clusters.tables", "output cluster tables")
	only := flag.String("only", "", "write only the `tables` named: model or clusters")
	flag.Parse()
	var err error
	switch *only {
	case "":
		if err = runClusters(*clusters, *clustersOut); err == nil {
			err = run(*in, *out)
		}
	case "model":
		err = run(*in, *out)
	case "clusters":
		err = runClusters(*clusters, *clustersOut)
	default:
		err = fmt.Errorf("-only %q: want model or clusters", *only)
	}
	if err != nil {
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

func runClusters(in, out string) error {
	b, err := os.ReadFile(in)
	if err != nil {
		return err
	}
	t, err := ner.ClusterTables(bytes.NewReader(b))
	if err != nil {
		return err
	}
	if err := os.WriteFile(out, t, 0o644); err != nil {
		return err
	}
	fmt.Printf("nertables: wrote %s, %d bytes\n", out, len(t))
	return nil
}
