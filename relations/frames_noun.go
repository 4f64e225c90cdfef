package relations

import "strings"

// nounArgs finds the arguments of the trigger [t0, t1) used as a noun, in
// the noun phrase around it ([Sentence.nounFrame]): the parties of a
// symmetric type ([Sentence.nounParties]: "the treaty between Russia and
// Abkhazia") or the agent and patient of a directed one
// ([Sentence.nounDirected]: "Russia's recognition of Abkhazia"). It
// records the phrase's governing verb in s.nounGov and reports false when
// the noun speaks of another type ([Sentence.nounTriggerAllowed]).
func (s *Sentence) nounArgs(tr *trig, t0, t1 int, a *triggerArgs) bool {
	ni := s.nounFrame(t0, t1)
	s.nounGov = ni.gov
	if !s.nounTriggerAllowed(tr, t0, t1, &ni) {
		return false
	}
	if tr.def.symmetric {
		s.nounParties(tr, t0, t1, &ni, a)
	} else {
		s.nounDirected(tr, t1, &ni, a)
	}
	return true
}

// nounTriggerAllowed reports whether the nominal trigger [t0, t1), with
// the noun phrase ni, speaks of its type. It does not when a decision on
// an application ([Sentence.pendingDecision]) meets a trigger for another
// use of the noun; for a membership noun near a seeking word ("NATO
// membership bid") or in a compound that is no membership; for "accession
// talks", which negotiate a membership and are no meeting; and for a
// participation that is not frozen or suspended.
func (s *Sentence) nounTriggerAllowed(tr *trig, t0, t1 int, ni *nounInfo) bool {
	def := tr.def
	pending := s.pendingDecision(t0, t1, ni)
	if tr.pending != pending && (tr.pending || def.t == MemberOf && (s.low[t0] == "accession" || s.low[t0] == "membership")) {
		// The decision on an application belongs to
		// seeks-membership, every other use of the noun to member-of.
		return false
	}
	if def.t == MemberOf && tr.blockSeek && (s.hasStemIn(ni.npStart-4, ni.npStart, seekWords) || s.hasStemIn(t1, t1+2, seekWords) || s.hasStemIn(ni.npStart, t0, seekWords)) {
		return false
	}
	if def.t == MemberOf && ni.compStart < t0 && !s.allowedMemberCompound(ni.compStart, t0) {
		return false
	}
	if def.t == MetWith && s.hasStemIn(ni.compStart, t0, membershipNouns) {
		// "accession talks" negotiate a membership; they are no
		// meeting of the parties named around them.
		return false
	}
	if def.t == MemberOf && tr.words[len(tr.words)-1] == "participation" && (ni.gov < 0 || !endVerbs[s.stm[ni.gov]]) {
		// Only a frozen or suspended participation ("Armenia froze
		// its participation in the CSTO") speaks of membership.
		return false
	}
	return true
}

// pendingDecision reports whether the nominal trigger [t0, t1), followed
// by a word that is neither a noun nor in a mention, is decided on by a
// verb of [pendingVerbs]: as the object of that verb ("Turkey approved
// Sweden's accession to NATO") or as the subject of its passive
// ([Sentence.pendingPassive]: "Ukraine's membership in the EU is
// supported by Germany").
func (s *Sentence) pendingDecision(t0, t1 int, ni *nounInfo) bool {
	return t1 < len(s.low) && !isNounTag(s.toks[t1].Tag) && s.ment[t1] < 0 &&
		(ni.gov >= 0 && ni.gov < t0 && pendingVerbs[s.stm[ni.gov]] || ni.gov < 0 && s.pendingPassive(t1))
}

// govSubject returns the subject of the verb that governs the noun
// phrase ni when that verb's stem is in light ("Russia and China signed a
// treaty" with [symLight]), else nil.
func (s *Sentence) govSubject(ni *nounInfo, light map[string]bool) []cand {
	if ni.gov < 0 || !light[s.stm[ni.gov]] {
		return nil
	}
	return s.subjectOf(ni.gov, 0)
}

// nounParties gathers the parties of the symmetric nominal trigger
// [t0, t1): those named in its noun phrase ni
// ([Sentence.nounPhraseParties]), the visitor and the place after an
// arrival, the owner of allies ([Sentence.allyOwners]); it also records
// the name of a treaty ("the Treaty on Friendship and Cooperation").
func (s *Sentence) nounParties(tr *trig, t0, t1 int, ni *nounInfo, a *triggerArgs) {
	def := tr.def
	s.nounPhraseParties(def, t1, ni, a)
	if gov := s.arrivalBefore(ni.npStart); def.t == MetWith && gov >= 0 {
		// "Downer arrived in Beijing on Thursday for a four-day
		// visit": the visitor meets the government of the place.
		if place := s.placeAfterIn(gov+1, ni.npStart); len(place) > 0 {
			a.parties = append(a.parties, s.subjectOf(gov, 0)...)
			a.parties = append(a.parties, place...)
		}
	}
	if def.t == AlliedWith && t1-t0 == 1 && s.stm[t0] == "ally" && len(ni.between) == 0 && len(ni.of) == 0 && len(ni.appos) > 0 {
		s.allyOwners(t0, ni, a)
	}
	if def.t == TreatyBetween {
		switch {
		case ni.topicStart >= 0:
			a.attrs["treaty"] = s.text(ni.topicStart, ni.topicEnd)
		case ni.compStart < t0:
			a.attrs["treaty"] = s.text(ni.compStart, t1)
		}
	}
}

