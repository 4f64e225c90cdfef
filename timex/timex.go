// Package timex turns the TIMEX3-style values of statecraft's DATE
// mentions and relation times ("2008", "2013-12", "XXXX-08", "2014-W35",
// "XXXX-WXX-5", "199", "199X") into the span of time they denote.
//
//	start, end, ok := timex.Parse("2013-12", time.Time{})
//	// 2013-12-01 00:00 UTC, 2014-01-01 00:00 UTC, true
//
// Spans are half-open [start, end) in UTC, at day precision or coarser.
// Values with unknown parts ("XXXX-08": an August of an unknown year) are
// resolved against a reference date, usually the document's: the August
// of the reference's year, the weekday of the reference's week. Durations
// ("P3Y"), sets and the vague references PRESENT_REF, PAST_REF and
// FUTURE_REF have no span: Parse reports false.
package timex

import (
	"strconv"
	"strings"
	"time"
)

// Parse returns the span [start, end) that value denotes, resolving
// unknown parts against ref (ignored when zero), and whether value
// denotes a span it can give:
//
//	YYYY, YYYY-MM, YYYY-MM-DD   a year, month, day
//	YYYY-Www, YYYY-Www-D        an ISO week, a day of it (1 = Monday)
//	YYYX, YYXX, YYY, YY         a decade, a century
//	YYYY-SP/SU/FA/WI, -Qn, -Hn  a season (northern), a quarter, a half
//	XXXX, XXXX-MM, XXXX-MM-DD   ref's year; a month, a day of it
//	XXXX-Www, XXXX-WXX-D        in ref's year; the day D of ref's week
//	YYYY-MM-DDThh:mm, ...TMO    a time of day, a part of a day: that day
func Parse(value string, ref time.Time) (start, end time.Time, ok bool) {
	v := strings.TrimSpace(value)
	if i := strings.IndexByte(v, 'T'); i >= 10 && (v[0] == 'X' || v[0] >= '0' && v[0] <= '9') {
		v = v[:i] // a time of day ("2014-09-03T10:35", "XXXX-XX-XXTMO"): its day
	}
	if (len(v) == 2 || len(v) == 3) && allDigits(v) {
		v += "XX"[:4-len(v)] // TIMEX3's "199" (the 1990s) and "19" (the 1900s)
	}
	if len(v) < 4 {
		return
	}
	year, v, ok := parseYear(v, ref)
	if !ok {
		return time.Time{}, time.Time{}, false
	}
	if v == "" {
		switch {
		case year.decade:
			s := date(year.y, 1, 1)
			return s, date(year.y+10, 1, 1), true
		case year.century:
			s := date(year.y, 1, 1)
			return s, date(year.y+100, 1, 1), true
		}
		return date(year.y, 1, 1), date(year.y+1, 1, 1), true
	}
	if year.decade || year.century || v[0] != '-' {
		return time.Time{}, time.Time{}, false
	}
	v = v[1:]
	switch {
	case len(v) >= 2 && v[0] == 'W' && v != "WI":
		if strings.HasPrefix(v, "WXX") && !year.fromRef {
			return time.Time{}, time.Time{}, false // "2014-WXX": an unknown week of a known year
		}
		return week(year.y, v[1:], ref)
	case len(v) == 2 && v[0] == 'Q' && v[1] >= '1' && v[1] <= '4':
		m := time.Month(3*(v[1]-'1') + 1)
		s := date(year.y, m, 1)
		return s, s.AddDate(0, 3, 0), true
	case len(v) == 2 && v[0] == 'H' && (v[1] == '1' || v[1] == '2'):
		s := date(year.y, time.Month(6*(v[1]-'1')+1), 1)
		return s, s.AddDate(0, 6, 0), true
	}
	switch v {
	case "SP":
		return date(year.y, 3, 1), date(year.y, 6, 1), true
	case "SU":
		return date(year.y, 6, 1), date(year.y, 9, 1), true
	case "FA":
		return date(year.y, 9, 1), date(year.y, 12, 1), true
	case "WI":
		return date(year.y, 12, 1), date(year.y+1, 3, 1), true
	}
	mm, rest, _ := strings.Cut(v, "-")
	m, err := strconv.Atoi(mm)
	if err != nil || len(mm) != 2 || m < 1 || m > 12 {
		return time.Time{}, time.Time{}, false
	}
	if rest == "" {
		s := date(year.y, time.Month(m), 1)
		return s, s.AddDate(0, 1, 0), true
	}
	if len(rest) > 2 && rest[2] == 'T' {
		rest = rest[:2] // a time of day: the day
	}
	d, err := strconv.Atoi(rest)
	if err != nil || len(rest) != 2 || d < 1 || d > daysIn(year.y, time.Month(m)) {
		return time.Time{}, time.Time{}, false
	}
	s := date(year.y, time.Month(m), d)
	return s, s.AddDate(0, 0, 1), true
}

type yearPart struct {
	y               int
	decade, century bool
	fromRef         bool // the year was XXXX, taken from the reference
}

// parseYear reads the year part of v ("2008", "199X", "19XX", "XXXX") and
// returns the rest.
func parseYear(v string, ref time.Time) (yearPart, string, bool) {
	head, rest := v[:4], v[4:]
	if head == "XXXX" {
		if ref.IsZero() {
			return yearPart{}, "", false
		}
		return yearPart{y: ref.Year(), fromRef: true}, rest, true
	}
	digits := strings.TrimRight(head, "X")
	for _, c := range digits {
		if c < '0' || c > '9' {
			return yearPart{}, "", false
		}
	}
	n, _ := strconv.Atoi(digits)
	switch len(digits) {
	case 4:
		return yearPart{y: n}, rest, true
	case 3:
		return yearPart{y: n * 10, decade: true}, rest, true
	case 2:
		return yearPart{y: n * 100, century: true}, rest, true
	}
	return yearPart{}, "", false
}

// week reads "ww", "ww-D", "XX", "XX-D" after "W".
func week(y int, v string, ref time.Time) (time.Time, time.Time, bool) {
	ww, d, hasDay := strings.Cut(v, "-")
	var monday time.Time
	switch {
	case ww == "XX":
		if ref.IsZero() {
			return time.Time{}, time.Time{}, false
		}
		r := date(ref.Year(), ref.Month(), ref.Day())
		monday = r.AddDate(0, 0, -((int(r.Weekday()) + 6) % 7))
	default:
		n, err := strconv.Atoi(ww)
		if err != nil || len(ww) != 2 || n < 1 || n > weeksIn(y) {
			return time.Time{}, time.Time{}, false
		}
		// ISO week 1 holds 4 January.
		jan4 := date(y, 1, 4)
		monday = jan4.AddDate(0, 0, -((int(jan4.Weekday())+6)%7)+7*(n-1))
	}
	if !hasDay {
		return monday, monday.AddDate(0, 0, 7), true
	}
	if len(d) != 1 || d[0] < '1' || d[0] > '7' {
		return time.Time{}, time.Time{}, false
	}
	s := monday.AddDate(0, 0, int(d[0]-'1'))
	return s, s.AddDate(0, 0, 1), true
}

func date(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

func daysIn(y int, m time.Month) int { return date(y, m+1, 0).Day() }

// weeksIn returns the number of ISO weeks of year y (52 or 53).
func weeksIn(y int) int {
	_, w := date(y, 12, 28).ISOWeek()
	return w
}

// allDigits reports whether s is made of ASCII digits only.
func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}
