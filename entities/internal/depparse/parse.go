package depparse

import (
	"errors"
	"math"
)

// Rel is a dependency relation: an index into [Model.Labels].
type Rel uint8

// Actions of the arc-hybrid system. The score array of a state holds the
// three action scores, then one score per label for a LEFT arc, then one
// per label for a RIGHT arc.
const (
	shift = iota // move b0 onto the stack
	left         // s0 ← b0: b0 becomes the head of s0, which is popped
	right        // s1 → s0: s1 becomes the head of s0, which is popped
	numActions
)

// ErrLength is returned by [Model.Parse] when its slices disagree in length.
var ErrLength = errors.New("depparse: words, tags, heads and rels differ in length")

// Scratch holds the state of one parse. The zero value is ready to use;
// reusing one Scratch makes [Model.Parse] free of heap allocations once
// its buffers have grown to the longest sentence. A Scratch must not be
// used by two goroutines at once.
type Scratch struct {
	n     int
	stack []int32
	b     int32

	// Per position (token index + 1; see none).
	w, suf, shp, pt    []uint64 // lower-cased word, suffix, shape, caller's tag
	t, wt, c           []uint64 // tag, word and tag, coarse tag
	tc                 []uint8  // tag class given by the tagger
	head               []int32  // position of the head, none until attached
	rel                []uint8  // label + 1, 0 until attached
	lc1, lc2, rc1, rc2 []int32  // leftmost, second leftmost, rightmost, second rightmost dependents
	nl, nr             []int32  // number of left and right dependents
	ls, rs             []uint64

	bpos   int32 // the b0 of bsc, none if none
	bsc    [numActions]int32
	feats  []uint64 // action features of the state
	lfeats []uint64 // label features of an arc
	tfeats []uint64 // tagger features of a word
	home   []uint64 // scratch of table.sum
	scores [256]int32
	tsc    [256]int32 // scores of the tagger's and the labeller's classes
}

func grow[T any](s []T, n int) []T {
	if cap(s) < n {
		return make([]T, n)
	}
	return s[:n]
}

// reset prepares s for a sentence of n words, tags being the caller's:
// everything but the tag atoms (see setTags).
func (s *Scratch) reset(words, tags []string) {
	n := len(words)
	s.n = n
	s.setWords(words, tags)
	s.head = grow(s.head, n+2)
	s.rel = grow(s.rel, n+2)
	s.lc1 = grow(s.lc1, n+2)
	s.lc2 = grow(s.lc2, n+2)
	s.rc1 = grow(s.rc1, n+2)
	s.rc2 = grow(s.rc2, n+2)
	s.nl = grow(s.nl, n+2)
	s.nr = grow(s.nr, n+2)
	s.ls = grow(s.ls, n+2)
	s.rs = grow(s.rs, n+2)
	clear(s.head)
	clear(s.rel)
	clear(s.lc1)
	clear(s.lc2)
	clear(s.rc1)
	clear(s.rc2)
	clear(s.nl)
	clear(s.nr)
	clear(s.ls)
	clear(s.rs)
	s.stack = s.stack[:0]
	s.bpos = none
	s.b = 1
	if n == 0 {
		s.b = int32(n + 1)
	}
}

// done reports whether the parse is complete: the buffer holds only the
// root and the stack is empty.
func (s *Scratch) done() bool { return s.b == int32(s.n+1) && len(s.stack) == 0 }

// valid returns which actions the state allows. The root, at the end of
// the buffer, takes exactly one dependent: LEFT onto it is allowed only
// when one word is left on the stack.
func (s *Scratch) valid() (sh, le, ri bool) {
	k := len(s.stack)
	root := int32(s.n + 1)
	sh = s.b < root
	le = k > 0 && (s.b < root || k == 1)
	ri = k > 1
	return
}

// apply performs action a with label l (ignored for shift).
func (s *Scratch) apply(a int, l uint8) {
	switch a {
	case shift:
		s.stack = append(s.stack, s.b)
		s.b++
	case left:
		k := len(s.stack)
		d, h := s.stack[k-1], s.b
		s.stack = s.stack[:k-1]
		s.head[d], s.rel[d] = h, l+1
		s.lc2[h], s.lc1[h] = s.lc1[h], d
		s.nl[h]++
		s.ls[h] |= 1 << (l & 63)
	case right:
		k := len(s.stack)
		d, h := s.stack[k-1], s.stack[k-2]
		s.stack = s.stack[:k-1]
		s.head[d], s.rel[d] = h, l+1
		s.rc2[h], s.rc1[h] = s.rc1[h], d
		s.nr[h]++
		s.rs[h] |= 1 << (l & 63)
	}
}

// bestLabel returns the label of highest score among those allowed in
// mask, the scores starting at sc[off]; ties go to the lowest label.
func bestLabel(sc *[256]int32, off int, nl int, mask [2]uint64) (uint8, int32) {
	best, arg := int32(math.MinInt32), uint8(0)
	for l := range nl {
		if mask[l>>6]&(1<<(l&63)) == 0 {
			continue
		}
		if v := sc[uint8(off+l)]; v > best {
			best, arg = v, uint8(l)
		}
	}
	return arg, best
}

// labeler scores the labels of an arc for decide: the Model when
// parsing, the trainer's weights when training.
type labeler interface {
	labelScores(s *Scratch, d, h int32, isLeft bool, off int)
}

