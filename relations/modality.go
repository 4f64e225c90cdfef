package relations

import (
	"strings"

	"github.com/statecraft/statecraft/entities"
)

// modalityWindow is how many tokens before a trigger are searched for
// modality cues.
const modalityWindow = 12

// presupposing verbs take a treaty, membership or attack that exists
// whatever their own modality: "South Ossetia could join the existing
// treaty between Abkhazia and Russia" asserts the treaty.
var presupposing = stemSet(words("presupposing")...)

// agreeToCues, before "to", put the infinitive that follows in the
// future: "Putin and Erdogan agreed to meet in Moscow".
var agreeToCues = set(words("agreeToCues")...)

// modality returns the modality of a relation triggered by tokens
// [t0, t1): the cue words before the trigger, back to the start of its
// clause or to an entity (its subject), decide. Negation wins over
// possibility. For a nominal trigger (noun true), the scan also stops at a
// verb that presupposes the thing named ([presupposing]).
func (s *Sentence) modality(t0, t1 int) Modality {
	return s.modalityOf(t0, t1, false)
}

func (s *Sentence) modalityOf(t0, t1 int, noun bool) Modality {
	neg, pos := false, false
	for j := t0 - 1; j >= 0 && t0-j <= modalityWindow; j-- {
		w, c := s.low[j], s.cls[j]
		if s.ment[j] >= 0 {
			if s.epAt[j] >= 0 {
				break
			}
			continue
		}
		if noun && c&wcPresupposing != 0 && isVerbTag(s.toks[j].Tag) {
			break
		}
		switch {
		case c&wcNegation != 0:
			neg = true
		case w == "yet" && j+1 < len(s.low) && s.low[j+1] == "to":
			neg = true
		case (c&wcAgreeTo != 0 || w == "due") && j+1 < len(s.low) && s.low[j+1] == "to":
			// "agreed to meet", "arranged to meet", "due to meet": the
			// event is still to come.
			pos = true
		case c&wcPossible != 0:
			pos = true
		}
		if c&wcClauseBreak != 0 {
			break
		}
	}
	return modalityOf(neg, pos)
}

// isAnchorDate reports whether a DATE mention can anchor a relation in
// time: a point or period of TIMEX3 type DATE or TIME ("2008",
// "2014-09-03T10:35"), never a DURATION ("P3Y", "10-year"), a SET
// ("every day", "XXXX-WXX-1"), a time of an unknown day ("overnight"
// without a document date: "XXXX-XX-XXTNI") or a vague reference
// ("PRESENT_REF").
func isAnchorDate(m *entities.Mention) bool {
	v := m.Value
	if m.Timex == "DURATION" || m.Timex == "SET" {
		return false
	}
	if m.Timex == "TIME" && strings.HasPrefix(v, "XXXX-XX-XX") {
		return false // "overnight" without a document date: no day to give
	}
	return m.Type == entities.Date && v != "" && !strings.HasPrefix(v, "P") && !strings.HasSuffix(v, "_REF")
}

// dateClauseOpeners open a clause whose date is not the relation's (see
// the use in this file).
var dateClauseOpeners = set(words("dateClauseOpeners")...)

// clauseBoundary reports whether token j starts a new clause for the
// purpose of anchoring dates.
func (s *Sentence) clauseBoundary(j int) bool {
	switch s.low[j] {
	case "after", "before", "since", "until":
		// A preposition before a date ("since 1952") opens no clause.
		return s.ment[j] < 0 && !(j+1 < len(s.ment) && s.ment[j+1] >= 0 && s.m(s.ment[j+1]).Type == entities.Date)
	case ",", ";", ":", "(", ")", "–", "—", "that", "which", "who", "while", "whereas", "because",
		"although", "but", "when":
		return s.ment[j] < 0
	}
	return false
}

// timeAt returns the value of the DATE a relation triggered at token t is
// anchored to: the nearest anchoring DATE of the trigger's clause, else a
// DATE in a fronted adverbial that opens the sentence ("In 2008, ...",
// "After the 2008 conflict, ..."), else "".
func (s *Sentence) timeAt(t int) string {
	if v := s.clauseTimeAt(t); v != "" {
		return v
	}
	return s.frontedTime(t)
}

// clauseTimeAt returns the value of the nearest anchoring DATE of the
// clause of token t (or of the ", when"/", where" clause it opens), else
// "".
func (s *Sentence) clauseTimeAt(t int) string {
	best, bestDist := "", 1<<30
	// Same clause: scan both ways up to a boundary.
	for j := t - 1; j >= 0; j-- {
		if m := s.ment[j]; m >= 0 && isAnchorDate(s.m(m)) && !s.lifespan(m) {
			if d := t - j; d < bestDist {
				best, bestDist = s.m(m).Value, d
			}
			break
		}
		if s.clauseBoundary(j) || t-j > 40 {
			// "in 1974, when Turkish troops invaded ...", "in July 2024,
			// where Belarus became ...".
			c := j
			if s.low[c] == "when" || s.low[c] == "where" {
				c--
			}
			if c >= 1 && c+1 < t && s.low[c] == "," && (s.low[c+1] == "when" || s.low[c+1] == "where") {
				if m := s.ment[c-1]; m >= 0 && isAnchorDate(s.m(m)) {
					return s.m(m).Value
				}
			}
			break
		}
	}
	for j := t + 1; j < len(s.low); j++ {
		if m := s.ment[j]; m >= 0 && isAnchorDate(s.m(m)) && !s.lifespan(m) {
			if d := j - t; d < bestDist {
				best, bestDist = s.m(m).Value, d
			}
			break
		}
		if s.clauseBoundary(j) || j-t > 40 {
			break
		}
	}
	return best
}

