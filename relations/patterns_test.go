package relations_test

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/statecraft/statecraft/entities"
	"github.com/statecraft/statecraft/relations"
)

// TestPatternExamples runs every built-in pattern rule on its examples
// (each must yield exactly its relations) and counter sentences (none).
func TestPatternExamples(t *testing.T) {
	ee, _ := pipeline(t)
	rx, err := relations.New(relations.WithoutModel())
	if err != nil {
		t.Fatal(err)
	}
	if len(rx.PatternRuleNames()) == 0 {
		t.Fatal("no built-in pattern rules")
	}
	if err := rx.CheckRuleExamples(context.Background(), ee); err != nil {
		t.Error(err)
	}
}

// TestPatternFileSorted checks that the built-in rules are sorted by name.
func TestPatternFileSorted(t *testing.T) {
	rx, err := relations.New(relations.WithoutModel())
	if err != nil {
		t.Fatal(err)
	}
	names := rx.PatternRuleNames()
	if !slices.IsSorted(names) {
		t.Errorf("built-in pattern rules not sorted by name: %v", names)
	}
}

// TestPatternExamplesFail checks that CheckRuleExamples reports an
// example whose relations the rule does not give, and a counter sentence
// it matches.
func TestPatternExamplesFail(t *testing.T) {
	ee, _ := pipeline(t)
	rules := `rule user/expelled
type: opposes
match: {STATE}=subject !expelled {STATE}=object 's? diplomats?
example: Russia expelled Estonia's diplomats. => opposes asserted Estonia -> Russia
counter: Russia expelled Estonia.
`
	rx, err := relations.New(relations.WithoutModel(), relations.WithRules(strings.NewReader(rules)))
	if err != nil {
		t.Fatal(err)
	}
	err = rx.CheckRuleExamples(context.Background(), ee)
	if err == nil {
		t.Fatal("no error for a wrong example and a matching counter")
	}
	for _, want := range []string{"rules 1:4: rule user/expelled", `want ["opposes asserted Estonia -> Russia"]`, "rules 1:5: rule user/expelled"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error %q lacks %q", err, want)
		}
	}
}

// TestWithRules checks a user rule file: its rule runs in the Extractor,
// a built-in rule is switched off by name, and the rule's examples pass.
func TestWithRules(t *testing.T) {
	ee, _ := pipeline(t)
	rules := `# a user's rules
list expel: expelled expels expel
disable recognized-by/passive

rule user/expelled-diplomats
type: opposes
match: {STATE}=subject !$expel {STATE}=object 's|’s diplomats|envoys|ambassador
example: Poland expelled Belarus's diplomats on Monday. => opposes asserted Poland -> Belarus
counter: Poland expelled Belarus on Monday.
`
	path := filepath.Join(t.TempDir(), "user.rules")
	if err := os.WriteFile(path, []byte(rules), 0o644); err != nil {
		t.Fatal(err)
	}
	for name, opt := range map[string]relations.Option{"WithRules": relations.WithRules(strings.NewReader(rules)), "WithRuleFile": relations.WithRuleFile(path)} {
		t.Run(name, func(t *testing.T) {
			rx, err := relations.New(relations.WithoutModel(), opt)
			if err != nil {
				t.Fatal(err)
			}
			names := rx.PatternRuleNames()
			if slices.Contains(names, "recognized-by/passive") || !slices.Contains(names, "user/expelled-diplomats") {
				t.Errorf("rules %v: want user/expelled-diplomats and not recognized-by/passive", names)
			}
			if err := rx.CheckRuleExamples(context.Background(), ee); err != nil {
				t.Error(err)
			}
			doc, err := ee.Extract(context.Background(), "Abkhazia was recognized as independent by Russia. Lithuania expelled Russia's ambassador.")
			if err != nil {
				t.Fatal(err)
			}
			rs, err := rx.Extract(context.Background(), doc)
			if err != nil {
				t.Fatal(err)
			}
			got := formatAll(rs)
			want := []string{"opposes asserted Lithuania -> Russia"}
			if !slices.Equal(got, want) {
				t.Errorf("got %q, want %q", got, want)
			}
		})
	}
}

