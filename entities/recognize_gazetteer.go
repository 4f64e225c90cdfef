// This file holds the gazetteer pass: the gazetteer's matches in a
// sentence, with the corrections that trim or drop them (an organisation
// noun or title glued to a name, a compass adjective, a named feature, a
// metonymy).

package entities

import (
	"strings"

	"github.com/statecraft/statecraft/entities/internal/ner"
	"github.com/statecraft/statecraft/gazetteer"
)

// gazetteerCandidates adds the gazetteer's matches in one sentence.
func (r *recognizer) gazetteerCandidates(text string, toks []Token, base, si int, s *recScratch) {
	s.spans = s.spans[:0]
	for _, t := range toks {
		s.spans = append(s.spans, gazetteer.Span{Start: t.Start, End: t.End})
	}
	matches := r.gaz.Match(text, s.spans)
	for _, g := range matches {
		if t := toks[g.TokenStart]; g.Start > t.Start && g.TokenEnd-g.TokenStart > 1 {
			// A name that starts after a prefix inside a hyphenated word and
			// runs on past it ("the pro-Russian government" of another
			// state) is not the longer name: only the part inside the word
			// ("Russian") is a mention.
			w, ok := r.gaz.Lookup(text[g.Start:t.End])
			if !ok || w.How == gazetteer.ByFuzzy {
				continue
			}
			w.Start, w.End = w.Start+g.Start, w.End+g.Start
			w.TokenStart, w.TokenEnd = g.TokenStart, g.TokenStart+1
			g = w
		}
		m := Mention{
			Text: text[g.Start:g.End], Start: g.Start, End: g.End, Sentence: si,
			ID: g.ID, Name: g.Name, Score: g.Score, Source: FromGazetteer,
			Alternatives: g.Alternatives,
		}
		prio := prioGazetteer
		switch g.Kind {
		case gazetteer.State:
			m.Type = State
			if e, ok := r.gaz.Entry(g.ID); ok && e.Status == "territory" {
				m.Type = Location
			}
		case gazetteer.Org:
			m.Type = Org
			if short, ok := r.withoutOrgNoun(text, toks, g); ok {
				g = short
				m.Text, m.End = text[g.Start:g.End], g.End
			}
		case gazetteer.Person:
			m.Type = Person
			if short, ok := r.withoutTitle(text, toks, g); ok {
				g = short
				m.Text, m.Start = text[g.Start:g.End], g.Start
			}
		default:
			m.Type = Location
		}
		if g.Adjectival {
			if g.Kind != gazetteer.State && g.Kind != gazetteer.Location {
				continue // only the adjectives of states and places are mentions
			}
			m.Adjectival = true
			prio = prioAdjective
		}
		if g.Adjectival && g.How != gazetteer.ByFuzzy {
			if wide, ok := r.compassAdjective(text, toks, g); ok {
				g = wide
				m.Text, m.Start, m.ID, m.Name, m.Alternatives = text[g.Start:g.End], g.Start, g.ID, g.Name, nil
				m.Type = Location
				if g.Kind == gazetteer.State {
					m.Type = State
				}
			}
		}
		if g.How == gazetteer.ByFuzzy && g.Adjectival && isPluralOf(text[g.Start:g.End], g.Form) {
			// The plural of a demonym ("The Russians", "Iraqis") is a
			// demonym: an adjectival mention of the state, as CoNLL's
			// MISC and the contract's demonyms have it, whatever the model
			// says of it.
			g.How = gazetteer.ByAdjective
		}
		if g.How == gazetteer.ByFuzzy {
			// A misspelt name is believed when the model agrees on its type,
			// or when nothing labels it and it is long enough for a near
			// miss to be unlikely ("Tadjikistan", not "Tiana" for Tirana).
			if !r.modelAgrees(s, g.TokenStart, g.TokenEnd, m.Type) {
				continue
			}
			m.Source = FromFuzzy
			prio = prioFuzzy
		}
		ts, te := base+g.TokenStart, base+g.TokenEnd
		// A name inside a hyphenated word ("Moscow-led", "post-Soviet"):
		// a place standing for its government is metonymy.
		if t := toks[g.TokenStart]; g.TokenEnd-g.TokenStart == 1 && (g.Start > t.Start || g.End < t.End) {
			if m.Type == Location || (m.Type == State && !m.Adjectival) {
				m.Metonymy = isMetonymySuffix(text[g.End:t.End])
			}
		}
		// A place that the model, from its context, calls an organisation
		// is a sports team or a company named after it: "Chicago beat
		// Houston 5-3"; a place inside a longer person name is part of the
		// name: "Yasser Arafat" (not Mount Arafat). States keep their type
		// ("France beat Italy"), and so do places that their context
		// makes places ("moved to Toronto", "Detroit, Michigan").
		if g.Kind == gazetteer.Location && !r.namedFeature(g) && (modelSays(s, g.TokenStart, g.TokenEnd, false, ner.ORG) && !placeContext(toks, g.TokenStart, g.TokenEnd, matches) || modelSays(s, g.TokenStart, g.TokenEnd, true, ner.PER)) {
			continue
		}
		m = r.disambiguate(text, toks, g.TokenStart, m)
		s.cands = append(s.cands, candidate{m: m, ts: ts, te: te, prio: prio})
	}
}

