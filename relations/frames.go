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
// (true) or a noun (false) ([Sentence.verbUse]), and whether its class is
// allowed: a verb-only trigger as a verb; a noun-only trigger as a noun,
// a gerund, or a phrase ending in a noun ("peace treaty"); any other
// starting with a verb, noun or adjective, or ending in a preposition.
func (s *Sentence) triggerClass(tr *trig, t0, t1 int) (verb, ok bool) {
	first, last := s.toks[t0].Tag, s.toks[t1-1].Tag
	verb = s.verbUse(tr, t0, t1)
	switch tr.class {
	case verbOnly:
		return verb, verb
	case nounOnly:
		return false, !verb || first == "VBG" || t1-t0 > 1 && isNounTag(last)
	}
	return verb, isVerbTag(first) || isNounTag(first) || isAdjTag(first) || tr.phraseEndsPrep
}

// verbUse reports whether the trigger at [t0, t1) is used as a verb: its
// first word is tagged as a verb, or as a participle or adjective in a
// phrase ending in a preposition ("allied with", "opposed to"); then the
// tags the tagger often gets wrong are corrected: no verb after a
// determiner, possessive or adjective ([Sentence.afterDeterminer]), a
// plural noun as the verb of a relative clause
// ([Sentence.verbAfterRelative]), a verb-only word tagged as a plural noun
// between names ("Turkey backs Azerbaijan", [Sentence.misTaggedVerb]).
func (s *Sentence) verbUse(tr *trig, t0, t1 int) bool {
	first := s.toks[t0].Tag
	verb := isVerbTag(first) || tr.phraseEndsPrep && (first == "VBN" || first == "JJ" || first == "VBD")
	if verb && s.afterDeterminer(t0) {
		verb = false
	}
	if !verb && first == "NNS" && t1-t0 == 1 && s.verbAfterRelative(t0, t1) {
		verb = true
	}
	if !verb && tr.class == verbOnly && t1-t0 == 1 && s.misTaggedVerb(t0) {
		verb = true
	}
	return verb
}

// afterDeterminer reports whether token t0 follows a determiner (but
// "that", "both" and "all"), a possessive "'s" or an adjective, after
// which a word tagged as a verb is a noun ("Russia's support").
func (s *Sentence) afterDeterminer(t0 int) bool {
	if t0 == 0 {
		return false
	}
	w := s.low[t0-1]
	return determiners[w] && w != "that" && w != "both" && w != "all" || w == "'s" || s.toks[t0-1].Tag == "JJ"
}

// verbAfterRelative reports whether the one-token trigger [t0, t1), a
// plural noun, stands between a relative pronoun and a name or
// determiner, and so is the verb of the relative clause: "The GCC, which
// groups Saudi Arabia, ...".
func (s *Sentence) verbAfterRelative(t0, t1 int) bool {
	return t0 > 0 && relPronouns[s.low[t0-1]] && t1 < len(s.low) && (s.ment[t1] >= 0 || determiners[s.low[t1]])
}

// triggerArgs are the arguments found around one trigger: the agent and
// patient of a directed relation, the parties of a symmetric one, and the
// relation's attributes. other is, for "X and Y are allies of Z", the one
// party on the other side of each of the others: one relation per pair,
// not one of three parties.
type triggerArgs struct {
	agent, patient []cand
	parties, other []cand
	attrs          map[string]string
}

// applyTrigger applies the frames of trigger tr matched at tokens
// [t0, t1). It reports whether a relation was found.
//
// It goes in stages: the trigger's use as a verb or a noun
// ([Sentence.triggerClass]); its arguments ([Sentence.verbArgs],
// [Sentence.nounArgs]); a patient the phrase leaves implicit
// ([Sentence.implicitPatient]); the modality
// ([Sentence.triggerModality]); the relations, of a bloc's members
// ([Sentence.emitBlocMembers]), symmetric ([Sentence.emitSymmetric]) or
// directed ([Sentence.emitDirected]).
func (s *Sentence) applyTrigger(tr *trig, t0, t1 int) bool {
	verb, ok := s.triggerClass(tr, t0, t1)
	if !ok {
		return false
	}
	def := tr.def
	a := triggerArgs{attrs: map[string]string{}}
	if verb {
		ok = s.verbArgs(tr, t0, t1, &a)
	} else {
		ok = s.nounArgs(tr, t0, t1, &a)
	}
	if !ok {
		return false
	}
	s.implicitPatient(tr, t0, t1, verb, &a)
	mod := s.triggerModality(tr, t0, t1, verb)
	trigger := s.Span(t0, t1)
	time := s.timeAt(t0)
	if def.t == MetWith {
		if p := s.placeAfter(t1); p != "" {
			a.attrs["place"] = p
		}
	}
	if def.symmetric && !verb && def.t == AlliedWith && s.stm[t1-1] == "ally" && t1-t0 == 1 {
		if bloc := s.allianceModifier(t0); bloc >= 0 {
			// "NATO allies Poland and Lithuania", "Poland, a NATO ally":
			// the states are members of the alliance, not its allies.
			return s.emitBlocMembers(bloc, a.parties, mod, time, trigger)
		}
	}
	if def.symmetric {
		return s.emitSymmetric(def, &a, mod, time, trigger)
	}
	return s.emitDirected(tr, t0, t1, verb, &a, mod, time, trigger)
}

