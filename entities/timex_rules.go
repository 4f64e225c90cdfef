package entities

import (
	"strconv"
	"strings"
	"time"
)

// TIMEX3 types, times of day, sets, durations, vague references and
// business periods.
//
// The rules of dates.go find calendar dates; these add the rest of
// TIMEX3 as TempEval-3 measures it: times of day ("10:35 a.m.", "Friday
// morning", "noon Saturday"), durations ("three weeks", "10-year", "the
// past two years", "over an hour"), sets ("every day", "weekly", "twice a
// year"), the vague references PRESENT_REF ("now", "currently"),
// PAST_REF ("recently", "in recent years") and FUTURE_REF ("the future",
// "soon"), and the periods of business news ("third-quarter", "the
// latest quarter", "the year-ago quarter", "fiscal 2013"). Each rule looks
// at a bounded window of tokens, so that finding dates stays linear.

// The TIMEX3 types of a time expression.
const (
	timexDate     = "DATE"
	timexTime     = "TIME"
	timexDuration = "DURATION"
	timexSet      = "SET"
)

// dateState is what the date rules remember from one sentence of a
// document to the next: the last quarter named, which "a year ago" and
// "the year-earlier period" in a story about a quarter's results are
// counted from ("2013-Q3"), and whether the document reads as business
// news.
type dateState struct {
	lastQuarter string
	// lastDay is the last day named ("2014-09-02"), which a bare clock
	// time belongs to; sentenceLast the value of the sentence's previous
	// date, which "a year earlier" is counted from.
	lastDay, sentenceLast string
}

// shiftYear moves a value with a known year ("2013-Q3", "2013-10-24",
// "2013") by n years, keeping its granularity; ok is false for other
// values.
func shiftYear(v string, n int) (string, bool) {
	if len(v) < 4 || !allDigits(v[:4]) || len(v) > 4 && v[4] != '-' || strings.ContainsRune(v, 'T') {
		return "", false
	}
	y, _ := strconv.Atoi(v[:4])
	if len(v) == 10 && v[5:] == "02-29" {
		v = v[:8] + "28"
	}
	return strconv.Itoa(y+n) + v[4:], true
}

// timexType is the TIMEX3 type of a value: DURATION for "P..." (but
// PAST_REF and PRESENT_REF are dates), TIME for a value with a time of
// day ("2014-09-03T10:35", "XXXX-XX-XXTMO"), DATE otherwise.
func timexType(v string) string {
	switch {
	case strings.HasSuffix(v, "_REF"):
		return timexDate
	case strings.HasPrefix(v, "P"):
		return timexDuration
	}
	if i := strings.IndexByte(v, 'T'); i >= 0 && (i == 0 || v[i-1] >= '0' && v[i-1] <= '9' || v[i-1] == 'X') {
		return timexTime
	}
	return timexDate
}

// partOfDay maps "morning", "afternoon", "evening", "night" to their
// TIMEX3 codes.
func partOfDay(w string) string {
	switch w {
	case "morning":
		return "MO"
	case "afternoon":
		return "AF"
	case "evening":
		return "EV"
	case "night":
		return "NI"
	}
	return ""
}

// meridiem reports whether w is "a.m." or "p.m." (also "am", "pm") and
// whether it is the afternoon.
func meridiem(w string) (ok, pm bool) {
	switch w {
	case "a.m.", "a.m", "am":
		return true, false
	case "p.m.", "p.m", "pm":
		return true, true
	}
	return false, false
}

// timeZones are the abbreviations of time zones news writes after a
// clock time.
var timeZones = wordSet("GMT", "UTC", "EST", "EDT", "CST", "CDT", "MST", "MDT", "PST", "PDT", "ET", "CT",
	"MT", "PT", "AKST", "AKDT", "HST", "AST", "ADT", "NST", "NDT", "BST", "IST", "CET", "CEST", "EET",
	"EEST", "WET", "WEST", "MSK", "JST", "KST", "HKT", "SGT", "AEST", "AEDT", "ACST", "AWST", "NZST",
	"NZDT", "SAST", "WAT", "EAT", "CAT", "PKT", "ICT", "WIB", "GST", "IRST", "TRT", "ART", "BRT")

// wordSet builds a set of words.
func wordSet(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}

// isTimeZone reports whether s is a time zone's abbreviation: "EST",
// "GMT", "UTC", "MSK", "ET".
func isTimeZone(s string) bool { return timeZones[s] }