// withoutOrgNoun cuts a lower-case organisation noun off a gazetteer
// alias that ends with it ("the ruling Georgian Dream party", "the TASS
// news agency", "the Islamic State group") when the rest is a name of the same entry, so that the
// mention is the name, as it is for the names the gazetteer lists
// without the noun ("the Likud party"). It returns the shorter match and
// whether there was one.
func (r *recognizer) withoutOrgNoun(text string, toks []Token, g gazetteer.Match) (gazetteer.Match, bool) {
	k := g.TokenEnd - 1
	if k <= g.TokenStart || toks[k].End != g.End || !isOrgNoun(toks[k].Text) && toks[k].Text != "group" {
		return g, false
	}
	if toks[k].Text == "agency" && k-1 > g.TokenStart && toks[k-1].Text == "news" {
		k--
	}
	end := toks[k-1].End
	w, ok := r.gaz.Lookup(text[g.Start:end])
	if !ok || w.ID != g.ID || w.How == gazetteer.ByFuzzy {
		return g, false
	}
	g.End, g.TokenEnd = end, k
	return g, true
}

// withoutTitle cuts a title off the start of a person's gazetteer alias
// ("Ayatollah Ali Khamenei", "Sheikh Mohammed bin Zayed") when the rest is
// a name of the same entry, as titles stay outside a person's span. It
// returns the shorter match and whether there was one.
func (r *recognizer) withoutTitle(text string, toks []Token, g gazetteer.Match) (gazetteer.Match, bool) {
	k := g.TokenStart
	if g.TokenEnd-k < 3 || toks[k].Start != g.Start || !isTitle(toks[k]) {
		return g, false
	}
	start := toks[k+1].Start
	w, ok := r.gaz.Lookup(text[start:g.End])
	if !ok || w.ID != g.ID || w.How == gazetteer.ByFuzzy {
		return g, false
	}
	g.Start, g.TokenStart = start, k+1
	return g, true
}

// namedFeature reports whether a place match is the name of several words
// of a sea, river, mountain or island ("Second Thomas Shoal", "South China
// Sea"): no team or company is called so, whatever the model says.
func (r *recognizer) namedFeature(g gazetteer.Match) bool {
	if g.TokenEnd-g.TokenStart < 2 || g.Adjectival {
		return false
	}
	e, ok := r.gaz.Entry(g.ID)
	if !ok {
		return false
	}
	switch e.Category {
	case "sea", "river", "mountain", "island":
		return true
	}
	return false
}

