package relations

import (
	"strings"

	"github.com/statecraft/statecraft/entities"
	"github.com/statecraft/statecraft/gazetteer"
)

// apposEnd are the tokens that may follow an apposition: "Sergei Lavrov,
// the Russian foreign minister, said".
var apposEnd = set(words("apposEnd")...)

// implicitHeads are the heads of the titles whose state may be left
// implicit before a name: "Prime Minister Ulf Kristersson", "President
// Maia Sandu", "Foreign Minister X". Monarchs are left out: "King
// George" in a text that names one state is as often a king of another.
var implicitHeads = set(words("implicitHeads")...)

// qualifiedImplicitHeads are heads whose state may be left implicit only
// after a governmental qualifier: "Foreign Ministry spokesman X",
// "Defence Secretary X", but not a bare "spokesman X" (of a party, a
// company).
var qualifiedImplicitHeads = set(words("qualifiedImplicitHeads")...)

// implicitOffice reports whether the state of title t may be left
// implicit (see implicitHeads).
func (s *Sentence) implicitOffice(t title) bool {
	h := s.headWord(t)
	return (implicitHeads[h] || qualifiedImplicitHeads[h] && t.roleStart < t.head) && s.stateOffice(t)
}

// copulas introduce a title after a person: "X is the president of Y",
// "X was elected president of Y", "X served as ambassador".
var copulas = set(words("copulas")...)

// frontingPreps are prepositions before a title that, followed by a
// comma and a name, belongs to a fronted phrase rather than to the name.
var frontingPreps = set(words("frontingPreps")...)

// personPhrase builds the entity phrase of PERSON mention m with a title
// before it ("Russian President Vladimir Putin", "South Ossetia's
// ambassador to Abkhazia, Oleg Botsiyev,"; [Sentence.titleBefore]) or in
// it ("King Harald of Norway"; [Sentence.titleInName]), an apposition
// after it ("Sergei Lavrov, the Russian foreign minister,";
// [Sentence.apposition]) and records the official-of relations they, an
// inverted copula ("the first prime minister of Siam was X";
// [Sentence.invertedCopula]) and a copula ("X is the president of Y";
// [Sentence.copula]) express.
func (s *Sentence) personPhrase(m int) {
	ps, pe := s.mStart(m), s.mEnd(m)
	person := cand{m: m, tokStart: ps, tokEnd: pe}
	start, end := s.titleBefore(person)
	if start == ps {
		if e, ok := s.titleInName(person); ok {
			end = e
		}
		s.invertedCopula(person)
	}
	if e, ok := s.apposition(person); ok {
		end = e
	}
	// Copula: "X is the president of Y", "X was elected president of Y".
	if end == pe {
		s.copula(person, pe)
	}
	s.addEP(start, end, m)
}

// titleBefore looks for a title that ends at the name of person, or at
// the honorifics and ranks before it ([Sentence.honorificsStart]), within
// 12 tokens: "Russian President Vladimir Putin", "NATO spokesman
// Lieutenant Colonel Max Marriner", "South Ossetia's ambassador to
// Abkhazia, Oleg Botsiyev". It records the official-of relation of the
// first that fits, with the owner [Sentence.titleOwner] finds, and returns
// the phrase of the person and title: from the title's first token to the
// end of the name, or of an owner after it ("King Hassan of Morocco").
// Without a title it returns the name's tokens.
func (s *Sentence) titleBefore(person cand) (start, end int) {
	ps, pe := person.tokStart, person.tokEnd
	lo := max(ps-12, 0)
	hs := s.honorificsStart(ps, lo)
	for a := lo; a < ps; a++ {
		if a > 0 && s.ment[a] >= 0 && s.ment[a-1] == s.ment[a] {
			continue // not the start of a mention
		}
		t, ok := s.parseTitle(a)
		if !ok || !(t.end == ps || t.end == hs || t.end == hs-1 && s.low[hs-1] == "," || t.end == ps-1 && s.low[ps-1] == ",") {
			continue
		}
		if s.frontedTitle(t, ps) {
			continue
		}
		if t.owner >= 0 && t.owner != person.m && s.m(t.owner).Type == per {
			continue
		}
		t, end = s.titleOwner(t, person.m, pe)
		s.emitOfficial(person, t, titleModality(t), t.roleStart)
		return a, end
	}
	return ps, pe
}

