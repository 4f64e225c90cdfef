// This file holds the document-level pass over the institutions of states
// (stateBodies): a ministry, parliament, army or police force that a
// state qualifies ("the Iraqi parliament", "China's Foreign Ministry",
// "the U.S. Air Force") or that the dateline's state owns ("the Foreign
// Ministry" in a story from Beijing), and armed groups named by a demonym
// ("Chechen rebels").

package entities

import (
	"context"
	"slices"
	"strings"
	"sync"

	"github.com/statecraft/statecraft/gazetteer"
)

// stateBodyPhrases are the lower-case word sequences that name an
// institution of a state after a qualifier: "the Iraqi parliament", "the
// Sudanese police". Left out are the words that the guidelines write as
// the state itself ("government", "military", "armed forces", "security
// forces", "troops") and embassies, which news names mostly as places.
var stateBodyPhrases = [][]string{
	{"parliament"}, {"cabinet"}, {"legislature"}, {"national", "assembly"},
	{"army"}, {"navy"}, {"air", "force"}, {"police"}, {"border", "guards"}, {"coast", "guard"}, {"gendarmerie"},
	{"foreign", "office"}, {"central", "bank"}, {"supreme", "court"}, {"constitutional", "court"},
	{"state", "television"}, {"state", "radio"},
	{"election", "commission"}, {"electoral", "commission"},
}

// ministryDomains are the words before "ministry" that make "X ministry"
// an institution of a state: "the Greek Finance Ministry".
var ministryDomains = map[string]bool{
	"foreign": true, "defence": true, "defense": true, "interior": true, "finance": true, "health": true,
	"justice": true, "trade": true, "commerce": true, "economy": true, "economics": true, "education": true,
	"energy": true, "environment": true, "information": true, "labour": true, "labor": true,
	"transport": true, "culture": true, "industry": true, "agriculture": true, "home": true,
	"oil": true, "emergencies": true, "emergency": true, "intelligence": true, "communications": true,
}

// armedGroupNouns, after a demonym, name an armed group: "Chechen rebels",
// "Sierra Leonean rebels". The group is not an institution of the state.
var armedGroupNouns = map[string]bool{
	"rebels": true, "separatists": true, "guerrillas": true, "guerillas": true, "insurgents": true,
}

// bodyIndex links institutions of states to the gazetteer: for a state and
// the lower-case words of a body ("state/china", "foreign ministry"), the
// entry whose name or alias is the body qualified by the state ("Chinese
// Foreign Ministry", "Ministry of Foreign Affairs of China"); and for the
// capital of a state, the state.
type bodyIndex struct {
	entries  map[string]string // state id + "\x00" + lower body -> entry id
	capitals map[string]string // location id -> state id
}

// lazyBodies builds a recognizer's bodyIndex and partyIndex once, on
// first use.
type lazyBodies struct {
	once, partyOnce sync.Once
	idx             *bodyIndex
	parties         partyIndex
}

// bodies returns the recognizer's body index.
func (r *recognizer) bodies() *bodyIndex {
	if r.lazy == nil {
		return newBodyIndex(r.gaz)
	}
	r.lazy.once.Do(func() { r.lazy.idx = newBodyIndex(r.gaz) })
	return r.lazy.idx
}

// parties returns the recognizer's party index.
func (r *recognizer) parties() partyIndex {
	if r.lazy == nil {
		return newPartyIndex(r.gaz)
	}
	r.lazy.partyOnce.Do(func() { r.lazy.parties = newPartyIndex(r.gaz) })
	return r.lazy.parties
}

// bodyCategories are the gazetteer categories of the entries that
// bodyIndex links a qualified institution to ("Saudi state television"
// is media); stateCategories those whose every entry is an institution
// of its country (a newspaper's country is not its owner).
var (
	bodyCategories  = map[string]bool{"government": true, "military": true, "court": true, "media": true, "party": true}
	stateCategories = map[string]bool{"government": true, "military": true, "court": true}
)

