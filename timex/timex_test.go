package timex

import (
	"fmt"
	"testing"
	"time"
)

func TestParse(t *testing.T) {
	ref := time.Date(2014, 9, 3, 15, 4, 0, 0, time.UTC) // a Wednesday
	d := func(y int, m time.Month, day int) time.Time { return time.Date(y, m, day, 0, 0, 0, 0, time.UTC) }
	for _, c := range []struct {
		value      string
		ref        time.Time
		start, end time.Time
		ok         bool
	}{
		{"2008", time.Time{}, d(2008, 1, 1), d(2009, 1, 1), true},
		{"2013-12", time.Time{}, d(2013, 12, 1), d(2014, 1, 1), true},
		{"1992-02-14", time.Time{}, d(1992, 2, 14), d(1992, 2, 15), true},
		{"2024-02-29", time.Time{}, d(2024, 2, 29), d(2024, 3, 1), true},
		{"2023-02-29", time.Time{}, time.Time{}, time.Time{}, false},
		{"2014-09-03T10:00", time.Time{}, d(2014, 9, 3), d(2014, 9, 4), true},
		{"2014-09-03TMO", time.Time{}, d(2014, 9, 3), d(2014, 9, 4), true},
		{"199X", time.Time{}, d(1990, 1, 1), d(2000, 1, 1), true},
		{"199", time.Time{}, d(1990, 1, 1), d(2000, 1, 1), true},
		{"19", time.Time{}, d(1900, 1, 1), d(2000, 1, 1), true},
		{"19XX", time.Time{}, d(1900, 1, 1), d(2000, 1, 1), true},
		{"2014-W35", time.Time{}, d(2014, 8, 25), d(2014, 9, 1), true},
		{"2015-W53", time.Time{}, d(2015, 12, 28), d(2016, 1, 4), true},
		{"2014-W53", time.Time{}, time.Time{}, time.Time{}, false},
		{"2014-W35-5", time.Time{}, d(2014, 8, 29), d(2014, 8, 30), true},
		{"XXXX-08", ref, d(2014, 8, 1), d(2014, 9, 1), true},
		{"XXXX-08", time.Time{}, time.Time{}, time.Time{}, false},
		{"XXXX-12-25", ref, d(2014, 12, 25), d(2014, 12, 26), true},
		{"XXXX-WXX-5", ref, d(2014, 9, 5), d(2014, 9, 6), true},
		{"XXXX-WXX-1", ref, d(2014, 9, 1), d(2014, 9, 2), true},
		{"2014-Q3", time.Time{}, d(2014, 7, 1), d(2014, 10, 1), true},
		{"2014-H2", time.Time{}, d(2014, 7, 1), d(2015, 1, 1), true},
		{"2014-WI", time.Time{}, d(2014, 12, 1), d(2015, 3, 1), true},
		{"P3Y", ref, time.Time{}, time.Time{}, false},
		{"2014-WXX-5", ref, time.Time{}, time.Time{}, false},
		{"XXXX", ref, d(2014, 1, 1), d(2015, 1, 1), true},
		{"PRESENT_REF", ref, time.Time{}, time.Time{}, false},
		{"", ref, time.Time{}, time.Time{}, false},
		{"2014-13", ref, time.Time{}, time.Time{}, false},
		{"20x4", ref, time.Time{}, time.Time{}, false},
	} {
		s, e, ok := Parse(c.value, c.ref)
		if ok != c.ok || !s.Equal(c.start) || !e.Equal(c.end) {
			t.Errorf("Parse(%q, %v) = %v, %v, %v; want %v, %v, %v", c.value, c.ref.Format("2006-01-02"), s, e, ok, c.start, c.end, c.ok)
		}
	}
}

func FuzzParse(f *testing.F) {
	for _, v := range []string{"2008", "XXXX-WXX-5", "2014-W35-5", "199X", "XXXX-08-31", "2014-Q3"} {
		f.Add(v)
	}
	ref := time.Date(2014, 9, 3, 0, 0, 0, 0, time.UTC)
	f.Fuzz(func(t *testing.T, v string) {
		s, e, ok := Parse(v, ref)
		if ok && !s.Before(e) {
			t.Fatalf("Parse(%q): empty span %v – %v", v, s, e)
		}
	})
}

func ExampleParse() {
	ref := time.Date(2014, 9, 3, 0, 0, 0, 0, time.UTC) // the document's date, a Wednesday
	for _, v := range []string{"2013-12", "XXXX-08", "XXXX-WXX-5", "P1M"} {
		start, end, ok := Parse(v, ref)
		if !ok {
			fmt.Println(v, "no span")
			continue
		}
		fmt.Println(v, start.Format("2006-01-02"), end.Format("2006-01-02"))
	}
	// Output:
	// 2013-12 2013-12-01 2014-01-01
	// XXXX-08 2014-08-01 2014-09-01
	// XXXX-WXX-5 2014-09-05 2014-09-06
	// P1M no span
}
