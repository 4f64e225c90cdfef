package gazetteer

import (
	"encoding/json"
	"fmt"
	"os"
	"strings"
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// hit is the part of a Match that the table tests compare.
type hit struct {
	Text string // text[Start:End]
	ID   string
	How  string
	Dist int      `json:",omitempty"`
	Alts []string `json:",omitempty"`
}

func (h hit) String() string {
	s := fmt.Sprintf("%q %s %s", h.Text, h.ID, h.How)
	if h.Dist > 0 {
		s += fmt.Sprintf(" d=%d", h.Dist)
	}
	if len(h.Alts) > 0 {
		s += fmt.Sprintf(" alts=%v", h.Alts)
	}
	return s
}

// h builds an expected hit: "Text|id|how" with optional "|d=N" and
// "|alt=id,id".
func h(spec string) hit {
	parts := strings.Split(spec, "|")
	out := hit{Text: parts[0], ID: parts[1], How: parts[2]}
	for _, p := range parts[3:] {
		switch {
		case strings.HasPrefix(p, "d="):
			fmt.Sscanf(p, "d=%d", &out.Dist)
		case strings.HasPrefix(p, "alt="):
			out.Alts = strings.Split(strings.TrimPrefix(p, "alt="), ",")
		}
	}
	return out
}

func hits(t *testing.T, text string, ms []Match) []hit {
	t.Helper()
	var out []hit
	prevEnd := 0
	for _, m := range ms {
		if m.Start < prevEnd || m.Start >= m.End || m.End > len(text) {
			t.Fatalf("bad span [%d,%d) after %d in %q", m.Start, m.End, prevEnd, text)
		}
		prevEnd = m.End
		out = append(out, hit{Text: text[m.Start:m.End], ID: m.ID, How: m.How.String(), Dist: m.Distance, Alts: m.Alternatives})
	}
	return out
}

type matchCase struct {
	text string
	want []string // h() specs
}

func runMatchCases(t *testing.T, g *Gazetteer, tests []matchCase) {
	t.Helper()
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			var want []hit
			for _, s := range tt.want {
				want = append(want, h(s))
			}
			got := hits(t, tt.text, g.MatchText(tt.text))
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("MatchText(%q) (-want +got):\n%s", tt.text, diff)
			}
		})
	}
}