// honorificsStart returns the start of the honorifics and ranks just
// before the name that starts at token ps ("NATO spokesman Lieutenant
// Colonel Max Marriner"), at most maxHonorifics and not before token lo;
// ps when there are none.
func (s *Sentence) honorificsStart(ps, lo int) int {
	hs := ps
	for hs > lo && ps-hs < maxHonorifics && s.ment[hs-1] < 0 && honorifics[s.low[hs-1]] {
		hs--
	}
	return hs
}

// frontedTitle reports whether title t, followed by a comma before the
// name at token ps, ends a fronted phrase that a preposition opens rather
// than naming the person: "In a meeting with the North Korean leader, Mr
// Trump said": the title ends a fronted phrase, the name begins the
// clause.
func (s *Sentence) frontedTitle(t title, ps int) bool {
	k := t.start - 1
	if k > 0 && (determiners[s.low[k]] || possessivePronouns[s.low[k]]) {
		k--
	}
	comma := t.end < ps && s.low[t.end] == ","
	return comma && k >= 0 && frontingPreps[s.low[k]] && !s.verbBefore(k)
}

// titleOwner completes the owner of title t before PERSON mention m, whose
// name ends at token pe, and returns t and the end of the person's phrase:
// an owner after the name ("King Hassan of Morocco", "Queen Beatrix of
// the Netherlands"), which the phrase takes in; the document's state for
// a generic body ("Foreign Ministry spokesman X": the ministry of the
// document's state, which the guidelines write as the state); and the
// document's state for a title whose state may be left implicit ("Prime
// Minister Ulf Kristersson" in a document about Sweden).
func (s *Sentence) titleOwner(t title, m, pe int) (title, int) {
	end := pe
	if t.owner < 0 && !membershipRoles[s.headWord(t)] {
		if o := s.stateAfterOf(pe); o >= 0 {
			t.owner, t.ownerPos = o, s.mStart(o)
			end = s.mEnd(o)
		}
	}
	if t.owner >= 0 && !s.x.cfg.noCoref && s.genericBody(t.owner) {
		if o := s.dc.implicitState(m, ""); o >= 0 {
			t.owner, t.ownerPos = o, s.ownerStart(o)
		}
	}
	if t.owner < 0 && !s.x.cfg.noCoref && s.implicitOffice(t) {
		if o := s.dc.implicitState(m, s.text(t.roleStart, t.roleEnd)); o >= 0 {
			t.owner, t.ownerPos = o, s.ownerStart(o)
		}
	}
	return t, end
}

// ownerStart returns the first token of mention o as the owner of a
// title: its start when the sentence holds it, else -1, an owner the
// title leaves implicit.
func (s *Sentence) ownerStart(o int) int {
	if o >= s.m0 && o < s.m1 {
		return s.mStart(o)
	}
	return -1
}

// titleInName records official-of for a title inside the name the
// gazetteer knows, and its state after it: "King Harald of Norway". It
// returns the end of the state's mention, which ends the person's phrase.
func (s *Sentence) titleInName(person cand) (int, bool) {
	ps, pe := person.tokStart, person.tokEnd
	if pe-ps < 2 || !s.x.lex.titles.heads[s.low[ps]] || membershipRoles[s.low[ps]] {
		return 0, false
	}
	o := s.stateAfterOf(pe)
	if o < 0 {
		return 0, false
	}
	t := title{start: ps, end: ps + 1, roleStart: ps, roleEnd: ps + 1, head: ps, owner: o, ownerPos: s.mStart(o)}
	s.emitOfficial(person, t, Asserted, ps)
	return s.mEnd(o), true
}

