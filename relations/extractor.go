package relations

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/statecraft/statecraft/entities"
	"github.com/statecraft/statecraft/gazetteer"
	"github.com/statecraft/statecraft/internal/pool"
	"github.com/statecraft/statecraft/relations/internal/relmodel"
)

// ErrBadDocument is returned, wrapped with details, by [Extractor.Extract]
// for a nil document or one whose sentences, tokens or mentions are out of
// the bounds of its text.
var ErrBadDocument = errors.New("relations: malformed document")

// ErrNilContext is returned by [Extractor.Extract] for a nil context.
var ErrNilContext = errors.New("relations: nil context")

// sharedGazetteer is the default gazetteer, built once per process and
// shared with the other stages (see gazetteer.Default).
var sharedGazetteer = gazetteer.Default

// Extractor finds relations in documents analysed by package entities.
//
// An Extractor is immutable after [New] and safe for concurrent use by
// multiple goroutines; build one and share it. Its per-call scratch memory
// lives in an internal pool.
type Extractor struct {
	cfg      config
	lex      *compiled
	gaz      *gazetteer.Gazetteer
	capitals map[string]*stateRef // capital's location id → its state
	orgCats  map[string]string    // organisation id → its gazetteer category
	pool     pool.Pool[Sentence]
	rules    []Rule              // the pattern rules, then those of WithRule (after builtinRules)
	model    *relmodel.Model     // nil: rules only
	personOf map[string][]string // person id → ids of the states and organisations the gazetteer gives them roles in or a country of
	minProb  float32             // the lowest threshold of any label
	thr      [relmodel.NumLabels]float32
}

// New returns an Extractor with the built-in types, triggers, rules and
// pattern rules, extended by opts. It returns an error wrapping
// [ErrUnknownType] or [ErrBadTypeDef] for a malformed option, one
// wrapping [ErrBadRules] that lists every problem of the pattern files
// given with [WithRules] or [WithRuleFile], or the error of loading the
// default gazetteer.
func New(opts ...Option) (*Extractor, error) {
	var cfg config
	for _, o := range opts {
		if o != nil {
			o(&cfg)
		}
	}
	if len(cfg.errs) > 0 {
		return nil, errors.Join(cfg.errs...)
	}
	if wordErr != nil {
		return nil, wordErr
	}
	lex, err := compile(&cfg)
	if err != nil {
		return nil, err
	}
	g := cfg.gaz
	if g == nil {
		if g, err = sharedGazetteer(); err != nil {
			return nil, fmt.Errorf("relations: loading the gazetteer: %w", err)
		}
	}
	patterns, err := loadPatterns(lex.defs, cfg.ruleFiles)
	if err != nil {
		return nil, err
	}
	e := &Extractor{cfg: cfg, lex: lex, gaz: g, capitals: capitals(g), orgCats: orgCategories(g), personOf: personOrgs(g)}
	e.rules = append([]Rule{patterns}, cfg.rules...)
	if !cfg.noModel {
		m, err := defaultModel()
		if err != nil {
			return nil, err
		}
		e.setModel(m, cfg.threshold)
	}
	return e, nil
}

// Extract returns the relations of doc, a document built by an
// entities.Extractor, sorted by the start of their evidence, then by type,
// then by their arguments' mention indices, then by trigger.
//
// Relations are found within each sentence, plus the cross-sentence links
// described in the package documentation. Extract checks ctx between
// sentences and returns ctx.Err() once it is done. A nil document, or one
// whose offsets do not fit its text, yields an error wrapping
// [ErrBadDocument]. Extract does not modify doc and keeps no reference to
// it.
func (e *Extractor) Extract(ctx context.Context, doc *entities.Document) ([]Relation, error) {
	out, _, err := e.extract(ctx, doc, false, e.rules)
	return out, err
}