func newBodyIndex(g *gazetteer.Gazetteer) *bodyIndex {
	x := &bodyIndex{entries: map[string]string{}, capitals: map[string]string{}}
	if g == nil {
		return x
	}
	quals := map[string][]string{} // state id -> lower names, aliases, adjectives
	for _, s := range g.Entries(gazetteer.State) {
		if s.Capital != "" && s.Status != "historical" {
			x.capitals[s.Capital] = s.ID // not Bonn for West Germany: a dateline says where, not when
		}
		var q []string
		for _, n := range append(append([]string{s.Name}, s.Aliases...), s.Adjectives...) {
			q = append(q, strings.ToLower(n))
		}
		quals[s.ID] = q
	}
	for _, o := range g.Entries(gazetteer.Org) {
		if !bodyCategories[o.Category] || quals[o.Country] == nil {
			continue
		}
		for _, n := range append([]string{o.Name}, o.Aliases...) {
			n = strings.ToLower(n)
			for _, q := range quals[o.Country] {
				body := ""
				switch {
				case strings.HasPrefix(n, q+"'s "):
					body = n[len(q)+3:]
				case strings.HasPrefix(n, q+" "):
					body = n[len(q)+1:]
				case strings.HasSuffix(n, " of "+q):
					body = n[:len(n)-len(q)-4]
				case strings.HasSuffix(n, " of the "+q):
					body = n[:len(n)-len(q)-8]
				}
				k := o.Country + "\x00" + body
				if _, dup := x.entries[k]; body != "" && !dup {
					x.entries[k] = o.ID
				}
			}
		}
	}
	return x
}

// bodyFirst are the first words of the institutions of bodyAt.
var bodyFirst = func() map[string]bool {
	m := map[string]bool{"ministry": true}
	for _, p := range stateBodyPhrases {
		m[p[0]] = true
	}
	for w := range ministryDomains {
		m[w] = true
	}
	return m
}()

// forceWords start the institutions that a story names without their
// state for forces other than the state's own as often as for its own
// ("police said", "the army"): only a qualifier gives them a state.
var forceWords = map[string]bool{"army": true, "navy": true, "air": true, "police": true, "border": true, "coast": true, "gendarmerie": true}

// bareContext reports whether the word at k may start an institution
// that no qualifier names: it follows no name, adjective or noun that
// would make it another body ("the regional parliament", "the European
// Parliament", "the party's finance ministry").
func bareContext(sent []Token, k int) bool {
	if k == 0 {
		return true
	}
	p := sent[k-1]
	if isCapitalized(p.Text) || p.Text == "'s" || p.Text == "’s" {
		return false
	}
	switch {
	case p.Tag == "JJ", p.Tag == "JJR", p.Tag == "JJS", strings.HasPrefix(p.Tag, "NN"), p.Tag == "POS", p.Tag == "CD":
		return false
	}
	return true
}

// partyWords may stand between a state and its party or institution:
// "Serbia's ruling Socialist Party", "Albania's opposition Socialist
// Party".
var partyWords = map[string]bool{"ruling": true, "opposition": true, "governing": true, "main": true}

// qualifierBefore returns the state of the STATE mention that qualifies
// mention i, whose first token is ts: right before it, or before "'s"
// and at most one of partyWords; "" when none does.
func qualifierBefore(doc *Document, ms []Mention, i, ts int) string {
	k := ts - 1
	if k >= 0 && partyWords[lowerASCII(doc.Tokens[k].Text)] {
		k--
	}
	if k >= 0 && (doc.Tokens[k].Text == "'s" || doc.Tokens[k].Text == "’s") {
		k--
	}
	if k < 0 || i == 0 {
		return ""
	}
	p := &ms[i-1]
	if p.Type != State || p.ID == "" || p.End != doc.Tokens[k].End {
		return ""
	}
	return p.ID
}

// bodyAt returns the end (exclusive) of the institution's words that
// start at token i, or i when there are none: a phrase of
// stateBodyPhrases, "X ministry" of ministryDomains, or "ministry of"
// followed by capitalised words ("Ministry of Foreign Affairs", "Ministry
// of Home Affairs"). The words are all lower case or all capitalised.
func bodyAt(toks []Token, i int) int {
	best := i
	for _, p := range stateBodyPhrases {
		if i+len(p) <= len(toks) && i+len(p) > best && wordsAre(toks[i:i+len(p)], p) {
			best = i + len(p)
		}
	}
	if ministryDomains[lowerAt(toks, i)] && lowerAt(toks, i+1) == "ministry" && sameCase(toks[i:i+2]) {
		best = max(best, i+2)
	}
	if lowerAt(toks, i) == "ministry" && lowerAt(toks, i+1) == "of" && i+2 < len(toks) && isCapitalized(toks[i].Text) {
		j := i + 2
		for j < len(toks) && j-i < 7 && (isCapitalized(toks[j].Text) || toks[j].Text == "and" && j+1 < len(toks) && isCapitalized(toks[j+1].Text)) {
			j++
		}
		if j > i+2 {
			best = max(best, j)
		}
	}
	return best
}

