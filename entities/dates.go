package entities

import (
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// Date recognition.
//
// Dates are found by hand-written rules over tokens rather than by a
// library: github.com/olebedev/when returns a single merged match per text
// (it is built for "meet tomorrow at 5pm"), and
// github.com/markusmobius/go-dateparser's Search took milliseconds per
// sentence and returned spans such as "14, 1992 and 1996-12-06, yesterday"
// on news text. Rules over the tokenizer's output give exact byte offsets,
// run in linear time and cost no allocations beyond the matches.
//
// Values follow TIMEX3: "2008", "2013-12", "1992-02-14", "XXXX-08" (year
// unknown), "199" (a decade, as TIMEX3 writes it), "19" (a century), "2014-W35" (a week),
// "2014-SU" (a season), "2014-Q1" (a quarter), "P3Y"/"PXM" (durations),
// "PRESENT_REF". Modifiers are EARLY, MID and LATE ("late August"), START and
// END ("the end of the year") and APPROX. Relative expressions ("yesterday",
// "last week", "on Friday", "this year") are resolved against a reference
// date when one is given and otherwise keep the unknown parts as X.

// dateMatch is a date expression covering tokens [start, end).
type dateMatch struct {
	start, end int
	value      string
	mod        string
	typ        string // TIMEX3 type; empty until findDates sets it from the value
	quant      string // a set's quantifier: EVERY, EACH
	freq       string // a set's frequency: 2X
	anchor     string // the value the value was computed from, when not the reference date
}

// refDate is the optional document date that relative expressions are
// resolved against. The zero value means "unknown".
type refDate struct {
	t  time.Time
	ok bool
}

// findDates returns the date expressions of one sentence's tokens, in order
// and non-overlapping. Its cost is linear in len(toks): every rule looks at
// a bounded window of tokens.
func findDates(toks []Token, ref refDate) []dateMatch {
	return findDatesIn(toks, ref, &dateState{})
}

// findDatesIn is findDates with the state carried from the document's
// earlier sentences, which it updates.
func findDatesIn(toks []Token, ref refDate, st *dateState) []dateMatch {
	var out []dateMatch
	st.sentenceLast = ""
	for i := 0; i < len(toks); {
		if m, ok := matchDateAt(toks, i, ref, st); ok {
			if ref.ok && m.typ == "" {
				m.value = byTense(toks, m, ref)
			}
			m = timeAround(toks, m, ref, st)
			if m.typ == "" {
				m.typ = timexType(m.value)
			}
			derived := m.anchor != "" // counted from another expression's value
			if m.anchor == "" && ref.ok && (m.typ == timexDate || m.typ == timexTime) && m.value != "" && m.value[0] >= '0' && m.value[0] <= '9' && !writtenInFull(toks, m) {
				m.anchor = ref.t.Format("2006-01-02")
			}
			if len(m.value) == 7 && m.value[4:6] == "-Q" && m.value[0] != 'X' && m.value[6] >= '1' && m.value[6] <= '4' && !derived {
				st.lastQuarter = m.value
			}
			if m.typ == timexDate && m.value[0] >= '0' && m.value[0] <= '9' && !derived {
				st.sentenceLast = m.value
				if dayPrecision(m.value) {
					st.lastDay = m.value
				}
			}
			out = append(out, m)
			i = max(m.end, i+1) // a rule's match always advances
			continue
		}
		i++
	}
	return out
}

// dateStartWords are the words, besides numbers, month and weekday
// names, seasons and hyphenated words, that a rule of matchDateAt may
// start at; any other word starts no date, which spares the rules most
// tokens of a text.
var dateStartWords = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`
		a an the this that its their one some several few many couple dozens hundreds thousands
		zero two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen
		sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred
		early mid late end beginning start middle
		today tonight yesterday tomorrow overnight last this next past coming earlier later
		around about approximately roughly noon midday midnight
		every each daily weekly monthly yearly hourly nightly once twice
		fiscal latest most recent recently same comparable corresponding current just-ended just-completed
		first second third fourth final 1st 2nd 3rd 4th quarter
		nearly almost under over more less at up
		previous following remaining initial preceding ensuing subsequent prior
		christmas thanksgiving halloween new independence
		years months weeks days decades hours minutes centuries
		now currently presently nowadays lately then these present`) {
		m[w] = true
	}
	return m
}()

// mayStartDate reports whether a time expression may start at the word
// w (lower case): a number, a hyphenated word, a month, weekday or
// season, or one of dateStartWords.
func mayStartDate(w string) bool {
	if w == "" {
		return false
	}
	if c := w[0]; c >= '0' && c <= '9' || c == '\'' || c == 0xe2 {
		return true
	}
	return strings.IndexByte(w, '-') >= 0 || dateStarters[w]
}

// mayStartDateAt is mayStartDate(lowerAt(toks, i)), which it answers
// without lower-casing most words that start no date: a word whose first
// byte is ASCII starts with the same byte lower-cased, has a hyphen if its
// lower-case form has one, and is one of dateStarters only if it passes
// dateStarterEnds.
func mayStartDateAt(toks []Token, i int) bool {
	if i < 0 || i >= len(toks) {
		return false
	}
	s := toks[i].Text
	if s == "" || s[0] >= utf8.RuneSelf {
		return mayStartDate(lowerASCII(s))
	}
	if c := s[0]; c >= '0' && c <= '9' || c == '\'' || strings.IndexByte(s, '-') >= 0 {
		return true
	}
	return dateStarterEnds.mayHold(s) && dateStarters[lowerASCII(s)]
}