// nounPhraseParties adds to the parties those named in the noun phrase ni
// of a symmetric trigger ending at t1: "by", the possessor, the modifiers
// ([Sentence.modifierParties]), "between"; without "between", also
// "with", "of", an apposition, the phrase before, and the subject of a
// light or cancelling governing verb ("Orban postponed a meeting with
// Zelensky").
func (s *Sentence) nounPhraseParties(def *typeDef, t1 int, ni *nounInfo, a *triggerArgs) {
	a.parties = append(a.parties, ni.by...)
	a.parties = append(a.parties, ni.possessor...)
	a.parties = append(a.parties, ni.adjMods...)
	a.parties = s.modifierParties(a.parties, def, ni)
	a.parties = append(a.parties, ni.between...)
	if len(ni.between) > 0 {
		return
	}
	a.parties = append(a.parties, ni.with...)
	if def.t == AlliedWith && len(ni.of) == 1 && s.low[t1-1] != "alliance" {
		// "Japan and South Korea are allies of Washington".
		a.other = ni.of
	}
	if !(def.t == MetWith && len(ni.of) == 1 && s.m(ni.of[0].m).Type == org) {
		// "a summit of the SCO" is held by the organisation,
		// not with it.
		a.parties = append(a.parties, ni.of...)
	}
	a.parties = append(a.parties, ni.appos...)
	a.parties = append(a.parties, ni.before...)
	if len(a.parties) < 2 || len(ni.with) > 0 || len(ni.appos) == 0 {
		a.parties = append(a.parties, s.govSubject(ni, symLight)...)
		if def.t == MetWith && (ni.gov < 0 || s.stm[ni.gov] != "block") {
			// "Orban postponed a meeting with Zelensky"; but
			// who blocks talks need not take part in them.
			a.parties = append(a.parties, s.govSubject(ni, cancelVerbs)...)
		}
	}
}

// modifierParties appends to parties the nominal modifiers of the noun
// phrase ni of a symmetric trigger, but an organisation's own meeting
// ("the BRICS summit") and a pact's own name ("the AUKUS security pact").
func (s *Sentence) modifierParties(parties []cand, def *typeDef, ni *nounInfo) []cand {
	for _, c := range ni.nomMods {
		switch {
		case def.t == MetWith && len(ni.nomMods) == 1 && s.m(c.m).Type == org:
			// "the BRICS summit" is the organisation's own meeting.
		case (def.t == TreatyBetween || def.t == AlliedWith) && s.knownAlliance(c.m):
			// "the AUKUS security pact" names the pact.
		default:
			parties = append(parties, c)
		}
	}
	return parties
}

// allyOwners pairs each ally named in apposition to "allies" at t0 with
// their owner, rather than allying the group as a whole: "the US allies
// Japan and South Korea", "NATO and its allies Japan and Australia". The
// owner is the possessor or a modifier of the noun, or else the one name
// before "and its" or "and their", which then is also a party.
func (s *Sentence) allyOwners(t0 int, ni *nounInfo, a *triggerArgs) {
	owners := append(append(append([]cand{}, ni.possessor...), ni.nomMods...), ni.adjMods...)
	if len(owners) == 0 && t0 >= 3 && (s.low[t0-1] == "its" || s.low[t0-1] == "their") && s.low[t0-2] == "and" && s.epAt[t0-3] >= 0 {
		if c, _ := s.epCands(t0 - 3); len(c) == 1 {
			owners = c
			a.parties = append(a.parties, c...)
		}
	}
	if len(owners) == 1 {
		a.other = owners
	}
}

