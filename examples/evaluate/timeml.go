package main

import (
	"context"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/statecraft/statecraft/entities"
)

// timeMLDoc is one TimeML document read by readTimeML: the plain text of
// its <TEXT> element, the gold TIMEX3 inside it and the document creation
// time.
type timeMLDoc struct {
	Name    string    // file name, for messages
	Text    string    // <TEXT> with tags removed and entities decoded
	DCT     time.Time // date part of the CREATION_TIME TIMEX3; zero when none
	Timexes []timex   // the TIMEX3 inside <TEXT>, in text order
}

// timex is a time expression, gold or system, with byte offsets into its
// document's plain text: Text == text[Start:End].
type timex struct {
	Start, End int
	Text       string
	Type       string // DATE, TIME, DURATION or SET
	Value      string // TIMEX3 value: "1998-01-08", "P3Y", "PRESENT_REF"...
	Mod        string // TIMEX3 mod: START, END, APPROX...; empty when none
}

// readTimeMLFile reads the TimeML file at path (see readTimeML).
func readTimeMLFile(path string) (*timeMLDoc, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return readTimeML(f, path)
}

// readTimeML reads a TimeML document from r: the text of its <TEXT>
// element without tags, entities decoded, and the TIMEX3 inside it with
// their byte offsets into that text; the value of the TIMEX3 whose
// functionInDocument is CREATION_TIME, inside <TEXT> or not, gives DCT.
// Malformed XML, a TIMEX3 without type, a document without <TEXT> or
// an unreadable creation time are errors naming name.
func readTimeML(r io.Reader, name string) (*timeMLDoc, error) {
	doc := &timeMLDoc{Name: name}
	dec := xml.NewDecoder(r)
	var (
		text   strings.Builder
		inText bool     // inside <TEXT>
		seen   bool     // <TEXT> was seen
		open   []*timex // TIMEX3 open inside <TEXT>, innermost last
		dct    string   // the CREATION_TIME value
	)
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "TEXT":
				if inText || seen {
					return nil, fmt.Errorf("%s: line %d: a second <TEXT>", name, line(dec))
				}
				inText, seen = true, true
			case "TIMEX3":
				x := &timex{Start: text.Len()}
				var function string
				for _, a := range t.Attr {
					switch a.Name.Local {
					case "type":
						x.Type = a.Value
					case "value":
						x.Value = a.Value
					case "mod":
						x.Mod = a.Value
					case "functionInDocument":
						function = a.Value
					}
				}
				if function == "CREATION_TIME" {
					if dct != "" {
						return nil, fmt.Errorf("%s: line %d: a second CREATION_TIME", name, line(dec))
					}
					if dct = x.Value; dct == "" {
						return nil, fmt.Errorf("%s: line %d: CREATION_TIME without value", name, line(dec))
					}
				}
				if x.Type == "" {
					return nil, fmt.Errorf("%s: line %d: TIMEX3 without type", name, line(dec))
				}
				if inText {
					open = append(open, x)
				}
			}
		case xml.EndElement:
			switch t.Name.Local {
			case "TEXT":
				inText = false
			case "TIMEX3":
				if len(open) > 0 {
					x := open[len(open)-1]
					open = open[:len(open)-1]
					x.End = text.Len()
					doc.Timexes = append(doc.Timexes, *x)
				}
			}
		case xml.CharData:
			if inText {
				text.Write(t)
			}
		}
	}
	if !seen {
		return nil, fmt.Errorf("%s: no <TEXT>", name)
	}
	doc.Text = text.String()
	for i := range doc.Timexes {
		x := &doc.Timexes[i]
		x.Text = doc.Text[x.Start:x.End]
	}
	// A nested TIMEX3 ends before the one around it: back to text order,
	// the shorter first when two start together.
	slices.SortStableFunc(doc.Timexes, func(a, b timex) int {
		if a.Start != b.Start {
			return a.Start - b.Start
		}
		return a.End - b.End
	})
	if dct != "" {
		var err error
		if len(dct) < len("2006-01-02") {
			err = errors.New("not YYYY-MM-DD")
		} else {
			doc.DCT, err = time.Parse("2006-01-02", dct[:len("2006-01-02")])
		}
		if err != nil {
			return nil, fmt.Errorf("%s: CREATION_TIME %q: %v", name, dct, err)
		}
	}
	return doc, nil
}

// line returns the decoder's current line, for messages.
func line(dec *xml.Decoder) int {
	l, _ := dec.InputPos()
	return l
}

// systemType returns the TIMEX3 type (DATE, TIME, DURATION or SET) of a
// DATE mention: its Timex field, DATE when that is empty.
func systemType(m entities.Mention) string {
	if m.Timex == "" {
		return "DATE"
	}
	return m.Timex
}

// systemTimexes returns the time expressions of doc: its DATE mentions.
func systemTimexes(doc *entities.Document) []timex {
	var xs []timex
	for _, m := range doc.Mentions {
		if m.Type != entities.Date {
			continue
		}
		xs = append(xs, timex{Start: m.Start, End: m.End, Text: m.Text, Type: systemType(m), Value: m.Value, Mod: m.Mod})
	}
	return xs
}

