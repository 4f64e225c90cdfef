package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/statecraft/statecraft/entities"
	"github.com/statecraft/statecraft/internal/corpus"
)

// The TimeML of these tests is written for them; it is not TimeBank's.

func TestReadTimeML(t *testing.T) {
	for _, tc := range []struct {
		name string
		tml  string
		want timeMLDoc
	}{{
		name: "DCT outside TEXT, tags and entities",
		tml: `<?xml version="1.0" ?>
<TimeML>
<DOCID>X</DOCID>
<DCT><TIMEX3 tid="t0" type="TIME" value="2001-02-03T10:00" functionInDocument="CREATION_TIME">20010203</TIMEX3></DCT>
<TEXT>
Smith &amp; Co <EVENT eid="e1" class="REPORTING">said</EVENT> <TIMEX3 tid="t1" type="DATE" value="2001-02-02">yesterday</TIMEX3> that &lt;profits&gt; rose <SIGNAL sid="s1">for</SIGNAL> <TIMEX3 tid="t2" type="DURATION" value="P3Y" mod="MORE_THAN">more than three years</TIMEX3>.
</TEXT>
<TLINK lid="l1" relType="BEFORE" eventInstanceID="ei1" relatedToTime="t0"/>
</TimeML>
`,
		want: timeMLDoc{
			Text: "\nSmith & Co said yesterday that <profits> rose for more than three years.\n",
			DCT:  time.Date(2001, 2, 3, 0, 0, 0, 0, time.UTC),
			Timexes: []timex{
				{Start: 17, End: 26, Text: "yesterday", Type: "DATE", Value: "2001-02-02"},
				{Start: 51, End: 72, Text: "more than three years", Type: "DURATION", Value: "P3Y", Mod: "MORE_THAN"},
			},
		},
	}, {
		name: "DCT inside TEXT, multi-byte text, character references, CDATA, nested TIMEX3",
		tml: `<TimeML><TEXT>
<TIMEX3 tid="t0" type="DATE" value="2001-02-03" functionInDocument="CREATION_TIME">Feb. 3</TIMEX3>
Caf&#233; &#xE9;lan: <![CDATA[<b>]]> on <TIMEX3 tid="t1" type="DATE" value="2001-02-05"><TIMEX3 tid="t2" type="DATE" value="XXXX-WXX-1">Monday</TIMEX3>, 2001-02-05</TIMEX3> &lt;/b&gt;
</TEXT></TimeML>`,
		want: timeMLDoc{
			Text: "\nFeb. 3\nCafé élan: <b> on Monday, 2001-02-05 </b>\n",
			DCT:  time.Date(2001, 2, 3, 0, 0, 0, 0, time.UTC),
			Timexes: []timex{
				{Start: 1, End: 7, Text: "Feb. 3", Type: "DATE", Value: "2001-02-03"},
				{Start: 28, End: 34, Text: "Monday", Type: "DATE", Value: "XXXX-WXX-1"},
				{Start: 28, End: 46, Text: "Monday, 2001-02-05", Type: "DATE", Value: "2001-02-05"},
			},
		},
	}, {
		name: "no DCT, no TIMEX3, TIMEX3 outside TEXT not counted",
		tml:  `<TimeML><TITLE><TIMEX3 tid="t9" type="DATE" value="2001">2001</TIMEX3></TITLE><TEXT>Nothing happened.</TEXT></TimeML>`,
		want: timeMLDoc{Text: "Nothing happened."},
	}} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := readTimeML(strings.NewReader(tc.tml), "doc.tml")
			if err != nil {
				t.Fatal(err)
			}
			tc.want.Name = "doc.tml"
			if diff := cmp.Diff(&tc.want, got); diff != "" {
				t.Errorf("readTimeML (-want +got):\n%s", diff)
			}
			for _, x := range got.Timexes {
				if got.Text[x.Start:x.End] != x.Text {
					t.Errorf("text[%d:%d] = %q, TIMEX3 text %q", x.Start, x.End, got.Text[x.Start:x.End], x.Text)
				}
			}
		})
	}
}

