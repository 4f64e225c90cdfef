package relations

import (
	"context"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/statecraft/statecraft/entities"
	"github.com/statecraft/statecraft/relations/internal/relmodel"
)

// The learned model (see the package documentation, "The relation
// model"): candidates are pairs of mentions of one sentence whose types
// some relation allows, the pairs the rules related (also across
// sentences), and each person paired with the document's main state;
// their features are hashed and scored by relmodel.

const (
	maxPairSpan    = 8    // a mention is paired with at most this many argument mentions after it
	maxBetween     = 12   // words between the two mentions read one by one
	maxCandidates  = 4096 // per sentence
	maxRuleParties = 8
	maxOwners      = 8  // owners recorded per person
	maxCooc        = 64 // sentences of each entity compared for co-occurrence
	ctxEvery       = 1024
	trigWindow     = 20 // trigger words read up to this many tokens around a pair
)

func init() {
	relmodel.Hook = func(ctx context.Context, doc *entities.Document) ([]relmodel.Candidate, error) {
		e, err := trainingExtractor()
		if err != nil {
			return nil, err
		}
		_, cands, err := e.extract(ctx, doc, true, e.rules)
		return cands, err
	}
}

// trainingExtractor is a default Extractor without a model, for the
// trainer's candidates.
var trainingExtractor = sync.OnceValues(func() (*Extractor, error) { return New(WithoutModel()) })

// argKind is a coarse entity type of an argument for features and type
// checks: PERSON, STATE (also a capital or a metonymic place standing for
// its state), ORG, LOC.
func (e *Extractor) argKind(m *entities.Mention) string {
	switch m.Type {
	case entities.Person:
		return "PER"
	case entities.State:
		return "STATE"
	case entities.Org:
		return "ORG"
	case entities.Location:
		if _, ok := e.stateOf(m); ok {
			return "STATE"
		}
		return "LOC"
	}
	return ""
}

// argIdentity is the identity of mention m as an argument: a capital or
// metonymic place is its state.
func (e *Extractor) argIdentity(m *entities.Mention) string {
	if st, ok := e.stateOf(m); ok {
		return st.ID
	}
	return identity(m)
}

// argKinds are the kinds of argKind.
var argKinds = [...]string{"PER", "STATE", "ORG", "LOC"}

// allowedTable and tyNames hold allowedLabels and the "A_B" feature name
// of each pair of kinds.
var allowedTable, tyNames = func() (map[[2]string]uint32, map[[2]string]string) {
	al, ty := map[[2]string]uint32{}, map[[2]string]string{}
	for _, a := range argKinds {
		for _, b := range argKinds {
			al[[2]string{a, b}] = computeAllowed(a, b)
			ty[[2]string{a, b}] = a + "_" + b
		}
	}
	return al, ty
}()

// allowedLabels returns the mask of the model's labels whose argument
// types the kinds of a (first in text) and b allow.
func allowedLabels(a, b string) uint32 { return allowedTable[[2]string{a, b}] }

// computeAllowed returns the mask of the model's labels whose argument
// types the kinds of a (first in text) and b allow (see labelAllows),
// for allowedTable.
func computeAllowed(a, b string) uint32 {
	var mask uint32
	for i, l := range relmodel.Labels {
		s, o := a, b
		if l.Dir < 0 {
			s, o = b, a
		}
		if labelAllows(l.Type, s, o) {
			mask |= 1 << i
		}
	}
	return mask
}

// labelAllows reports whether a relation of type typ may hold from an
// argument of kind s to one of kind o: "official-of" from a person to a
// state or organisation, "member-of" from a state, organisation or
// person to an organisation, "attacked" from an actor (isActor) to an
// actor or a place.
func labelAllows(typ, s, o string) bool {
	switch typ {
	case "member-of":
		return (s == "STATE" || s == "ORG" || s == "PER") && o == "ORG"
	case "observer-of", "seeks-membership":
		return (s == "STATE" || s == "ORG") && o == "ORG"
	case "recognized-by":
		return s == "STATE" && (o == "STATE" || o == "ORG")
	case "treaty-between", "allied-with":
		return (s == "STATE" || s == "ORG") && (o == "STATE" || o == "ORG")
	case "official-of":
		return s == "PER" && (o == "STATE" || o == "ORG")
	case "met-with", "opposes":
		return isActor(s) && isActor(o)
	case "attacked":
		return isActor(s) && (isActor(o) || o == "LOC")
	}
	return false
}