// timexTypes are the TIMEX3 types, in the order of the report.
var timexTypes = []string{"DATE", "TIME", "DURATION", "SET"}

// timexCounts are the counts of one gold type, or of all: gold
// expressions, those matched strictly (same extent) and relaxed
// (overlapping extent), and among the relaxed matches those whose value
// and whose type are right.
type timexCounts struct {
	gold, strict, relaxed, value, typ int
}

// plus adds d to c.
func (c *timexCounts) plus(d timexCounts) {
	c.gold += d.gold
	c.strict += d.strict
	c.relaxed += d.relaxed
	c.value += d.value
	c.typ += d.typ
}

// b2i returns 1 for true, 0 for false.
func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

// timeMLScores accumulates TempEval-3 Task A scores over documents.
type timeMLScores struct {
	docs   int
	sys    int
	all    timexCounts
	byType map[string]*timexCounts // by gold type
	keep   bool                    // keep the problems of each document in report
	report []string                // with keep: one line per problem
}

// newTimeMLScores returns empty scores; with keep, the misses, spurious
// expressions and wrong values and types are listed in report.
func newTimeMLScores(keep bool) *timeMLScores {
	return &timeMLScores{byType: map[string]*timexCounts{}, keep: keep}
}

// add scores the system expressions of the document name against its
// gold ones, as TempEval-3 does: strict match is the same extent (one
// to one), relaxed
// match an overlapping one, one-to-one, chosen greedily by largest
// overlap (ties: gold first, then system, in text order); value and type
// are compared, as exact strings, over the relaxed matches.
func (s *timeMLScores) add(name string, gold, sys []timex) {
	s.docs++
	s.sys += len(sys)
	type pair struct{ g, s, overlap int }
	var pairs []pair
	for i, g := range gold {
		for j, x := range sys {
			if o := min(g.End, x.End) - max(g.Start, x.Start); o > 0 {
				pairs = append(pairs, pair{i, j, o})
			}
		}
	}
	slices.SortStableFunc(pairs, func(a, b pair) int { return b.overlap - a.overlap })
	gm := make([]int, len(gold)) // index+1 of the matched system expression
	sm := make([]bool, len(sys))
	for _, p := range pairs {
		if gm[p.g] == 0 && !sm[p.s] {
			gm[p.g] = p.s + 1
			sm[p.s] = true
		}
	}
	// Strict matches are found on their own, not among the relaxed ones,
	// so that nested gold extents cannot hide one.
	strict := make([]bool, len(gold))
	used := make([]bool, len(sys))
	for i, g := range gold {
		for j, x := range sys {
			if !used[j] && x.Start == g.Start && x.End == g.End {
				strict[i], used[j] = true, true
				break
			}
		}
	}
	var problems []string
	for i, g := range gold {
		c := s.byType[g.Type]
		if c == nil {
			c = &timexCounts{}
			s.byType[g.Type] = c
		}
		d := timexCounts{gold: 1, strict: b2i(strict[i])}
		x := timex{}
		if gm[i] > 0 {
			x = sys[gm[i]-1]
			d.relaxed = 1
			d.value = b2i(x.Value == g.Value)
			d.typ = b2i(x.Type == g.Type)
		}
		c.plus(d)
		s.all.plus(d)
		if gm[i] == 0 {
			problems = append(problems, fmt.Sprintf("  missed   %q %s %s", g.Text, g.Type, attrs(g)))
			continue
		}
		if x.Value != g.Value || x.Type != g.Type {
			what := "value"
			switch {
			case x.Value == g.Value:
				what = "type"
			case x.Type != g.Type:
				what = "both"
			}
			problems = append(problems, fmt.Sprintf("  %-8s %q %s %s, system %q %s %s", what, g.Text, g.Type, attrs(g), x.Text, x.Type, attrs(x)))
		}
	}
	for j, x := range sys {
		if !sm[j] {
			problems = append(problems, fmt.Sprintf("  spurious %q %s %s", x.Text, x.Type, attrs(x)))
		}
	}
	if s.keep && len(problems) > 0 {
		s.report = append(s.report, name+":")
		s.report = append(s.report, problems...)
	}
}

// attrs formats the value and mod of x.
func attrs(x timex) string {
	v := x.Value
	if v == "" {
		v = `""`
	}
	if x.Mod != "" {
		v += " mod=" + x.Mod
	}
	return v
}

