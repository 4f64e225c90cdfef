package gazetteer

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"runtime"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

// file is a named gazetteer file for the loader tests.
type file struct{ name, text string }

func load(files ...file) (*Gazetteer, error) {
	opts := []Option{WithoutDefaults()}
	for _, f := range files {
		opts = append(opts, WithReader(f.name, strings.NewReader(f.text)))
	}
	return New(opts...)
}

// messages returns the messages of an ErrorList, or the error's text.
func messages(err error) []string {
	if err == nil {
		return nil
	}
	var list ErrorList
	if !errors.As(err, &list) {
		return []string{"not an ErrorList: " + err.Error()}
	}
	var out []string
	for _, e := range list {
		out = append(out, e.Error())
	}
	return out
}

const (
	lineRussia  = `{"id":"state/russia","name":"Russia","adjectives":["Russian"],"capital":"location/moscow"}`
	lineMoscow  = `{"id":"location/moscow","name":"Moscow","country":"state/russia","category":"city"}`
	lineGeorgia = `{"id":"state/georgia","name":"Georgia","adjectives":["Georgian"]}`
)

func TestLoadErrors(t *testing.T) {
	tests := []struct {
		name  string
		files []file
		want  []string
	}{{
		name:  "malformed JSON",
		files: []file{{"a.jsonl", `{"id":"state/russia","name":"Russia"` + "\n"}},
		want:  []string{`a.jsonl:1: malformed line: unexpected end of line, want "," or "}" (at byte 37)`},
	}, {
		name:  "unknown field",
		files: []file{{"a.jsonl", `{"id":"state/russia","name":"Russia","capitol":"location/moscow"}` + "\n"}},
		want:  []string{`a.jsonl:1: malformed line: unknown field "capitol" (at byte 38)`},
	}, {
		name:  "field names are case-sensitive",
		files: []file{{"a.jsonl", `{"ID":"state/russia","name":"Russia"}` + "\n"}},
		want:  []string{`a.jsonl:1: malformed line: unknown field "ID" (at byte 2)`},
	}, {
		name:  "repeated field",
		files: []file{{"a.jsonl", `{"id":"state/russia","name":"Russia","name":"Rossiya"}` + "\n"}},
		want:  []string{`a.jsonl:1: malformed line: duplicate field "name" (at byte 45)`},
	}, {
		name:  "trailing data",
		files: []file{{"a.jsonl", `{"id":"state/russia","name":"Russia"} {}` + "\n"}},
		want:  []string{`a.jsonl:1: malformed line: data after the JSON object (at byte 39)`},
	}, {
		name:  "wrong type",
		files: []file{{"a.jsonl", `{"id":"state/russia","name":"Russia","isonum":643}` + "\n"}},
		want:  []string{`a.jsonl:1: malformed line: field "isonum": want a string (at byte 47)`},
	}, {
		name:  "blank line, comment, CRLF, missing final newline",
		files: []file{{"a.jsonl", lineGeorgia + "\n\n# note\n" + lineRussia + "\r\n" + `{"id":"state/serbia","name":"Serbia"}`}},
		want: []string{
			`a.jsonl:2: blank line`,
			`a.jsonl:3: comment line; JSON Lines files have no comments (write notes in the README)`,
			`a.jsonl:4: CRLF line ending; use LF`,
			`a.jsonl:4: state/russia: capital "location/moscow": no such entry`,
			`a.jsonl:5: missing newline at end of file`,
		},
	}, {
		name:  "invalid UTF-8",
		files: []file{{"a.jsonl", "{\"id\":\"state/russia\",\"name\":\"Russ\xffia\"}\n"}},
		want:  []string{`a.jsonl:1: malformed line: invalid UTF-8`},
	}, {
		name:  "missing id and name",
		files: []file{{"a.jsonl", `{"name":"Russia"}` + "\n" + `{"id":"state/russia"}` + "\n"}},
		want:  []string{`a.jsonl:1: missing id`, `a.jsonl:2: state/russia: missing name`},
	}, {
		name:  "duplicate id",
		files: []file{{"a.jsonl", lineGeorgia + "\n" + lineGeorgia + "\n"}},
		want:  []string{`a.jsonl:2: duplicate id "state/georgia" (first on line 1)`},
	}, {
		name:  "unsorted lines",
		files: []file{{"a.jsonl", lineMoscow + "\n" + lineRussia + "\n" + lineGeorgia + "\n"}},
		want:  []string{`a.jsonl:3: id "state/georgia" is out of order: it sorts before "state/russia" on line 2`},
	}, {
		name:  "unknown kind and bad slugs",
		files: []file{{"a.jsonl", `{"id":"country/russia","name":"Russia"}` + "\n" + `{"id":"state/Russia","name":"Russia"}` + "\n" + `{"id":"state","name":"Russia"}` + "\n" + `{"id":"state/-russia","name":"Russia"}` + "\n"}},
		want: []string{
			`a.jsonl:1: id "country/russia": unknown kind "country" (want state, org, person or location)`,
			`a.jsonl:2: id "state/Russia": bad slug: only lower-case ASCII letters, digits and - are allowed`,
			`a.jsonl:3: id "state": want <kind>/<slug>`,
			`a.jsonl:4: id "state/-russia": bad slug: hyphens only between letters or digits`,
		},
	}, {
		name:  "unknown status and category",
		files: []file{{"a.jsonl", `{"id":"org/nato","name":"NATO","category":"club"}` + "\n" + `{"id":"state/russia","name":"Russia","status":"member"}` + "\n"}},
		want: []string{
			`a.jsonl:1: org/nato: unknown org category "club" (want one of igo, alliance, un-agency, eu-institution, government, military, party, media, company, court, ngo, other)`,
			`a.jsonl:2: state/russia: unknown status "member" (want one of un-member, un-observer, partially-recognized, historical, territory)`,
		},
	}, {
		name:  "field on the wrong kind",
		files: []file{{"a.jsonl", `{"id":"org/nato","name":"NATO","status":"un-member","roles":[{"role":"Member","of":"org/nato"}]}` + "\n" + `{"id":"state/russia","name":"Russia","category":"city"}` + "\n"}},
		want: []string{
			`a.jsonl:1: org/nato: status is for states and territories only`,
			`a.jsonl:1: org/nato: roles are for people only`,
			`a.jsonl:2: state/russia: category is for orgs and locations only`,
		},
	}, {
		name:  "bad codes",
		files: []file{{"a.jsonl", `{"id":"state/russia","name":"Russia","iso2":"ru","iso3":"RUSS","isonum":"64"}` + "\n"}},
		want: []string{
			`a.jsonl:1: state/russia: bad iso2 "ru": want 2 characters A-Z`,
			`a.jsonl:1: state/russia: bad iso3 "RUSS": want 3 characters A-Z`,
			`a.jsonl:1: state/russia: bad isonum "64": want 3 characters 0-9`,
		},
	}, {
		name: "bad dates and ranges",
		files: []file{{"a.jsonl",
			`{"id":"person/vladimir-putin","name":"Vladimir Putin","roles":[{"role":"President","of":"state/russia","from":"2012-05-07","to":"2008-05-07"},{"role":"President","of":"state/russia","from":"2000-5-7"}]}` + "\n" +
				`{"id":"state/russia","name":"Russia","from":"1991-12-26","to":"1991"}` + "\n" +
				`{"id":"state/soviet-union","name":"Soviet Union","from":"1922-12-30","to":"1991-02-30"}` + "\n"}},
		want: []string{
			`a.jsonl:1: person/vladimir-putin: role 1 from 2012-05-07 is after to 2008-05-07`,
			`a.jsonl:1: person/vladimir-putin: role 2 from: bad date "2000-5-7": want YYYY, YYYY-MM or YYYY-MM-DD`,
			`a.jsonl:3: state/soviet-union: to: bad date "1991-02-30": want YYYY, YYYY-MM or YYYY-MM-DD`,
		},
	}, {
		name: "shared alias without marker",
		files: []file{{"a.jsonl",
			`{"id":"state/dr-congo","name":"Democratic Republic of the Congo","aliases":["Congo"],"ambiguous":["Congo"]}` + "\n" +
				`{"id":"state/republic-of-the-congo","name":"Republic of the Congo","aliases":["congo"]}` + "\n"}},
		want: []string{
			`a.jsonl:2: state/republic-of-the-congo: alias "congo" is also a name of state/dr-congo (a.jsonl:1); list it in "ambiguous" on both entries`,
		},
	}, {
		name: "shared names across kinds and with markers are fine",
		files: []file{{"a.jsonl",
			`{"id":"location/georgia-us-state","name":"Georgia","category":"region"}` + "\n" +
				`{"id":"state/dr-congo","name":"Democratic Republic of the Congo","aliases":["Congo"],"ambiguous":["Congo"]}` + "\n" +
				lineGeorgia + "\n" +
				`{"id":"state/republic-of-the-congo","name":"Republic of the Congo","aliases":["Congo"],"ambiguous":["Congo"]}` + "\n"}},
	}, {
		name:  "ambiguous marker that is not a name",
		files: []file{{"a.jsonl", `{"id":"state/georgia","name":"Georgia","ambiguous":["Gruzia"]}` + "\n"}},
		want:  []string{`a.jsonl:1: state/georgia: ambiguous "Gruzia" is not a name, alias or adjective of the entry`},
	}, {
		name: "bad references",
		files: []file{{"a.jsonl",
			`{"id":"location/moscow","name":"Moscow","country":"location/russia","category":"city"}` + "\n" +
				`{"id":"person/vladimir-putin","name":"Vladimir Putin","roles":[{"role":"President","of":"state/rusia"}]}` + "\n" +
				`{"id":"state/russia","name":"Russia","capital":"location/mosow"}` + "\n"}},
		want: []string{
			`a.jsonl:1: location/moscow: country "location/russia": no such entry`,
			`a.jsonl:2: person/vladimir-putin: role of "state/rusia": no such entry`,
			`a.jsonl:3: state/russia: capital "location/mosow": no such entry`,
		},
	}, {
		name:  "reference to the wrong kind",
		files: []file{{"a.jsonl", `{"id":"location/moscow","name":"Moscow","country":"location/moscow"}` + "\n"}},
		want:  []string{`a.jsonl:1: location/moscow: country "location/moscow" is a location, want a state`},
	}, {
		name: "references resolve across files",
		files: []file{
			{"states.jsonl", lineRussia + "\n"},
			{"locations.jsonl", lineMoscow + "\n"},
		},
	}, {
		name: "merge conflict",
		files: []file{
			{"a.jsonl", `{"id":"state/russia","name":"Russia","status":"un-member"}` + "\n"},
			{"b.jsonl", `{"id":"state/russia","name":"Russian Federation","status":"historical","aliases":["RF"]}` + "\n"},
		},
		want: []string{
			`b.jsonl:1: state/russia: name "Russian Federation" conflicts with "Russia" (entry defined at a.jsonl:1)`,
			`b.jsonl:1: state/russia: status "historical" conflicts with "un-member" (entry defined at a.jsonl:1)`,
		},
	}, {
		name: "names",
		files: []file{{"a.jsonl",
			`{"id":"state/russia","name":" Russia","aliases":["","--"]}` + "\n"}},
		want: []string{
			`a.jsonl:1: state/russia: name " Russia" has leading or trailing space`,
			`a.jsonl:1: state/russia: empty alias`,
			`a.jsonl:1: state/russia: alias "--" has no letter or digit`,
		},
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			g, err := load(tt.files...)
			if diff := cmp.Diff(tt.want, messages(err)); diff != "" {
				t.Errorf("errors (-want +got):\n%s", diff)
			}
			if (err == nil) != (g != nil) {
				t.Errorf("New returned gazetteer %v with error %v", g, err)
			}
		})
	}
}

