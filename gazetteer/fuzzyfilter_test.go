package gazetteer

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/agnivade/levenshtein"
)

// TestPolyInverse checks the constants of the polynomial hash.
func TestPolyInverse(t *testing.T) {
	b, inv := uint32(polyBase), uint32(polyInv)
	if b*inv != 1 || inv*inv != polyInv2 {
		t.Errorf("B·B⁻¹ = %#x, B⁻¹·B⁻¹ = %#x (want 1, %#x)", b*inv, inv*inv, uint32(polyInv2))
	}
	for i, m := range filterMasks {
		if n := popcount(m); n != filterK {
			t.Fatalf("filterMasks[%d] has %d bits, want %d", i, n, filterK)
		}
	}
}

func popcount(x uint64) int {
	n := 0
	for ; x != 0; x &= x - 1 {
		n++
	}
	return n
}

// polyHash is the polynomial hash of runes by its definition.
func polyHash(runes []rune) uint32 {
	h, p := uint32(0), uint32(1)
	for _, r := range runes {
		h += polyRune(r) * p
		p *= polyBase
	}
	return h
}

// TestDeleteKeys checks visitDeleteKeys against the hashes of the
// variants built one by one, and anyDeleteKey against visitDeleteKeys
// with mayHave, on a filter that holds some of the keys.
func TestDeleteKeys(t *testing.T) {
	runes := []rune("abkhàzia-é")
	for n := 0; n <= sigLong; n++ {
		for d := 0; d <= 2; d++ {
			var want []uint32
			want = append(want, polyHash(runes[:n])+7)
			for i := 0; d >= 1 && i < n; i++ {
				want = append(want, polyHash(slices.Delete(slices.Clone(runes[:n]), i, i+1))+7)
			}
			for i := 0; d >= 2 && i < n; i++ {
				for j := i + 1; j < n; j++ {
					v := slices.Delete(slices.Clone(runes[:n]), j, j+1)
					want = append(want, polyHash(slices.Delete(v, i, i+1))+7)
				}
			}
			var got []uint32
			visitDeleteKeys(runes[:n], d, 7, func(k uint32) bool { got = append(got, k); return false })
			if !slices.Equal(got, want) {
				t.Fatalf("n %d d %d: got %x, want %x", n, d, got, want)
			}
			for k := range want { // a filter with one of the keys: anyDeleteKey finds it
				var f fuzzyFilter
				f.init(16)
				f.add(want[k])
				visit := visitDeleteKeys(runes[:n], d, 7, f.mayHave)
				if any := f.anyDeleteKey(runes[:n], d, 7); !any || any != visit {
					t.Fatalf("n %d d %d key %d: anyDeleteKey %v, visitDeleteKeys %v", n, d, k, any, visit)
				}
			}
		}
	}
}

// edit returns s with k random edits (substitutions, insertions and
// deletions of letters, never of the first rune).
func edit(rng *rand.Rand, s string, k int) string {
	r := []rune(s)
	letters := []rune("abcdefghijklmnopqrstuvwxyzé ")
	for range k {
		if len(r) < 2 {
			break
		}
		i := 1 + rng.IntN(len(r)-1)
		c := letters[rng.IntN(len(letters))]
		switch rng.IntN(3) {
		case 0:
			r[i] = c
		case 1:
			r = slices.Insert(r, i, c)
		default:
			r = slices.Delete(r, i, i+1)
		}
	}
	return string(r)
}

// bruteFuzzy returns the forms that fuzzySearch may report for key by
// definition: every indexed form within reach, by a scan of them all.
func (g *Gazetteer) bruteFuzzy(key string, letters, d int) []int32 {
	var out []int32
	first, _ := utf8.DecodeRuneInString(key)
	for f := range g.forms {
		fm := &g.forms[f]
		if !fm.fuzzy {
			continue
		}
		if diff := int(fm.letters) - letters; diff > d || -diff > d {
			continue
		}
		if r, _ := utf8.DecodeRuneInString(fm.key); r != first {
			continue
		}
		bound := fuzzyBound(min(letters, int(fm.letters)))
		if bound > 0 && levenshtein.ComputeDistance(key, fm.key) <= bound && g.plausible(key, int32(f)) {
			out = append(out, int32(f))
		}
	}
	slices.Sort(out)
	return out
}

// TestFuzzyFilter checks that the filter never drops a fuzzy match: for
// every indexed name, edited at random (one or two edits, and windows of
// several words with one word changed), fuzzySearch with the filter finds
// exactly what it finds without it (same hits, same order), which is what
// a scan of all names finds; and that the filter does turn most of the
// fruitless searches away.
func TestFuzzyFilter(t *testing.T) {
	g, err := New()
	if err != nil {
		t.Fatal(err)
	}
	rng := rand.New(rand.NewPCG(1, 2))
	var keys []string
	for f := range g.forms {
		fm := &g.forms[f]
		if !fm.fuzzy {
			continue
		}
		for k := 1; k <= 3; k++ {
			keys = append(keys, edit(rng, fm.key, k))
		}
		if words := strings.Split(fm.key, " "); len(words) > 1 { // another word in one place
			o := strings.Split(g.forms[rng.IntN(len(g.forms))].key, " ")
			words[rng.IntN(len(words))] = o[0]
			keys = append(keys, strings.Join(words, " "))
		}
	}
	var a, b scratch
	found, fruitless, turned := 0, 0, 0
	for _, key := range keys {
		letters := countLetters(key)
		d := fuzzyBound(letters)
		if d == 0 {
			continue
		}
		g.fuzzySearch(&a, key, letters, d)
		b.hits = b.hits[:0]
		g.searchIndex(&b, key, letters, d)
		if !slices.Equal(a.hits, b.hits) {
			t.Fatalf("%q: %v with the filter, %v without", key, a.hits, b.hits)
		}
		var got []int32
		for _, h := range a.hits {
			got = append(got, h.form)
		}
		slices.Sort(got)
		if want := g.bruteFuzzy(key, letters, d); !slices.Equal(got, want) {
			t.Fatalf("%q: fuzzySearch finds %v, a scan of all names %v", key, got, want)
		}
		if len(got) > 0 {
			found++
		} else {
			fruitless++
			if !g.fz.filter.mayMatch(&a, key, d) {
				turned++
			}
		}
	}
	t.Logf("%d windows: %d found a name, %d found none, of which the filter turned %d away", len(keys), found, fruitless, turned)
	if found < len(keys)/5 || turned < fruitless/2 {
		t.Errorf("%d of %d windows found a name, the filter turned %d of %d fruitless ones away", found, len(keys), turned, fruitless)
	}
}