// ratio returns a/b, 0 when b is 0.
func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// f1 returns the harmonic mean of p and r, 0 when both are 0.
func f1(p, r float64) float64 {
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

// strictPRF returns strict precision, recall and F1.
func (s *timeMLScores) strictPRF() (p, r, f float64) {
	p, r = ratio(s.all.strict, s.sys), ratio(s.all.strict, s.all.gold)
	return p, r, f1(p, r)
}

// relaxedPRF returns relaxed precision, recall and F1.
func (s *timeMLScores) relaxedPRF() (p, r, f float64) {
	p, r = ratio(s.all.relaxed, s.sys), ratio(s.all.relaxed, s.all.gold)
	return p, r, f1(p, r)
}

// valueAccuracy is the share of relaxed matches whose value is right.
func (s *timeMLScores) valueAccuracy() float64 { return ratio(s.all.value, s.all.relaxed) }

// typeAccuracy is the share of relaxed matches whose type is right.
func (s *timeMLScores) typeAccuracy() float64 { return ratio(s.all.typ, s.all.relaxed) }

// valueF1 is relaxed F1 times value accuracy, TempEval-3's value F1.
func (s *timeMLScores) valueF1() float64 {
	_, _, f := s.relaxedPRF()
	return f * s.valueAccuracy()
}

// print writes the scores, then, when kept, the problems per document.
func (s *timeMLScores) print(w io.Writer, title string) {
	fmt.Fprintf(w, "%s (%d documents): TempEval-3 Task A\n", title, s.docs)
	fmt.Fprintf(w, "%-8s %7s %7s %7s %6s %6s %6s\n", "match", "P", "R", "F1", "tp", "sys", "gold")
	p, r, f := s.strictPRF()
	fmt.Fprintf(w, "%-8s %7.4f %7.4f %7.4f %6d %6d %6d\n", "strict", p, r, f, s.all.strict, s.sys, s.all.gold)
	p, r, f = s.relaxedPRF()
	fmt.Fprintf(w, "%-8s %7.4f %7.4f %7.4f %6d %6d %6d\n", "relaxed", p, r, f, s.all.relaxed, s.sys, s.all.gold)
	fmt.Fprintf(w, "value accuracy %.4f (%d/%d), value F1 %.4f; type accuracy %.4f (%d/%d)\n\n",
		s.valueAccuracy(), s.all.value, s.all.relaxed, s.valueF1(), s.typeAccuracy(), s.all.typ, s.all.relaxed)
	fmt.Fprintf(w, "per gold type: recall; value and type accuracy over the relaxed matches\n")
	fmt.Fprintf(w, "%-8s %6s %7s %7s %7s %7s %7s\n", "type", "gold", "strictR", "relaxR", "valueA", "typeA", "valueR")
	types := slices.Clone(timexTypes)
	for t := range s.byType {
		if !slices.Contains(types, t) {
			types = append(types, t)
		}
	}
	slices.Sort(types[len(timexTypes):])
	row := func(t string, c timexCounts) {
		fmt.Fprintf(w, "%-8s %6d %7.4f %7.4f %7.4f %7.4f %7.4f\n", t, c.gold,
			ratio(c.strict, c.gold), ratio(c.relaxed, c.gold), ratio(c.value, c.relaxed), ratio(c.typ, c.relaxed), ratio(c.value, c.gold))
	}
	for _, t := range types {
		c := s.byType[t]
		if c == nil {
			c = &timexCounts{}
		}
		row(t, *c)
	}
	row("all", s.all)
	fmt.Fprintln(w)
	if s.keep {
		for _, l := range s.report {
			fmt.Fprintln(w, l)
		}
	}
}

// timeMLFiles returns the .tml files under dir, recursively, sorted.
func timeMLFiles(dir string) ([]string, error) {
	var paths []string
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() && strings.HasSuffix(d.Name(), ".tml") {
			paths = append(paths, path)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	if len(paths) == 0 {
		return nil, fmt.Errorf("%s: no .tml file", dir)
	}
	slices.Sort(paths)
	return paths, nil
}

// scoreTimeML runs ex on every TimeML document under dir, with its
// creation time as the document date, and scores its DATE mentions
// against the gold TIMEX3. With keep, the scores list the problems of
// each document, named by its path relative to dir.
func scoreTimeML(ex *entities.Extractor, dir string, keep bool) (*timeMLScores, error) {
	paths, err := timeMLFiles(dir)
	if err != nil {
		return nil, err
	}
	s := newTimeMLScores(keep)
	ctx := context.Background()
	for _, path := range paths {
		doc, err := readTimeMLFile(path)
		if err != nil {
			return nil, err
		}
		out, err := ex.ExtractAt(ctx, doc.Text, doc.DCT)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", path, err)
		}
		name, err := filepath.Rel(dir, path)
		if err != nil {
			name = path
		}
		s.add(name, doc.Timexes, systemTimexes(out))
	}
	return s, nil
}

// evalTimeML scores statecraft on the TimeML documents under dir
// (TempEval-3 Task A) and prints the scores; with list, the problems of
// each document too.
func evalTimeML(ex *entities.Extractor, dir string, list bool, out io.Writer) error {
	s, err := scoreTimeML(ex, dir, list)
	if err != nil {
		return err
	}
	s.print(out, "timeml "+filepath.Base(filepath.Clean(dir)))
	return nil
}