// invertedCopula records official-of for a title with an owner that ends
// right before "was", "is" or "became" and the name: "the first prime
// minister of Siam was Phraya Manopakorn Nititada".
func (s *Sentence) invertedCopula(person cand) {
	ps := person.tokStart
	if ps < 2 || s.low[ps-1] != "was" && s.low[ps-1] != "is" && s.low[ps-1] != "became" {
		return
	}
	for a := max(ps-13, 0); a < ps-1; a++ {
		if t, ok := s.parseTitle(a); ok && t.end == ps-1 && t.owner >= 0 {
			s.emitOfficial(person, t, titleModality(t), t.roleStart)
			return
		}
	}
}

// apposition records official-of for a title in apposition after the
// name of person: ", the Russian foreign minister," or ", who is the
// foreign minister of Russia,". For an apposition without "who" it
// returns the end of the person's phrase: the title's end, and the comma
// after it.
func (s *Sentence) apposition(person cand) (int, bool) {
	n := len(s.low)
	pe := person.tokEnd
	if pe+1 >= n || s.low[pe] != "," {
		return 0, false
	}
	k := pe + 1
	rel := false
	if s.low[k] == "who" {
		rel = true
		k++
		for k < n && (s.cls[k]&(wcAux|wcCopula) != 0 || s.low[k] == "as" || s.low[k] == "in") {
			k++
		}
	}
	t, ok := s.parseTitle(k)
	if !ok || !(t.end == n || apposEnd[s.low[s.afterParen(t.end)]]) || !(t.end > k) {
		return 0, false
	}
	s.emitOfficial(person, t, titleModality(t), t.roleStart)
	if rel {
		return 0, false
	}
	end := t.end
	if end < n && s.low[end] == "," {
		end++
	}
	return end, true
}

// maxHonorifics is the most honorifics and ranks between a title and a
// name: "Lieutenant Colonel", "Brigadier General Sir".
const maxHonorifics = 3

// afterParen returns the token after a short parenthesis that starts at
// token k, an abbreviation as in "leader of the Patriotic Union of
// Kurdistan (PUK),", or k when none starts there; the result is always
// below the sentence's length when k is.
func (s *Sentence) afterParen(k int) int {
	if k >= len(s.low) || s.low[k] != "(" {
		return k
	}
	for j := k + 1; j < len(s.low)-1 && j <= k+maxParen; j++ {
		switch s.low[j] {
		case ")":
			return j + 1
		case "(":
			return k
		}
	}
	return k
}

// maxParen is the most words of a parenthesis afterParen skips.
const maxParen = 4

// copula looks for "is/was/became/was elected/served as [the] TITLE of
// OWNER" after token k, past a parenthesis after the name
// ([Sentence.afterDates]) and the verbs ([Sentence.copulaVerbs]), and
// records official-of for person.
func (s *Sentence) copula(person cand, k int) {
	j, v, seen := s.copulaVerbs(s.afterDates(k))
	if !seen || j >= len(s.low) {
		return
	}
	t, ok := s.parseTitle(j)
	if !ok || t.owner < 0 {
		return
	}
	s.emitOfficial(person, t, s.modality(v, v+1), t.roleStart)
}

// afterDates returns the token after a parenthesis of at most 23 tokens
// that starts at token j, after a name: "X (1823–1899) was ...", or j
// when none does.
func (s *Sentence) afterDates(j int) int {
	n := len(s.low)
	if j < n && s.low[j] == "(" {
		for e := j + 1; e < n && e < j+24; e++ {
			if s.low[e] == ")" {
				return e + 1
			}
		}
	}
	return j
}

