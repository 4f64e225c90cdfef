package relations

import (
	"errors"
	"fmt"
	"io"

	"github.com/statecraft/statecraft/entities"
	"github.com/statecraft/statecraft/gazetteer"
)

// Errors returned by [New], wrapped with details; test them with
// errors.Is.
var (
	// ErrUnknownType: an option names a type that is neither built in nor
	// defined with [WithType].
	ErrUnknownType = errors.New("relations: unknown relation type")
	// ErrBadTypeDef: a [TypeDef] or trigger is malformed (empty type name,
	// empty trigger phrase, a symmetric built-in type redefined as directed).
	ErrBadTypeDef = errors.New("relations: bad type definition")
	// ErrBadOption: an option's value is out of its range.
	ErrBadOption = errors.New("relations: bad option")
)

// An Option configures an [Extractor]; pass options to [New].
type Option func(*config)

// Trigger is a word or phrase that signals a relation.
//
// Phrase is one or more words separated by spaces. Each word matches the
// document's words by a crude stem that ignores case, inflection and
// British or American spelling: "recognise" matches "recognized",
// "recognizes" and "recognising"; "hold talks with" matches "held talks
// with". A phrase matches consecutive tokens that are not part of an
// entity mention.
//
// Whether the trigger is used as a verb ("Russia recognized Abkhazia") or a
// noun ("Russia's recognition of Abkhazia") follows from the part-of-speech
// tag of its first word in the sentence; see the package documentation for
// the argument frames of each.
type Trigger struct {
	Phrase string
	// Inverse says that the agent of the trigger (the grammatical subject
	// of an active verb, the possessor or "by" phrase of a noun) is the
	// relation's Object and the patient its Subject: "Russia recognized
	// Abkhazia" is recognized-by(Abkhazia, Russia), "the CSTO includes
	// Armenia" is member-of(Armenia, CSTO). Ignored for symmetric types.
	Inverse bool
}

// TypeDef defines a relation type for [WithType]: a new type, or more
// triggers and other constraints for an existing one.
type TypeDef struct {
	// Type is the name of the type; it must not be empty.
	Type Type
	// Symmetric types have Parties instead of a Subject and an Object.
	Symmetric bool
	// Triggers are the words and phrases that signal the type.
	Triggers []Trigger
	// Subject and Object are the entity types allowed as subject and object
	// (for symmetric types, Subject constrains every party and Object is
	// ignored). Nil means PERSON, STATE and ORG. An adjectival STATE
	// mention ("Russian") is a STATE; a LOCATION used for its government
	// (entities.Mention.Metonymy, "Moscow recognized ...") passes as a
	// STATE.
	Subject, Object []entities.Type
	// ObjectCategories, when not nil, restricts an ORG object that the
	// gazetteer knows to these categories ("igo", "alliance", "party",
	// ...; see gazetteer.Entry.Category). ORG mentions without a
	// gazetteer id are accepted.
	ObjectCategories []string
}

// Rule finds relations in one sentence. Implement it to add constructions
// that triggers cannot express, and pass it to [WithRule]; [RuleFunc]
// adapts a function.
//
// Relations returned by a rule are completed by the Extractor: an Arg with
// only Entity set gets the mention's ID, Name and Text; an empty Modality
// is computed from the trigger's clause with [Sentence.Modality]; an empty
// Time from [Sentence.Time]; a zero Evidence covers the trigger and the
// arguments; Sentence is set to the sentence's index. Relations with an
// unknown type, an Entity out of range or fewer than two distinct parties
// are dropped. A rule must not keep the *Sentence after it returns, and
// must be safe for concurrent use if the Extractor is shared.
type Rule interface {
	Relations(s *Sentence) []Relation
}

// RuleFunc adapts a function to the [Rule] interface.
type RuleFunc func(s *Sentence) []Relation

// Relations calls f(s).
func (f RuleFunc) Relations(s *Sentence) []Relation { return f(s) }

type config struct {
	triggers map[Type][]Trigger
	defs     []TypeDef
	rules    []Rule
	gaz      *gazetteer.Gazetteer
	noCoref  bool
	errs     []error

	noModel   bool
	threshold float64 // 0: the model's own thresholds

	ruleFiles []ruleSource // pattern files after the built-in one
}

