package entities

import (
	"context"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

// timexWant is one expected time expression: its text, TIMEX3 type,
// value and modifier, and for sets the quantifier and frequency.
type timexWant struct {
	Text, Timex, Value, Mod string
	Quant, Freq             string
}

// timexesAt returns the time expressions that e finds in text written on
// date.
func timexesAt(t *testing.T, e *Extractor, text string, date time.Time) []timexWant {
	t.Helper()
	doc, err := e.ExtractAt(context.Background(), text, date)
	if err != nil {
		t.Fatal(err)
	}
	var got []timexWant
	for _, m := range doc.Mentions {
		if m.Type == Date {
			got = append(got, timexWant{m.Text, m.Timex, m.Value, m.Mod, m.Quant, m.Freq})
		}
	}
	return got
}

// TestTimexClasses checks every class of time expression of TIMEX3 on
// sentences of news written for the test: durations, sets, times of day,
// present and past references, business periods, extents and the
// resolution of partial dates against the document date.
func TestTimexClasses(t *testing.T) {
	wed := time.Date(2014, 9, 3, 0, 0, 0, 0, time.UTC)   // a Wednesday, in Q3
	thu := time.Date(2013, 10, 24, 0, 0, 0, 0, time.UTC) // a Thursday, in Q4
	mon := time.Date(2016, 4, 4, 0, 0, 0, 0, time.UTC)   // a Monday
	nov := time.Date(2011, 11, 14, 0, 0, 0, 0, time.UTC)
	apr := time.Date(2012, 4, 12, 0, 0, 0, 0, time.UTC)
	aug := time.Date(2015, 8, 18, 0, 0, 0, 0, time.UTC)
	jan := time.Date(2016, 1, 7, 0, 0, 0, 0, time.UTC) // a Thursday
	tests := []struct {
		class, name string
		text        string
		date        time.Time
		want        []timexWant
	}{
		// Durations.
		{"duration", "hyphenated years", "The firm signed a 10-year lease on the site.", wed, []timexWant{{"10-year", "DURATION", "P10Y", "", "", ""}}},
		{"duration", "hyphenated word count", "The mayor won a two-year term in office.", wed, []timexWant{{"two-year", "DURATION", "P2Y", "", "", ""}}},
		{"duration", "hyphenated weeks", "The shares hit a 52-week low on news of the probe.", nil0(), []timexWant{{"52-week", "DURATION", "P52W", "", "", ""}}},
		{"duration", "hyphenated hours", "Rescuers ended a 16-hour search.", wed, []timexWant{{"16-hour", "DURATION", "PT16H", "", "", ""}}},
		{"duration", "a few minutes", "The minister spoke for a few minutes.", wed, []timexWant{{"a few minutes", "DURATION", "PTXM", "", "", ""}}},
		{"duration", "the nine months", "Sales rose 4% in the nine months to September 2013.", wed, []timexWant{{"the nine months", "DURATION", "P9M", "", "", ""}, {"September 2013", "DATE", "2013-09", "", "", ""}}},
		{"duration", "over an hour", "The hearing went on for over an hour.", wed, []timexWant{{"over an hour", "DURATION", "PT1H", "MORE_THAN", "", ""}}},
		{"duration", "centuries", "Such feuds have gone on for centuries.", wed, []timexWant{{"for centuries", "DURATION", "PXC", "", "", ""}}},
		{"duration", "bare plural after for", "The talks went on for days.", wed, []timexWant{{"for days", "DURATION", "PXD", "", "", ""}}},
		{"duration", "one minute", "The vote took one minute.", wed, []timexWant{{"one minute", "DURATION", "PT1M", "", "", ""}}},
		{"duration", "count without a cue", "The siege lasted three weeks.", wed, []timexWant{{"three weeks", "DURATION", "P3W", "", "", ""}}},
		{"duration", "the past with a count", "Prices rose over the past two years.", wed, []timexWant{{"the past two years", "DURATION", "P2Y", "", "", ""}}},
		{"duration", "the first months", "Output fell in the first six months.", wed, []timexWant{{"the first six months", "DURATION", "P6M", "", "", ""}}},
		{"duration", "about a count", "The crossing takes about five hours.", wed, []timexWant{{"about five hours", "DURATION", "PT5H", "APPROX", "", ""}}},
		{"duration", "decades in years", "The feud lasted two decades.", wed, []timexWant{{"two decades", "DURATION", "P20Y", "", "", ""}}},
		{"duration", "year-earlier without a quarter", "Exports beat the year-earlier level.", wed, []timexWant{{"year-earlier", "DATE", "2013", "", "", ""}}},
		{"duration", "the ordinal second is no duration", "He won a second term in the second round.", wed, nil},
		{"duration", "an age is no duration", "The 10-year-old boy was found.", wed, nil},
		// Sets.
		{"set", "every day", "Ministers meet every day.", wed, []timexWant{{"every day", "SET", "P1D", "", "EVERY", ""}}},
		{"set", "daily", "The agency issues daily bulletins.", wed, []timexWant{{"daily", "SET", "P1D", "", "", ""}}},
		{"set", "every month", "Inspectors visit the plant every month.", wed, []timexWant{{"every month", "SET", "P1M", "", "EVERY", ""}}},
		{"set", "weekly", "The council meets weekly.", wed, []timexWant{{"weekly", "SET", "P1W", "", "", ""}}},
		{"set", "each year", "The forum is held each year.", wed, []timexWant{{"each year", "SET", "P1Y", "", "EACH", ""}}},
		{"set", "twice a year", "The ministers meet twice a year.", wed, []timexWant{{"twice a year", "SET", "P1Y", "", "", "2X"}}},
		{"set", "every weekday", "The market opens every Sunday.", wed, []timexWant{{"every Sunday", "SET", "XXXX-WXX-7", "", "EVERY", ""}}},
		// Times of day.
		{"time", "clock time", "The blast came at 10:35 a.m. in the capital.", wed, []timexWant{{"10:35 a.m.", "TIME", "2014-09-03T10:35", "", "", ""}}},
		{"time", "around a clock time", "Police arrived around 7:15 p.m. on the scene.", wed, []timexWant{{"around 7:15 p.m.", "TIME", "2014-09-03T19:15", "APPROX", "", ""}}},
		{"time", "this morning", "The minister spoke this morning.", wed, []timexWant{{"this morning", "TIME", "2014-09-03TMO", "", "", ""}}},
		{"time", "overnight", "Shelling went on overnight.", wed, []timexWant{{"overnight", "TIME", "2014-09-03TNI", "", "", ""}}},
		{"time", "weekday morning", "The talks ended Friday morning.", wed, []timexWant{{"Friday morning", "TIME", "2014-08-29TMO", "", "", ""}}},
		{"time", "hour and weekday", "Voting closed at 10 p.m. Monday.", wed, []timexWant{{"10 p.m. Monday", "TIME", "2014-09-01T22:00", "", "", ""}}},
		{"time", "noon and weekday", "The deadline passed at noon Saturday.", wed, []timexWant{{"noon Saturday", "TIME", "2014-08-30T12:00", "", "", ""}}},
		{"time", "weekday night", "Protesters gathered Saturday night.", wed, []timexWant{{"Saturday night", "TIME", "2014-08-30TNI", "", "", ""}}},
		{"time", "date at a time", "It opened on Monday, 5 May 2014 at 10:35 a.m. sharp.", wed, []timexWant{{"Monday, 5 May 2014 at 10:35 a.m.", "TIME", "2014-05-05T10:35", "", "", ""}}},
		{"time", "yesterday evening", "The envoy landed yesterday evening.", wed, []timexWant{{"yesterday evening", "TIME", "2014-09-02TEV", "", "", ""}}},
		// Present, past and future references.
		{"ref", "now", "Talks are now stalled.", wed, []timexWant{{"now", "DATE", "PRESENT_REF", "", "", ""}}},
		{"ref", "currently", "He is currently in Minsk.", wed, []timexWant{{"currently", "DATE", "PRESENT_REF", "", "", ""}}},
		{"ref", "recent years", "Trade has grown in recent years.", wed, []timexWant{{"recent years", "DATE", "PAST_REF", "", "", ""}}},
		// "previously" and "soon" are seldom annotated as TIMEX3 in news:
		// left out, for precision.
		{"ref", "previously is left out", "He previously served as envoy.", wed, nil},
		{"ref", "lately", "Prices have lately risen.", wed, []timexWant{{"lately", "DATE", "PAST_REF", "", "", ""}}},
		{"ref", "then-current is past", "He met the then current minister.", wed, []timexWant{{"then current", "DATE", "PAST_REF", "", "", ""}}},
		{"ref", "the future", "The leaders will meet in the future.", wed, []timexWant{{"the future", "DATE", "FUTURE_REF", "", "", ""}}},
		{"ref", "the future as a title", "He met the future prime minister.", wed, nil},
		{"ref", "recently", "The envoy recently visited Baku.", wed, []timexWant{{"recently", "DATE", "PAST_REF", "", "", ""}}},
		{"ref", "modal may is no date", "Russia may act and troops march.", wed, nil},
		// Business periods.
		{"business", "the quarter", "Profit rose 5% in the quarter.", thu, []timexWant{{"the quarter", "DATE", "2013-Q3", "", "", ""}}},
		{"business", "hyphenated quarter", "Third-quarter net income fell.", thu, []timexWant{{"Third-quarter", "DATE", "2013-Q3", "", "", ""}}},
		{"business", "the latest quarter", "Sales in the latest quarter rose.", thu, []timexWant{{"the latest quarter", "DATE", "2013-Q3", "", "", ""}}},
		{"business", "the year-ago quarter", "Net income rose from the year-ago third quarter.", thu, []timexWant{{"the year-ago third quarter", "DATE", "2012-Q3", "", "", ""}}},
		{"business", "a year ago at the quarter's granularity", "Third-quarter profit rose to $5 million from $4 million a year ago.", thu,
			[]timexWant{{"Third-quarter", "DATE", "2013-Q3", "", "", ""}, {"a year ago", "DATE", "2012-Q3", "", "", ""}}},
		{"business", "year-earlier in a quarter's story", "Third-quarter profit rose. It beat year-earlier results.", thu,
			[]timexWant{{"Third-quarter", "DATE", "2013-Q3", "", "", ""}, {"year-earlier", "DATE", "2012-Q3", "", "", ""}}},
		{"business", "fiscal year", "Sales in fiscal 2013 rose.", thu, []timexWant{{"fiscal 2013", "DATE", "2013", "", "", ""}}},
		{"business", "a later quarter in January", "Profit fell in the fourth quarter.", jan, []timexWant{{"the fourth quarter", "DATE", "2015-Q4", "", "", ""}}},
		// Written out, holidays, the year, and what is no time.
		{"spelled", "year in words", "The games of nineteen ninety-six were in Atlanta.", wed, []timexWant{{"nineteen ninety-six", "DATE", "1996", "", "", ""}}},
		{"spelled", "month and year in words", "It began in January nineteen ninety-seven.", wed, []timexWant{{"January nineteen ninety-seven", "DATE", "1997-01", "", "", ""}}},
		{"holiday", "Thanksgiving", "Families gathered on Thanksgiving Day.", time.Date(2015, 12, 2, 0, 0, 0, 0, time.UTC), []timexWant{{"Thanksgiving Day", "DATE", "2015-11-26", "", "", ""}}},
		{"holiday", "last Christmas in January", "He was freed last Christmas.", jan, []timexWant{{"last Christmas", "DATE", "2015-12-25", "", "", ""}}},
		{"the year", "for the year", "Profit for the year rose 4%.", thu, []timexWant{{"the year", "DURATION", "P1Y", "", "", ""}}},
		{"the year", "earlier in the year", "Sales slowed in the year.", thu, []timexWant{{"the year", "DATE", "2013", "", "", ""}}},
		{"no time", "a rate", "The plan saves $2 million a year.", thu, nil},
		{"no time", "a title", "He spoke on ABC's This Week and on 60 Minutes.", thu, nil},
		{"no time", "today's as the present era", "It is a problem in today's world.", thu, nil},
		// Extents.
		{"extent", "the past year", "Prices fell in the past year.", wed, []timexWant{{"the past year", "DATE", "2013", "", "", ""}}},
		{"extent", "early weekday", "Gunmen attacked early Tuesday.", wed, []timexWant{{"early Tuesday", "DATE", "2014-09-02", "EARLY", "", ""}}},
		// Resolution.
		{"resolution", "weekday tomorrow without tense", "Talks on the budget resume Tuesday in Kyiv.", mon, []timexWant{{"Tuesday", "DATE", "2016-04-05", "", "", ""}}},
		{"resolution", "weekday yesterday despite a later will", "Officials said Wednesday that they will vote.", jan, []timexWant{{"Wednesday", "DATE", "2016-01-06", "", "", ""}}},
		{"resolution", "month-day earlier in the month with will", "Officials say the fuel will last, as they did since Aug. 7.", aug, []timexWant{{"Aug. 7", "DATE", "2015-08-07", "", "", ""}}},
		{"resolution", "month-day next month after said", "The ministry said talks resume Dec. 15.", nov, []timexWant{{"Dec. 15", "DATE", "2011-12-15", "", "", ""}}},
		{"resolution", "coming January", "Elections are set for January.", nov, []timexWant{{"January", "DATE", "2012-01", "", "", ""}}},
		{"resolution", "coming January without tense", "The January elections loom large.", nov, []timexWant{{"January", "DATE", "2012-01", "", "", ""}}},
		{"resolution", "by a date is to come", "The ministers said the deal must close by Jan. 14.", time.Date(2016, 1, 5, 0, 0, 0, 0, time.UTC), []timexWant{{"Jan. 14", "DATE", "2016-01-14", "", "", ""}}},
		{"resolution", "extended to a later month", "The offer was extended to Dec. 7.", nov, []timexWant{{"Dec. 7", "DATE", "2011-12-07", "", "", ""}}},
		{"resolution", "month opening a past clause", "In March, the company posted a loss.", nov, []timexWant{{"March", "DATE", "2011-03", "", "", ""}}},
		{"resolution", "weekday and date agree", "They met on Monday, Oct. 26.", time.Date(2015, 10, 25, 0, 0, 0, 0, time.UTC), []timexWant{{"Monday, Oct. 26", "DATE", "2015-10-26", "", "", ""}}},
		{"resolution", "until a time and weekday", "The deadline was extended until 9 a.m. EST Tuesday.", mon, []timexWant{{"9 a.m. EST Tuesday", "TIME", "2016-04-05T09:00", "", "", ""}}},
		{"resolution", "several years ago", "The mine closed several years ago.", wed, []timexWant{{"several years ago", "DATE", "PAST_REF", "", "", ""}}},
		{"business", "quarters in months", "Output rose in the next three quarters.", thu, []timexWant{{"the next three quarters", "DURATION", "P9M", "", "", ""}}},
		{"resolution", "an adjective in -ed is no past verb", "The firm will redeem its preferred shares on Oct. 31.", time.Date(2013, 10, 24, 0, 0, 0, 0, time.UTC), []timexWant{{"Oct. 31", "DATE", "2013-10-31", "", "", ""}}},
		{"resolution", "late November in April", "Fighting flared in late November, officials say.", apr, []timexWant{{"late November", "DATE", "2011-11", "LATE", "", ""}}},
	}
	e, err := New()
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range tests {
		t.Run(tc.class+"/"+tc.name, func(t *testing.T) {
			got := timexesAt(t, e, tc.text, tc.date)
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("%q on %s (-want +got):\n%s", tc.text, tc.date.Format("2006-01-02"), diff)
			}
		})
	}
}