// TestBrokenUserFile loads the default data plus a user file with many
// problems: nothing is loaded and every problem is listed, in line order.
func TestBrokenUserFile(t *testing.T) {
	g, err := New(WithFile("testdata/broken.jsonl"))
	if g != nil {
		t.Fatal("New returned a gazetteer for a broken file")
	}
	want := []string{
		`testdata/broken.jsonl:1: malformed line: unexpected end of line, want "," or "}" (at byte 60)`,
		`testdata/broken.jsonl:2: id "party/green-party": unknown kind "party" (want state, org, person or location)`,
		`testdata/broken.jsonl:3: org/zz-alliance: unknown org category "alliance-of-sorts" (want one of igo, alliance, un-agency, eu-institution, government, military, party, media, company, court, ngo, other)`,
		`testdata/broken.jsonl:4: duplicate id "org/zz-alliance" (first on line 3)`,
		`testdata/broken.jsonl:5: id "org/aa-first" is out of order: it sorts before "org/zz-alliance" on line 3`,
		`testdata/broken.jsonl:6: person/zz-example: role 1 from 2020 is after to 2019`,
		`testdata/broken.jsonl:7: state/zz-example: unknown status "sovereign" (want one of un-member, un-observer, partially-recognized, historical, territory)`,
		`testdata/broken.jsonl:8: state/zz-land: capital "location/zz-city": no such entry`,
	}
	if diff := cmp.Diff(want, messages(err)); diff != "" {
		t.Errorf("errors (-want +got):\n%s", diff)
	}
	for _, sentinel := range []error{ErrMalformed, ErrBadID, ErrBadValue, ErrDuplicateID, ErrUnsorted, ErrBadDate, ErrBadReference} {
		if !errors.Is(err, sentinel) {
			t.Errorf("errors.Is(err, %v) = false", sentinel)
		}
	}
	if !strings.Contains(err.Error(), "gazetteer: 8 problems:\n") {
		t.Errorf("Error() does not list every problem:\n%s", err)
	}
}

