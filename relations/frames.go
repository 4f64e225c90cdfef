package relations

import (
	"slices"
	"sort"
	"strings"

	"github.com/statecraft/statecraft/entities"
)

// symLight are verbs whose subject is a party of the treaty, alliance or
// meeting named by their object: "Russia and China signed a treaty".
var symLight = stemSet(words("symLight")...)

// dirLight are verbs whose subject is the agent of the directed relation
// named by their object: "Georgia launched an attack on ...", "Serbia
// holds observer status", "Armenia is a member of the CSTO".
var dirLight = stemSet(words("dirLight")...)

// endVerbs end a membership; their subject is the member, and the
// relation is negated by the verb itself: "Uzbekistan suspended its
// membership in the CSTO".
var endVerbs = stemSet(words("endVerbs")...)

// cancelVerbs, governing a meeting noun, say that the meeting did not
// take place: "postponed a meeting with", "called off the summit".
var cancelVerbs = stemSet(words("cancelVerbs")...)

// pendingVerbs decide on a membership that is still sought: "Turkey
// approved Sweden's accession to NATO", "Hungary blocked Ukraine's
// accession": whoever approves or blocks, the possessor seeks membership
// and is no member yet.
var pendingVerbs = stemSet(words("pendingVerbs")...)

// pendingPassive reports whether the first verb after token k is a form
// of "be" and a participle of [pendingVerbs] ("Ukraine's membership in
// the EU is supported by Germany"), within the clause.
func (s *Sentence) pendingPassive(k int) bool {
	n := len(s.low)
	for j := k; j < n && j < k+12; j++ {
		if s.cls[j]&wcClauseBreak != 0 {
			return false
		}
		if s.ment[j] >= 0 || !isVerbTag(s.toks[j].Tag) && !beForms[s.low[j]] {
			continue
		}
		if !beForms[s.low[j]] {
			return false
		}
		j++
		for j < n && (s.toks[j].Tag == "RB" || beForms[s.low[j]]) {
			j++
		}
		return j < n && s.toks[j].Tag == "VBN" && pendingVerbs[s.stm[j]]
	}
	return false
}

// seekWords mark a membership noun as sought rather than held.
var seekWords = stemSet(words("seekWords")...)

// findTriggers matches the trigger phrases of the Extractor in the
// sentence and applies their frames.
func (s *Sentence) findTriggers() {
	n := len(s.low)
	for i := 0; i < n && s.budget > 0; i++ {
		if s.ment[i] >= 0 || s.anaAt[i] >= 0 {
			continue
		}
		// The longest phrase that matches here is the trigger, for every
		// type that has it; its words are not read again as shorter
		// triggers ("applied to join" is not "join").
		if s.cls[i]&wcTrigger == 0 {
			continue
		}
		list := s.x.lex.triggers[s.stm[i]]
		matched := 0
		for _, tr := range list {
			l := len(tr.words)
			if i+l > n || matched > 0 && l < matched {
				continue
			}
			ok := true
			for k := 1; k < l; k++ {
				if s.ment[i+k] >= 0 || s.stm[i+k] != tr.words[k] {
					ok = false
					break
				}
			}
			if !ok {
				continue
			}
			matched = l
			s.applyTrigger(tr, i, i+l)
		}
		if matched > 1 {
			i += matched - 1
		}
	}
}

// triggerClass decides whether the trigger at [t0, t1) is used as a verb
// (true) or a noun (false), and whether its class is allowed.
func (s *Sentence) triggerClass(tr *trig, t0, t1 int) (verb, ok bool) {
	first, last := s.toks[t0].Tag, s.toks[t1-1].Tag
	verb = isVerbTag(first)
	if tr.phraseEndsPrep && (first == "VBN" || first == "JJ" || first == "VBD") {
		verb = true
	}
	// Words the tagger often gets wrong after a determiner or possessive.
	if verb && t0 > 0 && (determiners[s.low[t0-1]] && s.low[t0-1] != "that" && s.low[t0-1] != "both" && s.low[t0-1] != "all" || s.low[t0-1] == "'s" || s.toks[t0-1].Tag == "JJ") {
		verb = false
	}
	if !verb && first == "NNS" && t1-t0 == 1 && t0 > 0 && relPronouns[s.low[t0-1]] && t1 < len(s.low) && (s.ment[t1] >= 0 || determiners[s.low[t1]]) {
		// "The GCC, which groups Saudi Arabia, ...": a plural noun
		// between a relative pronoun and a name is its verb.
		verb = true
	}
	if !verb && tr.class == verbOnly && t1-t0 == 1 && s.misTaggedVerb(t0) {
		// "Turkey backs Azerbaijan".
		verb = true
	}
	switch tr.class {
	case verbOnly:
		return verb, verb
	case nounOnly:
		return false, !verb || first == "VBG" || t1-t0 > 1 && isNounTag(last)
	}
	return verb, isVerbTag(first) || isNounTag(first) || isAdjTag(first) || tr.phraseEndsPrep
}