// verbArgs finds the arguments of the trigger [t0, t1) used as a verb,
// passive ([Sentence.passiveArgs]) or active ([Sentence.activeArgs]), and
// for a symmetric type gathers them as parties ([Sentence.verbParties]).
// It reports whether the frame applies.
func (s *Sentence) verbArgs(tr *trig, t0, t1 int, a *triggerArgs) bool {
	if s.isPassive(tr, t0, t1) {
		a.agent, a.patient = s.passiveArgs(t0, t1)
	} else if !s.activeArgs(tr, t0, t1, a) {
		return false
	}
	if tr.def.symmetric {
		return s.verbParties(tr, t1, a)
	}
	return true
}

// passiveArgs finds the arguments of the passive verb trigger [t0, t1):
// the patient is its subject, or the entity phrase before a comma right
// before it, and the agent follows "by", after adverbs ("Abkhazia was
// recognized by Russia").
func (s *Sentence) passiveArgs(t0, t1 int) (agent, patient []cand) {
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
	return agent, patient
}

// activeArgs finds the arguments of the active verb trigger [t0, t1): the
// agent is its subject and the patient its object ("Russia recognized
// Abkhazia"), or the object of "with" after a verb of meeting ("met with
// ..."), or what an object relative clause is about ("Somaliland, which
// Ethiopia had offered to recognise"), or the place of "struck targets
// in". It reports false when a trigger that needs a membership object
// ("seeks membership in the EU") has none.
func (s *Sentence) activeArgs(tr *trig, t0, t1 int, a *triggerArgs) bool {
	def := tr.def
	a.agent = s.subjectOf(t0, 0)
	a.patient = s.objectAfter(t1, tr.needMember)
	if def.t == MetWith && s.low[t0] == "visiting" && t0 > 0 && isVerbTag(s.toks[t0-1].Tag) && !auxWords[s.low[t0-1]] {
		// "Saddam told visiting Russian nationalist Zhirinovsky":
		// the visitor meets the subject of the verb before.
		a.agent = s.subjectOf(t0-1, 0)
	}
	if tr.meet && len(a.patient) == 0 && t1 < len(s.low) && s.low[t1] == "with" {
		a.patient = s.objectAfter(t1+1, false)
	}
	if tr.needMember && len(a.patient) == 0 {
		return false
	}
	if def.t == Opposes && strings.HasPrefix(s.low[t0], "accus") {
		// "accused Rwandan troops of fighting alongside the
		// rebels" blames what troops did, not their state.
		// The state's government is another matter: "accused
		// the Eritrean authorities of" opposes Eritrea.
		a.patient = slices.DeleteFunc(slices.Clone(a.patient), func(c cand) bool { return c.force && !s.governmentForce(c) })
	}
	if len(a.patient) == 0 && len(a.agent) > 0 && !def.symmetric {
		a.patient = s.relativeAntecedent(a.agent)
	}
	if def.t == Attacked && len(a.patient) == 0 {
		// "struck targets in Syria".
		a.patient = s.targetsIn(t1)
	}
	return true
}

// verbParties gathers the subject and object of the symmetric verb
// trigger ending at t1 as the relation's parties ("Russia and China
// signed ..."). It reports false for a verb of meeting with a non-entity
// object ("met criticism"), a phrase ending in a preposition with no
// object, and those visited or met by no one named.
func (s *Sentence) verbParties(tr *trig, t1 int, a *triggerArgs) bool {
	def := tr.def
	if len(a.patient) == 0 {
		if tr.meet && !s.intransitive(t1) {
			return false
		}
		if !tr.meet && tr.phraseEndsPrep {
			return false
		}
	}
	meetOrVisit := def.t == MetWith && (tr.words[0] == "visit" || tr.words[0] == "meet")
	if meetOrVisit && len(a.agent) == 0 && len(a.patient) > 0 {
		// "He had earlier visited Japan, South Korea and
		// China", "was scheduled to meet Chinese President
		// Jiang Zemin and Premier Li Peng": those visited or
		// met do not meet each other.
		return false
	}
	a.parties = append(append(a.parties, a.agent...), a.patient...)
	if meetOrVisit && len(a.agent) == 1 && len(a.patient) > 1 {
		// "Prodi will meet Demirel and Ciller": the one
		// visitor meets each of them, a pair each (but "held
		// talks with Israeli and Egyptian officials" is one
		// meeting of all).
		a.other = a.agent
	}
	return true
}