// clockTime recognises a time of day at token i: "10:35 a.m.", "10 p.m.",
// "22:00 GMT", "noon", "midnight", with a preceding "around" or "about"
// (APPROX), and returns it with the value "T10:35".
func clockTime(toks []Token, i int) (dateMatch, bool) {
	start, mod := i, ""
	switch lowerAt(toks, i) {
	case "around", "about", "approximately", "roughly":
		mod = "APPROX"
		i++
	}
	w := lowerAt(toks, i)
	if lowerAt(toks, i-1) == "high" {
		return dateMatch{}, false // "high noon"
	}
	switch w {
	case "noon", "midday":
		return dateMatch{start: start, end: i + 1, value: "T12:00", mod: mod, typ: timexTime}, true
	case "midnight":
		return dateMatch{start: start, end: i + 1, value: "T24:00", mod: mod, typ: timexTime}, true
	}
	h, m := -1, 0
	if a, b, ok := strings.Cut(w, ":"); ok && len(a) >= 1 && len(a) <= 2 && len(b) == 2 && allDigits(a) && allDigits(b) {
		h, _ = strconv.Atoi(a)
		m, _ = strconv.Atoi(b)
		if h > 24 || m > 59 {
			return dateMatch{}, false
		}
	} else if len(w) >= 1 && len(w) <= 2 && allDigits(w) {
		h, _ = strconv.Atoi(w)
		if h < 1 || h > 12 {
			return dateMatch{}, false
		}
	} else {
		return dateMatch{}, false
	}
	end := i + 1
	if ok, pm := meridiem(lowerAt(toks, end)); ok {
		if h > 12 || h == 0 {
			return dateMatch{}, false
		}
		switch {
		case pm && h < 12:
			h += 12
		case !pm && h == 12:
			h = 0
		}
		end++
	} else if !strings.Contains(w, ":") {
		return dateMatch{}, false // a bare number is no time
	} else {
		// "10:35" alone is a time only after "at" or before a time zone:
		// otherwise a score or a ratio.
		switch {
		case end < len(toks) && isTimeZone(toks[end].Text):
		case lowerAt(toks, start-1) == "at" || mod != "":
		default:
			return dateMatch{}, false
		}
	}
	if end < len(toks) && isTimeZone(toks[end].Text) {
		end++
	}
	return dateMatch{start: start, end: end, value: "T" + two(h) + ":" + two(m), mod: mod, typ: timexTime}, true
}

// dayPrecision reports whether v names one day: "2014-09-03",
// "XXXX-XX-XX", "XXXX-WXX-5".
func dayPrecision(v string) bool {
	if len(v) == 10 && v[4] == '-' && v[7] == '-' {
		return true
	}
	return strings.HasPrefix(v, "XXXX-WXX-") && len(v) == 10
}

// withTime joins a day's value and a time's ("T10:35", "TMO").
func withTime(day, t string) string {
	return day + t
}

// refDay is the reference date as a day's value, "XXXX-XX-XX" without one.
func refDay(ref refDate) string {
	if !ref.ok {
		return "XXXX-XX-XX"
	}
	return ref.t.Format("2006-01-02")
}

// timeAround joins a time of day to the day next to it: a clock time
// followed by a day ("10 p.m. Wednesday", "5 p.m. EST, Nov. 9", "noon
// Saturday"), a day followed by a part of the day or a clock time
// ("Friday morning", "Monday, 5 May 2014 at 10:35 a.m."). A clock time
// alone is on the reference date. m is the match at m.start, found by
// matchDateAt; the result may be longer.
func timeAround(toks []Token, m dateMatch, ref refDate, st *dateState) dateMatch {
	if m.typ == timexTime && strings.HasPrefix(m.value, "T") {
		k := m.end
		if lowerAt(toks, k) == "," {
			k++
		}
		if lowerAt(toks, k) == "on" {
			k++
		}
		if d, ok := matchDateAt(toks, k, ref, st); ok && d.typ == "" && dayPrecision(d.value) {
			if ref.ok {
				d.value = byTenseFrom(toks, d, ref, m.start)
			}
			m.value, m.end = withTime(d.value, m.value), d.end
			return m
		}
		if w := lowerAt(toks, k); w == "today" || w == "yesterday" || w == "tomorrow" {
			// "today's session" is no date (relativeDate says so): the
			// time keeps its own day below.
			if d, ok := relativeDate(toks, k, ref); ok && d.end > m.end {
				m.value, m.end = withTime(d.value, m.value), d.end
				return m
			}
		}
		day := refDay(ref)
		if st != nil && st.lastDay != "" {
			day = st.lastDay // "Police said Friday ... at 10:35 a.m."
		}
		m.value = withTime(day, m.value)
		return m
	}
	if m.typ != "" || !dayPrecision(m.value) {
		return m
	}
	// "Monday, 5 May 2014", "Saturday, April 25": the weekday and its date.
	if m.end-m.start == 1 && weekdayNumber(lowerAt(toks, m.start)) >= 0 {
		k := m.end
		if lowerAt(toks, k) == "," {
			k++
		}
		if d, ok := coreDate(toks, k, ref, false); ok && dayPrecision(d.value) {
			if ref.ok && !writtenInFull(toks, d) {
				d.value = byTense(toks, d, ref)
				d.value = matchWeekday(d.value, weekdayNumber(lowerAt(toks, m.start)), ref)
			}
			m.value, m.end = d.value, d.end
		}
	}
	if pd := partOfDay(lowerAt(toks, m.end)); pd != "" {
		m.value, m.end, m.typ = withTime(m.value, "T"+pd), m.end+1, timexTime
		return m
	}
	k := m.end
	if lowerAt(toks, k) == "," {
		k++
	}
	if lowerAt(toks, k) == "at" {
		k++
	}
	if c, ok := clockTime(toks, k); ok && k > m.end {
		m.value, m.end, m.typ = withTime(m.value, c.value), c.end, timexTime
		if m.mod == "" {
			m.mod = c.mod
		}
	}
	return m
}

// dayPart recognises a part of a day named relative to the reference
// date: "this morning", "tonight", "last night", "overnight", "yesterday
// afternoon", "tomorrow evening".
func dayPart(toks []Token, i int, ref refDate) (dateMatch, bool) {
	w := lowerAt(toks, i)
	switch w {
	case "tonight":
		return dateMatch{start: i, end: i + 1, value: refDay(ref) + "TNI", typ: timexTime}, true
	case "overnight":
		if toks[i].Tag == "JJ" {
			return dateMatch{}, false // "an overnight train"
		}
		return dateMatch{start: i, end: i + 1, value: refDay(ref) + "TNI", typ: timexTime}, true
	case "this", "yesterday", "tomorrow", "last":
		pd := partOfDay(lowerAt(toks, i+1))
		if pd == "" || (w == "last" && pd != "NI") {
			return dateMatch{}, false
		}
		day := refDay(ref)
		switch w {
		case "yesterday", "last":
			day = dayValue(ref, -1)
		case "tomorrow":
			day = dayValue(ref, 1)
		}
		return dateMatch{start: i, end: i + 2, value: day + "T" + pd, typ: timexTime}, true
	}
	return dateMatch{}, false
}