// TestBadRules checks that every problem of a rule file is reported, as
// file:line: reason, and that nothing is built.
func TestBadRules(t *testing.T) {
	rules := `rule a
type: opposes
match: {STATE}=subject criticised {PLANET}=object
example: x => y
counter: z

rule b
type: lives-with
match: {STATE}=subject !
example: x => y

rule a
type: met-with
match: {PERSON}=subject met {PERSON}=object
example: x => y
counter: z
frobnicate: yes
list late: a b
disable no-such-rule
what is this
`
	_, err := relations.New(relations.WithoutModel(), relations.WithRules(strings.NewReader(rules)))
	if !errors.Is(err, relations.ErrBadRules) {
		t.Fatalf("err = %v, want ErrBadRules", err)
	}
	for _, want := range []string{
		`rules 1:3: rule a: type "PLANET"`,
		`rules 1:8: rule b: unknown relation type "lives-with"`,
		`rules 1:9: rule b: an empty element`,
		`rules 1:7: rule b needs at least one example and one counter sentence`,
		`rules 1:12: rule a already defined on line 1`,
		`rules 1:14: rule a: met-with is symmetric: capture two or more parties`,
		`rules 1:17: rule a: unknown field "frobnicate"`,
		`rules 1:18: list late inside rule a`,
		`rules 1:20: unknown line "what"`,
	} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error lacks %q:\n%v", want, err)
		}
	}
	if _, err := relations.New(relations.WithRuleFile(filepath.Join(t.TempDir(), "missing.rules"))); !errors.Is(err, relations.ErrBadRules) {
		t.Errorf("missing file: err = %v, want ErrBadRules", err)
	}
	if _, err := relations.New(relations.WithRules(nil)); !errors.Is(err, relations.ErrBadRules) {
		t.Errorf("nil reader: err = %v, want ErrBadRules", err)
	}
	if _, err := relations.New(relations.WithRules(strings.NewReader("disable no-such-rule\n"))); err == nil || !strings.Contains(err.Error(), "disable no-such-rule: no such rule") {
		t.Errorf("disable of an unknown rule: err = %v", err)
	}
}

// FuzzRules checks that any rule file gives an Extractor or an error
// wrapping ErrBadRules, never a panic, and that a loaded file's rules run
// on a document without one.
func FuzzRules(f *testing.F) {
	for _, seed := range []string{
		"rule a\ntype: opposes\nmatch: {STATE}=subject !~blame {STATE ORG}=object -$p\nexample: A blamed B. => opposes asserted A -> B\ncounter: A.\n",
		"list p: 's\nrule b\ntype: met-with\nmatch: {PERSON}=party met|~talk with? the? @NN* {PERSON STATE}=party _* x+ y?\nexample: x => y\ncounter: z\n",
		"disable recognized-by/passive\n",
		"rule d\ntype: attacked\ndep: !~shell <obl:* x >nsubj {STATE ORG}=subject >obj {STATE LOCATION}=object >obl/by x\nexample: a => b\ncounter: c\n",
		"rule {\nmatch: {\n",
		"rule c\ntype: attacked\nmatch: -a -b -c {STATE}=subject {LOCATION}=object\nreplaces: member-of opposes\nmodality: possible\nattr: k=v\nexample: a => b\ncounter: c\n",
	} {
		f.Add(seed)
	}
	ee, err := entities.New(entities.WithParse(entities.ParseAll))
	if err != nil {
		f.Fatal(err)
	}
	doc, err := ee.Extract(context.Background(), "Russia blamed Ukraine's army. Putin met Xi and Modi in Moscow, which was shelled by Ukraine.")
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, rules string) {
		rx, err := relations.New(relations.WithoutModel(), relations.WithRules(strings.NewReader(rules)))
		if err != nil {
			if !errors.Is(err, relations.ErrBadRules) {
				t.Fatalf("error %v does not wrap ErrBadRules", err)
			}
			return
		}
		if _, err := rx.Extract(context.Background(), doc); err != nil {
			t.Fatal(err)
		}
	})
}

// TestPatternBacktracking checks that a pattern of many repeated
// elements, which could try exponentially many ways, is matched in
// bounded time.
func TestPatternBacktracking(t *testing.T) {
	ee, _ := pipeline(t)
	rules := "rule slow\ntype: opposes\nmatch: {STATE}=subject " + strings.Repeat("_* ", 30) + "zzz {STATE}=object\nexample: a => b\ncounter: c\n"
	rx, err := relations.New(relations.WithoutModel(), relations.WithRules(strings.NewReader(rules)))
	if err != nil {
		t.Fatal(err)
	}
	doc, err := ee.Extract(context.Background(), strings.Repeat("Russia said that the talks in the capital of the country went on and on. ", 20)+"Russia blamed Ukraine.")
	if err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	if _, err := rx.Extract(context.Background(), doc); err != nil {
		t.Fatal(err)
	}
	if d := time.Since(start); d > 5*time.Second {
		t.Errorf("Extract took %v with a backtracking pattern", d)
	}
}