// extract runs the built-in rules and rules and, when the Extractor has a
// model, scores the candidates; with keepCands it also returns the
// candidates (for the trainer).
func (e *Extractor) extract(ctx context.Context, doc *entities.Document, keepCands bool, rules []Rule) ([]Relation, []relmodel.Candidate, error) {
	if ctx == nil {
		return nil, nil, ErrNilContext
	}
	if err := validate(doc); err != nil {
		return nil, nil, err
	}
	dc := newDocState(doc, e.gaz)
	dc.setDateline(e.datelineState(doc))
	s := e.pool.Get()
	defer func() {
		s.Doc, s.dc, s.Tokens, s.toks = nil, nil, nil, nil
		s.rels = s.rels[:0]
		if cap(s.low) <= 1<<16 {
			e.pool.Put(s)
		}
	}()
	s.x, s.Doc, s.dc = e, doc, dc
	useModel := e.model != nil || keepCands
	var (
		out    []Relation
		cands  []relmodel.Candidate // with keepCands
		agg    relmodel.Aggregator  // the model's document-level predictions so far
		infos  []candInfo           // of agg.Cands
		facts  docFacts
		h      hasher
		probs  [relmodel.NumLabels]float32
		scored = e.model != nil && !keepCands
	)
	if useModel {
		facts = e.facts(ctx, doc)
	}
	h.anyOrder = scored
	emit := func(c *relmodel.Candidate) {
		if keepCands {
			cc := *c
			cc.Feats = slices.Clone(c.Feats)
			cands = append(cands, cc)
		}
		if !scored {
			return
		}
		e.model.Scores(c.Feats, c.Allowed|c.Rule, &probs)
		if agg.Add(c, &probs, e.minProb) {
			infos = append(infos, s.candInfo(c))
		}
	}
	for si := range doc.Sentences {
		if err := ctx.Err(); err != nil {
			return nil, nil, err
		}
		s.sentenceRelations(si, rules)
		if useModel && !s.sentenceCandidates(ctx, &facts, &h, emit) {
			return nil, nil, ctx.Err()
		}
		out = append(out, s.rels...)
	}
	if err := ctx.Err(); err != nil {
		return nil, nil, err
	}
	out = sortDedupe(out)
	if scored {
		var err error
		if out, err = e.applyModel(ctx, doc, out, &agg, infos); err != nil {
			return nil, nil, err
		}
	}
	fillDefaults(out)
	return out, cands, nil
}

// sentenceRelations prepares s for sentence si and finds its relations
// with the built-in rules and rules, then records its meetings for the
// anaphors of later sentences ("The two leaders").
func (s *Sentence) sentenceRelations(si int, rules []Rule) {
	s.reset(si)
	for _, r := range builtinRules {
		s.apply(r)
	}
	for _, r := range rules {
		s.apply(r)
	}
	s.recordMeetings()
}

// builtinRules are the rules written in Go, run on each sentence in
// order before the pattern rules and those of [WithRule]: the triggers of
// the lexicon with their argument frames, then the special constructions
// (see specials.go). The titles of people are read while the sentence's
// view is built (its entity phrases; see personPhrase).
var builtinRules = []Rule{triggerRules{}, specialConstructions{}}

// triggerRules finds the sentence's triggers and the relations their
// frames give (findTriggers).
type triggerRules struct{}

// Relations records the relations of the sentence's triggers.
func (triggerRules) Relations(s *Sentence) []Relation {
	s.findTriggers()
	return nil
}

// specialConstructions finds the relations of the constructions no
// trigger frame reads (specialRules: "took South Ossetia by force",
// leaving an organisation, founding one, agreeing to settle, a person of
// a group, party members).
type specialConstructions struct{}

// Relations records the relations of the special constructions.
func (specialConstructions) Relations(s *Sentence) []Relation {
	s.specialRules()
	return nil
}

// apply runs rule r on s: the built-in rules record their relations as
// they find them; the relations a pattern or user rule returns are
// completed (see [Rule]) and kept unless the sentence already holds them.
func (s *Sentence) apply(r Rule) {
	for _, rel := range r.Relations(s) {
		if c, ok := s.complete(rel); ok && !s.hasRelation(&c) {
			s.rels = append(s.rels, c)
		}
	}
}

// fillDefaults gives each relation of out without attributes an empty
// map and without a source [SourceRule].
func fillDefaults(out []Relation) {
	for i := range out {
		if out[i].Attrs == nil {
			out[i].Attrs = map[string]string{}
		}
		if out[i].Source == "" {
			out[i].Source = SourceRule
		}
	}
}