// applyTrigger applies the frames of trigger tr matched at tokens
// [t0, t1). It reports whether a relation was found.
func (s *Sentence) applyTrigger(tr *trig, t0, t1 int) bool {
	verb, ok := s.triggerClass(tr, t0, t1)
	if !ok {
		return false
	}
	def := tr.def
	var agent, patient, parties []cand
	// other: for "X and Y are allies of Z", the one party on the other
	// side of each of the others: one relation per pair, not one of
	// three parties.
	var other []cand
	attrs := map[string]string{}
	if verb {
		passive := s.isPassive(tr, t0, t1)
		if passive {
			patient = s.subjectOf(t0, 0)
			if len(patient) == 0 && t0 >= 2 && s.low[t0-1] == "," && s.epAt[t0-2] >= 0 {
				patient, _ = s.epCands(t0 - 2)
			}
			k := t1
			for k < len(s.low) && s.toks[k].Tag == "RB" {
				k++
			}
			if k < len(s.low) && s.low[k] == "by" {
				agent = s.objectAfter(k+1, false)
			}
		} else {
			agent = s.subjectOf(t0, 0)
			patient = s.objectAfter(t1, tr.needMember)
			if def.t == MetWith && s.low[t0] == "visiting" && t0 > 0 && isVerbTag(s.toks[t0-1].Tag) && !auxWords[s.low[t0-1]] {
				// "Saddam told visiting Russian nationalist Zhirinovsky":
				// the visitor meets the subject of the verb before.
				agent = s.subjectOf(t0-1, 0)
			}
			if tr.meet && len(patient) == 0 && t1 < len(s.low) && s.low[t1] == "with" {
				patient = s.objectAfter(t1+1, false)
			}
			if tr.needMember && len(patient) == 0 {
				return false
			}
			if def.t == Opposes && strings.HasPrefix(s.low[t0], "accus") {
				// "accused Rwandan troops of fighting alongside the
				// rebels" blames what troops did, not their state.
				// The state's government is another matter: "accused
				// the Eritrean authorities of" opposes Eritrea.
				patient = slices.DeleteFunc(slices.Clone(patient), func(c cand) bool { return c.force && !s.governmentForce(c) })
			}
			if len(patient) == 0 && len(agent) > 0 && !def.symmetric {
				patient = s.relativeAntecedent(agent)
			}
			if def.t == Attacked && len(patient) == 0 {
				// "struck targets in Syria".
				patient = s.targetsIn(t1)
			}
		}
		if def.symmetric {
			if len(patient) == 0 {
				if tr.meet && !s.intransitive(t1) {
					return false
				}
				if !tr.meet && tr.phraseEndsPrep {
					return false
				}
			}
			if def.t == MetWith && (tr.words[0] == "visit" || tr.words[0] == "meet") && len(agent) == 0 && len(patient) > 0 {
				// "He had earlier visited Japan, South Korea and
				// China", "was scheduled to meet Chinese President
				// Jiang Zemin and Premier Li Peng": those visited or
				// met do not meet each other.
				return false
			}
			parties = append(append(parties, agent...), patient...)
			if def.t == MetWith && (tr.words[0] == "meet" || tr.words[0] == "visit") && len(agent) == 1 && len(patient) > 1 {
				// "Prodi will meet Demirel and Ciller": the one
				// visitor meets each of them, a pair each (but "held
				// talks with Israeli and Egyptian officials" is one
				// meeting of all).
				other = agent
			}
		}
	} else {
		ni := s.nounFrame(t0, t1)
		s.nounGov = ni.gov
		pending := t1 < len(s.low) && !isNounTag(s.toks[t1].Tag) && s.ment[t1] < 0 &&
			(ni.gov >= 0 && ni.gov < t0 && pendingVerbs[s.stm[ni.gov]] || ni.gov < 0 && s.pendingPassive(t1))
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
		govSubj := func(light map[string]bool) []cand {
			if ni.gov < 0 || !light[s.stm[ni.gov]] {
				return nil
			}
			return s.subjectOf(ni.gov, 0)
		}
		if def.symmetric {
			parties = append(parties, ni.by...)
			parties = append(parties, ni.possessor...)
			parties = append(parties, ni.adjMods...)
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
			parties = append(parties, ni.between...)
			if len(ni.between) == 0 {
				parties = append(parties, ni.with...)
				if def.t == AlliedWith && len(ni.of) == 1 && s.low[t1-1] != "alliance" {
					// "Japan and South Korea are allies of Washington".
					other = ni.of
				}
				if !(def.t == MetWith && len(ni.of) == 1 && s.m(ni.of[0].m).Type == org) {
					// "a summit of the SCO" is held by the organisation,
					// not with it.
					parties = append(parties, ni.of...)
				}
				parties = append(parties, ni.appos...)
				parties = append(parties, ni.before...)
				if len(parties) < 2 || len(ni.with) > 0 || len(ni.appos) == 0 {
					parties = append(parties, govSubj(symLight)...)
					if def.t == MetWith && (ni.gov < 0 || s.stm[ni.gov] != "block") {
						// "Orban postponed a meeting with Zelensky"; but
						// who blocks talks need not take part in them.
						parties = append(parties, govSubj(cancelVerbs)...)
					}
				}
			}
			if gov := s.arrivalBefore(ni.npStart); def.t == MetWith && gov >= 0 {
				// "Downer arrived in Beijing on Thursday for a four-day
				// visit": the visitor meets the government of the place.
				if place := s.placeAfterIn(gov+1, ni.npStart); len(place) > 0 {
					parties = append(parties, s.subjectOf(gov, 0)...)
					parties = append(parties, place...)
				}
			}
			if def.t == AlliedWith && t1-t0 == 1 && s.stm[t0] == "ally" && len(ni.between) == 0 && len(ni.of) == 0 && len(ni.appos) > 0 {
				// "the US allies Japan and South Korea", "NATO and its
				// allies Japan and Australia": each ally with the owner,
				// not a group allied as a whole.
				owners := append(append(append([]cand{}, ni.possessor...), ni.nomMods...), ni.adjMods...)
				if len(owners) == 0 && t0 >= 3 && (s.low[t0-1] == "its" || s.low[t0-1] == "their") && s.low[t0-2] == "and" && s.epAt[t0-3] >= 0 {
					if c, _ := s.epCands(t0 - 3); len(c) == 1 {
						owners = c
						parties = append(parties, c...)
					}
				}
				if len(owners) == 1 {
					other = owners
				}
			}
			if def.t == TreatyBetween {
				switch {
				case ni.topicStart >= 0:
					attrs["treaty"] = s.text(ni.topicStart, ni.topicEnd)
				case ni.compStart < t0:
					attrs["treaty"] = s.text(ni.compStart, t1)
				}
			}
		} else {
			// Agent: "by", possessor, adjectival modifier, apposition,
			// governing verb.
			orgPossessor := def.modPatient && len(ni.possessor) > 0 && len(ni.of) == 0 &&
				(tr.words[len(tr.words)-1] == "member" || tr.words[len(tr.words)-1] == "observer") && s.allOrgs(ni.possessor)
			byOrg := def.modPatient && len(ni.by) > 0 && len(ni.of) == 0 && len(ni.nomMods) == 0 && s.allOrgs(ni.by)
			switch {
			case byOrg:
				// "Moldova was granted candidate status by the EU": the
				// organisation grants; the subject holds the status.
				agent = govSubj(dirLight)
				patient = ni.by
			case len(ni.by) > 0:
				agent = ni.by
			case orgPossessor:
				// "Belarus became the SCO's tenth member": the possessor
				// is the organisation.
				switch {
				case len(ni.appos) > 0:
					agent = ni.appos
				case len(ni.before) > 0:
					agent = ni.before
				default:
					agent = govSubj(dirLight)
				}
				patient = ni.possessor
			case len(ni.possessor) > 0:
				agent = ni.possessor
			case len(ni.adjMods) > 0 && !def.modPatient:
				agent = ni.adjMods
				if ni.joined {
					agent = append(append([]cand{}, ni.adjMods...), ni.nomMods...)
				}
			case len(ni.nomMods) > 0 && !def.modPatient:
				agent = ni.nomMods
			case len(ni.appos) > 0 && len(tr.words) == 1:
				agent = ni.appos
			case len(ni.before) > 0:
				agent = ni.before
			default:
				agent = govSubj(dirLight)
				if len(agent) == 0 && tr.blockSeek {
					// "Uzbekistan suspended its membership in the CSTO".
					agent = govSubj(endVerbs)
				}
				if len(agent) == 0 && ni.its >= 0 {
					// "sanctions imposed on Iraq after its invasion of
					// Kuwait": the state or organisation named last
					// before "its".
					if c, ok := s.itsAntecedent(ni.its); ok {
						agent = []cand{c}
					}
				}
			}
			switch {
			case orgPossessor, byOrg:
			case len(ni.of) > 0:
				patient = ni.of
			case len(ni.on) > 0:
				patient = ni.on
			case len(ni.with) > 0 && !def.modPatient:
				patient = ni.with
			case len(ni.nomMods) > 0 && def.modPatient:
				patient = ni.nomMods
			case len(ni.adjMods) > 0 && def.modPatient && def.t != MemberOf:
				patient = ni.adjMods
			case len(ni.appos) > 0 && len(tr.words) > 1 && !strings.HasPrefix(s.low[t1-1], "member"):
				patient = ni.appos
			}
			if len(tr.words) > 1 && (tr.words[len(tr.words)-1] == "join") {
				patient = s.objectAfter(t1, false)
			}
		}
	}
	if def.t == ObserverOf && len(patient) == 0 && len(agent) > 0 {
		patient = s.topicOrg(t0)
	}
	if def.t == MemberOf && !verb && len(patient) == 0 && len(agent) > 0 && s.low[t1-1] == "member" && s.nounGov >= 0 && statusVerbs[s.stm[s.nounGov]] {
		// "Finland applied to join NATO. It became a member in 2023."
		patient = s.implicitOrg(t0, t1, agent)
	}
	mod := s.modalityOf(t0, t1, !verb)
	if tr.pending {
		// "Turkey may veto Sweden's accession": Sweden seeks membership
		// whatever becomes of the decision.
		mod = Asserted
	}
	if verb && mod == Asserted && s.toks[t0].Tag == "VBG" {
		if g := s.gerundComplement(t0); g >= 0 {
			mod = Possible
			if s.modality(g, g+1) == Negated {
				mod = Negated
			}
		}
	}
	if !verb && def.t == MetWith && s.nounGov >= 0 && cancelVerbs[s.stm[s.nounGov]] && (s.stm[s.nounGov] != "call" || s.nounGov+1 < len(s.low) && s.low[s.nounGov+1] == "off") {
		// "postponed a meeting with Zelensky", "called off the talks":
		// the meeting did not take place.
		mod = Negated
	}
	if !verb && mod == Asserted && tr.blockSeek && s.nounGov >= 0 && !dirLight[s.stm[s.nounGov]] {
		// "Hungary has blocked Sweden's NATO membership": envisaged.
		mod = Possible
	}
	trigger := s.Span(t0, t1)
	time := s.timeAt(t0)
	if def.t == MetWith {
		if p := s.placeAfter(t1); p != "" {
			attrs["place"] = p
		}
	}
	found := false
	if def.symmetric && !verb && def.t == AlliedWith && s.stm[t1-1] == "ally" && t1-t0 == 1 {
		if bloc := s.allianceModifier(t0); bloc >= 0 {
			// "NATO allies Poland and Lithuania", "Poland, a NATO ally":
			// the states are members of the alliance, not its allies.
			return s.emitBlocMembers(bloc, parties, mod, time, trigger)
		}
	}
	if def.symmetric {
		parties = s.typed(parties, def, true)
		parties = dedupe(s, parties)
		sort.SliceStable(parties, func(i, j int) bool { return parties[i].m < parties[j].m })
		if len(parties) < 2 {
			return false
		}
		if other = s.typed(other, def, true); len(other) == 1 && len(parties) > 2 {
			o := s.candIdentity(other[0])
			kept := false
			for _, p := range parties {
				if s.candIdentity(p) == o {
					continue
				}
				pair := []cand{p, other[0]}
				sort.SliceStable(pair, func(i, j int) bool { return pair[i].m < pair[j].m })
				r := Relation{Type: def.t, Modality: mod, Time: time, Trigger: trigger, Attrs: copyAttrs(attrs)}
				for _, q := range pair {
					r.Parties = append(r.Parties, *s.arg(q))
				}
				r.Evidence = s.evidence(trigger, pair...)
				if s.emit(r, def) {
					kept = true
				}
			}
			return kept
		}
		r := Relation{Type: def.t, Modality: mod, Time: time, Trigger: trigger, Attrs: attrs}
		for _, p := range parties {
			r.Parties = append(r.Parties, *s.arg(p))
		}
		r.Evidence = s.evidence(trigger, parties...)
		return s.emit(r, def)
	}
	subj, obj := agent, patient
	if tr.inverse {
		subj, obj = patient, agent
	}
	if comp := s.companions(t1); len(comp) > 0 {
		// "Moldova was granted candidate status by the EU in June 2022,
		// together with Ukraine": the companion shares the side named
		// before the trigger.
		before := func(cs []cand) bool { return len(cs) > 0 && cs[0].tokStart < t0 }
		switch {
		case before(subj) && !before(obj):
			subj = append(append([]cand{}, subj...), comp...)
		case before(obj) && !before(subj):
			obj = append(append([]cand{}, obj...), comp...)
		}
	}
	subj = s.typed(subj, def, true)
	obj = s.typed(obj, def, false)
	for _, a := range subj {
		for _, b := range obj {
			if s.candIdentity(a) == s.candIdentity(b) {
				continue
			}
			d := def
			if def.t == Attacked && verb && s.stm[t0] == "attack" && s.m(a.m).Type == per && !a.force {
				// "Trump attacked Trudeau": a politician's attack is
				// one of words.
				d = s.x.lex.defs[Opposes]
			}
			r := Relation{Type: d.t, Modality: mod, Time: time, Trigger: trigger, Attrs: copyAttrs(attrs),
				Subject: s.arg(a), Object: s.arg(b)}
			r.Evidence = s.evidence(trigger, a, b)
			if s.emit(r, d) {
				found = true
			}
			if s.budget <= 0 {
				return found
			}
		}
	}
	return found
}