func TestMerge(t *testing.T) {
	g, err := load(
		file{"iso.jsonl", `{"id":"state/russia","name":"Russia","aliases":["Russian Federation"],"iso2":"RU"}` + "\n"},
		file{"states.jsonl", `{"id":"state/russia","name":"Russia","aliases":["Russian Federation","Rossiya"],"adjectives":["Russian"],"status":"un-member","iso2":"RU"}` + "\n"},
	)
	if err != nil {
		t.Fatal(err)
	}
	got, _ := g.Entry("state/russia")
	want := Entry{ID: "state/russia", Kind: State, Name: "Russia", Aliases: []string{"Russian Federation", "Rossiya"},
		Adjectives: []string{"Russian"}, Status: "un-member", ISO2: "RU"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("merged entry (-want +got):\n%s", diff)
	}
}

func TestWithEntries(t *testing.T) {
	g, err := New(WithoutDefaults(), WithEntries(
		Entry{ID: "state/russia", Name: "Russia", Capital: "location/moscow"},
		Entry{ID: "location/moscow", Name: "Moscow", Country: "state/russia"},
	))
	if err != nil {
		t.Fatal(err)
	}
	if e, ok := g.Entry("location/moscow"); !ok || e.Kind != Location {
		t.Errorf("Entry(location/moscow) = %+v, %v", e, ok)
	}
	_, err = New(WithoutDefaults(), WithEntries(Entry{ID: "state/russia", Name: "Russia"}, Entry{ID: "state/russia", Name: "Russia"}, Entry{ID: "State/x"},
		Entry{ID: "org/nato", Kind: State, Name: "NATO"}))
	want := []string{
		`WithEntries:2: duplicate id "state/russia" (first on line 1)`,
		`WithEntries:3: id "State/x": unknown kind "State" (want state, org, person or location)`,
		`WithEntries:4: org/nato: Kind "state" does not match the id (leave Kind zero or set it to the id's kind)`,
	}
	if diff := cmp.Diff(want, messages(err)); diff != "" {
		t.Errorf("errors (-want +got):\n%s", diff)
	}
}

