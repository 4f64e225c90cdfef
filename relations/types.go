package relations

import (
	"time"

	"github.com/statecraft/statecraft/timex"
)

// Type is the type of a relation: one of the ten built-in types of
// statecraft's taxonomy ([MemberOf], ..., [Attacked]) or a type that a user
// added with [WithType].
type Type string

// The built-in relation types (docs/contract.md, "Relation types"). Directed
// types have a [Relation.Subject] and a [Relation.Object]; symmetric ones
// ([TreatyBetween], [AlliedWith], [MetWith]) list all their
// [Relation.Parties] instead.
const (
	MemberOf        Type = "member-of"        // STATE/ORG/PERSON → ORG: "the CSTO, which includes Armenia"
	ObserverOf      Type = "observer-of"      // STATE/ORG → ORG: "Serbia ... holding an observer status"
	SeeksMembership Type = "seeks-membership" // STATE/ORG → ORG: "Georgia that still pursues NATO entry"
	RecognizedBy    Type = "recognized-by"    // STATE → STATE/ORG: "Russia recognized Abkhazia" is recognized-by(Abkhazia, Russia)
	TreatyBetween   Type = "treaty-between"   // symmetric, STATE/ORG: "the treaty between Abkhazia and Russia"
	AlliedWith      Type = "allied-with"      // symmetric, STATE/ORG: "Armenia is allied with Russia"
	OfficialOf      Type = "official-of"      // PERSON → STATE/ORG, Attrs["role"]: "Russian President Vladimir Putin"
	MetWith         Type = "met-with"         // symmetric, PERSON/STATE/ORG, Attrs["place"]: "Putin and Khadzhinba met in Moscow"
	Opposes         Type = "opposes"          // any → any: "a bloc that would oppose NATO"
	Attacked        Type = "attacked"         // STATE/ORG/PERSON → any: "Georgia attacked South Ossetia"
)

// Types returns the built-in types in the order of the taxonomy.
func Types() []Type {
	return []Type{MemberOf, ObserverOf, SeeksMembership, RecognizedBy, TreatyBetween, AlliedWith, OfficialOf, MetWith, Opposes, Attacked}
}

// Symmetric reports whether t is one of the built-in symmetric types
// ([TreatyBetween], [AlliedWith], [MetWith]), whose relations carry
// Parties instead of a Subject and an Object. The symmetry of a type added
// with [WithType] is its [TypeDef.Symmetric]; for such types, test
// len(r.Parties) > 0 instead.
func (t Type) Symmetric() bool {
	return t == TreatyBetween || t == AlliedWith || t == MetWith
}

// Modality says whether the text asserts, denies or only envisages a
// relation.
type Modality string

// The modalities of a relation.
const (
	// Asserted: the text states the relation, directly or in reported
	// speech ("X said that Russia recognized Abkhazia").
	Asserted Modality = "asserted"
	// Negated: the text denies it ("not", "never", "refused to",
	// "rejected", "was not recognised").
	Negated Modality = "negated"
	// Possible: the text envisages it ("may", "might", "could", "would",
	// "will", "plans to", "proposed", "expected to", "talks on", "possible").
	Possible Modality = "possible"
)

// Arg is one argument of a [Relation]: a mention of the document.
//
// Entity is the index of the mention in the Document's Mentions; ID, Name
// and Text repeat that mention's gazetteer id, canonical name and text,
// except for a place that stands for a state where the relation needs one
// ("Moscow recognized ...": a capital, or a mention marked Metonymy): ID
// and Name are then the state's ("state/russia", "Russia") and Text the
// place's.
// When the argument was found through a pronoun or a definite description
// in the text ("he", "the diplomat"), Entity is the mention it was resolved
// to and Anaphor is the span of the pronoun or description.
type Arg struct {
	Entity  int    `json:"entity"`
	ID      string `json:"id"`
	Name    string `json:"name"`
	Text    string `json:"text"`
	Anaphor *Span  `json:"anaphor"`
}

// Span is a stretch of the document's text: UTF-8 byte offsets, half-open,
// so that doc.Text[Start:End] == Text whenever Text is set. The zero Span
// means "none".
type Span struct {
	Text  string `json:"text,omitempty"`
	Start int    `json:"start"`
	End   int    `json:"end"`
}

// IsZero reports whether s is the zero Span.
func (s Span) IsZero() bool { return s == Span{} }

// Relation is one typed relation between mentions of a document. Its JSON
// form is the relation object of statecraft's output contract (docs/contract.md,
// "JSON output contract").
//
// Directed relations set Subject and Object and leave Parties empty;
// symmetric ones list two or more distinct Parties in text order and leave
// Subject and Object nil.
type Relation struct {
	Type     Type     `json:"type"`
	Modality Modality `json:"modality"`
	// Sentence is the index, in the Document's Sentences, of the sentence
	// that holds the evidence.
	Sentence int `json:"sentence"`
	// Time is the normalised value (TIMEX3 style: "2008", "2013-12",
	// "XXXX-08") of the DATE mention the relation is anchored to, or "".
	Time    string `json:"time"`
	Subject *Arg   `json:"subject,omitempty"`
	Object  *Arg   `json:"object,omitempty"`
	Parties []Arg  `json:"parties,omitempty"`
	// Trigger is the word or phrase that signals the relation ("includes",
	// "President", "met"); Evidence covers the trigger and every argument
	// found in the sentence.
	Trigger  Span `json:"trigger"`
	Evidence Span `json:"evidence"`
	// Attrs holds attributes: "role" for official-of ("President"),
	// "treaty" for treaty-between ("association agreement"), "place" for
	// met-with ("Moscow"), "former" ("true") for an office no longer held.
	// It is never nil in the output of [Extractor.Extract].
	Attrs map[string]string `json:"attrs"`
	// Confidence is the calibrated probability, 0..1, that the relation is
	// right: of the relations reported with Confidence 0.9 on the
	// calibration data, about 90 % were. It is 0 when the Extractor runs
	// without its model ([WithoutModel]).
	Confidence float64 `json:"confidence"`
	// Source says what found the relation: [SourceRule], [SourceModel] or
	// [SourceBoth].
	Source Source `json:"source"`
}

// Source says what found a relation.
type Source string

// The sources of a relation.
const (
	SourceRule  Source = "rule"       // a rule (the model, if any, scored it below its threshold)
	SourceModel Source = "model"      // the learned model alone
	SourceBoth  Source = "rule+model" // a rule, and the model above its threshold
)

// Args returns the arguments of r: Subject and Object for a directed
// relation, Parties for a symmetric one.
func (r *Relation) Args() []Arg {
	if len(r.Parties) > 0 {
		return r.Parties
	}
	var out []Arg
	if r.Subject != nil {
		out = append(out, *r.Subject)
	}
	if r.Object != nil {
		out = append(out, *r.Object)
	}
	return out
}

// TimeRange returns the span of time [start, end) of the relation's Time
// ("2008", "XXXX-08"), resolving unknown parts against ref, usually the
// document's date; ok is false when the relation has no time or it has
// no span (see package timex).
func (r *Relation) TimeRange(ref time.Time) (start, end time.Time, ok bool) {
	return timex.Parse(r.Time, ref)
}