// hasRelation reports whether the sentence already holds a relation of
// r's type between the same entities (in the same direction for a
// directed type; for a symmetric one, among parties that include all of
// r's): a pattern rule that finds what a built-in rule found adds
// nothing ("Belarus and Russia signed" inside "Kazakhstan, Belarus and
// Russia signed"), and a second copy would make the relation's parties
// look like two meetings to a later "the two countries".
func (s *Sentence) hasRelation(r *Relation) bool {
	ents := func(x *Relation) []string {
		var out []string
		if x.Subject != nil && x.Object != nil {
			return []string{identity(s.m(x.Subject.Entity)), identity(s.m(x.Object.Entity))}
		}
		for _, p := range x.Parties {
			out = append(out, identity(s.m(p.Entity)))
		}
		slices.Sort(out)
		return out
	}
	want := ents(r)
	for i := range s.rels {
		if s.rels[i].Type != r.Type {
			continue
		}
		have := ents(&s.rels[i])
		if slices.Equal(have, want) || len(r.Parties) > 0 && len(s.rels[i].Parties) > 0 && containsAll(have, want) {
			return true
		}
	}
	return false
}

// containsAll reports whether sorted list a holds every element of b.
func containsAll(a, b []string) bool {
	for _, x := range b {
		if _, ok := slices.BinarySearch(a, x); !ok {
			return false
		}
	}
	return true
}

// validate checks that doc's offsets fit its text, so that extraction
// cannot index out of range.
func validate(doc *entities.Document) error {
	if doc == nil {
		return fmt.Errorf("%w: nil document", ErrBadDocument)
	}
	n := len(doc.Text)
	for i, t := range doc.Tokens {
		if t.Start < 0 || t.Start > t.End || t.End > n {
			return fmt.Errorf("%w: token %d [%d, %d) outside the text of %d bytes", ErrBadDocument, i, t.Start, t.End, n)
		}
	}
	for i, s := range doc.Sentences {
		if s.TokenStart < 0 || s.TokenStart > s.TokenEnd || s.TokenEnd > len(doc.Tokens) {
			return fmt.Errorf("%w: sentence %d token range [%d, %d) of %d tokens", ErrBadDocument, i, s.TokenStart, s.TokenEnd, len(doc.Tokens))
		}
	}
	prev := -1
	for i, m := range doc.Mentions {
		if m.Start < 0 || m.Start > m.End || m.End > n {
			return fmt.Errorf("%w: mention %d [%d, %d) outside the text of %d bytes", ErrBadDocument, i, m.Start, m.End, n)
		}
		if m.Sentence < prev {
			return fmt.Errorf("%w: mention %d of sentence %d after a mention of sentence %d", ErrBadDocument, i, m.Sentence, prev)
		}
		prev = m.Sentence
	}
	return nil
}

// complete fills in what a user rule left out of r (see [Rule]) and
// checks it: its arguments ([Sentence.completeParties],
// [Sentence.completePair]), its modality, time and trigger text
// ([Sentence.completeTrigger]), its evidence, sentence and attributes.
func (s *Sentence) complete(r Relation) (Relation, bool) {
	def, ok := s.x.lex.defs[r.Type]
	if !ok || s.budget <= 0 {
		return r, false
	}
	var cs []cand
	if def.symmetric || len(r.Parties) > 0 {
		cs, ok = s.completeParties(&r)
	} else {
		cs, ok = s.completePair(&r)
	}
	if !ok {
		return r, false
	}
	s.completeTrigger(&r)
	if r.Evidence.IsZero() {
		for i := range cs {
			mm := &s.Doc.Mentions[cs[i].m]
			if mm.Sentence != s.Index {
				cs[i].anaphor = true
			}
			cs[i].tokStart, cs[i].tokEnd = -1, -1
		}
		r.Evidence = s.evidenceOf(r.Trigger, cs)
	}
	r.Sentence = s.Index
	if r.Attrs == nil {
		r.Attrs = map[string]string{}
	}
	s.budget -= 1 + len(r.Parties)
	return r, true
}

// completeArg fills in the id, name and text of argument a from its
// mention when the rule gave none of them, and reports whether a names a
// mention of the document.
func (s *Sentence) completeArg(a *Arg) bool {
	if a.Entity < 0 || a.Entity >= len(s.Doc.Mentions) {
		return false
	}
	m := &s.Doc.Mentions[a.Entity]
	if a.ID == "" && a.Name == "" && a.Text == "" {
		a.ID, a.Name, a.Text = m.ID, m.Name, m.Text
	}
	return true
}