// nil0 is the zero time: no document date.
func nil0() time.Time { return time.Time{} }

// TestTimexAnchor checks that a value computed from the document date or
// from another expression names its anchor.
func TestTimexAnchor(t *testing.T) {
	e, err := New()
	if err != nil {
		t.Fatal(err)
	}
	thu := time.Date(2013, 10, 24, 0, 0, 0, 0, time.UTC)
	doc, err := e.ExtractAt(context.Background(), "Third-quarter profit rose to $5 million from $4 million a year ago. The chief executive spoke on Tuesday and in 2012.", thu)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{"Third-quarter": "2013-10-24", "a year ago": "2013-Q3", "Tuesday": "2013-10-24", "2012": ""}
	for _, m := range doc.Mentions {
		if m.Type != Date {
			continue
		}
		if w, ok := want[m.Text]; !ok || m.Anchor != w {
			t.Errorf("%q: anchor %q, want %q", m.Text, m.Anchor, w)
		}
	}
}

// TestDatesLinear checks that dates are found in time linear in the
// size of inputs made of numbers and dates only.
func TestDatesLinear(t *testing.T) {
	if testing.Short() {
		t.Skip("large inputs")
	}
	e, err := New()
	if err != nil {
		t.Fatal(err)
	}
	var digits strings.Builder
	for i := 0; digits.Len() < 1<<20; i++ {
		digits.WriteString(strconv.Itoa(i%100 + 1))
		digits.WriteByte(' ')
	}
	tests := []struct{ name, in string }{
		{"1 MB of counts", digits.String()},
		{"100k dates at a time", strings.Repeat("Monday, 5 May 2014 at 10:35 a.m. ", 100000)},
		{"1 MB of units", strings.Repeat("two years every day ", 1<<20/20)},
		{"1 MB of quarters", strings.Repeat("the year-ago third quarter a year ago ", 1<<20/38)},
	}
	const refSize = 1 << 20
	ref := ordinaryText(t, refSize)
	start := time.Now()
	if _, err := e.Extract(context.Background(), ref); err != nil {
		t.Fatal(err)
	}
	perByte := time.Since(start).Seconds() / refSize
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			start := time.Now()
			doc, err := e.ExtractAt(context.Background(), tc.in, time.Date(2014, 9, 3, 0, 0, 0, 0, time.UTC))
			elapsed := time.Since(start)
			if err != nil {
				t.Fatal(err)
			}
			checkDocument(t, tc.in, doc)
			limit := time.Duration(10*perByte*float64(len(tc.in))*1e9) + time.Second
			t.Logf("%d bytes, %d mentions in %v (limit %v)", len(tc.in), len(doc.Mentions), elapsed.Round(time.Millisecond), limit.Round(time.Millisecond))
			if elapsed > limit {
				t.Errorf("took %v, want <= %v", elapsed, limit)
			}
		})
	}
}