// isActor reports whether kind k may act: a person, a state or an
// organisation.
func isActor(k string) bool { return k == "PER" || k == "STATE" || k == "ORG" }

// hasher builds the 64-bit hashes of string features (FNV-1a).
//
// With anyOrder set (the features go only to the model's Scores), it
// also removes repeated features with a small hash set (dedupe) instead
// of sorting them, when there are few enough for Scores to sum them
// exactly in any order.
type hasher struct {
	out      []uint64
	anyOrder bool
	gen      uint32              // the generation of the current dedupe
	stamp    [dedupeSlots]uint32 // slot i holds keys[i] when stamp[i] == gen
	keys     [dedupeSlots]uint64 // the features seen by dedupe
}

// dedupeSlots is the size of the hash set of dedupe, a power of two at
// least twice relmodel.MaxExactFeatures, the most features it takes
// (TestDedupeFeatures).
const (
	dedupeBits  = 9
	dedupeSlots = 1 << dedupeBits
)

// dedupe removes the repeated values of v (at most dedupeSlots/2), in
// place, keeping the first of each, and returns what remains: the values
// of slices.Compact(slices.Sorted(v)), in another order
// (TestDedupeFeatures).
func (f *hasher) dedupe(v []uint64) []uint64 {
	f.gen++
	if f.gen == 0 { // wrapped: forget the old stamps
		clear(f.stamp[:])
		f.gen = 1
	}
	w := 0
	for _, x := range v {
		i := (x * 0x9E3779B97F4A7C15) >> (64 - dedupeBits)
		for f.stamp[i] == f.gen && f.keys[i] != x {
			i = (i + 1) & (dedupeSlots - 1)
		}
		if f.stamp[i] == f.gen {
			continue
		}
		f.stamp[i], f.keys[i] = f.gen, x
		v[w] = x
		w++
	}
	return v[:w]
}

// uniqueFeatures removes the repeated features of rest, h.out after the
// rules' features: sorted, or in any order when the features go only to
// Scores and are few enough for it to sum them exactly, which makes the
// sum independent of their order.
func (f *hasher) uniqueFeatures(rest []uint64) []uint64 {
	if f.anyOrder && len(f.out) <= relmodel.MaxExactFeatures {
		return f.dedupe(rest)
	}
	slices.Sort(rest)
	return slices.Compact(rest)
}

const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

func fnv(h uint64, s string) uint64 {
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= fnvPrime
	}
	return h
}

func (f *hasher) add(parts ...string) {
	h := f.start(parts[0])
	for _, p := range parts[1:] {
		h = f.part(h, p)
	}
	f.finish(h)
}

// start, part and finish build one feature from parts without a slice.
func (f *hasher) start(first string) uint64 { return f.part(fnvOffset, first) }

func (f *hasher) part(h uint64, p string) uint64 {
	h = fnv(h, p)
	h ^= 0xff
	return h * fnvPrime
}

func (f *hasher) finish(h uint64) { f.out = append(f.out, h) }

// dirNames name the directions -1, 0, +1 of a label in features.
var dirNames = [3]string{"-1", "0", "1"}

// featWord is the form of a token in features: its stem, or a class for
// numbers.
func (s *Sentence) featWord(t int) string {
	w := s.stm[t]
	if w == "" {
		w = s.low[t]
	}
	if len(w) > 0 && w[0] >= '0' && w[0] <= '9' {
		return "<num>"
	}
	return w
}