// setExpression recognises a set of times: "every day", "each year",
// "every other week", "every Sunday", "each July", "daily", "weekly",
// "twice a year", "three times a week", "$5 million a year".
func setExpression(toks []Token, i int) (dateMatch, bool) {
	w := lowerAt(toks, i)
	switch w {
	case "every", "each":
		quant := strings.ToUpper(w)
		j, n := i+1, 1
		if lowerAt(toks, j) == "other" {
			j, n = j+1, 2
		} else if c, ok := countValue(lowerAt(toks, j)); ok && c > 1 {
			j, n = j+1, c
		}
		u := lowerAt(toks, j)
		if unit, plural := durationUnit(u); unit != "" && plural == (n > 1) {
			return dateMatch{start: i, end: j + 1, value: durationValue(n, unit), typ: timexSet, quant: quant}, true
		}
		if n == 1 {
			if wd := weekdayNumber(u); wd >= 0 && isCapitalized(toks[j].Text) {
				return dateMatch{start: i, end: j + 1, value: "XXXX-WXX-" + strconv.Itoa(isoWeekday(wd)), typ: timexSet, quant: quant}, true
			}
			if mo := monthNumber(u); mo > 0 && isCapitalized(toks[j].Text) && !isMonthAbbreviation(u) {
				return dateMatch{start: i, end: j + 1, value: "XXXX-" + two(mo), typ: timexSet, quant: quant}, true
			}
			if pd := partOfDay(u); pd != "" {
				return dateMatch{start: i, end: j + 1, value: "TXX" + pd, typ: timexSet, quant: quant}, true
			}
		}
		return dateMatch{}, false
	case "daily", "weekly", "monthly", "yearly", "hourly", "nightly":
		// "the Russian daily Izvestia", "a Sarajevo daily said", "the
		// Yedioth Ahronoth daily": a newspaper.
		if i+1 < len(toks) && isCapitalized(toks[i+1].Text) || i > 1 && isCapitalized(toks[i-1].Text) || strings.HasPrefix(toks[i].Tag, "NN") {
			return dateMatch{}, false
		}
		switch lowerAt(toks, i-1) {
		case "a", "an", "the":
			if j := i + 1; j >= len(toks) || !strings.HasPrefix(toks[j].Tag, "NN") {
				return dateMatch{}, false // "a weekly", but "a daily newspaper" is a set
			}
		}
		v := map[string]string{"daily": "P1D", "weekly": "P1W", "monthly": "P1M", "yearly": "P1Y", "hourly": "PT1H"}[w]
		if w == "nightly" {
			v = "XXXX-XX-XXTNI"
		}
		return dateMatch{start: i, end: i + 1, value: v, typ: timexSet}, true
	case "once", "twice":
		if u, n := lowerAt(toks, i+1), lowerAt(toks, i+2); (u == "a" || u == "per" || u == "every") && n != "" {
			if unit, plural := durationUnit(n); unit != "" && !plural {
				freq := map[string]string{"once": "1X", "twice": "2X"}[w]
				return dateMatch{start: i, end: i + 3, value: durationValue(1, unit), typ: timexSet, freq: freq}, true
			}
		}
	}
	// "three times a year".
	if c, ok := countValue(w); ok && c > 1 && lowerAt(toks, i+1) == "times" {
		if u := lowerAt(toks, i+2); u == "a" || u == "per" || u == "every" {
			if unit, plural := durationUnit(lowerAt(toks, i+3)); unit != "" && !plural {
				return dateMatch{start: i, end: i + 4, value: durationValue(1, unit), typ: timexSet, freq: strconv.Itoa(c) + "X"}, true
			}
		}
	}
	return dateMatch{}, false
}

// durationValue formats a duration of n units ("P3Y", "PT5H", "P20Y"
// for two decades); n == 0 is an unknown count ("PXY").
func durationValue(n int, unit string) string {
	count := "X"
	switch {
	case unit == "DE" && n > 0:
		return "P" + strconv.Itoa(10*n) + "Y"
	case unit == "C" && n > 0:
		return "P" + strconv.Itoa(100*n) + "Y"
	case unit == "Q" && n > 0:
		return "P" + strconv.Itoa(3*n) + "M" // ISO 8601 has no quarters
	case unit == "Q":
		return "PXM"
	case n > 0:
		count = strconv.Itoa(n)
	}
	if unit == "TH" || unit == "TM" || unit == "TS" {
		return "PT" + count + unit[1:]
	}
	return "P" + count + unit
}