func TestReadTimeMLErrors(t *testing.T) {
	for _, tc := range []struct {
		name, tml, want string
	}{
		{"mismatched tags", `<TimeML><TEXT>a <TIMEX3 type="DATE" value="2001">b</TEXT></TimeML>`, "TIMEX3"},
		{"unclosed document", `<TimeML><TEXT>a`, "unexpected EOF"},
		{"unknown entity", `<TimeML><TEXT>a&nbsp;b</TEXT></TimeML>`, "nbsp"},
		{"TIMEX3 without type", `<TimeML><TEXT>on <TIMEX3 tid="t1" value="2001">2001</TIMEX3></TEXT></TimeML>`, "TIMEX3 without type"},
		{"no TEXT", `<TimeML><DOCID>X</DOCID></TimeML>`, "no <TEXT>"},
		{"two TEXT", `<TimeML><TEXT>a</TEXT><TEXT>b</TEXT></TimeML>`, "second <TEXT>"},
		{"bad DCT", `<TimeML><DCT><TIMEX3 type="DATE" value="20010203" functionInDocument="CREATION_TIME">x</TIMEX3></DCT><TEXT>a</TEXT></TimeML>`, "CREATION_TIME"},
		{"short DCT", `<TimeML><DCT><TIMEX3 type="DATE" value="2001" functionInDocument="CREATION_TIME">x</TIMEX3></DCT><TEXT>a</TEXT></TimeML>`, "CREATION_TIME"},
		{"empty", ``, "no <TEXT>"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := readTimeML(strings.NewReader(tc.tml), "doc.tml")
			if err == nil {
				t.Fatal("want an error")
			}
			if !strings.HasPrefix(err.Error(), "doc.tml: ") || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("error %q, want it to name doc.tml and say %q", err, tc.want)
			}
		})
	}
}

func TestTimeMLScore(t *testing.T) {
	g := func(start, end int, typ, value string) timex {
		return timex{Start: start, End: end, Text: "x", Type: typ, Value: value}
	}
	for _, tc := range []struct {
		name      string
		gold, sys []timex
		all       timexCounts
		byType    map[string]timexCounts
		report    []string // substrings of the problem lines, in order
		strictF1  float64
		relaxedF1 float64
		valueF1   float64
	}{{
		name: "strict, relaxed, wrong type, wrong value, missed, spurious",
		gold: []timex{
			g(0, 10, "DATE", "2000-01-01"),
			g(20, 30, "DURATION", "P1D"),
			g(40, 50, "DATE", "2000"),
			g(60, 70, "TIME", "2000-01-01T10:00"),
		},
		sys: []timex{
			g(0, 10, "DATE", "2000-01-01"), // strict, right value and type
			g(22, 30, "DATE", "P1D"),       // relaxed, right value, wrong type
			g(35, 45, "DATE", "1999"),      // relaxed (overlap 5), wrong value
			g(45, 48, "DATE", "2000"),      // overlap 3 with a gold already taken: spurious
			g(80, 90, "DATE", "2000"),      // spurious
		},
		all: timexCounts{gold: 4, strict: 1, relaxed: 3, value: 2, typ: 2},
		byType: map[string]timexCounts{
			"DATE":     {gold: 2, strict: 1, relaxed: 2, value: 1, typ: 2},
			"DURATION": {gold: 1, relaxed: 1, value: 1},
			"TIME":     {gold: 1},
		},
		report:    []string{"doc:", "type", "value", "missed", "spurious", "spurious"},
		strictF1:  2 * (1.0 / 5) * (1.0 / 4) / (1.0/5 + 1.0/4),
		relaxedF1: 2 * (3.0 / 5) * (3.0 / 4) / (3.0/5 + 3.0/4),
		valueF1:   2 * (3.0 / 5) * (3.0 / 4) / (3.0/5 + 3.0/4) * 2 / 3,
	}, {
		name: "one system expression over two gold: the larger overlap wins",
		gold: []timex{g(0, 5, "DATE", "2000"), g(6, 20, "DATE", "2000-05")},
		sys:  []timex{g(0, 20, "DATE", "2000-05")},
		all:  timexCounts{gold: 2, relaxed: 1, value: 1, typ: 1},
		byType: map[string]timexCounts{
			"DATE": {gold: 2, relaxed: 1, value: 1, typ: 1},
		},
		report:    []string{"doc:", "missed"},
		relaxedF1: 2 * 1 * 0.5 / 1.5,
		valueF1:   2 * 1 * 0.5 / 1.5,
	}, {
		name: "nothing",
		all:  timexCounts{},
	}} {
		t.Run(tc.name, func(t *testing.T) {
			s := newTimeMLScores(true)
			s.add("doc", tc.gold, tc.sys)
			if s.sys != len(tc.sys) {
				t.Errorf("sys = %d, want %d", s.sys, len(tc.sys))
			}
			if diff := cmp.Diff(tc.all, s.all, cmp.AllowUnexported(timexCounts{})); diff != "" {
				t.Errorf("all (-want +got):\n%s", diff)
			}
			byType := map[string]timexCounts{}
			for k, v := range s.byType {
				byType[k] = *v
			}
			if tc.byType == nil {
				tc.byType = map[string]timexCounts{}
			}
			if diff := cmp.Diff(tc.byType, byType, cmp.AllowUnexported(timexCounts{})); diff != "" {
				t.Errorf("by type (-want +got):\n%s", diff)
			}
			_, _, sf := s.strictPRF()
			_, _, rf := s.relaxedPRF()
			for _, f := range []struct {
				name      string
				got, want float64
			}{{"strict F1", sf, tc.strictF1}, {"relaxed F1", rf, tc.relaxedF1}, {"value F1", s.valueF1(), tc.valueF1}} {
				if d := f.got - f.want; d > 1e-9 || d < -1e-9 {
					t.Errorf("%s = %.4f, want %.4f", f.name, f.got, f.want)
				}
			}
			if len(s.report) != len(tc.report) {
				t.Fatalf("report %q, want %d lines", s.report, len(tc.report))
			}
			for i, l := range s.report {
				if !strings.Contains(l, tc.report[i]) {
					t.Errorf("report line %d %q, want %q in it", i, l, tc.report[i])
				}
			}
			var out bytes.Buffer
			s.print(&out, "test")
			if !strings.Contains(out.String(), "(1 documents)") {
				t.Errorf("print:\n%s", out.String())
			}
		})
	}
}