// companionWindow bounds the search for a trailing companion.
const companionWindow = 20

// companions returns the names of a trailing ", together with Y" or ",
// along with Y" that closes the sentence after the trigger ending at t1,
// with no verb in between; else nil.
func (s *Sentence) companions(t1 int) []cand {
	n := len(s.low)
	for k := t1; k+3 < n && k-t1 < companionWindow; k++ {
		w := s.low[k]
		if s.ment[k] < 0 && isVerbTag(s.toks[k].Tag) || w == ";" || relPronouns[w] {
			return nil
		}
		if (w == "together" || w == "along") && k > t1 && s.low[k+1] == "with" && s.epAt[k+2] >= 0 {
			// Without the comma: "had applied to join NATO together with
			// Finland in May 2022".
			k--
		} else if w != "," || s.low[k+1] != "together" && s.low[k+1] != "along" || s.low[k+2] != "with" || s.epAt[k+3] < 0 {
			continue
		}
		c, end := s.epCands(k + 3)
		end = s.skipDatePhrase(end)
		if end < n && s.low[end] != "." && s.low[end] != "," {
			return nil
		}
		return c
	}
	return nil
}

// skipDatePhrase returns the token after a preposition and DATE mention
// that start at k ("in May 2022"), else k.
func (s *Sentence) skipDatePhrase(k int) int {
	n := len(s.low)
	if k+1 >= n || !prepositions[s.low[k]] || s.ment[k+1] < 0 || s.m(s.ment[k+1]).Type != entities.Date {
		return k
	}
	m, j := s.ment[k+1], k+1
	for j < n && s.ment[j] == m {
		j++
	}
	return j
}