func smallGazetteer(t testing.TB) *Gazetteer {
	t.Helper()
	g, err := New(WithoutDefaults(), WithFile("testdata/small.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	return g
}

// TestMatchSmall tests the matcher's rules against the small test
// gazetteer in testdata/small.jsonl, independent of the default data.
func TestMatchSmall(t *testing.T) {
	g := smallGazetteer(t)
	runMatchCases(t, g, []matchCase{
		// names, aliases, adjectives
		{"Russia", []string{"Russia|state/russia|name"}},
		{"Russian President", []string{"Russian|state/russia|adjective"}},
		{"the Russian Federation", []string{"Russian Federation|state/russia|alias"}},
		{"Moskva", []string{"Moskva|location/moscow|alias"}},
		{"Putin", []string{"Putin|person/vladimir-putin|alias"}},
		{"Abkhaz and Abkhazian", []string{"Abkhaz|state/abkhazia|adjective", "Abkhazian|state/abkhazia|adjective"}},
		{"Sudanese", []string{"Sudanese|state/sudan|adjective"}},
		{"the Kyrgyz Republic", []string{"Kyrgyz Republic|state/kyrgyzstan|alias"}},
		{"Russia and Georgia", []string{"Russia|state/russia|name", "Georgia|state/georgia|name|alt=location/georgia-us-state"}},
		{"", nil},
		// case
		{"russia", nil},
		{"RUSSIA, CAUCASUS ALLIES TO FORM ‘SECURITY OUTLINE’", []string{"RUSSIA|state/russia|name", "CAUCASUS|location/caucasus|name"}},
		{"SOUTH OSSETIA", []string{"SOUTH OSSETIA|state/south-ossetia|name"}},
		{"collective security treaty organization", nil},
		{"Russian Army", []string{"Russian Army|org/russian-armed-forces|alias"}},
		{"Russian armed forces", []string{"Russian|state/russia|adjective"}},
		// acronyms are case-sensitive
		{"the CIS", []string{"CIS|org/cis|alias"}},
		{"the cis", nil},
		{"Cis", nil},
		{"NATO", []string{"NATO|org/nato|name"}},
		{"Nato", nil},
		{"US and us", []string{"US|state/united-states|alias"}},
		{"the USA", []string{"USA|state/united-states|alias"}},
		{"the U.S. said", []string{"U.S.|state/united-states|alias"}},
		{"U.S.-led", []string{"U.S.|state/united-states|alias"}},
		// longest match first
		{"Soviet Union", []string{"Soviet Union|state/soviet-union|name"}},
		{"the Union of Soviet Socialist Republics", []string{"Union of Soviet Socialist Republics|state/soviet-union|alias"}},
		{"the Russian army", []string{"Russian army|org/russian-armed-forces|alias"}},
		{"Collective Security Treaty Organization", []string{"Collective Security Treaty Organization|org/csto|name"}},
		{"United States of America", []string{"United States of America|state/united-states|alias"}},
		{"South Ossetia-Alania", []string{"South Ossetia-Alania|state/south-ossetia|alias"}},
		{"Republic of the Congo", []string{"Republic of the Congo|state/republic-of-the-congo|name"}},
		{"Democratic Republic of the Congo", []string{"Democratic Republic of the Congo|state/dr-congo|name"}},
		{"Mikhail Saakashvili", []string{"Mikhail Saakashvili|person/mikhail-saakashvili|name"}},
		{"Raul Khajimba", []string{"Raul Khajimba|person/raul-khadzhinba|alias"}},
		// possessives, hyphens, line breaks
		{"NATO’s structure", []string{"NATO|org/nato|name"}},
		{"NATO's", []string{"NATO|org/nato|name"}},
		{"Vladimir Putin's", []string{"Vladimir Putin|person/vladimir-putin|name"}},
		{"People’s Republic of China", []string{"People’s Republic of China|state/china|alias"}},
		{"post-Soviet space", []string{"Soviet|state/soviet-union|adjective"}},
		{"Moscow-led alliance", []string{"Moscow|location/moscow|name"}},
		{"Guinea-Bissau", []string{"Guinea-Bissau|state/guinea-bissau|name"}},
		{"South\nOssetia", []string{"South\nOssetia|state/south-ossetia|name"}},
		{"South  Ossetia", []string{"South  Ossetia|state/south-ossetia|name"}},
		{"Vladimir\r\n  Putin", []string{"Vladimir\r\n  Putin|person/vladimir-putin|name"}},
		// apostrophes and diacritics
		{"Côte d’Ivoire", []string{"Côte d’Ivoire|state/cote-d-ivoire|name"}},
		{"Cote d'Ivoire", []string{"Cote d'Ivoire|state/cote-d-ivoire|name"}},
		// ambiguity is reported
		{"Georgia", []string{"Georgia|state/georgia|name|alt=location/georgia-us-state"}},
		{"Congo", []string{"Congo|state/dr-congo|alias|alt=state/republic-of-the-congo"}},
		// variants
		{"Khajimba", []string{"Khajimba|person/raul-khadzhinba|alias"}},
		{"Zelenskyy met Zelensky", []string{"Zelenskyy|person/volodymyr-zelenskyy|alias", "Zelensky|person/volodymyr-zelenskyy|alias"}},
		{"Volodymyr Zelensky", []string{"Volodymyr Zelensky|person/volodymyr-zelenskyy|alias"}},
		// fuzzy
		{"Tadjikistan", []string{"Tadjikistan|state/tajikistan|fuzzy|d=1"}},
		{"Tadjikistan’s", []string{"Tadjikistan|state/tajikistan|fuzzy|d=1"}},
		{"Kirgizstan", []string{"Kirgizstan|state/kyrgyzstan|fuzzy|d=2"}},
		{"Saakashvilli", []string{"Saakashvilli|person/mikhail-saakashvili|fuzzy|d=1"}},
		{"Mikhail Saakashvilli", []string{"Mikhail Saakashvilli|person/mikhail-saakashvili|fuzzy|d=1"}},
		{"Slovenija", []string{"Slovenija|state/slovenia|fuzzy|d=1"}},
		{"Russians", []string{"Russians|state/russia|fuzzy|d=1"}}, // plural of an adjective
		{"Abkhazians and South Ossetians", []string{"Abkhazians|state/abkhazia|fuzzy|d=1", "South Ossetians|state/south-ossetia|fuzzy|d=1"}},
		{"russians", nil},
		{"Republic of Abkhazya", []string{"Republic of Abkhazya|state/abkhazia|fuzzy|d=1"}},
		{"Tajikistans", nil},   // a name plus an ending is another word
		{"Georgias", nil},      // likewise
		{"Slovenio", nil},      // a different final vowel is another name
		{"Vladimir Putn", nil}, // each word within its own bound: Putn is too short
		{"Tadjikistan Republic", []string{"Tadjikistan|state/tajikistan|fuzzy|d=1"}},
		{"Nigerria", []string{"Nigerria|state/nigeria|fuzzy|d=1"}},
		{"tadjikistan", nil}, // fuzzy needs a capital
		{"Irak", nil},        // under 5 letters: never fuzzy
		{"States", nil},      // common English word
		{"Nation", nil},      // common English word
		{"TADJIKISTAN", []string{"TADJIKISTAN|state/tajikistan|fuzzy|d=1"}},
		{"Gabniya", nil},
		// must-not-match pairs
		{"Iran", []string{"Iran|state/iran|name"}},
		{"Iraq", []string{"Iraq|state/iraq|name"}},
		{"Austria", []string{"Austria|state/austria|name"}},
		{"Australia", []string{"Australia|state/australia|name"}},
		{"Austrlia", nil}, // one edit from both Australia and Austria
		{"Niger", []string{"Niger|state/niger|name"}},
		{"Nigeria", []string{"Nigeria|state/nigeria|name"}},
		{"Nigerien", []string{"Nigerien|state/niger|adjective"}},
		{"Sudan", []string{"Sudan|state/sudan|name"}},
		{"South Sudan", []string{"South Sudan|state/south-sudan|name"}},
		{"South Sudanese", []string{"South Sudanese|state/south-sudan|adjective"}},
		{"Guinea", []string{"Guinea|state/guinea|name"}},
		{"Equatorial Guinea", []string{"Equatorial Guinea|state/equatorial-guinea|name"}},
		{"Papua New Guinea", []string{"Papua New Guinea|state/papua-new-guinea|name"}},
		{"Guinee", nil}, // 6 letters: too short to guess
		{"Guinea Bissau", []string{"Guinea Bissau|state/guinea-bissau|name"}}, // hyphens are optional
		{"Dominica", []string{"Dominica|state/dominica|name"}},
		{"Dominican Republic", []string{"Dominican Republic|state/dominican-republic|name"}},
		{"Slovakia", []string{"Slovakia|state/slovakia|name"}},
		{"Slovenia", []string{"Slovenia|state/slovenia|name"}},
	})
}

// TestMatchOffsets checks byte offsets and token indexes with a caller's
// tokens that differ from Tokenize's.
func TestMatchOffsets(t *testing.T) {
	g := smallGazetteer(t)
	text := "Moscow-led bloc, NATO’s rival;\nSouth Ossetia"
	tokens := []Span{{0, 10}, {11, 15}, {15, 16}, {17, 25}, {26, 31}, {31, 32}, {33, 38}, {39, 46}}
	// tokens: "Moscow-led" "bloc" "," "NATO’s" "rival" ";" "South" "Ossetia"
	got := g.Match(text, tokens)
	type span struct {
		Start, End, TokenStart, TokenEnd int
		ID                               string
	}
	var gotSpans []span
	for _, m := range got {
		gotSpans = append(gotSpans, span{m.Start, m.End, m.TokenStart, m.TokenEnd, m.ID})
	}
	want := []span{
		{0, 6, 0, 1, "location/moscow"},
		{17, 21, 3, 4, "org/nato"},
		{33, 46, 6, 8, "state/south-ossetia"},
	}
	if diff := cmp.Diff(want, gotSpans); diff != "" {
		t.Errorf("Match (-want +got):\n%s", diff)
	}
	// Bad tokens (overlapping, out of range, reversed) are ignored.
	bad := []Span{{0, 6}, {3, 8}, {40, 1000}, {20, 10}, {33, 38}, {39, 46}}
	if got := hits(t, text, g.Match(text, bad)); len(got) != 2 {
		t.Errorf("Match with bad tokens = %v, want Moscow and South Ossetia", got)
	}
}

func TestMatchFields(t *testing.T) {
	g := smallGazetteer(t)
	got := g.MatchText("CIS, Russian, Tadjikistan")
	want := []Match{
		{Start: 0, End: 3, TokenStart: 0, TokenEnd: 1, ID: "org/cis", Name: "Commonwealth of Independent States", Kind: Org,
			How: ByAlias, Form: "CIS", Acronym: true, Score: 0.95},
		{Start: 5, End: 12, TokenStart: 2, TokenEnd: 3, ID: "state/russia", Name: "Russia", Kind: State,
			How: ByAdjective, Form: "Russian", Adjectival: true, Score: 0.9},
		{Start: 14, End: 25, TokenStart: 4, TokenEnd: 5, ID: "state/tajikistan", Name: "Tajikistan", Kind: State,
			How: ByFuzzy, Form: "Tajikistan", Distance: 1, Score: 0.85},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("MatchText (-want +got):\n%s", diff)
	}
}

func TestLookup(t *testing.T) {
	g := smallGazetteer(t)
	tests := []struct {
		name string
		want string // h() spec, or "" for no match
	}{
		{"Russia", "Russia|state/russia|name"},
		{"russia", "russia|state/russia|name"},
		{"  Russia ", " Russia|state/russia|name"},
		{"south ossetia", "south ossetia|state/south-ossetia|name"},
		{"CIS", "CIS|org/cis|alias"},
		{"cis", ""},
		{"Tadjikistan", "Tadjikistan|state/tajikistan|fuzzy|d=1"},
		{"tadjikistan", "tadjikistan|state/tajikistan|fuzzy|d=1"},
		{"Georgia", "Georgia|state/georgia|name|alt=location/georgia-us-state"},
		{"Moscow-led", ""},
		{"Russia Georgia", ""},
		{"", ""},
		{"Austrlia", ""},
	}
	for _, tt := range tests {
		m, ok := g.Lookup(tt.name)
		var got string
		if ok {
			hh := hit{Text: tt.name[m.Start:m.End], ID: m.ID, How: m.How.String(), Dist: m.Distance, Alts: m.Alternatives}
			got = hh.String()
		}
		want := ""
		if tt.want != "" {
			want = h(tt.want).String()
			want = strings.Replace(want, `" `, `" `, 1)
		}
		if strings.TrimSpace(tt.name) != tt.name && ok {
			// offsets are into the name: leading space skipped
			if m.Start != 2 {
				t.Errorf("Lookup(%q).Start = %d, want 2", tt.name, m.Start)
			}
			continue
		}
		if got != want {
			t.Errorf("Lookup(%q) = %s, want %s", tt.name, got, want)
		}
	}
}

func TestEntries(t *testing.T) {
	g := smallGazetteer(t)
	if got, want := g.Count(Org), 5; got != want {
		t.Errorf("Count(Org) = %d, want %d", got, want)
	}
	var ids []string
	for _, e := range g.Entries(Org) {
		ids = append(ids, e.ID)
	}
	want := []string{"org/cis", "org/csto", "org/eu", "org/nato", "org/russian-armed-forces"}
	if diff := cmp.Diff(want, ids); diff != "" {
		t.Errorf("Entries(Org) (-want +got):\n%s", diff)
	}
	e, ok := g.Entry("state/russia")
	if !ok || e.Name != "Russia" || e.Capital != "location/moscow" {
		t.Fatalf("Entry(state/russia) = %+v, %v", e, ok)
	}
	e.Aliases[0] = "changed" // entries are copies
	if e2, _ := g.Entry("state/russia"); e2.Aliases[0] != "Russian Federation" {
		t.Errorf("modifying a returned Entry changed the gazetteer")
	}
	if _, ok := g.Entry("state/atlantis"); ok {
		t.Errorf("Entry(state/atlantis) found")
	}
	if got := g.String(); got != "gazetteer: 4 location, 5 org, 4 person, 29 state" {
		t.Errorf("String() = %q", got)
	}
}

func TestTokenize(t *testing.T) {
	text := "NATO’s post-Soviet U.S.-led d'Ivoire states' ’s 'said' — x"
	var got []string
	for _, s := range Tokenize(text) {
		got = append(got, text[s.Start:s.End])
	}
	want := []string{"NATO", "’s", "post-Soviet", "U", ".", "S", ".", "-", "led", "d'Ivoire", "states", "'", "’s", "'", "said", "'", "—", "x"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Tokenize (-want +got):\n%s", diff)
	}
}

// TestConcurrentMatch runs matchers in parallel (run with -race).
func TestConcurrentMatch(t *testing.T) {
	g := smallGazetteer(t)
	text := "Russia, Abkhazia and South Ossetia may soon enter a treaty; Tadjikistan and NATO’s CIS."
	want := g.MatchText(text)
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			for range 200 {
				if got := g.MatchText(text); !cmp.Equal(want, got) {
					t.Errorf("concurrent MatchText differs")
					return
				}
			}
		})
	}
	wg.Wait()
}

