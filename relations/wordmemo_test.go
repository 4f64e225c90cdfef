package relations

import (
	"maps"
	"strings"
	"testing"
	"unsafe"
)

// plainClass is classify by the rules' own tests, one list at a time.
func plainClass(x *Extractor, low, stm string) (wordClass, uint8) {
	var c wordClass
	bits := []struct {
		ok  bool
		bit wordClass
	}{
		{negationCues[low], wcNegation},
		{agreeToCues[low], wcAgreeTo},
		{possibleCues[low], wcPossible},
		{clauseBreak[low], wcClauseBreak},
		{presupposing[stm], wcPresupposing},
		{possessivePronouns[low], wcPossessive},
		{formerWords[low], wcFormer},
		{futureWords[low], wcFuture},
		{preRoleAdjectives[low] || strings.HasPrefix(low, "pro-") || strings.HasPrefix(low, "anti-") || isOrdinal(low), wcPreRole},
		{roleStopWords[low] || isPunct(low), wcRoleStop},
		{copulas[low], wcCopula},
		{auxWords[low], wcAux},
		{x != nil && len(x.lex.triggers[stm]) > 0, wcTrigger},
		{x != nil && x.lex.titles.heads[low], wcTitleHead},
	}
	for _, b := range bits {
		if b.ok {
			c |= b.bit
		}
	}
	var cue uint8
	for i, typ := range cueTypes {
		if cueWords[typ][stm] || cueWords[typ][low] {
			cue |= 1 << i
		}
	}
	return c, cue
}

// TestWordMemo checks the memo of lower-case forms, stems and classes
// against lower, stem and plainClass: for words that miss, then hit, for
// more words than the memo has slots (so that slots are replaced), for
// long and empty words, for every word of the lists, with two Extractors
// in turn, and that the memo keeps copies, not the caller's text.
func TestWordMemo(t *testing.T) {
	x1, err := New()
	if err != nil {
		t.Fatal(err)
	}
	x2, err := New(WithTriggers(Attacked, "pound", "strafe"))
	if err != nil {
		t.Fatal(err)
	}
	var m wordMemo
	words := []string{"", "Said", "SAID", "said", "Organisations", "studies", "Ünited", "İstanbul", "x\xffY", "'s", "n't",
		"Pound", "pounded", "strafed", "pro-Russian", "Anti-war", "45th", "thirty-second", "-thirty-second", "-", "21st", "1st-", "“", "Minister", "presidents",
		strings.Repeat("Running", 5), strings.Repeat("a", wordMemoMax), strings.Repeat("A", wordMemoMax+1)}
	for w := range irregular {
		words = append(words, w, strings.ToUpper(w))
	}
	for _, l := range lowClassLists {
		for w := range l.words {
			words = append(words, w, strings.ToUpper(w[:1])+w[1:])
		}
	}
	for _, ws := range cueWords {
		words = append(words, slicesOf(ws)...)
	}
	words = append(words, slicesOf(presupposing)...)
	words = append(words, titleHeads...)
	for i := range 3 * wordMemoSlots {
		words = append(words, "Plann"+strings.Repeat("e", i%5)+string(rune('a'+i%26))+string(rune('A'+i/26%26))+"ed")
	}
	for _, x := range []*Extractor{x1, x2, x1} {
		for range 2 {
			for _, w := range words {
				f := m.forms(x, w)
				wantLow, wantStm := lower(w), stem(lower(w))
				wantCls, wantCue := plainClass(x, wantLow, wantStm)
				if f.low != wantLow || f.stm != wantStm || f.cls != wantCls || f.cue != wantCue {
					t.Fatalf("forms(%q) = %q, %q, %b, %b, want %q, %q, %b, %b", w, f.low, f.stm, f.cls, f.cue, wantLow, wantStm, wantCls, wantCue)
				}
			}
		}
	}
	b := []byte("Ministers")
	m.forms(x1, unsafe.String(&b[0], len(b))) // the caller's text, aliased
	copy(b, "XXXXXXXXX")
	for _, f := range m.slots {
		if f.text == "XXXXXXXXX" || f.low == "xxxxxxxxx" {
			t.Fatalf("the memo holds the caller's text: %+v", f)
		}
	}
}

func slicesOf(set map[string]bool) []string {
	var out []string
	for w := range maps.Keys(set) {
		out = append(out, w)
	}
	return out
}

// TestWordFilter checks that a wordFilter passes every key, and rejects
// some other words.
func TestWordFilter(t *testing.T) {
	x, err := New(WithTriggers(Attacked, "pound", "strafe"))
	if err != nil {
		t.Fatal(err)
	}
	sets := []map[string]bool{presupposing, possessivePronouns, {"": true, strings.Repeat("long", 20): true, "é": true}}
	for _, l := range lowClassLists {
		sets = append(sets, l.words)
	}
	heads := x.lex.titles.heads
	trigs := map[string]bool{}
	for k := range x.lex.triggers {
		trigs[k] = true
	}
	for _, set := range append(sets, heads, trigs) {
		f := newWordFilter(maps.Keys(set))
		rejected := 0
		for _, w := range append(slicesOf(set), "", "zzzq", "said", "x", strings.Repeat("long", 21)) {
			if !f.mayHave(w) {
				rejected++
				if set[w] {
					t.Errorf("the filter rejects %q, a key", w)
				}
			}
		}
		if rejected == 0 {
			t.Errorf("the filter of %d keys rejects nothing", len(set))
		}
	}
	for k := range classTable {
		if !classFilter.mayHave(k) {
			t.Errorf("classFilter rejects %q", k)
		}
	}
	for k := range trigs {
		if !x.lex.trigFilter.mayHave(k) {
			t.Errorf("trigFilter rejects %q", k)
		}
	}
	for k := range heads {
		if !x.lex.headFilter.mayHave(k) {
			t.Errorf("headFilter rejects %q", k)
		}
	}
}
