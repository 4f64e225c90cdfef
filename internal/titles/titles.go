// Package titles is the one list of the titles of people that packages
// entities and relations share: titles.txt, one title per line with what
// it is to each package (see the file's header). The list is read once,
// when the package is initialised; a malformed line is left out and
// reported by [Err], which both packages' constructors return.
package titles

import (
	_ "embed"
	"errors"
	"fmt"
	"slices"
	"strings"
)

//go:embed titles.txt
var file string

// FileName names the title file in errors.
const FileName = "internal/titles/titles.txt"

// Kind is what a title is to a package.
type Kind string

// The kinds of titles.
const (
	// Office titles end the title of an office ("minister" in "Foreign
	// Minister X") for package relations.
	Office Kind = "office"
	// Member titles make their bearer a member of the organisation
	// before them, not an official ("Labour MP X").
	Member Kind = "member"
	// Multi titles are phrases of several words ("prime minister").
	Multi Kind = "multi"
	// Role titles are definite descriptions of a person ("the minister").
	Role Kind = "role"
	// Person titles, before a capitalised name, make it a person for
	// package entities ("President Vladimir Putin").
	Person Kind = "person"
	// Word titles are words of titles that are no title alone ("prime").
	Word Kind = "word"
)

var kinds = []Kind{Office, Member, Multi, Role, Person, Word}

var lists, err = parse(file)

// Of returns the titles of kind k, in the file's order.
func Of(k Kind) []string { return slices.Clone(lists[k]) }

// Err returns the problems of the title file, nil when there are none.
func Err() error { return err }

// parse reads a title file: "title<TAB>kind kind ..." lines, "#" comments
// and blank lines. Every problem is reported as "file:line: reason".
func parse(text string) (map[Kind][]string, error) {
	out := map[Kind][]string{}
	var errs []error
	seen := map[string]int{}
	for i, line := range strings.Split(text, "\n") {
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
			continue
		}
		bad := func(format string, a ...any) {
			errs = append(errs, fmt.Errorf("%s:%d: %s", FileName, i+1, fmt.Sprintf(format, a...)))
		}
		title, ks, ok := strings.Cut(line, "\t")
		if !ok || title == "" || strings.TrimSpace(ks) == "" {
			bad("want a title, a tab and its kinds")
			continue
		}
		if title != strings.ToLower(title) || strings.TrimSpace(title) != title {
			bad("title %q: lower case, without surrounding spaces", title)
			continue
		}
		if prev, dup := seen[title]; dup {
			bad("title %q already on line %d", title, prev)
			continue
		}
		seen[title] = i + 1
		for _, k := range strings.Fields(ks) {
			if !slices.Contains(kinds, Kind(k)) {
				bad("title %q: unknown kind %q (want office, member, multi, role, person or word)", title, k)
				continue
			}
			out[Kind(k)] = append(out[Kind(k)], title)
		}
	}
	return out, errors.Join(errs...)
}