// implicitPatient fills in a patient that the phrase of the trigger
// [t0, t1) leaves implicit: the organisation of an observer status that
// names none ([Sentence.topicOrg]), and the organisation of a bare
// "member" after a status verb ([Sentence.implicitOrg]): "Finland applied
// to join NATO. It became a member in 2023."
func (s *Sentence) implicitPatient(tr *trig, t0, t1 int, verb bool, a *triggerArgs) {
	def := tr.def
	if def.t == ObserverOf && len(a.patient) == 0 && len(a.agent) > 0 {
		a.patient = s.topicOrg(t0)
	}
	if def.t == MemberOf && !verb && len(a.patient) == 0 && len(a.agent) > 0 && s.low[t1-1] == "member" && s.nounGov >= 0 && statusVerbs[s.stm[s.nounGov]] {
		a.patient = s.implicitOrg(t0, t1, a.agent)
	}
}

// triggerModality returns the modality of the relations of the trigger
// [t0, t1): that of its clause ([Sentence.modalityOf]), with the
// exceptions of a decision on an application, a gerund under a verb, a
// cancelled meeting and a blocked membership.
func (s *Sentence) triggerModality(tr *trig, t0, t1 int, verb bool) Modality {
	def := tr.def
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
	return mod
}

// emitSymmetric emits the relation of a symmetric trigger among those of
// its parties that have the type's categories ("Russia and China signed
// a treaty"), or, when one party stands on the other side of all the
// others ([triggerArgs] other), one relation per pair
// ([Sentence.emitPairs]). It reports whether a relation was kept.
func (s *Sentence) emitSymmetric(def *typeDef, a *triggerArgs, mod Modality, time string, trigger Span) bool {
	parties := s.typed(a.parties, def, true)
	parties = dedupe(s, parties)
	sort.SliceStable(parties, func(i, j int) bool { return parties[i].m < parties[j].m })
	if len(parties) < 2 {
		return false
	}
	if other := s.typed(a.other, def, true); len(other) == 1 && len(parties) > 2 {
		return s.emitPairs(def, parties, other[0], a.attrs, mod, time, trigger)
	}
	r := Relation{Type: def.t, Modality: mod, Time: time, Trigger: trigger, Attrs: a.attrs}
	for _, p := range parties {
		r.Parties = append(r.Parties, *s.arg(p))
	}
	r.Evidence = s.evidence(trigger, parties...)
	return s.emit(r, def)
}

// emitPairs emits one symmetric relation between other and each of the
// parties that is not other itself: "Prodi will meet Demirel and Ciller"
// is a meeting of Prodi and Demirel and one of Prodi and Ciller. It
// reports whether a relation was kept.
func (s *Sentence) emitPairs(def *typeDef, parties []cand, other cand, attrs map[string]string, mod Modality, time string, trigger Span) bool {
	o := s.candIdentity(other)
	kept := false
	for _, p := range parties {
		if s.candIdentity(p) == o {
			continue
		}
		pair := []cand{p, other}
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

// emitDirected emits a relation from each subject to each object of the
// directed trigger [t0, t1), of the type's categories: from agent to
// patient, or the reverse for an inverse trigger, with a trailing
// companion on the side named before the trigger
// ([Sentence.shareCompanions]). It reports whether a relation was kept,
// and stops when the sentence's budget is spent.
func (s *Sentence) emitDirected(tr *trig, t0, t1 int, verb bool, a *triggerArgs, mod Modality, time string, trigger Span) bool {
	def := tr.def
	subj, obj := a.agent, a.patient
	if tr.inverse {
		subj, obj = a.patient, a.agent
	}
	subj, obj = s.shareCompanions(t0, t1, subj, obj)
	subj = s.typed(subj, def, true)
	obj = s.typed(obj, def, false)
	found := false
	for _, from := range subj {
		for _, to := range obj {
			if s.candIdentity(from) == s.candIdentity(to) {
				continue
			}
			d := def
			if def.t == Attacked && verb && s.stm[t0] == "attack" && s.m(from.m).Type == per && !from.force {
				// "Trump attacked Trudeau": a politician's attack is
				// one of words.
				d = s.x.lex.defs[Opposes]
			}
			r := Relation{Type: d.t, Modality: mod, Time: time, Trigger: trigger, Attrs: copyAttrs(a.attrs),
				Subject: s.arg(from), Object: s.arg(to)}
			r.Evidence = s.evidence(trigger, from, to)
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

// shareCompanions adds the names of a trailing ", together with Y"
// ([Sentence.companions]) after the trigger [t0, t1) to the side, subject
// or object, named before the trigger: "Moldova was granted candidate
// status by the EU in June 2022, together with Ukraine".
func (s *Sentence) shareCompanions(t0, t1 int, subj, obj []cand) ([]cand, []cand) {
	comp := s.companions(t1)
	if len(comp) == 0 {
		return subj, obj
	}
	before := func(cs []cand) bool { return len(cs) > 0 && cs[0].tokStart < t0 }
	switch {
	case before(subj) && !before(obj):
		subj = append(append([]cand{}, subj...), comp...)
	case before(obj) && !before(subj):
		obj = append(append([]cand{}, obj...), comp...)
	}
	return subj, obj
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