// WithoutModel leaves out the learned relation model: only the rules run,
// and every relation has Source [SourceRule] and Confidence 0. Rules alone
// are faster and more precise but find far fewer relations on real news
// (see the package documentation, "The relation model").
func WithoutModel() Option { return func(c *config) { c.noModel = true } }

// WithThreshold sets the calibrated confidence, between 0 and 1, that a
// relation found by the model alone must reach to be reported, for every
// type, in place of the per-type thresholds chosen on development data.
// Higher values trade recall for precision: of relations reported with
// Confidence 0.9, about 90 % were right on the calibration data. Relations
// that a rule found are reported whatever their confidence. A value
// outside (0, 1] is an error wrapping [ErrBadOption].
func WithThreshold(t float64) Option {
	return func(c *config) {
		if !(t > 0 && t <= 1) {
			c.errs = append(c.errs, fmt.Errorf("%w: threshold %v outside (0, 1]", ErrBadOption, t))
			return
		}
		c.threshold = t
	}
}

// WithTriggers adds trigger words or phrases for the built-in type t or a
// type defined with [WithType], in the type's usual direction: the agent
// is the relation's subject, except for [RecognizedBy], whose agent is the
// object ("X recognized Y" is recognized-by(Y, X)). For [OfficialOf] the
// words are titles ("ombudsman", "head of mission"), recognised before a
// name, in an apposition or after "is". To give a trigger the other
// direction, use [WithType] with a [Trigger] whose Inverse is set.
func WithTriggers(t Type, words ...string) Option {
	return func(c *config) {
		if c.triggers == nil {
			c.triggers = map[Type][]Trigger{}
		}
		for _, w := range words {
			c.triggers[t] = append(c.triggers[t], Trigger{Phrase: w, Inverse: t == RecognizedBy})
		}
	}
}

// WithType defines a new relation type, or extends a built-in or earlier
// defined one: the triggers of def are added to the type's triggers, and
// non-nil Subject, Object and ObjectCategories replace the type's
// constraints. The symmetry of a built-in type cannot be changed.
func WithType(def TypeDef) Option {
	return func(c *config) { c.defs = append(c.defs, def) }
}

// WithRule adds a [Rule], run on every sentence after the built-in rules.
// Rules run in the order they were added.
func WithRule(r Rule) Option {
	return func(c *config) {
		if r == nil {
			c.errs = append(c.errs, fmt.Errorf("%w: nil rule", ErrBadTypeDef))
			return
		}
		c.rules = append(c.rules, r)
	}
}

// WithRules adds the pattern rules read from r (the format of the
// package documentation, "Patterns"), run after the built-in pattern
// rules and before the rules of [WithRule]. Its "disable NAME" lines
// switch off pattern rules by name, built-in ones included. [New] checks
// every rule and returns one error wrapping [ErrBadRules] that lists each
// problem as "rules N:line: reason", N counting the calls of WithRules
// from 1. r is read when the option is applied.
func WithRules(r io.Reader) Option {
	return func(c *config) {
		n := 1
		for _, f := range c.ruleFiles {
			if f.path == "" {
				n++
			}
		}
		name := fmt.Sprintf("rules %d", n)
		if r == nil {
			c.errs = append(c.errs, fmt.Errorf("%w: %s: nil reader", ErrBadRules, name))
			return
		}
		b, err := io.ReadAll(r)
		if err != nil {
			c.errs = append(c.errs, fmt.Errorf("%w: %s: %v", ErrBadRules, name, err))
			return
		}
		c.ruleFiles = append(c.ruleFiles, ruleSource{name: name, text: string(b)})
	}
}

// WithRuleFile adds the pattern rules of the file at path, read by [New],
// as [WithRules] does; errors name the file by path.
func WithRuleFile(path string) Option {
	return func(c *config) { c.ruleFiles = append(c.ruleFiles, ruleSource{name: path, path: path}) }
}

// WithGazetteer makes the Extractor read categories of organisations (for
// [TypeDef.ObjectCategories]) from g instead of the default gazetteer
// (gazetteer.New()). Pass the gazetteer that the entities Extractor used.
// A nil g restores the default.
func WithGazetteer(g *gazetteer.Gazetteer) Option {
	return func(c *config) { c.gaz = g }
}

// WithoutCoreference turns off the resolution of subject pronouns and
// definite descriptions ("he", "the diplomat") to a PERSON of the same or
// previous sentences (see the package documentation).
func WithoutCoreference() Option {
	return func(c *config) { c.noCoref = true }
}
