package relations

import (
	_ "embed"
	"fmt"
	"maps"
	"slices"
	"strings"
	"sync"

	"github.com/statecraft/statecraft/entities"
)

// trigClass restricts the part of speech a trigger may have in the
// sentence.
type trigClass uint8

const (
	anyClass trigClass = iota // verb or noun, as tagged
	verbOnly                  // used only when tagged as a verb
	nounOnly                  // used only when tagged as a noun (or adjective)
)

// trig is one compiled trigger.
type trig struct {
	words   []string // stems of the phrase's words
	def     *typeDef
	inverse bool
	class   trigClass
	// needMember: the object of the verb must be a membership phrase
	// ("pursues NATO entry", "seeks membership in the EU").
	needMember bool
	// blockSeek: a membership noun near a seeking word ("NATO membership
	// bid") is left to seeks-membership.
	blockSeek bool
	// meet: a symmetric verb that may be intransitive ("A and B met in
	// Moscow") but not with a non-entity object ("met criticism").
	meet bool
	// forceVerb: the trigger is used as a verb even when tagged otherwise
	// (phrases ending in a preposition: "allied with", "opposed to").
	phraseEndsPrep bool
	// pending: a membership noun used only under a verb that decides on a
	// pending application ("Turkey approved Sweden's accession to NATO").
	pending bool
}

// typeDef is a compiled [TypeDef].
type typeDef struct {
	t          Type
	symmetric  bool
	subj, obj  map[entities.Type]bool
	cats       map[string]bool
	modPatient bool // a non-adjectival mention modifying a nominal trigger is its patient ("NATO membership")
	builtin    bool
}

func typeSet(ts ...entities.Type) map[entities.Type]bool {
	m := make(map[entities.Type]bool, len(ts))
	for _, t := range ts {
		m[t] = true
	}
	return m
}

const (
	per = entities.Person
	sta = entities.State
	org = entities.Org
	loc = entities.Location
)

// membershipCats are the categories of organisations one can be a member,
// observer or candidate of.
var membershipCats = set(words("membershipCats")...)

func builtinDefs() map[Type]*typeDef {
	return map[Type]*typeDef{
		MemberOf:        {t: MemberOf, subj: typeSet(sta, org, per), obj: typeSet(org), cats: membershipCats, modPatient: true, builtin: true},
		ObserverOf:      {t: ObserverOf, subj: typeSet(sta, org), obj: typeSet(org), cats: membershipCats, modPatient: true, builtin: true},
		SeeksMembership: {t: SeeksMembership, subj: typeSet(sta, org), obj: typeSet(org), cats: membershipCats, modPatient: true, builtin: true},
		RecognizedBy:    {t: RecognizedBy, subj: typeSet(sta), obj: typeSet(sta, org), builtin: true},
		TreatyBetween:   {t: TreatyBetween, symmetric: true, subj: typeSet(sta, org), builtin: true},
		AlliedWith:      {t: AlliedWith, symmetric: true, subj: typeSet(sta, org), builtin: true},
		OfficialOf:      {t: OfficialOf, subj: typeSet(per), obj: typeSet(sta, org), builtin: true},
		MetWith:         {t: MetWith, symmetric: true, subj: typeSet(per, sta, org), builtin: true},
		Opposes:         {t: Opposes, subj: typeSet(per, sta, org), obj: typeSet(per, sta, org), builtin: true},
		Attacked:        {t: Attacked, subj: typeSet(per, sta, org), obj: typeSet(per, sta, org, loc), builtin: true},
	}
}

// builtinTrigger is one entry of the built-in trigger table.
type builtinTrigger struct {
	t          Type
	phrase     string
	inverse    bool
	class      trigClass
	needMember bool
	pending    bool
}

//go:embed data/triggers.txt
var builtinTriggerFile string

// builtinTriggerFileName names the trigger file in errors.
const builtinTriggerFileName = "data/triggers.txt"

// builtinTriggers returns the trigger words of the built-in types, read
// once from data/triggers.txt (titles of official-of are in titles.go).
var builtinTriggers = sync.OnceValues(func() ([]builtinTrigger, error) {
	return readTriggers(builtinTriggerFileName, builtinTriggerFile)
})

// triggerFlags are the flags of a trigger line, in parentheses after the
// phrase.
var triggerFlags = map[string]func(*builtinTrigger){
	"verb":    func(b *builtinTrigger) { b.class = verbOnly },
	"noun":    func(b *builtinTrigger) { b.class = nounOnly },
	"inverse": func(b *builtinTrigger) { b.inverse = true },
	"member":  func(b *builtinTrigger) { b.needMember = true },
	"pending": func(b *builtinTrigger) { b.pending = true },
}