// frontedTime returns the date of a fronted adverbial before token t
// ("In 2008, ..."), else the date of the sentence ([Sentence.sentenceDate]).
func (s *Sentence) frontedTime(t int) string {
	// Fronted adverbial: the tokens before the first comma hold a DATE and
	// no finite verb.
fronted:
	for j := 0; j < len(s.low) && j < 16; j++ {
		if s.low[j] == "," {
			if j >= t {
				break
			}
			for k := 0; k < j; k++ {
				if isFiniteTag(s.toks[k].Tag) && s.ment[k] < 0 {
					break fronted
				}
			}
			for k := 0; k < j; k++ {
				if m := s.ment[k]; m >= 0 && isAnchorDate(s.m(m)) && !s.lifespan(m) {
					return s.m(m).Value
				}
			}
			break
		}
	}
	return s.sentenceDate()
}

// dateClauseWindow bounds the search for the ends of a date's clause.
const dateClauseWindow = 40

// sentenceDate returns the date of the sentence that a relation whose own
// clause has none falls back to: the value of the anchoring DATE mentions
// that stand in clauses of their own without a verb or a trigger
// ("Russia recognised Abkhazia, a breakaway region of Georgia, on 26
// August 2008"), if they all have one value; else "". A date in a clause
// opened by "after", "before", "since", "until" or "when", or in one with
// its own verb ("Ukraine, which applied in 2022, ..."), times another
// event. It is computed once per sentence.
func (s *Sentence) sentenceDate() string {
	if s.sentDateDone {
		return s.sentDate
	}
	s.sentDateDone = true
	n := len(s.low)
	val := ""
	for j := 0; j < n; j++ {
		m := s.ment[j]
		if m < 0 || !isAnchorDate(s.m(m)) || s.mStart(m) != j || s.lifespan(m) {
			continue
		}
		e := s.mEnd(m)
		j = e - 1
		if !s.freeDateClause(s.mStart(m), e) {
			continue
		}
		v := s.m(m).Value
		if val != "" && v != val {
			return ""
		}
		val = v
	}
	s.sentDate = val
	return val
}

// freeDateClause reports whether the DATE at tokens [a, e) stands in a
// clause without a finite verb or a trigger, bounded within
// dateClauseWindow tokens on each side.
func (s *Sentence) freeDateClause(a, e int) bool {
	n := len(s.low)
	ok := func(k int) bool {
		return s.ment[k] >= 0 || !isFiniteTag(s.toks[k].Tag) && len(s.x.lex.triggers[s.stm[k]]) == 0
	}
	k := a - 1
	for ; k >= 0; k-- {
		if a-k > dateClauseWindow {
			return false
		}
		if s.clauseBoundary(k) {
			if dateClauseOpeners[s.low[k]] {
				return false
			}
			break
		}
		if !ok(k) {
			return false
		}
	}
	if k < 0 {
		// The date opens the sentence without a comma: its clause is the
		// main one, read by timeAt.
		return false
	}
	for k = e; k < n && !s.clauseBoundary(k) && s.low[k] != "."; k++ {
		if k-e > dateClauseWindow || !ok(k) {
			return false
		}
	}
	return true
}

// lifespan reports whether the DATE mention m gives the dates of a
// person's life in a parenthesis after the name ("John Thurman (October
// 6, 1814 – July 24, 1854)", "Ana Berg (born 1950)"): it times no
// relation.
func (s *Sentence) lifespan(m int) bool {
	j := s.mStart(m) - 1
	if j >= 0 && (s.low[j] == "born" || s.low[j] == "b." || s.low[j] == "–" || s.low[j] == "-" || s.low[j] == "—") {
		j--
		if j >= 0 && s.ment[j] >= 0 && s.m(s.ment[j]).Type == entities.Date {
			j = s.mStart(s.ment[j]) - 1
		}
	}
	if j < 1 || s.low[j] != "(" {
		return false
	}
	p := s.ment[j-1]
	return p >= 0 && s.m(p).Type == entities.Person
}

// modalityOf is the modality of cues found: negated before possible
// before asserted.
func modalityOf(neg, pos bool) Modality {
	switch {
	case neg:
		return Negated
	case pos:
		return Possible
	}
	return Asserted
}
