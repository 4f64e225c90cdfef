package entities

import (
	"cmp"
	"context"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/statecraft/statecraft/entities/internal/lexicon"
	"github.com/statecraft/statecraft/entities/internal/ner"
	"github.com/statecraft/statecraft/gazetteer"
)

// Mention recognition combines, sentence by sentence:
//
//  1. gazetteer matches (exact names, aliases, adjectives, then fuzzy);
//  2. rules: titles and roles before names, in-document acronym
//     definitions (both "Full Name (ACR)" and "ACR (Full Name)"),
//     organisations named by a head word ("Progress Party", "Department
//     of Labor") or a noun after them ("the Likud party"), airlines
//     ("Air France"), dates;
//  3. the statistical labels of the NER models, corrected for their known
//     failure modes (a title or demonym glued to a name, a capitalised
//     common word taken for a person);
//
// then resolves overlaps by priority (see the prio constants). Over the
// whole document it then
//
//  4. corrects the types of the model's names from document evidence
//     (refineTypes: definitions, life dates, coordinated lists, contexts
//     said of people, votes of the same name);
//  5. makes a surname alone a person after its full name (addSurnames);
//  6. links name variants of one person (linkNameVariants);
//  7. gives an ambiguous name one sense per document
//     (oneSensePerDocument: "Georgia" the US state throughout an
//     article that says "Atlanta, Georgia");
//  8. gives an ambiguous organisation, person or place the sense that
//     belongs to a state the document names (byDocumentCountry:
//     "Congress" is the US Congress beside "Washington").

// Candidate priorities: when two candidates overlap, the higher wins; on
// a tie, the longer, then the earlier.
const (
	prioModel     = 50 // statistical NER label
	prioFuzzy     = 60 // gazetteer name within an edit distance
	prioAdjective = 70 // gazetteer demonym ("Russian")
	prioDate      = 75
	prioTitle     = 80 // a name after a title ("President Vitaly Gabniya")
	prioOrgName   = 85 // a name with an organisation's head word ("Progress Party")
	prioGazetteer = 90 // gazetteer name or alias
	prioModelWide = 95 // an ORG/PERSON label that strictly contains a known name ("University of Georgia")
	prioAcronym   = 97 // an acronym defined in the document, over the gazetteer's reading
)

// candidate is a possible mention of one sentence; tokens [ts, te) are
// indices into the document's tokens.
type candidate struct {
	m      Mention
	ts, te int
	prio   int
}

// recognizer finds the mentions of a document. It is immutable.
type recognizer struct {
	gaz *gazetteer.Gazetteer
	ner *ner.Model // statecraft's NER model; nil to use prose's labels only
}

// recScratch is per-call working memory of the recognizer.
type recScratch struct {
	spans  []gazetteer.Span
	words  []string
	labels []ner.Label
	nspans []ner.Span
	ner    ner.Scratch
	cands  []candidate
	acros  map[string]Mention
	adjs   []int // token indices of adjectives (orgNameCandidates)

	// A second model scratch to label a name alone (isolatedPerson).
	iso       ner.Scratch
	isoWords  []string
	isoLabels []ner.Label
	isoSpans  []ner.Span
}

// release drops the scratch's references to a document's text, so that a
// pooled scratch does not keep it alive.
func (s *recScratch) release() {
	clear(s.words)
	clear(s.isoWords)
	clear(s.cands)
	s.words, s.isoWords, s.cands, s.acros = s.words[:0], s.isoWords[:0], s.cands[:0], nil
}