// durationModifier reads a modifier before a count: "about", "nearly",
// "more than", "at least", "up to", "over" (before a count only).
func durationModifier(toks []Token, i int) (string, int) {
	switch lowerAt(toks, i) {
	case "about", "around", "approximately", "roughly", "some":
		return "APPROX", 1
	case "nearly", "almost", "under":
		return "LESS_THAN", 1
	case "over":
		return "MORE_THAN", 1
	case "more", "less":
		if lowerAt(toks, i+1) == "than" {
			if lowerAt(toks, i) == "more" {
				return "MORE_THAN", 2
			}
			return "LESS_THAN", 2
		}
	case "at":
		if w := lowerAt(toks, i+1); w == "least" {
			return "EQUAL_OR_MORE", 2
		} else if w == "most" {
			return "EQUAL_OR_LESS", 2
		}
	case "up":
		if lowerAt(toks, i+1) == "to" {
			return "EQUAL_OR_LESS", 2
		}
	}
	return "", 0
}

// durationPrefix lists the words between "the" and a count that a
// duration's extent takes in: "the past two years", "the first nine
// months", "the next few days".
func durationPrefix(w string) bool {
	switch w {
	case "past", "last", "next", "first", "coming", "previous", "following", "latest", "final", "remaining", "initial", "preceding", "same", "ensuing", "subsequent", "prior":
		return true
	}
	return false
}

// durationCount reads the count of a duration at token i: a number
// ("three", "10", "twenty-four", "a", "several") or "a few", "a couple
// of", "a dozen"; it returns the count (0 when unknown) and the tokens
// read.
func durationCount(toks []Token, i int) (int, int, bool) {
	w := lowerAt(toks, i)
	switch w {
	case "a", "an":
		switch lowerAt(toks, i+1) {
		case "few":
			return 0, 2, true
		case "couple":
			if lowerAt(toks, i+2) == "of" {
				return 2, 3, true
			}
			return 0, 0, false
		case "dozen":
			return 12, 2, true
		case "half":
			return 0, 0, false
		}
	case "couple":
		if lowerAt(toks, i+1) == "of" {
			return 2, 2, true
		}
		return 0, 0, false
	case "dozens", "hundreds", "thousands":
		if lowerAt(toks, i+1) == "of" {
			return 0, 2, true
		}
		return 0, 0, false
	}
	if n, ok := countValue(w); ok {
		return n, 1, true
	}
	if a, b, ok := strings.Cut(w, "-"); ok {
		tens := tensWords[a]
		if u, ok := countValue(b); ok && tens > 0 && u > 0 && u < 10 {
			return tens + u, 1, true
		}
	}
	switch w {
	case "forty", "sixty", "seventy", "eighty", "ninety", "hundred", "eighteen", "fourteen", "sixteen", "thirteen", "seventeen", "nineteen":
		n := map[string]int{"forty": 40, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "thirteen": 13, "fourteen": 14, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19}[w]
		return n, 1, true
	}
	return 0, 0, false
}

// timeUnit maps a unit of time, singular or plural, to its TIMEX3 code:
// the calendar units of durationUnit and "hour" (TH), "minute" (TM),
// "second" (TS), "century" (C), "quarter" (Q).
func timeUnit(w string) (string, bool) {
	if u, plural := durationUnit(w); u != "" {
		return u, plural
	}
	switch w {
	case "hour", "hours":
		return "TH", w == "hours"
	case "minute", "minutes":
		return "TM", w == "minutes"
	case "second", "seconds":
		return "TS", w == "seconds"
	case "century", "centuries":
		return "C", w == "centuries"
	case "quarter", "quarters":
		return "Q", w == "quarters"
	}
	return "", false
}

// durationAt recognises a duration at token i: "three weeks", "the past
// two years", "the nine months", "about five hours", "over an hour",
// "a few minutes", "10-year", "52-week", and a bare plural unit after a
// preposition ("for days", "within months").
func durationAt(toks []Token, i int) (dateMatch, bool) {
	w := lowerAt(toks, i)
	// "10-year", "two-year", "16-hour": a count and a unit in one token.
	if a, b, ok := strings.Cut(w, "-"); ok && !strings.Contains(b, "-") {
		if unit, plural := timeUnit(b); unit != "" && !plural && unit != "Q" {
			n, ok := countValue(a)
			if a == "a" || a == "an" {
				ok = false
			}
			if ok && n > 0 {
				return dateMatch{start: i, end: i + 1, value: durationValue(n, unit), typ: timexDuration}, true
			}
		}
	}
	start, j, mod := i, i, ""
	if m, n := durationModifier(toks, j); n > 0 {
		mod, j = m, j+n
	}
	if lowerAt(toks, j) == "the" && mod == "" {
		j++
		if durationPrefix(lowerAt(toks, j)) {
			j++
		}
	} else if mod == "" && durationPrefix(w) && w != "same" && w != "first" && w != "final" {
		// "past 20 years", "last five years", "next three months".
		if _, _, ok := durationCount(toks, j+1); ok && lowerAt(toks, j+1) != "a" && lowerAt(toks, j+1) != "an" {
			j++
		}
	}
	n, c, ok := durationCount(toks, j)
	if !ok {
		// "the coming months", "the past few": no count.
		if j > start+1 && lowerAt(toks, start) == "the" && durationPrefix(lowerAt(toks, j-1)) {
			if unit, plural := timeUnit(lowerAt(toks, j)); unit != "" && plural {
				return dateMatch{start: start, end: j + 1, value: durationValue(0, unit), typ: timexDuration}, true
			}
		}
		return dateMatch{}, false
	}
	if j > start && lowerAt(toks, start) == "the" && (lowerAt(toks, j) == "a" || lowerAt(toks, j) == "an") {
		return dateMatch{}, false
	}
	k := j + c
	unit, plural := timeUnit(lowerAt(toks, k))
	if unit == "" || k > 0 && isCapitalized(toks[k].Text) && !isCapitalized(toks[k-1].Text) {
		return dateMatch{}, false // "60 Minutes": a title
	}
	if a := lowerAt(toks, j); (a == "a" || a == "an") && j == start && j > 0 {
		// "$2 million a year", "four flights a week": a rate.
		if p := toks[j-1]; p.Tag == "CD" || p.Tag == "NNS" || p.Tag == "$" {
			return dateMatch{}, false
		}
	}
	if n == 1 && plural {
		return dateMatch{}, false
	}
	if n > 1 && !plural && c == 1 && !allDigits(lowerAt(toks, j)) {
		// "a two day visit", "a five year plan": a count and a unit
		// before a noun.
		if k+1 >= len(toks) || !strings.HasPrefix(toks[k+1].Tag, "NN") {
			return dateMatch{}, false
		}
	}
	// "a second round", "one second thought": the ordinal.
	if unit == "TS" && !plural && !allDigits(lowerAt(toks, j)) && lowerAt(toks, j) != "one" {
		return dateMatch{}, false
	}
	if unit == "Q" && !plural {
		return dateMatch{}, false // "a quarter of the vote"
	}
	switch lowerAt(toks, k+1) {
	case "ago", "earlier", "later", "old", "before", "after", "from", "hence", "'s", "’s":
		return dateMatch{}, false
	case "of":
		if n == 0 || lowerAt(toks, j) == "a" || lowerAt(toks, j) == "an" {
			return dateMatch{}, false // "years of war" is fine, "a year of" is too
		}
	}
	if mod == "" && j == start && (w == "a" || w == "an") {
		// "a year" alone: a duration after a verb or a preposition of
		// time, not in "a year of".
		if lowerAt(toks, k+1) == "of" {
			return dateMatch{}, false
		}
	}
	return dateMatch{start: start, end: k + 1, value: durationValue(n, unit), mod: mod, typ: timexDuration}, true
}