// FuzzExtractAtDates checks the time expressions of any input written on
// a known date: no panic, the document's invariants, and every DATE
// mention with a TIMEX3 type and a value.
//
//	go test -run '^$' -fuzz '^FuzzExtractAtDates$' -fuzztime 1m -parallel 1 ./entities/
func FuzzExtractAtDates(f *testing.F) {
	for _, s := range []string{
		"Monday, 5 May 2014 at 10:35 a.m. EST Tuesday",
		"Third-quarter profit rose from a year ago; the year-ago third quarter, fiscal 2013.",
		"every other week, twice a year, 10-year, 52-week, the past two years, over an hour",
		"noon Saturday, Friday night, last night, nineteen ninety-six, Thanksgiving Day",
		"now, currently, in recent years, the future, the then current minister",
		"a couple of", "the first", "every", "9 a.m.", "nineteen", "the year two", "last",
	} {
		f.Add(s)
	}
	e, err := New()
	if err != nil {
		f.Fatal(err)
	}
	date := time.Date(2014, 9, 3, 0, 0, 0, 0, time.UTC)
	f.Fuzz(func(t *testing.T, text string) {
		doc, err := e.ExtractAt(context.Background(), text, date)
		if err != nil {
			t.Fatal(err)
		}
		checkDocument(t, text, doc)
		for _, m := range doc.Mentions {
			if m.Type != Date {
				continue
			}
			switch m.Timex {
			case "DATE", "TIME", "DURATION", "SET":
			default:
				t.Errorf("%q: timex %q", m.Text, m.Timex)
			}
			if m.Value == "" {
				t.Errorf("%q: no value", m.Text)
			}
		}
	})
}