// copulaVerbs skips at most six words of a copula from token j: copulas
// and auxiliaries, adverbs, "as" ("served as"), "in"/"office" after a
// copula ("was in office as") and "took"/"take"/"takes" ("took office
// as"). It returns the token after them, the copula or "took" whose
// modality the relation takes (the first copula, or the last "took"), and
// whether there was any.
func (s *Sentence) copulaVerbs(j int) (next, v int, seen bool) {
	n := len(s.low)
	v = -1
	for steps := 0; j < n && steps < 6; steps++ {
		w, c := s.low[j], s.cls[j]
		if c&wcCopula != 0 {
			seen = true
			if v < 0 {
				v = j
			}
			j++
			continue
		}
		if c&wcAux != 0 || s.toks[j].Tag == "RB" || w == "as" || w == "in" && seen || w == "office" && seen || w == "took" || w == "take" || w == "takes" {
			if w == "took" || w == "take" || w == "takes" {
				seen = true
				v = j
			}
			j++
			continue
		}
		break
	}
	return j, v, seen
}

// partyOffices are the titles that a party's short name before them
// ("Labour leader X", "Republican chairman X") makes offices of the party;
// any other ("Republican Senator X") makes their bearer its member.
var partyOffices = set(words("partyOffices")...)

// partyModifier reports whether mention m is a party named by its short
// name as a modifier ("Republican" in "Republican Senator").
func (s *Sentence) partyModifier(m int) bool {
	mm := s.m(m)
	return mm.Type == org && mm.Adjectival && mm.ID != "" && s.x.orgCats[mm.ID] == "party"
}

// partyMembers records member-of for a person after a party's short name
// and at most three words of role ("Democrat Tom Daschle", "Republican
// presidential candidate Bob Dole"), or before them in apposition ("Bob
// Dole, the Republican presidential nominee"), unless one of them is a title the
// title rules read ("Republican Senator X") or an office of the party
// (partyOffices).
func (s *Sentence) partyMembers() {
	def := s.x.lex.defs[MemberOf]
	n := len(s.low)
	for i := 0; i < n && s.budget > 0; i++ {
		m := s.ment[i]
		if m < 0 || s.mStart(m) != i || !s.partyModifier(m) {
			continue
		}
		k, office := s.mEnd(m), false
		for k < n && k-s.mEnd(m) < 3 && s.ment[k] < 0 && isWordToken(s.toks[k].Text) {
			office = office || partyOffices[s.low[k]] || s.x.lex.titles.heads[s.low[k]]
			k++
		}
		if office {
			continue
		}
		var person cand
		switch b := s.appositionBefore(i); {
		case k < n && s.ment[k] >= 0 && s.mStart(s.ment[k]) == k && s.m(s.ment[k]).Type == per:
			person = cand{m: s.ment[k], tokStart: k, tokEnd: s.mEnd(s.ment[k])}
		case b >= 0 && k > s.mEnd(m):
			// "Bob Dole, the Republican presidential nominee"
			person = cand{m: b, tokStart: s.mStart(b), tokEnd: s.mEnd(b)}
		default:
			continue
		}
		party := cand{m: m, tokStart: i, tokEnd: s.mEnd(m)}
		if len(s.typed([]cand{party}, def, false)) == 0 || len(s.typed([]cand{person}, def, true)) == 0 {
			continue
		}
		attrs := map[string]string{}
		if k > s.mEnd(m) {
			attrs["role"] = s.text(s.mEnd(m), k)
		}
		trigger := s.Span(i, s.mEnd(m))
		r := Relation{Type: MemberOf, Modality: Asserted, Time: s.timeAt(i), Subject: s.arg(person), Object: s.arg(party), Trigger: trigger, Attrs: attrs}
		r.Evidence = s.evidence(trigger, person, party)
		s.emit(r, def)
	}
}

// appositionBefore returns the PERSON mention that the phrase starting at
// token i stands in apposition to ("Bob Dole, the Republican nominee"),
// or -1.
func (s *Sentence) appositionBefore(i int) int {
	j := i - 1
	if j >= 0 && (s.low[j] == "the" || s.low[j] == "a" || s.low[j] == "an") {
		j--
	}
	if j < 1 || s.low[j] != "," || s.ment[j-1] < 0 {
		return -1
	}
	if p := s.ment[j-1]; s.mEnd(p) == j && s.m(p).Type == per {
		return p
	}
	return -1
}

