// This file holds the rule pass (ruleCandidates): people named after
// titles and roles, and acronyms defined earlier in the document; with
// the shape of a person's name and the word tables they use.

package entities

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/statecraft/statecraft/internal/titles"
)

// personTitles are words and phrases that, before a capitalised name,
// make it a person: "President Vladimir Putin", "ambassador ..., Oleg
// Botsiyev" (true), and the words of titles that are none alone
// ("prime", "foreign": false). Keys are lower case; multi-word titles end
// with their last word and are checked backwards by isTitleAt. They are
// the person and word titles of the title list entities shares with
// relations (internal/titles/titles.txt).
var personTitles = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range titles.Of(titles.Word) {
		m[w] = false
	}
	for _, w := range titles.Of(titles.Person) {
		m[w] = true
	}
	return m
}()

// isTitle reports whether the token is a person title.
func isTitle(t Token) bool {
	return titleEnds.mayHold(t.Text) && personTitles[lowerASCII(t.Text)]
}

// titleEnds is the endsFilter of the titles of personTitles (those with
// the value true).
var titleEnds = func() *endsFilter {
	var ws []string
	for w, ok := range personTitles {
		if ok {
			ws = append(ws, w)
		}
	}
	return newEndsFilter(ws)
}()

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
