package relations

import "strings"

// titleLexicon knows the titles of officials: single head words
// ("president", "ambassador") and multi-word titles ("prime minister",
// "head of state"), each also in its hyphenated form.
type titleLexicon struct {
	heads map[string]bool       // single words that end a title
	multi map[string][][]string // multi-word titles by first word
	// multiFirst rules out most words before their lookup in multi.
	multiFirst wordFilter
}

// titleHeads are the words that end a title.
var titleHeads = words("titleHeads")

// membershipRoles are titles that, with an organisation as owner, make
// their bearer a member of it rather than an official: "Labour MP X",
// "Fall Out Boy bassist Pete Wentz", "former La Oreja de Van Gogh member,
// Amaia Montero". With a state as owner they express no relation
// ("British singer Rob Fisher").
var membershipRoles = set(words("membershipRoles")...)

// govQualifiers may stand in a title before its head when the owner is a
// state ("Russian deputy foreign minister"); any other word there
// ("American film director", "South Korean Presbyterian leader") means the
// title is not an office of that state.
var govQualifiers = set(words("govQualifiers")...)

// multiTitles are titles of several words whose last word is not a head
// on its own, or whose words would otherwise be read as a complement.
var multiTitles = words("multiTitles")

// possessivePronouns may open a title: "his Moldovan counterpart".
var possessivePronouns = set(words("possessivePronouns")...)

// formerWords mark an office no longer held.
var formerWords = set(words("formerWords")...)

// preRoleAdjectives may stand before a title without being part of it.
var preRoleAdjectives = set(words("preRoleAdjectives")...)

// futureWords make a title one not yet held.
var futureWords = set(words("futureWords")...)

// ordinals may precede a title: "the 45th President", "the first prime
// minister".
var ordinalWords = set(words("ordinalWords")...)

// isOrdinal reports whether w is an ordinal: "first", "45th", "2nd".
func isOrdinal(w string) bool {
	if ordinalWords[w] {
		return true
	}
	if i := strings.LastIndexByte(w, '-'); i > 0 && ordinalWords[w[i+1:]] {
		// "thirty-second", "twenty-first".
		return true
	}
	n := len(w)
	if n < 3 || w[0] < '0' || w[0] > '9' {
		return false
	}
	suf := w[n-2:]
	return suf == "st" || suf == "nd" || suf == "rd" || suf == "th"
}

// roleWords may be part of a title before its head ("deputy foreign
// minister", "national security adviser").
var roleStopWords = set(words("roleStopWords")...)

func newTitleLexicon() *titleLexicon {
	t := &titleLexicon{heads: map[string]bool{}, multi: map[string][][]string{}}
	for _, h := range titleHeads {
		t.heads[h] = true
	}
	for h := range membershipRoles {
		t.heads[h] = true
	}
	for _, m := range multiTitles {
		t.add(strings.Fields(m))
	}
	return t
}

// add adds a title given as lower-case words, with its hyphenated and
// unhyphenated variants.
func (t *titleLexicon) add(words []string) {
	for i := range words {
		words[i] = lower(words[i])
	}
	if len(words) == 1 && !strings.Contains(words[0], "-") {
		t.heads[words[0]] = true
		return
	}
	joined := strings.Join(words, " ")
	variants := []string{joined, strings.ReplaceAll(joined, " ", "-"), strings.ReplaceAll(joined, "-", " ")}
	for _, v := range variants {
		ws := strings.Fields(v)
		if len(ws) == 1 {
			t.heads[ws[0]] = true
			continue
		}
		dup := false
		for _, o := range t.multi[ws[0]] {
			if strings.Join(o, " ") == v {
				dup = true
			}
		}
		if !dup {
			t.multi[ws[0]] = append(t.multi[ws[0]], ws)
			t.multiFirst.add(ws[0])
		}
	}
}

// isTitleHead reports whether w is a head word of the Extractor's titles,
// without a lookup for the words that its headFilter rules out.
func (s *Sentence) isTitleHead(w string) bool {
	lx := s.x.lex
	return lx.headFilter.mayHave(w) && lx.titles.heads[w]
}

// matchMulti returns the length in tokens of the longest multi-word title
// starting at token i of s, or 0.
func (t *titleLexicon) matchMulti(s *Sentence, i int) int {
	best := 0
	if !t.multiFirst.mayHave(s.low[i]) {
		return 0
	}
	for _, ws := range t.multi[s.low[i]] {
		if len(ws) <= best || i+len(ws) > len(s.low) {
			continue
		}
		ok := true
		for k, w := range ws {
			if s.ment[i+k] >= 0 || s.low[i+k] != w && !(k == len(ws)-1 && s.low[i+k] == w+"s") {
				ok = false
				break
			}
		}
		if ok {
			best = len(ws)
		}
	}
	return best
}