// docFacts are what the features know of the whole document.
type docFacts struct {
	mainState    int // first mention of the state the document names most, or -1
	mainIdentity string
	dateline     string // identity of the state of a capital in the first lines, or ""
	// topStates are the first mentions of the (at most maxTopStates)
	// states the document names most, the dateline's first.
	topStates []int
	// titles are the words around each person's mentions in the whole
	// document (up to three before, three after a comma), by identity.
	titles map[string][]string
	// sents are the first maxCooc sentences that name each identity.
	sents map[string][]int
	// kinds hold the argKind of each mention (an index into argKinds plus
	// one, 0 for none); idents the argIdentity of the mentions for which
	// it is not their gazetteer id.
	doc    *entities.Document
	kinds  []uint8
	idents map[int]string
	// owners are, for each person, the states and organisations that
	// title them somewhere in the document: a mention just before the
	// person with no punctuation between ("Angolan President dos Santos",
	// "NATO chief X"), or in an apposition after a comma ("X, Russia's
	// envoy").
	owners map[string][]string
}

const maxTopStates = 3

// facts computes what the features know of document doc (docFacts):
// the kinds and identities of its mentions (setKinds), their contexts
// (mentionContexts), the state of its dateline and the states it names
// most (countStates, rankStates). When ctx is done it returns what it has.
func (e *Extractor) facts(ctx context.Context, doc *entities.Document) docFacts {
	f := docFacts{mainState: -1, titles: map[string][]string{}, sents: map[string][]int{}, owners: map[string][]string{},
		doc: doc, kinds: make([]uint8, len(doc.Mentions)), idents: map[int]string{}}
	if !e.setKinds(ctx, &f) {
		return f
	}
	e.mentionContexts(ctx, doc, &f)
	count, first, ok := e.countStates(ctx, &f)
	if !ok {
		return f
	}
	e.rankStates(&f, count, first)
	return f
}

// setKinds fills f.kinds with the argKind of each mention of f.doc and
// f.idents with its argIdentity where that is not its id (a capital's
// state). It returns false if ctx was done.
func (e *Extractor) setKinds(ctx context.Context, f *docFacts) bool {
	doc := f.doc
	for i := range doc.Mentions {
		if i%ctxEvery == 0 && ctx.Err() != nil {
			return false
		}
		m := &doc.Mentions[i]
		k := e.argKind(m)
		if k == "" {
			continue
		}
		f.kinds[i] = uint8(slices.Index(argKinds[:], k) + 1)
		if id := e.argIdentity(m); id != m.ID {
			f.idents[i] = id
		}
	}
	return true
}

// countStates sets f.dateline to the state of the first capital named in
// the first three sentences of f.doc ("MOSCOW, March 3"), and returns how
// many mentions name each state identity and the first that does; it
// sets f.mainIdentity to the state named most (the first to reach that
// count). It returns false if ctx was done.
func (e *Extractor) countStates(ctx context.Context, f *docFacts) (count, first map[string]int, ok bool) {
	doc := f.doc
	count, first = map[string]int{}, map[string]int{}
	best := 0
	for i := range doc.Mentions {
		if i%ctxEvery == 0 && ctx.Err() != nil {
			return count, first, false
		}
		m := &doc.Mentions[i]
		if f.dateline == "" && m.Sentence < 3 && m.Type == entities.Location {
			if st, ok := e.capitals[m.ID]; ok && m.ID != "" {
				f.dateline = st.ID
			}
		}
		if m.Type != entities.State {
			continue
		}
		id := f.ident(i)
		if _, ok := first[id]; !ok {
			first[id] = i
		}
		count[id]++
		if count[id] > best {
			best = count[id]
			f.mainIdentity = id
		}
	}
	return count, first, true
}