// readTriggers reads a trigger file: per line a built-in type, a phrase
// and optional flags in parentheses ("member-of admit (verb, inverse)");
// "#" starts a comment line. Every problem is reported as
// "name:line: reason".
func readTriggers(name, text string) ([]builtinTrigger, error) {
	defs := builtinDefs()
	var out []builtinTrigger
	var errs []string
	for i, line := range strings.Split(text, "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		bad := func(format string, args ...any) {
			errs = append(errs, fmt.Sprintf("%s:%d: %s", name, i+1, fmt.Sprintf(format, args...)))
		}
		typ, rest, _ := strings.Cut(line, " ")
		if _, ok := defs[Type(typ)]; !ok || Type(typ) == OfficialOf {
			bad("unknown relation type %q (titles of official-of are in titles.go)", typ)
			continue
		}
		b := builtinTrigger{t: Type(typ)}
		phrase, flags, hasFlags := strings.Cut(rest, "(")
		b.phrase = strings.TrimSpace(phrase)
		if b.phrase == "" {
			bad("a trigger without a phrase")
			continue
		}
		if hasFlags {
			flags, ok := strings.CutSuffix(strings.TrimSpace(flags), ")")
			if !ok {
				bad("flags without a closing parenthesis")
				continue
			}
			for _, f := range strings.Split(flags, ",") {
				set, ok := triggerFlags[strings.TrimSpace(f)]
				if !ok {
					bad("unknown flag %q (want verb, noun, inverse, member or pending)", strings.TrimSpace(f))
					continue
				}
				set(&b)
			}
		}
		out = append(out, b)
	}
	if len(errs) > 0 {
		return nil, fmt.Errorf("%w:\n%s", ErrBadRules, strings.Join(errs, "\n"))
	}
	return out, nil
}

// compiled is the Extractor's immutable lexicon: types, triggers by the
// stem of their first word, and titles.
type compiled struct {
	defs     map[Type]*typeDef
	triggers map[string][]*trig // by first stem, longest first
	titles   *titleLexicon

	// The wordFilters of the keys of triggers and titles.heads, for
	// classify.
	trigFilter, headFilter *wordFilter
}

func (c *compiled) addTrigger(def *typeDef, phrase string, inverse bool, class trigClass, needMember, pending bool) error {
	words := strings.Fields(strings.ToLower(phrase))
	if len(words) == 0 {
		return fmt.Errorf("%w: empty trigger phrase for %q", ErrBadTypeDef, def.t)
	}
	if def.t == OfficialOf {
		c.titles.add(words)
		return nil
	}
	tr := &trig{def: def, inverse: inverse, class: class, needMember: needMember, pending: pending}
	for _, w := range words {
		tr.words = append(tr.words, stem(lower(w)))
	}
	last := words[len(words)-1]
	tr.phraseEndsPrep = len(words) > 1 && prepositions[last]
	tr.meet = def.t == MetWith && tr.words[0] == "meet" && len(words) == 1
	tr.blockSeek = def.t == MemberOf && (membershipNouns[tr.words[len(tr.words)-1]] || tr.words[len(tr.words)-1] == "participation")
	k := tr.words[0]
	list := c.triggers[k]
	for _, o := range list {
		if o.def == def && slices.Equal(o.words, tr.words) && o.inverse == inverse && o.pending == pending {
			return nil
		}
	}
	list = append(list, tr)
	slices.SortStableFunc(list, func(a, b *trig) int { return len(b.words) - len(a.words) })
	c.triggers[k] = list
	return nil
}

// prepositions that may end a trigger phrase.
var prepositions = set(words("prepositions")...)

// compile builds the lexicon from the built-in tables and the options.
func compile(cfg *config) (*compiled, error) {
	c := &compiled{defs: builtinDefs(), triggers: map[string][]*trig{}, titles: newTitleLexicon()}
	triggers, err := builtinTriggers()
	if err != nil {
		return nil, err
	}
	for _, b := range triggers {
		if err := c.addTrigger(c.defs[b.t], b.phrase, b.inverse, b.class, b.needMember, b.pending); err != nil {
			return nil, err
		}
	}
	for _, d := range cfg.defs {
		if d.Type == "" {
			return nil, fmt.Errorf("%w: empty type name", ErrBadTypeDef)
		}
		def, ok := c.defs[d.Type]
		if !ok {
			def = &typeDef{t: d.Type, symmetric: d.Symmetric, subj: typeSet(per, sta, org), obj: typeSet(per, sta, org)}
			c.defs[d.Type] = def
		} else if def.builtin && def.symmetric != d.Symmetric {
			return nil, fmt.Errorf("%w: the symmetry of built-in type %q cannot change", ErrBadTypeDef, d.Type)
		}
		if d.Subject != nil {
			def.subj = typeSet(d.Subject...)
		}
		if d.Object != nil {
			def.obj = typeSet(d.Object...)
		}
		if d.ObjectCategories != nil {
			def.cats = set(d.ObjectCategories...)
		}
		for _, tr := range d.Triggers {
			if err := c.addTrigger(def, tr.Phrase, tr.Inverse, anyClass, false, false); err != nil {
				return nil, err
			}
		}
	}
	// Sorted for determinism of error messages.
	types := make([]Type, 0, len(cfg.triggers))
	for t := range cfg.triggers {
		types = append(types, t)
	}
	slices.Sort(types)
	for _, t := range types {
		def, ok := c.defs[t]
		if !ok {
			return nil, fmt.Errorf("%w: %q (WithTriggers)", ErrUnknownType, t)
		}
		for _, tr := range cfg.triggers[t] {
			if err := c.addTrigger(def, tr.Phrase, tr.Inverse, anyClass, false, false); err != nil {
				return nil, err
			}
		}
	}
	c.trigFilter = newWordFilter(maps.Keys(c.triggers))
	c.headFilter = newWordFilter(maps.Keys(c.titles.heads))
	return c, nil
}