// barePluralUnit recognises "years", "days", "months", "centuries" alone
// after a preposition of time ("for years", "within days"); the extent
// is the unit alone.
func barePluralUnit(toks []Token, i int) (dateMatch, bool) {
	unit, plural := timeUnit(lowerAt(toks, i))
	if unit == "" || !plural || unit == "Q" || unit == "TS" {
		return dateMatch{}, false
	}
	switch lowerAt(toks, i-1) {
	case "for", "within", "in", "over", "during", "after", "lasting", "took", "take", "takes", "last":
	default:
		return dateMatch{}, false
	}
	switch lowerAt(toks, i+1) {
	case "of", "ago", "earlier", "later", "old", "'", "’":
		return dateMatch{}, false
	}
	start := i
	if p := lowerAt(toks, i-1); p == "for" || p == "within" || p == "over" {
		// "within months", "for years": the preposition is kept in the
		// extent, as statecraft's DATE mentions always had it.
		start = i - 1
	}
	return dateMatch{start: start, end: i + 1, value: durationValue(0, unit), typ: timexDuration}, true
}

// vagueReference recognises PRESENT_REF ("now", "currently", "these
// days", "at present"), PAST_REF ("recently", "previously", "in recent
// years", "the past") and FUTURE_REF ("the future", "soon", "the near
// term").
func vagueReference(toks []Token, i int) (dateMatch, bool) {
	w := lowerAt(toks, i)
	one := func(v string) (dateMatch, bool) {
		return dateMatch{start: i, end: i + 1, value: v, typ: timexDate}, true
	}
	switch w {
	case "now", "currently", "presently", "nowadays":
		if w == "now" {
			switch lowerAt(toks, i+1) {
			case "-", "–":
				return dateMatch{}, false
			}
		}
		return one("PRESENT_REF")
	case "recently", "lately":
		return one("PAST_REF")
	case "then":
		// "the then current minister": a present of the past.
		if lowerAt(toks, i+1) == "current" || lowerAt(toks, i+1) == "-current" {
			return dateMatch{start: i, end: i + 2, value: "PAST_REF", typ: timexDate}, true
		}
	case "current":
		switch lowerAt(toks, i+1) {
		case "account", "accounts", "affairs", "events", "flows", "flow", "density":
			return dateMatch{}, false
		}
		if toks[i].Tag != "JJ" {
			return dateMatch{}, false
		}
		return one("PRESENT_REF")
	case "recent", "past":
		// "in recent years", "past decades": the past; "recent weeks",
		// "recent months": a duration of unknown length.
		if unit, plural := timeUnit(lowerAt(toks, i+1)); unit != "" && plural {
			if unit == "Y" || unit == "DE" || unit == "C" {
				return dateMatch{start: i, end: i + 2, value: "PAST_REF", typ: timexDate}, true
			}
			return dateMatch{start: i, end: i + 2, value: durationValue(0, unit), typ: timexDuration}, true
		}
	case "these":
		if lowerAt(toks, i+1) == "days" {
			return dateMatch{start: i, end: i + 2, value: "PRESENT_REF", typ: timexDate}, true
		}
	case "present":
		if p := lowerAt(toks, i-1); p == "at" || p == "the" && lowerAt(toks, i-2) != "of" {
			if toks[i].Tag == "NN" || p == "at" {
				return one("PRESENT_REF")
			}
		}
	case "the":
		switch u := lowerAt(toks, i+1); u {
		case "future", "past":
			if lowerAt(toks, i+2) == "of" {
				return dateMatch{}, false // "the future of NATO"
			}
			if t := toks[min(i+2, len(toks)-1)]; i+2 < len(toks) && (strings.HasPrefix(t.Tag, "NN") || strings.HasPrefix(t.Tag, "JJ") || t.Tag == "CD" || t.Tag == "VBG") {
				return dateMatch{}, false // "the future prime minister"; "the past year" is found elsewhere
			}
			v := "PAST_REF"
			if u == "future" {
				v = "FUTURE_REF"
			}
			return dateMatch{start: i, end: i + 2, value: v, typ: timexDate}, true
		case "near", "short", "long", "medium":
			if t := lowerAt(toks, i+2); t == "term" || (u == "near" && t == "future") {
				v := "FUTURE_REF"
				return dateMatch{start: i, end: i + 3, value: v, typ: timexDate}, true
			}
		case "present":
			if lowerAt(toks, i+2) != "of" && i+2 < len(toks) && (toks[i+2].Tag == "." || toks[i+2].Tag == "," || toks[i+2].Tag == "IN") {
				return dateMatch{start: i, end: i + 2, value: "PRESENT_REF", typ: timexDate}, true
			}
		}
	}
	return dateMatch{}, false
}

