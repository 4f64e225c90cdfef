package format

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/statecraft/statecraft/entities"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/golden")

const (
	seedText  = "../testdata/rt-caucasus-security-outline.txt"
	seedGold  = "../testdata/rt-caucasus-security-outline.gold.json"
	goldenDir = "../testdata/golden"
)

var (
	extractorOnce sync.Once
	extractor     *entities.Extractor
	extractorErr  error
)

// seedDoc returns the seed article analysed by the default extractor,
// with relations made up for the test (the relation extractor is not this
// package's business): a directed one with a trigger, a symmetric one
// among three parties, one with a time and attributes.
func seedDoc(t *testing.T) *Doc {
	t.Helper()
	extractorOnce.Do(func() { extractor, extractorErr = entities.New(entities.WithParse(entities.ParseAll)) })
	if extractorErr != nil {
		t.Fatal(extractorErr)
	}
	b, err := os.ReadFile(seedText)
	if err != nil {
		t.Fatal(err)
	}
	ed, err := extractor.Extract(context.Background(), string(b))
	if err != nil {
		t.Fatal(err)
	}
	d := FromEntities("seed", ed)
	arg := func(text string, nth int) Arg {
		t.Helper()
		for i, m := range d.Entities {
			if m.Text == text {
				if nth == 0 {
					return Arg{Entity: i, ID: m.ID, Name: m.Name, Text: m.Text}
				}
				nth--
			}
		}
		t.Fatalf("no mention %q", text)
		return Arg{}
	}
	trigger := func(word string) (Trigger, Span) {
		t.Helper()
		i := strings.Index(d.Text, word)
		if i < 0 {
			t.Fatalf("no %q in the seed", word)
		}
		for _, s := range d.Sentences {
			if s.Start <= i && i < s.End {
				return Trigger{Text: word, Start: i, End: i + len(word)}, Span{Start: s.Start, End: s.End}
			}
		}
		t.Fatalf("%q in no sentence", word)
		return Trigger{}, Span{}
	}
	armenia, csto := arg("Armenia", 0), arg("Collective Security Treaty Organization", 0)
	tr, ev := trigger("includes")
	d.Relations = append(d.Relations, Relation{Type: "member-of", Modality: "asserted", Subject: &armenia, Object: &csto, Trigger: tr, Evidence: ev, Attrs: map[string]string{}})
	tr, ev = trigger("trilateral treaty")
	d.Relations = append(d.Relations, Relation{Type: "treaty-between", Modality: "possible", Parties: []Arg{arg("Russia", 2), arg("Abkhazia", 0), arg("South Ossetia", 0)}, Trigger: tr, Evidence: ev,
		Attrs: map[string]string{"treaty": "friendship and cooperation"}})
	tr, ev = trigger("met")
	d.Relations = append(d.Relations, Relation{Type: "met-with", Modality: "asserted", Time: "XXXX-08", Parties: []Arg{arg("Vladimir Putin", 0), arg("Raul Khadzhinba", 0)}, Trigger: tr, Evidence: ev,
		Attrs: map[string]string{"place": "Moscow"}})
	botsiyev, so := arg("Oleg Botsiyev", 0), arg("South Ossetia", 1)
	tr, ev = trigger("ambassador")
	d.Relations = append(d.Relations, Relation{Type: "official-of", Modality: "asserted", Subject: &botsiyev, Object: &so, Trigger: tr, Evidence: ev, Attrs: map[string]string{"role": "ambassador"}})
	for i := range d.Relations {
		d.Relations[i].Sentence = d.Entities[d.Relations[i].Args()[0].Entity].Sentence
	}
	return &d
}

// checkGolden compares got with the golden file name, or rewrites it with
// -update.
func checkGolden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join(goldenDir, name)
	if *update {
		if err := os.MkdirAll(goldenDir, 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./format -update to create it)", err)
	}
	if diff := cmp.Diff(string(want), string(got)); diff != "" {
		t.Errorf("%s differs (-want +got; go test ./format -update rewrites it):\n%s", path, diff)
	}
}

// mentionKey is what brat keeps of a mention.
type mentionKey struct {
	Type              entities.Type
	Text              string
	Start, End        int
	ID, Name          string
	Adjectival, Meton bool
	Value, Mod        string
	Source            entities.Source
}

func keysOf(ms []entities.Mention) []mentionKey {
	var out []mentionKey
	for _, m := range ms {
		out = append(out, mentionKey{m.Type, m.Text, m.Start, m.End, m.ID, m.Name, m.Adjectival, m.Metonymy, m.Value, m.Mod, m.Source})
	}
	return out
}