func TestDates(t *testing.T) {
	for _, s := range []string{"2008", "2013-12", "1992-02-14", "2000-02-29"} {
		d, err := ParseDate(s)
		if err != nil || d.String() != s {
			t.Errorf("ParseDate(%q) = %v, %v", s, d, err)
		}
	}
	for _, s := range []string{"", "08", "2008-13", "2008-00", "1900-02-29", "2008-1-01", "2008/01/01", "0000", "20080101"} {
		if _, err := ParseDate(s); err == nil {
			t.Errorf("ParseDate(%q) succeeded", s)
		}
	}
	mk := func(s string) Date {
		d, err := ParseDate(s)
		if err != nil {
			t.Fatal(err)
		}
		return d
	}
	if mk("2008").Compare(mk("2008-01")) >= 0 || mk("2008-01-01").Compare(mk("2008-02")) >= 0 || mk("2009").Compare(mk("2008-12-31")) <= 0 {
		t.Errorf("Compare order wrong")
	}
	var d Date
	if err := json.Unmarshal([]byte(`"2012-05-07"`), &d); err != nil || d != mk("2012-05-07") {
		t.Errorf("UnmarshalText = %v, %v", d, err)
	}
	if b, _ := json.Marshal(mk("2013-12")); string(b) != `"2013-12"` {
		t.Errorf("MarshalText = %s", b)
	}

	g := smallGazetteer(t)
	putin, _ := g.Entry("person/vladimir-putin")
	roles := func(at string) []string {
		var out []string
		var d Date
		if at != "" {
			d = mk(at)
		}
		for _, r := range putin.RolesAt(d) {
			out = append(out, r.Role)
		}
		return out
	}
	for _, tt := range []struct {
		at   string
		want []string
	}{
		{"1999", nil},
		{"2000-05-07", []string{"President"}},
		{"2008-05", []string{"President", "Prime Minister"}},
		{"2010", []string{"Prime Minister"}},
		{"2012-05-07", []string{"Prime Minister", "President"}},
		{"2024", []string{"President"}},
		{"", []string{"President", "Prime Minister", "President"}},
	} {
		if diff := cmp.Diff(tt.want, roles(tt.at)); diff != "" {
			t.Errorf("RolesAt(%s) (-want +got):\n%s", tt.at, diff)
		}
	}
}