// businessCue reports whether the words around token i speak of money,
// results or the economy, the setting in which "the quarter" is a
// quarter of a year and not of a city.
func businessCue(toks []Token, i int) bool {
	for k := max(0, i-15); k < len(toks) && k <= i+15; k++ {
		switch lowerAt(toks, k) {
		case "$", "%", "percent", "million", "billion", "profit", "profits", "earnings", "sales", "revenue", "revenues", "income", "loss", "losses", "growth", "gdp", "output", "economy", "shares", "dividend", "results", "net", "fiscal", "quarterly":
			return true
		}
	}
	return false
}

// quarterOrdinal reads "first" .. "fourth" (and "final", "last") as a
// quarter number, also hyphenated to "quarter": "third-quarter".
func quarterOrdinal(w string) (q int, hyphenated bool) {
	if a, ok := strings.CutSuffix(w, "-quarter"); ok {
		w, hyphenated = a, true
		w = strings.TrimPrefix(w, "fiscal-")
	}
	switch w {
	case "first", "1st":
		q = 1
	case "second", "2nd":
		q = 2
	case "third", "3rd":
		q = 3
	case "fourth", "4th", "final":
		q = 4
	case "last":
		if !hyphenated {
			q = 4
		}
	}
	return q, hyphenated
}

// quarterOf returns the quarter (1..4) of t.
func quarterOf(t time.Time) int { return (int(t.Month())-1)/3 + 1 }

// shiftQuarter moves "2013-Q3" by n quarters; it returns v unchanged
// when v is no quarter of a known year.
func shiftQuarter(v string, n int) string {
	if len(v) != 7 || v[4:6] != "-Q" || !allDigits(v[:4]) || v[6] < '1' || v[6] > '4' {
		return v
	}
	y, _ := strconv.Atoi(v[:4])
	q := int(v[6] - '0')
	k := y*4 + q - 1 + n
	return strconv.Itoa(k/4) + "-Q" + strconv.Itoa(k%4+1)
}

