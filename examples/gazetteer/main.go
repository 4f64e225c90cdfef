// Command gazetteer looks names up in statecraft's gazetteer and prints
// its statistics.
//
// Usage:
//
//	gazetteer [-gazetteer FILE]... [-stats] [NAME...]
//
// With -stats it prints one line per kind of entry, "KIND COUNT", sorted
// by kind. For each NAME it prints the best match, tab-separated:
//
//	NAME	ID	CANONICAL	HOW	DISTANCE
//
// where HOW is name, alias, adjective or fuzzy, or "NAME	-" when nothing
// matches. -gazetteer adds a file in the gazetteer's JSON Lines format to
// the default data (repeatable). Errors go to standard error, and the exit
// status is then 1.
//
// Examples:
//
//	go run ./examples/gazetteer -stats
//	go run ./examples/gazetteer Russia Tadjikistan "South Ossetia" Atlantis
package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/statecraft/statecraft/gazetteer"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// files is a repeatable -gazetteer flag.
type files []string

// String returns the files, comma-separated (flag.Value).
func (f *files) String() string { return strings.Join(*f, ",") }

// Set adds a file (flag.Value).
func (f *files) Set(s string) error { *f = append(*f, s); return nil }

// run is the program: it parses args, writes results to stdout and
// problems to stderr, and returns the exit status.
func run(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("gazetteer", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var extra files
	stats := fs.Bool("stats", false, "print the number of entries of each kind")
	fs.Var(&extra, "gazetteer", "add a gazetteer `FILE` (JSON Lines; repeatable)")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: gazetteer [-gazetteer FILE]... [-stats] [NAME...]")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		if err == flag.ErrHelp {
			return 0
		}
		return 1
	}
	if !*stats && fs.NArg() == 0 {
		fs.Usage()
		return 1
	}
	var opts []gazetteer.Option
	for _, f := range extra {
		opts = append(opts, gazetteer.WithFile(f))
	}
	g, err := gazetteer.New(opts...)
	if err != nil {
		fmt.Fprintln(stderr, err)
		return 1
	}
	if *stats {
		for _, k := range gazetteer.Kinds() {
			fmt.Fprintf(stdout, "%s %d\n", k, g.Count(k))
		}
	}
	for _, name := range fs.Args() {
		m, ok := g.Lookup(name)
		if !ok {
			fmt.Fprintf(stdout, "%s\t-\n", name)
			continue
		}
		fmt.Fprintf(stdout, "%s\t%s\t%s\t%s\t%d\n", name, m.ID, m.Name, m.How, m.Distance)
	}
	return 0
}
