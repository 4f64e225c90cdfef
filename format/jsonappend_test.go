package format

import (
	"bytes"
	"encoding/json"
	"io"
	"math"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/statecraft/statecraft/entities"
)

// reflectJSONL is WriteJSONL through encoding/json alone, the reference
// of appendOutput.
func reflectJSONL(t testing.TB, o Output) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := writeJSON(&buf, o, ""); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// checkAppendOutput fails t unless appendOutput writes o as encoding/json
// does.
func checkAppendOutput(t testing.TB, o Output) {
	t.Helper()
	want := reflectJSONL(t, o)
	got, err := appendOutput(nil, &o)
	if err != nil {
		t.Fatalf("appendOutput: %v", err)
	}
	got = append(got, '\n')
	if !bytes.Equal(got, want) {
		t.Fatalf("appendOutput:\n%s\nencoding/json:\n%s", got, want)
	}
}

// jsonPieces are the parts random strings are made of: every kind of
// byte that JSON escapes one way or another.
var jsonPieces = []string{"a", "Z", " ", "Russia", "é", "日本", "😀", "<", ">", "&", `"`, `\`, "/", "\b", "\f", "\n", "\r", "\t",
	"\x00", "\x01", "\x1f", "\x7f", "\xff", "\xe2\x80", "\u2028", "\u2029", "\u2027", "\ufffd", "'", "\u00a0"}

func randString(r *rand.Rand) string {
	var b strings.Builder
	for range r.IntN(6) {
		b.WriteString(jsonPieces[r.IntN(len(jsonPieces))])
	}
	return b.String()
}

var jsonFloats = []float64{0, math.Copysign(0, -1), 1, 0.9, 0.7, 0.123456789, 1e-6, 9.99e-7, 1e-7, 5e-324, 1e20, 1e21, 123456789012345678901234.0, -0.5, -1e-9, 0.1 + 0.2}

// randOutput returns a random Output of the shape WriteJSONL writes.
func randOutput(r *rand.Rand) Output {
	ids := []string{`"doc-1"`, `17`, ` "spaced" `, `{"a": [1, 2]}`, `"<&>"`, `"\u2028"`, `-0.5e3`}
	o := Output{ID: json.RawMessage(ids[r.IntN(len(ids))]), Entities: []entities.Mention{}, Relations: []Relation{}}
	if r.IntN(2) == 0 {
		o.Date = randString(r)
	}
	for range r.IntN(4) {
		m := entities.Mention{Type: entities.Type(randString(r)), Text: randString(r), Start: r.IntN(1000) - 10, End: r.IntN(1000),
			Sentence: r.IntN(9), ID: randString(r), Name: randString(r), Adjectival: r.IntN(2) == 0, Source: entities.Source(randString(r)),
			Score: jsonFloats[r.IntN(len(jsonFloats))], Timex: randString(r), Value: randString(r), Mod: randString(r),
			Anchor: randString(r), Quant: randString(r), Freq: randString(r), Metonymy: r.IntN(2) == 0, State: randString(r)}
		for range r.IntN(3) {
			m.Alternatives = append(m.Alternatives, randString(r))
		}
		o.Entities = append(o.Entities, m)
	}
	arg := func() Arg {
		a := Arg{Entity: r.IntN(5), ID: randString(r), Name: randString(r), Text: randString(r)}
		if r.IntN(2) == 0 {
			a.Anaphor = &Span{Text: randString(r), Start: r.IntN(50), End: r.IntN(50)}
		}
		return a
	}
	for range r.IntN(4) {
		rel := Relation{Type: randString(r), Modality: randString(r), Sentence: r.IntN(5), Time: randString(r),
			Trigger: Trigger{Text: randString(r), Start: r.IntN(50), End: r.IntN(50)}, Evidence: Span{Text: randString(r), Start: r.IntN(50), End: r.IntN(50)},
			Confidence: jsonFloats[r.IntN(len(jsonFloats))], Source: randString(r)}
		switch r.IntN(4) {
		case 0:
			a, b := arg(), arg()
			rel.Subject, rel.Object = &a, &b
		case 1:
			a := arg()
			rel.Subject = &a
		case 2:
			for range r.IntN(4) {
				rel.Parties = append(rel.Parties, arg())
			}
		}
		if r.IntN(4) > 0 {
			rel.Attrs = map[string]string{}
			for range r.IntN(4) {
				rel.Attrs[randString(r)] = randString(r)
			}
		}
		o.Relations = append(o.Relations, rel)
	}
	switch r.IntN(6) {
	case 0:
		o.Entities = nil
	case 1:
		o.Relations = nil
	case 2:
		o.Error, o.Line, o.File = randString(r), r.IntN(100), randString(r)
	}
	return o
}

// TestAppendOutputEquivalent checks that WriteJSONL's encoder writes what
// encoding/json writes: on the seed document and on random outputs with
// every kind of string escape, float form and optional field.
func TestAppendOutputEquivalent(t *testing.T) {
	d := seedDoc(t)
	checkAppendOutput(t, NewOutput(d))
	var buf bytes.Buffer
	if err := WriteJSONL(&buf, d); err != nil {
		t.Fatal(err)
	}
	if want := reflectJSONL(t, NewOutput(d)); !bytes.Equal(buf.Bytes(), want) {
		t.Fatalf("WriteJSONL:\n%s\nencoding/json:\n%s", buf.Bytes(), want)
	}
	r := rand.New(rand.NewPCG(5, 6))
	for range 5000 {
		checkAppendOutput(t, randOutput(r))
	}
}

// TestAppendOutputFallback: what encoding/json refuses (a NaN score, an
// id that is not JSON) goes to encoding/json, which reports it.
func TestAppendOutputFallback(t *testing.T) {
	for _, d := range []*Doc{
		{ID: "nan", Entities: []entities.Mention{{Score: math.NaN()}}},
		{ID: "inf", Relations: []Relation{{Confidence: math.Inf(1)}}},
		{ID: "bad", RawID: []byte("{not json")},
	} {
		var buf bytes.Buffer
		err := WriteJSONL(&buf, d)
		werr := writeJSON(io.Discard, NewOutput(d), "")
		if err == nil || werr == nil || err.Error() != werr.Error() {
			t.Errorf("%s: WriteJSONL error %v, encoding/json's %v", d.ID, err, werr)
		}
	}
}

// FuzzAppendOutput compares WriteJSONL's encoder with encoding/json on
// any strings and numbers.
func FuzzAppendOutput(f *testing.F) {
	f.Add("Russia", "AT&T <b>", "\u2028\xff", 0.9, int64(3))
	f.Add("", "", "", 1e-7, int64(-1))
	f.Fuzz(func(t *testing.T, a, b, c string, x float64, n int64) {
		if math.IsInf(x, 0) || math.IsNaN(x) {
			return
		}
		id, _ := json.Marshal(c)
		o := Output{ID: id, Date: a,
			Entities: []entities.Mention{{Type: entities.Type(a), Text: b, Start: int(n), Name: c, Score: x, Alternatives: []string{a, b}}},
			Relations: []Relation{{Type: b, Time: c, Subject: &Arg{Text: a, Anaphor: &Span{Text: b}}, Object: &Arg{Name: c},
				Attrs: map[string]string{a: b, c: a}, Confidence: x, Source: c, Evidence: Span{Text: a, Start: int(n)}}}}
		checkAppendOutput(t, o)
	})
}

// TestAppendJSONStringBytes checks appendJSONString, with its table of
// plain bytes, against encoding/json on every byte alone and between
// letters, with and without HTML escaping.
func TestAppendJSONStringBytes(t *testing.T) {
	for _, html := range []bool{false, true} {
		for c := range 256 {
			for _, s := range []string{string([]byte{byte(c)}), "ab" + string([]byte{byte(c)}) + "cd"} {
				var want bytes.Buffer
				enc := json.NewEncoder(&want)
				enc.SetEscapeHTML(html)
				if err := enc.Encode(s); err != nil {
					t.Fatal(err)
				}
				if got := string(appendJSONString(nil, s, html)) + "\n"; got != want.String() {
					t.Fatalf("%q, escapeHTML %v: %s, encoding/json %s", s, html, got, want.String())
				}
			}
		}
	}
}
