// This file holds the document-level pass over the institutions of states
// (stateBodies): a ministry, parliament, army or police force that a
// state qualifies ("the Iraqi parliament", "China's Foreign Ministry",
// "the U.S. Air Force") or that the dateline's state owns ("the Foreign
// Ministry" in a story from Beijing), and armed groups named by a demonym
// ("Chechen rebels").

package entities

import (
	"context"
	"maps"
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

// bodyFirstEnds is the endsFilter of the words of bodyFirst.
var bodyFirstEnds = newEndsFilter(slices.Collect(maps.Keys(bodyFirst)))

// isBodyFirst reports whether bodyFirst holds the lower-case form of w,
// without lower-casing the words that bodyFirstEnds rules out.
func isBodyFirst(w string) bool {
	return bodyFirstEnds.mayHold(w) && bodyFirst[lowerASCII(w)]
}

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
	p, err := newBodyPass(ctx, r, doc, ms)
	if err != nil {
		return nil, err
	}
	docState := r.documentState(doc, ms, p.x)
	steps := []func(i int){p.qualified, p.foundWhole, func(i int) { p.named(i, docState) }}
	if docState != "" {
		steps = append(steps, func(i int) { p.unqualified(i, docState) })
	}
	for _, step := range steps {
		if err := eachMention(ctx, len(ms), step); err != nil {
			return nil, err
		}
	}
	if docState != "" {
		if err := p.bare(ctx, docState); err != nil {
			return nil, err
		}
	}
	if err := eachMention(ctx, len(ms), p.gazetteerState); err != nil {
		return nil, err
	}
	if len(p.added) == 0 {
		return ms, nil
	}
	slices.SortFunc(p.added, func(a, b Mention) int { return a.Start - b.Start })
	return mergeMentions(ctx, ms, p.added)
}

// eachMention calls f for 0 ≤ i < n, looking at ctx every checkMentions
// calls.
func eachMention(ctx context.Context, n int, f func(i int)) error {
	for i := 0; i < n; i++ {
		if every(i, checkMentions) {
			if err := ctx.Err(); err != nil {
				return err
			}
		}
		f(i)
	}
	return nil
}

// tokRange is a range [ts, te) of a document's tokens.
type tokRange struct{ ts, te int }

// Values of bodyPass.owner besides mention indices.
const (
	notOwned = -1 // no mention covers the token
	addedBy  = -2 // a mention that stateBodies adds covers it
)

// bodyPass is the working state of stateBodies over one document.
type bodyPass struct {
	r      *recognizer
	x      *bodyIndex
	doc    *Document
	ms     []Mention
	spans  []tokRange        // spans[i]: the tokens of ms[i]
	owner  []int32           // by token: the mention that covers it, notOwned or addedBy
	names  map[string]string // state id + "\x00" + lower body -> the name of its first mention
	states map[string]string // gazetteer id -> the state it is an institution of, "" for none
	added  []Mention
}

func newBodyPass(ctx context.Context, r *recognizer, doc *Document, ms []Mention) (*bodyPass, error) {
	toks := doc.Tokens
	p := &bodyPass{r: r, x: r.bodies(), doc: doc, ms: ms, spans: make([]tokRange, len(ms)), owner: make([]int32, len(toks)),
		names: map[string]string{}, states: map[string]string{}}
	for k := range p.owner {
		p.owner[k] = notOwned
	}
	ti := 0
	err := eachMention(ctx, len(ms), func(i int) {
		m := &ms[i]
		for ti < len(toks) && toks[ti].End <= m.Start {
			ti++
		}
		te := ti
		for te < len(toks) && toks[te].Start < m.End {
			p.owner[te] = int32(i)
			te++
		}
		p.spans[i] = tokRange{ti, te}
	})
	return p, err
}

func (p *bodyPass) covered(k int) bool { return p.owner[k] != notOwned }

// sentence returns the tokens of sentence si and the index of its first.
func (p *bodyPass) sentence(si int) ([]Token, int) {
	st := p.doc.Sentences[si]
	return p.doc.Tokens[st.TokenStart:st.TokenEnd], st.TokenStart
}