// wordsAre reports whether toks are the lower-case words p, written all in
// lower case or all capitalised.
func wordsAre(toks []Token, p []string) bool {
	for k, t := range toks {
		if lowerASCII(t.Text) != p[k] {
			return false
		}
	}
	return sameCase(toks)
}

// sameCase reports whether the words of toks are all lower case or all
// capitalised ("the Finance Ministry", "the finance ministry", not
// "finance Ministry").
func sameCase(toks []Token) bool {
	lower := 0
	for _, t := range toks {
		if startsLower(t.Text) {
			lower++
		}
	}
	return lower == 0 || lower == len(toks)
}

// stateBodies finds the institutions of states and the armed groups named
// by a demonym, and returns ms with them, in text order and
// non-overlapping:
//
//   - words of an institution (see bodyAt) right after a STATE mention, or
//     after a STATE mention and "'s", are an ORG mention of that state
//     ("Iraqi [parliament]", "China's [Foreign Ministry]", "U.S. [Air
//     Force]"), linked to the gazetteer's entry of that body when
//     there is one and otherwise named by the qualifier as written
//     ("Iraqi parliament"; "Chinese Foreign Ministry" after a possessive);
//   - an organisation found without a gazetteer entry whose words are an
//     institution and which no state qualifies ("the Foreign Ministry
//     said") belongs to the state of the dateline ("BEIJING 1996-08-22"),
//     or to the one state the document names;
//   - "rebels", "separatists", "guerrillas" and "insurgents" after a
//     demonym of a state or place are an ORG ("Chechen rebels").
//
// Every institution gets its state in [Mention.State], as do the
// organisations of the gazetteer's government, military and court
// categories that belong to a state; one (state, body)
// keeps the name of its first mention throughout the document. Words
// that another mention already covers are left alone, except an
// organisation without a gazetteer entry that covers exactly them.
func (r *recognizer) stateBodies(ctx context.Context, doc *Document, ms []Mention) ([]Mention, error) {
	if len(ms) == 0 {
		return ms, nil
	}
	x := r.bodies()
	type tokRange struct{ ts, te int }
	toks := doc.Tokens
	// spans[i] is the token range [ts, te) of mention i; owner[k] the
	// mention that covers token k: notOwned for none, added0 for a
	// mention this pass adds.
	const notOwned, added0 = -1, -2
	spans := make([]tokRange, len(ms))
	owner := make([]int32, len(toks))
	for k := range owner {
		owner[k] = notOwned
	}
	ti := 0
	for i, m := range ms {
		if every(i, checkMentions) {
			if err := ctx.Err(); err != nil {
				return nil, err
			}
		}
		for ti < len(toks) && toks[ti].End <= m.Start {
			ti++
		}
		te := ti
		for te < len(toks) && toks[te].Start < m.End {
			owner[te] = int32(i)
			te++
		}
		spans[i] = tokRange{ti, te}
	}
	inMention := func(k int) bool { return owner[k] != notOwned }
	names := map[string]string{} // state id + "\x00" + lower body -> name
	var added []Mention
	name := func(state, body, written string) string {
		k := state + "\x00" + body
		if n, ok := names[k]; ok {
			return n
		}
		names[k] = written
		return written
	}
	// label makes tokens [a, b) of sentence si an institution of state,
	// qualified as written by qual ("" for an adjective of the state).
	label := func(si, a, b int, state, qual string) {
		text := doc.Text[toks[a].Start:toks[b-1].End]
		body := strings.ToLower(text)
		m := Mention{Type: Org, Text: text, Start: toks[a].Start, End: toks[b-1].End, Sentence: si, Source: FromRule, Score: 0.8, State: state}
		if id, ok := x.entries[state+"\x00"+body]; ok {
			if e, ok := r.gaz.Entry(id); ok {
				m.ID, m.Name, m.Source = e.ID, e.Name, FromGazetteer
			}
		}
		if m.ID == "" {
			if qual == "" {
				qual = stateAdjective(r.gaz, state)
			}
			if qual == "" {
				return
			}
			m.Name = name(state, body, qual+" "+text)
		}
		if j := int(owner[a]); j >= 0 && spans[j].ts == a {
			if spans[j].te != b || ms[j].Type != Org || ms[j].ID != "" {
				return
			}
			ms[j].Name, ms[j].ID, ms[j].State, ms[j].Source = m.Name, m.ID, m.State, m.Source
			return
		}
		for k := a; k < b; k++ {
			if inMention(k) {
				return
			}
		}
		for k := a; k < b; k++ {
			owner[k] = added0
		}
		added = append(added, m)
	}
	for i := range ms {
		if every(i, checkMentions) {
			if err := ctx.Err(); err != nil {
				return nil, err
			}
		}
		m := &ms[i]
		if m.ID == "" || (m.Type != State && !(m.Adjectival && m.Type == Location)) {
			continue
		}
		si := m.Sentence
		if si < 0 || si >= len(doc.Sentences) {
			continue
		}
		st := doc.Sentences[si]
		sent := toks[st.TokenStart:st.TokenEnd]
		a := spans[i].te - st.TokenStart
		if a < 0 || a >= len(sent) {
			continue
		}
		if m.Adjectival && armedGroupNouns[sent[a].Text] {
			label0 := Mention{Type: Org, Text: sent[a].Text, Start: sent[a].Start, End: sent[a].End, Sentence: si, Source: FromRule, Score: 0.7, Name: m.Text + " " + sent[a].Text}
			if !inMention(st.TokenStart + a) {
				owner[st.TokenStart+a] = added0
				added = append(added, label0)
			}
			continue
		}
		if m.Type != State {
			continue
		}
		qual := m.Text
		if sent[a].Text == "'s" || sent[a].Text == "’s" {
			a++
			qual = ""
		}
		if b := bodyAt(sent, a); b > a {
			label(si, st.TokenStart+a, st.TokenStart+b, m.ID, qual)
		}
	}
	// Organisations found whole whose first words are a state ("the Greek
	// Finance Ministry").
	for i := range ms {
		if every(i, checkMentions) {
			if err := ctx.Err(); err != nil {
				return nil, err
			}
		}
		m := &ms[i]
		if m.Type != Org || m.ID != "" || m.State != "" {
			continue
		}
		ts, te := spans[i].ts, spans[i].te
		st := doc.Sentences[m.Sentence]
		sent := toks[st.TokenStart:st.TokenEnd]
		for p := 1; p <= 3 && ts+p < te; p++ {
			g, ok := r.gaz.Lookup(doc.Text[toks[ts].Start:toks[ts+p-1].End])
			if !ok || g.Kind != gazetteer.State || g.How == gazetteer.ByFuzzy || bodyAt(sent, ts+p-st.TokenStart) != te-st.TokenStart {
				continue
			}
			m.State = g.ID
			body := strings.ToLower(doc.Text[toks[ts+p].Start:m.End])
			if id, ok := x.entries[g.ID+"\x00"+body]; ok {
				if e, ok := r.gaz.Entry(id); ok {
					m.ID, m.Name, m.Source = e.ID, e.Name, FromGazetteer
				}
			}
			break
		}
	}
	// Parties and institutions named without their state ("Albania's
	// opposition Socialist Party", "the Socialist Party" in a story from
	// Belgrade) take the gazetteer's entry of that name for the state that
	// qualifies them or owns the document.
	docState := r.documentState(doc, ms, x)
	for i := range ms {
		if every(i, checkMentions) {
			if err := ctx.Err(); err != nil {
				return nil, err
			}
		}
		m := &ms[i]
		if m.Type != Org || m.ID != "" {
			continue
		}
		body := strings.ToLower(m.Text)
		for _, s := range [2]string{qualifierBefore(doc, ms, i, spans[i].ts), docState} {
			id, ok := x.entries[s+"\x00"+body]
			if !ok || s == "" {
				continue
			}
			if e, ok := r.gaz.Entry(id); ok {
				m.ID, m.Name, m.Source = e.ID, e.Name, FromGazetteer
				if stateCategories[e.Category] {
					m.State = s
				}
				break
			}
		}
	}
	// Institutions that no state qualifies: the dateline's state, or the
	// document's one state.
	if owner := docState; owner != "" {
		for i := range ms {
			if every(i, checkMentions) {
				if err := ctx.Err(); err != nil {
					return nil, err
				}
			}
			m := &ms[i]
			if m.Type != Org || m.ID != "" || m.State != "" {
				continue
			}
			ts, te := spans[i].ts, spans[i].te
			if te-ts < 1 || te > len(toks) {
				continue
			}
			st := doc.Sentences[m.Sentence]
			sent := toks[st.TokenStart:st.TokenEnd]
			if bodyAt(sent, ts-st.TokenStart) != te-st.TokenStart {
				continue
			}
			if p := ts - 1; p >= st.TokenStart && inMention(p) {
				continue // qualified by a name that is not a state
			}
			label(m.Sentence, ts, te, owner, "")
		}
		// Institutions that no recogniser took for a name: "dissolved
		// parliament", "the finance ministry estimated".
		for si, st := range doc.Sentences {
			if every(si, checkSentences) {
				if err := ctx.Err(); err != nil {
					return nil, err
				}
			}
			sent := toks[st.TokenStart:st.TokenEnd]
			for k := range sent {
				if !bodyFirst[lowerASCII(sent[k].Text)] || inMention(st.TokenStart+k) || !bareContext(sent, k) {
					continue
				}
				if b := bodyAt(sent, k); b > k && !forceWords[lowerASCII(sent[k].Text)] {
					label(si, st.TokenStart+k, st.TokenStart+b, owner, "")
				}
			}
		}
	}
	// Institutions the gazetteer found by their full name ("the Chinese
	// Foreign Ministry") have their state too.
	owners := map[string]string{} // entry id -> its state, "" for none
	for i := range ms {
		if every(i, checkMentions) {
			if err := ctx.Err(); err != nil {
				return nil, err
			}
		}
		if m := &ms[i]; m.Type == Org && m.ID != "" && m.State == "" {
			st, ok := owners[m.ID]
			if !ok {
				if e, found := r.gaz.Entry(m.ID); found && stateCategories[e.Category] && strings.HasPrefix(e.Country, "state/") {
					st = e.Country
				}
				owners[m.ID] = st
			}
			m.State = st
		}
	}
	if len(added) == 0 {
		return ms, nil
	}
	slices.SortFunc(added, func(a, b Mention) int { return a.Start - b.Start })
	return mergeMentions(ctx, ms, added)
}

