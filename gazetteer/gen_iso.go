//go:build ignore

// gen_iso writes data/states-iso.jsonl from Debian's iso-codes list of
// ISO 3166-1 countries. Run it through go generate (see generate.go):
//
//	go generate ./gazetteer
//
// The work is done by package geniso, which the tests also call to check that
// the committed file is current.
package main

import (
	"bytes"
	"flag"
	"fmt"
	"os"

	"github.com/statecraft/statecraft/gazetteer/internal/geniso"
)

func main() {
	in := flag.String("in", geniso.DefaultInput, "iso-codes `file` iso_3166-1.json")
	out := flag.String("out", "data/states-iso.jsonl", "output `file`")
	flag.Parse()
	if err := run(*in, *out); err != nil {
		fmt.Fprintln(os.Stderr, "gen_iso:", err)
		os.Exit(1)
	}
}

func run(in, out string) error {
	f, err := os.Open(in)
	if err != nil {
		return fmt.Errorf("%w (install the Debian package iso-codes)", err)
	}
	defer f.Close()
	var buf bytes.Buffer
	if err := geniso.Generate(f, &buf); err != nil {
		return err
	}
	return os.WriteFile(out, buf.Bytes(), 0o644)
}