// mentions returns the mentions of doc, in text order, non-overlapping. It
// checks ctx between sentences.
func (r *recognizer) mentions(ctx context.Context, doc *Document, ref refDate, s *recScratch) ([]Mention, error) {
	var out []Mention
	s.acros = nil
	for si, st := range doc.Sentences {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		toks := doc.Tokens[st.TokenStart:st.TokenEnd]
		if len(toks) == 0 || isDebrisLine(toks) {
			continue
		}
		s.cands = s.cands[:0]
		r.labelSentence(toks, s)
		r.gazetteerCandidates(doc.Text, toks, st.TokenStart, si, s)
		r.ruleCandidates(doc.Text, toks, st.TokenStart, si, s)
		r.orgNameCandidates(doc.Text, toks, st.TokenStart, si, s)
		r.orgNounCandidates(doc.Text, toks, st.TokenStart, si, s)
		airlineCandidates(doc.Text, toks, st.TokenStart, si, s)
		for _, d := range findDates(toks, ref) {
			a, b := toks[d.start], toks[d.end-1]
			s.cands = append(s.cands, candidate{
				m:  Mention{Type: Date, Text: doc.Text[a.Start:b.End], Start: a.Start, End: b.End, Sentence: si, Source: FromRule, Score: 0.9, Value: d.value, Mod: d.mod, Name: doc.Text[a.Start:b.End]},
				ts: st.TokenStart + d.start, te: st.TokenStart + d.end, prio: prioDate,
			})
		}
		r.modelCandidates(doc.Text, toks, st.TokenStart, si, s)
		from := len(out)
		out = append(out, resolve(s.cands)...)
		out = r.learnAcronyms(doc, out, from, s)
	}
	// The document-level passes look at ctx too: on a text of megabytes
	// each takes longer than a cancellation may wait.
	out, err := r.refineTypes(ctx, doc, out)
	if err != nil {
		return nil, err
	}
	if out, err = r.addSurnames(ctx, doc, out); err != nil {
		return nil, err
	}
	if err := linkNameVariants(ctx, doc, out); err != nil {
		return nil, err
	}
	r.oneSensePerDocument(out)
	r.byDocumentCountry(out)
	return out, nil
}

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
			// MISC and DESIGN.md's "demonyms" have it, whatever the model
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
// news agency") when the rest is a name of the same entry, so that the
// mention is the name, as it is for the names the gazetteer lists
// without the noun ("the Likud party"). It returns the shorter match and
// whether there was one.
func (r *recognizer) withoutOrgNoun(text string, toks []Token, g gazetteer.Match) (gazetteer.Match, bool) {
	k := g.TokenEnd - 1
	if k <= g.TokenStart || toks[k].End != g.End || !orgNouns[toks[k].Text] {
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

// personTitles are words and phrases that, before a capitalised name,
// make it a person: "President Vladimir Putin", "ambassador ..., Oleg
// Botsiyev". Keys are lower case; multi-word titles end with their last
// word and are checked backwards by isTitleAt.
var personTitles = map[string]bool{
	"president": true, "vice-president": true, "vice": false, "premier": true, "chancellor": true,
	"minister": true, "secretary": true, "secretary-general": true, "ambassador": true, "envoy": true,
	"leader": true, "spokesman": true, "spokeswoman": true, "spokesperson": true, "king": true, "queen": true,
	"prince": true, "princess": true, "emir": true, "sheikh": true, "sultan": true, "general": true, "gen.": true,
	"col.": true, "colonel": true, "lt.": true, "lieutenant": true, "major": false, "capt.": true, "captain": true,
	"mr.": true, "mrs.": true, "ms.": true, "dr.": true, "mr": true, "mrs": true, "ms": true, "dr": true, "sen.": true, "senator": true, "rep.": true,
	"gov.": true, "governor": true, "mayor": true, "judge": true, "justice": true, "chairman": true,
	"chairwoman": true, "chair": true, "commander": true, "diplomat": true, "official": true, "chief": true,
	"head": true, "director": true, "adviser": true, "advisor": true, "aide": true, "deputy": true,
	"foreign": false, "prime": false, "defence": false, "defense": false, "pope": true, "patriarch": true,
	"ayatollah": true, "archbishop": true, "bishop": true, "coach": true, "striker": true, "spokesmen": true,
	"counterpart": true, "opposition": false, "activist": true, "journalist": true, "correspondent": true,
	"analyst": true, "economist": true, "lawmaker": true, "legislator": true, "mp": true, "congressman": true,
	"congresswoman": true, "representative": true, "negotiator": true, "admiral": true, "marshal": true,
	"commissioner": true, "ombudsman": true, "speaker": true, "president-elect": true, "ex-president": true,
	"dictator": true, "strongman": true, "warlord": true, "militant": false, "businessman": true, "tycoon": true,
	"oligarch": true, "billionaire": true, "dissident": true, "rebel": false, "secretary-of-state": true,
	"sir": true, "dame": true, "lord": true, "lady": true, "reverend": true, "rev.": true, "rabbi": true,
	"imam": true, "cardinal": true, "duke": true, "duchess": true, "earl": true, "baron": true, "baroness": true,
	"viscount": true, "marquis": true, "emperor": true, "empress": true, "tsar": true, "czar": true,
	"shah": true, "maharaja": true, "pharaoh": true, "elector": true, "sen": false, "prof.": true,
	"professor": true, "sgt.": true, "sergeant": true, "cpl.": true, "pvt.": true, "maj.": true, "adm.": true,
}

// isTitle reports whether the token is a person title.
func isTitle(t Token) bool { return personTitles[lowerASCII(t.Text)] }

// ruleCandidates adds persons named after titles and roles, and acronyms
// defined earlier in the document.
func (r *recognizer) ruleCandidates(text string, toks []Token, base, si int, s *recScratch) {
	for i := 0; i < len(toks); i++ {
		if s.acros != nil {
			if m, ok := s.acros[toks[i].Text]; ok {
				m.Text, m.Start, m.End, m.Sentence, m.Source, m.Score = toks[i].Text, toks[i].Start, toks[i].End, si, FromRule, 0.85
				m.Adjectival, m.Value, m.Mod, m.Metonymy = false, "", "", false
				s.cands = append(s.cands, candidate{m: m, ts: base + i, te: base + i + 1, prio: prioAcronym})
				continue
			}
		}
		if !isTitle(toks[i]) {
			continue
		}
		j := i + 1
		// An apposition after a role: "ambassador to Abkhazia, Oleg
		// Botsiyev,", "the bloc's leader, Raul Khadzhinba".
		if k := skipRoleComplement(toks, j); k > j || lowerAt(toks, j) == "," {
			if lowerAt(toks, k) != "," {
				// "the President of Abkhazia Aslan Bzhania said": a known
				// place or organisation, then a name without a comma.
				if p := knownPrefix(toks, s, base, j, k); p > j {
					if e := nameRun(toks, p); e == k && e-p >= 2 {
						s.cands = append(s.cands, personCandidate(text, toks, base, si, p, e))
						i = e - 1
					}
				}
				continue
			}
			j = k
			j++
			e := nameRun(toks, j)
			if e-j >= 2 && (e == len(toks) || isClauseEnd(toks[e].Text)) {
				s.cands = append(s.cands, personCandidate(text, toks, base, si, j, e))
			}
			continue
		}
		e := nameRun(toks, j)
		if e > j && e < len(toks) && isTitle(toks[e]) && toks[e].Start == toks[e-1].End+1 {
			continue // "Chief Cabinet Secretary Yoshimasa Hayashi": the words between titles are a title's
		}
		if e == j+1 && lowerAt(toks, i) == "general" && r.isCommonWord(toks[j].Text) {
			continue // "the General Staff", "the General Prosecutor's Office": "General" is an adjective
		}
		if e > j {
			s.cands = append(s.cands, personCandidate(text, toks, base, si, j, e))
			i = e - 1
		}
	}
}

// knownPrefix returns the end of the longest gazetteer name of a state,
// place or organisation among the candidates that starts the complement
// [j, k) of a role ("of Abkhazia" in "of Abkhazia Aslan Bzhania"), after
// its preposition and article, or j when there is none.
func knownPrefix(toks []Token, s *recScratch, base, j, k int) int {
	best := j
	for _, c := range s.cands {
		if c.prio != prioGazetteer || c.te-base >= k || c.te-base <= best || c.m.Type == Person {
			continue
		}
		// The name starts right after "of" or "of the".
		if st := c.ts - base; st == j+1 || st == j+2 && lowerAt(toks, j+1) == "the" {
			best = c.te - base
		}
	}
	return best
}

// skipRoleComplement skips "to Abkhazia", "of the CSTO", "in Moscow" after
// a role noun and returns the index after it (j when there is none).
func skipRoleComplement(toks []Token, j int) int {
	switch lowerAt(toks, j) {
	case "to", "of", "in", "for", "at":
	default:
		return j
	}
	k := j + 1
	if lowerAt(toks, k) == "the" {
		k++
	}
	start := k
	for k < len(toks) && k-start < 6 && (isCapitalized(toks[k].Text) || lowerAt(toks, k) == "of" || lowerAt(toks, k) == "and") {
		k++
	}
	if k == start {
		return j
	}
	return k
}

// isClauseEnd reports whether a token ends an apposition: "Oleg Botsiyev,".
func isClauseEnd(s string) bool {
	switch s {
	case ",", ".", ";", ":", ")", "—", "–", "said", "says", "told":
		return true
	}
	return false
}

// nameParticles may appear inside a person's name: "Jaap de Hoop
// Scheffer", "Mohammed bin Salman", "Ursula von der Leyen".
var nameParticles = map[string]bool{
	"de": true, "van": true, "von": true, "der": true, "den": true, "da": true, "di": true, "du": true,
	"bin": true, "ibn": true, "al": true, "el": true, "la": true, "le": true, "y": true, "dos": true, "del": true,
}

// nameRun returns the end of the run of capitalised name words starting at
// j (at most five words), or j when none starts there.
func nameRun(toks []Token, j int) int {
	k := j
	for k < len(toks) && k-j < 5 {
		w := toks[k].Text
		switch {
		case isNameWord(w):
			k++
		case k > j && nameParticles[w] && k+1 < len(toks) && isNameWord(toks[k+1].Text):
			k++
		case k > j && isArticleName(w):
			k++
		default:
			return trimParticles(toks, j, k)
		}
	}
	return trimParticles(toks, j, k)
}

// isArticleName reports whether w is a name word after an Arabic article
// that keeps its lower case: "al-Sadiq", "el-Sayed", "ash-Shara".
func isArticleName(w string) bool {
	for _, p := range [...]string{"al-", "el-", "ad-", "ash-", "as-", "an-", "ar-", "at-", "az-"} {
		if rest, ok := strings.CutPrefix(w, p); ok {
			return isNameWord(rest)
		}
	}
	return false
}

// trimParticles drops particles at the end of a run.
func trimParticles(toks []Token, j, k int) int {
	for k > j && nameParticles[toks[k-1].Text] {
		k--
	}
	return k
}

// isNameWord reports whether w looks like a word of a person's name:
// capitalised letters, with inner hyphens or apostrophes ("Jean-Claude",
// "O'Brien"), or an initial ("W.").
func isNameWord(w string) bool {
	r, n := utf8.DecodeRuneInString(w)
	if n == 0 || !unicode.IsUpper(r) {
		return false
	}
	if len(w) == 2 && w[1] == '.' {
		return true // an initial
	}
	letters := 0
	for _, c := range w {
		switch {
		case unicode.IsLetter(c):
			letters++
		case c == '-' || c == '\'' || c == '’' || c == '.':
		default:
			return false
		}
	}
	if letters < 2 || isAllUpper(w) && letters > 1 && len(w) <= 5 {
		return letters >= 2 && !isAllUpper(w) // acronyms are no names
	}
	lw := lowerASCII(w)
	_, titleWord := personTitles[lw] // titles and the words of titles ("Foreign", "Prime")
	return !titleWord && headType(lw) == "" && monthNumber(lw) == 0 && weekdayNumber(lw) < 0
}

// isAllUpper reports whether every letter of s is upper case.
func isAllUpper(s string) bool {
	for _, c := range s {
		if unicode.IsLower(c) {
			return false
		}
	}
	return true
}

// personCandidate makes a PERSON candidate of tokens [j, e) of a sentence.
func personCandidate(text string, toks []Token, base, si, j, e int) candidate {
	a, b := toks[j], toks[e-1]
	return candidate{
		m:  Mention{Type: Person, Text: text[a.Start:b.End], Start: a.Start, End: b.End, Sentence: si, Name: text[a.Start:b.End], Source: FromRule, Score: 0.8},
		ts: base + j, te: base + e, prio: prioTitle,
	}
}

// labelSentence runs statecraft's NER model over one sentence, leaving
// the labels in s.labels and the spans in s.nspans.
func (r *recognizer) labelSentence(toks []Token, s *recScratch) {
	s.nspans = s.nspans[:0]
	if r.ner == nil {
		return
	}
	s.words = s.words[:0]
	for _, t := range toks {
		s.words = append(s.words, t.Text)
	}
	s.labels = r.ner.Label(s.words, &s.ner, s.labels)
	s.nspans = ner.AppendSpans(s.nspans, s.labels)
}

// modelSays reports whether the model labelled tokens [i, j) of the
// sentence, or a span that contains them (strictly, if strict), as kind.
func modelSays(s *recScratch, i, j int, strict bool, kind ner.Kind) bool {
	for _, sp := range s.nspans {
		if sp.Start <= i && sp.End >= j && sp.Kind == kind && (!strict || sp.End-sp.Start > j-i) {
			return true
		}
	}
	return false
}

// modelAgrees reports whether statecraft's model gives tokens [i, j) a
// type compatible with typ, or labels none of them and the text is at
// least 7 bytes long.
func (r *recognizer) modelAgrees(s *recScratch, i, j int, typ Type) bool {
	for _, sp := range s.nspans {
		if sp.Start < j && i < sp.End {
			switch sp.Kind {
			case ner.PER:
				return typ == Person
			case ner.LOC:
				return typ == State || typ == Location
			case ner.ORG:
				return typ == Org
			}
			return false
		}
	}
	return r.ner == nil || len(s.words) > 0 && len(strings.Join(s.words[i:j], " ")) >= 7
}

// modelCandidates adds the spans labelled by statecraft's NER model and by
// prose's, after correcting them. Where both label a span, the
// statecraft model's (trained on news, far more accurate) comes first.
func (r *recognizer) modelCandidates(text string, toks []Token, base, si int, s *recScratch) {
	if r.ner != nil {
		for _, sp := range s.nspans {
			var typ Type
			switch sp.Kind {
			case ner.PER:
				typ = Person
			case ner.LOC:
				typ = Location
			case ner.ORG:
				typ = Org
			default:
				continue // MISC: demonyms come from the gazetteer
			}
			r.addModelSpan(text, toks, base, si, sp.Start, sp.End, typ, 0.7, prioModel+2, s)
		}
	}
	if r.ner != nil {
		// Measured on CoNLL-2003 validation, prose's labels only add
		// errors where statecraft's model has labelled the sentence
		// (overall F1 0.834 without them, 0.826 with them where the model
		// says O): they are used when no model is configured.
		return
	}
	// prose labels: B-/I- PERSON, GPE, LOCATION, ORGANIZATION; prose joins
	// consecutive tokens of one type into one entity whatever the prefix.
	for i := 0; i < len(toks); {
		typ := proseType(toks[i].Label)
		if typ == "" {
			i++
			continue
		}
		j := i + 1
		for j < len(toks) && proseType(toks[j].Label) == typ {
			j++
		}
		r.addModelSpan(text, toks, base, si, i, j, typ, 0.5, prioModel, s)
		i = j
	}
}

// proseType maps a prose NER label to a statecraft type, "" for none.
func proseType(label string) Type {
	if len(label) < 3 {
		return ""
	}
	switch label[2:] {
	case "PERSON":
		return Person
	case "GPE", "LOCATION":
		return Location
	case "ORGANIZATION", "ORG":
		return Org
	}
	return ""
}

// addModelSpan corrects one statistical span [i, j) and adds it as a
// candidate: leading titles, demonyms, determiners and lower-case words are
// trimmed ("Abkhazian Vice-President Vitaly Gabniya" -> "Vitaly Gabniya"),
// trailing punctuation too, and spans made only of common words ("Sorry",
// "Dear") are dropped.
func (r *recognizer) addModelSpan(text string, toks []Token, base, si, i, j int, typ Type, score float64, prio int, s *recScratch) {
	// A title word starts no organisation's name ("General Motors",
	// "Chief Executives Organization").
	orgHead := retypeByHead(toks[i:j], "") == Org
	for i < j && (isTitle(toks[i]) && !orgHead || !startsUpperOrDigit(toks[i].Text) || isDeterminer(toks[i].Text) || r.isDemonym(text, toks[i])) {
		i++
	}
	for j > i && !startsUpperOrDigit(toks[j-1].Text) {
		j--
	}
	if i >= j {
		return
	}
	common := true
	for k := i; k < j; k++ {
		if !r.isCommonWord(toks[k].Text) {
			common = false
			break
		}
	}
	if common || typ == Person && j-i == 1 && definingNoun(lowerASCII(toks[i].Text)) != "" {
		return // "Sorry", "Dear"; "Armenian Grandmaster"
	}
	if typ == Person && j-i == 1 && i == 0 && !r.knownName(text, toks[i]) && toks[i].Tag != "NNP" {
		return // a lone sentence-initial word that the tagger does not call a proper noun
	}
	if typ == Person && j-i == 1 && isInitial(toks[i].Text) {
		return // "a post on X.": an initial alone names no one
	}
	for typ == Person && j < len(toks) && j-i < 5 && isArticleName(toks[j].Text) && toks[j].Start == toks[j-1].End+1 {
		j++ // "Ali al-Sadiq": the model stops at the article's lower case
	}
	typ = retypeByHead(toks[i:j], typ)
	if typ == Location && (j-i >= 2 || humanContext(toks, i, j) != humanNone) && j-i <= 3 && r.personShaped(toks, i, j) && r.isolatedPerson(toks[i:j], base+i, base+j, s) {
		// "losing to Rod Sykes", "a friend of Wassily Kandinsky": a name
		// that the model, reading it alone, takes for a person's is one,
		// unless the gazetteer knows part of it.
		typ = Person
	}
	if typ == Person && placeBefore(toks, i) && (j == len(toks) || !isPossessive(toks[j].Text)) {
		// "in Vestvågøy", "near Debre Tabor": a name after a preposition of
		// place is a place, whatever its spelling suggests to the model.
		typ = Location
	}
	a, b := toks[i], toks[j-1]
	m := Mention{Type: typ, Text: text[a.Start:b.End], Start: a.Start, End: b.End, Sentence: si, Name: text[a.Start:b.End], Source: FromModel, Score: score}
	if typ == Org || typ == Person || typ == Location && retypeByHead(toks[i:j], "") == Location {
		// "University of Georgia", "Riga Central Railway Station", "Magic Johnson", "Kurdistan Democratic
		// Party": an organisation or a person whose name contains a
		// shorter known name keeps the whole span, unless the rest is
		// only common words that are no head of a name ("RT Team").
		// A span that holds a person and an organisation is two names run
		// together ("Abkhazia Aslan Bzhania", "NATO Jens Stoltenberg").
		wide, veto := false, false
		for _, c := range s.cands {
			if c.ts < base+i || c.te > base+j || c.te-c.ts >= j-i {
				continue
			}
			if (c.m.Type == Person) != (typ == Person) && (c.m.Type == Person || c.m.Type == Org) {
				veto = true
			}
			if c.prio == prioGazetteer && r.widens(toks, i, j, c.ts-base, c.te-base, typ) {
				wide = true
			}
		}
		if wide && !veto {
			prio = prioModelWide
		}
	}
	s.cands = append(s.cands, candidate{m: m, ts: base + i, te: base + j, prio: prio})
}

// isInitial reports whether w is one capital letter, with or without a
// full stop: "X", "J.".
func isInitial(w string) bool {
	w = strings.TrimSuffix(w, ".")
	return len(w) == 1 && 'A' <= w[0] && w[0] <= 'Z'
}

// widens reports whether a model span [i, j) of type typ is a name of its
// own rather than the known name [ci, cj) inside it with common words
// around: a person's other words are names ("Magic Johnson"); an
// organisation needs a head word ("University of Georgia") or another
// word that is not a common one ("Kurdistan Democratic Party").
func (r *recognizer) widens(toks []Token, i, j, ci, cj int, typ Type) bool {
	if typ == Person {
		return true
	}
	if retypeByHead(toks[i:j], "") == typ {
		return true
	}
	for k := i; k < j; k++ {
		if (k < ci || k >= cj) && isCapitalized(toks[k].Text) && !r.isCommonWord(toks[k].Text) {
			return true
		}
	}
	return false
}

// personShaped reports whether tokens [i, j) could be a person's name by
// their words and the words before: no head word, no common word ("Great
// Belt", "Western Hemisphere"), no article or preposition of place before
// ("the Hollywood Bowl", "in Bad Schandau"), no "town of" ("the state of
// Roraima").
func (r *recognizer) personShaped(toks []Token, i, j int) bool {
	if retypeByHead(toks[i:j], "") != "" || placeBefore(toks, i) {
		return false
	}
	for k := i; k < j; k++ {
		if r.isCommonWord(toks[k].Text) || !isNameWord(toks[k].Text) {
			return false
		}
	}
	switch lowerAt(toks, i) {
	case "san", "santa", "santo", "são", "sao", "monte", "punta", "porto", "puerto", "fort", "port", "bad", "ras", "wadi":
		return false // "Punta Arenas", "Bad Schandau"
	}
	switch prev := lowerAt(toks, i-1); {
	case isDeterminer(prev), prev == "at":
		return false
	case prev == "of" && (definingNoun(lowerAt(toks, i-2)) == Location || personTitles[lowerAt(toks, i-2)]):
		return false // "the state of Roraima", "Chief Minister of Madhya Pradesh"
	}
	return true
}

// The contexts that humanContext finds.
const (
	humanNone   = iota
	humanSpeech // "X said": people, and organisations too
	humanKin    // "X 's wife", "the daughter of X", "written by X": people only
)

// humanContext tells whether the words around tokens [i, j) are said of
// people: "X said", "X 's wife", "the daughter of X", "written by X".
func humanContext(toks []Token, i, j int) int {
	switch lowerAt(toks, j) {
	case "said", "says", "told", "wrote", "writes", "argued", "claimed", "stated", "believed", "believes",
		"recalled", "insisted", "announced", "explained", "added":
		return humanSpeech
	case "married", "marries", "died", "dies":
		return humanKin
	case "'s", "’s", "'", "’":
		if kinNoun(lowerAt(toks, j+1)) {
			return humanKin
		}
	}
	if lowerAt(toks, i-1) == "of" && kinNoun(lowerAt(toks, i-2)) {
		return humanKin
	}
	if lowerAt(toks, i-1) == "by" {
		switch lowerAt(toks, i-2) {
		case "written", "directed", "composed", "painted", "sung", "performed", "voiced", "portrayed", "illustrated",
			"authored", "narrated", "photographed", "sculpted", "murdered", "killed", "assassinated", "succeeded",
			"fathered":
			return humanKin
		}
	}
	return humanNone
}

// kinNoun reports whether w names a relation or a part of a life that
// only people have: "wife", "son", "reign", "death".
func kinNoun(w string) bool {
	switch w {
	case "wife", "husband", "son", "daughter", "father", "mother", "brother", "sister", "widow", "widower",
		"children", "sons", "daughters", "death", "birth", "reign", "life", "career", "son-in-law",
		"daughter-in-law", "grandson", "granddaughter", "grandfather", "grandmother", "nephew", "niece",
		"uncle", "aunt", "cousin", "mistress", "lover", "fiancée", "fiance", "fiancé", "parents", "heir":
		return true
	}
	return false
}

// isolatedPerson reports whether statecraft's model labels the words of
// a name, given alone, as one person, and no gazetteer name lies in
// tokens [ts, te) of the document.
func (r *recognizer) isolatedPerson(toks []Token, ts, te int, s *recScratch) bool {
	if r.ner == nil {
		return false
	}
	for _, c := range s.cands {
		if c.prio >= prioGazetteer && c.ts < te && ts < c.te {
			return false
		}
	}
	s.isoWords = s.isoWords[:0]
	for _, t := range toks {
		s.isoWords = append(s.isoWords, t.Text)
	}
	s.isoLabels = r.ner.Label(s.isoWords, &s.iso, s.isoLabels)
	s.isoSpans = ner.AppendSpans(s.isoSpans[:0], s.isoLabels)
	return len(s.isoSpans) == 1 && s.isoSpans[0].Kind == ner.PER && s.isoSpans[0].Start == 0 && s.isoSpans[0].End == len(toks)
}

// knownName reports whether the gazetteer knows the token as a name.
func (r *recognizer) knownName(text string, t Token) bool {
	return len(r.gaz.Match(text, []gazetteer.Span{{Start: t.Start, End: t.End}})) > 0
}

// isDemonym reports whether the token is a state's adjective ("Abkhazian").
func (r *recognizer) isDemonym(text string, t Token) bool {
	for _, g := range r.gaz.Match(text, []gazetteer.Span{{Start: t.Start, End: t.End}}) {
		if g.Adjectival && g.Start == t.Start && g.End == t.End {
			return true
		}
	}
	return false
}

// isDeterminer reports whether w is an article or demonstrative.
func isDeterminer(w string) bool {
	switch lowerASCII(w) {
	case "the", "a", "an", "this", "that", "these", "those":
		return true
	}
	return false
}

// startsUpperOrDigit reports whether s starts with an upper-case letter or
// a digit.
func startsUpperOrDigit(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r) || unicode.IsDigit(r)
}

// resolve picks non-overlapping candidates by priority, then length, then
// position, and returns them as mentions in text order.
func resolve(cands []candidate) []Mention {
	slices.SortStableFunc(cands, func(a, b candidate) int {
		if a.prio != b.prio {
			return b.prio - a.prio
		}
		if la, lb := a.m.End-a.m.Start, b.m.End-b.m.Start; la != lb {
			return lb - la
		}
		return a.m.Start - b.m.Start
	})
	var kept []Mention
	for _, c := range cands {
		at, found := slices.BinarySearchFunc(kept, c.m.Start, func(m Mention, start int) int { return m.Start - start })
		if found || (at > 0 && kept[at-1].End > c.m.Start) || (at < len(kept) && kept[at].Start < c.m.End) {
			continue
		}
		kept = slices.Insert(kept, at, c.m)
	}
	return kept
}

// learnAcronyms records definitions "Full Name (ACR)" and "ACR (Full
// Name)" among the mentions
// found so far, so that later uses of ACR are mentions of the same entity,
// and makes the ACR in parentheses a mention of it too. A definition in
// the document outranks the gazetteer's reading of the acronym (an
// article's "CMC" is what it defines, whatever else CMC stands for). It
// returns ms with the acronyms in parentheses linked.
func (r *recognizer) learnAcronyms(doc *Document, ms []Mention, from int, s *recScratch) []Mention {
	for k := from; k < len(ms); k++ {
		m := ms[k]
		if m.Type == Date || m.Adjectival || m.Type == Person {
			continue
		}
		if as, ae, ok := acronymBefore(doc.Text, m); ok {
			// "ACR (Full Name)": the acronym before the parenthesis.
			acr := doc.Text[as:ae]
			if s.acros == nil {
				s.acros = map[string]Mention{}
			}
			if _, ok := s.acros[acr]; !ok {
				s.acros[acr] = m
			}
			am := s.acros[acr]
			am.Text, am.Start, am.End, am.Source, am.Score = acr, as, ae, FromRule, 0.85
			am.Adjectival, am.Value, am.Mod, am.Metonymy, am.Alternatives = false, "", "", false, nil
			switch {
			case k > 0 && ms[k-1].Start == as && ms[k-1].End == ae:
				am.Sentence = ms[k-1].Sentence
				ms[k-1] = am
			case k == 0 || ms[k-1].End <= as:
				if si := sentenceAt(doc, as); si >= 0 {
					am.Sentence = si
					ms = slices.Insert(ms, k, am)
					k++
				}
			}
			continue
		}
		rest := doc.Text[m.End:]
		trim := strings.TrimLeft(rest, " \t")
		if !strings.HasPrefix(trim, "(") {
			continue
		}
		close := strings.IndexByte(trim, ')')
		if close < 2 || close > 12 {
			continue
		}
		acr := trim[1:close]
		if !isAcronym(acr) || !initialsMatch(acr, m.Text) {
			continue
		}
		if s.acros == nil {
			s.acros = map[string]Mention{}
		}
		if _, ok := s.acros[acr]; !ok {
			s.acros[acr] = m
		}
		// The acronym in parentheses names the same entity.
		as := m.End + (len(rest) - len(trim)) + 1
		am := s.acros[acr]
		am.Text, am.Start, am.End, am.Source, am.Score = acr, as, as+len(acr), FromRule, 0.85
		am.Adjectival, am.Value, am.Mod, am.Metonymy, am.Alternatives = false, "", "", false, nil
		switch {
		case k+1 < len(ms) && ms[k+1].Start == am.Start && ms[k+1].End == am.End:
			am.Sentence = ms[k+1].Sentence
			ms[k+1] = am
		case k+1 == len(ms) || ms[k+1].Start >= am.End:
			if si := sentenceAt(doc, am.Start); si >= 0 {
				am.Sentence = si
				ms = slices.Insert(ms, k+1, am)
			}
		}
	}
	return ms
}

// acronymBefore finds the definition "ACR (Full Name)" of mention m: m
// alone in parentheses, right after a word of capitals whose letters are
// initials of m ("CSTO (Collective Security Treaty Organization)"). It
// returns the acronym's span.
func acronymBefore(text string, m Mention) (start, end int, ok bool) {
	if !strings.HasPrefix(strings.TrimLeft(text[m.End:], " \t"), ")") {
		return 0, 0, false
	}
	before := strings.TrimRight(text[:m.Start], " \t")
	if !strings.HasSuffix(before, "(") {
		return 0, 0, false
	}
	end = len(strings.TrimRight(before[:len(before)-1], " \t"))
	start = end
	for start > 0 && end-start < 10 {
		c := text[start-1]
		if !('A' <= c && c <= 'Z') && !('0' <= c && c <= '9') {
			break
		}
		start--
	}
	if start > 0 {
		if c := text[start-1]; c != ' ' && c != '\t' && c != '\n' && c != '(' && c != '"' {
			return 0, 0, false // inside a longer word
		}
	}
	acr := text[start:end]
	if !isAcronym(acr) || !initialsMatch(acr, m.Text) {
		return 0, 0, false
	}
	return start, end, true
}

// sentenceAt returns the index of the sentence holding byte offset off, or
// -1 when none does.
func sentenceAt(doc *Document, off int) int {
	i, found := slices.BinarySearchFunc(doc.Sentences, off, func(s Sentence, off int) int {
		switch {
		case s.End <= off:
			return -1
		case s.Start > off:
			return 1
		}
		return 0
	})
	if !found {
		return -1
	}
	return i
}

// isAcronym reports whether s is 2 to 10 capitals (digits allowed after
// the first).
func isAcronym(s string) bool {
	if len(s) < 2 || len(s) > 10 || s[0] < 'A' || s[0] > 'Z' {
		return false
	}
	for i := 1; i < len(s); i++ {
		if c := s[i]; !('A' <= c && c <= 'Z') && !('0' <= c && c <= '9') {
			return false
		}
	}
	return true
}

// initialsMatch reports whether the capitals of acr appear, in order, as
// initials of the words of name: CSTO for Collective Security Treaty
// Organization.
func initialsMatch(acr, name string) bool {
	var initials []byte
	for _, w := range strings.Fields(name) {
		if c := w[0]; 'A' <= c && c <= 'Z' {
			initials = append(initials, c)
		}
	}
	// Every letter of the acronym must be found in order among the initials.
	k := 0
	for i := 0; i < len(acr) && k <= len(initials); i++ {
		c := acr[i]
		if c < 'A' || c > 'Z' {
			continue
		}
		for k < len(initials) && initials[k] != c {
			k++
		}
		if k == len(initials) {
			return false
		}
		k++
	}
	return len(initials) >= 2
}

// isDebrisLine reports whether a sentence is web-page debris rather than
// prose: a long run of words without any capital, punctuation or verb, such
// as a line of icon names.
func isDebrisLine(toks []Token) bool {
	if len(toks) < 12 {
		return false
	}
	lower := 0
	for _, t := range toks {
		if startsLower(t.Text) {
			lower++
		}
		if isTerminalText(t.Text) || t.Text == "," {
			return false
		}
	}
	return lower*10 >= len(toks)*9
}

// addSurnames makes a later (or earlier) use of the surname of a person
// named in full in the document a PERSON mention, where nothing else
// claimed it or only a statistical model typed it otherwise: "Oleg
// Botsiyev ... the plan of Botsiyev". linkNameVariants then links it.
func (r *recognizer) addSurnames(ctx context.Context, doc *Document, ms []Mention) ([]Mention, error) {
	var surnames map[string]bool
	for i, m := range ms {
		if every(i, checkMentions) {
			if err := ctx.Err(); err != nil {
				return nil, err
			}
		}
		if m.Type != Person {
			continue
		}
		// A model's person whose first word is a common word may be no
		// person at all ("Late Erlitou").
		first, _, _ := strings.Cut(strings.TrimSpace(m.Text), " ")
		if m.Source == FromModel && r.isCommonWord(first) {
			continue
		}
		if w := surname(m.Text); w != "" {
			if surnames == nil {
				surnames = map[string]bool{}
			}
			surnames[w] = true
		}
	}
	if surnames == nil {
		return ms, nil
	}
	var added []Mention
	k := 0 // ms[k] is the first mention not ending before the token
	for si, st := range doc.Sentences {
		if every(si, checkSentences) {
			if err := ctx.Err(); err != nil {
				return nil, err
			}
		}
		for ti := st.TokenStart; ti < st.TokenEnd; ti++ {
			t := doc.Tokens[ti]
			if !surnames[t.Text] {
				continue
			}
			for k < len(ms) && ms[k].End <= t.Start {
				k++
			}
			replace := false
			if k < len(ms) && ms[k].Start < t.End {
				m := ms[k]
				if m.Start != t.Start || m.End != t.End || m.Type == Person || m.Source != FromModel {
					continue
				}
				replace = true
			}
			if replace && placeBefore(doc.Tokens[st.TokenStart:st.TokenEnd], ti-st.TokenStart) {
				continue // "held in Guantanamo": a place after all
			}
			// A surname inside a longer run of names is another name
			// ("Botsiyev Street", "Anna Botsiyev"); at the start of a
			// sentence a common word is no name ("Power cuts").
			toks := doc.Tokens[st.TokenStart:st.TokenEnd]
			i := ti - st.TokenStart
			if i+1 < len(toks) && isNameWord(toks[i+1].Text) && !r.isCommonWord(toks[i+1].Text) {
				continue
			}
			if i > 0 && isNameWord(toks[i-1].Text) && !isTitle(toks[i-1]) && !r.isCommonWord(toks[i-1].Text) {
				continue
			}
			if i == 0 && r.isCommonWord(t.Text) {
				continue
			}
			m := Mention{Type: Person, Text: t.Text, Start: t.Start, End: t.End, Sentence: si, Name: t.Text, Source: FromRule, Score: 0.75}
			if replace {
				ms[k] = m
			} else {
				added = append(added, m)
			}
		}
	}
	if len(added) == 0 {
		return ms, nil
	}
	// Both lists are in text order: merge them (sorting a hundred
	// thousand mentions is a step of a tenth of a second that cannot
	// look at ctx).
	return mergeMentions(ctx, ms, added)
}

// surname returns the last name of a person's name of two words or more
// ("Botsiyev" of "Oleg Botsiyev", "King" of "Martin Luther King Jr."), or
// "" when the name is a single word or its last word is no name.
func surname(name string) string {
	ws := strings.Fields(name)
	for len(ws) > 0 {
		switch ws[len(ws)-1] {
		case "Jr.", "Jr", "Sr.", "Sr", "II", "III", "IV":
			ws = ws[:len(ws)-1]
			continue
		}
		break
	}
	if len(ws) < 2 {
		return ""
	}
	w := ws[len(ws)-1]
	if len(w) < 3 || !isNameWord(w) || strings.HasSuffix(w, ".") {
		return ""
	}
	return w
}

// linkNameVariants gives name variants of one person the same canonical
// name and id: "Putin" after "Vladimir Putin" is Vladimir Putin; an
// unknown person's name is the fullest form used in the document.
//
// A full name (two words or more) of an unknown person takes, as its name,
// the longest full name in the document with the same first and last
// words ("Oleg A. Botsiyev" for "Oleg Botsiyev"), or the gazetteer's when
// a known person's name has them. A surname alone takes the id and name of
// the nearest full name before it with that surname (after it, when none
// is before), even over the gazetteer's reading of the surname: in a
// document about Magic Johnson, "Johnson" is not Boris Johnson.
func linkNameVariants(ctx context.Context, doc *Document, ms []Mention) error {
	type full struct {
		first, last string
		name, id    string
		start       int
	}
	var fulls []full
	for i, m := range ms {
		if every(i, checkMentions) {
			if err := ctx.Err(); err != nil {
				return err
			}
		}
		if m.Type != Person {
			continue
		}
		last := surname(m.Text)
		if last == "" {
			continue
		}
		first, _, _ := strings.Cut(strings.TrimSpace(m.Text), " ")
		name := m.Name
		if m.ID == "" {
			name = m.Text
		}
		fulls = append(fulls, full{first, last, name, m.ID, m.Start})
	}
	if len(fulls) == 0 {
		return nil
	}
	// The canonical form of each (first, last) pair: a gazetteer person's
	// name, or else the longest form.
	type key struct{ first, last string }
	best := map[key]full{}
	for _, f := range fulls {
		k := key{f.first, f.last}
		b, ok := best[k]
		if !ok || (b.id == "" && (f.id != "" || len(f.name) > len(b.name))) {
			best[k] = f
		}
	}
	for i := range fulls {
		b := best[key{fulls[i].first, fulls[i].last}]
		fulls[i].name, fulls[i].id = b.name, b.id
	}
	byLast := map[string][]int{} // indices into fulls, ascending
	for i, f := range fulls {
		byLast[f.last] = append(byLast[f.last], i)
	}
	fi := 0
	for i := range ms {
		if every(i, checkMentions) {
			if err := ctx.Err(); err != nil {
				return err
			}
		}
		m := &ms[i]
		if m.Type != Person {
			continue
		}
		for fi < len(fulls) && fulls[fi].start <= m.Start {
			fi++
		}
		if last := surname(m.Text); last != "" {
			if m.ID == "" {
				first, _, _ := strings.Cut(strings.TrimSpace(m.Text), " ")
				b := best[key{first, last}]
				m.ID, m.Name = b.id, b.name
			}
			continue
		}
		// A single word: the nearest full name with it as surname, the
		// last one before it, else the first after it.
		at := byLast[strings.TrimSpace(m.Text)]
		if len(at) == 0 {
			continue
		}
		k, _ := slices.BinarySearch(at, fi) // at[k-1] < fi <= at[k]
		f := &fulls[at[min(k, len(at)-1)]]
		if k > 0 {
			f = &fulls[at[k-1]]
		}
		if m.ID == "" || m.Source == FromGazetteer || m.ID == f.id {
			m.ID, m.Name = f.id, f.name
		}
	}
	return nil
}

// isCommonWord reports whether w is a word that news writes in lower case:
// a capitalised "Sorry", "Dear" or "Team" is a word, not a name.
func (r *recognizer) isCommonWord(w string) bool {
	return lexicon.Lower(lowerASCII(w))
}

// placeHeads and orgHeads are words that make a name a place or an
// organisation whatever a statistical model says: "Lake Tana", "Morogoro
// Region", "McGill University". Keys are lower case.
var (
	placeHeads = map[string]bool{
		"lake": true, "mount": true, "mountains": true, "mountain": true, "mt.": true, "river": true, "valley": true,
		"region": true, "regions": true, "province": true, "county": true, "district": true, "oblast": true,
		"krai": true, "governorate": true, "prefecture": true, "canton": true, "voivodeship": true, "zone": true,
		"zones": true, "island": true, "islands": true, "isle": true, "bay": true, "gulf": true, "sea": true,
		"ocean": true, "strait": true, "peninsula": true, "cape": true, "desert": true, "forest": true,
		"park": true, "glacier": true, "pass": true, "canal": true, "creek": true, "harbour": true, "harbor": true,
		"street": true, "avenue": true, "road": true, "square": true, "boulevard": true, "highway": true,
		"bridge": true, "airport": true, "palace": true, "castle": true, "mall": true, "plaza": true,
		"piazza": true, "via": true, "township": true, "village": true,
		"borough": true, "municipality": true, "heights": true, "hills": true, "coast": true, "plateau": true,
		"range": true, "ranges": true, "lakes": true, "falls": true, "peak": true, "peaks": true, "springs": true,
		"gorge": true, "fjord": true, "cove": true, "marsh": true, "delta": true, "plains": true, "highlands": true,
		"lowlands": true, "steppe": true, "beach": true, "point": true, "brook": true, "reservoir": true, "dam": true,
		"trail": true, "drive": true, "lane": true, "stadium": true, "arena": true, "station": true, "tunnel": true,
		"wilderness": true, "area": true, "monument": true, "icefield": true, "basin": true, "canyon": true,
		"archipelago": true, "atoll": true, "oasis": true, "volcano": true, "rapids": true,
	}
	// stateHeads make a name a state, historical ones included:
	// "Weimar Republic", "Kingdom of Kakheti", "Golden Horde" is not
	// caught.
	stateHeads = map[string]bool{
		"empire": true, "kingdom": true, "khanate": true, "sultanate": true, "caliphate": true, "emirate": true,
		"principality": true, "duchy": true, "republic": true, "confederation": true,
	}
	orgHeads = map[string]bool{
		"university": true, "college": true, "school": true, "academy": true, "institute": true,
		"company": true, "corporation": true, "corp.": true, "inc.": true, "ltd": true, "ltd.": true, "plc": true,
		"llc": true, "group": true, "party": true, "council": true, "committee": true, "commission": true,
		"association": true, "society": true, "club": true, "bank": true, "agency": true, "ministry": true,
		"department": true, "army": true, "navy": true, "union": true, "league": true, "federation": true,
		"foundation": true, "records": true, "airlines": true, "airways": true, "diocese": true, "church": true,
		"museum": true, "orchestra": true, "band": true, "organization": true, "organisation": true,
		"parliament": true, "assembly": true, "court": true, "office": true, "service": true, "police": true,
		"brigade": true, "regiment": true, "division": true, "battalion": true, "guard": true, "front": true,
		"movement": true, "alliance": true, "coalition": true, "network": true, "television": true, "radio": true,
		"newspaper": true, "times": true, "post": true, "news": true, "press": true, "agency's": false,
		"fc": true, "f.c.": true, "united": true, "hospital": true, "library": true, "studios": true,
		// companies: "Grey Advertising", "Studio Ghibli", "Mitsubishi Electric"
		"films": true, "entertainment": true, "advertising": true, "electric": true, "books": true, "studio": true,
		"media": true, "productions": true, "pictures": true, "publishing": true, "software": true,
		"communications": true, "motors": true, "pharmaceuticals": true, "securities": true, "bancorp": true,
		"inc": true, "corp": true, "gmbh": true, "spa": true, "holdings": true,
		"industries": true, "technologies": true, "systems": true, "exchange": true, "railways": true,
		"railroad": true, "bureau": true, "administration": true, "authority": true, "tribunal": true,
	}
)

// retypeByHead returns the type that a head word of a name implies, or typ
// when none does. The last matching word counts ("University of
// Lake Forest" is an organisation): in English names the head comes last
// or before "of".
func retypeByHead(toks []Token, typ Type) Type {
	for k := len(toks) - 1; k >= 0; k-- {
		w := lowerASCII(toks[k].Text)
		if k > 0 && lowerASCII(toks[k-1].Text) == "of" {
			continue // the complement of "of" is not the head
		}
		if w == "of" {
			// "Bank of Russia": the head is before "of".
			for h := k - 1; h >= 0; h-- {
				if t := headType(lowerASCII(toks[h].Text)); t != "" {
					return t
				}
			}
			return typ
		}
		if t := headType(w); t != "" {
			return t
		}
	}
	return typ
}

// headType returns the type a head word implies, "" for none.
func headType(w string) Type {
	switch {
	case orgHeads[w]:
		return Org
	case placeHeads[w]:
		return Location
	case stateHeads[w]:
		return State
	}
	return ""
}

// placeBefore reports whether the words before toks[i] make a name there a
// place: a preposition of place ("in Vestvågøy") or a direction ("north
// of Wielbark", "south-east of Olsztyn").
func placeBefore(toks []Token, i int) bool {
	if i == 0 {
		return false
	}
	w := lowerASCII(toks[i-1].Text)
	if placePreposition(w) {
		return true
	}
	if w != "of" || i < 2 {
		return false
	}
	d := strings.TrimSuffix(lowerASCII(toks[i-2].Text), "ward")
	for _, p := range [...]string{"north", "south"} {
		d = strings.TrimPrefix(strings.TrimPrefix(d, p), "-")
	}
	switch d {
	case "", "east", "west", "eastern", "western", "ern":
		return lowerASCII(toks[i-2].Text) != "of"
	}
	return false
}

// placePreposition reports whether w, before a name, makes it a place.
func placePreposition(w string) bool {
	switch w {
	case "in", "near", "outside", "throughout", "across", "inside":
		return true
	}
	return false
}

// isPossessive reports whether s is the possessive clitic 's or ’s.
func isPossessive(s string) bool { return s == "'s" || s == "’s" || s == "'" || s == "’" }

// Document-level typing of names that the statistical model found.
//
// The model types a name from its sentence alone and often errs on
// names it never saw ("Debre Tabor" a person, "Goodooga" an
// organisation). refineTypes corrects the model's mentions, and adds
// mentions of names it missed, from evidence of the whole document:
//
//   - a definition: "Brigden is a community in ...", "X was a Canadian
//     politician", "X, a town in ...";
//   - a parenthesis of life dates: "Ferenc Puskás ( 1903–1952 )",
//     "X ( born 5 August 1997 )";
//   - a coordinated list whose other items have a sure type: "Lübeck,
//     Wismar and Schwerin", "Tiana and Naveen", "Troy, New York";
//   - the types given to the same name elsewhere in the document, by the
//     gazetteer and rules (sure), these cues, and the model (one vote
//     per mention).
//
// Mentions from the gazetteer, rules and dates are never changed.

// refineWeights: a sure type or a cue outweighs two model votes.
const (
	voteModel = 1
	voteSure  = 3
)

// docMention is a mention with its token range in the document.
type docMention struct {
	Mention
	ts, te int
	cue    Type // a type that the mention's context gives, "" for none
}

// refineTypes applies the document-level evidence to ms and returns the
// mentions, in text order and non-overlapping.
func (r *recognizer) refineTypes(ctx context.Context, doc *Document, ms []Mention) ([]Mention, error) {
	dms := make([]docMention, len(ms))
	ti := 0
	for i, m := range ms {
		for ti < len(doc.Tokens) && doc.Tokens[ti].End <= m.Start {
			ti++
		}
		te := ti
		for te < len(doc.Tokens) && doc.Tokens[te].Start < m.End {
			te++
		}
		dms[i] = docMention{Mention: m, ts: ti, te: te}
	}
	var added []docMention
	mi := 0
	for si, st := range doc.Sentences {
		if every(si, checkSentences) {
			if err := ctx.Err(); err != nil {
				return nil, err
			}
		}
		toks := doc.Tokens[st.TokenStart:st.TokenEnd]
		if len(toks) == 0 {
			continue
		}
		for mi < len(dms) && dms[mi].ts < st.TokenStart {
			mi++
		}
		mj := mi
		for mj < len(dms) && dms[mj].ts < st.TokenEnd {
			mj++
		}
		sent := dms[mi:mj]
		if isDebrisLine(toks) {
			continue
		}
		added = r.definitionCue(doc, si, st, sent, added)
		for k := range sent {
			m := &sent[k]
			if m.cue != "" || m.Source != FromModel {
				continue
			}
			if lifeDatesAfter(doc.Tokens, m.te) {
				m.cue = Person
			} else if m.te-m.ts <= 3 && r.personShaped(doc.Tokens, m.ts, m.te) {
				// "Chandragupta 's wife", "written by Shellback"; an
				// organisation "said" too, so only kin and agents count.
				switch h := humanContext(doc.Tokens[:st.TokenEnd], m.ts, m.te); {
				case h == humanKin, h == humanSpeech && m.Type == Location:
					m.cue = Person
				}
			}
		}
		added = r.listCues(doc, si, st, sent, added)
	}
	// Votes by name across the document.
	votes := map[string]map[Type]int{}
	vote := func(text string, t Type, w int) {
		if t == State {
			t = Location
		}
		v := votes[text]
		if v == nil {
			v = map[Type]int{}
			votes[text] = v
		}
		v[t] += w
	}
	for _, list := range [][]docMention{dms, added} {
		for i, m := range list {
			if every(i, checkMentions) {
				if err := ctx.Err(); err != nil {
					return nil, err
				}
			}
			switch {
			case m.Type == Date || m.Adjectival:
			case m.cue != "":
				vote(m.Text, m.cue, voteSure)
			case m.Source != FromModel || r.headTyped(doc, m):
				vote(m.Text, m.Type, voteSure)
			default:
				vote(m.Text, m.Type, voteModel)
			}
		}
	}
	best := func(text string) Type {
		var bt Type
		bw, tie := 0, false
		for _, t := range [...]Type{Person, Location, Org} {
			switch w := votes[text][t]; {
			case w > bw:
				bt, bw, tie = t, w, false
			case w == bw && w > 0:
				tie = true
			}
		}
		if tie {
			return ""
		}
		return bt
	}
	changed := false
	for i := range dms {
		if every(i, checkMentions) {
			if err := ctx.Err(); err != nil {
				return nil, err
			}
		}
		m := &dms[i]
		if m.Source != FromModel || m.Adjectival || r.headTyped(doc, *m) {
			continue
		}
		t := best(m.Text)
		if m.Type == Org && r.isPlaceName(m.Text) {
			// A known place that the model calls an organisation from its
			// context is a team or a company ("NEW YORK AT TORONTO"),
			// whatever the rest of the document says.
			t = ""
		}
		if m.cue != "" {
			t = m.cue
		}
		if t != "" && t != m.Type && !(t == Location && m.Type == State) {
			m.Type = t
			changed = true
		}
	}
	if len(added) == 0 && !changed {
		return ms, nil
	}
	out := ms[:0]
	for _, m := range dms {
		out = append(out, m.Mention)
	}
	for _, m := range added {
		if t := best(m.Text); t != "" {
			m.Type = t
		}
		if m.cue != "" {
			m.Type = m.cue
		}
		out = append(out, m.Mention)
	}
	slices.SortStableFunc(out, func(a, b Mention) int { return a.Start - b.Start })
	// Mentions stay non-overlapping: a name that two cues added twice is
	// kept once.
	kept := out[:0]
	for _, m := range out {
		if len(kept) > 0 && kept[len(kept)-1].End > m.Start {
			continue
		}
		kept = append(kept, m)
	}
	return kept, nil
}

// isPlaceName reports whether the gazetteer knows text as the name of a
// place or state.
func (r *recognizer) isPlaceName(text string) bool {
	g, ok := r.gaz.Lookup(text)
	return ok && g.How != gazetteer.ByFuzzy && (g.Kind == gazetteer.Location || g.Kind == gazetteer.State)
}

// headTyped reports whether a model mention's type comes from a head word
// ("Lake Tana"), which is as sure as a rule.
func (r *recognizer) headTyped(doc *Document, m docMention) bool {
	if m.Source != FromModel || m.te <= m.ts {
		return false
	}
	h := retypeByHead(doc.Tokens[m.ts:m.te], "")
	return h != "" && h == m.Type
}

// newDocMention makes a mention of tokens [ts, te) of the document, found
// by a cue of type t.
func newDocMention(doc *Document, si, ts, te int, t Type) docMention {
	a, b := doc.Tokens[ts], doc.Tokens[te-1]
	text := doc.Text[a.Start:b.End]
	return docMention{
		Mention: Mention{Type: t, Text: text, Start: a.Start, End: b.End, Sentence: si, Name: text, Source: FromModel, Score: 0.6},
		ts:      ts, te: te, cue: t,
	}
}

// definitionCue finds a sentence that defines its subject: "Brigden is a
// community in ...", "Heeney is a census-designated place", "X was an
// American actor", and gives the subject the type of the defining noun.
// A subject that no mention covers becomes one when it is a run of
// capitalised words.
func (r *recognizer) definitionCue(doc *Document, si int, st Sentence, sent []docMention, added []docMention) []docMention {
	toks := doc.Tokens
	i := st.TokenStart
	if w := lowerAt(toks, i); w == "the" && i+1 < st.TokenEnd {
		i++
	}
	var subj *docMention
	end := -1
	if len(sent) > 0 && sent[0].ts == i {
		subj, end = &sent[0], sent[0].te
	} else if e := nameRun(toks[:st.TokenEnd], i); e > i && !(e == i+1 && r.isCommonWord(toks[i].Text)) {
		end = e
		if len(sent) > 0 && sent[0].ts < e {
			return added
		}
	}
	if end < 0 {
		return added
	}
	t := definedType(toks[:st.TokenEnd], end)
	if t == "" {
		return added
	}
	if subj != nil {
		if subj.Source == FromModel {
			subj.cue = t
		}
		return added
	}
	return append(added, newDocMention(doc, si, i, end, t))
}

// definedType reads a definition after a subject ending at token i: an
// optional parenthesis, "is/was/are/were" (or a comma for an apposition)
// and "a/an/the/one of the", then up to six words to a noun of a person,
// place or organisation. It returns that noun's type, or "".
func definedType(toks []Token, i int) Type {
	if lowerAt(toks, i) == "(" {
		for k := i + 1; k < len(toks) && k < i+24; k++ {
			if toks[k].Text == ")" {
				i = k + 1
				break
			}
		}
	}
	switch lowerAt(toks, i) {
	case "is", "was", "are", "were":
		i++
		if w := lowerAt(toks, i); w == "also" || w == "now" || w == "currently" || w == "still" {
			i++
		}
	case ",":
		i++
	default:
		return ""
	}
	switch lowerAt(toks, i) {
	case "a", "an", "the":
		i++
	case "one":
		if lowerAt(toks, i+1) != "of" {
			return ""
		}
		i += 2
		if lowerAt(toks, i) == "the" {
			i++
		}
	default:
		return ""
	}
	// The head is the last word before a preposition, a relative pronoun
	// or punctuation: "a village in", "the County Governor of".
	for k := i; k < len(toks) && k < i+8; k++ {
		switch lowerAt(toks, k) {
		case "of", "in", "on", "at", "from", "for", "with", "by", "who", "whose", "which", "that", "where",
			",", ".", ";", ":", "(", "and", "or", "located", "situated", "based", "born", "known", "near":
			if k == i {
				return ""
			}
			w := lowerAt(toks, k-1)
			if t := definingNoun(w); t != "" {
				return t
			}
			if personTitles[w] {
				return Person
			}
			return ""
		}
	}
	return ""
}

// definingNoun returns the type of an entity that a noun defines: "town"
// a place, "politician" a person, "band" an organisation; "" otherwise.
// Plurals count ("one of the largest cities").
func definingNoun(w string) Type {
	if t, ok := definingNouns[w]; ok {
		return t
	}
	switch {
	case strings.HasSuffix(w, "ies"):
		return definingNouns[strings.TrimSuffix(w, "ies")+"y"]
	case strings.HasSuffix(w, "s"):
		return definingNouns[strings.TrimSuffix(w, "s")]
	}
	return ""
}

var definingNouns = map[string]Type{
	// places
	"town": Location, "city": Location, "village": Location, "hamlet": Location, "community": Location,
	"municipality": Location, "commune": Location, "suburb": Location, "neighbourhood": Location,
	"neighborhood": Location, "district": Location, "region": Location, "county": Location, "province": Location,
	"island": Location, "river": Location, "lake": Location, "mountain": Location, "peak": Location,
	"glacier": Location, "valley": Location, "settlement": Location, "locality": Location, "parish": Location,
	"borough": Location, "township": Location, "capital": Location, "port": Location, "place": Location,
	"territory": Location, "peninsula": Location, "bay": Location, "sea": Location, "desert": Location,
	"forest": Location, "park": Location, "reserve": Location, "stadium": Location, "airport": Location,
	"street": Location, "road": Location, "highway": Location, "bridge": Location, "castle": Location,
	"palace": Location, "archipelago": Location, "volcano": Location, "range": Location, "hill": Location,
	"plateau": Location, "canal": Location, "creek": Location, "stream": Location, "tributary": Location,
	"reservoir": Location, "dam": Location, "pass": Location, "cape": Location, "strait": Location,
	"oblast": Location, "governorate": Location, "prefecture": Location, "state": "", "country": State,
	// people
	"politician": Person, "actor": Person, "actress": Person, "singer": Person, "songwriter": Person,
	"writer": Person, "poet": Person, "novelist": Person, "author": Person, "painter": Person, "artist": Person,
	"sculptor": Person, "architect": Person, "composer": Person, "musician": Person, "guitarist": Person,
	"drummer": Person, "pianist": Person, "violinist": Person, "rapper": Person, "filmmaker": Person,
	"journalist": Person, "footballer": Person, "cricketer": Person, "athlete": Person, "swimmer": Person,
	"boxer": Person, "wrestler": Person, "cyclist": Person, "sprinter": Person, "businessman": Person,
	"businesswoman": Person, "entrepreneur": Person, "lawyer": Person, "judge": Person, "diplomat": Person,
	"soldier": Person, "admiral": Person, "scientist": Person, "physicist": Person, "chemist": Person,
	"biologist": Person, "mathematician": Person, "economist": Person, "historian": Person,
	"philosopher": Person, "professor": Person, "scholar": Person, "engineer": Person, "physician": Person,
	"priest": Person, "bishop": Person, "monk": Person, "nun": Person, "king": Person, "queen": Person,
	"prince": Person, "princess": Person, "emperor": Person, "empress": Person, "nobleman": Person,
	"noblewoman": Person, "dancer": Person, "comedian": Person, "presenter": Person, "broadcaster": Person,
	"activist": Person, "educator": Person, "inventor": Person, "explorer": Person, "designer": Person,
	"photographer": Person, "illustrator": Person, "cartoonist": Person, "astronaut": Person,
	"theologian": Person, "jurist": Person, "statesman": Person, "playwright": Person, "screenwriter": Person,
	"grandmaster": Person, "pitcher": Person, "quarterback": Person, "goalkeeper": Person, "defender": Person,
	"midfielder": Person, "striker": Person, "forward": Person, "coach": Person, "manager": "", "player": Person,
	// organisations
	"company": Org, "corporation": Org, "band": Org, "party": Org, "organization": Org, "organisation": Org,
	"newspaper": Org, "magazine": Org, "airline": Org, "bank": Org, "university": Org, "college": Org,
	"agency": Org, "association": Org, "firm": Org, "manufacturer": Org, "publisher": Org,
	"charity": Org, "foundation": Org, "institute": Org, "orchestra": Org, "choir": Org, "ensemble": Org,
	"duo": Org, "trio": Org, "quartet": Org, "conglomerate": Org, "retailer": Org, "broadcaster's": "",
	"club": Org, "team": Org, "league": Org, "federation": Org, "union": Org,
}

// lifeDatesAfter reports whether a parenthesis of life dates follows
// token i: "( born 5 August 1997 )", "( 1903–1952 )", "( June 17, 1929 –
// August 13, 1984 )".
func lifeDatesAfter(toks []Token, i int) bool {
	if i >= len(toks) {
		return false
	}
	switch toks[i].Text {
	case "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "Jr.", "Sr.":
		i++ // "Ferenc Puskás I ( 1903–1952 )"
	}
	if lowerAt(toks, i) != "(" {
		return false
	}
	switch lowerAt(toks, i+1) {
	case "born", "b.", "née", "nee":
		return true
	}
	years, dash := 0, false
	for k := i + 1; k < len(toks) && k < i+16; k++ {
		w := lowerAt(toks, k)
		switch {
		case w == ")":
			return years >= 1 && dash
		case w == "–" || w == "-" || w == "—":
			if years == 1 {
				dash = true
			}
		case len(w) == 4 && allDigits(w):
			years++
		}
	}
	return false
}

// listItem is one item of a coordinated list: a mention of the sentence
// (m >= 0, an index into it) or a run of capitalised words (m < 0).
type listItem struct {
	ts, te int
	m      int
}

// listCues finds coordinated lists of names in a sentence ("A, B and C",
// "A or B", "Troy, New York") and, when the items with a sure type agree,
// gives that type to the others: the model's mentions get it as a cue,
// runs of capitalised words that no mention covers become mentions.
func (r *recognizer) listCues(doc *Document, si int, st Sentence, sent []docMention, added []docMention) []docMention {
	toks := doc.Tokens[:st.TokenEnd]
	var items []listItem
	conj := false
	flush := func() {
		if len(items) >= 2 {
			added = r.applyList(doc, si, items, conj, sent, added)
		}
		items, conj = items[:0], false
	}
	mk := 0
	for k := st.TokenStart; k < st.TokenEnd; {
		for mk < len(sent) && sent[mk].ts < k {
			mk++
		}
		j := k
		// "the" may start the first item and one after a conjunction,
		// not one after a bare comma: "In Chicago, the Braves and Cubs".
		if lowerAt(toks, j) == "the" && (len(items) == 0 || !isComma(lowerAt(toks, j-1))) {
			j++
			for mk < len(sent) && sent[mk].ts < j {
				mk++
			}
		}
		it := listItem{m: -1}
		switch {
		case mk < len(sent) && sent[mk].ts == j:
			it.ts, it.te, it.m = j, sent[mk].te, mk
		case mk < len(sent) && sent[mk].ts < j+1 && sent[mk].te > j:
			// inside a mention: no item here
		default:
			if e := nameRun(toks, j); e > j && (mk >= len(sent) || sent[mk].ts >= e) &&
				!(j == st.TokenStart && r.isCommonWord(toks[j].Text)) {
				it.ts, it.te = j, e
			}
		}
		if it.te == 0 {
			flush()
			k++
			continue
		}
		k = it.te
		if isPossessive(lowerAt(toks, k)) {
			// "Russia's president": no list item.
			flush()
			continue
		}
		items = append(items, it)
		switch lowerAt(toks, k) {
		case ",":
			k++
			if w := lowerAt(toks, k); w == "and" || w == "or" {
				conj = true
				k++
			}
		case "and", "or", "&":
			conj = true
			k++
		default:
			flush()
		}
	}
	flush()
	return added
}

func isComma(s string) bool { return s == "," }

// listIntroType returns the type of the items of a list starting at token
// i that a plural noun before it gives: "children included", "cities
// such as", "students :", "officials including"; "" when none.
func listIntroType(toks []Token, i int) Type {
	k := i - 1
	switch lowerAt(toks, k) {
	case ":":
		// "Students: A, B and C": the noun right before the colon.
		return pluralNounType(lowerAt(toks, k-1))
	case "include", "includes", "included", "including", "are", "were", "like", "namely":
		k--
	case "as":
		if lowerAt(toks, k-1) != "such" {
			return ""
		}
		k -= 2
	default:
		return ""
	}
	// The noun may carry a complement: "towns and cities in this zone
	// include".
	for j := k; j >= 0 && j > k-6; j-- {
		w := lowerAt(toks, j)
		if strings.HasSuffix(w, "s") || w == "children" || w == "people" {
			if t := pluralNounType(w); t != "" {
				return t
			}
		}
		if w == "." || w == ";" || w == ":" {
			break
		}
	}
	return ""
}

// pluralNounType is the type of the things a plural noun names:
// "children", "brothers", "actors" people; "cities", "villages" places.
func pluralNounType(w string) Type {
	switch w {
	case "children", "sons", "daughters", "brothers", "sisters", "wives", "husbands", "students", "pupils",
		"members", "people", "players", "cast", "leaders", "officials", "ministers", "candidates", "founders",
		"guests", "parents", "siblings", "grandchildren", "relatives", "friends", "colleagues", "heirs",
		"successors", "predecessors", "protagonists", "characters", "winners", "participants", "signatories":
		return Person
	}
	if t := definingNoun(w); t != "" && w != strings.TrimSuffix(w, "s") {
		return t
	}
	return ""
}

// applyList gives the items of one list the type that its sure items
// agree on (see listCues).
func (r *recognizer) applyList(doc *Document, si int, items []listItem, conj bool, sent []docMention, added []docMention) []docMention {
	sure := map[Type]int{}
	weak := map[Type]int{}
	modelPeople := 0
	for _, it := range items {
		if it.m < 0 {
			continue
		}
		m := sent[it.m]
		if m.Type == Date || m.Adjectival {
			return added
		}
		t := m.Type
		if t == State {
			t = Location
		}
		switch {
		case m.cue != "":
			sure[m.cue]++
		case m.Source != FromModel && m.Source != FromFuzzy || r.headTyped(doc, m):
			sure[t]++
		case t == Person && m.te-m.ts >= 2:
			// The model's people of two words or more are sure enough to
			// type the items it left untyped ("Barack and Michelle
			// Obama"), not to overrule it on the others.
			weak[t]++
			modelPeople++
		default:
			weak[t]++
		}
	}

	// "His children included A, B and C", "towns such as A and B": a
	// plural noun introducing the list types its items.
	if t := listIntroType(doc.Tokens, items[0].ts); t != "" {
		sure[t] += 2
	}
	nSure := 0
	for _, c := range sure {
		nSure += c
	}
	var typ Type
	switch {
	case len(sure) == 1:
		for t := range sure {
			typ = t
		}
	case len(sure) == 0:
		// No sure item: a clear majority of the model's votes.
		n, total := 0, 0
		for t, c := range weak {
			total += c
			if c > n {
				typ, n = t, c
			}
		}
		if n < 2 || 2*n <= total {
			if modelPeople == 0 {
				return added
			}
			// Only the untyped items become people.
			for _, it := range items {
				if it.m < 0 {
					added = append(added, newDocMention(doc, si, it.ts, it.te, Person))
				}
			}
			return added
		}
	default:
		return added
	}
	if !conj && len(items) < 3 {
		// "Troy, New York": a place and the region it lies in; only the
		// first item takes the second's type, and only a place's.
		first, last := items[0], items[len(items)-1]
		if typ != Location || last.m < 0 || sent[last.m].Source == FromModel && !r.headTyped(doc, sent[last.m]) {
			return added
		}
		switch lowerAt(doc.Tokens, last.te) {
		case ",", ".", ";", ")", "":
		default:
			return added // "Amra Kevic, Belgrade newsroom"
		}
		if first.m >= 0 && sent[first.m].Type == Person && first.te-first.ts > 1 {
			return added // "Louis Farrakhan, the U.S. black leader"
		}
		items = items[:1]
	}
	for _, it := range items {
		if it.m >= 0 {
			m := &sent[it.m]
			// A person of several words the model found is changed only
			// by two sure items: "Madagascar, and Albert Camille Vital
			// became ..." coordinates clauses, not names.
			if m.Source == FromModel && m.cue == "" && !r.headTyped(doc, *m) &&
				(m.Type != Person || m.te-m.ts == 1 || nSure >= 2 || typ == Person) {
				m.cue = typ
			}
			continue
		}
		added = append(added, newDocMention(doc, si, it.ts, it.te, typ))
	}
	return added
}

// orgNameHeads are the head words that make a capitalised name an
// organisation for orgNameCandidates: "Liberal Party", "Commerce
// Department", "Johnson Controls Inc". Keys are lower case. Heads that
// news also uses for events, places or sports competitions ("League",
// "Division", "Church", "School") are left to the models.
var orgNameHeads = map[string]bool{
	"party": true, "parliament": true, "assembly": true, "congress": true, "senate": true, "council": true,
	"committee": true, "commission": true, "ministry": true, "department": true, "agency": true, "bureau": true,
	"administration": true, "authority": true, "board": true, "directorate": true, "secretariat": true,
	"tribunal": true, "court": true, "office": true, "government": true, "army": true, "navy": true,
	"forces": true, "force": true, "corps": true, "command": true, "guard": true, "police": true,
	"militia": true, "brigade": true, "regiment": true, "battalion": true, "fleet": true, "university": true,
	"college": true, "academy": true, "institute": true, "foundation": true, "fund": true,
	"association": true, "society": true, "federation": true, "union": true, "alliance": true,
	"coalition": true, "movement": true, "organization": true, "organisation": true, "company": true,
	"corporation": true, "corp": true, "corp.": true, "inc": true, "inc.": true, "co": true, "co.": true,
	"ltd": true, "ltd.": true, "plc": true, "llc": true, "gmbh": true, "spa": true, "group": true,
	"holdings": true, "industries": true, "bank": true, "exchange": true, "airlines": true, "airways": true,
	"railways": true, "railroad": true, "motors": true, "software": true, "systems": true,
	"technologies": true, "communications": true, "pictures": true, "studios": true, "records": true,
	"publishing": true, "service": true, "club": true, "times": true, "films": true, "entertainment": true,
	"advertising": true, "electric": true, "books": true, "media": true, "productions": true,
	"pharmaceuticals": true, "securities": true, "bancorp": true, "legislature": true,
}

// orgNouns are the lower-case nouns that, after a name, say what kind of
// organisation it is: "the Likud party", "the Gazeta Wyborcza newspaper",
// "the Interfax news agency".
var orgNouns = map[string]bool{
	"party": true, "newspaper": true, "daily": true, "weekly": true, "tabloid": true, "magazine": true,
	"movement": true, "broadcaster": true, "agency": true,
}

// orgNounCandidates adds the names that an organisation noun follows:
// "the right-wing Likud party", "the Yedioth Ahronoth daily". The name is
// a run of at most five capitalised words with one that is neither a
// common word nor shaped like an adjective ("the Democratic party" and
// "an Islamist party" are descriptions); a name that the gazetteer reads
// otherwise (a demonym, a state, a city: "an Albanian newspaper", "a
// Sarajevo daily") is left alone. "agency" counts only after "news" ("the
// Interfax news agency").
func (r *recognizer) orgNounCandidates(text string, toks []Token, base, si int, s *recScratch) {
	from := len(s.cands)
	for j := 1; j < len(toks); j++ {
		w := toks[j].Text
		if !orgNouns[w] {
			continue
		}
		e := j
		if w == "agency" {
			if lowerAt(toks, j-1) != "news" || toks[j-1].Text != "news" {
				continue
			}
			e = j - 1
		}
		a := e
		for a > 0 && e-a < 5 && orgNameWord(toks, a-1) && isNameWord(toks[a-1].Text) {
			a--
		}
		if a == e {
			continue
		}
		named := false
		for k := a; k < e; k++ {
			named = named || !r.isCommonWord(toks[k].Text) && !adjectiveShaped(toks[k])
		}
		if !named {
			continue
		}
		x, y := toks[a], toks[e-1]
		s.cands = append(s.cands, candidate{
			m:  Mention{Type: Org, Text: text[x.Start:y.End], Start: x.Start, End: y.End, Sentence: si, Name: text[x.Start:y.End], Source: FromRule, Score: 0.7},
			ts: base + a, te: base + e, prio: prioOrgName,
		})
	}
	// Names the gazetteer reads (demonyms included) are left to it ("the
	// United Russia party" keeps its entry); the new candidates are
	// disjoint and in order.
	found := s.cands[from:]
	if len(found) == 0 {
		return
	}
	drop := false
	for _, c := range s.cands[:from] {
		if c.prio < prioAdjective || c.m.Source != FromGazetteer {
			continue
		}
		k, _ := slices.BinarySearchFunc(found, c.ts, func(f candidate, ts int) int { return cmp.Compare(f.te, ts+1) })
		for ; k < len(found) && found[k].ts < c.te; k++ {
			found[k].prio, drop = -1, true
		}
	}
	if drop {
		s.cands = slices.DeleteFunc(s.cands, func(c candidate) bool { return c.prio < 0 })
	}
}

// adjectiveShaped reports whether a capitalised word is an adjective by
// its tag or ending, and so describes rather than names an organisation:
// "the Catholic newspaper", "an Islamist party", "a Socialist daily".
func adjectiveShaped(t Token) bool {
	if t.Tag == "JJ" {
		return true
	}
	w := lowerASCII(t.Text)
	for _, suf := range [...]string{"ist", "ic", "ian", "ish", "ese", "ical", "ive", "ary"} {
		if strings.HasSuffix(w, suf) {
			return true
		}
	}
	return false
}

// airlineCandidates adds the airlines named "Air" and a known state or
// place ("Air France", "Air Canada", "Air Astana"), over the gazetteer's
// reading of the place.
func airlineCandidates(text string, toks []Token, base, si int, s *recScratch) {
	n := len(s.cands)
	for _, c := range s.cands[:n] {
		i := c.ts - base
		if c.prio != prioGazetteer || c.m.Adjectival || c.m.Type != State && c.m.Type != Location || i < 1 || toks[i-1].Text != "Air" {
			continue
		}
		x, y := toks[i-1], toks[c.te-base-1]
		s.cands = append(s.cands, candidate{
			m:  Mention{Type: Org, Text: text[x.Start:y.End], Start: x.Start, End: y.End, Sentence: si, Name: text[x.Start:y.End], Source: FromRule, Score: 0.75},
			ts: c.ts - 1, te: c.te, prio: prioModelWide,
		})
	}
}

// isOrgNameHead reports whether toks[h], lower-cased hw, is the head of
// an organisation's name: a word of orgNameHeads, "School", "Division"
// (with the conditions of orgNameShape), "Church of ..." (not a church
// building) or "House of" a legislature's members ("House of
// Representatives", "Maryland House of Delegates").
func isOrgNameHead(toks []Token, h int, hw string) bool {
	switch hw {
	case "school", "division", "observatory":
		return true
	case "centre", "center":
		return lowerAt(toks, h+1) == "for" // "Centre for Strategic Studies", not "the Trade Center"
	case "church":
		return lowerAt(toks, h+1) == "of"
	case "house":
		if lowerAt(toks, h+1) != "of" {
			return false
		}
		switch lowerAt(toks, h+2) {
		case "representatives", "commons", "lords", "delegates", "councillors", "councilors", "burgesses", "keys", "peers", "assembly":
			return true
		}
		return false
	}
	return orgNameHeads[hw]
}

// startsDigit reports whether s starts with an ASCII digit.
func startsDigit(s string) bool { return s != "" && '0' <= s[0] && s[0] <= '9' }

// soloHeads are the heads that name an organisation alone, capitalised
// after a lower-case "the": "the Senate voted", "the Commission
// proposed", "the Army withdrew".
var soloHeads = map[string]bool{
	"senate": true, "congress": true, "parliament": true, "assembly": true, "commission": true,
	"committee": true, "council": true, "army": true, "navy": true,
}

// descriptiveHeads are the heads of a state's own bodies, before which a
// demonym describes rather than names: "German [Foreign Ministry]",
// "Australian [Government]" (but "Indonesian Democratic Party", "Irish
// Republican Army").
var descriptiveHeads = map[string]bool{"ministry": true, "government": true, "police": true, "office": true}

// adminHeads are the place heads that name an administration and so
// may stand inside an organisation's name: "Hope Town District Council",
// "Cook County Board".
var adminHeads = map[string]bool{
	"district": true, "county": true, "region": true, "regions": true, "province": true, "municipality": true,
	"borough": true, "township": true, "village": true, "oblast": true, "krai": true, "governorate": true,
	"prefecture": true, "canton": true, "voivodeship": true,
}

// orgComplementHeads may take an "on" complement: "Committee on Foreign
// Relations".
var orgComplementHeads = map[string]bool{"committee": true, "commission": true, "council": true, "subcommittee": true}

// orgNameCandidates adds organisations named by a head word: a run of
// capitalised words ending in one ("Progress Party", "Norwegian Army",
// "Taiwan Stock Exchange"), with an "of"/"for" complement after it
// ("Department of Labor", "Institute for Advanced Study", "Party of
// Democratic Action"). A demonym that starts the name is part of it
// ("Indonesian Democratic Party") unless the head is a state's own body
// ("German Foreign Ministry" is the ORG "Foreign Ministry" after the
// adjective "German"). A name that a gazetteer entry covers is left to the
// gazetteer ("Soviet Union", "Federation Council"); one that contains a
// shorter known name outranks it ("Bank of Japan" is no mention of
// Japan). Each head looks at most six words back and eight ahead, and the
// names found are disjoint and in order, so that comparing them with the
// gazetteer's candidates is one sorted pass: the whole is linear in the
// sentence (up to a logarithm).
func (r *recognizer) orgNameCandidates(text string, toks []Token, base, si int, s *recScratch) {
	from := len(s.cands)
	// The gazetteer's adjectives of the sentence, by token.
	adjs := s.adjs[:0]
	for _, c := range s.cands {
		if c.m.Adjectival {
			adjs = append(adjs, c.ts-base)
		}
	}
	slices.Sort(adjs)
	s.adjs = adjs
	for h := 0; h < len(toks); h++ {
		hw := lowerASCII(toks[h].Text)
		if !isOrgNameHead(toks, h, hw) || !isCapitalized(toks[h].Text) || lowerAt(toks, h+1) == "-" || isAllUpper(toks[h].Text) && len(toks[h].Text) > 3 {
			continue
		}
		// Further heads right after extend the name: "Swiss Bank Corp".
		e := h + 1
		for e < len(toks) && e-h < 3 && orgNameHeads[lowerAt(toks, e)] && isCapitalized(toks[e].Text) {
			e++
		}
		// The words before the head, with "and" between two common words
		// ("State Law and Order Restoration Council") and "&" between any
		// two ("Douglas & Lomason Co").
		a := h
		for a > 0 && h-a < 6 {
			switch {
			case orgNameWord(toks, a-1):
				a--
				continue
			case a >= 2 && a < h && lowerAt(toks, a-1) == "and" && orgNameWord(toks, a-2) &&
				r.isCommonWord(toks[a].Text) && r.isCommonWord(toks[a-2].Text):
				a -= 2
				continue
			case a >= 2 && a < h && toks[a-1].Text == "&" && orgNameWord(toks, a-2):
				a -= 2 // "Bear Stearns & Co Inc", "Douglas & Lomason Co"
				continue
			}
			break
		}
		// A leading demonym names the organisation unless the head is a
		// state's body.
		minLen := 2
		if a < h && descriptiveHeads[lowerAt(toks, e-1)] {
			if _, ok := slices.BinarySearch(adjs, a); ok {
				a++
				minLen = 1 // "Australian [Government]"
			}
		}
		// The complement: "of Labor", "for Advanced Study", "on Foreign
		// Relations", "of the Russian Federation", and one "of" inside it
		// ("Movement for the Liberation of Angola"); none after a
		// company's legal form ("Kia Motor Corp of South Korea").
		switch lw := lowerAt(toks, e); {
		case companySuffixes[lowerAt(toks, e-1)]:
		case lw == "of" || lw == "for" || lw == "on" && orgComplementHeads[lowerAt(toks, e-1)]:
			e = r.orgComplement(toks, e)
			if lowerAt(toks, e) == "of" {
				e = r.orgComplement(toks, e)
			}
		}
		if e < len(toks) && isNameWord(toks[e].Text) && r.isCommonWord(toks[e].Text) {
			// The name goes on with a common word: "National Assembly
			// Building", "Polish Navy Shipyards" ("Party Leader" is a
			// title, which isNameWord refuses).
			h = e - 1
			continue
		}
		if e-a == 1 && a > 0 && toks[a-1].Text == "the" && soloHeads[hw] {
			minLen = 1 // "the Senate", "the Commission" in mid-sentence
		}
		if e-a >= minLen && r.orgNameShape(toks, a, h) {
			x, y := toks[a], toks[e-1]
			s.cands = append(s.cands, candidate{
				m:  Mention{Type: Org, Text: text[x.Start:y.End], Start: x.Start, End: y.End, Sentence: si, Name: text[x.Start:y.End], Source: FromRule, Score: 0.75},
				ts: base + a, te: base + e, prio: prioOrgName,
			})
		}
		h = e - 1
	}
	// The gazetteer's names against the new candidates, which are
	// disjoint and in text order: a name that covers one removes it, a
	// name inside one raises it over the gazetteer.
	found := s.cands[from:]
	if len(found) == 0 {
		return
	}
	drop := false
	// A longer organisation of the model that holds one and goes on with
	// names is the whole name: "Berlin-Brandenburg Academy of Sciences and
	// Humanities". Both lists are in text order, and a candidate grows
	// only within one model span, so that they stay in order.
	sp := 0
	for k := range found {
		f := &found[k]
		a, e := f.ts-base, f.te-base
		for sp < len(s.nspans) && s.nspans[sp].End <= a {
			sp++
		}
		if sp < len(s.nspans) {
			if n := s.nspans[sp]; n.Kind == ner.ORG && n.Start <= a && n.End >= e && n.End-n.Start > e-a && nameGoesOn(toks, n.Start, a) && nameGoesOn(toks, e, n.End) && continuesOrgName(toks, e, n.End) {
				x, y := toks[n.Start], toks[n.End-1]
				f.ts, f.te = base+n.Start, base+n.End
				f.m.Start, f.m.End, f.m.Text = x.Start, y.End, text[x.Start:y.End]
				f.m.Name = f.m.Text
			}
		}
	}
	for _, c := range s.cands[:from] {
		if c.prio < prioGazetteer {
			continue
		}
		// The first new candidate ending after c starts.
		k, _ := slices.BinarySearchFunc(found, c.ts, func(f candidate, ts int) int { return cmp.Compare(f.te, ts+1) })
		for ; k < len(found) && found[k].ts < c.te; k++ {
			f := &found[k]
			switch {
			case c.ts <= f.ts && c.te >= f.te:
				f.prio, drop = -1, true // the gazetteer knows the whole name
			case c.ts == f.ts+1 && c.te == f.te && f.prio >= 0 && c.m.Type == Org && r.demonymOf(s.cands[:from], f.ts, c.m.ID):
				// The adjective of the organisation's own state before its
				// known name says whose it is: "Russian [Wagner Group]".
				f.prio, drop = -1, true
			case c.ts >= f.ts && c.te <= f.te && f.prio >= 0:
				f.prio = prioModelWide // a known name inside: "Bank of Japan"
			case c.ts > f.ts && c.te > f.te && c.te-f.te <= 4 && f.prio >= 0 && c.m.Type != Person && (k+1 == len(found) || found[k+1].ts >= c.te):
				// A known name that the complement cut short: "Movement for
				// the Liberation of São Tomé and Príncipe".
				f.te, f.prio = c.te, prioModelWide
				y := toks[f.te-base-1]
				f.m.End, f.m.Text = y.End, text[f.m.Start:y.End]
				f.m.Name = f.m.Text
			}
		}
	}
	if drop {
		s.cands = slices.DeleteFunc(s.cands, func(c candidate) bool { return c.prio < 0 })
	}
}

// nameGoesOn reports whether tokens [i, j) may continue a name:
// capitalised words and the small words of names ("and", "of", "the",
// "for", "&"), no punctuation ("Daniels Pharmaceuticals Inc of St.
// Petersburg , Fla." is a company and its place).
func nameGoesOn(toks []Token, i, j int) bool {
	for k := i; k < j; k++ {
		switch w := toks[k].Text; w {
		case "and", "the", "for", "&":
		default:
			if lw := lowerASCII(w); !startsUpperOrDigit(w) || isDeterminer(lw) || monthNumber(lw) > 0 || weekdayNumber(lw) >= 0 {
				return false // "August National Association of ..."
			}
		}
	}
	return true
}

// continuesOrgName reports whether tokens [e, end) after an
// organisation's head go on with its name: nothing, or a connective or
// another head first ("and Humanities", "of Sciences"), not a person's
// name ("House of Representatives Wahono").
func continuesOrgName(toks []Token, e, end int) bool {
	if e >= end {
		return true
	}
	switch w := lowerAt(toks, e); w {
	case "and", "&", "of", "for":
		return true
	default:
		return orgHeads[w] || orgNameHeads[w]
	}
}

// orgComplement returns the end of the complement of an organisation's
// head that starts with the preposition toks[e] ("of the Russian
// Federation", "for Peace and Order"), or e when no name follows it.
func (r *recognizer) orgComplement(toks []Token, e int) int {
	k := e + 1
	if lowerAt(toks, k) == "the" {
		k++
	}
	c := k
	for c < len(toks) && c-k < 6 {
		if orgNameWord(toks, c) {
			c++
			continue
		}
		if lowerAt(toks, c) == "and" && c > k && c+1 < len(toks) && isNameWord(toks[c+1].Text) && r.isCommonWord(toks[c+1].Text) {
			c += 2 // "for Peace and Order", not "of Defence and NATO"
			continue
		}
		break
	}
	if c == k {
		return e
	}
	return c
}

// companySuffixes are the legal forms that end a company's name and take
// no complement: "Kia Motor Corp of South Korea" is the company of a
// country.
var companySuffixes = map[string]bool{
	"corp": true, "corp.": true, "inc": true, "inc.": true, "co": true, "co.": true, "ltd": true, "ltd.": true,
	"plc": true, "llc": true, "gmbh": true, "spa": true, "company": true, "corporation": true, "group": true,
	"holdings": true, "industries": true,
}

// orgNameWord reports whether toks[i] can be a word of an organisation's
// name before its head: a capitalised word ("Progress", "U.S.", "Thai") or
// an ordinal ("24th"), not a determiner, month, weekday or function word
// that a headline capitalises.
func orgNameWord(toks []Token, i int) bool {
	w := toks[i].Text
	if w == "" {
		return false
	}
	c := w[0]
	if '0' <= c && c <= '9' {
		lw := lowerASCII(w)
		return strings.HasSuffix(lw, "st") || strings.HasSuffix(lw, "nd") || strings.HasSuffix(lw, "rd") || strings.HasSuffix(lw, "th")
	}
	if !startsUpperOrDigit(w) {
		return false
	}
	lw := lowerASCII(w)
	if isDeterminer(lw) || monthNumber(lw) > 0 || weekdayNumber(lw) >= 0 {
		return false
	}
	if k := strings.LastIndexByte(w, '-'); k >= 0 && k+1 < len(w) && !startsUpperOrDigit(w[k+1:]) {
		return false // "Boston-based", "Moscow-led"
	}
	switch t := toks[i].Tag; {
	case t == "IN" || t == "PRP" || t == "PRP$" || t == "CC" || t == "MD" || t == "TO" || t == "EX" || t == "WRB" || t == "WP" || t == "WDT":
		return false
	case strings.HasPrefix(t, "VB") && i == 0:
		return false
	}
	return true
}

// orgNameShape reports whether the words [a, h) before a head make a name:
// not a direction alone ("West Bank", "Western Front"), no place head but
// an administrative one ("Stadium Court", not "District Court"), not all
// in capitals (a headline's "RUGBY UNION"), and for a "Group" a word that
// is not a common one.
func (r *recognizer) orgNameShape(toks []Token, a, h int) bool {
	caps := true
	for k := a; k < h; k++ {
		w := lowerAt(toks, k)
		if placeHeads[w] && !adminHeads[w] {
			return false // "Stadium Court", not "District Court"
		}
		if !isAllUpper(toks[k].Text) {
			caps = false
		}
	}
	if caps && h > a && isAllUpper(toks[h].Text) {
		return false
	}
	switch lowerAt(toks, h) {
	case "group", "school":
		// "Carlyle Group", "Ramapo High School", not the "World Group" of
		// a tournament or a "Sunday School".
		named := false
		for k := a; k < h; k++ {
			named = named || !r.isCommonWord(toks[k].Text)
		}
		if !named {
			return false
		}
	case "division":
		// "24th Infantry Division", not a league's "Second Division".
		if a == h || !startsDigit(toks[a].Text) {
			return false
		}
	}
	if h-a == 1 {
		switch lowerAt(toks, a) {
		case "west", "east", "north", "south", "western", "eastern", "northern", "southern", "left", "right":
			return false
		}
	}
	return true
}