// dateStarterEnds is the endsFilter of dateStarters.
var dateStarterEnds = func() *endsFilter {
	var ws []string
	for w, ok := range dateStarters {
		if ok {
			ws = append(ws, w)
		}
	}
	return newEndsFilter(ws)
}()

// dateStarters holds the words that mayStartDate accepts by name: those
// of dateStartWords, the month names (of monthNumber), the weekdays and
// the seasons, so that one lookup answers for all.
var dateStarters = func() map[string]bool {
	m := map[string]bool{}
	for w, ok := range dateStartWords {
		m[w] = ok
	}
	for w := range monthNames {
		if monthNumber(w) > 0 {
			m[w] = true
		}
	}
	for w := range weekdays {
		m[w] = true
	}
	for _, w := range []string{"spring", "summer", "autumn", "fall", "winter"} {
		if seasonCode(w) != "" {
			m[w] = true
		}
	}
	return m
}()

// writtenInFull reports whether the match writes its year out ("2012",
// "5 May 2014", "the 1990s"), so that its value owes nothing to the
// reference date.
func writtenInFull(toks []Token, m dateMatch) bool {
	for k := m.start; k < m.end; k++ {
		w := lowerAt(toks, k)
		if _, ok := yearValue(w); ok {
			return true
		}
		if _, ok := isoDate(w); ok {
			return true
		}
		if _, ok := decadeOrCentury(toks, k); ok {
			return true
		}
	}
	return false
}

// matchDateAt tries every rule at token i, the longest expressions first.
func matchDateAt(toks []Token, i int, ref refDate, st *dateState) (dateMatch, bool) {
	if !mayStartDateAt(toks, i) {
		return dateMatch{}, false
	}
	w := lowerAt(toks, i)
	if m, ok := clockTime(toks, i); ok {
		return m, true
	}
	if m, ok := dayPart(toks, i, ref); ok {
		return m, true
	}
	if m, ok := setExpression(toks, i); ok {
		return m, true
	}
	if m, ok := businessPeriod(toks, i, ref, st); ok {
		return m, true
	}
	// "a year ago" after another date of the sentence: that date a year
	// back ("profit in the third quarter rose from a year earlier"); in a
	// story about a quarter, that quarter a year back.
	if (w == "a" || w == "one") && lowerAt(toks, i+1) == "year" {
		if a := lowerAt(toks, i+2); a == "ago" || a == "earlier" {
			if v, ok := shiftYear(st.sentenceLast, -1); ok {
				return dateMatch{start: i, end: i + 3, value: v, anchor: st.sentenceLast, typ: timexDate}, true
			}
			if st.lastQuarter != "" {
				return dateMatch{start: i, end: i + 3, value: shiftQuarter(st.lastQuarter, -4), anchor: st.lastQuarter, typ: timexDate}, true
			}
		}
	}
	// "early Tuesday", "late Friday".
	if w == "early" || w == "late" {
		if wd := weekdayNumber(lowerAt(toks, i+1)); wd >= 0 && isCapitalized(toks[i+1].Text) {
			return dateMatch{start: i, end: i + 2, value: weekdayValue(ref, wd, 0), mod: map[string]string{"early": "EARLY", "late": "LATE"}[w]}, true
		}
	}
	if m, ok := durationAt(toks, i); ok {
		return m, true
	}
	if m, ok := spelledYear(toks, i); ok {
		return m, true
	}
	if m, ok := holiday(toks, i, ref); ok {
		return m, true
	}
	if m, ok := theYear(toks, i, ref); ok {
		return m, true
	}
	// A period modifier before a date: "early 2014", "late August",
	// "the end of the year", "mid-2014".
	if mod, n := periodModifier(toks, i); n > 0 {
		if m, ok := decadeOrCentury(toks, i+n); ok {
			m.start, m.mod = i, mod // "early 2000s", "the end of the 20th century"
			return m, true
		}
		if m, ok := coreDate(toks, i+n, ref, true); ok {
			m.start = i
			m.mod = mod
			// The end of a year is its last month and the start its first,
			// as TIMEX3 annotators write "the end of the year" (XXXX-12).
			if len(m.value) == 4 && (mod == "END" || mod == "START") {
				m.value += map[string]string{"END": "-12", "START": "-01"}[mod]
			}
			return m, true
		}
	}
	if rest, ok := strings.CutPrefix(w, "mid-"); ok {
		if v, ok := yearValue(rest); ok {
			return dm(i, i+1, v, "MID"), true
		}
		if mo := monthNumber(rest); mo > 0 {
			return dm(i, i+1, monthValue(ref, mo, 0), "MID"), true
		}
		if len(rest) == 5 && rest[4] == 's' && allDigits(rest[:4]) && rest[3] == '0' {
			return dm(i, i+1, rest[:3], "MID"), true // "mid-1990s"
		}
	}
	if w == "the" {
		// "the 1990s", "the 20th century", "the year" handled by coreDate
		// only after a modifier; here: decades and centuries, also after
		// early, mid or late ("the early 2000s").
		if m, ok := decadeOrCentury(toks, i+1); ok {
			m.start = i
			return m, true
		}
		if mod, n := periodModifier(toks, i+1); n == 1 {
			if m, ok := decadeOrCentury(toks, i+2); ok {
				m.start, m.mod = i, mod
				return m, true
			}
		}
		// "the first half of 2025", "the second half of the year".
		if h := map[string]string{"first": "H1", "second": "H2"}[lowerAt(toks, i+1)]; h != "" && lowerAt(toks, i+2) == "half" && lowerAt(toks, i+3) == "of" {
			if y, ok := yearValue(lowerAt(toks, i+4)); ok {
				return dm(i, i+5, y+"-"+h, ""), true
			}
		}
		// "the past decade", "the last decade".
		if p := lowerAt(toks, i+1); (p == "past" || p == "last") && lowerAt(toks, i+2) == "decade" {
			return dateMatch{start: i, end: i + 3, value: "P10Y", typ: timexDuration}, true
		}
		if m, ok := quarter(toks, i+1, ref); ok {
			m.start = i
			return m, true
		}
		// "the past year", "the coming week".
		switch lowerAt(toks, i+1) {
		case "past", "last", "next", "coming":
			if m, ok := relativeDate(toks, i+1, ref); ok {
				m.start = i
				return m, true
			}
		}
		// "at the weekend", "over the weekend": the weekend just past, or
		// the coming one in a clause of the future.
		if lowerAt(toks, i+1) == "weekend" {
			switch lowerAt(toks, i-1) {
			case "at", "over", "on", "during":
				return dm(i, i+2, weekendValue(toks, i, ref), ""), true
			}
		}
	}
	if m, ok := decadeOrCentury(toks, i); ok {
		return m, true
	}
	if m, ok := relativeDate(toks, i, ref); ok {
		return m, true
	}
	if m, ok := coreDate(toks, i, ref, false); ok {
		return m, true
	}
	if m, ok := barePluralUnit(toks, i); ok {
		return m, true
	}
	return vagueReference(toks, i)
}

