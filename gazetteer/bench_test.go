package gazetteer

import (
	"fmt"
	"math/rand/v2"
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/agnivade/levenshtein"
)

// Benchmarks of the hot paths, with the baseline they beat in the same
// file (a linear Levenshtein scan over every name). Run:
//
//	go test -run '^$' -bench . -benchmem ./gazetteer/

// synthetic builds a gazetteer of n entries with plausible random names
// (syllables: "Valdoria", "Karim Ostrovenko"), each with an alias, and
// returns it with the names it holds.
func synthetic(tb testing.TB, n int) (*Gazetteer, []string) {
	tb.Helper()
	rng := rand.New(rand.NewPCG(1, 2))
	onsets := []string{"b", "d", "f", "g", "k", "l", "m", "n", "p", "r", "s", "t", "v", "z", "br", "kr", "st", "tr", "sh", "ch", "gr", "dr", "kh", "zh"}
	vowels := []string{"a", "e", "i", "o", "u", "ia", "ei", "ou", "y"}
	codas := []string{"", "", "", "n", "r", "l", "s", "k", "m", "sk", "nd", "v"}
	word := func(syll int) string {
		var b strings.Builder
		for range syll {
			b.WriteString(onsets[rng.IntN(len(onsets))])
			b.WriteString(vowels[rng.IntN(len(vowels))])
			b.WriteString(codas[rng.IntN(len(codas))])
		}
		s := b.String()
		return strings.ToUpper(s[:1]) + s[1:]
	}
	suffixes := []string{"ia", "stan", "land", "ovo", "grad", "burg", "ova", "enko", "ski"}
	seen := map[string]bool{}
	var entries []Entry
	var names []string
	fresh := func(s string) bool {
		k, _ := normKey(s)
		if seen[k] {
			return false
		}
		seen[k] = true
		return true
	}
	kinds := []Kind{State, Org, Person, Location}
	for i := 0; len(entries) < n; i++ {
		kind := kinds[i%len(kinds)]
		var name, alias string
		switch kind {
		case Person:
			name = word(1+rng.IntN(2)) + " " + word(2+rng.IntN(2)) + suffixes[rng.IntN(len(suffixes))]
			alias = word(2) + " " + strings.Fields(name)[1]
		case Org:
			name = word(2) + " " + []string{"Union", "Council", "Party", "Alliance", "Front"}[rng.IntN(5)]
			alias = word(2 + rng.IntN(2))
		default:
			name = word(2+rng.IntN(2)) + suffixes[rng.IntN(len(suffixes))]
			alias = "Republic of " + name
		}
		if !fresh(name) || !fresh(alias) {
			continue
		}
		id := fmt.Sprintf("%s/e%07d", kind, i)
		entries = append(entries, Entry{ID: id, Name: name, Aliases: []string{alias}})
		names = append(names, name, alias)
	}
	g, err := New(WithoutDefaults(), WithEntries(entries...))
	if err != nil {
		tb.Fatal(err)
	}
	return g, names
}

var syn100k = sync.OnceValues(func() (*Gazetteer, []string) {
	g, names := synthetic(nopTB{}, 100_000)
	return g, names
})

// nopTB lets synthetic run outside a test; New cannot fail on its data.
type nopTB struct{ testing.TB }

func (nopTB) Helper()                   {}
func (nopTB) Fatal(args ...any)         { panic(fmt.Sprint(args...)) }
func (nopTB) Fatalf(f string, a ...any) { panic(fmt.Sprintf(f, a...)) }

// misspell returns names with one edit each (not on the first letter, on
// names of at least 9 letters so that the edit is within reach).
func misspell(names []string, n int) []string {
	rng := rand.New(rand.NewPCG(3, 4))
	var out []string
	for len(out) < n {
		s := names[rng.IntN(len(names))]
		if countLetters(s) < 9 || strings.ContainsAny(s, " ") {
			continue
		}
		r := []rune(s)
		i := 1 + rng.IntN(len(r)-1)
		switch rng.IntN(3) {
		case 0:
			r[i] = 'q'
		case 1:
			r = append(r[:i], r[i+1:]...)
		default:
			r = append(r[:i], append([]rune{'x'}, r[i:]...)...)
		}
		out = append(out, string(r))
	}
	return out
}

// scan is the baseline: the closest name by a Levenshtein scan over every
// name key of g.
func scan(g *Gazetteer, query string) (int32, int) {
	key, _ := normKey(query)
	best, bestD := int32(-1), 3
	for f := range g.forms {
		if d := levenshtein.ComputeDistance(key, g.forms[f].key); d < bestD {
			best, bestD = int32(f), d
		}
	}
	return best, bestD
}

func BenchmarkLoadDefault(b *testing.B) {
	for b.Loop() {
		if _, err := New(); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Milliseconds())/float64(b.N), "ms/load")
}

func BenchmarkLoadSynthetic100k(b *testing.B) {
	_, names := syn100k()
	_ = names
	for b.Loop() {
		synthetic(b, 100_000)
	}
}

func benchLookups(b *testing.B, g *Gazetteer, queries []string, wantFuzzy bool) {
	b.Helper()
	for _, q := range queries {
		m, ok := g.Lookup(q)
		if !ok || (m.How == ByFuzzy) != wantFuzzy {
			b.Fatalf("Lookup(%q) = %+v, %v", q, m, ok)
		}
	}
	i := 0
	for b.Loop() {
		g.Lookup(queries[i%len(queries)])
		i++
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "lookups/s")
}