func copyAttrs(a map[string]string) map[string]string {
	out := make(map[string]string, len(a))
	for k, v := range a {
		out[k] = v
	}
	return out
}

// isPassive reports whether the verb trigger [t0, t1) is passive: a past
// participle after a form of "be" ("was recognised by"), or a reduced
// relative followed by "by" ("Kosovo, recognized by ...").
func (s *Sentence) isPassive(tr *trig, t0, t1 int) bool {
	if tr.phraseEndsPrep || t1-t0 > 1 {
		return false
	}
	tag := s.toks[t0].Tag
	if tag != "VBN" && tag != "VBD" {
		return false
	}
	j := t0 - 1
	for j >= 0 && (s.toks[j].Tag == "RB" || s.low[j] == "not" || s.low[j] == "n't") {
		j--
	}
	if j >= 0 && beForms[s.low[j]] && s.low[j] != "become" && s.low[j] != "remain" {
		return true
	}
	k := t1
	for k < len(s.low) && s.toks[k].Tag == "RB" {
		k++
	}
	return k < len(s.low) && s.low[k] == "by" && j >= 0 && s.low[j] == ","
}

// intransitive reports whether "met" at the token before k is used without
// an object: followed by a preposition other than a "with" without an
// entity, a date, an adverb, punctuation or the end of the sentence.
func (s *Sentence) intransitive(k int) bool {
	n := len(s.low)
	if k >= n {
		return true
	}
	w := s.low[k]
	if m := s.ment[k]; m >= 0 {
		return s.m(m).Type == entities.Date
	}
	switch {
	case w == "with":
		return false
	case isPunct(w) || w == "and" || w == "but":
		return true
	case s.toks[k].Tag == "IN" || s.toks[k].Tag == "RB" || s.toks[k].Tag == "TO":
		return true
	case w == "last" || w == "yesterday" || w == "today" || w == "twice" || w == "again" || w == "face-to-face":
		return true
	}
	return false
}

