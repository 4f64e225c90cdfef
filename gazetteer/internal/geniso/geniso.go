// Package geniso turns the ISO 3166-1 country list curated by Debian's
// iso-codes package (/usr/share/iso-codes/json/iso_3166-1.json) into the
// gazetteer's generated state file, data/states-iso.jsonl.
//
// [Generate] is a pure function of its input: the same iso-codes file always
// gives the same bytes. Everything the ISO list does not say (the name news
// uses, United Nations status, the state that administers a territory) lives
// in the small tables of this package, with comments. Every ISO entry must be
// classified by exactly one status table and every table key must name an ISO
// entry, so that a new iso-codes release that adds, drops or renames a code
// makes the generator fail instead of guessing.
//
// The output follows the binding format spec of the gazetteer: JSON Lines,
// one compact object per line, sorted by id, fields in the order id, name,
// aliases, status, iso2, iso3, isonum, country.
package geniso

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"regexp"
	"sort"
	"strings"
)

// DefaultInput is where Debian and Ubuntu install the iso-codes JSON file.
const DefaultInput = "/usr/share/iso-codes/json/iso_3166-1.json"

// Status values written by the generator.
const (
	StatusUNMember            = "un-member"
	StatusUNObserver          = "un-observer"
	StatusPartiallyRecognized = "partially-recognized"
	StatusTerritory           = "territory"
)

// isoEntry is one element of the "3166-1" array of iso_3166-1.json.
type isoEntry struct {
	Alpha2       string `json:"alpha_2"`
	Alpha3       string `json:"alpha_3"`
	Numeric      string `json:"numeric"`
	Name         string `json:"name"`
	OfficialName string `json:"official_name"`
	CommonName   string `json:"common_name"`
}

// entry is one output line. The field order is the order of the format spec.
type entry struct {
	ID      string   `json:"id"`
	Name    string   `json:"name"`
	Aliases []string `json:"aliases,omitempty"`
	Status  string   `json:"status"`
	ISO2    string   `json:"iso2"`
	ISO3    string   `json:"iso3"`
	ISONum  string   `json:"isonum"`
	Country string   `json:"country,omitempty"`
}

var (
	alpha2RE  = regexp.MustCompile(`^[A-Z]{2}$`)
	alpha3RE  = regexp.MustCompile(`^[A-Z]{3}$`)
	numericRE = regexp.MustCompile(`^[0-9]{3}$`)
	slugRE    = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)
)

// Generate reads iso_3166-1.json from r and writes states-iso.jsonl to w.
// Nothing is written unless the whole input is valid and fully classified;
// the error then lists every problem found (see [errors.Join]).
func Generate(r io.Reader, w io.Writer) error {
	var doc map[string][]isoEntry
	dec := json.NewDecoder(r)
	if err := dec.Decode(&doc); err != nil {
		return fmt.Errorf("geniso: decoding iso-codes JSON: %w", err)
	}
	list, ok := doc["3166-1"]
	if !ok || len(list) == 0 {
		return errors.New(`geniso: no "3166-1" entries in input`)
	}

	var errs []error
	fail := func(format string, args ...any) {
		errs = append(errs, fmt.Errorf("geniso: "+format, args...))
	}
	errs = append(errs, checkTables()...)

	seen := make(map[string]bool) // alpha-3 codes in the input
	ids := make(map[string]string)
	names := make(map[string]string) // name or alias -> id
	out := make([]entry, 0, len(list))
	for _, e := range list {
		if !alpha2RE.MatchString(e.Alpha2) || !alpha3RE.MatchString(e.Alpha3) || !numericRE.MatchString(e.Numeric) {
			fail("%q: bad codes alpha_2=%q alpha_3=%q numeric=%q", e.Name, e.Alpha2, e.Alpha3, e.Numeric)
			continue
		}
		if seen[e.Alpha3] {
			fail("%s: duplicate alpha_3 code", e.Alpha3)
			continue
		}
		seen[e.Alpha3] = true

		status, country, err := classify(e.Alpha3)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		if cf, ok := catalogForms[e.Alpha3]; ok && cf != e.Name {
			fail("%s: catalogForms has %q but the ISO name is %q", e.Alpha3, cf, e.Name)
		}
		ov := overrides[e.Alpha3]
		name := ov.name
		if name == "" {
			name = e.CommonName
		}
		if name == "" {
			name = e.Name
		}
		slug := ov.slug
		if slug == "" {
			var err error
			if slug, err = Slug(name); err != nil {
				errs = append(errs, fmt.Errorf("geniso: %s: %w", e.Alpha3, err))
				continue
			}
		}
		out = append(out, entry{
			ID:      "state/" + slug,
			Name:    name,
			Aliases: aliases(e, name, ov),
			Status:  status,
			ISO2:    e.Alpha2,
			ISO3:    e.Alpha3,
			ISONum:  e.Numeric,
			Country: country,
		})
	}

	for _, e := range out {
		if other, dup := ids[e.ID]; dup {
			fail("%s and %s both map to id %s", other, e.ISO3, e.ID)
		}
		ids[e.ID] = e.ISO3
		for _, n := range append([]string{e.Name}, e.Aliases...) {
			if other, dup := names[n]; dup && other != e.ID {
				fail("name %q is used by both %s and %s", n, other, e.ID)
			}
			names[n] = e.ID
		}
	}
	for _, e := range out {
		if e.Country != "" && ids[e.Country] == "" {
			fail("%s: country %s is not generated", e.ISO3, e.Country)
		}
	}
	for _, code := range tableCodes() {
		if !seen[code] {
			fail("%s: listed in a table but not in the input (removed from ISO 3166-1?)", code)
		}
	}
	if len(errs) > 0 {
		return errors.Join(errs...)
	}

	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	for _, e := range out {
		if err := enc.Encode(e); err != nil {
			return fmt.Errorf("geniso: encoding %s: %w", e.ID, err)
		}
	}
	_, err := w.Write(buf.Bytes())
	return err
}