// demonymOf reports whether a gazetteer adjective candidate at token ts
// names the state that the gazetteer entry id belongs to.
func (r *recognizer) demonymOf(cands []candidate, ts int, id string) bool {
	e, ok := r.gaz.Entry(id)
	if !ok || e.Country == "" {
		return false
	}
	for _, c := range cands {
		if c.ts == ts && c.te == ts+1 && c.m.Adjectival && c.m.ID == e.Country {
			return true
		}
	}
	return false
}

// compassAdjective widens a place's or state's adjective after a
// capitalised point of the compass to the adjective of the region that the
// gazetteer names so ("West African" is West Africa's, not Africa's; "East
// Asian" East Asia's), when the gazetteer lists no such adjective itself.
// It returns the widened match and whether there was one.
func (r *recognizer) compassAdjective(text string, toks []Token, g gazetteer.Match) (gazetteer.Match, bool) {
	if g.TokenStart == 0 {
		return g, false
	}
	c := toks[g.TokenStart-1]
	switch c.Text {
	case "North", "South", "East", "West", "Central", "Northern", "Southern", "Eastern", "Western",
		"Northeast", "Northwest", "Southeast", "Southwest":
	default:
		return g, false
	}
	if c.End+1 != g.Start || text[c.End] != ' ' {
		return g, false
	}
	e, ok := r.gaz.Entry(g.ID)
	if !ok {
		return g, false
	}
	w, ok := r.gaz.Lookup(c.Text + " " + e.Name)
	if !ok || w.Adjectival || (w.Kind != gazetteer.State && w.Kind != gazetteer.Location) || w.How == gazetteer.ByFuzzy {
		return g, false
	}
	g.ID, g.Name, g.Kind, g.Start, g.TokenStart = w.ID, w.Name, w.Kind, c.Start, g.TokenStart-1
	return g, true
}

// isPluralOf reports whether w is the plural of the adjective or demonym
// form: "Russians" of "Russian", "Iraqis" of "Iraqi".
func isPluralOf(w, form string) bool {
	return len(w) == len(form)+1 && (w[len(w)-1] == 's' || w[len(w)-1] == 'S') && strings.EqualFold(w[:len(form)], form)
}

// placeContext reports whether the words around tokens [i, j) make them a
// place: a preposition of place before ("in Milan", "flights to
// Palermo") or a known state or place after a comma ("Detroit,
// Michigan").
func placeContext(toks []Token, i, j int, matches []gazetteer.Match) bool {
	if placeBefore(toks, i) {
		return true
	}
	switch lowerAt(toks, i-1) {
	case "to", "from":
		// "moved to Toronto", not "lost to Toronto": a verb of motion or
		// a noun of travel before.
		if motionWord(lowerAt(toks, i-2)) {
			return true
		}
	}
	if lowerAt(toks, j) == "," {
		for _, g := range matches {
			if g.TokenStart == j+1 && (g.Kind == gazetteer.State || g.Kind == gazetteer.Location) && !g.Adjectival {
				return true
			}
		}
	}
	return false
}

// motionWord reports whether w, before "to" or "from" and a name, makes
// the name a destination or an origin: "moved to", "flights to",
// "returned from".
func motionWord(w string) bool {
	switch w {
	case "moved", "move", "moves", "moving", "returned", "return", "returning", "travelled", "traveled", "flew", "fly",
		"flights", "flight", "trip", "trips", "road", "route", "railway", "emigrated", "fled", "relocated",
		"went", "came", "deported", "exiled", "transferred", "sailed", "drove", "walked", "journey", "visit",
		"visits", "visited", "headed", "way", "away":
		return true
	}
	return false
}

// isMetonymySuffix reports whether rest, what follows a place name inside a
// hyphenated word, makes the place stand for its government: "-led",
// "-backed", "-based" is not ("Moscow-based" is a location).
func isMetonymySuffix(rest string) bool {
	switch strings.ToLower(rest) {
	case "-led", "-backed", "-sponsored", "-supported", "-friendly", "-controlled", "-brokered", "-allied", "-aligned":
		return true
	}
	return false
}