// placeAfter returns the canonical name of the place after "in" or "at"
// following a met-with trigger within its clause.
func (s *Sentence) placeAfter(k int) string {
	n := len(s.low)
	for j := k; j < n && j < k+12; j++ {
		w := s.low[j]
		if w == "," || w == ";" || w == "." || relPronouns[w] {
			return ""
		}
		if (w == "in" || w == "at") && j+1 < n {
			e := j + 1
			if s.low[e] == "the" && e+1 < n {
				e++
			}
			if m := s.ment[e]; m >= 0 {
				mm := s.m(m)
				if (mm.Type == loc || mm.Type == sta) && !mm.Adjectival {
					return mm.Name
				}
			}
		}
	}
	return ""
}

// topicOrg returns the organisation a sentence is about, for an observer
// clause that names none ("(with Serbia and Afghanistan holding an
// observer status)"): the object of the last member-of relation found in
// the sentence before token t, else the nearest membership organisation
// before t.
func (s *Sentence) topicOrg(t int) []cand {
	tokStart := s.toks[t].Start
	for i := len(s.rels) - 1; i >= 0; i-- {
		r := &s.rels[i]
		if r.Type == MemberOf && r.Object != nil && r.Trigger.Start < tokStart {
			m := r.Object.Entity
			return []cand{{m: m, tokStart: s.mStart(m), tokEnd: s.mEnd(m)}}
		}
	}
	for j := t - 1; j >= 0; j-- {
		m := s.ment[j]
		if m < 0 || s.m(m).Type != org {
			continue
		}
		if s.categoryOK(m, membershipCats) {
			return []cand{{m: m, tokStart: s.mStart(m), tokEnd: s.mEnd(m)}}
		}
		j = s.mStart(m)
	}
	return nil
}