// classify returns the status of the ISO entry with the given alpha-3 code
// and, for a territory, the id of the administering state ("" if none or
// disputed).
func classify(code string) (status, country string, err error) {
	var found []string
	if unMembers[code] {
		found = append(found, StatusUNMember)
	}
	if unObservers[code] {
		found = append(found, StatusUNObserver)
	}
	if partiallyRecognized[code] {
		found = append(found, StatusPartiallyRecognized)
	}
	if c, ok := territories[code]; ok {
		found = append(found, StatusTerritory)
		country = c
	}
	switch len(found) {
	case 0:
		return "", "", fmt.Errorf("geniso: %s: not classified (add it to one status table)", code)
	case 1:
		return found[0], country, nil
	default:
		return "", "", fmt.Errorf("geniso: %s: classified more than once: %v", code, found)
	}
}

// aliases returns the ISO-derived other names of e: its ISO short name and
// its official name (a leading "the " dropped), then the override's extra
// aliases, without the canonical name, catalog forms and duplicates.
func aliases(e isoEntry, name string, ov override) []string {
	var out []string
	add := func(s string) {
		s = strings.TrimSpace(s)
		if s == "" || s == name || catalogForms[e.Alpha3] == s {
			return
		}
		for _, a := range out {
			if a == s {
				return
			}
		}
		out = append(out, s)
	}
	add(e.Name)
	add(strings.TrimPrefix(e.OfficialName, "the "))
	for _, a := range ov.aliases {
		add(a)
	}
	return out
}

// foldings maps the non-ASCII letters that occur in ISO names to ASCII for
// slugs. A letter missing here makes [Slug] fail, so that a new one is
// looked at rather than silently dropped.
var foldings = map[rune]string{
	'à': "a", 'á': "a", 'â': "a", 'ã': "a", 'ä': "a", 'å': "a",
	'ç': "c",
	'è': "e", 'é': "e", 'ê': "e", 'ë': "e",
	'í': "i", 'î': "i", 'ï': "i",
	'ñ': "n",
	'ó': "o", 'ô': "o", 'õ': "o", 'ö': "o",
	'ú': "u", 'û': "u", 'ü': "u",
}

// Slug returns the id slug of a canonical name: lower case ASCII letters and
// digits, words joined by single hyphens. Apostrophes and full stops are
// dropped ("U.S." -> "us"), common accented letters are folded ("Åland" ->
// "aland"); any other non-ASCII letter is an error.
func Slug(name string) (string, error) {
	var b strings.Builder
	gap := false
	for _, r := range strings.ToLower(name) {
		switch {
		case r >= 'a' && r <= 'z' || r >= '0' && r <= '9':
			if gap && b.Len() > 0 {
				b.WriteByte('-')
			}
			gap = false
			b.WriteRune(r)
		case r == '\'' || r == '’' || r == '.':
			// dropped without a gap
		case r < 0x80:
			gap = true
		default:
			f, ok := foldings[r]
			if !ok {
				return "", fmt.Errorf("no ASCII folding for %q in %q", r, name)
			}
			if gap && b.Len() > 0 {
				b.WriteByte('-')
			}
			gap = false
			b.WriteString(f)
		}
	}
	s := b.String()
	if !slugRE.MatchString(s) {
		return "", fmt.Errorf("name %q gives bad slug %q", name, s)
	}
	return s, nil
}

// checkTables reports internal inconsistencies of the tables themselves.
func checkTables() []error {
	var errs []error
	if n := len(unMembers); n != 193 {
		errs = append(errs, fmt.Errorf("geniso: unMembers lists %d codes, the UN has 193 members", n))
	}
	for code, c := range territories {
		if c != "" && !strings.HasPrefix(c, "state/") {
			errs = append(errs, fmt.Errorf("geniso: territory %s: country %q is not a state id", code, c))
		}
	}
	for code, ov := range overrides {
		if ov.slug != "" && !slugRE.MatchString(ov.slug) {
			errs = append(errs, fmt.Errorf("geniso: override %s: bad slug %q", code, ov.slug))
		}
	}
	return errs
}

// tableCodes returns, sorted, every alpha-3 code that a table names.
func tableCodes() []string {
	set := make(map[string]bool)
	for c := range unMembers {
		set[c] = true
	}
	for c := range unObservers {
		set[c] = true
	}
	for c := range partiallyRecognized {
		set[c] = true
	}
	for c := range territories {
		set[c] = true
	}
	for c := range overrides {
		set[c] = true
	}
	for c := range catalogForms {
		set[c] = true
	}
	codes := make([]string, 0, len(set))
	for c := range set {
		codes = append(codes, c)
	}
	sort.Strings(codes)
	return codes
}
