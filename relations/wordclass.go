package relations

import (
	"iter"
	"maps"
	"strings"
)

// wordClass is the set of word lists that a token's lower-case form (or
// stem) belongs to, found once per distinct word (see wordMemo) so that
// the rules test a bit where they would look the word up in a map, many
// times per token.
type wordClass uint32

// The bits of a wordClass. Each is the membership of the token's
// lower-case form w (or, where said, of its stem) in a list, or a test of
// w alone that a rule makes.
const (
	wcNegation     wordClass = 1 << iota // negationCues[w]
	wcAgreeTo                            // agreeToCues[w]
	wcPossible                           // possibleCues[w]
	wcClauseBreak                        // clauseBreak[w]
	wcPresupposing                       // presupposing[stem]
	wcPossessive                         // possessivePronouns[w]
	wcFormer                             // formerWords[w]
	wcFuture                             // futureWords[w]
	wcPreRole                            // preRoleAdjectives[w], "pro-", "anti-", or isOrdinal(w)
	wcRoleStop                           // roleStopWords[w] or isPunct(w)
	wcCopula                             // copulas[w]
	wcAux                                // auxWords[w]
	wcTrigger                            // the Extractor has triggers whose first stem is the stem
	wcTitleHead                          // the Extractor's titles.heads[w]
)

// classify returns the classes of a word by its lower-case form low and
// stem stm, with the triggers and titles of x, and the bits of the
// cueTypes whose cue words it is (see setCues).
func classify(x *Extractor, low, stm string) (wordClass, uint8) {
	var e classEntry
	if classFilter.mayHave(low) {
		e = classTable[low]
	}
	c, cue := e.low, e.cue
	if stm == low {
		c |= e.stem
	} else if classFilter.mayHave(stm) {
		e := classTable[stm]
		c |= e.stem
		cue |= e.cue
	}
	if strings.HasPrefix(low, "pro-") || strings.HasPrefix(low, "anti-") ||
		c&wcPreRole == 0 && low != "" && (low[0] >= '0' && low[0] <= '9' || strings.LastIndexByte(low, '-') > 0) && isOrdinal(low) {
		c |= wcPreRole
	}
	if isPunct(low) {
		c |= wcRoleStop
	}
	if x != nil && x.lex != nil {
		if x.lex.trigFilter.mayHave(stm) && len(x.lex.triggers[stm]) > 0 {
			c |= wcTrigger
		}
		if x.lex.headFilter.mayHave(low) && x.lex.titles.heads[low] {
			c |= wcTitleHead
		}
	}
	return c, cue
}

// classEntry is what classTable knows of a word: the classes it gives as
// a lower-case form and as a stem, and the cue bits it gives as either.
type classEntry struct {
	low, stem wordClass
	cue       uint8
}

// classTable holds, for each word of the lists of lowClassLists,
// presupposing and cueBits, its classEntry, so that classify looks a
// word up once.
var classTable = func() map[string]classEntry {
	m := map[string]classEntry{}
	for _, l := range lowClassLists {
		for w, ok := range l.words {
			if ok {
				e := m[w]
				e.low |= l.bit
				m[w] = e
			}
		}
	}
	for w, ok := range presupposing {
		if ok {
			e := m[w]
			e.stem |= wcPresupposing
			m[w] = e
		}
	}
	for w, b := range cueBits {
		e := m[w]
		e.cue |= b
		m[w] = e
	}
	return m
}()

// classFilter is the wordFilter of the keys of classTable.
var classFilter = newWordFilter(maps.Keys(classTable))

// wordFilter is a necessary condition for a string to be one of a set of
// keys, cheaper than a map lookup for the many words of a text that are
// none of a list's: a bit for each triple of length (31 for longer), and
// the low five bits of the first and of the last byte that a key has.
type wordFilter struct {
	bits  [1 << 10]uint32
	empty bool // "" is a key
}

// newWordFilter returns the filter of the keys.
func newWordFilter(keys iter.Seq[string]) *wordFilter {
	f := new(wordFilter)
	for k := range keys {
		f.add(k)
	}
	return f
}

// add adds key k to the filter.
func (f *wordFilter) add(k string) {
	if k == "" {
		f.empty = true
		return
	}
	f.bits[int(k[0]&31)<<5|int(k[len(k)-1]&31)] |= 1 << min(len(k), 31)
}

// mayHave reports whether w may be a key: false means that it is not.
func (f *wordFilter) mayHave(w string) bool {
	if w == "" {
		return f.empty
	}
	return f.bits[int(w[0]&31)<<5|int(w[len(w)-1]&31)]&(1<<min(len(w), 31)) != 0
}

// lowClassLists are the lists that give a class to the words of their
// lower-case form.
var lowClassLists = [...]struct {
	words map[string]bool
	bit   wordClass
}{
	{negationCues, wcNegation},
	{agreeToCues, wcAgreeTo},
	{possibleCues, wcPossible},
	{clauseBreak, wcClauseBreak},
	{possessivePronouns, wcPossessive},
	{formerWords, wcFormer},
	{futureWords, wcFuture},
	{preRoleAdjectives, wcPreRole},
	{ordinalWords, wcPreRole},
	{roleStopWords, wcRoleStop},
	{copulas, wcCopula},
	{auxWords, wcAux},
}