// statusVerbs are the verbs that give their subject a status: "became a
// member".
var statusVerbs = stemSet(words("statusVerbs")...)

// implicitOrg returns the organisation of a bare "member" at tokens
// [t0, t1) that names none: the one organisation named before it in the
// sentence, else in the nearest previous sentence that names any (as
// for "the organisation"); one of a previous sentence is marked as
// resolved, with the noun as its anaphor. Only states and organisations
// are members of an organisation left implicit, and only of one the
// gazetteer knows ("He was the oldest member" names a club, a band, a
// committee as often).
func (s *Sentence) implicitOrg(t0, t1 int, agent []cand) []cand {
	if s.x.cfg.noCoref {
		return nil
	}
	for _, a := range agent {
		if t := s.m(a.m).Type; t != sta && t != org {
			return nil
		}
	}
	cs, ok := s.resolveOrg(t0, orgAny)
	if !ok || len(cs) != 1 || s.m(cs[0].m).ID == "" {
		return nil
	}
	c := cs[0]
	if c.m >= s.m0 && c.m < s.m1 {
		c.tokStart, c.tokEnd = s.mStart(c.m), s.mEnd(c.m)
	} else {
		c.anaphor, c.aStart, c.aEnd, c.tokStart, c.tokEnd = true, t0, t1, t0, t1
	}
	return []cand{c}
}

// knownAlliance reports whether mention m is an organisation that the
// gazetteer lists as an alliance (NATO, AUKUS).
func (s *Sentence) knownAlliance(m int) bool {
	mm := s.m(m)
	return mm.Type == org && !mm.Adjectival && mm.ID != "" && s.categoryOK(m, allianceCats)
}

var allianceCats = set(words("allianceCats")...)

// categoryOK reports whether an ORG mention passes a category constraint:
// unknown to the gazetteer, or of an allowed category.
func (s *Sentence) categoryOK(m int, cats map[string]bool) bool {
	if cats == nil {
		return true
	}
	mm := s.m(m)
	if mm.Type != org || mm.ID == "" {
		return true
	}
	c, ok := s.x.orgCats[mm.ID]
	if !ok {
		return true
	}
	return cats[c]
}

// forceTypes are the types whose arguments may be a state or organisation
// standing for its forces ("Russian troops attacked ...").
var forceTypes = map[Type]bool{Attacked: true, Opposes: true, MetWith: true, AlliedWith: true}

// typed keeps the candidates whose entity type def allows as subjects
// (subject true) or objects, and, for organisations as objects, whose
// category it allows. A place that the type does not allow but that
// stands for a state (a capital such as "Moscow", or a mention marked
// Metonymy) is kept as that state.
func (s *Sentence) typed(cs []cand, def *typeDef, subject bool) []cand {
	types, cats := def.obj, def.cats
	if subject {
		types, cats = def.subj, nil
	}
	out := cs[:0:0]
	for _, c := range cs {
		if c.force && !forceTypes[def.t] {
			continue
		}
		mm := s.m(c.m)
		t := mm.Type
		if def.t == MetWith && t == org && s.x.orgCats[mm.ID] == "media" {
			continue // "phoned Reuters", "told the BBC": no meeting with a newsroom
		}
		if t == per && !types[per] && (def.t == TreatyBetween || def.t == AlliedWith) {
			// "The two leaders signed 15 agreements": the state each
			// leader was named an official of in the document.
			if o, ok := s.dc.stateOf(c.m); ok {
				if !c.anaphor {
					c.aStart, c.aEnd = c.tokStart, c.tokEnd
				}
				c.m, c.anaphor, c.force = o, true, false
				out = append(out, c)
			}
			continue
		}
		if t == loc && !types[loc] && types[sta] {
			st, ok := s.x.stateOf(mm)
			if !ok {
				continue
			}
			c.state = st
			out = append(out, c)
			continue
		}
		if !types[t] {
			continue
		}
		if t == org && !s.categoryOK(c.m, cats) {
			continue
		}
		out = append(out, c)
	}
	return out
}

