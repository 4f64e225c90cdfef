// This file holds the pass over parties named by a modifier
// (partyModifiers): "Republican Senator Arlen Specter", "Labour leader
// Keir Starmer", "Democratic presidential nominee".

package entities

import (
	"context"
	"strings"

	"github.com/statecraft/statecraft/gazetteer"
)

// partyRoleWords are the words that, after a party's short name, make it
// the party of a person: "Republican Senator", "Labour leader",
// "Democratic presidential candidate".
var partyRoleWords = map[string]bool{
	"senator": true, "sen.": true, "rep.": true, "representative": true, "congressman": true,
	"congresswoman": true, "congressmen": true, "lawmaker": true, "lawmakers": true, "legislator": true,
	"legislators": true, "mp": true, "mps": true, "leader": true, "leaders": true, "chairman": true,
	"chairwoman": true, "candidate": true, "candidates": true, "presidential": true, "nominee": true,
	"challenger": true, "governor": true, "gov.": true, "deputy": true, "deputies": true, "politician": true,
	"politicians": true, "strategist": true, "strategists": true, "spokesman": true, "spokeswoman": true,
	"member": true, "members": true, "councillor": true, "mayor": true, "president": true, "senators": true,
	"whip": true, "activist": true, "activists": true,
}

// partyIndex maps the short names of the gazetteer's parties (their name
// without "Party": "Republican", "Labour", "Democratic"; and the singular
// of an alias in the plural: "Democrat") to the parties that have them.
type partyIndex map[string][]string // short name -> party entry ids

func newPartyIndex(g *gazetteer.Gazetteer) partyIndex {
	x := partyIndex{}
	if g == nil {
		return x
	}
	add := func(short, id string) {
		if short == "" || strings.Contains(short, " ") {
			return
		}
		for _, have := range x[short] {
			if have == id {
				return
			}
		}
		x[short] = append(x[short], id)
	}
	for _, o := range g.Entries(gazetteer.Org) {
		if o.Category != "party" {
			continue
		}
		for _, n := range append([]string{o.Name}, o.Aliases...) {
			if s, ok := strings.CutSuffix(n, " Party"); ok {
				add(s, o.ID)
			}
			if s, ok := strings.CutSuffix(n, "s"); ok && len(s) > 3 && !strings.Contains(n, " ") {
				add(s, o.ID) // "Democrats" -> "Democrat"
			}
		}
	}
	return x
}

// partyModifiers adds an ORG mention for a party's short name used as a
// modifier before a role ("Republican Senator", "Labour leader",
// "Democrat Joe Manchin"): a capitalised word that is the short name of
// exactly one party of a state the document names (its STATE mentions,
// the owners of its organisations, its dateline) and that no mention
// covers. The mention is Adjectival, with the party's id and name. ms is
// in text order and stays so.
func (r *recognizer) partyModifiers(ctx context.Context, doc *Document, ms []Mention) ([]Mention, error) {
	x := r.parties()
	if len(x) == 0 || len(ms) == 0 {
		return ms, nil
	}
	states, err := r.namedStates(ctx, doc, ms, nil)
	if err != nil {
		return nil, err
	}
	if len(states) == 0 {
		return ms, nil
	}
	var added []Mention
	mi := 0
	for si, st := range doc.Sentences {
		if every(si, checkSentences) {
			if err := ctx.Err(); err != nil {
				return nil, err
			}
		}
		toks := doc.Tokens[st.TokenStart:st.TokenEnd]
		for k := 0; k+1 < len(toks); k++ {
			t := toks[k]
			if !isCapitalized(t.Text) {
				continue
			}
			ids, ok := x[t.Text]
			if !ok {
				continue
			}
			for mi < len(ms) && ms[mi].End <= t.Start {
				mi++
			}
			if mi < len(ms) && ms[mi].Start < t.End {
				continue // inside a mention: "Democratic Party", "Democratic Republic of Congo"
			}
			next := toks[k+1]
			if !partyRoleWords[lowerASCII(next.Text)] && !(mi < len(ms) && ms[mi].Type == Person && ms[mi].Start == next.Start) {
				continue
			}
			pick := ""
			for _, id := range ids {
				if e, ok := r.gaz.Entry(id); ok && states[e.Country] {
					if pick != "" {
						pick = ""
						break
					}
					pick = id
				}
			}
			e, ok := r.gaz.Entry(pick)
			if pick == "" || !ok {
				continue
			}
			added = append(added, Mention{Type: Org, Text: t.Text, Start: t.Start, End: t.End, Sentence: si, ID: e.ID, Name: e.Name, Adjectival: true, Source: FromGazetteer, Score: 0.8})
		}
	}
	if len(added) == 0 {
		return ms, nil
	}
	return mergeMentions(ctx, ms, added) // added is in text order
}