func TestFold(t *testing.T) {
	for in, want := range map[string]string{
		"Côte d’Ivoire": "cote d'ivoire", "São Tomé": "sao tome", "Łódź": "lodz", "Ærø": "aero",
		"Straße": "strasse", "ＡＢＣ": "ａｂｃ", "Guinea‐Bissau": "guinea bissau", "Moscow-led": "moscow led",
	} {
		if got, _ := normKey(in); got != want {
			t.Errorf("normKey(%q) = %q, want %q", in, got, want)
		}
	}
}

func FuzzMatchText(f *testing.F) {
	for _, s := range []string{"Russia, NATO’s CIS", "post-Soviet Moscow-led", "South\nOssetia", "\xff\xfe'", "’s's-'", "Tadjikistan Saakashvilli"} {
		f.Add(s)
	}
	g, err := New(WithoutDefaults(), WithFile("testdata/small.jsonl"))
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, text string) {
		toks := Tokenize(text)
		prev := 0
		for _, s := range toks {
			if s.Start < prev || s.End <= s.Start || s.End > len(text) {
				t.Fatalf("bad token %v in %q", s, text)
			}
			prev = s.End
		}
		prev = 0
		for _, m := range g.MatchText(text) {
			if m.Start < prev || m.End <= m.Start || m.End > len(text) || m.TokenStart >= m.TokenEnd || m.TokenEnd > len(toks) {
				t.Fatalf("bad match %+v in %q", m, text)
			}
			if m.Start < toks[m.TokenStart].Start || m.End > toks[m.TokenEnd-1].End {
				t.Fatalf("match %+v outside its tokens in %q", m, text)
			}
			prev = m.End
		}
		g.Lookup(text)
	})
}

