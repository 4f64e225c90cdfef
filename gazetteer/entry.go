package gazetteer

import (
	"errors"
	"fmt"
	"slices"
	"strconv"
)

// Kind is the kind of a gazetteer entry. It is the prefix of the entry's id
// ("state/russia" has kind [State]). The zero Kind is not a valid kind.
//
// Kinds are numbered in the alphabetical order of their names, so sorting by
// Kind and sorting by [Kind.String] agree.
type Kind uint8

// The kinds of entries.
const (
	Location Kind = iota + 1 // a place that is not a state: city, region, sea, ...
	Org                      // an international organisation, alliance, government body, party, company, media outlet
	Person                   // a named person
	State                    // a sovereign, partially recognised, de-facto or historical state
)

var kindNames = [...]string{"", "location", "org", "person", "state"}

// Kinds returns every valid [Kind] in increasing order.
func Kinds() []Kind { return []Kind{Location, Org, Person, State} }

// String returns the kind's name as used in ids: "location", "org",
// "person" or "state"; it returns "" for an invalid kind.
func (k Kind) String() string {
	if int(k) < len(kindNames) {
		return kindNames[k]
	}
	return ""
}

// IsValid reports whether k is one of the defined kinds.
func (k Kind) IsValid() bool { return k >= Location && k <= State }

// ParseKind returns the [Kind] named s ("state", "org", "person",
// "location") and whether s names a kind.
func ParseKind(s string) (Kind, bool) {
	for k := Location; k <= State; k++ {
		if kindNames[k] == s {
			return k, true
		}
	}
	return 0, false
}

// Entry is one curated gazetteer entry: a state, organisation, person or
// location, with the names under which the news mentions it.
//
// Entries are plain values. The slices of an Entry returned by a
// [Gazetteer] are copies that the caller may modify.
//
// The JSON Lines representation of an entry is described in the package
// README (gazetteer/README.md); field names there are the lower-case forms
// of the field names here.
type Entry struct {
	ID         string   // "<kind>/<slug>", e.g. "state/south-ossetia"
	Kind       Kind     // the id prefix
	Name       string   // canonical name, the form the news uses: "South Ossetia"
	Aliases    []string // other names: official names, acronyms, transliterations, short forms
	Adjectives []string // demonyms and adjectives: "Ossetian"
	Status     string   // states and territories: un-member, un-observer, partially-recognized, historical, territory
	ISO2       string   // ISO 3166-1 alpha-2 code
	ISO3       string   // ISO 3166-1 alpha-3 code
	ISONum     string   // ISO 3166-1 numeric code, three digits
	Capital    string   // id of the capital, a location entry
	Country    string   // id of the state a location, org, person or territory belongs to
	Category   string   // orgs: igo, alliance, ...; locations: city, region, ... (see the README)
	From       Date     // start of validity (founding, independence); zero if unknown
	To         Date     // end of validity (dissolution); zero if still valid or unknown
	Roles      []Role   // people: offices held, with date ranges
	Ambiguous  []string // names of this entry that another entry of the same kind also uses
}

// clone returns a deep copy of e.
func (e Entry) clone() Entry {
	e.Aliases = slices.Clone(e.Aliases)
	e.Adjectives = slices.Clone(e.Adjectives)
	e.Roles = slices.Clone(e.Roles)
	e.Ambiguous = slices.Clone(e.Ambiguous)
	return e
}

// RolesAt returns the roles of e that are active at date d (see
// [Role.Active]), in the order of e.Roles. A zero d returns every role.
func (e Entry) RolesAt(d Date) []Role {
	var out []Role
	for _, r := range e.Roles {
		if r.Active(d) {
			out = append(out, r)
		}
	}
	return out
}

// Role is an office that a person held: Role "President" Of "state/russia"
// From 2012-05-07. Of is the id of a state or org entry. From and To are
// inclusive; a zero From means "since an unknown date", a zero To means
// "ongoing or unknown end".
type Role struct {
	Role string
	Of   string
	From Date
	To   Date
}

// Active reports whether the role's period overlaps the period that d
// denotes: a year-precision date "2008" denotes the whole of 2008, so a role
// held from 2008-05-07 is active at "2008". A zero d matches every role.
func (r Role) Active(d Date) bool {
	if d.IsZero() {
		return true
	}
	if !r.From.IsZero() && d.last().Compare(r.From.first()) < 0 {
		return false
	}
	if !r.To.IsZero() && d.first().Compare(r.To.last()) > 0 {
		return false
	}
	return true
}

