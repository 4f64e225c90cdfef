package relations

import "sort"

// forceVerbs take a place "by force": "attempted to take South Ossetia by
// military force".
var forceVerbs = stemSet(words("forceVerbs")...)

// specialRules applies the constructions that trigger words cannot
// express.
func (s *Sentence) specialRules() {
	// One pass over the verbs for the constructions that start at one.
	for i := 0; i < len(s.low) && s.budget > 0; i++ {
		if s.ment[i] >= 0 || !isVerbTag(s.toks[i].Tag) {
			continue
		}
		switch specialVerbs[s.stm[i]] {
		case byForceVerb:
			s.takeByForceAt(i)
		case leaveVerb:
			s.leaveMembershipAt(i)
		case foundingVerb:
			s.foundOrganisationAt(i)
		case agreeVerb:
			s.agreeToSettleAt(i)
		}
	}
	s.personOfGroup()
	s.partyMembers()
}

// Kinds of the verbs that start special constructions.
const (
	byForceVerb = iota + 1
	leaveVerb
	foundingVerb
	agreeVerb
)

// specialVerbs maps the stems of forceVerbs, leaveVerbs and foundingVerbs
// to their kind.
var specialVerbs = func() map[string]int {
	m := map[string]int{}
	for _, x := range []struct {
		set  map[string]bool
		kind int
	}{{forceVerbs, byForceVerb}, {leaveVerbs, leaveVerb}, {foundingVerbs, foundingVerb}, {stemSet("agree"), agreeVerb}} {
		for w := range x.set {
			m[w] = x.kind
		}
	}
	return m
}()

// foundingVerbs make their subjects members of the organisation they
// create: "Niger, Mali and Burkina Faso formed the Alliance of Sahel
// States".
var foundingVerbs = stemSet(words("foundingVerbs")...)

// foundOrganisationAt finds, at token i, "X (and Y) formed/founded/established ORG" with
// states or organisations as subjects and records member-of for each
// (persons found parties and companies, which is not membership). Its
// modality is that of the verb.
func (s *Sentence) foundOrganisationAt(i int) {
	def := s.x.lex.defs[MemberOf]
	if s.toks[i].Tag == "VBG" || s.isPassiveAt(i) {
		return
	}
	obj := s.typed(s.objectAfter(i+1, false), def, false)
	if len(obj) == 0 {
		obj = s.namedPact(i + 1)
	}
	if len(obj) == 0 {
		return
	}
	var subj []cand
	for _, c := range s.typed(s.subjectOf(i, 0), def, true) {
		if t := s.m(c.m).Type; t == sta || t == org {
			subj = append(subj, c)
		}
	}
	trigger := s.Span(i, i+1)
	mod := s.modality(i, i+1)
	for _, a := range subj {
		for _, b := range obj {
			if s.candIdentity(a) == s.candIdentity(b) || s.m(b.m).Type != org {
				continue
			}
			r := Relation{Type: MemberOf, Modality: mod, Time: s.timeAt(i), Trigger: trigger,
				Subject: s.arg(a), Object: s.arg(b), Attrs: map[string]string{}}
			r.Evidence = s.evidence(trigger, a, b)
			s.emit(r, def)
		}
	}
}

// namedPact returns the alliance named as a modifier of the pact or
// alliance noun phrase at token k ("formed the AUKUS security pact"), or
// nil.
func (s *Sentence) namedPact(k int) []cand {
	n := len(s.low)
	if k < n && determiners[s.low[k]] {
		k++
	}
	if k >= n || s.ment[k] < 0 || !s.knownAlliance(s.ment[k]) {
		return nil
	}
	m := s.ment[k]
	for j := s.mEnd(m); j < n && j < s.mEnd(m)+3 && s.ment[j] < 0 && isNounTag(s.toks[j].Tag); j++ {
		if w := s.low[j]; collectiveNouns[w] || w == "treaty" || w == "agreement" {
			return []cand{{m: m, tokStart: s.mStart(m), tokEnd: s.mEnd(m)}}
		}
	}
	return nil
}

// leaveVerbs end a membership when their object is an organisation:
// "Britain left the EU", "Mali withdrew from ECOWAS", "Hungary quit the
// ICC", "the US pulled out of UNESCO".
var leaveVerbs = stemSet(words("leaveVerbs")...)

// leaveMembershipAt finds, at token i, "X left/quit/exited ORG", "X withdrew from ORG"
// and "X pulled out of ORG" and records member-of(X, ORG) with
// Attrs["former"]: the subject was a member until then. Only an asserted
// departure is read ("could leave the EU" says nothing of a past
// membership); the relation is asserted and its time is the departure's.
func (s *Sentence) leaveMembershipAt(i int) {
	n := len(s.low)
	def := s.x.lex.defs[MemberOf]
	if s.toks[i].Tag == "VBG" && i > 0 && s.toks[i-1].Tag == "IN" {
		return
	}
	k := i + 1
	switch s.stm[i] {
	case "withdraw", "secede":
		if k >= n || s.low[k] != "from" {
			return
		}
		k++
	case "pull", "walk":
		if k+1 >= n || s.low[k] != "out" || s.low[k+1] != "of" {
			return
		}
		k += 2
	}
	if s.isPassiveAt(i) || s.modality(i, i+1) != Asserted {
		return
	}
	obj := s.typed(s.objectAfter(k, false), def, false)
	if len(obj) == 0 {
		return
	}
	subj := s.typed(s.subjectOf(i, 0), def, true)
	trigger := s.Span(i, k)
	for _, a := range subj {
		for _, b := range obj {
			if s.candIdentity(a) == s.candIdentity(b) || s.m(b.m).Type != org {
				continue
			}
			r := Relation{Type: MemberOf, Modality: Asserted, Time: s.timeAt(i), Trigger: trigger,
				Subject: s.arg(a), Object: s.arg(b), Attrs: map[string]string{"former": "true"}}
			r.Evidence = s.evidence(trigger, a, b)
			s.emit(r, def)
		}
	}
}