// candIdentity names the entity a candidate stands for.
func (s *Sentence) candIdentity(c cand) string {
	if c.state != nil {
		return c.state.ID
	}
	return identity(s.m(c.m))
}

// dedupe drops candidates that name the same entity as an earlier one.
func dedupe(s *Sentence, cs []cand) []cand {
	out := cs[:0:0]
	seen := map[string]bool{}
	for _, c := range cs {
		id := s.candIdentity(c)
		if seen[id] {
			continue
		}
		seen[id] = true
		out = append(out, c)
	}
	return out
}

// arg builds the Arg of a candidate.
func (s *Sentence) arg(c cand) *Arg {
	m := s.m(c.m)
	a := &Arg{Entity: c.m, ID: m.ID, Name: m.Name, Text: m.Text}
	if c.state != nil {
		a.ID, a.Name = c.state.ID, c.state.Name
	}
	if c.anaphor {
		sp := s.Span(c.aStart, c.aEnd)
		a.Anaphor = &sp
	}
	return a
}

// evidence returns the span from the first to the last of the trigger and
// the candidates' phrases in this sentence.
func (s *Sentence) evidence(trigger Span, cs ...cand) Span {
	a, b := trigger.Start, trigger.End
	for _, c := range cs {
		var cs, ce int
		if c.anaphor || c.m < s.m0 || c.m >= s.m1 {
			if c.aStart < c.aEnd {
				cs, ce = s.toks[c.aStart].Start, s.toks[c.aEnd-1].End
			} else {
				continue
			}
		} else {
			mm := s.m(c.m)
			cs, ce = mm.Start, mm.End
		}
		a, b = min(a, cs), max(b, ce)
	}
	return Span{Text: s.Doc.Text[a:b], Start: a, End: b}
}

// emit records a relation found in the sentence, within the sentence's
// budget. It reports whether the relation was kept.
func (s *Sentence) emit(r Relation, def *typeDef) bool {
	if s.budget <= 0 {
		return false
	}
	r.Sentence = s.Index
	if r.Attrs == nil {
		r.Attrs = map[string]string{}
	}
	cost := 1 + len(r.Parties)
	s.budget -= cost
	s.rels = append(s.rels, r)
	return true
}

// memberCompounds may modify "member" without changing its sense.
var memberCompounds = set(words("memberCompounds")...)

// allowedMemberCompound reports whether the words [a, b) before "member"
// keep its sense of membership ("founding member") rather than making it
// staff or kin ("faculty member", "board member", "family member").
func (s *Sentence) allowedMemberCompound(a, b int) bool {
	for k := a; k < b; k++ {
		if !memberCompounds[s.low[k]] && !isOrdinal(s.low[k]) && s.low[k] != "latest" && s.ment[k] < 0 {
			return false
		}
	}
	return true
}

// gerundComplement reports whether the -ing trigger at t0 heads a gerund
// clause that is the object of a preposition or verb ("dissatisfaction
// with ASEAN joining APEC", "will never accept Ukraine joining NATO"): the
// event is envisaged, not asserted. It returns the token before the
// gerund's subject, or -1.
func (s *Sentence) gerundComplement(t0 int) int {
	j := t0 - 1
	if j < 0 || s.epAt[j] < 0 {
		return -1
	}
	k := s.groups[s.eps[s.epAt[j]].group].start - 1
	if k >= 0 && s.ment[k] < 0 && (s.toks[k].Tag == "IN" && !relPronouns[s.low[k]] || isVerbTag(s.toks[k].Tag) && !auxWords[s.low[k]]) {
		return k
	}
	return -1
}

// allOrgs reports whether the candidates are all organisations.
func (s *Sentence) allOrgs(cs []cand) bool {
	for _, c := range cs {
		if s.m(c.m).Type != org {
			return false
		}
	}
	return len(cs) > 0
}

// targetNouns name what an attack hits inside a place: "struck targets in
// Syria", "shelled positions in Ukraine".
var targetNouns = set(words("targetNouns")...)