// goldMention is an entity of the seed article's gold file.
type goldMention struct {
	Text, Type, Name string
	Optional         bool
	Start, End       int
}

// TestSeedArticle matches the seed article with the default data: every
// gold STATE, ORG, PERSON and LOCATION mention whose name the gazetteer
// knows must be found with its span and canonical name.
func TestSeedArticle(t *testing.T) {
	g, err := New()
	if err != nil {
		t.Fatal(err)
	}
	text, err := os.ReadFile("../testdata/rt-caucasus-security-outline.txt")
	if err != nil {
		t.Fatal(err)
	}
	raw, err := os.ReadFile("../testdata/rt-caucasus-security-outline.gold.json")
	if err != nil {
		t.Fatal(err)
	}
	var gold struct{ Entities []goldMention }
	if err := json.Unmarshal(raw, &gold); err != nil {
		t.Fatal(err)
	}
	found := map[[2]int]Match{}
	for _, m := range g.MatchText(string(text)) {
		found[[2]int{m.Start, m.End}] = m
	}
	unknown := map[string]bool{}
	for _, e := range gold.Entities {
		if e.Type == "DATE" {
			continue
		}
		if _, ok := g.Lookup(e.Name); !ok {
			unknown[e.Name] = true
			continue
		}
		m, ok := found[[2]int{e.Start, e.End}]
		switch {
		case !ok && !e.Optional:
			t.Errorf("%s %q at %d: not matched", e.Type, e.Text, e.Start)
		case ok && m.Name != e.Name:
			t.Errorf("%s %q at %d: matched %s (%s), want %s", e.Type, e.Text, e.Start, m.ID, m.Name, e.Name)
		}
	}
	for name := range unknown {
		t.Logf("not in the default data: %s", name)
	}
}