// isPassiveAt reports whether the participle at token i follows a form of
// "be" ("was left", "is quit").
func (s *Sentence) isPassiveAt(i int) bool {
	if s.toks[i].Tag != "VBN" {
		return false
	}
	j := i - 1
	for j >= 0 && (s.toks[j].Tag == "RB" || s.low[j] == "not" || s.low[j] == "n't") {
		j--
	}
	return j >= 0 && beForms[s.low[j]]
}

// groupNouns name organisations whose people are members: "Kiril
// Marichkov of Bulgarian rock band Shturtzite", "X of the opposition party
// Y".
var groupNouns = set(words("groupNouns")...)

// personOfGroup finds "PERSON(s) of [the] [adjectives] group-noun ORG" and
// records member-of for each person.
func (s *Sentence) personOfGroup() {
	n := len(s.low)
	def := s.x.lex.defs[MemberOf]
	for g := range s.groups {
		gr := &s.groups[g]
		if s.m(s.eps[gr.members[0]].m).Type != per || gr.end+2 >= n || s.low[gr.end] != "of" {
			continue
		}
		k := gr.end + 1
		if s.low[k] == "the" || s.low[k] == "a" {
			k++
		}
		noun := false
		for steps := 0; k < n && steps < 4 && s.epAt[k] < 0; steps++ {
			tag := s.toks[k].Tag
			if groupNouns[s.low[k]] {
				noun = true
			} else if !(isAdjTag(tag) || tag == "NN" || tag == "NNP" && s.ment[k] >= 0) {
				break
			}
			k++
		}
		if !noun || k >= n || s.epAt[k] < 0 || s.eps[s.epAt[k]].start != k || !groupNouns[s.low[k-1]] {
			continue
		}
		obj := s.typed([]cand{{m: s.eps[s.epAt[k]].m, tokStart: s.eps[s.epAt[k]].hs, tokEnd: s.eps[s.epAt[k]].he}}, def, false)
		if len(obj) == 0 {
			continue
		}
		persons, _ := s.groupCands(g)
		trigger := s.Span(gr.end, gr.end+1)
		for _, p := range persons {
			r := Relation{Type: MemberOf, Modality: Asserted, Time: s.timeAt(gr.end), Trigger: trigger,
				Subject: s.arg(p), Object: s.arg(obj[0]), Attrs: map[string]string{}}
			r.Evidence = s.evidence(trigger, p, obj[0])
			s.emit(r, def)
		}
	}
}

// takeByForceAt finds, at token i, "X took/attempted to take Y by (military) force" and
// records attacked(X, Y).
func (s *Sentence) takeByForceAt(i int) {
	n := len(s.low)
	def := s.x.lex.defs[Attacked]
	obj, e := s.objectAfterEnd(i+1, false)
	if len(obj) == 0 || e+1 >= n || s.low[e] != "by" {
		return
	}
	k := e + 1
	for k < n && k < e+4 && s.low[k] != "force" {
		k++
	}
	if k >= n || s.low[k] != "force" {
		return
	}
	subj := s.typed(s.subjectOf(i, 0), def, true)
	obj = s.typed(obj, def, false)
	trigger := s.Span(i, k+1)
	for _, a := range subj {
		for _, b := range obj {
			if s.candIdentity(a) == s.candIdentity(b) {
				continue
			}
			r := Relation{Type: Attacked, Modality: s.modality(i, i+1), Time: s.timeAt(i), Trigger: trigger,
				Subject: s.arg(a), Object: s.arg(b), Attrs: map[string]string{}}
			r.Evidence = s.evidence(trigger, a, b)
			s.emit(r, def)
		}
	}
}

// settleVerbs, after "agreed to", make an agreement of the parties that
// agree: "Somalia and Ethiopia agreed in Ankara to end a dispute".
var settleVerbs = stemSet(words("settleVerbs")...)

// agreeToSettleAt finds, at token i, "X and Y agreed (in Ankara, in
// December 2024) to end/settle/restore ..." and records treaty-between of
// the two or more parties of the subject.
func (s *Sentence) agreeToSettleAt(i int) {
	n := len(s.low)
	k := i + 1
	for ; k < n && k < i+12; k++ {
		w := s.low[k]
		if w == "to" {
			break
		}
		if m := s.ment[k]; m >= 0 && s.m(m).Type != per && s.m(m).Type != org {
			continue
		}
		if w != "in" && w != "on" && w != "at" && w != "," && w != "the" && w != "formally" && w != "finally" && w != "jointly" && w != "also" {
			return
		}
	}
	if k+1 >= n || s.low[k] != "to" || !settleVerbs[s.stm[k+1]] {
		return
	}
	def := s.x.lex.defs[TreatyBetween]
	parties := dedupe(s, s.typed(s.subjectOf(i, 0), def, true))
	if len(parties) < 2 {
		return
	}
	sort.SliceStable(parties, func(a, b int) bool { return parties[a].m < parties[b].m })
	trigger := s.Span(i, k+2)
	r := Relation{Type: TreatyBetween, Modality: s.modality(i, i+1), Time: s.timeAt(i), Trigger: trigger, Attrs: map[string]string{}}
	for _, p := range parties {
		r.Parties = append(r.Parties, *s.arg(p))
	}
	r.Evidence = s.evidence(trigger, parties...)
	s.emit(r, def)
}