// isWordToken reports whether w starts with a letter.
func isWordToken(w string) bool {
	return w != "" && ('a' <= w[0] && w[0] <= 'z' || 'A' <= w[0] && w[0] <= 'Z')
}

// emitOfficial records official-of(person, t.owner) with the role of t
// ([Sentence.officialRole]) at the time of token at
// ([Sentence.officialTime]), and, for an office of a state's government
// body, of the state too ([Sentence.emitBodyOfficial]). Offices belong to
// states and organisations ([Sentence.officeOwnerType]); "Moscow Mayor"
// is not an office of Russia. A membership role of an organisation
// ("Labour MP X") and a title after a party's short name ("Republican
// Senator X": a senator of the state, a member of the party) make its
// bearer a member instead ([Sentence.emitTitleMember]).
func (s *Sentence) emitOfficial(person cand, t title, mod Modality, at int) {
	if t.owner < 0 || t.owner == person.m {
		return
	}
	ot := s.officeOwnerType(t.owner)
	if ot != sta && ot != org {
		return
	}
	if ot == org && (membershipRoles[s.headWord(t)] || s.partyModifier(t.owner) && !partyOffices[s.headWord(t)]) {
		s.emitTitleMember(person, t, mod, at)
		return
	}
	if ot != org && !s.stateOffice(t) {
		return
	}
	if s.dealsWith(t) {
		return
	}
	role, ok := s.officialRole(t)
	if !ok {
		return
	}
	time := s.officialTime(t, at)
	attrs := map[string]string{"role": role}
	if t.former || s.roleEnded(person.m, t.owner, role, time) {
		attrs["former"] = "true"
	}
	trigger := s.Span(t.roleStart, t.roleEnd)
	own := s.ownerCand(t)
	r := Relation{
		Type:     OfficialOf,
		Modality: mod,
		Time:     time,
		Subject:  s.arg(person),
		Object:   s.arg(own),
		Trigger:  trigger,
		Attrs:    attrs,
	}
	r.Evidence = s.evidence(r.Trigger, person, own)
	if s.emit(r, s.x.lex.defs[OfficialOf]) {
		s.dc.link(person.m, t.owner)
	}
	if ot == org && !s.x.cfg.noCoref {
		s.emitBodyOfficial(person, t, mod, at)
	}
}

// officeOwnerType returns the entity type of owner as the owner of an
// office: a place's type, except that the dateline's capital standing
// for a state the text never names, and a capital in the possessive
// ("Washington's ambassador"), are a STATE.
func (s *Sentence) officeOwnerType(owner int) entities.Type {
	ot := s.m(owner).Type
	if ot == loc && (owner == s.dc.dateline || s.capitalPossessive(owner)) {
		ot = sta
	}
	return ot
}

// officialRole returns the role of title t as an official-of relation
// writes it: the title's role words, or for "his Moldovan counterpart"
// the role of the official met or named before in the sentence
// ([Sentence.counterpartRole]). It reports false for a counterpart of no
// one.
func (s *Sentence) officialRole(t title) (string, bool) {
	role := s.text(t.roleStart, t.roleEnd)
	if s.headWord(t) != "counterpart" {
		return role, true
	}
	prev := s.counterpartRole()
	if prev == "" {
		return "", false
	}
	// A counterpart of a minister of another government may hold a title
	// of another name ("Secretary of State"): only the titles of heads of
	// state and government and ministers carry over.
	switch l := strings.ToLower(prev); {
	case l == "president" || l == "prime minister" || l == "premier" || l == "leader" || l == "chancellor" ||
		strings.HasSuffix(l, "minister") && !strings.Contains(l, "prime"):
		role = prev
	}
	return role, true
}