// rankStates sets f.topStates to the first mentions of the (at most
// maxTopStates) states of count and first that f.doc names most, the
// dateline's first, then by count, then by first mention; a state only
// the dateline names counts too. f.mainState and f.mainIdentity are the
// first of them.
func (e *Extractor) rankStates(f *docFacts, count, first map[string]int) {
	doc := f.doc
	if d, id := e.datelineState(doc); d >= 0 && doc.Mentions[d].Type == entities.Location {
		// A state the document never names but whose capital is its
		// dateline ("WASHINGTON 1996-08-22"): the capital stands for it
		// (see datelineState).
		if _, named := first[id]; !named && f.ident(d) == id {
			first[id] = d
		}
	}
	ids := make([]string, 0, len(first))
	for id := range first {
		ids = append(ids, id)
	}
	slices.SortFunc(ids, func(a, b string) int {
		switch {
		case a == f.dateline:
			return -1
		case b == f.dateline:
			return 1
		case count[a] != count[b]:
			return count[b] - count[a]
		}
		return first[a] - first[b]
	})
	for _, id := range ids[:min(len(ids), maxTopStates)] {
		f.topStates = append(f.topStates, first[id])
	}
	if len(f.topStates) > 0 {
		f.mainState = f.topStates[0]
		f.mainIdentity = f.ident(f.mainState)
	}
}

// kind returns the argKind of mention i, "" for none.
func (f *docFacts) kind(i int) string {
	if k := f.kinds[i]; k > 0 {
		return argKinds[k-1]
	}
	return ""
}

// ident returns the argIdentity of mention i.
func (f *docFacts) ident(i int) string {
	if id, ok := f.idents[i]; ok {
		return id
	}
	return f.doc.Mentions[i].ID
}

// mentionContexts fills f.sents, f.owners and f.titles from the mentions
// of doc that may be arguments.
func (e *Extractor) mentionContexts(ctx context.Context, doc *entities.Document, f *docFacts) {
	t := 0 // the first token that does not end before mention i
	for i := range doc.Mentions {
		if i%ctxEvery == 0 && ctx.Err() != nil {
			return
		}
		m := &doc.Mentions[i]
		if f.kind(i) == "" {
			continue
		}
		id := f.ident(i)
		if ss := f.sents[id]; len(ss) < maxCooc && (len(ss) == 0 || ss[len(ss)-1] != m.Sentence) {
			f.sents[id] = append(ss, m.Sentence)
		}
		if m.Type != entities.Person || m.Sentence < 0 || m.Sentence >= len(doc.Sentences) {
			continue
		}
		f.addOwners(i, id)
		for t < len(doc.Tokens) && doc.Tokens[t].End <= m.Start {
			t++
		}
		f.titles[id] = titleWords(doc, m, t, f.titles[id])
	}
}

// addOwners adds to f.owners of person id, of mention i, the states and
// organisations of the (at most two) mentions that title it in its
// sentence: just before it with no punctuation between ("Angolan
// President dos Santos", "NATO chief X"), or after it behind a single
// comma ("X, Russia's envoy").
func (f *docFacts) addOwners(i int, id string) {
	doc := f.doc
	m := &doc.Mentions[i]
	for j := i - 1; j >= 0 && j >= i-2; j-- {
		o := &doc.Mentions[j]
		if o.Sentence != m.Sentence || o.End > m.Start || m.Start-o.End > 40 || strings.ContainsAny(doc.Text[o.End:m.Start], ",.;:()\"\n") {
			break
		}
		f.addOwner(id, j)
	}
	for j := i + 1; j < len(doc.Mentions) && j <= i+2; j++ {
		o := &doc.Mentions[j]
		if o.Sentence != m.Sentence || o.Start < m.End || o.Start-m.End > 40 {
			break
		}
		if gap := doc.Text[m.End:o.Start]; !strings.HasPrefix(strings.TrimSpace(gap), ",") || strings.Count(gap, ",") > 1 {
			break
		}
		f.addOwner(id, j)
	}
}

// addOwner adds the identity of mention j, if a state or an organisation,
// to the owners of person id, once, up to maxOwners.
func (f *docFacts) addOwner(id string, j int) {
	if k := f.kind(j); (k == "STATE" || k == "ORG") && len(f.owners[id]) < maxOwners {
		if oid := f.ident(j); !slices.Contains(f.owners[id], oid) {
			f.owners[id] = append(f.owners[id], oid)
		}
	}
}

