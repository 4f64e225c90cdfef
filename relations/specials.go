package relations

// forceVerbs take a place "by force": "attempted to take South Ossetia by
// military force".
var forceVerbs = stemSet("take", "seize", "capture", "retake", "recapture", "grab", "annex", "conquer", "occupy", "reclaim", "regain")

// specialRules applies the constructions that trigger words cannot
// express.
func (s *Sentence) specialRules() {
	s.takeByForce()
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
		subj := s.typed(s.subjectOf(i, 0), def.subj, nil)
		obj = s.typed(obj, def.obj, def.cats)
		trigger := s.Span(i, k+1)
		for _, a := range subj {
			for _, b := range obj {
				if identity(s.m(a.m)) == identity(s.m(b.m)) {
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