func defaultNames(b *testing.B) (*Gazetteer, []string) {
	g, err := New()
	if err != nil {
		b.Fatal(err)
	}
	var names []string
	for _, k := range Kinds() {
		for _, e := range g.Entries(k) {
			if m, ok := g.Lookup(e.Name); ok && m.ID == e.ID {
				names = append(names, e.Name)
			}
		}
	}
	return g, names
}

func BenchmarkLookupExactDefault(b *testing.B) {
	g, names := defaultNames(b)
	benchLookups(b, g, names, false)
}

func BenchmarkLookupFuzzyDefault(b *testing.B) {
	g, names := defaultNames(b)
	var queries []string
	for _, q := range misspell(names, 2000) {
		if m, ok := g.Lookup(q); ok && m.How == ByFuzzy {
			queries = append(queries, q)
		}
	}
	benchLookups(b, g, queries, true)
}

func BenchmarkLookupExact100k(b *testing.B) {
	g, names := syn100k()
	benchLookups(b, g, names[:10000], false)
}

func BenchmarkLookupFuzzy100k(b *testing.B) {
	g, names := syn100k()
	var queries []string
	for _, q := range misspell(names, 2000) {
		if m, ok := g.Lookup(q); ok && m.How == ByFuzzy {
			queries = append(queries, q)
		}
	}
	benchLookups(b, g, queries, true)
}

// BenchmarkFuzzyVsScan100k times fuzzy lookups through the deletion index
// and the baseline linear scan in the same run, and reports the ratio.
func BenchmarkFuzzyVsScan100k(b *testing.B) {
	g, names := syn100k()
	queries := misspell(names, 200)
	var idx, lin time.Duration
	var nIdx, nLin int
	for b.Loop() {
		t0 := time.Now()
		for _, q := range queries {
			g.Lookup(q)
		}
		idx += time.Since(t0)
		nIdx += len(queries)
		t0 = time.Now()
		for _, q := range queries[:4] {
			scan(g, q)
		}
		lin += time.Since(t0)
		nLin += 4
	}
	perIdx := float64(idx.Nanoseconds()) / float64(nIdx)
	perLin := float64(lin.Nanoseconds()) / float64(nLin)
	b.ReportMetric(perIdx, "ns/index-lookup")
	b.ReportMetric(perLin, "ns/scan-lookup")
	b.ReportMetric(perLin/perIdx, "x-faster")
}

// TestFuzzyIndexBeatsScan asserts that on the synthetic 100k gazetteer
// fuzzy lookups are at least 100 times faster than a linear scan, and
// find what the scan finds.
func TestFuzzyIndexBeatsScan(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a 100,000-entry gazetteer")
	}
	g, names := syn100k()
	queries := misspell(names, 300)
	t0 := time.Now()
	for range 10 {
		for _, q := range queries {
			g.Lookup(q)
		}
	}
	perIdx := time.Since(t0) / time.Duration(10*len(queries))

	k := 20 // scans are slow, the more so under the race detector
	if raceEnabled {
		k = 4
	}
	agree := 0
	t0 = time.Now()
	for _, q := range queries[:k] {
		f, d := scan(g, q)
		if m, ok := g.Lookup(q); ok && g.entries[g.recs[g.forms[f].r0].entry].ID == m.ID && d == m.Distance {
			agree++
		}
	}
	perLin := time.Since(t0) / time.Duration(k)
	ratio := float64(perLin) / float64(perIdx)
	t.Logf("fuzzy lookup %v, linear scan %v: %.0fx; the index finds what the scan finds for %d of %d misspellings", perIdx, perLin, ratio, agree, k)
	if ratio < 100 {
		t.Errorf("fuzzy index only %.0fx faster than a linear scan, want >= 100x", ratio)
	}
	if agree < k*8/10 {
		t.Errorf("the index finds what the scan finds for only %d of %d misspellings", agree, k)
	}
}

func seedArticle(b *testing.B) string {
	text, err := os.ReadFile("../testdata/rt-caucasus-security-outline.txt")
	if err != nil {
		b.Fatal(err)
	}
	return string(text)
}

// BenchmarkMatchTextSeed matches the seed article (about 650 tokens) with
// the default data.
func BenchmarkMatchTextSeed(b *testing.B) {
	g, err := New()
	if err != nil {
		b.Fatal(err)
	}
	text := seedArticle(b)
	tokens := len(Tokenize(text))
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		g.MatchText(text)
	}
	b.ReportMetric(float64(tokens*b.N)/b.Elapsed().Seconds(), "tokens/s")
}

// BenchmarkMatchSeed is Match with precomputed tokens: the cost of the
// matcher alone.
func BenchmarkMatchSeed(b *testing.B) {
	g, err := New()
	if err != nil {
		b.Fatal(err)
	}
	text := seedArticle(b)
	tokens := Tokenize(text)
	b.ReportAllocs()
	for b.Loop() {
		g.Match(text, tokens)
	}
	b.ReportMetric(float64(len(tokens)*b.N)/b.Elapsed().Seconds(), "tokens/s")
}
