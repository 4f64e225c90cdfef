package relations

import (
	"github.com/statecraft/statecraft/entities"
	"github.com/statecraft/statecraft/relations/internal/relmodel"
)

// Sentence is the view of one sentence that a [Rule] works on: its tokens
// and mentions, the coordinated groups of entities found in it, and
// helpers that apply the built-in analyses (subjects, objects, modality,
// time) at any token.
//
// Token positions given to and returned by its methods are relative to the
// sentence: 0 is its first token, len(Tokens)-1 its last. Mentions are
// indices into Doc.Mentions. A Sentence is valid only during the call of
// the rule it is passed to.
type Sentence struct {
	// Doc is the whole document; do not modify it.
	Doc *entities.Document
	// Index is the sentence's index in Doc.Sentences.
	Index int
	// Tokens are the sentence's tokens, Doc.Tokens[TokenStart:TokenEnd].
	Tokens []entities.Token

	x    *Extractor
	dc   *docState
	toks []entities.Token
	low  []string    // lower-case token texts
	stm  []string    // stems
	cls  []wordClass // the classes of each token's word (see wordClass)
	wcue []uint8     // the cue bits of each token's word (see setCues)
	// words memoises low and stm across the sentences and documents
	// that reuse this Sentence.
	words *wordMemo
	ment  []int // mention index covering each token, or -1

	m0, m1   int   // mentions [m0, m1) of the document lie in this sentence
	mts, mte []int // token range of each mention (index m-m0); -1 if it covers no whole token

	eps    []ephrase
	epAt   []int // EP index at each token, or -1
	groups []group
	modAt  []bool // token is a mention that modifies a following noun
	tailAt []int  // group whose tail ("and other countries") covers each token, or -1
	grpAt  []int  // group whose span covers each token, or -1
	// innerAt is the first mention lying inside each token without
	// covering it ("Russia" in "Russia-Belarus"), or -1.
	innerAt []int

	persons []int // PERSON EPs in order (indices into eps)

	// The model's scratch: tokens that are one-word triggers, argument
	// mentions, states named, the rules' labels and the pairs seen.
	trigToks   []int
	cueAt      []uint8 // the cue types of each token (see setCues)
	args       []int
	inSentence map[string]bool
	ruleMasks  map[[2]int]uint32
	seen       map[[2]int]bool
	rulePairs  [][2]int
	// The dependents of each token, for the rules over the parse (see
	// depatterns.go).
	kidAt, kids, fill []int32
	cand              relmodel.Candidate

	sentDate     string // see sentenceDate
	sentDateDone bool

	anas  []anaphor // resolved pronouns and descriptions ("they", "the two nations", "the alliance")
	anaAt []int     // anaphor covering each token, or -1

	rels    []Relation
	budget  int
	nounGov int // governing verb of the nominal trigger being applied, or -1
}

// ephrase is an entity phrase: a mention, possibly with a title and an
// apposition around it ("the Russian President Vladimir Putin",
// "Sergei Lavrov, the foreign minister,"), or a state standing for its
// forces ("Russian troops").
type ephrase struct {
	start, end int // tokens [start, end)
	m          int // head mention
	hs, he     int // head mention tokens
	group      int
	force      bool // a state or organisation standing for its forces ("Russian troops")
}

// group is a coordination of entity phrases: "Russia, Armenia, Belarus
// and Tajikistan".
type group struct {
	start, end int   // tokens
	members    []int // EP indices
}

// m returns the mention with document index i.
func (s *Sentence) m(i int) *entities.Mention { return &s.Doc.Mentions[i] }

// mStart and mEnd return the token range of mention i in the sentence.
func (s *Sentence) mStart(i int) int { return s.mts[i-s.m0] }
func (s *Sentence) mEnd(i int) int   { return s.mte[i-s.m0] }

// Mentions returns the indices, in Doc.Mentions, of the sentence's
// mentions in text order.
func (s *Sentence) Mentions() []int {
	out := make([]int, 0, s.m1-s.m0)
	for i := s.m0; i < s.m1; i++ {
		out = append(out, i)
	}
	return out
}