// completeParties completes the parties of a relation of a symmetric type
// or one given with parties, on a copy of r's parties, and returns them
// as candidates. It reports false for a relation that also has a subject
// or an object, a party that names no mention, or fewer than two
// entities.
func (s *Sentence) completeParties(r *Relation) ([]cand, bool) {
	if r.Subject != nil || r.Object != nil {
		return nil, false
	}
	var cs []cand
	r.Parties = slices.Clone(r.Parties)
	seen := map[string]bool{}
	for i := range r.Parties {
		if !s.completeArg(&r.Parties[i]) {
			return nil, false
		}
		seen[identity(&s.Doc.Mentions[r.Parties[i].Entity])] = true
		cs = append(cs, cand{m: r.Parties[i].Entity})
	}
	if len(seen) < 2 {
		return nil, false
	}
	return cs, true
}

// completePair completes copies of the subject and object of r and
// returns them as candidates. It reports false when one is missing or
// names no mention.
func (s *Sentence) completePair(r *Relation) ([]cand, bool) {
	if r.Subject == nil || r.Object == nil {
		return nil, false
	}
	sub, obj := *r.Subject, *r.Object
	if !s.completeArg(&sub) || !s.completeArg(&obj) {
		return nil, false
	}
	r.Subject, r.Object = &sub, &obj
	return []cand{{m: sub.Entity}, {m: obj.Entity}}, true
}

// completeTrigger fills in the modality of r from the words before its
// trigger (asserted without a trigger token), its time at the trigger,
// and its trigger's text from the document.
func (s *Sentence) completeTrigger(r *Relation) {
	tok := s.tokenAt(r.Trigger.Start)
	if r.Modality == "" {
		if tok >= 0 {
			r.Modality = s.modality(tok, tok+1)
		} else {
			r.Modality = Asserted
		}
	}
	if r.Time == "" && tok >= 0 {
		r.Time = s.timeAt(tok)
	}
	if r.Trigger.Text == "" && r.Trigger.Start < r.Trigger.End && r.Trigger.End <= len(s.Doc.Text) && r.Trigger.Start >= 0 {
		r.Trigger.Text = s.Doc.Text[r.Trigger.Start:r.Trigger.End]
	}
}

// evidenceOf is the evidence of a user relation: the trigger and the
// arguments that lie in the sentence.
func (s *Sentence) evidenceOf(trigger Span, cs []cand) Span {
	a, b := trigger.Start, trigger.End
	if trigger.IsZero() {
		a, b = -1, -1
	}
	for _, c := range cs {
		if c.anaphor {
			continue
		}
		mm := &s.Doc.Mentions[c.m]
		if a < 0 {
			a, b = mm.Start, mm.End
			continue
		}
		a, b = min(a, mm.Start), max(b, mm.End)
	}
	if a < 0 || b > len(s.Doc.Text) || a > b {
		return Span{}
	}
	return Span{Text: s.Doc.Text[a:b], Start: a, End: b}
}

// tokenAt returns the sentence token starting at byte offset off, or -1.
func (s *Sentence) tokenAt(off int) int {
	i, ok := slices.BinarySearchFunc(s.toks, off, func(t entities.Token, off int) int { return cmp.Compare(t.Start, off) })
	if !ok {
		return -1
	}
	return i
}

// argKey orders relations by their arguments.
func argKey(r *Relation) []int {
	if len(r.Parties) > 0 {
		out := make([]int, len(r.Parties))
		for i, p := range r.Parties {
			out[i] = p.Entity
		}
		return out
	}
	var out []int
	if r.Subject != nil {
		out = append(out, r.Subject.Entity)
	}
	if r.Object != nil {
		out = append(out, r.Object.Entity)
	}
	return out
}