// dm is a DATE match of tokens [start, end) with a value and a modifier.
func dm(start, end int, value, mod string) dateMatch {
	return dateMatch{start: start, end: end, value: value, mod: mod}
}

// periodModifier recognises "early", "mid", "late", "the end of",
// "the beginning of", "the start of", "the middle of" (also without
// "the") and returns the modifier and the number of tokens it spans.
func periodModifier(toks []Token, i int) (string, int) {
	switch lowerAt(toks, i) {
	case "early":
		return "EARLY", 1
	case "mid":
		return "MID", 1
	case "late":
		return "LATE", 1
	case "the":
		if mod, n := periodModifier(toks, i+1); n > 0 && mod != "EARLY" && mod != "LATE" && mod != "MID" {
			return mod, n + 1
		}
	case "end", "beginning", "start", "middle":
		if lowerAt(toks, i+1) != "of" {
			return "", 0
		}
		switch lowerAt(toks, i) {
		case "end":
			return "END", 2
		case "middle":
			return "MID", 2
		default:
			return "START", 2
		}
	}
	return "", 0
}

// coreDate recognises calendar dates, months and years at token i.
// afterModifier allows "the year", "the month" and a bare month that would
// otherwise be too ambiguous ("late May").
func coreDate(toks []Token, i int, ref refDate, afterModifier bool) (dateMatch, bool) {
	if i >= len(toks) {
		return dateMatch{}, false
	}
	w := lowerAt(toks, i)
	// ISO dates kept whole by the tokenizer: 1996-12-06, 2013-12.
	if v, ok := isoDate(w); ok {
		return dm(i, i+1, v, ""), true
	}
	// DAY MONTH [,] [YEAR]: "14 February 1992", "14th of February".
	if d := dayNumber(w); d > 0 {
		j := i + 1
		if lowerAt(toks, j) == "of" {
			j++
		}
		if mo := monthNumber(lowerAt(toks, j)); mo > 0 && d <= daysIn(mo) {
			k := j + 1
			if lowerAt(toks, k) == "," {
				k++
			}
			if y, ok := yearValue(lowerAt(toks, k)); ok {
				return dm(i, k+1, y+"-"+two(mo)+"-"+two(d), ""), true
			}
			return dm(i, j+1, monthDayValue(ref, mo, d), ""), true
		}
	}
	if mo := monthNumber(w); mo > 0 && isCapitalized(toks[i].Text) {
		// MONTH DAY [,] YEAR: "Feb. 14, 1992", "February 14".
		if d := dayNumber(lowerAt(toks, i+1)); d > 0 && d <= daysIn(mo) {
			k := i + 2
			if lowerAt(toks, k) == "," {
				k++
			}
			if y, ok := yearValue(lowerAt(toks, k)); ok {
				return dm(i, k+1, y+"-"+two(mo)+"-"+two(d), ""), true
			}
			if y, ok := relativeYear(toks, i+2, ref); ok {
				return dm(i, i+4, y+"-"+two(mo)+"-"+two(d), ""), true
			}
			return dm(i, i+2, monthDayValue(ref, mo, d), ""), true
		}
		// MONTH DAY-DAY: "March 3-4", a span of days, valued by its first.
		if d, ok := dayRange(lowerAt(toks, i+1)); ok && d <= daysIn(mo) {
			if y, ok := yearValue(lowerAt(toks, i+2)); ok {
				return dm(i, i+3, y+"-"+two(mo)+"-"+two(d), ""), true
			}
			return dm(i, i+2, monthDayValue(ref, mo, d), ""), true
		}
		// MONTH [of] YEAR: "December 2013".
		k := i + 1
		if lowerAt(toks, k) == "of" {
			k++
		}
		if y, ok := yearValue(lowerAt(toks, k)); ok {
			return dm(i, k+1, y+"-"+two(mo), ""), true
		}
		if y, ok := spelledYear(toks, k); ok && lowerAt(toks, k) != "the" {
			return dm(i, y.end, y.value+"-"+two(mo), ""), true // "January nineteen ninety-seven"
		}
		// MONTH last/this/next year: "April last year".
		if y, ok := relativeYear(toks, i+1, ref); ok && !isMonthAbbreviation(w) {
			return dm(i, i+3, y+"-"+two(mo), ""), true
		}
		// A bare month. "May" and "March" are also a verb and a noun, so
		// they need a date context: a modifier or a preceding preposition.
		// A bare abbreviation ("Jan", "Dec") is more often a name ("Jan
		// Braathu") and is a month only with a day or a year.
		if isMonthAbbreviation(w) && !(afterModifier && strings.HasSuffix(w, ".")) {
			return dateMatch{}, false
		}
		if (w != "may" && w != "march") || afterModifier || monthPreposition(lowerAt(toks, i-1)) {
			return dm(i, i+1, monthValue(ref, mo, 0), ""), true
		}
		return dateMatch{}, false
	}
	// Seasons: "spring 2014", "the summer".
	if s := seasonCode(w); s != "" {
		if y, ok := yearValue(lowerAt(toks, i+1)); ok {
			return dm(i, i+2, y+"-"+s, ""), true
		}
	}
	// A year: 2008, 1992.
	if y, ok := yearValue(w); ok && yearInContext(toks, i) {
		return dm(i, i+1, y, ""), true
	}
	if afterModifier {
		// "the end of next year", "early last year".
		if y, ok := relativeYear(toks, i, ref); ok {
			return dm(i, i+2, y, ""), true
		}
		// "the end of the year", "late this year", "the end of the month".
		j := i
		if lowerAt(toks, j) == "the" || lowerAt(toks, j) == "this" {
			j++
		}
		switch lowerAt(toks, j) {
		case "year":
			v := "XXXX"
			if ref.ok {
				v = strconv.Itoa(ref.t.Year())
			}
			return dm(i, j+1, v, ""), true
		case "month":
			v := "XXXX-XX"
			if ref.ok {
				v = ref.t.Format("2006-01")
			}
			return dm(i, j+1, v, ""), true
		case "week":
			v := "XXXX-WXX"
			if ref.ok {
				v = isoWeek(ref.t)
			}
			return dm(i, j+1, v, ""), true
		}
	}
	return dateMatch{}, false
}