// localParties relinks a party named by one plural word ("the
// Democrats", "the Socialists") whose gazetteer entry belongs to a state
// the document does not name ("the conservative Democrats of President
// Sali Berisha" in a story from Tirana is not the Democratic Party of the
// United States): to the one party of a state the document names whose
// name begins with the word's singular ("Democratic Party of Albania"),
// or, when there is none, to no entry. The states a document names are
// its STATE mentions, the states of its institutions, people and other
// organisations the gazetteer knows, and its dateline's.
func (r *recognizer) localParties(ctx context.Context, doc *Document, ms []Mention) error {
	suspect := func(m *Mention) bool {
		return m.Type == Org && m.ID != "" && m.State == "" && !m.Adjectival && !strings.Contains(m.Text, " ") && strings.HasSuffix(m.Text, "s")
	}
	var suspects []int
	for i := range ms {
		if suspect(&ms[i]) {
			suspects = append(suspects, i)
		}
	}
	if len(suspects) == 0 {
		return nil
	}
	states, err := r.namedStates(ctx, doc, ms, suspect)
	if err != nil {
		return err
	}
	if len(states) == 0 {
		return nil
	}
	for _, i := range suspects {
		m := &ms[i]
		e, ok := r.gaz.Entry(m.ID)
		if !ok || e.Category != "party" || states[e.Country] {
			continue
		}
		stem := strings.TrimSuffix(m.Text, "s")
		pick := ""
		for _, o := range r.gaz.Entries(gazetteer.Org) {
			if o.Category != "party" || !states[o.Country] || !strings.HasPrefix(o.Name, stem) {
				continue
			}
			if pick != "" {
				pick = ""
				break
			}
			pick = o.ID
		}
		if p, ok := r.gaz.Entry(pick); ok && pick != "" {
			m.ID, m.Name = p.ID, p.Name
			continue
		}
		m.ID, m.Name, m.Source = "", m.Text, FromRule
	}
	return nil
}

// namedStates returns the states document doc names: those of its STATE
// mentions, the states of its institutions (Mention.State), the
// countries of the people and organisations the gazetteer knows ("President
// Bill Clinton", "the White House") except the mentions skip leaves out,
// and its dateline's state. It checks ctx as it goes.
func (r *recognizer) namedStates(ctx context.Context, doc *Document, ms []Mention, skip func(*Mention) bool) (map[string]bool, error) {
	states := map[string]bool{}
	seen := map[string]bool{} // ids looked up
	for i := range ms {
		if every(i, checkMentions) {
			if err := ctx.Err(); err != nil {
				return nil, err
			}
		}
		m := &ms[i]
		switch {
		case m.Type == State && m.ID != "":
			states[m.ID] = true
		case m.State != "":
			states[m.State] = true
		case m.ID != "" && (m.Type == Org || m.Type == Person) && !seen[m.ID] && (skip == nil || !skip(m)):
			seen[m.ID] = true
			if e, ok := r.gaz.Entry(m.ID); ok && strings.HasPrefix(e.Country, "state/") {
				states[e.Country] = true
			}
		}
	}
	if s := r.documentState(doc, ms, r.bodies()); s != "" {
		states[s] = true
	}
	return states, nil
}
