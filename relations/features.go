package relations

import (
	"slices"

	"github.com/statecraft/statecraft/entities"
	"github.com/statecraft/statecraft/relations/internal/relmodel"
)

// The features of a candidate of the learned model, in the order
// pairFeatures adds them. The order matters: the rules' features come
// first (see relmodel.Candidate.NRule), and the rest are hashed in the
// order the trainer learnt them.

// pairFeatures writes the features of candidate c into h: those of the
// rules' labels (ruleFeatures), the bias and the pair of kinds, those of
// the two entities in the document (entityFeatures, the co-occurrence
// bucket, personFeatures), then those of the text of the pair: its
// words (textFeatures) or, for a pair across sentences, crossFeatures.
func (s *Sentence) pairFeatures(h *hasher, c *relmodel.Candidate, ka, kb string, f *docFacts) {
	ma, mb := s.m(c.A), s.m(c.B)
	ty := tyNames[[2]string{ka, kb}]
	ruleFeatures(h, c)
	h.add("bias")
	h.add("ty", ty)
	s.x.entityFeatures(h, c, ma, mb, ka, kb, ty, f)
	// Co-occurrence in the document: how many sentences name both.
	h.add("cooc", bucket(cooccurrences(f.sents[c.IA], f.sents[c.IB])), ty)
	s.x.personFeatures(h, c, ma, mb, ka, kb, f)
	if c.Cross {
		s.crossFeatures(h, c, ty, f)
		return
	}
	s.textFeatures(h, c, ty)
}

// ruleFeatures writes the features of the labels the rules gave candidate
// c ("rule", type, direction, then "anyrule", for each) and sets c.NRule
// to their number. They come first: the trainer also learns without them
// (see relmodel.Candidate.NRule).
func ruleFeatures(h *hasher, c *relmodel.Candidate) {
	for l := range relmodel.NumLabels {
		if c.Rule&(1<<l) != 0 {
			lb := relmodel.Labels[l]
			h.add("rule", lb.Type, dirNames[lb.Dir+1])
			h.add("anyrule")
		}
	}
	c.NRule = len(h.out)
}

// entityFeatures writes what the gazetteer and the document say of the
// two entities ma and mb of candidate c, of kinds ka and kb: "gazrole"
// when the gazetteer names a person an official of the other argument,
// the category of an organisation ("catA", "catB"), and whether one of
// them is the state of the dateline or the document's main state.
func (e *Extractor) entityFeatures(h *hasher, c *relmodel.Candidate, ma, mb *entities.Mention, ka, kb, ty string, f *docFacts) {
	for _, pair := range [2][2]*entities.Mention{{ma, mb}, {mb, ma}} {
		p, o := pair[0], pair[1]
		dir := "AB"
		if p == mb {
			dir = "BA"
		}
		if p.Type == entities.Person && p.ID != "" {
			oid := e.argIdentity(o)
			for _, of := range e.personOf[p.ID] {
				if of == oid {
					h.add("gazrole", dir)
				}
			}
		}
	}
	if cat := e.orgCats[mb.ID]; mb.Type == entities.Org && cat != "" {
		h.add("catB", cat, ka)
	}
	if cat := e.orgCats[ma.ID]; ma.Type == entities.Org && cat != "" {
		h.add("catA", cat, kb)
	}
	if c.IB == f.dateline || c.IA == f.dateline {
		h.add("dateline", ty)
	}
	if c.IB == f.mainIdentity || c.IA == f.mainIdentity {
		h.add("mainstate", ty)
	}
}

// cooccurrences returns how many sentences the two sorted lists of
// sentences sa and sb (docFacts.sents) share.
func cooccurrences(sa, sb []int) int {
	co := 0
	for i, j := 0, 0; i < len(sa) && j < len(sb); {
		switch {
		case sa[i] == sb[j]:
			co++
			i++
			j++
		case sa[i] < sb[j]:
			i++
		default:
			j++
		}
	}
	return co
}

// personFeatures writes, for each person of candidate c, with the other
// argument's kind: the words that title the person anywhere in the
// document ("ptitle": "president" of "President Putin"), whether the
// states and organisations that title the person include the other
// argument ("owner-same", "owner-other"), and whether the gazetteer
// names the person an official of others only ("gazother").
func (e *Extractor) personFeatures(h *hasher, c *relmodel.Candidate, ma, mb *entities.Mention, ka, kb string, f *docFacts) {
	for _, p := range [2]*entities.Mention{ma, mb} {
		if p.Type != entities.Person {
			continue
		}
		other := kb
		if p == mb {
			other = ka
		}
		pid := e.argIdentity(p)
		for _, w := range f.titles[pid] {
			h.add("ptitle", w, other)
		}
		oid := c.IB
		if p == mb {
			oid = c.IA
		}
		if os := f.owners[pid]; len(os) > 0 {
			if slices.Contains(os, oid) {
				h.add("owner-same", other)
			} else {
				h.add("owner-other", other)
			}
		}
		if p.ID != "" {
			if known := e.personOf[p.ID]; len(known) > 0 && !slices.Contains(known, oid) {
				h.add("gazother", other)
			}
		}
	}
}