// TestDepRules checks rules over the parse: they match on parsed
// sentences, through passive subjects, prepositions and coordination, and
// report their examples as failing on an unparsed document.
func TestDepRules(t *testing.T) {
	rules := `rule user/recognized-by-passive
type: recognized-by
dep: !~recognize >nsubj:pass {STATE}=subject >obl/by {STATE ORG}=object
example: Abkhazia was recognized by Russia and Nicaragua in 2008. => recognized-by asserted Abkhazia -> Nicaragua; recognized-by asserted Abkhazia -> Russia
counter: Russia recognized the passports of Abkhazia in 2008.

rule user/met
type: met-with
dep: ~meet >nsubj {PERSON STATE}=party >obj {PERSON STATE}=party
example: The speaker, Olaf Scholz, met President Emmanuel Macron in Paris. => met-with asserted [Emmanuel Macron, Olaf Scholz]
counter: Chancellor Olaf Scholz met reporters in Paris.
`
	rx, err := relations.New(relations.WithoutModel(), relations.WithRules(strings.NewReader(rules)))
	if err != nil {
		t.Fatal(err)
	}
	parsed, err := entities.New(entities.WithParse(entities.ParseAll))
	if err != nil {
		t.Fatal(err)
	}
	if err := rx.CheckRuleExamples(context.Background(), parsed); err != nil {
		t.Error(err)
	}
	plain, _ := pipeline(t)
	err = rx.CheckRuleExamples(context.Background(), plain)
	if err == nil || !strings.Contains(err.Error(), "not parsed") {
		t.Errorf("unparsed examples: err = %v, want a report of the missing parse", err)
	}
}

// TestPatternElements checks the elements that match without capturing:
// a mention that must be there ("{STATE}"), one that may be ("{STATE}?"),
// tag alternatives ("@JJ|@NN"), the word lists of the built-in rules
// ("$honorifics"), and rules whose required words are forms of words
// ("~condemn": the set runs a rule only in sentences that hold one), with
// the examples they must and must not match.
func TestPatternElements(t *testing.T) {
	ee, _ := pipeline(t)
	rules := `list poss: 's
list adv: strongly again
rule user/envoy-talks
type: met-with
match: {PERSON}=party held talks with {STATE}? $poss? @JJ|@NN* $honorifics? {PERSON}=party
example: Kerry held talks with Russia's foreign minister Sergei Lavrov. => met-with asserted [John Kerry, Sergei Lavrov]
example: Kerry held talks with Sir Nigel Sheinwald. => met-with asserted [John Kerry, Nigel Sheinwald]
counter: Kerry held talks with Russia on Monday.

rule user/condemned
type: opposes
match: {STATE}=subject $adv* !~condemn|~denounce {STATE}=object
example: Russia strongly condemned Ukraine on Monday. => opposes asserted Russia -> Ukraine
example: Russia denounces Ukraine. => opposes asserted Russia -> Ukraine
counter: Russia condemned the attack on Ukraine.

rule user/state-envoy
type: official-of
match: {STATE} $poss envoy {PERSON}=subject of the? {STATE ORG}=object
example: Russia's envoy Sergei Lavrov of the United Nations spoke. => official-of asserted Sergei Lavrov -> United Nations
counter: The envoy Sergei Lavrov of the United Nations spoke.
`
	rx, err := relations.New(relations.WithoutModel(), relations.WithRules(strings.NewReader(rules)))
	if err != nil {
		t.Fatal(err)
	}
	if err := rx.CheckRuleExamples(context.Background(), ee); err != nil {
		t.Error(err)
	}
	for _, bad := range []struct{ match, want string }{
		{"{STATE}=subject criticised {STATE}=boss", `role "boss"`},
		{"{STATE}=subject criticised {STATE}!", `want {TYPES}=role, {TYPES} or {TYPES}?`},
		{"{STATE}=subject criticised @ {STATE}=object", `want @TAG or @TAG|@TAG`},
		{"{STATE}=subject criticised @JJ|NN {STATE}=object", `want @TAG or @TAG|@TAG`},
		{"{STATE}=subject criticised $noSuchList {STATE}=object", `unknown list "$noSuchList"`},
	} {
		file := "rule x\ntype: opposes\nmatch: " + bad.match + "\nexample: a => b\ncounter: c\n"
		_, err := relations.New(relations.WithoutModel(), relations.WithRules(strings.NewReader(file)))
		if !errors.Is(err, relations.ErrBadRules) || !strings.Contains(err.Error(), bad.want) {
			t.Errorf("match %q: err = %v, want ErrBadRules naming %q", bad.match, err, bad.want)
		}
	}
}