// counterpartRole returns the role of the last official-of relation of
// the sentence, the official whose counterpart "his Moldovan
// counterpart" names, or "".
func (s *Sentence) counterpartRole() string {
	for i := len(s.rels) - 1; i >= 0; i-- {
		if s.rels[i].Type == OfficialOf {
			return s.rels[i].Attrs["role"]
		}
	}
	return ""
}

// officialTime returns the time of an office whose title t is read at
// token at: the time of that token, or, for a title that is the object of
// a complement ("In 1996, he published a biography of the Russian
// military leader X"), the time of its own clause: a date outside it
// times the verb whose object holds it, not the office.
func (s *Sentence) officialTime(t title, at int) string {
	time := s.timeAt(at)
	if s.objectOfComplement(t.start) {
		time = s.clauseTimeAt(at)
	}
	return time
}

// ownerCand returns the argument for the owner of title t: its mention,
// or for an owner the title leaves implicit, the role standing for it
// ("Prime Minister X" for Sweden). A place owner (the dateline's capital,
// see [Sentence.officeOwnerType]) carries its state.
func (s *Sentence) ownerCand(t title) cand {
	var own cand
	if t.ownerPos < 0 {
		own = cand{m: t.owner, anaphor: true, aStart: t.roleStart, aEnd: t.roleEnd, tokStart: t.roleStart, tokEnd: t.roleEnd}
	} else {
		own = cand{m: t.owner, tokStart: t.ownerPos, tokEnd: s.mEnd(t.owner)}
	}
	if s.m(t.owner).Type == loc {
		own.state, _ = s.x.stateOf(s.m(t.owner))
	}
	return own
}

// emitBodyOfficial records that an official of a state's government body
// ("State Department spokeswoman X", "Pentagon press secretary X") holds
// an office of that state too, when the document names it
// ([Sentence.bodyState]).
func (s *Sentence) emitBodyOfficial(person cand, t title, mod Modality, at int) {
	if st := s.bodyState(t.owner); st >= 0 {
		t.owner, t.ownerPos = st, s.ownerStart(st)
		s.emitOfficial(person, t, mod, at)
	}
}

// bodyStateCategories are the gazetteer categories of organisations that
// belong to a state: its government bodies and armed forces.
var bodyStateCategories = set(words("bodyStateCategories")...)

// bodyState returns the first STATE mention of the state whose
// government body or armed force the organisation of mention m is (its
// [entities.Mention.State], or its gazetteer entry's country), or -1.
func (s *Sentence) bodyState(m int) int {
	mm := s.m(m)
	if mm.Type == org && mm.State != "" {
		return s.dc.firstStateMention(mm.State) // "the Iraqi parliament"
	}
	if mm.Type != org || mm.ID == "" || !bodyStateCategories[s.x.orgCats[mm.ID]] || s.x.gaz == nil {
		return -1
	}
	e, ok := s.x.gaz.Entry(mm.ID)
	if !ok || !strings.HasPrefix(e.Country, "state/") {
		return -1
	}
	return s.dc.firstStateMention(e.Country)
}

// objectOfComplement reports whether token i opens the "of" complement of
// a noun that is the object of a verb: "published a biography of ...".
func (s *Sentence) objectOfComplement(i int) bool {
	if i < 3 || s.low[i-1] != "of" || s.ment[i-2] >= 0 || !isNounTag(s.toks[i-2].Tag) {
		return false
	}
	for j := i - 3; j >= 0 && j >= i-6; j-- {
		tag := s.toks[j].Tag
		switch {
		case s.ment[j] >= 0:
			return false
		case isVerbTag(tag):
			return true
		case !determiners[s.low[j]] && !isAdjTag(tag) && !isNounTag(tag):
			return false
		}
	}
	return false
}

// brokerHeads are the roles whose bearer may deal with a state rather
// than serve it.
var brokerHeads = set(words("brokerHeads")...)