func TestMissingFile(t *testing.T) {
	_, err := New(WithoutDefaults(), WithFile("testdata/no-such-file.jsonl"))
	if !errors.Is(err, ErrRead) || !errors.Is(err, os.ErrNotExist) && !strings.Contains(err.Error(), "no such file") {
		t.Errorf("err = %v, want ErrRead", err)
	}
}

func TestLineTooLong(t *testing.T) {
	long := `{"id":"state/russia","name":"Russia","aliases":["` + strings.Repeat("x", MaxLineLength) + `"]}`
	_, err := load(file{"a.jsonl", lineGeorgia + "\n" + long + "\n" + `{"id":"state/serbia","name":"Serbia"}` + "\n"})
	want := []string{fmt.Sprintf("a.jsonl:2: line longer than %d bytes", MaxLineLength)}
	if diff := cmp.Diff(want, messages(err)); diff != "" {
		t.Errorf("errors (-want +got):\n%s", diff)
	}
}

func TestTooManyErrors(t *testing.T) {
	_, err := load(file{"a.jsonl", strings.Repeat("garbage\n", 5000)})
	var list ErrorList
	if !errors.As(err, &list) || len(list) != maxErrors+1 || !errors.Is(list[maxErrors], ErrTooManyErrors) {
		t.Fatalf("got %d errors, want %d ending with ErrTooManyErrors", len(list), maxErrors+1)
	}
}