// titleWords appends to words, up to 12, the stems of the (at most
// three) words before person mention m, whose first token is t, up to a
// comma, "the" or "(" ("president" of "Russian President Putin"), and
// then, up to 16, those of the (at most four) words after a comma right
// behind it, up to a comma or period ("X, the foreign minister,").
func titleWords(doc *entities.Document, m *entities.Mention, t int, words []string) []string {
	st := doc.Sentences[m.Sentence]
	for k := t - 1; k >= st.TokenStart && k >= t-3 && len(words) < 12; k-- {
		w := lower(doc.Tokens[k].Text)
		if w == "," || w == "the" || w == "(" {
			break
		}
		words = append(words, stem(w))
	}
	end := t
	for end < len(doc.Tokens) && doc.Tokens[end].Start < m.End {
		end++
	}
	if end < st.TokenEnd && doc.Tokens[end].Text == "," {
		for k := end + 1; k < st.TokenEnd && k <= end+4 && len(words) < 16; k++ {
			w := lower(doc.Tokens[k].Text)
			if w == "," || w == "." {
				break
			}
			words = append(words, stem(w))
		}
	}
	return words
}

// sentenceCandidates passes the candidates of the current sentence to
// emit: the pairs of argument mentions, the pairs the rules found in it
// (s.rels), and each person with the states the document names most. A
// candidate's Feats lie in scratch memory that the next candidate reuses:
// emit must copy them to keep them. It returns false if ctx was done.
func (s *Sentence) sentenceCandidates(ctx context.Context, f *docFacts, h *hasher, emit func(*relmodel.Candidate)) bool {
	s.setTriggerTokens()
	s.setCues()
	if !s.setArgs(ctx, f) {
		return false
	}
	s.setRuleMasks()
	n := 0 // candidates emitted, at most maxCandidates
	args := s.args
	for i, a := range args {
		if i%ctxEvery == 0 && ctx.Err() != nil {
			return false
		}
		for j := i + 1; j < len(args) && j <= i+maxPairSpan; j++ {
			s.addPair(a, args[j], &n, f, h, emit)
		}
	}
	s.addRulePairs(&n, f, h, emit)
	return s.addTopStatePairs(ctx, &n, f, h, emit)
}

// setTriggerTokens fills s.trigToks with the tokens of the sentence that
// are trigger words and no mention, in order, for triggerFeatures.
func (s *Sentence) setTriggerTokens() {
	s.trigToks = s.trigToks[:0]
	for t := range s.toks {
		if s.ment[t] < 0 && s.cls[t]&wcTrigger != 0 {
			s.trigToks = append(s.trigToks, t)
		}
	}
}

// setArgs clears the sentence's scratch sets of candidates and fills
// s.args with its mentions that may be arguments (with tokens and an
// argKind), and s.inSentence with the identities of the states among
// them. It returns false if ctx was done.
func (s *Sentence) setArgs(ctx context.Context, f *docFacts) bool {
	args := s.args[:0]
	if s.inSentence == nil {
		s.inSentence, s.ruleMasks, s.seen = map[string]bool{}, map[[2]int]uint32{}, map[[2]int]bool{}
	}
	clear(s.inSentence)
	clear(s.ruleMasks)
	clear(s.seen)
	for m := s.m0; m < s.m1; m++ {
		if (m-s.m0)%ctxEvery == 0 && ctx.Err() != nil {
			return false
		}
		if s.mts[m-s.m0] < 0 || f.kind(m) == "" {
			continue
		}
		if f.kind(m) == "STATE" {
			s.inSentence[f.ident(m)] = true
		}
		args = append(args, m)
	}
	s.args = args
	return true
}

// setRuleMasks fills s.ruleMasks with the labels the rules found for
// each pair of the sentence (s.rels): the subject and object of a
// directed relation ("Russia attacked Ukraine"), each two parties of a
// symmetric one among its first maxRuleParties ("Russia, Belarus and
// Kazakhstan signed a treaty").
func (s *Sentence) setRuleMasks() {
	for i := range s.rels {
		r := &s.rels[i]
		if r.Type.Symmetric() {
			ps := r.Parties[:min(len(r.Parties), maxRuleParties)]
			l := relmodel.LabelIndex(string(r.Type), 0)
			for x := range ps {
				for y := x + 1; y < len(ps); y++ {
					s.setRule(ps[x].Entity, ps[y].Entity, l)
				}
			}
			continue
		}
		if r.Subject != nil && r.Object != nil {
			s.setRule(r.Subject.Entity, r.Object.Entity, relmodel.LabelIndex(string(r.Type), 1))
		}
	}
}

