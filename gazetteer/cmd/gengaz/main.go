// Command gengaz compiles the gazetteer's default data, the JSON Lines
// files of gazetteer/data, into the tables that package gazetteer embeds
// and reads in place at start-up (see gazetteer.Gazetteer.MarshalBinary).
// Run it after editing the data (go generate does, from the package
// directory):
//
//	go generate ./gazetteer
//
// It can also compile a caller's own files, defaults included unless
// -nodefaults:
//
//	go run ./gazetteer/cmd/gengaz -out my.tables my-people.jsonl
//
// The output depends only on the data: the same files give the same bytes.
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"slices"

	"github.com/statecraft/statecraft/gazetteer"
)

func main() {
	out := flag.String("out", "data/compiled.tables", "output file")
	data := flag.String("data", "data", "directory of the default JSON Lines files")
	noDefaults := flag.Bool("nodefaults", false, "compile only the files given as arguments")
	flag.Parse()
	if err := run(*out, *data, *noDefaults, flag.Args()); err != nil {
		fmt.Fprintln(os.Stderr, "gengaz:", err)
		os.Exit(1)
	}
}

func run(out, data string, noDefaults bool, extra []string) error {
	opts := []gazetteer.Option{gazetteer.WithoutDefaults()}
	if !noDefaults {
		files, err := filepath.Glob(filepath.Join(data, "*.jsonl"))
		if err != nil {
			return err
		}
		if len(files) == 0 {
			return fmt.Errorf("no JSON Lines files in %s", data)
		}
		slices.Sort(files)
		for _, f := range files {
			opts = append(opts, gazetteer.WithFile(f))
		}
	}
	for _, f := range extra {
		opts = append(opts, gazetteer.WithFile(f))
	}
	g, err := gazetteer.New(opts...)
	if err != nil {
		return err
	}
	b, err := g.MarshalBinary()
	if err != nil {
		return err
	}
	if err := os.WriteFile(out, b, 0o644); err != nil {
		return err
	}
	fmt.Printf("gengaz: wrote %s, %d bytes (%s)\n", out, len(b), g)
	return nil
}