// MentionAt returns the index in Doc.Mentions of the mention covering
// token tok, or -1.
func (s *Sentence) MentionAt(tok int) int {
	if tok < 0 || tok >= len(s.ment) {
		return -1
	}
	return s.ment[tok]
}

// Stem returns the stem under which token tok matches trigger words
// ("recognised" → "recogniz"), or "" for a position outside the sentence.
func (s *Sentence) Stem(tok int) string {
	if tok < 0 || tok >= len(s.stm) {
		return ""
	}
	return s.stm[tok]
}

// Match reports whether token tok is a form of word: "expelled" matches
// "expel", "recognised" matches "recognize" (the comparison of trigger
// words, see [Trigger]).
func (s *Sentence) Match(tok int, word string) bool {
	return tok >= 0 && tok < len(s.stm) && s.stm[tok] == stem(lower(word))
}

// Group returns the mentions coordinated with mention m in the sentence
// ("Russia" in "Russia, Armenia and Belarus" gives all three), m alone if
// it is not coordinated, or nil if m is not an entity phrase of the
// sentence.
func (s *Sentence) Group(m int) []int {
	if m < s.m0 || m >= s.m1 || s.mts[m-s.m0] < 0 {
		return nil
	}
	e := s.epAt[s.mts[m-s.m0]]
	if e < 0 {
		return nil
	}
	return s.groupMentions(s.eps[e].group)
}

func (s *Sentence) groupMentions(g int) []int {
	out := make([]int, 0, len(s.groups[g].members))
	for _, e := range s.groups[g].members {
		out = append(out, s.eps[e].m)
	}
	return out
}

// Subject returns the mentions that are the grammatical subject of the
// verb at token tok: the coordinated entities before it, across
// auxiliaries, adverbs, control verbs ("plans to"), relative pronouns
// ("Georgia that still pursues") and coordinated verb phrases; or the
// PERSON a subject pronoun resolves to (see the package documentation).
// It returns nil when the subject is not an entity.
func (s *Sentence) Subject(tok int) []int {
	if tok < 0 || tok >= len(s.low) {
		return nil
	}
	return argMentions(s.subjectOf(tok, 0))
}

// Object returns the coordinated entities that directly follow token tok
// (after determiners and adverbs), or nil.
func (s *Sentence) Object(tok int) []int {
	if tok < 0 || tok >= len(s.low) {
		return nil
	}
	return argMentions(s.objectAfter(tok+1, false))
}

// Modality returns the modality of a relation whose trigger is token tok:
// [Negated] or [Possible] when a cue word precedes it in its clause (or
// modifies it, for a noun), [Asserted] otherwise.
func (s *Sentence) Modality(tok int) Modality {
	if tok < 0 || tok >= len(s.low) {
		return Asserted
	}
	return s.modality(tok, tok+1)
}

// Time returns the normalised value of the DATE mention that a relation
// triggered at token tok is anchored to, or "".
func (s *Sentence) Time(tok int) string {
	if tok < 0 || tok >= len(s.low) {
		return ""
	}
	return s.timeAt(tok)
}

// Span returns the span of text covering tokens [from, to) of the
// sentence, with its text.
func (s *Sentence) Span(from, to int) Span {
	if from < 0 {
		from = 0
	}
	if to > len(s.toks) {
		to = len(s.toks)
	}
	if from >= to {
		return Span{}
	}
	a, b := s.toks[from].Start, s.toks[to-1].End
	return Span{Text: s.Doc.Text[a:b], Start: a, End: b}
}

// argMentions returns the mention indices of a list of candidates.
func argMentions(cs []cand) []int {
	if len(cs) == 0 {
		return nil
	}
	out := make([]int, len(cs))
	for i, c := range cs {
		out[i] = c.m
	}
	return out
}

// cand is a candidate argument: a mention, possibly reached through an
// anaphor (a pronoun or a definite description) whose tokens are
// [aStart, aEnd) of the sentence.
type cand struct {
	m            int
	anaphor      bool
	aStart, aEnd int
	tokStart     int // first token of the argument's phrase in this sentence (the anaphor's for resolved ones)
	tokEnd       int
	force        bool      // from a phrase such as "Russian troops"
	state        *stateRef // the state a place stands for ("Moscow" for Russia), or nil
}

// stateRef names a state.
type stateRef struct{ ID, Name string }
