package relations

import (
	"errors"
	"fmt"
	"slices"
	"strings"
)

// Pattern rules over the dependency parse: a "dep:" line in place of a
// "match:" line, in the manner of Semgrex. An anchor word, then edges to
// the words around it in the parse, each to a node:
//
//	dep: !~recognize >nsubj:pass {STATE}=subject >obl/by {STATE ORG}=object
//
//	>rel NODE        a dependent of the anchor by relation rel ("obl"
//	                 also matches its subtypes "obl:agent", "obl:tmod";
//	                 "obl:agent" only itself; "*" any)
//	>rel/word NODE   the same, whose preposition (its "case" dependent)
//	                 is word ("obl/by", "nmod/with")
//	<rel NODE        the anchor's head, the anchor being its rel
//
// A node is a captured mention ({TYPES}=role: the mention that holds the
// word, or one in apposition to it or named in it, "the speaker of
// parliament, X"; with those coordinated with it by "and") or a word
// element that the word must match. Every edge must be found. Dep rules
// run only on parsed sentences (entities.WithParse); CheckRuleExamples
// reports their examples as failing on an unparsed document.

// depEdge is one edge of a dep pattern.
type depEdge struct {
	up   bool   // the anchor's head, not a dependent
	rel  string // the UD relation, a prefix of subtypes, or "*"
	prep string // the dependent's preposition, or ""
	node element
}

// depPattern is a pattern over the parse: an anchor and its edges.
type depPattern struct {
	anchor element
	edges  []depEdge
}

// parseDepPattern parses a dep line.
func parseDepPattern(src string, lists map[string][]string) (*depPattern, error) {
	fields := patternFields(src)
	if len(fields) < 3 {
		return nil, errors.New("a dep pattern is an anchor word, then edges (>rel or <rel) each with a node")
	}
	anchor, err := parsePattern(fields[0], lists)
	if err != nil {
		return nil, err
	}
	dp := &depPattern{anchor: anchor[0]}
	if dp.anchor.kind == elemMention || dp.anchor.not || dp.anchor.min != 1 || dp.anchor.max != 1 {
		return nil, fmt.Errorf("anchor %q: a word, without ?, *, + or -", fields[0])
	}
	dp.anchor.trigger = true
	rest := fields[1:]
	if len(rest)%2 != 0 {
		return nil, fmt.Errorf("edge %q without a node", rest[len(rest)-1])
	}
	for i := 0; i < len(rest); i += 2 {
		f := rest[i]
		var e depEdge
		switch {
		case strings.HasPrefix(f, ">"):
		case strings.HasPrefix(f, "<"):
			e.up = true
		default:
			return nil, fmt.Errorf("edge %q (want >rel, >rel/word or <rel)", f)
		}
		e.rel, e.prep, _ = strings.Cut(f[1:], "/")
		if e.rel == "" || e.up && e.prep != "" {
			return nil, fmt.Errorf("edge %q (want >rel, >rel/word or <rel)", f)
		}
		e.prep = lower(e.prep)
		node, err := parsePattern(rest[i+1], lists)
		if err != nil {
			return nil, err
		}
		e.node = node[0]
		if e.node.min != 1 || e.node.max != 1 || e.node.not || e.node.trigger {
			return nil, fmt.Errorf("node %q: a mention or a word, without ?, *, +, ! or -", rest[i+1])
		}
		dp.edges = append(dp.edges, e)
	}
	return dp, nil
}

// relOK reports whether a token's relation dep matches the edge relation
// rel: itself, or a subtype of it ("obl:agent" for "obl"), or any for "*".
func relOK(dep, rel string) bool {
	return rel == "*" || dep == rel || strings.HasPrefix(dep, rel) && len(dep) > len(rel) && dep[len(rel)] == ':'
}

// runDep appends to out the relations of dep rule r in sentence s.
func (r *patternRule) runDep(s *Sentence, out []Relation) []Relation {
	if len(s.toks) == 0 || s.toks[0].Dep == "" || !s.setKids() {
		return out
	}
	mk := &matcher{s: s, r: r}
	dp := r.dep
	for t := range s.toks {
		if !mk.wordOK(&dp.anchor, t) {
			continue
		}
		roles := map[string][]int{}
		lo, hi := t, t+1
		ok := true
		for ei := range dp.edges {
			e := &dp.edges[ei]
			found := false
			for _, n := range s.edgeNodes(t, e) {
				if e.node.kind != elemMention {
					found = found || mk.wordOK(&e.node, n)
					continue
				}
				for _, m := range s.nodeMentions(n, nil, 0) {
					if mk.typeOK(&e.node, m) && !slices.Contains(roles[e.node.role], m) {
						roles[e.node.role] = append(roles[e.node.role], m)
						lo, hi = min(lo, s.mStart(m)), max(hi, s.mEnd(m))
						found = true
					}
				}
			}
			if !found {
				ok = false
				break
			}
		}
		if !ok {
			continue
		}
		for _, rel := range r.depRelations(s, roles) {
			rel.Trigger, rel.Evidence = s.Span(t, t+1), s.Span(lo, hi)
			out = append(out, rel)
			s.giveWay(rel, r.replaces)
		}
	}
	return out
}