// TestMatchDefault tests the names of the seed article and the variants
// named in the design against the default embedded data.
func TestMatchDefault(t *testing.T) {
	g, err := New()
	if err != nil {
		t.Fatal(err)
	}
	runMatchCases(t, g, []matchCase{
		{"Russia", []string{"Russia|state/russia|name"}},
		{"Abkhazia", []string{"Abkhazia|state/abkhazia|name"}},
		{"South Ossetia", []string{"South Ossetia|state/south-ossetia|name"}},
		{"NATO", []string{"NATO|org/nato|name"}},
		{"Izvestia", []string{"Izvestia|org/izvestia|name"}},
		{"Collective Security Treaty Organization", []string{"Collective Security Treaty Organization|org/csto|name"}},
		{"Armenia", []string{"Armenia|state/armenia|name"}},
		{"Belarus", []string{"Belarus|state/belarus|name"}},
		{"Kazakhstan", []string{"Kazakhstan|state/kazakhstan|name"}},
		{"Kyrgyzstan", []string{"Kyrgyzstan|state/kyrgyzstan|name"}},
		{"Tajikistan", []string{"Tajikistan|state/tajikistan|name"}},
		{"Serbia", []string{"Serbia|state/serbia|name"}},
		{"Afghanistan", []string{"Afghanistan|state/afghanistan|name"}},
		{"Georgia", []string{"Georgia|state/georgia|name|alt=location/georgia-us-state"}},
		{"the EU", []string{"EU|org/eu|alias"}},
		{"Vladimir Putin", []string{"Vladimir Putin|person/vladimir-putin|name"}},
		{"Raul Khadzhinba", []string{"Raul Khadzhinba|person/raul-khadzhinba|name"}},
		{"Mikhail Saakashvili", []string{"Mikhail Saakashvili|person/mikhail-saakashvili|name"}},
		{"the CIS", []string{"CIS|org/cis|alias"}},
		{"the cis", nil},
		{"Soviet Union", []string{"Soviet Union|state/soviet-union|name"}},
		{"Russian President", []string{"Russian|state/russia|adjective"}},
		{"Abkhazian leader", []string{"Abkhazian|state/abkhazia|adjective"}},
		{"Georgian attack", []string{"Georgian|state/georgia|adjective"}},
		{"post-Soviet bloc", []string{"Soviet|state/soviet-union|adjective"}},
		{"Moscow-led alliance", []string{"Moscow|location/moscow|name"}},
		{"two Caucasus nations", []string{"Caucasus|location/caucasus|name"}},
		{"RT Team", []string{"RT|org/rt|name"}},
		{"NATO’s structure", []string{"NATO|org/nato|name"}},
		{"South Ossetia’s ambassador", []string{"South Ossetia|state/south-ossetia|name"}},
		{"RUSSIA, CAUCASUS ALLIES", []string{"RUSSIA|state/russia|name", "CAUCASUS|location/caucasus|name"}},
		{"Collective Security\nTreaty Organization", []string{"Collective Security\nTreaty Organization|org/csto|name"}},
		{"Khajimba", []string{"Khajimba|person/raul-khadzhinba|alias"}},
		{"Zelenskyy", []string{"Zelenskyy|person/volodymyr-zelensky|alias"}},
		{"Zelensky", []string{"Zelensky|person/volodymyr-zelensky|alias"}},
		{"Tadjikistan", []string{"Tadjikistan|state/tajikistan|fuzzy|d=1"}},
		{"Saakashvilli", []string{"Saakashvilli|person/mikhail-saakashvili|fuzzy|d=1"}},
		{"Kirgizstan", []string{"Kirgizstan|state/kyrgyzstan|fuzzy|d=2"}},
		{"Iran and Iraq", []string{"Iran|state/iran|name", "Iraq|state/iraq|name"}},
		{"Austria and Australia", []string{"Austria|state/austria|name", "Australia|state/australia|name"}},
		{"Niger and Nigeria", []string{"Niger|state/niger|name", "Nigeria|state/nigeria|name"}},
		{"Sudan and South Sudan", []string{"Sudan|state/sudan|name", "South Sudan|state/south-sudan|name"}},
		{"Guinea, Guinea-Bissau, Equatorial Guinea, Papua New Guinea", []string{"Guinea|state/guinea|name", "Guinea-Bissau|state/guinea-bissau|name", "Equatorial Guinea|state/equatorial-guinea|name", "Papua New Guinea|state/papua-new-guinea|name"}},
		{"Dominica and the Dominican Republic", []string{"Dominica|state/dominica|name", "Dominican Republic|state/dominican-republic|name"}},
		{"Slovakia and Slovenia", []string{"Slovakia|state/slovakia|name", "Slovenia|state/slovenia|name"}},
		{"Austrlia", nil},
		{"The States", nil},
		{"Union", nil},
		{"Nation", nil},
	})
}