// genReader produces n generated entries, one a line, sorted by id,
// without holding the file in memory.
type genReader struct {
	n, i int
	buf  []byte
}

func (r *genReader) Read(p []byte) (int, error) {
	for len(r.buf) < len(p) && r.i < r.n {
		r.buf = fmt.Appendf(r.buf, `{"id":"location/place-%07d","name":"Place %07d","aliases":["Placeville %07d"],"category":"city"}`+"\n", r.i, r.i, r.i)
		r.i++
	}
	if len(r.buf) == 0 {
		return 0, io.EOF
	}
	n := copy(p, r.buf)
	r.buf = r.buf[:copy(r.buf, r.buf[n:])]
	return n, nil
}

func TestMaxEntries(t *testing.T) {
	_, err := New(WithoutDefaults(), WithMaxEntries(10), WithReader("gen.jsonl", &genReader{n: 100}))
	want := []string{`gen.jsonl:11: more than 10 entries; refusing to load more (see WithMaxEntries)`}
	if diff := cmp.Diff(want, messages(err)); diff != "" {
		t.Errorf("errors (-want +got):\n%s", diff)
	}
}

// TestLargeFile feeds a generated file of a million entries (about 100
// MB): the default limit refuses it after DefaultMaxEntries lines with a
// clear error, and a raised limit loads it in memory proportional to its
// entries.
func TestLargeFile(t *testing.T) {
	if testing.Short() || raceEnabled {
		t.Skip("slow: loads a million entries (skipped with -short and -race; TestMaxEntries covers the limit)")
	}
	const n = 1_000_000
	_, err := New(WithoutDefaults(), WithReader("big.jsonl", &genReader{n: n}))
	want := []string{fmt.Sprintf("big.jsonl:%d: more than %d entries; refusing to load more (see WithMaxEntries)", DefaultMaxEntries+1, DefaultMaxEntries)}
	if diff := cmp.Diff(want, messages(err)); diff != "" {
		t.Errorf("errors (-want +got):\n%s", diff)
	}

	runtime.GC()
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	g, err := New(WithoutDefaults(), WithMaxEntries(n), WithReader("big.jsonl", &genReader{n: n}))
	if err != nil {
		t.Fatal(err)
	}
	runtime.GC()
	runtime.ReadMemStats(&after)
	heap := int64(after.HeapAlloc) - int64(before.HeapAlloc)
	t.Logf("%d entries: %d MiB live heap (%d bytes/entry), peak total %d MiB from the OS",
		g.Len(), heap>>20, heap/int64(g.Len()), after.Sys>>20)
	if g.Len() != n {
		t.Errorf("Len = %d, want %d", g.Len(), n)
	}
	if m, ok := g.Lookup("Placeville 0999999"); !ok || m.ID != "location/place-0999999" {
		t.Errorf("Lookup = %+v, %v", m, ok)
	}
	if heap > 2<<30 {
		t.Errorf("live heap %d MiB for %d entries", heap>>20, n)
	}
	runtime.KeepAlive(g)
}

