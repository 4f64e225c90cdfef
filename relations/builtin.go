package relations

import (
	"fmt"
	"maps"
	"slices"
	"strings"

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
var membershipCats = set("igo", "alliance", "un-agency", "party", "ngo", "other", "eu-institution")

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

// builtinTriggers are the trigger words of the built-in types (titles of
// official-of are in titles.go).
var builtinTriggers = []builtinTrigger{
	// member-of
	{t: MemberOf, phrase: "join", class: verbOnly},
	{t: MemberOf, phrase: "rejoin", class: verbOnly},
	{t: MemberOf, phrase: "sign for", class: verbOnly},
	{t: MemberOf, phrase: "accede to", class: verbOnly},
	{t: MemberOf, phrase: "admitted to"},
	{t: MemberOf, phrase: "admitted into"},
	{t: MemberOf, phrase: "admit", inverse: true, class: verbOnly},
	{t: MemberOf, phrase: "readmit", inverse: true, class: verbOnly},
	{t: MemberOf, phrase: "readmitted to"},
	{t: MemberOf, phrase: "readmitted into"},
	{t: MemberOf, phrase: "include", inverse: true, class: verbOnly},
	{t: MemberOf, phrase: "comprise", inverse: true, class: verbOnly},
	{t: MemberOf, phrase: "consist of", inverse: true, class: verbOnly},
	{t: MemberOf, phrase: "made up of", inverse: true},
	{t: MemberOf, phrase: "bring together", inverse: true, class: verbOnly},
	{t: MemberOf, phrase: "unite", inverse: true, class: verbOnly},
	{t: MemberOf, phrase: "count among its members", inverse: true},
	{t: MemberOf, phrase: "group", inverse: true, class: verbOnly},
	{t: MemberOf, phrase: "participation", class: nounOnly},
	{t: MemberOf, phrase: "member", class: nounOnly},
	{t: MemberOf, phrase: "member state", class: nounOnly},
	{t: MemberOf, phrase: "member country", class: nounOnly},
	{t: MemberOf, phrase: "member nation", class: nounOnly},
	{t: MemberOf, phrase: "founding member", class: nounOnly},
	{t: MemberOf, phrase: "membership", class: nounOnly},
	{t: MemberOf, phrase: "accession", class: nounOnly},
	{t: MemberOf, phrase: "entry", class: nounOnly},
	// observer-of
	{t: ObserverOf, phrase: "observer", class: nounOnly},
	{t: ObserverOf, phrase: "observer status", class: nounOnly},
	{t: ObserverOf, phrase: "observer state", class: nounOnly},
	{t: ObserverOf, phrase: "observer country", class: nounOnly},
	{t: ObserverOf, phrase: "observer nation", class: nounOnly},
	// seeks-membership
	{t: SeeksMembership, phrase: "accession", class: nounOnly, pending: true},
	{t: SeeksMembership, phrase: "membership", class: nounOnly, pending: true},
	{t: SeeksMembership, phrase: "apply to join"},
	{t: SeeksMembership, phrase: "apply for membership"},
	{t: SeeksMembership, phrase: "apply for membership in"},
	{t: SeeksMembership, phrase: "apply for membership of"},
	{t: SeeksMembership, phrase: "apply for", needMember: true},
	{t: SeeksMembership, phrase: "apply to", needMember: true},
	{t: SeeksMembership, phrase: "seek to join"},
	{t: SeeksMembership, phrase: "seek membership in"},
	{t: SeeksMembership, phrase: "seek membership of"},
	{t: SeeksMembership, phrase: "seek", needMember: true},
	{t: SeeksMembership, phrase: "pursue", needMember: true},
	{t: SeeksMembership, phrase: "push for", needMember: true},
	{t: SeeksMembership, phrase: "strive for", needMember: true},
	{t: SeeksMembership, phrase: "aspire to join"},
	{t: SeeksMembership, phrase: "aspire to", needMember: true},
	{t: SeeksMembership, phrase: "want to join"},
	{t: SeeksMembership, phrase: "hope to join"},
	{t: SeeksMembership, phrase: "strive to join"},
	{t: SeeksMembership, phrase: "push to join"},
	{t: SeeksMembership, phrase: "campaign to join"},
	{t: SeeksMembership, phrase: "try to join"},
	{t: SeeksMembership, phrase: "aim to join"},
	{t: SeeksMembership, phrase: "plan to join"},
	{t: SeeksMembership, phrase: "determination to join"},
	{t: SeeksMembership, phrase: "ambition to join"},
	{t: SeeksMembership, phrase: "effort to join"},
	{t: SeeksMembership, phrase: "desire to join"},
	{t: SeeksMembership, phrase: "drive to join"},
	{t: SeeksMembership, phrase: "quest to join"},
	{t: SeeksMembership, phrase: "intention to join"},
	{t: SeeksMembership, phrase: "eager to join"},
	{t: SeeksMembership, phrase: "keen to join"},
	{t: SeeksMembership, phrase: "want membership of"},
	{t: SeeksMembership, phrase: "want membership in"},
	{t: SeeksMembership, phrase: "bid to join"},
	{t: SeeksMembership, phrase: "bid for membership"},
	{t: SeeksMembership, phrase: "bid for membership in"},
	{t: SeeksMembership, phrase: "bid for membership of"},
	{t: SeeksMembership, phrase: "application to join"},
	{t: SeeksMembership, phrase: "application for membership"},
	{t: SeeksMembership, phrase: "application for membership in"},
	{t: SeeksMembership, phrase: "application for membership of"},
	{t: SeeksMembership, phrase: "candidate for membership"},
	{t: SeeksMembership, phrase: "candidate for membership in"},
	{t: SeeksMembership, phrase: "candidate for membership of"},
	{t: SeeksMembership, phrase: "membership bid", class: nounOnly},
	{t: SeeksMembership, phrase: "membership application", class: nounOnly},
	{t: SeeksMembership, phrase: "bid", class: nounOnly},
	{t: SeeksMembership, phrase: "aspiration", class: nounOnly},
	{t: SeeksMembership, phrase: "ambition", class: nounOnly},
	{t: SeeksMembership, phrase: "candidacy", class: nounOnly},
	{t: SeeksMembership, phrase: "candidate status", class: nounOnly},
	{t: SeeksMembership, phrase: "candidate country", class: nounOnly},
	// recognized-by
	{t: RecognizedBy, phrase: "recognize", inverse: true, class: verbOnly},
	{t: RecognizedBy, phrase: "recognition", inverse: true, class: nounOnly},
	{t: RecognizedBy, phrase: "diplomatic recognition", inverse: true, class: nounOnly},
	// treaty-between
	{t: TreatyBetween, phrase: "treaty", class: nounOnly},
	{t: TreatyBetween, phrase: "agreement", class: nounOnly},
	{t: TreatyBetween, phrase: "accord", class: nounOnly},
	{t: TreatyBetween, phrase: "pact", class: nounOnly},
	{t: TreatyBetween, phrase: "deal", class: nounOnly},
	{t: TreatyBetween, phrase: "memorandum", class: nounOnly},
	{t: TreatyBetween, phrase: "armistice", class: nounOnly},
	// allied-with
	{t: AlliedWith, phrase: "allied with"},
	{t: AlliedWith, phrase: "ally with", class: verbOnly},
	{t: AlliedWith, phrase: "back", class: verbOnly},
	{t: AlliedWith, phrase: "ally", class: nounOnly},
	{t: AlliedWith, phrase: "alliance", class: nounOnly},
	{t: AlliedWith, phrase: "close ally", class: nounOnly},
	{t: AlliedWith, phrase: "military alliance", class: nounOnly},
	// met-with
	{t: MetWith, phrase: "meet"},
	{t: MetWith, phrase: "meet with"},
	{t: MetWith, phrase: "hold talks with"},
	{t: MetWith, phrase: "hold a meeting with"},
	{t: MetWith, phrase: "talk", class: nounOnly},
	{t: MetWith, phrase: "negotiation", class: nounOnly},
	{t: MetWith, phrase: "consultation", class: nounOnly},
	{t: MetWith, phrase: "phone", class: verbOnly},
	{t: MetWith, phrase: "telephone", class: verbOnly},
	{t: MetWith, phrase: "phone call", class: nounOnly},
	{t: MetWith, phrase: "telephone call", class: nounOnly},
	{t: MetWith, phrase: "telephone conversation", class: nounOnly},
	{t: MetWith, phrase: "phone conversation", class: nounOnly},
	{t: MetWith, phrase: "speak by telephone with"},
	{t: MetWith, phrase: "speak by phone with"},
	{t: MetWith, phrase: "speak by telephone to"},
	{t: MetWith, phrase: "speak by phone to"},
	{t: MetWith, phrase: "confer with"},
	{t: MetWith, phrase: "summit", class: nounOnly},
	{t: MetWith, phrase: "host", class: verbOnly},
	{t: MetWith, phrase: "visit"},
	{t: MetWith, phrase: "state visit", class: nounOnly},
	{t: MetWith, phrase: "official visit", class: nounOnly},
	{t: MetWith, phrase: "visit to", class: nounOnly},
	{t: MetWith, phrase: "state visit to", class: nounOnly},
	{t: MetWith, phrase: "official visit to", class: nounOnly},
	// opposes
	{t: Opposes, phrase: "oppose", class: verbOnly},
	{t: Opposes, phrase: "opposed to"},
	{t: Opposes, phrase: "opposition to", class: nounOnly},
	{t: Opposes, phrase: "counter", class: verbOnly},
	{t: Opposes, phrase: "resist", class: verbOnly},
	{t: Opposes, phrase: "confront", class: verbOnly},
	{t: Opposes, phrase: "condemn", class: verbOnly},
	{t: Opposes, phrase: "accuse", class: verbOnly},
	{t: Opposes, phrase: "denounce", class: verbOnly},
	{t: Opposes, phrase: "stand against"},
	{t: Opposes, phrase: "protest against"},
	{t: Opposes, phrase: "sanction"},
	{t: Opposes, phrase: "impose sanctions on"},
	{t: Opposes, phrase: "impose sanctions against"},
	{t: Opposes, phrase: "slap sanctions on"},
	{t: Opposes, phrase: "criticize", class: verbOnly},
	{t: Opposes, phrase: "criticise", class: verbOnly},
	{t: Opposes, phrase: "blame", class: verbOnly},
	{t: Opposes, phrase: "blast", class: verbOnly},
	{t: Opposes, phrase: "lambast", class: verbOnly},
	{t: Opposes, phrase: "slam", class: verbOnly},
	{t: Opposes, phrase: "rebuke", class: verbOnly},
	{t: Opposes, phrase: "castigate", class: verbOnly},
	{t: Opposes, phrase: "deplore", class: verbOnly},
	{t: Opposes, phrase: "veto", class: verbOnly},
	{t: Opposes, phrase: "complain to"},
	{t: Opposes, phrase: "protest to"},
	{t: Opposes, phrase: "criticism of", class: nounOnly},
	{t: Opposes, phrase: "condemnation of", class: nounOnly},
	// attacked
	{t: Attacked, phrase: "attack"},
	{t: Attacked, phrase: "invade", class: verbOnly},
	{t: Attacked, phrase: "invasion", class: nounOnly},
	{t: Attacked, phrase: "incursion", class: nounOnly},
	{t: Attacked, phrase: "bomb", class: verbOnly},
	{t: Attacked, phrase: "bombing", class: nounOnly},
	{t: Attacked, phrase: "bombard", class: verbOnly},
	{t: Attacked, phrase: "shell", class: verbOnly},
	{t: Attacked, phrase: "shelling", class: nounOnly},
	{t: Attacked, phrase: "strike"},
	{t: Attacked, phrase: "airstrike", class: nounOnly},
	{t: Attacked, phrase: "air strike", class: nounOnly},
	{t: Attacked, phrase: "raid"},
	{t: Attacked, phrase: "ambush"},
	{t: Attacked, phrase: "assault"},
	{t: Attacked, phrase: "offensive", class: nounOnly},
	{t: Attacked, phrase: "military campaign", class: nounOnly},
	{t: Attacked, phrase: "bombing campaign", class: nounOnly},
	{t: Attacked, phrase: "air campaign", class: nounOnly},
	{t: Attacked, phrase: "aggression", class: nounOnly},
	{t: Attacked, phrase: "shoot down", class: verbOnly},
	{t: Attacked, phrase: "fire on"},
	{t: Attacked, phrase: "fire at"},
	{t: Attacked, phrase: "open fire on"},
	{t: Attacked, phrase: "fire rockets into"},
	{t: Attacked, phrase: "fire rockets at"},
	{t: Attacked, phrase: "fire missiles into"},
	{t: Attacked, phrase: "fire missiles at"},
	{t: Attacked, phrase: "fire shells into"},
	{t: Attacked, phrase: "fire shells at"},
	{t: Attacked, phrase: "capture", class: verbOnly},
	{t: Attacked, phrase: "recapture", class: verbOnly},
	{t: Attacked, phrase: "overrun", class: verbOnly},
	{t: Attacked, phrase: "storm", class: verbOnly},
	{t: Attacked, phrase: "pound", class: verbOnly},
	{t: Attacked, phrase: "fight", class: verbOnly},
	{t: Attacked, phrase: "fight against"},
	{t: Attacked, phrase: "war against", class: nounOnly},
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
var prepositions = set("with", "to", "of", "in", "into", "on", "at", "against", "for", "from", "by", "between", "among", "over")

// compile builds the lexicon from the built-in tables and the options.
func compile(cfg *config) (*compiled, error) {
	c := &compiled{defs: builtinDefs(), triggers: map[string][]*trig{}, titles: newTitleLexicon()}
	for _, b := range builtinTriggers {
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