// textFeatures writes the features of the words of candidate c, a pair
// in this sentence: "notok" when a mention has no tokens, "inner" for
// overlapping mentions ("Russia-Belarus"); else the words between
// (betweenFeatures) and around (windowFeatures) the two, the trigger
// words near them (triggerFeatures), whether they lie in one group, the
// dependency path between them (pathFeatures) and the modality of the
// span.
func (s *Sentence) textFeatures(h *hasher, c *relmodel.Candidate, ty string) {
	as, ae := s.mStart(c.A), s.mEnd(c.A)
	bs, be := s.mStart(c.B), s.mEnd(c.B)
	if as < 0 || bs < 0 {
		h.add("notok")
		return
	}
	if bs < ae { // overlapping token ranges: "Russia-Belarus"
		h.add("inner", ty)
		return
	}
	s.betweenFeatures(h, ae, bs, ty)
	s.windowFeatures(h, as, be, ty)
	s.triggerFeatures(h, as, be, ty)
	if s.grpAt[as] >= 0 && s.grpAt[as] == s.grpAt[bs] {
		h.add("samegroup", ty)
	}
	if m := s.x.model; m == nil || m.Parsed() {
		// The trainer's candidates (no model) carry them whenever the
		// sentence is parsed; a model only if it learnt them.
		s.pathFeatures(h, as, ae, bs, be, ty)
	}
	if mod := s.modality(as, be); mod != Asserted {
		h.add("mod", string(mod))
	}
}

// betweenFeatures writes the features of the tokens [ae, bs) between the
// two mentions of a pair: the bucket of their number ("gap"), the kind of
// each mention between ("mb") and their number ("nmb"), each word
// ("bw", "bwt", and "bv" for a verb; of a long gap only the first and
// last maxBetween), the words as one feature when there are at most four
// ("path": "E" for a mention, "met with" in "Putin met with Xi"), and
// the first and last word ("b1", "bL").
func (s *Sentence) betweenFeatures(h *hasher, ae, bs int, ty string) {
	gap := bs - ae
	h.add("gap", bucket(gap), ty)
	between := 0
	for t := ae; t < bs; t++ {
		if m := s.ment[t]; m >= 0 {
			between++
			h.add("mb", s.x.argKind(s.m(m)))
			continue
		}
		if gap > 2*maxBetween && t-ae >= maxBetween && bs-t > maxBetween {
			continue
		}
		w := s.featWord(t)
		h.add("bw", w)
		h.add("bwt", w, ty)
		if isVerbTag(s.toks[t].Tag) {
			h.add("bv", w, ty)
		}
	}
	h.add("nmb", bucket(between), ty)
	if gap <= 4 {
		// The words between, as one feature.
		p := h.start("path")
		for t := ae; t < bs; t++ {
			if s.ment[t] >= 0 {
				p = h.part(p, "E")
			} else {
				p = h.part(p, s.featWord(t))
			}
		}
		h.finish(h.part(p, ty))
	}
	if gap > 0 {
		h.add("b1", s.featWord(ae), ty)
		h.add("bL", s.featWord(bs-1), ty)
	}
}

// windowFeatures writes the two words before the first mention of a pair,
// which starts at token as ("a-1", "a-2", or "<s>" at the start of the
// sentence), and the two after the second, which ends at be ("b+1",
// "b+2", or "</s>"), alternately: "a-1", "b+1", "a-2", "b+2".
func (s *Sentence) windowFeatures(h *hasher, as, be int, ty string) {
	for k, name := range [2][2]string{{"a-1", "b+1"}, {"a-2", "b+2"}} {
		if t := as - 1 - k; t >= 0 {
			h.add(name[0], s.featWord(t), ty)
		} else {
			h.add(name[0], "<s>")
		}
		if t := be + k; t < len(s.toks) {
			h.add(name[1], s.featWord(t), ty)
		} else {
			h.add(name[1], "</s>")
		}
	}
}

// triggerFeatures writes the one-word triggers of the lexicon within
// trigWindow tokens of the pair [as, be), by where they lie: "trig", the
// trigger's type, "before", "in" or "after" ("talks" after "Putin and
// Xi" in "Putin and Xi held talks").
func (s *Sentence) triggerFeatures(h *hasher, as, be int, ty string) {
	lo, _ := slices.BinarySearch(s.trigToks, as-trigWindow)
	for _, t := range s.trigToks[lo:] {
		if t > be+trigWindow {
			break
		}
		list := s.x.lex.triggers[s.stm[t]]
		pos := "in"
		switch {
		case t < as:
			pos = "before"
		case t >= be:
			pos = "after"
		}
		for _, tr := range list {
			if len(tr.words) == 1 {
				h.add("trig", string(tr.def.t), pos, ty)
			}
		}
	}
}