// relKey is what brat keeps of a relation.
type relKey struct {
	Type, Modality, Time, Trigger string
	Args                          []int
	Sym                           bool
	Attrs                         map[string]string
}

func relKeysOf(rs []Relation) []relKey {
	var out []relKey
	for _, r := range rs {
		k := relKey{Type: r.Type, Modality: r.Modality, Time: r.Time, Trigger: r.Trigger.Text, Sym: r.Symmetric(), Attrs: r.Attrs}
		if k.Attrs == nil {
			k.Attrs = map[string]string{}
		}
		for _, a := range r.Args() {
			k.Args = append(k.Args, a.Entity)
		}
		out = append(out, k)
	}
	return out
}

func TestBratRoundTrip(t *testing.T) {
	d := seedDoc(t)
	var buf bytes.Buffer
	if err := WriteBrat(&buf, d); err != nil {
		t.Fatal(err)
	}
	back, err := ReadBrat(bytes.NewReader(buf.Bytes()), d.Text)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(keysOf(d.Entities), keysOf(back.Entities)); diff != "" {
		t.Errorf("mentions after brat (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff(relKeysOf(d.Relations), relKeysOf(back.Relations)); diff != "" {
		t.Errorf("relations after brat (-want +got):\n%s", diff)
	}
	// Three parties are three pairs.
	if n := strings.Count(buf.String(), "\ttreaty_between "); n != 3 {
		t.Errorf("%d treaty_between lines, want 3 (one per pair)", n)
	}
}

func TestBratCodePoints(t *testing.T) {
	text := "Le président «Poutine»\net l’OTAN\nnaïve Union\nof States."
	start := strings.Index(text, "Poutine")
	otan := strings.Index(text, "OTAN")
	u := strings.Index(text, "Union")
	d := &Doc{Text: text, Entities: []entities.Mention{
		{Type: entities.Person, Text: "Poutine", Start: start, End: start + len("Poutine")},
		{Type: entities.Org, Text: "OTAN", Start: otan, End: otan + 4},
		{Type: entities.State, Text: "Union\nof States", Start: u, End: u + len("Union\nof States")},
	}}
	var buf bytes.Buffer
	if err := WriteBrat(&buf, d); err != nil {
		t.Fatal(err)
	}
	want := "T1\tPERSON 14 21\tPoutine\n" +
		"T2\tORG 28 32\tOTAN\n" +
		"T3\tSTATE 39 44;45 54\tUnion of States\n"
	if got := buf.String(); got != want {
		t.Errorf("brat:\n%s\nwant:\n%s", got, want)
	}
	back, err := ReadBrat(strings.NewReader(want), text)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(keysOf(d.Entities), keysOf(back.Entities)); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

func TestReadBratErrors(t *testing.T) {
	text := "Russia and NATO."
	for _, tc := range []struct {
		name, ann, want string
	}{
		{"text mismatch", "T1\tSTATE 0 6\tRussia\nT2\tORG 11 15\tNAT0\n", "brat line 2: text \"NAT0\""},
		{"beyond the text", "T1\tSTATE 0 60\tRussia\n", "brat line 1: offsets 0 60 are beyond"},
		{"bad fragment", "T1\tSTATE 0 x\tRussia\n", "brat line 1: bad fragment"},
		{"unknown argument", "T1\tSTATE 0 6\tRussia\nR1\tmember_of Arg1:T1 Arg2:T9\n", "brat line 2: unknown annotation T9"},
		{"bad relation", "R1\tmember_of Arg1:T1\n", "brat line 1: want"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := ReadBrat(strings.NewReader(tc.ann), text)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("error %v, want one containing %q", err, tc.want)
			}
		})
	}
}