// businessPeriod recognises the periods of business news at token i:
// "third-quarter", "the third quarter", "the fiscal first quarter", "the
// quarter", "the latest quarter", "this quarter", "the year-ago third
// quarter", "the year-earlier period", "year-earlier", "fiscal 2013",
// "the fiscal year", "the 2012 third quarter", "this year's first
// quarter". A quarter without a year is one of the reference's year, or
// of the year before when it is later than the reference's and the clause
// is not in the future; "the quarter" is the last one named in the
// document, else the last one ended; "year-ago" counts a year back from
// that quarter.
func businessPeriod(toks []Token, i int, ref refDate, st *dateState) (dateMatch, bool) {
	j := i
	det := ""
	switch w := lowerAt(toks, j); w {
	case "the", "this", "that", "its", "their":
		det = w
		j++
	}
	year := ""
	switch w := lowerAt(toks, j); w {
	case "this", "last", "next":
		if p := lowerAt(toks, j+1); (p == "year's" || p == "year" && (lowerAt(toks, j+2) == "'s" || lowerAt(toks, j+2) == "’s")) && det == "" {
			step := map[string]int{"this": 0, "last": -1, "next": 1}[w]
			year = periodValue(ref, "year", step)
			j += 2
			if p == "year" {
				j++
			}
		}
	}
	if y, ok := yearValue(lowerAt(toks, j)); ok && year == "" && det != "" {
		year = y
		j++
	}
	var (
		q                      int
		yearAgo, latest, thisQ bool
		fiscal, hyph, current  bool
	)
	for n := 0; n < 4; n++ {
		w := lowerAt(toks, j)
		switch w {
		case "fiscal":
			fiscal = true
			j++
			continue
		case "year-ago", "year-earlier", "year-before", "prior-year", "year-previous":
			yearAgo = true
			j++
			continue
		case "latest", "most", "recent", "just-ended", "just-completed", "recently", "same", "comparable", "corresponding":
			if w == "most" && lowerAt(toks, j+1) != "recent" {
				break
			}
			if w == "recently" && lowerAt(toks, j+1) != "ended" && lowerAt(toks, j+1) != "completed" {
				break
			}
			if w == "latest" || w == "most" || w == "recent" || w == "just-ended" || w == "just-completed" || w == "recently" {
				latest = true
			}
			j++
			if w == "most" || w == "recently" {
				j++
			}
			continue
		case "current":
			thisQ, current = true, true
			j++
			continue
		}
		break
	}
	if det == "this" {
		thisQ = true
	}
	if det == "its" || det == "their" {
		i++ // "its fourth quarter": the determiner is not part of the time
	}
	// "the current year", "the current month".
	if current && det != "" && !fiscal && !yearAgo {
		switch u := lowerAt(toks, j); u {
		case "year", "month", "week":
			return dateMatch{start: i, end: j + 1, value: periodValue(ref, u, 0), typ: timexDate}, true
		}
	}
	if qq, h := quarterOrdinal(lowerAt(toks, j)); qq > 0 {
		if h {
			q, hyph = qq, true
			j++
		} else if lowerAt(toks, j+1) == "quarter" {
			q = qq
			j += 2
		}
	}
	if q == 0 {
		switch lowerAt(toks, j) {
		case "quarter":
			if det == "" && !yearAgo && !fiscal || lowerAt(toks, j+1) == "of" && !isYearAt(toks, j+2) {
				return dateMatch{}, false
			}
			if !yearAgo && !latest && !thisQ && !fiscal && !businessCue(toks, j) {
				return dateMatch{}, false // "the Jewish quarter"
			}
			j++
		case "period":
			if !yearAgo && !(latest && st != nil && st.lastQuarter != "") || det == "" {
				return dateMatch{}, false
			}
			j++
		default:
			// "fiscal 2013", "the fiscal year", "the current fiscal year".
			if fiscal {
				if y, ok := yearValue(lowerAt(toks, j)); ok {
					return dateMatch{start: i, end: j + 1, value: y, typ: timexDate}, true
				}
				if lowerAt(toks, j) == "year" && det != "" {
					v := periodValue(ref, "year", 0)
					if latest {
						v = periodValue(ref, "year", -1)
					}
					return dateMatch{start: i, end: j + 1, value: v, typ: timexDate}, true
				}
			}
			// "year-earlier" alone, before another noun: the same
			// period a year back.
			if yearAgo && det == "" && j == i+1 && lowerAt(toks, i) != "fiscal" {
				if st != nil && st.lastQuarter != "" {
					return dateMatch{start: i, end: i + 1, value: shiftQuarter(st.lastQuarter, -4), typ: timexDate, anchor: st.lastQuarter}, true
				}
				return dateMatch{start: i, end: i + 1, value: periodValue(ref, "year", -1), typ: timexDate}, true
			}
			return dateMatch{}, false
		}
	}
	// "of 2013" after the quarter.
	if year == "" && lowerAt(toks, j) == "of" {
		if y, ok := yearValue(lowerAt(toks, j+1)); ok {
			year = y
			j += 2
		}
	}
	if q > 0 && !hyph && det == "" && !fiscal && !yearAgo && year == "" && j-i == 2 {
		// "third quarter" without "the": still a quarter in business
		// text; elsewhere left to the older rule.
		if !businessCue(toks, i) {
			return dateMatch{}, false
		}
	}
	if hyph && lowerAt(toks, i) != "the" && det != "" && det != "the" {
		// "its third-quarter": fine, the determiner belongs to the noun
		// after; keep the extent on the quarter.
		i = j - 1
	}
	if hyph && det == "the" && !yearAgo && !fiscal && !latest {
		// "the third-quarter results": "the" belongs to the noun.
		i = j - 1
	}
	var v, anchor string
	switch {
	case q > 0 && year != "":
		v = year + "-Q" + strconv.Itoa(q)
	case q > 0 && !ref.ok:
		v = "XXXX-Q" + strconv.Itoa(q)
	case q > 0:
		y, cur := ref.t.Year(), quarterOf(ref.t)
		if q > cur {
			tense := clauseTense(toks, i)
			if tense == tensePresent {
				tense = 0
			}
			if tense < 0 || tense == 0 && q-cur >= 2 {
				y--
			}
		}
		v = strconv.Itoa(y) + "-Q" + strconv.Itoa(q)
	case year != "":
		// "the 1988 quarter": the quarter last named, in that year.
		v = year + "-QX"
		if st != nil && st.lastQuarter != "" {
			v = year + st.lastQuarter[4:]
		}
	case !ref.ok:
		v = "XXXX-QX"
	case thisQ:
		v = strconv.Itoa(ref.t.Year()) + "-Q" + strconv.Itoa(quarterOf(ref.t))
	case st != nil && st.lastQuarter != "" && !latest:
		v = st.lastQuarter
		anchor = st.lastQuarter
	default:
		v = shiftQuarter(strconv.Itoa(ref.t.Year())+"-Q"+strconv.Itoa(quarterOf(ref.t)), -1)
	}
	if yearAgo {
		if q == 0 && st != nil && st.lastQuarter != "" {
			v = st.lastQuarter
		}
		if v[0] != 'X' {
			anchor = v
			v = shiftQuarter(v, -4)
		}
	}
	return dateMatch{start: i, end: j, value: v, typ: timexDate, anchor: anchor}, true
}

// isYearAt reports whether token i is a year.
func isYearAt(toks []Token, i int) bool {
	_, ok := yearValue(lowerAt(toks, i))
	return ok
}