// setRule adds label l (none if negative) of mentions a and b to
// s.ruleMasks, under the pair in text order, whose label runs the other
// way when b comes first.
func (s *Sentence) setRule(a, b, l int) {
	if l < 0 || a == b {
		return
	}
	if a > b {
		a, b = b, a
		if d := relmodel.Labels[l].Dir; d != 0 {
			l = relmodel.LabelIndex(relmodel.Labels[l].Type, -d)
		}
	}
	s.ruleMasks[[2]int{a, b}] |= 1 << l
}

// addPair passes the candidate of mentions a and b (in any order) to
// emit and counts it in *n, unless there are maxCandidates already, the
// two are one entity or no argument, the pair was seen, or neither a
// label of the model nor a rule allows it. Its features are those of
// pairFeatures, each once, the rules' first.
func (s *Sentence) addPair(a, b int, n *int, f *docFacts, h *hasher, emit func(*relmodel.Candidate)) {
	if *n >= maxCandidates || a == b {
		return
	}
	if a > b {
		a, b = b, a
	}
	ia, ib := f.ident(a), f.ident(b)
	if ia == ib || f.kind(a) == "" || f.kind(b) == "" || s.seen[[2]int{a, b}] {
		return
	}
	s.seen[[2]int{a, b}] = true
	ka, kb := f.kind(a), f.kind(b)
	ma, mb := s.m(a), s.m(b)
	c := &s.cand
	*c = relmodel.Candidate{Sentence: s.Index, A: a, B: b, IA: ia, IB: ib, KA: ka, KB: kb,
		Allowed: allowedLabels(ka, kb), Rule: s.ruleMasks[[2]int{a, b}], Cross: ma.Sentence != s.Index || mb.Sentence != s.Index}
	c.Allowed &^= s.missingCues(c)
	if c.Allowed == 0 && c.Rule == 0 {
		return
	}
	*n++
	h.out = h.out[:0]
	s.pairFeatures(h, c, ka, kb, f)
	// Each feature counts once: a long list of mentions between the
	// two must not add up the weight of "a mention between" hundreds
	// of times. The rules' features stay first.
	rest := h.uniqueFeatures(h.out[c.NRule:])
	c.Feats = h.out[:c.NRule+len(rest)]
	emit(c)
}

// addRulePairs passes to addPair the pairs of s.ruleMasks (also those
// across sentences, or farther apart than maxPairSpan), in order.
func (s *Sentence) addRulePairs(n *int, f *docFacts, h *hasher, emit func(*relmodel.Candidate)) {
	if len(s.ruleMasks) == 0 {
		return
	}
	rulePairs := s.rulePairs[:0]
	for p := range s.ruleMasks {
		rulePairs = append(rulePairs, p)
	}
	s.rulePairs = rulePairs
	slices.SortFunc(rulePairs, func(a, b [2]int) int {
		if a[0] != b[0] {
			return a[0] - b[0]
		}
		return a[1] - b[1]
	})
	for _, p := range rulePairs {
		s.addPair(p[0], p[1], n, f, h, emit)
	}
}

// addTopStatePairs passes to addPair each person of the sentence with
// each of the states the document names most (f.topStates) that this
// sentence does not name: the state of an untitled office, of a
// legislator, of a minister named in the dateline's country. It returns
// false if ctx was done.
func (s *Sentence) addTopStatePairs(ctx context.Context, n *int, f *docFacts, h *hasher, emit func(*relmodel.Candidate)) bool {
	for _, st := range f.topStates {
		if s.inSentence[f.ident(st)] {
			continue
		}
		for i, a := range s.args {
			if i%ctxEvery == 0 && ctx.Err() != nil {
				return false
			}
			if s.m(a).Type == entities.Person {
				s.addPair(a, st, n, f, h, emit)
			}
		}
	}
	return true
}