// label makes tokens [a, b) of sentence si an institution of state,
// qualified as written by qual ("" for an adjective of the state): it
// relabels an organisation without an entry that covers exactly them, or
// adds a mention where none covers any.
func (p *bodyPass) label(si, a, b int, state, qual string) {
	toks := p.doc.Tokens
	text := p.doc.Text[toks[a].Start:toks[b-1].End]
	body := strings.ToLower(text)
	m := Mention{Type: Org, Text: text, Start: toks[a].Start, End: toks[b-1].End, Sentence: si, Source: FromRule, Score: 0.8, State: state}
	if id, ok := p.x.entries[state+"\x00"+body]; ok {
		if e, ok := p.r.gaz.Entry(id); ok {
			m.ID, m.Name, m.Source = e.ID, e.Name, FromGazetteer
		}
	}
	if m.ID == "" {
		if qual == "" {
			qual = stateAdjective(p.r.gaz, state)
		}
		if qual == "" {
			return
		}
		k := state + "\x00" + body
		if _, ok := p.names[k]; !ok {
			p.names[k] = qual + " " + text
		}
		m.Name = p.names[k]
	}
	if j := int(p.owner[a]); j >= 0 && p.spans[j].ts == a {
		if o := &p.ms[j]; p.spans[j].te == b && o.Type == Org && o.ID == "" {
			o.Name, o.ID, o.State, o.Source = m.Name, m.ID, m.State, m.Source
		}
		return
	}
	for k := a; k < b; k++ {
		if p.covered(k) {
			return
		}
	}
	for k := a; k < b; k++ {
		p.owner[k] = addedBy
	}
	p.added = append(p.added, m)
}

// qualified reads the words after STATE mention i: an institution
// ("Iraqi [parliament]", "China's [Foreign Ministry]"), or after a demonym
// an armed group ("Chechen [rebels]").
func (p *bodyPass) qualified(i int) {
	m := &p.ms[i]
	if m.Sentence < 0 || m.Sentence >= len(p.doc.Sentences) {
		return
	}
	if m.Type == Location {
		p.placeBody(i)
	}
	if m.ID == "" || (m.Type != State && !(m.Adjectival && m.Type == Location)) {
		return
	}
	sent, base := p.sentence(m.Sentence)
	a := p.spans[i].te - base
	if a < 0 || a >= len(sent) {
		return
	}
	if m.Adjectival && armedGroupNouns[sent[a].Text] {
		if !p.covered(base + a) {
			p.owner[base+a] = addedBy
			p.added = append(p.added, Mention{Type: Org, Text: sent[a].Text, Start: sent[a].Start, End: sent[a].End, Sentence: m.Sentence, Source: FromRule, Score: 0.7, Name: m.Text + " " + sent[a].Text})
		}
		return
	}
	if m.Type != State {
		return
	}
	qual := m.Text
	if sent[a].Text == "'s" || sent[a].Text == "’s" {
		a++
		qual = ""
	}
	if b := bodyAt(sent, a); b > a {
		p.label(m.Sentence, base+a, base+b, m.ID, qual)
	}
}

// placeBodies, after a place that is no state, name the body that governs
// or polices it: "the Hong Kong government", "the Tibetan government",
// "Zadar police".
var placeBodies = map[string]bool{"government": true, "police": true}

// placeBody reads the word after LOCATION mention i: a body of the place
// (see placeBodies), an organisation named after the place. A capital's
// government is its state's (the guidelines write it as the state: "the
// Kabul government").
func (p *bodyPass) placeBody(i int) {
	m := &p.ms[i]
	sent, base := p.sentence(m.Sentence)
	a := p.spans[i].te - base
	if a < 0 || a >= len(sent) || p.covered(base+a) {
		return
	}
	w := lowerASCII(sent[a].Text)
	if !placeBodies[w] || !sameCase(sent[a:a+1]) && !isCapitalized(m.Text) {
		return
	}
	if _, capital := p.x.capitals[m.ID]; capital && w == "government" {
		return
	}
	if m.Metonymy {
		return // a place used for a state
	}
	p.owner[base+a] = addedBy
	p.added = append(p.added, Mention{Type: Org, Text: sent[a].Text, Start: sent[a].Start, End: sent[a].End, Sentence: m.Sentence,
		Source: FromRule, Score: 0.7, Name: m.Text + " " + w})
}