// dayRange reads "3-4" or "3–4", two days of a month with the second
// after the first, and returns the first.
func dayRange(w string) (int, bool) {
	a, b, ok := strings.Cut(w, "-")
	if !ok {
		a, b, ok = strings.Cut(w, "–")
	}
	if !ok || len(a) > 2 || len(b) > 2 || !allDigits(a) || !allDigits(b) {
		return 0, false
	}
	d, e := dayNumber(a), dayNumber(b)
	if d <= 0 || e <= d {
		return 0, false
	}
	return d, true
}

// relativeYear reads "last year", "this year" or "next year" at token i
// and returns the year it names ("XXXX" without a reference date).
func relativeYear(toks []Token, i int, ref refDate) (string, bool) {
	step, ok := map[string]int{"last": -1, "this": 0, "next": 1}[lowerAt(toks, i)]
	if !ok || lowerAt(toks, i+1) != "year" {
		return "", false
	}
	return periodValue(ref, "year", step), true
}

// monthPreposition reports whether w, the word before a bare "May" or
// "March", makes it a month: "in May", "since March", "of May".
func monthPreposition(w string) bool {
	switch w {
	case "in", "since", "until", "till", "by", "of", "from", "to", "through", "during", "last", "next", "this", "early", "late", "mid", "before", "after":
		return true
	}
	return false
}

// yearInContext tells a year from a count: "in 2008", "the 2008 conflict"
// and a sentence-initial "2008 was" are years; "2000 troops" is not.
func yearInContext(toks []Token, i int) bool {
	if i > 0 {
		switch toks[i-1].Text {
		case "$", "€", "£", "¥", "#", "No.", "no.", "number":
			return false
		}
	}
	next := lowerAt(toks, i+1)
	if next == "%" || next == "percent" || next == "per" {
		return false
	}
	if i+1 < len(toks) && toks[i+1].Tag == "NNS" && !yearNoun(next) {
		return false
	}
	return true
}

// yearNoun lists plural nouns that a year may modify: "the 2008 elections".
func yearNoun(w string) bool {
	switch w {
	case "elections", "games", "olympics", "talks", "protests", "riots", "accords", "agreements", "events", "hostilities", "clashes", "negotiations", "sanctions", "attacks":
		return true
	}
	return false
}

// decadeOrCentury recognises "1990s", "'90s", "20th century" at token i.
func decadeOrCentury(toks []Token, i int) (dateMatch, bool) {
	w := lowerAt(toks, i)
	if len(w) == 5 && w[4] == 's' && allDigits(w[:4]) && w[3] == '0' {
		return dm(i, i+1, w[:3], ""), true
	}
	if (strings.HasPrefix(w, "'") || strings.HasPrefix(w, "’")) && strings.HasSuffix(w, "0s") {
		d := strings.TrimSuffix(strings.TrimLeft(w, "'’"), "s")
		if len(d) == 2 && allDigits(d) {
			return dm(i, i+1, "19"+d[:1], ""), true
		}
	}
	if n := ordinalNumber(w); n > 0 && n <= 21 && lowerAt(toks, i+1) == "century" {
		return dm(i, i+2, two(n-1), ""), true
	}
	return dateMatch{}, false
}

