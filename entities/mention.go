package entities

import (
	"encoding/json"
	"time"

	"github.com/statecraft/statecraft/timex"
)

// Type is the type of an entity mention.
type Type string

// The entity types of statecraft (see the package documentation).
const (
	Person   Type = "PERSON"   // a named person
	State    Type = "STATE"    // a sovereign, de-facto, partially recognised or historical state
	Org      Type = "ORG"      // an organisation, alliance, government body, armed force, party or media outlet
	Date     Type = "DATE"     // a date, period or duration, with a TIMEX3-style value
	Location Type = "LOCATION" // a place that is not a state: city, region, sea
)

// Source says how a mention was found.
type Source string

// The sources of a mention.
const (
	FromGazetteer Source = "gazetteer" // an exact name, alias or adjective of a gazetteer entry
	FromFuzzy     Source = "fuzzy"     // a gazetteer name within a small edit distance
	FromModel     Source = "model"     // prose's statistical NER labels
	FromRule      Source = "rule"      // a statecraft rule (titles, dates, acronym definitions, coreference)
)

// Mention is one typed span of a [Document]'s text. Its JSON form is the
// entity object of statecraft's output contract (docs/contract.md): every
// field is always written, "" or false or [] when it has no value.
//
// Start and End are UTF-8 byte offsets into the document's text, half-open,
// so that text[Start:End] == Text always holds.
type Mention struct {
	Type     Type   `json:"type"`
	Text     string `json:"text"`
	Start    int    `json:"start"`
	End      int    `json:"end"`
	Sentence int    `json:"sentence"` // index into Document.Sentences

	// ID and Name link the mention to a gazetteer entry ("state/russia",
	// "Russia"). A person the gazetteer does not know has an empty ID and,
	// as Name, the fullest form of the name used in the document.
	ID   string `json:"id"`
	Name string `json:"name"`

	// Adjectival marks a demonym or adjective used as a modifier
	// ("Russian" in "Russian President", "European"): the mention names
	// the state (type STATE) or place (type LOCATION) it is linked to.
	Adjectival bool `json:"adjectival"`

	Source Source  `json:"source"`
	Score  float64 `json:"score"` // confidence in [0, 1]

	// Timex is a DATE mention's TIMEX3 type: DATE (a calendar date or
	// period, or a vague reference such as PRESENT_REF), TIME (a time of
	// day: "10:35 a.m.", "Friday morning"), DURATION ("three years",
	// "10-year") or SET (a recurrence: "every day", "weekly"). It is empty
	// for the other entity types. Type stays [Date] for all four.
	Timex string `json:"timex"`
	// Value is a DATE's normalised TIMEX3 value: "2008", "2013-12",
	// "XXXX-08", "1992-02-14", "199X", "2014-W35", "2013-Q3" (a quarter),
	// "2013-03-22T20:00" and "2013-03-22TMO" (a time, a morning),
	// "P3Y", "PT1H", "PXD" (durations), "P1W" and "XXXX-WXX-1" (sets),
	// "PRESENT_REF", "PAST_REF", "FUTURE_REF".
	Value string `json:"value"`
	// Mod is a DATE's modifier: EARLY, MID, LATE, START, END, BEFORE,
	// AFTER, APPROX, MORE_THAN, LESS_THAN, EQUAL_OR_MORE or
	// EQUAL_OR_LESS; empty when none.
	Mod string `json:"mod"`
	// Anchor is the value that a relative DATE's Value was computed from:
	// the document date ("2013-10-24") for "yesterday", "Tuesday" or
	// "third-quarter", or another expression's value ("2013-Q3" for "a
	// year ago" in a story about a third quarter). It is empty when the
	// value was written out in full ("2012", "5 May 2014"), unresolved
	// ("XXXX-08") or has no anchor (durations, sets, PRESENT_REF).
	Anchor string `json:"anchor"`
	// Quant and Freq qualify a SET: Quant is its quantifier ("EVERY" for
	// "every day", "EACH" for "each year"), Freq its frequency ("2X" for
	// "twice a year"); both are empty when not written.
	Quant string `json:"quant"`
	Freq  string `json:"freq"`

	// Metonymy is set when a place name stands for something else, such as
	// "Moscow" in "Moscow-led" (the Russian government).
	Metonymy bool `json:"metonymy"`
	// State is the gazetteer id of the state that an ORG mention is an
	// institution of: its ministry, parliament, army or police
	// ("state/iraq" for "parliament" in "the Iraqi parliament", and for
	// "the Foreign Ministry" in a story datelined Baghdad). It is empty
	// for every other mention.
	State string `json:"state"`
	// Alternatives lists other gazetteer ids the same text could name
	// ("Georgia": the state, or the US state), most likely first excluded.
	Alternatives []string `json:"alternatives"`
}

// TimeRange returns the span of time [start, end) that a DATE mention's
// Value denotes ("2013-12": December 2013), resolving unknown parts
// ("XXXX-08") against ref, usually the document's date; ok is false for
// a mention that is not a DATE, a duration or a value without a span
// (see package timex).
func (m *Mention) TimeRange(ref time.Time) (start, end time.Time, ok bool) {
	if m.Type != Date {
		return time.Time{}, time.Time{}, false
	}
	return timex.Parse(m.Value, ref)
}

// MarshalJSON writes the entity object of the output contract: every
// field always, Alternatives as [] when there are none.
func (m Mention) MarshalJSON() ([]byte, error) {
	type plain Mention // the same fields without this method
	p := plain(m)
	if p.Alternatives == nil {
		p.Alternatives = []string{}
	}
	return json.Marshal(p)
}

// UnmarshalJSON reads the entity object of the output contract; an empty
// "alternatives" list reads as nil, so that a mention survives a round
// trip through JSON unchanged.
func (m *Mention) UnmarshalJSON(b []byte) error {
	type plain Mention
	var p plain
	if err := json.Unmarshal(b, &p); err != nil {
		return err
	}
	if len(p.Alternatives) == 0 {
		p.Alternatives = nil
	}
	*m = Mention(p)
	return nil
}