// dealsWith reports whether title t names the state its bearer deals
// with rather than serves: a state's name as a bare noun right before
// "negotiator", "envoy" or "mediator" ("Burundi negotiator Julius
// Nyerere", "Syria envoy"). The adjective ("Burundian negotiator"), the
// possessive ("Burundi's negotiator") and abbreviations used as
// adjectives ("US envoy") name the employer.
func (s *Sentence) dealsWith(t title) bool {
	if t.ownerPos < 0 || !brokerHeads[s.low[t.head]] || s.m(t.owner).Type != sta {
		return false
	}
	m := s.m(t.owner)
	if m.Adjectival || s.mEnd(t.owner) != t.roleStart || m.Text == strings.ToUpper(m.Text) {
		return false
	}
	return true
}

// descriptions records official-of for definite descriptions in subject
// position that resolve to a PERSON already linked to the same owner:
// "The Abkhazian official also noted ..." after "Abkhazian Vice-President
// Vitaly Gabniya".
func (s *Sentence) descriptions() {
	if s.x.cfg.noCoref {
		return
	}
	n := len(s.low)
	for i := 0; i < n; i++ {
		if s.low[i] != "the" || s.epAt[i] >= 0 {
			continue
		}
		t, ok := s.parseTitle(i)
		if !ok || t.owner < 0 || t.end >= n || s.ment[t.end] >= 0 || t.roleEnd != t.end {
			continue
		}
		if !s.verbFollows(t.end) {
			continue
		}
		c, ok := s.resolvePerson(t.start, t.end, t.owner)
		if !ok {
			continue
		}
		s.emitOfficial(c, t, Asserted, t.roleStart)
		i = t.end - 1
	}
}

// verbFollows reports whether a verb follows token k after adverbs and
// auxiliaries.
func (s *Sentence) verbFollows(k int) bool {
	n := len(s.low)
	for k < n && s.toks[k].Tag == "RB" {
		k++
	}
	return k < n && (isVerbTag(s.toks[k].Tag) || auxWords[s.low[k]] && !isPunct(s.low[k]))
}

// descriptionAt resolves a definite description ending with the role noun
// at token j ("the diplomat", "the Russian leader") to a PERSON.
func (s *Sentence) descriptionAt(j int) (cand, bool) {
	if s.x.cfg.noCoref {
		return cand{}, false
	}
	for a := j; a >= 0 && a >= j-5; a-- {
		if s.low[a] != "the" {
			continue
		}
		t, ok := s.parseTitle(a)
		if !ok || !t.definite || t.roleEnd != j+1 {
			continue
		}
		return s.resolvePerson(a, j+1, t.owner)
	}
	return cand{}, false
}

// emitTitleMember records member-of(person, t.owner) for a membership role
// before or after a person's name: "Labour MP Diane Abbott".
func (s *Sentence) emitTitleMember(person cand, t title, mod Modality, at int) {
	def := s.x.lex.defs[MemberOf]
	own := cand{m: t.owner, tokStart: t.ownerPos, tokEnd: s.mEnd(t.owner)}
	if len(s.typed([]cand{own}, def, false)) == 0 || len(s.typed([]cand{person}, def, true)) == 0 {
		return
	}
	attrs := map[string]string{"role": s.text(t.roleStart, t.roleEnd)}
	if t.former {
		attrs["former"] = "true"
	}
	trigger := s.Span(t.roleStart, t.roleEnd)
	r := Relation{Type: MemberOf, Modality: mod, Time: s.timeAt(at), Subject: s.arg(person), Object: s.arg(own), Trigger: trigger, Attrs: attrs}
	r.Evidence = s.evidence(trigger, person, own)
	s.emit(r, def)
}

// honorifics may stand between a title and a name: "Prime Minister Dr.
// Mahathir bin Mohamad".
var honorifics = set(words("honorifics")...)

// titleModality is the modality of an official-of read from a title:
// possible for "future", "incoming", asserted otherwise.
func titleModality(t title) Modality {
	if t.future {
		return Possible
	}
	return Asserted
}