// quarter recognises "first quarter of 2014" at token i.
func quarter(toks []Token, i int, ref refDate) (dateMatch, bool) {
	q := 0
	switch lowerAt(toks, i) {
	case "first":
		q = 1
	case "second":
		q = 2
	case "third":
		q = 3
	case "fourth", "last", "final":
		q = 4
	}
	if q == 0 || lowerAt(toks, i+1) != "quarter" {
		return dateMatch{}, false
	}
	if lowerAt(toks, i+2) == "of" {
		if y, ok := yearValue(lowerAt(toks, i+3)); ok {
			return dm(i, i+4, y+"-Q"+strconv.Itoa(q), ""), true
		}
	}
	y := "XXXX"
	if ref.ok {
		y = strconv.Itoa(ref.t.Year())
	}
	return dm(i, i+2, y+"-Q"+strconv.Itoa(q), ""), true
}

// relativeDate recognises expressions relative to the document date:
// today, yesterday, tomorrow, last/this/next week|month|year, weekdays,
// "N days ago".
func relativeDate(toks []Token, i int, ref refDate) (dateMatch, bool) {
	w := lowerAt(toks, i)
	switch w {
	case "today", "tonight":
		if n := lowerAt(toks, i+1); n == "'s" || n == "’s" {
			return dateMatch{}, false // "today's world": the present era, seldom a TIMEX3
		}
		if ref.ok {
			return dm(i, i+1, ref.t.Format("2006-01-02"), ""), true
		}
		return dm(i, i+1, "PRESENT_REF", ""), true
	case "yesterday":
		return dm(i, i+1, dayValue(ref, -1), ""), true
	case "tomorrow":
		if p := lowerAt(toks, i-1); p == "of" || lowerAt(toks, i+1) == "'s" || lowerAt(toks, i+1) == "’s" {
			return dateMatch{}, false // "the people of tomorrow"
		}
		return dm(i, i+1, dayValue(ref, 1), ""), true
	case "last", "this", "next", "past", "coming":
		step := map[string]int{"last": -1, "past": -1, "this": 0, "next": 1, "coming": 1}[w]
		u := lowerAt(toks, i+1)
		switch u {
		case "week", "month", "year":
			if i > 0 && isCapitalized(toks[i].Text) && isCapitalized(toks[i+1].Text) {
				return dateMatch{}, false // "ABC's This Week": a title
			}
			return dm(i, i+2, periodValue(ref, u, step), ""), true
		case "weekend":
			// "last weekend": the weekend of the week before; "this
			// weekend" the reference date's week's.
			return dm(i, i+2, periodValue(ref, "week", step)+"-WE", ""), true
		}
		if wd := weekdayNumber(u); wd >= 0 {
			return dm(i, i+2, weekdayValue(ref, wd, step), ""), true
		}
		// "last December", "next March": the nearest such month before or
		// after the reference month; "this December" is in its year.
		if mo := monthNumber(u); mo > 0 && isCapitalized(toks[i+1].Text) && !isMonthAbbreviation(u) {
			if !ref.ok {
				return dm(i, i+2, "XXXX-"+two(mo), ""), true
			}
			y, now := ref.t.Year(), int(ref.t.Month())
			switch {
			case step < 0 && mo >= now:
				y--
			case step > 0 && mo <= now:
				y++
			}
			return dm(i, i+2, strconv.Itoa(y)+"-"+two(mo), ""), true
		}
		if s := seasonCode(u); s != "" {
			y := "XXXX"
			if ref.ok {
				y = strconv.Itoa(ref.t.Year() + min(step, 0))
			}
			return dm(i, i+2, y+"-"+s, ""), true
		}
	case "earlier", "later":
		if lowerAt(toks, i+1) == "this" {
			if u := lowerAt(toks, i+2); u == "week" || u == "month" || u == "year" {
				return dm(i, i+3, periodValue(ref, u, 0), ""), true
			}
		}
	}
	if wd := weekdayNumber(w); wd >= 0 && isCapitalized(toks[i].Text) {
		return dm(i, i+1, weekdayValue(ref, wd, 0), ""), true
	}
	// "three days ago", "two years ago"; "a day earlier", "a week later",
	// counted from the document date.
	if n, ok := countValue(w); ok {
		if unit, _ := durationUnit(lowerAt(toks, i+1)); unit != "" {
			switch lowerAt(toks, i+2) {
			case "ago", "earlier":
				return dm(i, i+3, agoValue(ref, n, unit), ""), true
			case "later":
				if n == 0 {
					return dm(i, i+3, agoValue(refDate{}, 0, unit), ""), true // "a few days later": unknown
				}
				return dm(i, i+3, agoValue(ref, -n, unit), ""), true
			}
		}
	}
	return dateMatch{}, false
}

// durationUnit maps "year(s)", "month(s)", "week(s)", "day(s)", "decade(s)"
// to TIMEX3 duration units and says whether the word was plural.
func durationUnit(w string) (string, bool) {
	switch w {
	case "year", "years":
		return "Y", w == "years"
	case "month", "months":
		return "M", w == "months"
	case "week", "weeks":
		return "W", w == "weeks"
	case "day", "days":
		return "D", w == "days"
	case "decade", "decades":
		return "DE", w == "decades"
	}
	return "", false
}

// countValue reads a small count: digits, number words, "a"/"an" (1) and
// "several"/"few"/"some" (unknown: 0).
func countValue(w string) (int, bool) {
	if w == "" {
		return 0, false
	}
	if allDigits(w) && len(w) <= 3 {
		n, _ := strconv.Atoi(w)
		return n, n > 0
	}
	switch w {
	case "one":
		return 1, true
	case "two":
		return 2, true
	case "three":
		return 3, true
	case "four":
		return 4, true
	case "five":
		return 5, true
	case "six":
		return 6, true
	case "seven":
		return 7, true
	case "eight":
		return 8, true
	case "nine":
		return 9, true
	case "ten":
		return 10, true
	case "eleven":
		return 11, true
	case "twelve":
		return 12, true
	case "a", "an":
		return 1, true
	case "several", "few", "some", "many":
		return 0, true
	case "fifteen":
		return 15, true
	case "twenty":
		return 20, true
	case "thirty":
		return 30, true
	case "fifty":
		return 50, true
	}
	return 0, false
}