// TestMixedCaseAcronyms: a short name with capitals inside (LeT, DoD) is
// an acronym, matched with exactly its capitals, so that the word "Let"
// or a headline's "LET" is not Lashkar-e-Taiba; a longer name with
// capitals inside (McCain) keeps the ordinary case rules.
func TestMixedCaseAcronyms(t *testing.T) {
	data := `{"id":"org/dod","name":"Department of Defense","aliases":["DoD"]}
{"id":"org/let","name":"Lashkar-e-Taiba","aliases":["LeT"]}
{"id":"person/john-mccain","name":"John McCain","aliases":["McCain"]}
`
	g, err := New(WithoutDefaults(), WithReader("mixed.jsonl", strings.NewReader(data)))
	if err != nil {
		t.Fatal(err)
	}
	runMatchCases(t, g, []matchCase{
		{"LeT and the DoD", []string{"LeT|org/let|alias", "DoD|org/dod|alias"}},
		{"Let us see what the Dod said.", nil},
		{"LET IT BE", nil},
		{"Senator McCain", []string{"McCain|person/john-mccain|alias"}},
		{"MCCAIN WINS", []string{"MCCAIN|person/john-mccain|alias"}},
	})
}

// TestCurrentEntryFirst: of two people who share a name, the one who still
// holds a role comes first, whatever their ids; the other is listed as an
// alternative. Without a current role the id decides.
func TestCurrentEntryFirst(t *testing.T) {
	data := `{"id":"person/a-berdy","name":"Ata Berdy","aliases":["Berdy"],"roles":[{"role":"President","of":"state/x","from":"2007","to":"2022"}],"ambiguous":["Berdy"]}
{"id":"person/b-berdy","name":"Bora Berdy","aliases":["Berdy"],"roles":[{"role":"President","of":"state/x","from":"2022"}],"ambiguous":["Berdy"]}
{"id":"person/c-clint","name":"Cal Clint","aliases":["Clint"],"roles":[{"role":"President","of":"state/x","from":"1993","to":"2001"}],"ambiguous":["Clint"]}
{"id":"person/d-clint","name":"Dee Clint","aliases":["Clint"],"ambiguous":["Clint"]}
{"id":"state/x","name":"Xland"}
`
	g, err := New(WithoutDefaults(), WithReader("current.jsonl", strings.NewReader(data)))
	if err != nil {
		t.Fatal(err)
	}
	runMatchCases(t, g, []matchCase{
		{"Berdy spoke.", []string{"Berdy|person/b-berdy|alias|alt=person/a-berdy"}},
		{"Clint spoke.", []string{"Clint|person/c-clint|alias|alt=person/d-clint"}},
	})
}