// decide chooses the action and label of the current state from the
// action scores in s.scores, adding the label scores (from lb) when an
// arc needs them: always in a joint model, only for the arc chosen
// otherwise. LEFT labels are scored at s.scores[numActions:], RIGHT ones
// after them.
func (m *Model) decide(s *Scratch, lb labeler, sh, le, ri bool) (int, uint8) {
	sc := &s.scores
	nl := len(m.labels)
	toRoot := s.b == int32(s.n+1)
	k := len(s.stack)
	var s0, s1 int32
	if k > 0 {
		s0 = s.stack[k-1]
	}
	if k > 1 {
		s1 = s.stack[k-2]
	}
	if !m.joint {
		a, best := -1, int32(math.MinInt32)
		for _, c := range [numActions]struct {
			ok bool
			a  int
		}{{sh, shift}, {le, left}, {ri, right}} {
			if c.ok && sc[c.a] > best {
				a, best = c.a, sc[c.a]
			}
		}
		switch {
		case a == shift:
			return a, 0
		case a == left && toRoot:
			return a, m.rootRel
		case a == left:
			lb.labelScores(s, s0, s.b, true, numActions)
			l, _ := bestLabel(sc, numActions, nl, m.leftMask)
			return a, l
		}
		lb.labelScores(s, s0, s1, false, numActions+nl)
		l, _ := bestLabel(sc, numActions+nl, nl, m.rightMask)
		return a, l
	}
	a, l, best := -1, uint8(0), int64(math.MinInt64)
	if sh {
		a, best = shift, int64(sc[shift])
	}
	if le {
		if toRoot {
			if v := int64(sc[left]); v > best {
				a, l, best = left, m.rootRel, v
			}
		} else {
			lb.labelScores(s, s0, s.b, true, numActions)
			ll, v := bestLabel(sc, numActions, nl, m.leftMask)
			if v := int64(sc[left]) + int64(v); v > best {
				a, l, best = left, ll, v
			}
		}
	}
	if ri {
		lb.labelScores(s, s0, s1, false, numActions+nl)
		rl, v := bestLabel(sc, numActions+nl, nl, m.rightMask)
		if v := int64(sc[right]) + int64(v); v > best {
			a, l = right, rl
		}
	}
	return a, l
}

// tagWords tags the words of the sentence in s (after reset), setting
// s.tc and the tag atoms.
func (m *Model) tagWords(words []string, s *Scratch) {
	p1, p2 := uint64(noneAtom), uint64(noneAtom)
	nt := len(m.tags)
	sc := &s.tsc
	for q := 1; q <= s.n; q++ {
		s.tfeats = s.tagFeatures(s.tfeats[:0], words, q, p1, p2)
		s.home = grow(s.home, len(s.tfeats)+1)
		clear(sc[:nt])
		m.tagger.sum(s.tfeats, sc, s.home)
		best := 0
		for c := 1; c < nt; c++ {
			if sc[c] > sc[best] {
				best = c
			}
		}
		s.tc[q] = uint8(best)
		p2, p1 = p1, m.tagAtom[best]
	}
	s.setTags(m)
}

// Tag tags the words of a sentence with the parser's own tagger, as
// [Model.Parse] does before parsing: it writes to out[i] the tag of word
// i, one of [Model.Tags]. tags are the caller's (entities') tags, which
// the tagger reads as features. out must have at least len(words)
// elements and tags exactly len(words), else Tag returns [ErrLength]. A
// nil s is allowed.
func (m *Model) Tag(words, tags, out []string, s *Scratch) error {
	n := len(words)
	if len(tags) != n || len(out) < n {
		return ErrLength
	}
	if s == nil {
		s = new(Scratch)
	}
	s.reset(words, tags)
	m.tagWords(words, s)
	for i := range n {
		out[i] = m.tags[s.tc[i+1]]
	}
	return nil
}

// Parse parses one sentence: words are its tokens and tags their Penn
// Treebank tags, as package entities gives them. The parser tags the
// words again with its own tagger (see [Model.Tag]), which reads the
// caller's tags as features, and parses with those tags. It writes, for word i,
// the index of its head to heads[i] (-1 for the one root of the sentence)
// and its relation to rels[i]; heads and rels must have at least
// len(words) elements, and tags exactly len(words), else Parse returns
// [ErrLength] and writes nothing. The result is always a tree with one
// root, in time linear in the number of words and their total length,
// and depends on the inputs only. A nil s is allowed (a temporary Scratch
// is used).
func (m *Model) Parse(words, tags []string, heads []int32, rels []Rel, s *Scratch) error {
	n := len(words)
	if len(tags) != n || len(heads) < n || len(rels) < n {
		return ErrLength
	}
	if s == nil {
		s = new(Scratch)
	}
	s.reset(words, tags)
	m.tagWords(words, s)
	for !s.done() {
		sh, le, ri := s.valid()
		a, l := shift, uint8(0)
		switch {
		case !le && !ri:
		case le && !sh && !ri:
			a, l = left, m.rootRel
		default:
			if s.bpos != s.b {
				// The buffer's scores, kept until b0 is shifted.
				s.feats = s.bufferFeatures(s.feats[:0])
				m.score(s)
				s.bsc = [numActions]int32{s.scores[shift], s.scores[left], s.scores[right]}
				s.bpos = s.b
			}
			s.feats = s.stateFeatures(s.feats[:0])
			m.score(s)
			for i, v := range s.bsc {
				s.scores[i] += v
			}
			a, l = m.decide(s, m, sh, le, ri)
		}
		s.apply(a, l)
	}
	root := int32(n + 1)
	for i := range n {
		h := s.head[i+1]
		if h == root {
			heads[i] = -1
		} else {
			heads[i] = h - 1
		}
		rels[i] = Rel(s.rel[i+1] - 1)
	}
	return nil
}