// roleEnded reports whether the gazetteer says that the person of mention
// person held the role in the owner only until before the time of the
// text: the relation's time when it has one, else the earliest date the
// document names ("President Bill Clinton" in an article that names only
// 2024 is a former president). The earliest, because a report names
// future dates too ("by December 31, 2001" in a report of 1996) but is
// written after the past ones it names. Without a date, or when the gazetteer knows no such
// role or one without an end, the role is taken as current.
func (s *Sentence) roleEnded(person, owner int, role, time string) bool {
	pm, om := s.m(person), s.m(owner)
	if pm.ID == "" || om.ID == "" || s.dc.gaz == nil {
		return false
	}
	d, ok := parseDateValue(time)
	if !ok {
		if d, ok = s.dc.earliestDate(); !ok {
			return false
		}
	}
	e, ok := s.dc.gaz.Entry(pm.ID)
	if !ok {
		return false
	}
	matched := false
	for _, r := range e.Roles {
		if r.Of != om.ID || !strings.EqualFold(r.Role, role) {
			continue
		}
		if r.To.IsZero() || r.Active(d) || d.Compare(r.To) < 0 {
			return false
		}
		matched = true
	}
	return matched
}

// parseDateValue reads the calendar part of a normalised DATE value
// ("2024", "2024-03", "2024-03-07", "2024-03-07T10:00"); values without a
// year ("XXXX-08", "P1M") give false.
func parseDateValue(v string) (gazetteer.Date, bool) {
	for _, n := range [...]int{10, 7, 4} {
		if len(v) >= n && (len(v) == n || v[n] < '0' || v[n] > '9') {
			if d, err := gazetteer.ParseDate(v[:n]); err == nil {
				return d, true
			}
		}
	}
	return gazetteer.Date{}, false
}

// earliestDate returns the earliest calendar date among the document's
// DATE mentions, computed once.
func (dc *docState) earliestDate() (gazetteer.Date, bool) {
	if !dc.earliestDone {
		dc.earliestDone = true
		for i := range dc.doc.Mentions {
			m := &dc.doc.Mentions[i]
			if m.Type != entities.Date || m.Timex == "DURATION" || m.Timex == "SET" {
				continue
			}
			if d, ok := parseDateValue(m.Value); ok && (dc.earliest.IsZero() || d.Compare(dc.earliest) < 0) {
				dc.earliest = d
			}
		}
	}
	return dc.earliest, !dc.earliest.IsZero()
}

// genericBodyWords are the words of an unqualified government body:
// "Foreign Ministry", "the Ministry of Defence", "Interior Department".
var genericBodyWords = set(words("genericBodyWords")...)

// genericBody reports whether mention m is a government body named
// without its state ("the Foreign Ministry", "Defence Ministry"): an
// organisation the gazetteer does not know whose words are a ministry's.
func (s *Sentence) genericBody(m int) bool {
	mm := s.m(m)
	if mm.Type != org || mm.ID != "" {
		return false
	}
	body := false
	for _, w := range strings.Fields(strings.ToLower(mm.Text)) {
		switch {
		case w == "ministry" || w == "ministries" || w == "department":
			body = true
		case genericBodyWords[w] || govQualifiers[w]:
		default:
			return false
		}
	}
	return body
}

// stateAfterOf returns the STATE mention named by "of [the] STATE" at
// token k ("King Hassan of Morocco"), or -1.
func (s *Sentence) stateAfterOf(k int) int {
	n := len(s.low)
	if k+1 >= n || s.low[k] != "of" {
		return -1
	}
	k++
	if s.low[k] == "the" && k+1 < n {
		k++
	}
	if o := s.ment[k]; o >= 0 && s.mStart(o) == k && s.m(o).Type == sta && !s.m(o).Adjectival {
		return o
	}
	return -1
}

// verbBefore reports whether a verb lies before token k in the sentence:
// a phrase after it is no fronted adverbial.
func (s *Sentence) verbBefore(k int) bool {
	for j := 0; j < k; j++ {
		if isVerbTag(s.toks[j].Tag) {
			return true
		}
	}
	return false
}