// compareRelations is the order of [Extractor.Extract]'s results.
func compareRelations(a, b *Relation) int {
	if c := cmp.Compare(a.Evidence.Start, b.Evidence.Start); c != 0 {
		return c
	}
	if c := cmp.Compare(a.Type, b.Type); c != 0 {
		return c
	}
	if c := slices.Compare(argKey(a), argKey(b)); c != 0 {
		return c
	}
	if c := cmp.Compare(a.Trigger.Start, b.Trigger.Start); c != 0 {
		return c
	}
	if c := cmp.Compare(a.Evidence.End, b.Evidence.End); c != 0 {
		return c
	}
	return cmp.Compare(a.Modality, b.Modality)
}

// sortDedupe sorts relations and drops those with the same type,
// arguments and trigger as an earlier one.
func sortDedupe(rs []Relation) []Relation {
	slices.SortStableFunc(rs, func(a, b Relation) int { return compareRelations(&a, &b) })
	type key struct {
		t       Type
		args    string
		trigger int
	}
	seen := make(map[key]bool, len(rs))
	out := rs[:0]
	var buf []byte
	for _, r := range rs {
		buf = buf[:0]
		for _, a := range argKey(&r) {
			buf = strconv.AppendInt(append(buf, ' '), int64(a), 10)
		}
		k := key{r.Type, string(buf), r.Trigger.Start}
		if seen[k] {
			continue
		}
		seen[k] = true
		out = append(out, r)
	}
	return out
}

// capitals maps the location id of each capital of a current state to the
// state; capitals shared by two current states are left out.
func capitals(g *gazetteer.Gazetteer) map[string]*stateRef {
	out := map[string]*stateRef{}
	shared := map[string]bool{}
	for _, e := range g.Entries(gazetteer.State) {
		if e.Capital == "" || e.Status == "historical" || !e.To.IsZero() {
			continue
		}
		if _, ok := out[e.Capital]; ok {
			shared[e.Capital] = true
		}
		out[e.Capital] = &stateRef{ID: e.ID, Name: e.Name}
	}
	for c := range shared {
		delete(out, c)
	}
	return out
}

// orgCategories maps the id of each organisation of the gazetteer to its
// category, so that category checks need not copy entries.
func orgCategories(g *gazetteer.Gazetteer) map[string]string {
	es := g.Entries(gazetteer.Org)
	out := make(map[string]string, len(es))
	for _, e := range es {
		out[e.ID] = e.Category
	}
	return out
}

// stateOf returns the state a place mention stands for: the state whose
// capital it is, or, for a mention marked Metonymy, the state its
// gazetteer entry belongs to.
func (e *Extractor) stateOf(m *entities.Mention) (*stateRef, bool) {
	if m.Type != entities.Location || m.ID == "" {
		return nil, false
	}
	if st, ok := e.capitals[m.ID]; ok {
		return st, true
	}
	if m.Metonymy {
		if le, ok := e.gaz.Entry(m.ID); ok && le.Country != "" {
			if se, ok := e.gaz.Entry(le.Country); ok {
				return &stateRef{ID: se.ID, Name: se.Name}, true
			}
		}
	}
	return nil, false
}

// maxDatelineBytes bounds where a dateline may start in a document.
const maxDatelineBytes = 400

// datelineState returns the first STATE mention of the state of the
// document's dateline and the state's gazetteer id, or -1 and "": a capital written in capitals at the start
// of one of the first lines ("BEIRUT 1996-08-22", "MOSCOW (Reuters) -",
// "NEW DELHI, Aug 22"). When the document never names that state ("WASHINGTON
// ... Secretary of State James Baker"), the capital's mention stands for
// it, as a capital used for its government does.
func (e *Extractor) datelineState(doc *entities.Document) (int, string) {
	for i := range doc.Mentions {
		m := &doc.Mentions[i]
		if m.Start > maxDatelineBytes {
			break
		}
		if m.Type != entities.Location || m.ID == "" || (m.Start > 0 && doc.Text[m.Start-1] != '\n') {
			continue
		}
		if strings.ToUpper(m.Text) != m.Text || !strings.ContainsAny(m.Text, "ABCDEFGHIJKLMNOPQRSTUVWXYZ") {
			continue
		}
		st, ok := e.capitals[m.ID]
		if !ok {
			continue
		}
		for j := range doc.Mentions {
			if o := &doc.Mentions[j]; o.Type == entities.State && o.ID == st.ID {
				return j, st.ID
			}
		}
		return i, st.ID
	}
	return -1, ""
}
