package gazetteer_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/statecraft/statecraft/gazetteer"
)

// fuzzBase is a small gazetteer that every fuzzed user file is loaded on
// top of, so that merging, conflicts and references are exercised without
// the cost of the default data.
const fuzzBase = `{"id":"location/moscow","name":"Moscow","country":"state/russia","category":"city"}
{"id":"org/nato","name":"North Atlantic Treaty Organization","aliases":["NATO"],"category":"alliance"}
{"id":"state/georgia","name":"Georgia","adjectives":["Georgian"]}
{"id":"state/russia","name":"Russia","adjectives":["Russian"],"capital":"location/moscow"}
`

// sentinels are the classes of loading problems.
var sentinels = []error{
	gazetteer.ErrRead, gazetteer.ErrMalformed, gazetteer.ErrLineTooLong, gazetteer.ErrMissingField,
	gazetteer.ErrBadID, gazetteer.ErrDuplicateID, gazetteer.ErrUnsorted, gazetteer.ErrBadValue,
	gazetteer.ErrBadDate, gazetteer.ErrConflict, gazetteer.ErrBadReference, gazetteer.ErrSharedName,
	gazetteer.ErrTooManyEntries, gazetteer.ErrTooManyErrors,
}

// loadUserFile loads the base data and the file at path.
func loadUserFile(path string) (*gazetteer.Gazetteer, error) {
	return gazetteer.New(gazetteer.WithoutDefaults(),
		gazetteer.WithReader("base.jsonl", strings.NewReader(fuzzBase)),
		gazetteer.WithFile(path))
}

// checkLoad checks the outcome of loading data, a user file written at
// path, on top of fuzzBase: either a gazetteer and no error, or no
// gazetteer (nothing half-loaded) and an ErrorList in which every problem
// names the file and a line of it, is classified by a sentinel, and comes
// in line order. A loaded gazetteer holds every id of the file.
func checkLoad(t *testing.T, path string, data []byte, g *gazetteer.Gazetteer, err error) {
	t.Helper()
	lines := bytes.Count(data, []byte("\n"))
	if len(data) > 0 && data[len(data)-1] != '\n' {
		lines++
	}
	if err != nil {
		if g != nil {
			t.Fatalf("New returned a gazetteer and an error: %v", err)
		}
		var list gazetteer.ErrorList
		if !errors.As(err, &list) || len(list) == 0 {
			t.Fatalf("error is not a non-empty ErrorList: %v", err)
		}
		// A problem may name a line of the base data that the user's
		// file conflicts with, but at least one names the user's file
		// (the base data alone is valid), and the base data comes first.
		prev, prevFile, user := 0, "base.jsonl", false
		for i, e := range list {
			n := lines
			switch e.File {
			case path:
				user = true
			case "base.jsonl":
				n = strings.Count(fuzzBase, "\n")
				if prevFile != e.File {
					t.Fatalf("problem %d names the base data after the user file: %v", i, err)
				}
			default:
				t.Fatalf("problem %d names %q, neither the user file %q nor the base data: %v", i, e.File, path, e)
			}
			if e.Line < 1 || e.Line > n {
				t.Fatalf("problem %d at line %d of a file of %d lines: %v", i, e.Line, n, e)
			}
			if e.File == prevFile && e.Line < prev {
				t.Fatalf("problem %d at line %d after one at line %d", i, e.Line, prev)
			}
			prev, prevFile = e.Line, e.File
			if e.Msg == "" || !strings.HasPrefix(e.Error(), e.File+":"+strconv.Itoa(e.Line)+": ") {
				t.Fatalf("problem %d: %q does not read file:line: reason", i, e.Error())
			}
			known := false
			for _, s := range sentinels {
				known = known || errors.Is(e, s)
			}
			if !known {
				t.Fatalf("problem %d is not classified by a sentinel: %v", i, e)
			}
		}
		if !user {
			t.Fatalf("no problem names the user file: %v", err)
		}
		return
	}
	if g == nil {
		t.Fatal("New returned neither a gazetteer nor an error")
	}
	for i, line := range bytes.Split(data, []byte("\n")) {
		if len(bytes.TrimSpace(line)) == 0 {
			continue
		}
		var x struct{ ID string }
		if err := json.Unmarshal(line, &x); err != nil {
			t.Fatalf("line %d loaded, but encoding/json rejects it: %v", i+1, err)
		}
		if _, ok := g.Entry(x.ID); !ok {
			t.Fatalf("line %d: id %q loaded but not in the gazetteer", i+1, x.ID)
		}
	}
	for _, k := range gazetteer.Kinds() {
		for _, e := range g.Entries(k) {
			if m, ok := g.Lookup(e.Name); ok && (m.Start < 0 || m.Start > m.End || m.End > len(e.Name)) {
				t.Fatalf("Lookup(%q) = %+v: offsets outside the name", e.Name, m)
			}
			text := e.Name + " and " + strings.Join(e.Aliases, ", ")
			for _, m := range g.MatchText(text) {
				if m.Start < 0 || m.Start > m.End || m.End > len(text) || text[m.Start:m.End] == "" {
					t.Fatalf("MatchText(%q): %+v out of bounds or empty", text, m)
				}
			}
		}
	}
}

// FuzzLoadFile writes arbitrary bytes as a user's gazetteer file and
// loads it with WithFile on top of a small valid base: it must never
// panic; it either loads, holding every id of the file, or returns no
// gazetteer and an ErrorList of "file:line: reason" problems in line
// order; a second load gives the same result. Seeds are in
// testdata/fuzz/FuzzLoadFile.
//
//	go test -run '^$' -fuzz '^FuzzLoadFile$' -fuzztime 10m -parallel 1 ./gazetteer/
func FuzzLoadFile(f *testing.F) {
	f.Add([]byte(`{"id":"state/abkhazia","name":"Abkhazia","status":"partially-recognized"}` + "\n"))
	dir := f.TempDir()
	f.Fuzz(func(t *testing.T, data []byte) {
		path := filepath.Join(dir, "user.jsonl")
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
		g, err := loadUserFile(path)
		checkLoad(t, path, data, g, err)
		g2, err2 := loadUserFile(path)
		if (err == nil) != (err2 == nil) || err != nil && err.Error() != err2.Error() {
			t.Fatalf("second load differs: %v, then %v", err, err2)
		}
		if g != nil {
			for _, k := range gazetteer.Kinds() {
				if diff := cmp.Diff(g.Entries(k), g2.Entries(k)); diff != "" {
					t.Fatalf("second load differs (-first +second):\n%s", diff)
				}
			}
		}
	})
}