func TestReadBratForeign(t *testing.T) {
	// A brat file from another tool: no notes, an equivalence line, an
	// event line to ignore, types with other names.
	text := "Putin met Khadzhinba and Lavrov in Moscow."
	ann := "T1\tPerson 0 5\tPutin\nT2\tPerson 10 20\tKhadzhinba\nT3\tPerson 25 31\tLavrov\nT4\tLocation 35 41\tMoscow\n" +
		"E1\tMeeting:T1\n*\tmet_with T1 T2 T3\nR1\tlocated_in Arg1:T1 Arg2:T4\n"
	d, err := ReadBrat(strings.NewReader(ann), text)
	if err != nil {
		t.Fatal(err)
	}
	want := []relKey{
		{Type: "met-with", Modality: "asserted", Args: []int{0, 1, 2}, Sym: true, Attrs: map[string]string{}},
		{Type: "located-in", Modality: "asserted", Args: []int{0, 3}, Attrs: map[string]string{}},
	}
	if diff := cmp.Diff(want, relKeysOf(d.Relations)); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

func TestCoNLLRoundTrip(t *testing.T) {
	d := seedDoc(t)
	var buf bytes.Buffer
	if err := WriteCoNLL(&buf, d); err != nil {
		t.Fatal(err)
	}
	docs, err := ReadCoNLL(bytes.NewReader(buf.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	if len(docs) != 1 {
		t.Fatalf("%d documents, want 1", len(docs))
	}
	if err := AlignCoNLL(&docs[0], d.Text); err != nil {
		t.Fatal(err)
	}
	type span struct {
		Type       entities.Type
		Text       string
		Start, End int
	}
	var want, got []span
	for _, m := range d.Entities {
		want = append(want, span{m.Type, m.Text, m.Start, m.End})
	}
	for _, m := range docs[0].Mentions() {
		got = append(got, span{m.Type, m.Text, m.Start, m.End})
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("mentions after CoNLL (-want +got):\n%s", diff)
	}
	// Sentences survive too.
	if n := len(docs[0].Sentences); n != len(d.Sentences) {
		t.Errorf("%d sentences, want %d", n, len(d.Sentences))
	}
	// Tokens cut at mention boundaries: "Moscow-led", "post-Soviet".
	var toks []string
	for _, s := range docs[0].Sentences {
		for _, tk := range s {
			toks = append(toks, tk.Text+" "+tk.Tag)
		}
	}
	all := strings.Join(toks, "|")
	for _, want := range []string{"|Moscow B-LOCATION|-led O|", "|post- O|Soviet B-STATE|"} {
		if !strings.Contains(all, want) {
			t.Errorf("CoNLL tokens lack %q", want)
		}
	}
}

func TestReadCoNLL2003(t *testing.T) {
	in := "-DOCSTART- -X- -X- O\n\nEU NNP B-NP B-ORG\nrejects VBZ B-VP O\nGerman JJ B-NP B-MISC\ncall NN I-NP O\n\nPeter NNP B-NP I-PER\nBlackburn NNP I-NP I-PER\n\n" +
		"-DOCSTART- -X- -X- O\n\nLONDON NNP B-NP I-LOC\n"
	docs, err := ReadCoNLL(strings.NewReader(in))
	if err != nil {
		t.Fatal(err)
	}
	if len(docs) != 2 {
		t.Fatalf("%d documents, want 2", len(docs))
	}
	text := docs[0].JoinText()
	if text != "EU rejects German call\nPeter Blackburn" {
		t.Errorf("text %q", text)
	}
	type span struct {
		Type entities.Type
		Text string
		Sent int
	}
	var got []span
	for _, m := range docs[0].Mentions() {
		got = append(got, span{m.Type, m.Text, m.Sentence})
	}
	want := []span{{"ORG", "EU", 0}, {"MISC", "German", 0}, {"PER", "Peter Blackburn", 1}}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	if docs[0].Sentences[0][1].POS != "VBZ" {
		t.Errorf("POS %q, want VBZ", docs[0].Sentences[0][1].POS)
	}
	if _, err := ReadCoNLL(strings.NewReader("EU NNP X-ORG\n")); err == nil || !strings.Contains(err.Error(), "line 1") {
		t.Errorf("bad tag: error %v", err)
	}
}

func TestJSONRoundTrip(t *testing.T) {
	d := seedDoc(t)
	var line, indented bytes.Buffer
	if err := WriteJSONL(&line, d); err != nil {
		t.Fatal(err)
	}
	if err := WriteJSON(&indented, d); err != nil {
		t.Fatal(err)
	}
	if n := bytes.Count(line.Bytes(), []byte("\n")); n != 1 {
		t.Fatalf("jsonl object spans %d lines", n)
	}
	for _, b := range [][]byte{line.Bytes(), indented.Bytes()} {
		if err := ValidateJSON(d.Text, b); err != nil {
			t.Error(err)
		}
	}
	outs, err := ReadJSON(io.MultiReader(&line, &indented))
	if err != nil {
		t.Fatal(err)
	}
	if len(outs) != 2 {
		t.Fatalf("%d objects, want 2", len(outs))
	}
	for _, o := range outs {
		if IDString(o.ID) != "seed" {
			t.Errorf("id %s", o.ID)
		}
		if diff := cmp.Diff(d.Entities, o.Entities); diff != "" {
			t.Errorf("entities (-want +got):\n%s", diff)
		}
		if diff := cmp.Diff(d.Relations, o.Relations); diff != "" {
			t.Errorf("relations (-want +got):\n%s", diff)
		}
	}
}

func TestValidateJSON(t *testing.T) {
	text := "Armenia joined the CSTO."
	ok := `{"id":"d","entities":[` +
		`{"type":"STATE","text":"Armenia","start":0,"end":7,"sentence":0,"id":"state/armenia","name":"Armenia","adjectival":false,"source":"gazetteer","value":""},` +
		`{"type":"ORG","text":"CSTO","start":19,"end":23,"sentence":0,"id":"org/csto","name":"CSTO","adjectival":false,"source":"gazetteer","value":""}],` +
		`"relations":[{"type":"member-of","modality":"asserted","sentence":0,"time":"",` +
		`"subject":{"entity":0,"id":"state/armenia","name":"Armenia","text":"Armenia"},"object":{"entity":1,"id":"org/csto","name":"CSTO","text":"CSTO"},` +
		`"trigger":{"text":"joined","start":8,"end":14},"evidence":{"start":0,"end":24},"attrs":{}}]}`
	if err := ValidateJSON(text, []byte(ok)); err != nil {
		t.Fatalf("valid object: %v", err)
	}
	for _, tc := range []struct{ name, from, to, want string }{
		{"offsets", `"start":19,"end":23`, `"start":18,"end":23`, `entity 1: text[18:23] is " CSTO"`},
		{"missing field", `"adjectival":false,"source":"gazetteer","value":""}],`, `"adjectival":false,"source":"gazetteer"}],`, `entity 1: no "value"`},
		{"index", `"object":{"entity":1`, `"object":{"entity":2`, `relation 0 argument 1: entity 2 is not an index`},
		{"trigger", `"text":"joined","start":8`, `"text":"joins","start":8`, `trigger text[8:14] is "joined"`},
		{"no relations", `,"relations":[`, `,"rels":[`, `no "relations"`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			bad := strings.Replace(ok, tc.from, tc.to, 1)
			if bad == ok {
				t.Fatal("test case changes nothing")
			}
			err := ValidateJSON(text, []byte(bad))
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("error %v, want one containing %q", err, tc.want)
			}
		})
	}
}

func TestEmptyDocJSON(t *testing.T) {
	var buf bytes.Buffer
	if err := WriteJSONL(&buf, &Doc{ID: "empty"}); err != nil {
		t.Fatal(err)
	}
	if got, want := buf.String(), `{"id":"empty","entities":[],"relations":[]}`+"\n"; got != want {
		t.Errorf("got %s want %s", got, want)
	}
	buf.Reset()
	if err := WriteJSONL(&buf, &Doc{ID: "17", RawID: []byte("17")}); err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(buf.String(), `{"id":17,`) {
		t.Errorf("raw id not kept: %s", buf.String())
	}
}

// TestSeedGoldBrat converts the seed gold to brat (testdata/golden/
// seed-gold.ann beside a copy of the text, seed-gold.txt) and checks that
// reading it back gives the gold mentions, relations and optional marks.
func TestSeedGoldBrat(t *testing.T) {
	g, err := ReadSeedGold(seedGold)
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := WriteBrat(&buf, g); err != nil {
		t.Fatal(err)
	}
	checkGolden(t, "seed-gold.ann", buf.Bytes())
	checkGolden(t, "seed-gold.txt", []byte(g.Text))
	back, err := ReadBratFile(filepath.Join(goldenDir, "seed-gold.ann"))
	if err != nil {
		t.Fatal(err)
	}
	if back.ID != "seed-gold" || back.Text != g.Text {
		t.Errorf("ReadBratFile: id %q, text of %d bytes; want seed-gold and the seed's %d", back.ID, len(back.Text), len(g.Text))
	}
	type ment struct {
		Type       entities.Type
		Start, End int
		Name       string
		Adjectival bool
		Value      string
		Optional   bool
	}
	var want, got []ment
	for i, m := range g.Entities {
		want = append(want, ment{m.Type, m.Start, m.End, m.Name, m.Adjectival, m.Value, g.OptionalEntities[i]})
	}
	for i, m := range back.Entities {
		got = append(got, ment{m.Type, m.Start, m.End, m.Name, m.Adjectival, m.Value, back.OptionalEntities[i]})
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("gold mentions after brat (-want +got):\n%s", diff)
	}
	type rel struct {
		Type, Modality string
		Names          []string
		Optional       bool
		Attrs          map[string]string
	}
	rels := func(d *Doc) []rel {
		var out []rel
		for i, r := range d.Relations {
			x := rel{Type: r.Type, Modality: r.Modality, Optional: d.OptionalRelations[i], Attrs: r.Attrs}
			if len(x.Attrs) == 0 {
				x.Attrs = nil
			}
			for _, a := range r.Args() {
				x.Names = append(x.Names, a.Name)
			}
			out = append(out, x)
		}
		return out
	}
	if diff := cmp.Diff(rels(g), rels(back)); diff != "" {
		t.Errorf("gold relations after brat (-want +got):\n%s", diff)
	}
	if len(g.Relations) != 31 {
		t.Errorf("%d gold relations, want the 31 of the file", len(g.Relations))
	}
}

func TestDOTQuoting(t *testing.T) {
	if got, want := dotID("a \"b\" \\ c\nd"), `"a \"b\" \\ c\nd"`; got != want {
		t.Errorf("dotID = %s, want %s", got, want)
	}
}

func TestHTMLEscapes(t *testing.T) {
	text := `<script>alert("x")</script> & "Russia"`
	i := strings.Index(text, "Russia")
	d := &Doc{ID: `<b>doc</b>`, Text: text, Entities: []entities.Mention{
		{Type: entities.State, Text: "Russia", Start: i, End: i + 6, ID: "state/russia", Name: `Rus"sia<`},
	}}
	var buf bytes.Buffer
	if err := WriteHTML(&buf, d); err != nil {
		t.Fatal(err)
	}
	page := buf.String()
	for _, bad := range []string{`<script>alert`, `<b>doc</b>`, `Rus"sia<`, "http://", "https://", "@import", "url("} {
		if strings.Contains(page, bad) {
			t.Errorf("page contains %q", bad)
		}
	}
	for _, good := range []string{`&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;`, `data-type="STATE"`, `title="Rus&#34;sia&lt; · state/russia · STATE"`} {
		if !strings.Contains(page, good) {
			t.Errorf("page lacks %q", good)
		}
	}
}

func TestHTMLGolden(t *testing.T) {
	d := seedDoc(t)
	var buf bytes.Buffer
	if err := WriteHTML(&buf, d); err != nil {
		t.Fatal(err)
	}
	// The seed with made-up relations; examples/extract has the real ones.
	checkGolden(t, "seed-relations-sample.html", buf.Bytes())
	if got, want := strings.Count(buf.String(), "<mark class=\"ent\" data-type="), len(d.Entities); got != want {
		t.Errorf("%d marks, want %d", got, want)
	}
}

func TestSummaryAndDOT(t *testing.T) {
	d := seedDoc(t)
	var buf bytes.Buffer
	if err := WriteSummary(&buf, d); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"Armenia —member-of→ Collective Security Treaty Organization (asserted)\n",
		"treaty-between among Russia, Abkhazia, South Ossetia (possible) [treaty=friendship and cooperation]\n",
		"Vladimir Putin ←met-with→ Raul Khadzhinba (asserted, time XXXX-08) [place=Moscow]\n",
		"\nSTATE     Russia ×",
	} {
		if !strings.Contains(buf.String(), want) {
			t.Errorf("summary lacks %q:\n%s", want, buf.String())
		}
	}
	buf.Reset()
	if err := WriteDOT(&buf, d); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		`"state/armenia" -> "org/csto" [label="member-of\nasserted", style=solid`,
		`"relation 1" [shape=diamond, style="filled,dashed"`,
		`"relation 1" -> "state/south-ossetia" [style=dashed`,
		`"person/vladimir-putin" -> "person/raul-khadzhinba" [label="met-with\nasserted XXXX-08", style=solid, color="#333333", fontcolor="#333333", dir=none];`,
	} {
		if !strings.Contains(buf.String(), want) {
			t.Errorf("DOT lacks %q:\n%s", want, buf.String())
		}
	}
}

func TestRecoverID(t *testing.T) {
	for in, want := range map[string]string{
		`{"id":"x","text":"abc`:            `"x"`,
		`{"text":"abc","id":12,"date":}`:   `12`,
		`{"text":"ab`:                      ``,
		`["id","x"]`:                       ``,
		`not json`:                         ``,
		`{"id":null,"text":`:               `null`,
		`{"id":{"a":[1,2]},"text":5,"x":}`: `{"a":[1,2]}`,
	} {
		if got := string(RecoverID([]byte(in))); got != want {
			t.Errorf("RecoverID(%s) = %s, want %s", in, got, want)
		}
	}
}

func TestIDString(t *testing.T) {
	for raw, want := range map[string]string{`"doc-1"`: "doc-1", `17`: "17", `"a\u0041"`: "aA", ` 17 `: "17"} {
		if got := IDString(json.RawMessage(raw)); got != want {
			t.Errorf("IDString(%s) = %q, want %q", raw, got, want)
		}
	}
}