// TestTimeMLFlag runs the program with -timeml on a directory of one
// TimeML document written for the test.
func TestTimeMLFlag(t *testing.T) {
	dir := t.TempDir()
	sub := filepath.Join(dir, "a")
	if err := os.Mkdir(sub, 0o755); err != nil {
		t.Fatal(err)
	}
	const tml = `<TimeML><DCT><TIMEX3 tid="t0" type="DATE" value="2014-09-03" functionInDocument="CREATION_TIME">2014-09-03</TIMEX3></DCT>
<TEXT>The minister resigned <TIMEX3 tid="t1" type="DATE" value="2014-09-02">yesterday</TIMEX3>, and the talks will resume in <TIMEX3 tid="t2" type="DATE" value="2015-03">March 2015</TIMEX3>.</TEXT></TimeML>`
	if err := os.WriteFile(filepath.Join(sub, "doc.tml"), []byte(tml), 0o644); err != nil {
		t.Fatal(err)
	}
	out := evaluate(t, "-timeml", dir, "-misses")
	if !strings.Contains(out, "(1 documents)") || !strings.Contains(out, "relaxed") {
		t.Errorf("output:\n%s", out)
	}
	t.Log(out)
	if err := run([]string{"-timeml", dir, "-system", "x.ann"}, &bytes.Buffer{}); err == nil {
		t.Error("-timeml with -system: want an error")
	}
	if err := run([]string{"-timeml", t.TempDir()}, &bytes.Buffer{}); err == nil {
		t.Error("-timeml on a directory without .tml: want an error")
	}
}

// TestTimeBank scores statecraft on TimeBank and AQUAINT when
// ../shared/dev has them and checks that the figures are sane; it
// expects no particular level.
func TestTimeBank(t *testing.T) {
	if testing.Short() {
		t.Skip("runs statecraft on 256 documents")
	}
	dir, ok := corpus.Shared("timebank")
	if !ok {
		t.Skip(corpus.SharedMissing("timebank"))
	}
	ex, err := entities.New()
	if err != nil {
		t.Fatal(err)
	}
	s, err := scoreTimeML(ex, dir, false)
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	s.print(&out, "timeml "+dir)
	t.Log("\n" + out.String())
	sp, sr, sf := s.strictPRF()
	rp, rr, rf := s.relaxedPRF()
	if s.docs == 0 || s.all.gold == 0 {
		t.Fatalf("%d documents, %d gold TIMEX3", s.docs, s.all.gold)
	}
	if rf <= 0 || rf > 1 || sf > rf || sp > rp || sr > rr {
		t.Errorf("strict P %.4f R %.4f F1 %.4f, relaxed P %.4f R %.4f F1 %.4f: want 0 < relaxed F1 <= 1 and strict <= relaxed", sp, sr, sf, rp, rr, rf)
	}
	if va := s.valueAccuracy(); va < 0 || va > 1 || s.valueF1() > rf {
		t.Errorf("value accuracy %.4f, value F1 %.4f, relaxed F1 %.4f", va, s.valueF1(), rf)
	}
}