// title is a parsed title phrase: "the pro-Western Georgian President",
// "South Ossetia's ambassador to Abkhazia", "the foreign minister of
// Russia".
type title struct {
	start, end         int  // tokens of the whole phrase, [start, end)
	roleStart, roleEnd int  // tokens of the role ("President", "foreign minister")
	head               int  // token of the last head word
	owner              int  // mention index of the owner, or -1
	ownerPos           int  // token index of the owner mention's first token, or -1
	former             bool // "former", "ex-", "then", "late"
	future             bool // "future", "would-be", "incoming"
	definite           bool // starts with "the"
}

// parseTitle parses a title phrase starting at token i: an optional
// determiner, adjectives that are not part of the role, an optional owner
// (an adjectival state, a state or organisation, possibly possessive;
// [Sentence.titlePremodifiers]), the role words ending in a title head
// ([Sentence.titleRole]), and complements: "of" an owner, "to"/"in" a
// host, "of state" ([Sentence.titleComplements]). It returns false when
// there is no title head at the right place.
func (s *Sentence) parseTitle(i int) (title, bool) {
	n := len(s.low)
	t := title{start: i, owner: -1, ownerPos: -1}
	j := i
	if j < n && (s.low[j] == "the" || s.low[j] == "a" || s.low[j] == "an" || s.cls[j]&wcPossessive != 0) {
		t.definite = s.low[j] == "the"
		j++
	}
	j = s.titlePremodifiers(&t, j)
	t.roleStart = j
	headEnd := s.titleRole(&t, j)
	if headEnd < 0 {
		return t, false
	}
	t.roleEnd = headEnd
	t.end = s.titleComplements(&t, headEnd)
	return t, true
}

// titlePremodifiers reads at most six words before the role of title t
// from token j and returns the token after them: the owner, a mention
// that can own an office, with its possessive ("Russian", "South
// Ossetia's"); "former" and "future" words ("former", "incoming"); and
// adjectives that are not part of the role ("pro-Western", "Moscow-based").
// A word "ex-president" ends them and marks t former; the role reads its
// head.
func (s *Sentence) titlePremodifiers(t *title, j int) int {
	n := len(s.low)
	for steps := 0; j < n && steps < 6; steps++ {
		w, c := s.low[j], s.cls[j]
		if m := s.ment[j]; m >= 0 {
			if t.owner >= 0 || !s.ownerCapable(m) {
				break
			}
			t.owner, t.ownerPos = m, j
			j = s.mEnd(m)
			if j < n && (s.low[j] == "'s" || s.low[j] == "'") {
				j++
			}
			continue
		}
		if c&wcFormer != 0 {
			t.former = true
			j++
			continue
		}
		if c&wcFuture != 0 {
			t.future = true
			j++
			continue
		}
		if c&wcPreRole != 0 || isAdjTag(s.toks[j].Tag) && strings.HasSuffix(w, "-based") {
			j++
			continue
		}
		if strings.HasPrefix(w, "ex-") && len(w) > 3 {
			// "ex-president": the head word below sees "president".
			t.former = true
		}
		break
	}
	return j
}

// titleRole reads the role words of title t from token j, at most six
// ("deputy foreign minister", "national security adviser", "prime
// minister"), sets t's head to the last head word or multi-word title
// among them and returns the token after it, or -1 when there is none.
// Mentions, role stops, "former" words and words that are neither nouns,
// adjectives nor participles end the role.
func (s *Sentence) titleRole(t *title, j int) int {
	tl := s.x.lex.titles
	n := len(s.low)
	headEnd := -1
	for k := j; k < n && k < j+6; {
		if s.ment[k] >= 0 {
			break
		}
		w, c := s.low[k], s.cls[k]
		if l := tl.matchMulti(s, k); l > 0 {
			t.head = k + l - 1
			k += l
			headEnd = k
			continue
		}
		if c&wcTitleHead != 0 || len(w) > 3 && w != "sheikhs" && s.isTitleHead(strings.TrimSuffix(w, "s")) ||
			strings.HasPrefix(w, "ex-") && s.isTitleHead(w[3:]) {
			t.head = k
			k++
			headEnd = k
			continue
		}
		if c&(wcRoleStop|wcFormer) != 0 {
			break
		}
		tag := s.toks[k].Tag
		if !(isNounTag(tag) || isAdjTag(tag) || tag == "VBG" || tag == "VBN") || !isWordy(w) {
			break
		}
		k++
	}
	return headEnd
}

