package format

import (
	"bytes"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"
)

// problemLine matches the line numbers in the readers' error messages.
var problemLine = regexp.MustCompile(`(?:brat|CoNLL) line (\d+)`)

// checkProblemLines checks that every line number in err's message is a
// line of the input, which has lines lines.
func checkProblemLines(t *testing.T, err error, lines int) {
	t.Helper()
	for _, m := range problemLine.FindAllStringSubmatch(err.Error(), -1) {
		n, _ := strconv.Atoi(m[1])
		if n < 1 || n > lines {
			t.Fatalf("problem at line %d of an input of %d lines: %v", n, lines, err)
		}
	}
}

// countLines counts the lines of s as bufio.Scanner does.
func countLines(s string) int {
	n := strings.Count(s, "\n")
	if s != "" && !strings.HasSuffix(s, "\n") {
		n++
	}
	return n
}

// FuzzReadBrat reads arbitrary brat annotations of an arbitrary text: no
// panic; either an error naming lines of the file and no Doc, or a Doc
// whose entities are in bounds, in order and slice the text to their text,
// whose relations' arguments point at existing entities and repeat their
// id, name and text, and which a second read gives again. Seeds are in
// testdata/fuzz/FuzzReadBrat.
//
//	go test -run '^$' -fuzz '^FuzzReadBrat$' -fuzztime 10m -parallel 1 ./format/
func FuzzReadBrat(f *testing.F) {
	f.Add("T1\tSTATE 0 6\tRussia\nT2\tSTATE 18 26\tAbkhazia\nR1\trecognized_by Arg1:T2 Arg2:T1\n", "Russia recognized Abkhazia.")
	f.Fuzz(func(t *testing.T, ann, text string) {
		d, err := ReadBrat(strings.NewReader(ann), text)
		if err != nil {
			if d != nil {
				t.Fatalf("a Doc and an error: %v", err)
			}
			checkProblemLines(t, err, countLines(ann))
			return
		}
		if d.Text != text {
			t.Fatal("Doc.Text is not the text")
		}
		if d.OptionalEntities != nil && len(d.OptionalEntities) != len(d.Entities) {
			t.Fatalf("%d optional marks for %d entities", len(d.OptionalEntities), len(d.Entities))
		}
		if d.OptionalRelations != nil && len(d.OptionalRelations) != len(d.Relations) {
			t.Fatalf("%d optional marks for %d relations", len(d.OptionalRelations), len(d.Relations))
		}
		for i, m := range d.Entities {
			if m.Start < 0 || m.Start > m.End || m.End > len(text) || text[m.Start:m.End] != m.Text {
				t.Fatalf("entity %d %+v: out of bounds or not its text", i, m)
			}
			if i > 0 {
				p := d.Entities[i-1]
				if p.Start > m.Start || p.Start == m.Start && p.End > m.End {
					t.Fatalf("entities %d [%d, %d) and %d [%d, %d) out of order", i-1, p.Start, p.End, i, m.Start, m.End)
				}
			}
		}
		for i, r := range d.Relations {
			args := r.Args()
			if len(args) == 0 || !r.Symmetric() && len(r.Parties) > 0 {
				t.Fatalf("relation %d %+v: no arguments, or both kinds", i, r)
			}
			if r.Symmetric() && len(r.Parties) < 2 {
				t.Fatalf("relation %d %+v: a symmetric relation with fewer than two parties", i, r)
			}
			for _, a := range args {
				if a.Entity < 0 || a.Entity >= len(d.Entities) {
					t.Fatalf("relation %d: entity %d of %d", i, a.Entity, len(d.Entities))
				}
				m := d.Entities[a.Entity]
				if a.Text != m.Text || a.ID != m.ID || a.Name != m.Name {
					t.Fatalf("relation %d: argument %+v does not repeat entity %+v", i, a, m)
				}
			}
			if r.Attrs == nil {
				t.Fatalf("relation %d: nil attrs", i)
			}
		}
		d2, err := ReadBrat(strings.NewReader(ann), text)
		if err != nil {
			t.Fatalf("second read: %v", err)
		}
		if diff := cmp.Diff(d, d2); diff != "" {
			t.Fatalf("second read differs (-first +second):\n%s", diff)
		}
	})
}