// documentState returns the state that owns the document's unqualified
// institutions: the state of its dateline's capital ("BEIJING 1996-08-22",
// "MOSCOW (Reuters) -"), or else the one state its mentions name; "" when
// neither says.
func (r *recognizer) documentState(doc *Document, ms []Mention, x *bodyIndex) string {
	for i := range ms {
		m := &ms[i]
		if m.Start > maxDatelineBytes {
			break
		}
		if m.Type != Location || m.ID == "" || (m.Start > 0 && doc.Text[m.Start-1] != '\n') {
			continue
		}
		if strings.ToUpper(m.Text) != m.Text || !strings.ContainsAny(m.Text, "ABCDEFGHIJKLMNOPQRSTUVWXYZ") {
			continue
		}
		if s, ok := x.capitals[m.ID]; ok {
			return s
		}
	}
	one := ""
	for i := range ms {
		if m := &ms[i]; m.Type == State && m.ID != "" {
			if one != "" && one != m.ID {
				return ""
			}
			one = m.ID
		}
	}
	return one
}

// maxDatelineBytes bounds where a dateline may start in a document.
const maxDatelineBytes = 400

// stateAdjective returns the first adjective of the state id, or its name
// when it has none.
func stateAdjective(g *gazetteer.Gazetteer, id string) string {
	e, ok := g.Entry(id)
	if !ok {
		return ""
	}
	if len(e.Adjectives) > 0 {
		return e.Adjectives[0]
	}
	return e.Name
}
