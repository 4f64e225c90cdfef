package relations

// forceVerbs take a place "by force": "attempted to take South Ossetia by
// military force".
var forceVerbs = stemSet("take", "seize", "capture", "retake", "recapture", "grab", "annex", "conquer", "occupy", "reclaim", "regain")

// specialRules applies the constructions that trigger words cannot
// express.
func (s *Sentence) specialRules() {
	s.takeByForce()
	s.personOfGroup()
}

// groupNouns name organisations whose people are members: "Kiril
// Marichkov of Bulgarian rock band Shturtzite", "X of the opposition party
// Y".
var groupNouns = set("band", "group", "party", "club", "team", "movement", "faction", "outfit", "duo",
	"trio", "quartet", "organization", "organisation", "militia", "alliance", "coalition", "bloc",
	"collective", "ensemble", "choir", "orchestra", "union", "association", "society", "academy")

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

// takeByForce finds "X took/attempted to take Y by (military) force" and
// records attacked(X, Y).
func (s *Sentence) takeByForce() {
	n := len(s.low)
	def := s.x.lex.defs[Attacked]
	for i := 0; i < n && s.budget > 0; i++ {
		if s.ment[i] >= 0 || !forceVerbs[s.stm[i]] || !isVerbTag(s.toks[i].Tag) {
			continue
		}
		obj, e := s.objectAfterEnd(i+1, false)
		if len(obj) == 0 || e+1 >= n || s.low[e] != "by" {
			continue
		}
		k := e + 1
		for k < n && k < e+4 && s.low[k] != "force" {
			k++
		}
		if k >= n || s.low[k] != "force" {
			continue
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
}