// crossFeatures are the features of a pair whose mentions lie in two
// sentences: the words around the one in this sentence.
func (s *Sentence) crossFeatures(h *hasher, c *relmodel.Candidate, ty string, f *docFacts) {
	h.add("cross", ty)
	for r, st := range f.topStates {
		if st == c.A || st == c.B {
			h.add("srank", bucket(r), ty)
		}
	}
	m := c.A
	if s.m(m).Sentence != s.Index {
		m = c.B
	}
	if m < s.m0 || m >= s.m1 || s.mts[m-s.m0] < 0 {
		return
	}
	ms, me := s.mStart(m), s.mEnd(m)
	for k, name := range [3]string{"x-1", "x-2", "x-3"} {
		if t := ms - 1 - k; t >= 0 {
			h.add(name, s.featWord(t), ty)
			h.add("x-any", s.featWord(t), ty)
		}
	}
	if t := me; t < len(s.toks) {
		h.add("x+1", s.featWord(t), ty)
	}
}

func bucket(n int) string {
	switch {
	case n <= 3:
		return strconv.Itoa(n)
	case n <= 5:
		return "4-5"
	case n <= 8:
		return "6-8"
	case n <= 12:
		return "9-12"
	case n <= 20:
		return "13-20"
	}
	return "21+"
}

// maxPathDepth bounds the walk from a word to the root of its parse.
const maxPathDepth = 24

// parseHead returns the sentence-relative head of token t, -1 for the
// root, or -2 when the sentence is not parsed or the head lies outside
// it.
func (s *Sentence) parseHead(t int) int {
	tok := &s.toks[t]
	if tok.Dep == "" {
		return -2
	}
	if tok.Head < 0 {
		return -1
	}
	h := tok.Head - s.Doc.Sentences[s.Index].TokenStart
	if h < 0 || h >= len(s.toks) || h == t {
		return -2
	}
	return h
}

// spanHead returns the token of [start, end) whose head lies outside the
// span (the first such), or -1 when the sentence is not parsed.
func (s *Sentence) spanHead(start, end int) int {
	for t := start; t < end; t++ {
		h := s.parseHead(t)
		if h == -2 {
			return -1
		}
		if h < start || h >= end {
			return t
		}
	}
	return -1
}

// pathFeatures adds the features of the dependency path between the
// heads of the two mentions [as, ae) and [bs, be) when the sentence is
// parsed: the relations up from A to the lowest common ancestor and down
// to B, with and without the ancestor's word, the words on the path, and
// each mention's relation to its head word.
func (s *Sentence) pathFeatures(h *hasher, as, ae, bs, be int, ty string) {
	ha, hb := s.spanHead(as, ae), s.spanHead(bs, be)
	if ha < 0 || hb < 0 {
		return
	}
	var upA, upB [maxPathDepth]int
	na, nb := s.ancestors(ha, upA[:]), s.ancestors(hb, upB[:])
	lca, ia, ib := -1, -1, -1
	for i := 0; i < na && lca < 0; i++ {
		for j := 0; j < nb; j++ {
			if upA[i] == upB[j] {
				lca, ia, ib = upA[i], i, j
				break
			}
		}
	}
	for _, end := range [2]struct {
		name, rel string
		t         int
	}{{"dA", "dAr", ha}, {"dB", "dBr", hb}} {
		if hd := s.parseHead(end.t); hd >= 0 {
			h.add(end.name, s.toks[end.t].Dep, s.featWord(hd), ty)
			h.add(end.rel, s.toks[end.t].Dep, ty)
		}
	}
	if lca < 0 {
		h.add("dnolca", ty)
		return
	}
	h.add("dlen", bucket(ia+ib), ty)
	lw := s.featWord(lca)
	if s.ment[lca] >= 0 {
		lw = "E"
	}
	h.add("dlca", lw, ty)
	unlex := h.start("dpu")
	lex := h.start("dpl")
	for i := 0; i < ia; i++ {
		d := s.toks[upA[i]].Dep
		unlex, lex = h.part(h.part(unlex, "^"), d), h.part(h.part(lex, "^"), d)
		if i > 0 {
			lex = h.part(lex, s.featWord(upA[i]))
			h.add("dw", s.featWord(upA[i]), ty)
		}
	}
	lex = h.part(lex, lw)
	for j := ib - 1; j >= 0; j-- {
		d := s.toks[upB[j]].Dep
		if j > 0 {
			lex = h.part(lex, s.featWord(upB[j]))
			h.add("dw", s.featWord(upB[j]), ty)
		}
		unlex, lex = h.part(h.part(unlex, "v"), d), h.part(h.part(lex, "v"), d)
	}
	h.finish(h.part(unlex, ty))
	if ia+ib <= 6 {
		h.finish(h.part(lex, ty))
	}
}