var monthNames = map[string]int{
	"january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6,
	"july": 7, "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
	"jan.": 1, "feb.": 2, "mar.": 3, "apr.": 4, "jun.": 6, "jul.": 7, "aug.": 8,
	"sep.": 9, "sept.": 9, "oct.": 10, "nov.": 11, "dec.": 12,
	"jan": 1, "feb": 2, "apr": 4, "aug": 8, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}

// isMonthAbbreviation reports whether w, in lower case, is an abbreviated
// month name ("jan", "sept.") rather than a full one.
func isMonthAbbreviation(w string) bool {
	switch w {
	case "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december":
		return false
	}
	return monthNames[w] > 0
}

// monthNumber returns 1..12 for a lower-case month name or abbreviation.
func monthNumber(w string) int { return monthNames[w] }

var weekdays = map[string]int{
	"sunday": 0, "monday": 1, "tuesday": 2, "wednesday": 3, "thursday": 4, "friday": 5, "saturday": 6,
}

// weekdayNumber returns time.Weekday for a lower-case weekday, or -1.
func weekdayNumber(w string) int {
	if d, ok := weekdays[w]; ok {
		return d
	}
	return -1
}

// seasonCode returns the TIMEX3 season code of a lower-case season name.
func seasonCode(w string) string {
	switch w {
	case "spring":
		return "SP"
	case "summer":
		return "SU"
	case "autumn", "fall":
		return "FA"
	case "winter":
		return "WI"
	}
	return ""
}

// yearValue accepts a four-digit year from 1000 to 2099.
func yearValue(w string) (string, bool) {
	if len(w) != 4 || !allDigits(w) || (w[0] != '1' && !(w[0] == '2' && w[1] == '0')) {
		return "", false
	}
	return w, true
}

// dayNumber reads a day of the month: "14", "14th", "1st".
func dayNumber(w string) int {
	if n := ordinalNumber(w); n > 0 {
		if n <= 31 {
			return n
		}
		return 0
	}
	if len(w) > 2 || !allDigits(w) {
		return 0
	}
	n, _ := strconv.Atoi(w)
	if n < 1 || n > 31 {
		return 0
	}
	return n
}

// ordinalNumber reads "1st", "2nd", "14th", "twentieth"-free ordinals.
func ordinalNumber(w string) int {
	if len(w) < 3 {
		return 0
	}
	switch w[len(w)-2:] {
	case "st", "nd", "rd", "th":
	default:
		return 0
	}
	d := w[:len(w)-2]
	if !allDigits(d) || len(d) > 2 {
		return 0
	}
	n, _ := strconv.Atoi(d)
	return n
}

// isoDate accepts YYYY-MM-DD and YYYY-MM with a valid month and day.
func isoDate(w string) (string, bool) {
	if len(w) != 10 && len(w) != 7 {
		return "", false
	}
	if _, ok := yearValue(w[:4]); !ok || w[4] != '-' || !allDigits(w[5:7]) {
		return "", false
	}
	mo, _ := strconv.Atoi(w[5:7])
	if mo < 1 || mo > 12 {
		return "", false
	}
	if len(w) == 7 {
		return w, true
	}
	if w[7] != '-' || !allDigits(w[8:]) {
		return "", false
	}
	d, _ := strconv.Atoi(w[8:])
	if d < 1 || d > daysIn(mo) {
		return "", false
	}
	return w, true
}

// daysIn returns the most days month mo can have.
func daysIn(mo int) int {
	switch mo {
	case 2:
		return 29
	case 4, 6, 9, 11:
		return 30
	}
	return 31
}

// monthValue is "XXXX-MM", or the reference year's month when known.
func monthValue(ref refDate, mo, _ int) string {
	if ref.ok {
		return strconv.Itoa(ref.t.Year()) + "-" + two(mo)
	}
	return "XXXX-" + two(mo)
}

// monthDayValue is "XXXX-MM-DD", or in the reference year when known.
func monthDayValue(ref refDate, mo, d int) string {
	return monthValue(ref, mo, 0) + "-" + two(d)
}

// dayValue is the reference date shifted by n days, or "XXXX-XX-XX".
func dayValue(ref refDate, n int) string {
	if !ref.ok {
		return "XXXX-XX-XX"
	}
	return ref.t.AddDate(0, 0, n).Format("2006-01-02")
}

// periodValue resolves "last/this/next week|month|year".
func periodValue(ref refDate, unit string, step int) string {
	switch unit {
	case "week":
		if !ref.ok {
			return "XXXX-WXX"
		}
		return isoWeek(ref.t.AddDate(0, 0, 7*step))
	case "month":
		if !ref.ok {
			return "XXXX-XX"
		}
		return ref.t.AddDate(0, step, 1-ref.t.Day()).Format("2006-01")
	default:
		if !ref.ok {
			return "XXXX"
		}
		return strconv.Itoa(ref.t.Year() + step)
	}
}