// targetsIn returns the place after "targets in" (up to three
// determiners, numbers and adjectives before the noun) starting at token
// k, or nil.
func (s *Sentence) targetsIn(k int) []cand {
	n := len(s.low)
	for steps := 0; k < n && steps < 3 && s.ment[k] < 0 && (determiners[s.low[k]] || s.toks[k].Tag == "CD" || isAdjTag(s.toks[k].Tag)); steps++ {
		k++
	}
	if k+1 >= n || s.ment[k] >= 0 || !targetNouns[s.low[k]] || s.low[k+1] != "in" && s.low[k+1] != "inside" && s.low[k+1] != "across" {
		return nil
	}
	return s.objectAfter(k+2, false)
}

// allianceModifier returns the mention of a known alliance that directly
// modifies the noun at t ("NATO allies", "fellow NATO ally"), or -1.
func (s *Sentence) allianceModifier(t int) int {
	if t == 0 {
		return -1
	}
	m := s.ment[t-1]
	if m < 0 || !s.knownAlliance(m) || s.mEnd(m) != t {
		return -1
	}
	return m
}

// emitBlocMembers emits member-of of each party but the alliance bloc:
// "NATO allies Poland and Lithuania". It reports whether one was emitted.
func (s *Sentence) emitBlocMembers(bloc int, parties []cand, mod Modality, time string, trigger Span) bool {
	def := s.x.lex.defs[MemberOf]
	var blocCand []cand
	var members []cand
	for _, p := range parties {
		if p.m == bloc {
			blocCand = append(blocCand, p)
		} else {
			members = append(members, p)
		}
	}
	if len(blocCand) == 0 {
		blocCand = []cand{{m: bloc, tokStart: s.mStart(bloc), tokEnd: s.mEnd(bloc)}}
	}
	members = s.typed(members, def, true)
	obj := s.typed(blocCand[:1], def, false)
	if len(obj) == 0 {
		return false
	}
	found := false
	for _, a := range members {
		if s.m(a.m).Type != sta || s.candIdentity(a) == s.candIdentity(obj[0]) {
			continue
		}
		r := Relation{Type: MemberOf, Modality: mod, Time: time, Trigger: trigger, Attrs: map[string]string{},
			Subject: s.arg(a), Object: s.arg(obj[0])}
		r.Evidence = s.evidence(trigger, a, obj[0])
		if s.emit(r, def) {
			found = true
		}
	}
	return found
}

// relativeAntecedent returns, for an agent that opens an object relative
// clause ("Somaliland, which Ethiopia had offered to recognise"), the
// group the clause is about; else nil. "That" is left out: it is as often
// a complementizer ("told Kyiv that Russia would attack").
func (s *Sentence) relativeAntecedent(agent []cand) []cand {
	a := agent[0].tokStart
	for _, c := range agent[1:] {
		a = min(a, c.tokStart)
	}
	if a < 2 || agent[0].anaphor || s.low[a-1] != "which" {
		return nil
	}
	k := a - 2
	if s.low[k] == "," {
		k--
	}
	if k < 0 || s.epAt[k] < 0 {
		return nil
	}
	c, _ := s.epCands(k)
	return c
}

// governmentNouns are the force nouns that name a state's government
// rather than its armed forces: "the Eritrean authorities".
var governmentNouns = set(words("governmentNouns")...)

// governmentForce reports whether force candidate c stands for its state's
// government: its force noun (right after it, or after one adjective) is
// one of governmentNouns.
func (s *Sentence) governmentForce(c cand) bool {
	for k := c.tokEnd; k < len(s.low) && k <= c.tokEnd+1; k++ {
		if forceNouns[s.low[k]] {
			return governmentNouns[s.low[k]]
		}
	}
	return false
}

// arrivalVerbs are the stems of verbs of arriving somewhere for a visit
// or talks.
var arrivalVerbs = stemSet(words("arrivalVerbs")...)

// arrivalBefore returns the nearest verb before token k (within a few
// words) when it is one of arrivalVerbs ("arrived in Beijing on Thursday
// for a visit"), or -1.
func (s *Sentence) arrivalBefore(k int) int {
	for j := k - 1; j >= 0 && j >= k-10; j-- {
		if s.low[j] == "," || s.low[j] == ";" {
			return -1
		}
		if s.ment[j] < 0 && isVerbTag(s.toks[j].Tag) {
			if arrivalVerbs[s.stm[j]] {
				return j
			}
			return -1
		}
	}
	return -1
}

// placeAfterIn returns the entity phrase after "in" or "to" at token k
// (after adverbs), before token end: "arrived in Beijing", "flew to
// Ottawa".
func (s *Sentence) placeAfterIn(k, end int) []cand {
	for k < end && s.toks[k].Tag == "RB" {
		k++
	}
	if k+1 >= end || (s.low[k] != "in" && s.low[k] != "to") || s.epAt[k+1] < 0 || s.eps[s.epAt[k+1]].start != k+1 {
		return nil
	}
	c, _ := s.epCands(k + 1)
	return c
}