// Date is a calendar date with year, month or day precision, as written
// in the gazetteer: "2008", "2013-12" or "1992-02-14". Month and Day are 0
// when the date has a coarser precision. The zero Date means "no date".
type Date struct {
	Year  int16 // 1 to 9999
	Month uint8 // 1 to 12, or 0 for a year-precision date
	Day   uint8 // 1 to 31, or 0 for year or month precision
}

// errBadDate is wrapped by the errors of [ParseDate].
var errBadDate = errors.New("gazetteer: bad date")

// ParseDate parses a date written YYYY, YYYY-MM or YYYY-MM-DD. The month
// and day must exist in the calendar (2023-02-29 is an error).
func ParseDate(s string) (Date, error) {
	bad := func() (Date, error) {
		return Date{}, fmt.Errorf("%w %q: want YYYY, YYYY-MM or YYYY-MM-DD", errBadDate, s)
	}
	if len(s) != 4 && len(s) != 7 && len(s) != 10 {
		return bad()
	}
	num := func(t string) (int, bool) {
		for i := 0; i < len(t); i++ {
			if t[i] < '0' || t[i] > '9' {
				return 0, false
			}
		}
		n, err := strconv.Atoi(t)
		return n, err == nil
	}
	y, ok := num(s[:4])
	if !ok || y == 0 {
		return bad()
	}
	d := Date{Year: int16(y)}
	if len(s) >= 7 {
		m, ok := num(s[5:7])
		if s[4] != '-' || !ok || m < 1 || m > 12 {
			return bad()
		}
		d.Month = uint8(m)
	}
	if len(s) == 10 {
		day, ok := num(s[8:10])
		if s[7] != '-' || !ok || day < 1 || day > daysIn(y, int(d.Month)) {
			return bad()
		}
		d.Day = uint8(day)
	}
	return d, nil
}

func daysIn(y, m int) int {
	switch m {
	case 2:
		if y%4 == 0 && (y%100 != 0 || y%400 == 0) {
			return 29
		}
		return 28
	case 4, 6, 9, 11:
		return 30
	}
	return 31
}

// IsZero reports whether d is the zero Date ("no date").
func (d Date) IsZero() bool { return d == Date{} }

// String formats d as YYYY, YYYY-MM or YYYY-MM-DD, and the zero Date as "".
func (d Date) String() string {
	switch {
	case d.IsZero():
		return ""
	case d.Month == 0:
		return fmt.Sprintf("%04d", d.Year)
	case d.Day == 0:
		return fmt.Sprintf("%04d-%02d", d.Year, d.Month)
	}
	return fmt.Sprintf("%04d-%02d-%02d", d.Year, d.Month, d.Day)
}

// Compare returns -1, 0 or +1 as d sorts before, equal to or after e.
// Dates compare by year, then month, then day, and a missing month or day
// sorts first: 2008 < 2008-01 < 2008-01-01 < 2008-02. This is the order of
// the dates' strings. To compare periods, see [Role.Active].
func (d Date) Compare(e Date) int {
	switch {
	case d.Year != e.Year:
		return cmpInt(int(d.Year), int(e.Year))
	case d.Month != e.Month:
		return cmpInt(int(d.Month), int(e.Month))
	}
	return cmpInt(int(d.Day), int(e.Day))
}

func cmpInt(a, b int) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// first returns the first day of the period d denotes.
func (d Date) first() Date {
	if d.Month == 0 {
		d.Month = 1
	}
	if d.Day == 0 {
		d.Day = 1
	}
	return d
}

// last returns the last day of the period d denotes.
func (d Date) last() Date {
	if d.Month == 0 {
		d.Month = 12
	}
	if d.Day == 0 {
		d.Day = uint8(daysIn(int(d.Year), int(d.Month)))
	}
	return d
}

// MarshalText formats d as [Date.String] does.
func (d Date) MarshalText() ([]byte, error) { return []byte(d.String()), nil }

// UnmarshalText parses d as [ParseDate] does; empty text is the zero Date.
func (d *Date) UnmarshalText(b []byte) error {
	if len(b) == 0 {
		*d = Date{}
		return nil
	}
	v, err := ParseDate(string(b))
	if err != nil {
		return err
	}
	*d = v
	return nil
}