// weekdayValue resolves a weekday: with step 0 the most recent such day on
// or before the reference date (news reports mostly past events), with -1
// the one before that week, with +1 the next one after the reference.
func weekdayValue(ref refDate, wd, step int) string {
	if !ref.ok {
		return "XXXX-WXX-" + strconv.Itoa(isoWeekday(wd))
	}
	back := (int(ref.t.Weekday()) - wd + 7) % 7
	switch {
	case step > 0:
		fwd := (wd - int(ref.t.Weekday()) + 7) % 7
		if fwd == 0 {
			fwd = 7
		}
		return ref.t.AddDate(0, 0, fwd).Format("2006-01-02")
	case step < 0 && back == 0:
		back = 7
	}
	return ref.t.AddDate(0, 0, -back).Format("2006-01-02")
}

// agoValue resolves "N units ago".
func agoValue(ref refDate, n int, unit string) string {
	if n == 0 && ref.ok {
		return "PAST_REF" // "several years ago"
	}
	if !ref.ok || n == 0 {
		switch unit {
		case "Y", "DE":
			return "XXXX"
		case "M":
			return "XXXX-XX"
		case "W":
			return "XXXX-WXX"
		}
		return "XXXX-XX-XX"
	}
	switch unit {
	case "Y":
		return strconv.Itoa(ref.t.Year() - n)
	case "DE":
		return strconv.Itoa(ref.t.Year() - 10*n)
	case "M":
		return ref.t.AddDate(0, -n, 1-ref.t.Day()).Format("2006-01")
	case "W":
		return isoWeek(ref.t.AddDate(0, 0, -7*n))
	}
	return ref.t.AddDate(0, 0, -n).Format("2006-01-02")
}

// weekendValue is the value of "the weekend" at token i: the weekend of
// the reference week in a clause of the future or when the reference date
// is itself a Saturday or Sunday, else the weekend before it.
func weekendValue(toks []Token, i int, ref refDate) string {
	if !ref.ok {
		return "XXXX-WXX-WE"
	}
	wd := ref.t.Weekday()
	if clauseTense(toks, i) == 1 || wd == time.Saturday || wd == time.Sunday {
		return isoWeek(ref.t) + "-WE"
	}
	return isoWeek(ref.t.AddDate(0, 0, -7)) + "-WE"
}

// isoWeek formats t's ISO week as "2014-W35".
func isoWeek(t time.Time) string {
	y, w := t.ISOWeek()
	return strconv.Itoa(y) + "-W" + two(w)
}

// isoWeekday maps time.Weekday (Sunday 0) to ISO (Monday 1 .. Sunday 7).
func isoWeekday(wd int) int {
	if wd == 0 {
		return 7
	}
	return wd
}

// two formats n with at least two digits.
func two(n int) string {
	if n < 10 {
		return "0" + strconv.Itoa(n)
	}
	return strconv.Itoa(n)
}