// TestTimexReviewCases are inputs a review found wrong: a clock time
// before "today's" looped for ever, a quarter of unknown number shifted
// to a year eight years off, and any upper-case word ending in T was read
// as a time zone.
func TestTimexReviewCases(t *testing.T) {
	e, err := New()
	if err != nil {
		t.Fatal(err)
	}
	wed := time.Date(2014, 9, 3, 0, 0, 0, 0, time.UTC)
	for _, text := range []string{
		"Shares rose at 10 a.m. today's session was calm.",
		"Voting opens at 9 a.m. tomorrow's polls matter.",
		"They met at noon today’s lunch was long.",
	} {
		done := make(chan []timexWant, 1)
		go func() { done <- timexesAt(t, e, text, wed) }()
		select {
		case got := <-done:
			for _, m := range got {
				if strings.HasPrefix(m.Text, "today") || strings.HasPrefix(m.Text, "tomorrow") {
					t.Errorf("%q: %q is no date", text, m.Text)
				}
			}
		case <-time.After(10 * time.Second):
			t.Fatalf("%q: Extract did not return in 10 s", text)
		}
	}
	for _, c := range []struct {
		text string
		not  string // a value the text must not give
	}{
		{"Profit in the 2012 quarter rose 5 percent to $3 million. It was $2 million a year ago.", "2020-Q4"},
		{"The 1988 quarter's profit rose. The year-earlier period was weak.", "1996-Q4"},
	} {
		for _, m := range timexesAt(t, e, c.text, wed) {
			if m.Value == c.not || strings.HasPrefix(m.Value, "2020") && strings.Contains(c.text, "2012") || strings.HasPrefix(m.Value, "1996") {
				t.Errorf("%q: %q valued %s", c.text, m.Text, m.Value)
			}
		}
	}
	for _, m := range timexesAt(t, e, "It starts at 10:30 IT staff said.", wed) {
		if strings.Contains(m.Text, "IT") {
			t.Errorf("time %q takes the word after it as a time zone", m.Text)
		}
	}
	if got := timexesAt(t, e, "The vote closes at 8 p.m. EST on Tuesday.", wed); len(got) == 0 || !strings.Contains(got[0].Text, "EST") {
		t.Errorf("a real time zone is no longer part of the time: %v", got)
	}
}