// tensWords are the tens in words, for "twenty-four" and "ninety-six".
var tensWords = map[string]int{"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}

// spelledYear recognises a year written in words, as in transcripts of
// broadcasts: "nineteen ninety-six", "nineteen eighty", "the year two
// thousand".
func spelledYear(toks []Token, i int) (dateMatch, bool) {
	switch lowerAt(toks, i) {
	case "nineteen", "eighteen":
		century := 19
		if lowerAt(toks, i) == "eighteen" {
			century = 18
		}
		w := lowerAt(toks, i+1)
		a, b, _ := strings.Cut(w, "-")
		t, ok := tensWords[a]
		if !ok {
			return dateMatch{}, false
		}
		if b != "" {
			u, ok := countValue(b)
			if !ok || u < 1 || u > 9 {
				return dateMatch{}, false
			}
			t += u
		}
		return dateMatch{start: i, end: i + 2, value: strconv.Itoa(century*100 + t), typ: timexDate}, true
	case "the":
		if lowerAt(toks, i+1) == "year" && lowerAt(toks, i+2) == "two" && lowerAt(toks, i+3) == "thousand" {
			return dateMatch{start: i, end: i + 4, value: "2000", typ: timexDate}, true
		}
	}
	return dateMatch{}, false
}

// holiday recognises a holiday of fixed date, or Thanksgiving (the
// fourth Thursday of November), and gives its day in the reference
// year, or the one before when that is more than six months ahead:
// "Christmas", "New Year's Day", "Thanksgiving Day", "last Christmas".
func holiday(toks []Token, i int, ref refDate) (dateMatch, bool) {
	start, step := i, 0
	switch lowerAt(toks, i) {
	case "last":
		step, i = -1, i+1
	case "next":
		step, i = 1, i+1
	}
	if i >= len(toks) || !isCapitalized(toks[i].Text) {
		return dateMatch{}, false
	}
	mo, d, n := 0, 0, 1
	switch lowerAt(toks, i) {
	case "christmas":
		mo, d = 12, 25
		if lowerAt(toks, i+1) == "eve" {
			d, n = 24, 2
		} else if lowerAt(toks, i+1) == "day" {
			n = 2
		}
	case "thanksgiving":
		mo, d = 11, -1
		if lowerAt(toks, i+1) == "day" {
			n = 2
		}
	case "halloween":
		mo, d = 10, 31
	case "new":
		if y := lowerAt(toks, i+1); y == "year's" || y == "year" && lowerAt(toks, i+2) == "'s" {
			mo, d, n = 1, 1, 2
			if y == "year" {
				n = 3
			}
			if lowerAt(toks, i+n) == "day" {
				n++
			} else if lowerAt(toks, i+n) == "eve" {
				mo, d = 12, 31
				n++
			} else {
				return dateMatch{}, false
			}
		}
	case "independence":
		if lowerAt(toks, i+1) == "day" && ref.ok {
			return dateMatch{}, false // a different day in every country
		}
	}
	if mo == 0 {
		return dateMatch{}, false
	}
	if !ref.ok {
		v := "XXXX-" + two(mo) + "-" + two(d)
		if d < 0 {
			v = "XXXX-11"
		}
		return dateMatch{start: start, end: i + n, value: v, typ: timexDate}, true
	}
	y := ref.t.Year()
	switch {
	case step == 0 && mo-int(ref.t.Month()) > 6:
		y-- // "Christmas" in a January story: the one just past
	case step < 0 && mo >= int(ref.t.Month()):
		y-- // "last Christmas" in December: a year ago
	case step > 0 && mo <= int(ref.t.Month()):
		y++
	}
	day := d
	if d < 0 {
		first := time.Date(y, 11, 1, 0, 0, 0, 0, time.UTC)
		day = 1 + (int(time.Thursday)-int(first.Weekday())+7)%7 + 21
	}
	return dateMatch{start: start, end: i + n, value: strconv.Itoa(y) + "-" + two(mo) + "-" + two(day), typ: timexDate}, true
}

// theYear recognises "the year" and "the full year" after a preposition:
// a year's duration after "for" ("profit for the year"), the reference
// year after "in", "during", "of", "through" ("earlier in the year").
func theYear(toks []Token, i int, ref refDate) (dateMatch, bool) {
	if lowerAt(toks, i) != "the" {
		return dateMatch{}, false
	}
	j := i + 1
	if lowerAt(toks, j) == "full" || lowerAt(toks, j) == "entire" || lowerAt(toks, j) == "whole" {
		j++
	}
	if lowerAt(toks, j) != "year" {
		return dateMatch{}, false
	}
	switch lowerAt(toks, j+1) {
	case "of", "'s", "’s", "before", "after", "when", "that", "in", "ago", "earlier", "later", "-":
		return dateMatch{}, false // "the year of the tiger", "the year before"
	}
	if j > i+1 {
		// "the full year": the reference's year.
		return dateMatch{start: i, end: j + 1, value: periodValue(ref, "year", 0), typ: timexDate}, true
	}
	switch lowerAt(toks, i-1) {
	case "for", "over", "throughout":
		return dateMatch{start: i, end: j + 1, value: "P1Y", typ: timexDuration}, true
	case "in", "during", "of", "through", "since":
		return dateMatch{start: i, end: j + 1, value: periodValue(ref, "year", 0), typ: timexDate}, true
	}
	return dateMatch{}, false
}

// matchWeekday moves a day without a written year ("Oct. 26" in "Monday,
// Oct. 26") to the year next to the reference's in which it falls on
// weekday wd, when its own year does not agree.
func matchWeekday(v string, wd int, ref refDate) string {
	t, err := time.Parse("2006-01-02", v)
	if err != nil || int(t.Weekday()) == wd {
		return v
	}
	for _, dy := range []int{0, -1, 1} {
		y := ref.t.Year() + dy
		c := time.Date(y, t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
		if c.Month() == t.Month() && int(c.Weekday()) == wd {
			return c.Format("2006-01-02")
		}
	}
	return v
}