func allDigits(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// isCapitalized reports whether s starts with an upper-case ASCII letter.
func isCapitalized(s string) bool {
	return s != "" && 'A' <= s[0] && s[0] <= 'Z'
}

// byTense moves a date that the reference date resolved without a year of
// its own (a weekday, "December", "July 26", "late August") to the side
// of the reference that the clause's tense points to: "is due to vote on
// Friday" is the coming Friday, "said in December" in a January article
// is the December before. The tense is the nearest auxiliary or reporting
// verb among the few words before the date. Without one, the nearest
// reading is taken: the weekday closest to the reference among the past
// week and the next day, a month at most six months away. A future verb
// or one in the present ("they meet Monday") takes the coming weekday when
// it is the nearer one: "will" is often in another clause than the date's.
func byTense(toks []Token, m dateMatch, ref refDate) string {
	return byTenseFrom(toks, m, ref, m.start)
}

// byTenseFrom is byTense with the clause's tense read before token from
// rather than before the date: "until 9 a.m. Tuesday".
func byTenseFrom(toks []Token, m dateMatch, ref refDate, from int) string {
	wd := -1
	hasMonth := false
	for k := m.start; k < m.end; k++ {
		w := lowerAt(toks, k)
		if _, ok := yearValue(w); ok {
			return m.value
		}
		switch w {
		case "last", "this", "next", "past", "coming", "earlier", "later":
			return m.value
		}
		if monthNumber(w) > 0 && isCapitalized(toks[k].Text) {
			hasMonth = true
		}
		if d := weekdayNumber(w); d >= 0 && isCapitalized(toks[k].Text) && m.end-m.start <= 2 {
			wd = d
		}
	}
	if wd < 0 && !hasMonth {
		return m.value
	}
	tense := clauseTense(toks, from)
	if futureCue(toks, from) {
		tense = 1
	} else if tense == 0 {
		tense = tenseAfter(toks, m.end)
	}
	if wd >= 0 && !hasMonth {
		if tense == tensePresent {
			tense = 1
		}
		back := (int(ref.t.Weekday()) - wd + 7) % 7
		fwd := (wd - int(ref.t.Weekday()) + 7) % 7
		switch {
		case tense == 1 && fwd <= back:
			return ref.t.AddDate(0, 0, fwd).Format("2006-01-02")
		case tense >= 0 && fwd <= 1 && fwd < back:
			// Without a tense, the day after the reference ("talks
			// resume Tuesday" on a Monday); news otherwise reports past
			// days.
			return ref.t.AddDate(0, 0, fwd).Format("2006-01-02")
		}
		return ref.t.AddDate(0, 0, -back).Format("2006-01-02")
	}
	// "YYYY-MM" or "YYYY-MM-DD" in the reference year.
	v := m.value
	if len(v) != 7 && len(v) != 10 || v[4] != '-' || !allDigits(v[:4]) || !allDigits(v[5:7]) {
		return v
	}
	y, _ := strconv.Atoi(v[:4])
	mo, _ := strconv.Atoi(v[5:7])
	if y != ref.t.Year() {
		return v
	}
	months := mo - int(ref.t.Month())
	cmp := months
	if cmp == 0 && len(v) == 10 && allDigits(v[8:]) {
		d, _ := strconv.Atoi(v[8:])
		cmp = d - ref.t.Day()
	}
	switch {
	case tense == 0 || tense == tenseNearest || tense == tensePresent:
		// The nearest reading: "refused to leave office in December" in
		// a January article is the December before, "vowed to hold
		// elections in June" the June to come.
		switch {
		case months > 6:
			return strconv.Itoa(y-1) + v[4:]
		case months < -6:
			return strconv.Itoa(y+1) + v[4:]
		}
	case tense < 0 && cmp > 0:
		return strconv.Itoa(y-1) + v[4:]
	case tense > 0 && months < 0:
		// A day earlier in the reference's month keeps its year: "will"
		// is more often in another clause than a year away.
		return strconv.Itoa(y+1) + v[4:]
	}
	return v
}

// futureCue reports whether the word before token i (and a following
// "on") points to a time to come: "by Dec. 15", "until March",
// "payable Dec. 7", "effective June 1", "extended to Nov. 20".
func futureCue(toks []Token, i int) bool {
	k := i - 1
	if lowerAt(toks, k) == "on" {
		k--
	}
	switch lowerAt(toks, k) {
	case "by", "until", "till", "payable", "effective", "starting", "expires", "expire", "due":
		return true
	case "to":
		switch lowerAt(toks, k-1) {
		case "extended", "postponed", "delayed", "moved", "pushed", "deferred", "adjourned", "rescheduled":
			return true
		}
	}
	return false
}

// tenseAfter reads the tense of the first finite verb among the few
// words after token i, for a date that opens its clause ("In January,
// the company said"): -1 for a past one, +1 for "will" or "would", 0 for
// a present one or none.
func tenseAfter(toks []Token, i int) int {
	for k := i; k < len(toks) && k < i+8; k++ {
		switch lowerAt(toks, k) {
		case "will", "'ll", "shall":
			return 1
		case ";", ":", "\"", "“", "”", "(", ")":
			return 0
		}
		switch toks[k].Tag {
		case "VBD":
			return -1
		case "VBZ", "VBP":
			return 0
		}
	}
	return 0
}

// tenseNearest is the tense of a past verb with an infinitive between it
// and the date ("refused to leave office in December"): the date may be
// on either side of the verb's time, so the nearest one is taken.
const tenseNearest = 2

// tensePresent is the tense of a clause whose verb is in the present
// ("talks resume Dec. 15", "they meet Monday"): in news, a weekday there
// is mostly the coming one, and a month the nearest.
const tensePresent = 3

// clauseTense looks at the words before token i, back to the start of the
// sentence or a clause mark and at most ten words: +1 at a future
// auxiliary ("will", "would", "due", "expected", "scheduled"), -1 at a
// past one, a reporting verb or "since" ("said", "was", "had", "in jail
// since July"), 0 when neither comes first. A past verb that is no
// auxiliary ("visited", "formed", "met") also gives -1, or tenseNearest
// when an infinitive's "to" comes between it and the date.
func clauseTense(toks []Token, i int) int {
	infinitive := false
	for k := i - 1; k >= 0 && k >= i-10; k-- {
		w := lowerAt(toks, k)
		switch w {
		case "will", "would", "'ll", "shall", "due", "expected", "scheduled", "plans", "intends", "set", "planned", "slated":
			return 1
		case "said", "was", "were", "had", "did", "told", "announced", "reported", "ago", "since":
			return -1
		case ";", ":", "\"", "“", "”", "(", ")":
			return 0
		case "to":
			// An infinitive's "to" ("refused to leave"), not a
			// preposition ("travelled to Kyiv").
			if k+1 < len(toks) && toks[k+1].Tag == "VB" {
				infinitive = true
			}
			continue
		}
		if t := toks[k].Tag; (t == "VBP" || t == "VBZ") && !infinitive {
			return tensePresent // "said talks resume on Dec. 15": the clause of the date is in the present
		}
		if isPastVerb(toks, k) {
			if infinitive {
				return tenseNearest
			}
			return -1
		}
	}
	return 0
}

// isPastVerb reports whether token k is a lower-case verb in the simple
// past: a few irregular ones, or a word in "-ed" that follows no article,
// possessive or present form of "be" ("the planned summit", "is
// postponed until March" are not).
func isPastVerb(toks []Token, k int) bool {
	t := toks[k].Text
	if t == "" || t[0] < 'a' || t[0] > 'z' {
		return false
	}
	switch lowerAt(toks, k-1) {
	case "a", "an", "the", "its", "his", "her", "their", "our", "is", "are", "be", "been", "being", "am", "'s", "'re", "newly", "so-called":
		return false
	}
	switch t {
	case "met", "held", "took", "left", "came", "went", "began", "sent", "made", "won", "lost", "fled",
		"struck", "spoke", "gave", "saw", "broke", "fell", "rose", "became", "wrote", "chose", "flew",
		"sought", "fought", "brought", "quit":
		return true
	case "hundred", "indeed", "sacred", "naked", "wicked", "kindred":
		return false
	}
	if len(t) < 5 || !strings.HasSuffix(t, "ed") {
		return false
	}
	if tag := toks[k].Tag; tag == "JJ" || strings.HasPrefix(tag, "NN") {
		return false // "Series H preferred shares", "a still unspecified date"
	}
	if strings.HasSuffix(t, "eed") && t != "agreed" && t != "freed" && t != "decreed" && t != "guaranteed" {
		return false
	}
	return true
}