// TestEmbeddedData validates the default data: every problem is reported
// as file:line: reason.
func TestEmbeddedData(t *testing.T) {
	g, err := New()
	for _, msg := range messages(err) {
		t.Error(msg)
	}
	if err != nil {
		return
	}
	for _, k := range Kinds() {
		if g.Count(k) == 0 {
			t.Errorf("no %s entries in the default data", k)
		}
	}
}

// FuzzParseLine checks the line parser against encoding/json: on lines
// that encoding/json decodes strictly (known fields, right types) and
// that have no repeated or differently-cased fields, both must agree.
func FuzzParseLine(f *testing.F) {
	for _, s := range []string{
		lineRussia, lineMoscow, lineGeorgia,
		`{"id":"person/x","name":"X \u00e9\ud83d\ude00 \"q\" \\ \/","roles":[{"role":"R","of":"state/y","from":"2000"},null]}`,
		`{"id":"state/x","name":"X","aliases":null,"roles":[]}`,
		`{"id":"state/x","name":"\ud800"}`, `{"id":1}`, `{}`, `[]`, `{"id":"a"} x`, `{"id":"a",}`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, line []byte) {
		if !utf8.Valid(line) { // the loader rejects such lines before parsing
			return
		}
		var got rawEntry
		err := parseLine(line, &got)
		var want rawEntry
		dec := json.NewDecoder(bytes.NewReader(line))
		dec.DisallowUnknownFields()
		jerr := dec.Decode(&want)
		if jerr == nil && len(bytes.TrimSpace(line[dec.InputOffset():])) > 0 {
			jerr = errors.New("trailing data")
		}
		if err == nil && jerr != nil {
			t.Fatalf("parseLine accepted %q, encoding/json: %v", line, jerr)
		}
		if err == nil && jerr == nil {
			if diff := cmp.Diff(want, got, cmpopts.EquateEmpty()); diff != "" {
				t.Fatalf("parseLine(%q) differs from encoding/json (-json +parseLine):\n%s", line, diff)
			}
		}
	})
}

// FuzzNew feeds arbitrary files to the loader: it must never panic, and
// must either load or return an ErrorList.
func FuzzNew(f *testing.F) {
	f.Add([]byte(lineMoscow + "\n" + lineRussia + "\n"))
	f.Add([]byte("{\"id\":\"state/x\",\"name\":\"X\"}\n{\"id\":\"state/x\"}\n\n#\r\n"))
	f.Add([]byte(`{"id":"person/p","name":"P","roles":[{"role":"R","of":"org/o","from":"2020","to":"2019-02-30"}]}` + "\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		g, err := New(WithoutDefaults(), WithReader("fuzz.jsonl", bytes.NewReader(data)))
		if err != nil {
			var list ErrorList
			if !errors.As(err, &list) || len(list) == 0 || g != nil {
				t.Fatalf("New: %v (gazetteer %v)", err, g)
			}
			return
		}
		for _, k := range Kinds() {
			for _, e := range g.Entries(k) {
				g.Lookup(e.Name)
				g.MatchText(e.Name + " " + strings.Join(e.Aliases, ", "))
			}
		}
	})
}