// foundWhole gives an organisation found whole whose first words are a
// state its state, and its gazetteer entry when there is one ("the Greek
// Finance Ministry").
func (p *bodyPass) foundWhole(i int) {
	m := &p.ms[i]
	if m.Type != Org || m.ID != "" || m.State != "" {
		return
	}
	toks := p.doc.Tokens
	ts, te := p.spans[i].ts, p.spans[i].te
	sent, base := p.sentence(m.Sentence)
	for n := 1; n <= 3 && ts+n < te; n++ {
		g, ok := p.r.gaz.Lookup(p.doc.Text[toks[ts].Start:toks[ts+n-1].End])
		if !ok || g.Kind != gazetteer.State || g.How == gazetteer.ByFuzzy || bodyAt(sent, ts+n-base) != te-base {
			continue
		}
		m.State = g.ID
		body := strings.ToLower(p.doc.Text[toks[ts+n].Start:m.End])
		if id, ok := p.x.entries[g.ID+"\x00"+body]; ok {
			if e, ok := p.r.gaz.Entry(id); ok {
				m.ID, m.Name, m.Source = e.ID, e.Name, FromGazetteer
			}
		}
		return
	}
}

// named links a party or institution named without its state
// ("Albania's opposition Socialist Party", "the Socialist Party" in a
// story from Belgrade) to the gazetteer's entry of that name for the
// state that qualifies it or owns the document.
func (p *bodyPass) named(i int, docState string) {
	m := &p.ms[i]
	if m.Type != Org || m.ID != "" {
		return
	}
	body := strings.ToLower(m.Text)
	for _, s := range [2]string{qualifierBefore(p.doc, p.ms, i, p.spans[i].ts), docState} {
		id, ok := p.x.entries[s+"\x00"+body]
		if !ok || s == "" {
			continue
		}
		if e, ok := p.r.gaz.Entry(id); ok {
			m.ID, m.Name, m.Source = e.ID, e.Name, FromGazetteer
			if stateCategories[e.Category] {
				m.State = s
			}
			return
		}
	}
}

// unqualified makes an organisation without an entry whose words are an
// institution and that no name qualifies ("the Foreign Ministry said") an
// institution of the document's state.
func (p *bodyPass) unqualified(i int, docState string) {
	m := &p.ms[i]
	if m.Type != Org || m.ID != "" || m.State != "" {
		return
	}
	ts, te := p.spans[i].ts, p.spans[i].te
	if te-ts < 1 || te > len(p.doc.Tokens) {
		return
	}
	sent, base := p.sentence(m.Sentence)
	if bodyAt(sent, ts-base) != te-base {
		return
	}
	if ts-1 >= base && p.covered(ts-1) {
		return // qualified by a name that is not a state
	}
	p.label(m.Sentence, ts, te, docState, "")
}

// bare makes the institutions that no recogniser took for a name ("dissolved
// parliament", "the finance ministry estimated") institutions of the
// document's state, but not the forces (forceWords).
func (p *bodyPass) bare(ctx context.Context, docState string) error {
	for si := range p.doc.Sentences {
		if every(si, checkSentences) {
			if err := ctx.Err(); err != nil {
				return err
			}
		}
		sent, base := p.sentence(si)
		for k := range sent {
			if !isBodyFirst(sent[k].Text) || p.covered(base+k) || !bareContext(sent, k) {
				continue
			}
			if b := bodyAt(sent, k); b > k && !forceWords[lowerASCII(sent[k].Text)] {
				p.label(si, base+k, base+b, docState, "")
			}
		}
	}
	return nil
}

// gazetteerState gives an institution that the gazetteer found by its
// full name ("the Chinese Foreign Ministry") its state too.
func (p *bodyPass) gazetteerState(i int) {
	m := &p.ms[i]
	if m.Type != Org || m.ID == "" || m.State != "" {
		return
	}
	st, ok := p.states[m.ID]
	if !ok {
		if e, found := p.r.gaz.Entry(m.ID); found && stateCategories[e.Category] && strings.HasPrefix(e.Country, "state/") {
			st = e.Country
		}
		p.states[m.ID] = st
	}
	m.State = st
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