// edgeNodes returns the tokens at the other end of edge e from token t.
func (s *Sentence) edgeNodes(t int, e *depEdge) []int {
	if e.up {
		if h := s.parseHead(t); h >= 0 && relOK(s.toks[t].Dep, e.rel) {
			return []int{h}
		}
		return nil
	}
	var out []int
	for _, k := range s.kidsOf(t) {
		if relOK(s.toks[k].Dep, e.rel) && (e.prep == "" || s.caseOf(int(k)) == e.prep) {
			out = append(out, int(k))
		}
	}
	return out
}

// depRelations builds the relations of one match of a dep rule: for a
// directed type one per subject and object, for a symmetric one a
// relation among all the parties.
func (r *patternRule) depRelations(s *Sentence, roles map[string][]int) []Relation {
	arg := func(m int) Arg {
		a := Arg{Entity: m}
		if mm := s.m(m); mm.Type == loc {
			if st, ok := s.x.stateOf(mm); ok {
				a.ID, a.Name, a.Text = st.ID, st.Name, mm.Text
			}
		}
		return a
	}
	var out []Relation
	if ps := roles["party"]; len(ps) > 0 {
		rel := Relation{Type: r.typ, Modality: r.modality, Attrs: cloneAttrs(r.attrs)}
		for _, m := range ps {
			rel.Parties = append(rel.Parties, arg(m))
		}
		if len(rel.Parties) >= 2 {
			out = append(out, rel)
		}
		return out
	}
	for _, a := range roles["subject"] {
		for _, b := range roles["object"] {
			if sameEntity(s.m(a), s.m(b)) {
				continue
			}
			sub, obj := arg(a), arg(b)
			out = append(out, Relation{Type: r.typ, Modality: r.modality, Attrs: cloneAttrs(r.attrs), Subject: &sub, Object: &obj})
		}
	}
	return out
}

// setKids fills s.kidAt and s.kids with the dependents of each token of
// the sentence (s.kids[s.kidAt[t]:s.kidAt[t+1]]), and reports whether the
// sentence is parsed.
func (s *Sentence) setKids() bool {
	n := len(s.toks)
	if n == 0 || s.toks[0].Dep == "" {
		return false
	}
	s.kidAt = slices.Grow(s.kidAt[:0], n+1)[:n+1]
	clear(s.kidAt)
	for t := range n {
		if h := s.parseHead(t); h >= 0 {
			s.kidAt[h+1]++
		}
	}
	for t := range n {
		s.kidAt[t+1] += s.kidAt[t]
	}
	s.kids = slices.Grow(s.kids[:0], int(s.kidAt[n]))[:s.kidAt[n]]
	fill := append(s.fill[:0], s.kidAt[:n]...)
	for t := range n {
		if h := s.parseHead(t); h >= 0 {
			s.kids[fill[h]] = int32(t)
			fill[h]++
		}
	}
	s.fill = fill
	return true
}

// kidsOf returns the dependents of token t in text order.
func (s *Sentence) kidsOf(t int) []int32 { return s.kids[s.kidAt[t]:s.kidAt[t+1]] }

// caseOf returns the lower-case form of the "case" dependent of t (the
// preposition of a nominal), or "".
func (s *Sentence) caseOf(t int) string {
	for _, k := range s.kidsOf(t) {
		if s.toks[k].Dep == "case" {
			return s.low[k]
		}
	}
	return ""
}

// maxNodeMentions bounds the mentions one node of a dep pattern stands
// for ("X, Y and Z").
const maxNodeMentions = 8

// nodeMentions appends to out the argument mentions that token t stands
// for in a dep pattern: the mention that holds it, else a PERSON in
// apposition to it or named in it ("the speaker of parliament, X";
// "chairman X"), then the same for each word coordinated with it.
func (s *Sentence) nodeMentions(t int, out []int, depth int) []int {
	if depth > 3 || len(out) >= maxNodeMentions {
		return out
	}
	if m := s.ment[t]; m >= s.m0 && m < s.m1 && argType(s.m(m).Type) {
		if !slices.Contains(out, m) {
			out = append(out, m)
		}
	} else {
		for _, k := range s.kidsOf(t) {
			switch s.toks[k].Dep {
			case "appos", "flat", "compound":
				if m := s.ment[k]; m >= s.m0 && m < s.m1 && s.m(m).Type == per && !slices.Contains(out, m) {
					out = append(out, m)
				}
			}
		}
	}
	for _, k := range s.kidsOf(t) {
		if s.toks[k].Dep == "conj" {
			out = s.nodeMentions(int(k), out, depth+1)
		}
	}
	return out
}