// titleComplements reads at most two complements of title t after its
// head, from token j, and returns the end of the title: "of state", "of
// foreign affairs", "of Russia" ([Sentence.ofComplement]), and a host
// after "to", "in" or "at" ("ambassador to Abkhazia").
func (s *Sentence) titleComplements(t *title, j int) int {
	n := len(s.low)
	for steps := 0; j < n && steps < 2; steps++ {
		w := s.low[j]
		if j+1 >= n {
			break
		}
		if w == "of" || w == "for" {
			next, more := s.ofComplement(t, j)
			j = next
			if !more {
				break
			}
			continue
		}
		if w == "to" || w == "in" || w == "at" {
			k := j + 1
			if s.low[k] == "the" {
				k++
			}
			if k < n && s.ment[k] >= 0 && !s.m(s.ment[k]).Adjectival {
				j = s.mEnd(s.ment[k])
				continue
			}
		}
		break
	}
	return j
}

// ofComplement reads the complement of title t after "of" or "for" at
// token j: an owner after "of" ("of Russia", "of independent Ghana", "of
// then West Germany"), which ends the title, or non-entity words that
// are part of the role ("Minister of Foreign Affairs", "head of state";
// [titleComplement]), after which another complement may follow. It
// returns the token after what it read (j when nothing) and whether
// another complement may follow.
func (s *Sentence) ofComplement(t *title, j int) (int, bool) {
	n := len(s.low)
	w := s.low[j]
	k := j + 1
	if s.low[k] == "the" {
		k++
	}
	if a := k; a+1 < n && s.ment[a] < 0 && (isAdjTag(s.toks[a].Tag) || s.low[a] == "then") && s.ment[a+1] >= 0 {
		k++
	}
	if k < n && s.ment[k] >= 0 && w == "of" {
		m := s.ment[k]
		if !s.ownerCapable(m) || s.m(m).Adjectival {
			return j, false
		}
		t.owner, t.ownerPos = m, k
		return s.mEnd(m), false
	}
	e := k
	for e < n && e < k+4 && s.ment[e] < 0 && s.cls[e]&wcRoleStop == 0 && isNounTag(s.toks[e].Tag) {
		e++
	}
	if e == k || !titleComplement(s, k, e) {
		return j, false
	}
	t.roleEnd = e
	return e, true
}

// titleComplements are the lower-case words that complete a title after
// "of" or "for" ("head of state", "chief of staff").
var titleComplements = set(words("titleComplements")...)

// titleComplement reports whether tokens [k, e) complete a title after
// "of"/"for": capitalised words ("of Foreign Affairs") or the usual
// lower-case ones ("of state", "of government", "of staff").
func titleComplement(s *Sentence, k, e int) bool {
	if titleComplements[s.low[k]] {
		return true
	}
	t := s.toks[k].Text
	return t != "" && t[0] >= 'A' && t[0] <= 'Z'
}

// isWordy reports whether w looks like a word (a letter first).
func isWordy(w string) bool {
	if w == "" {
		return false
	}
	c := w[0]
	return c >= 'a' && c <= 'z' || c >= 0x80
}

// ownerCapable reports whether mention m can own an office: a state
// (adjectival or not), an organisation, or a place used for a government.
func (s *Sentence) ownerCapable(m int) bool {
	mm := s.m(m)
	switch mm.Type {
	case sta, org:
		return true
	case loc:
		return mm.Metonymy || mm.Adjectival || s.capitalPossessive(m)
	}
	return false
}

// capitalPossessive reports whether mention m is a capital in the
// possessive, standing for its state's government: "Washington's new
// ambassador", "Beijing's top negotiator".
func (s *Sentence) capitalPossessive(m int) bool {
	mm := s.m(m)
	if mm.Type != loc || m < s.m0 || m >= s.m1 {
		return false
	}
	e := s.mEnd(m)
	if e < 0 || e >= len(s.low) || s.low[e] != "'s" && s.low[e] != "'" {
		return false
	}
	_, ok := s.x.capitals[mm.ID]
	return ok
}

// headWord returns the lower-case head word of a title, without a plural s.
func (s *Sentence) headWord(t title) string {
	w := s.low[t.head]
	if !s.x.lex.titles.heads[w] && strings.HasSuffix(w, "s") {
		w = strings.TrimSuffix(w, "s")
	}
	return strings.TrimPrefix(w, "ex-")
}

// stateOffice reports whether the role words of t, before the head, are
// all governmental qualifiers, so that a state owner makes the bearer an
// official of that state.
func (s *Sentence) stateOffice(t title) bool {
	for k := t.roleStart; k < t.head; k++ {
		w := s.low[k]
		if s.x.lex.titles.heads[w] || govQualifiers[w] || w == "of" || w == "the" || w == "in" || w == "for" {
			continue
		}
		return false
	}
	return !membershipRoles[s.headWord(t)]
}