// FuzzReadCoNLL reads an arbitrary CoNLL file and aligns it with an
// arbitrary text: no panic; either an error naming a line of the file,
// or documents whose tokens, once JoinText has set their offsets, slice
// the joined text to their text, whose mentions are in bounds, in order
// and slice it to their text, and which AlignCoNLL finds again in the
// joined text at the same offsets. Aligning with the arbitrary text gives
// an error or tokens found at their offsets. A second read gives the same
// documents. Seeds are in testdata/fuzz/FuzzReadCoNLL.
//
//	go test -run '^$' -fuzz '^FuzzReadCoNLL$' -fuzztime 10m -parallel 1 ./format/
func FuzzReadCoNLL(f *testing.F) {
	f.Add([]byte("-DOCSTART- -X- O\n\nRussia NNP B-STATE\nrecognized VBD O\nAbkhazia NNP B-STATE\n. . O\n"), "Russia recognized Abkhazia.")
	f.Fuzz(func(t *testing.T, data []byte, text string) {
		docs, err := ReadCoNLL(bytes.NewReader(data))
		if err != nil {
			if docs != nil {
				t.Fatalf("documents and an error: %v", err)
			}
			checkProblemLines(t, err, countLines(string(data)))
			return
		}
		again, err := ReadCoNLL(bytes.NewReader(data))
		if err != nil {
			t.Fatalf("second read: %v", err)
		}
		if diff := cmp.Diff(docs, again); diff != "" {
			t.Fatalf("second read differs (-first +second):\n%s", diff)
		}
		for di := range docs {
			d := &docs[di]
			joined := d.JoinText()
			checkCoNLLOffsets(t, d, joined)
			var want [][2]int
			for _, s := range d.Sentences {
				for _, tok := range s {
					want = append(want, [2]int{tok.Start, tok.End})
				}
			}
			// The joined text aligns with the tokens it was made from.
			a := again[di]
			if err := AlignCoNLL(&a, joined); err != nil {
				t.Fatalf("document %d does not align with its own joined text: %v", di, err)
			}
			var got [][2]int
			for _, s := range a.Sentences {
				for _, tok := range s {
					got = append(got, [2]int{tok.Start, tok.End})
				}
			}
			if diff := cmp.Diff(want, got); diff != "" {
				t.Fatalf("document %d: AlignCoNLL offsets differ from JoinText's (-join +align):\n%s", di, diff)
			}
			// Any text: an error, or every token found where it says.
			b, _ := ReadCoNLL(bytes.NewReader(data))
			if err := AlignCoNLL(&b[di], text); err == nil {
				checkCoNLLOffsets(t, &b[di], text)
			}
		}
	})
}

// checkCoNLLOffsets checks d's tokens and mentions against text.
func checkCoNLLOffsets(t *testing.T, d *CoNLLDoc, text string) {
	t.Helper()
	prev := 0
	for si, s := range d.Sentences {
		for ti, tok := range s {
			if tok.Start < prev || tok.Start > tok.End || tok.End > len(text) {
				t.Fatalf("sentence %d token %d %q: span [%d, %d) out of order or bounds (text of %d bytes)", si, ti, tok.Text, tok.Start, tok.End, len(text))
			}
			if !tokenMatches(text[tok.Start:tok.End], tok.Text) {
				t.Fatalf("sentence %d token %d: text[%d:%d] = %q, token %q", si, ti, tok.Start, tok.End, text[tok.Start:tok.End], tok.Text)
			}
			prev = tok.End
		}
	}
	prev = 0
	for i, m := range d.Mentions() {
		if m.Start < prev || m.Start > m.End || m.End > len(text) || text[m.Start:m.End] != m.Text {
			t.Fatalf("mention %d %+v: out of order or bounds, or not its text", i, m)
		}
		if m.Sentence < 0 || m.Sentence >= len(d.Sentences) {
			t.Fatalf("mention %d: sentence %d of %d", i, m.Sentence, len(d.Sentences))
		}
		prev = m.End
	}
}

// tokenMatches reports whether got, a span of the text, is the token tok,
// in which "_" may stand for a whitespace rune.
func tokenMatches(got, tok string) bool {
	if got == tok {
		return true
	}
	for _, r := range tok {
		if got == "" {
			return false
		}
		g, n := utf8.DecodeRuneInString(got)
		if g != r && !(r == '_' && unicode.IsSpace(g)) {
			return false
		}
		got = got[n:]
	}
	return got == ""
}

// TestReadBratSelfRelation is the regression test of the first crasher of
// FuzzReadBrat (its seed is testdata/fuzz/FuzzReadBrat/self-relation): a
// symmetric R line whose two arguments are one annotation gave a met-with
// relation with a single party. It is now a problem of that line, and so
// is an equivalence of one annotation with itself; a directed relation of
// an annotation to itself stays readable.
func TestReadBratSelfRelation(t *testing.T) {
	text := "Russia and Georgia."
	for _, c := range []struct{ ann, err string }{
		{"T1\tSTATE 0 6\tRussia\nR1\tmet_with Arg1:T1 Arg2:T1\n", "brat line 2: met-with needs two different arguments"},
		{"T1\tSTATE 0 6\tRussia\n*\tallied_with T1 T1\n", "brat line 2: allied-with needs two different arguments"},
		{"T1\tSTATE 0 6\tRussia\nT2\tSTATE 11 18\tGeorgia\nR1\tmet_with Arg1:T1 Arg2:T1\n#1\tAnnotatorNotes R1\trelation=0\nR2\tmet_with Arg1:T2 Arg2:T1\n#2\tAnnotatorNotes R2\trelation=0\n", ""},
		{"T1\tSTATE 0 6\tRussia\nR1\tmember_of Arg1:T1 Arg2:T1\n", ""},
	} {
		d, err := ReadBrat(strings.NewReader(c.ann), text)
		switch {
		case c.err == "" && err != nil:
			t.Errorf("%q: %v", c.ann, err)
		case c.err != "" && (err == nil || !strings.Contains(err.Error(), c.err)):
			t.Errorf("%q: error %v, want %q", c.ann, err, c.err)
		case c.err == "" && len(d.Relations) != 1:
			t.Errorf("%q: %d relations, want 1", c.ann, len(d.Relations))
		}
	}
}
