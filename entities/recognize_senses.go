// This file holds the choice of sense for an ambiguous name: in its
// sentence (disambiguate), throughout the document
// (oneSensePerDocument) and by the states the document names
// (byDocumentCountry).

package entities

import (
	"slices"
	"strings"

	"github.com/statecraft/statecraft/gazetteer"
)

// disambiguate picks, for a name that several entries share, the one the
// sentence points to. The gazetteer ranks states first; a US state is
// chosen when the text says so ("the U.S. state of Georgia", "Atlanta,
// Georgia", "Georgia Gov. Nathan Deal", "Georgia, USA").
// oneSensePerDocument then extends the choice to the whole document.
func (r *recognizer) disambiguate(text string, toks []Token, i int, m Mention) Mention {
	if len(m.Alternatives) == 0 || m.Type != State {
		return m
	}
	usState := ""
	for _, id := range m.Alternatives {
		if e, ok := r.gaz.Entry(id); ok && e.Kind == gazetteer.Location && e.Country == "state/united-states" {
			usState = id
			break
		}
	}
	if usState == "" {
		return m
	}
	prev := func(k int) string { return lowerAt(toks, i-k) }
	usContext := (prev(1) == "of" && prev(2) == "state") || prev(1) == "state" && (prev(2) == "u.s." || prev(2) == "us" || prev(2) == "american")
	switch next := lowerAt(toks, i+1); next {
	case "gov.", "governor", "republican", "republicans", "democrat", "democrats", "sen.", "senator", "rep.", "legislature", "county", "counties":
		// "Georgia Gov. Nathan Deal", "Georgia Republicans".
		usContext = true
	case ",":
		// "Savannah, Georgia, U.S.", "Georgia, USA".
		switch lowerAt(toks, i+2) {
		case "u.s.", "usa", "u.s.a.", "united":
			usContext = lowerAt(toks, i+2) != "united" || lowerAt(toks, i+3) == "states"
		}
	}
	if !usContext && prev(1) == "," && i >= 2 {
		// "Atlanta, Georgia": a US city just before.
		for _, g := range r.gaz.Match(text, []gazetteer.Span{{Start: toks[i-2].Start, End: toks[i-2].End}}) {
			if e, ok := r.gaz.Entry(g.ID); ok && e.Kind == gazetteer.Location && e.Country == "state/united-states" {
				usContext = true
			}
		}
	}
	if !usContext {
		return m
	}
	e, _ := r.gaz.Entry(usState)
	alts := []string{m.ID}
	for _, id := range m.Alternatives {
		if id != usState {
			alts = append(alts, id)
		}
	}
	m.ID, m.Name, m.Type, m.Alternatives = e.ID, e.Name, Location, alts
	return m
}

// oneSensePerDocument gives every mention of an ambiguous name the entry
// that the context chose for another mention of it in the document
// ("Georgia" is the US state throughout an article that says "Atlanta,
// Georgia" once), unless the document also points to the entry that
// the gazetteer ranks first: a mention of it that its context chose, or
// of something that belongs to it ("Tbilisi", "Georgian", "Saakashvili").
func (r *recognizer) oneSensePerDocument(ms []Mention) {
	var chosen map[string]Mention // by lower-case text
	for _, m := range ms {
		if len(m.Alternatives) > 0 && !m.Adjectival && m.ID != "" {
			if first, ok := r.gaz.Lookup(m.Text); ok && first.ID != m.ID {
				if chosen == nil {
					chosen = map[string]Mention{}
				}
				chosen[strings.ToLower(m.Text)] = m
			}
		}
	}
	if chosen == nil {
		return
	}
	// The entries the document points to besides through the ambiguous
	// names: their ids and the states they belong to.
	cues := map[string]bool{}
	for _, m := range ms {
		if m.ID == "" {
			continue
		}
		if _, amb := chosen[strings.ToLower(m.Text)]; amb && !m.Adjectival {
			continue
		}
		cues[m.ID] = true
		if e, ok := r.gaz.Entry(m.ID); ok && e.Country != "" {
			cues[e.Country] = true
		}
	}
	for i := range ms {
		m := &ms[i]
		c, ok := chosen[strings.ToLower(m.Text)]
		if !ok || m.ID == c.ID || m.Adjectival || !slices.Contains(m.Alternatives, c.ID) || cues[m.ID] {
			continue
		}
		alts := []string{m.ID}
		for _, id := range m.Alternatives {
			if id != c.ID {
				alts = append(alts, id)
			}
		}
		m.ID, m.Name, m.Type, m.Alternatives = c.ID, c.Name, c.Type, alts
	}
}

// byDocumentCountry gives a mention of an ambiguous name that is not a
// state ("Congress": the US Congress or the Indian National Congress) the
// one of its entries that is, or belongs to, a state the document points
// to through its other, unambiguous mentions ("Washington", "American",
// "Joe Biden"), when exactly one of them does. Otherwise the gazetteer's
// ranking stands and the other entries stay listed as alternatives.
func (r *recognizer) byDocumentCountry(ms []Mention) {
	var cues map[string]bool
	country := map[string]string{} // entry id -> its state
	countryOf := func(id string) string {
		c, ok := country[id]
		if !ok {
			if e, found := r.gaz.Entry(id); found {
				c = e.Country
			}
			country[id] = c
		}
		return c
	}
	for i := range ms {
		m := &ms[i]
		if len(m.Alternatives) == 0 || m.Type == State || m.Adjectival || m.ID == "" {
			continue
		}
		if cues == nil {
			cues = map[string]bool{}
			for _, o := range ms {
				if o.ID == "" || len(o.Alternatives) > 0 {
					continue
				}
				if o.Type == State {
					cues[o.ID] = true
				} else if c := countryOf(o.ID); c != "" {
					cues[c] = true
				}
			}
		}
		pick := ""
		for _, id := range append([]string{m.ID}, m.Alternatives...) {
			if c := countryOf(id); c != "" && cues[c] {
				if pick != "" {
					pick = ""
					break
				}
				pick = id
			}
		}
		if pick == "" || pick == m.ID {
			continue
		}
		e, ok := r.gaz.Entry(pick)
		if cur, _ := r.gaz.Entry(m.ID); !ok || e.Kind != cur.Kind {
			continue // the mention's type stays what its context made it
		}
		alts := []string{m.ID}
		for _, id := range m.Alternatives {
			if id != pick {
				alts = append(alts, id)
			}
		}
		m.ID, m.Name, m.Alternatives = e.ID, e.Name, alts
	}
}