// nounDirected finds the agent and patient of the directed nominal
// trigger ending at t1 in its noun phrase ni. When the type's modifier is
// its patient and an organisation names the other side, the organisation
// is the patient: by "by" ("Moldova was granted candidate status by the
// EU") or as possessor ("Belarus became the SCO's tenth member",
// [Sentence.orgPossessorAgent]). Otherwise "by" names the agent, or
// [Sentence.nounAgent] finds it, and [Sentence.nounPatient] the patient.
// A phrase ending in "join" takes the object after it ("applied to join
// NATO").
func (s *Sentence) nounDirected(tr *trig, t1 int, ni *nounInfo, a *triggerArgs) {
	def := tr.def
	last := tr.words[len(tr.words)-1]
	orgPossessor := def.modPatient && len(ni.possessor) > 0 && len(ni.of) == 0 &&
		(last == "member" || last == "observer") && s.allOrgs(ni.possessor)
	byOrg := def.modPatient && len(ni.by) > 0 && len(ni.of) == 0 && len(ni.nomMods) == 0 && s.allOrgs(ni.by)
	switch {
	case byOrg:
		// The organisation grants; the subject holds the status.
		a.agent = s.govSubject(ni, dirLight)
		a.patient = ni.by
	case len(ni.by) > 0:
		// With an organisation as possessor, the patient stays
		// unknown.
		a.agent = ni.by
	case orgPossessor:
		a.agent = s.orgPossessorAgent(ni)
		a.patient = ni.possessor
	default:
		a.agent = s.nounAgent(tr, ni)
	}
	if !orgPossessor && !byOrg {
		a.patient = s.nounPatient(tr, t1, ni)
	}
	if len(tr.words) > 1 && last == "join" {
		a.patient = s.objectAfter(t1, false)
	}
}

// orgPossessorAgent returns the member when the possessor of a
// membership noun is the organisation ("Belarus became the SCO's tenth
// member"): the apposition, the phrase before the noun phrase ni, or the
// subject of its governing light verb.
func (s *Sentence) orgPossessorAgent(ni *nounInfo) []cand {
	switch {
	case len(ni.appos) > 0:
		return ni.appos
	case len(ni.before) > 0:
		return ni.before
	}
	return s.govSubject(ni, dirLight)
}

// nounAgent returns the agent of a directed nominal trigger whose noun
// phrase ni has no "by" and no organisation as possessor: the possessor
// ("Russia's recognition of Abkhazia"), an adjectival or nominal
// modifier unless the type's modifier is its patient (with the names
// joined in one token, both: "US-Israeli strikes on Iran"), an apposition
// to a one-word trigger, the phrase before, or else
// [Sentence.governingAgent].
func (s *Sentence) nounAgent(tr *trig, ni *nounInfo) []cand {
	def := tr.def
	switch {
	case len(ni.possessor) > 0:
		return ni.possessor
	case len(ni.adjMods) > 0 && !def.modPatient:
		if ni.joined {
			return append(append([]cand{}, ni.adjMods...), ni.nomMods...)
		}
		return ni.adjMods
	case len(ni.nomMods) > 0 && !def.modPatient:
		return ni.nomMods
	case len(ni.appos) > 0 && len(tr.words) == 1:
		return ni.appos
	case len(ni.before) > 0:
		return ni.before
	}
	return s.governingAgent(tr, ni)
}

// governingAgent returns the agent of a nominal trigger that its noun
// phrase ni does not name: the subject of a governing verb of [dirLight]
// ("Georgia launched an attack on ..."), or for a membership noun of
// [endVerbs] ("Uzbekistan suspended its membership in the CSTO"), else
// the state or organisation that an unresolved "its" before the noun
// refers to ([Sentence.itsAntecedent]: "sanctions imposed on Iraq after
// its invasion of Kuwait").
func (s *Sentence) governingAgent(tr *trig, ni *nounInfo) []cand {
	agent := s.govSubject(ni, dirLight)
	if len(agent) == 0 && tr.blockSeek {
		agent = s.govSubject(ni, endVerbs)
	}
	if len(agent) == 0 && ni.its >= 0 {
		if c, ok := s.itsAntecedent(ni.its); ok {
			agent = []cand{c}
		}
	}
	return agent
}

// nounPatient returns the patient of a directed nominal trigger ending
// at t1 from its noun phrase ni: the object of "of", then of another
// preposition ("sanctions on Iran"), of "with"; a modifier when the
// type's modifier is its patient ("NATO membership"; an adjectival one
// but for member-of); an apposition to a phrase not ending in "member";
// or nil.
func (s *Sentence) nounPatient(tr *trig, t1 int, ni *nounInfo) []cand {
	def := tr.def
	switch {
	case len(ni.of) > 0:
		return ni.of
	case len(ni.on) > 0:
		return ni.on
	case len(ni.with) > 0 && !def.modPatient:
		return ni.with
	case len(ni.nomMods) > 0 && def.modPatient:
		return ni.nomMods
	case len(ni.adjMods) > 0 && def.modPatient && def.t != MemberOf:
		return ni.adjMods
	case len(ni.appos) > 0 && len(tr.words) > 1 && !strings.HasPrefix(s.low[t1-1], "member"):
		return ni.appos
	}
	return nil
}