// ancestors writes t and its heads up to the root into up and returns
// how many it wrote (at most len(up); a cycle stops the walk).
func (s *Sentence) ancestors(t int, up []int) int {
	n := 0
	for t >= 0 && n < len(up) {
		up[n] = t
		n++
		t = s.parseHead(t)
	}
	return n
}

// cueWords are, for the event types whose words vary most, the stems of
// words one of which lies near every pair the model may relate by that
// type (within trigWindow tokens of the pair): without any, the words
// around a pair of entities do not state the event ("Bolivia joined
// Mercosur, whose members are Brazil and Paraguay" opposes no one), and
// the model does not score the type. A rule's relation needs none.
var cueWords = map[string]map[string]bool{
	"opposes":        stemSet(words("cueOpposes")...),
	"attacked":       stemSet(words("cueAttacked")...),
	"treaty-between": stemSet(words("cueTreatyBetween")...),
	"allied-with":    stemSet(words("cueAlliedWith")...),
}

// cueMasks are the labels of each type of cueWords.
var cueMasks = func() map[string]uint32 {
	out := map[string]uint32{}
	for l, lb := range relmodel.Labels {
		if _, ok := cueWords[lb.Type]; ok {
			out[lb.Type] |= 1 << l
		}
	}
	return out
}()

// missingCues returns the mask of the labels of cueWords' types that
// candidate c may not take: a pair across sentences takes none (only a
// rule's), a pair in the sentence none without a cue word of the type
// near it.
func (s *Sentence) missingCues(c *relmodel.Candidate) uint32 {
	var missing uint32
	if c.Cross {
		for _, m := range cueMasks {
			missing |= m
		}
		return missing
	}
	as, be := s.mStart(c.A), s.mEnd(c.B)
	if as < 0 || be < 0 {
		return 0
	}
	var near uint8
	for t := max(0, as-trigWindow); t < min(len(s.cueAt), be+trigWindow); t++ {
		near |= s.cueAt[t]
	}
	for i, typ := range cueTypes {
		if near&(1<<i) == 0 {
			missing |= cueMasks[typ]
		}
	}
	return missing
}

// cueTypes orders the types of cueWords for the bits of Sentence.cueAt.
var cueTypes = func() []string {
	var ts []string
	for t := range cueWords {
		ts = append(ts, t)
	}
	slices.Sort(ts)
	return ts
}()

// cueBits maps each cue word (stem or form) to the bits of the cueTypes
// it is a cue of.
var cueBits = func() map[string]uint8 {
	out := map[string]uint8{}
	for i, typ := range cueTypes {
		for w := range cueWords[typ] {
			out[w] |= 1 << i
		}
	}
	return out
}()

// setCues fills s.cueAt: for each token that is no mention, the bits of
// the cueTypes whose cue words it is.
func (s *Sentence) setCues() {
	s.cueAt = slices.Grow(s.cueAt[:0], len(s.stm))[:len(s.stm)]
	for t := range s.stm {
		var b uint8
		if s.ment[t] < 0 {
			b = s.wcue[t]
		}
		s.cueAt[t] = b
	}
}
