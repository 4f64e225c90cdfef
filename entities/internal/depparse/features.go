package depparse

// Feature extraction.
//
// A parser state is the stack, the buffer and the arcs built so far. Its
// action features are the templates of Zhang and Nivre (2011),
// "Transition-based dependency parsing with rich non-local features",
// adapted to the arc-hybrid system, where the words on the stack have no
// head yet and the two candidate arcs are s0←b0 (LEFT) and s1→s0 (RIGHT):
// so s1 and s2 take the place of the head and grand-head of s0 in the
// arc-eager templates, and the pairs and triples are taken over both
// s0-b0 and s1-s0. The label of an arc has its own, smaller set of
// templates over the arc's two words ([Scratch.labelFeatures]), and the
// tagger its own ([Scratch.tagFeatures]).
//
// Of each set, only the templates that the development set of UD English
// EWT kept are left: rounds of ablation (each template dropped from the
// trained model in turn, dev scores measured, then the templates whose
// absence did not lower them removed and the model retrained) took the
// action templates from 141 to 74, the label ones from 36 to 19 and the
// tagger's from 32 to 25, with scores within noise of the full sets and a
// parser twice as fast (see README.md).
//
// Every template is hashed with its atoms (word, tag, ...) into one
// 64-bit value. The atoms that depend on one word alone are computed once
// per word ([Scratch.setWords], [Scratch.setTags]), so that a template
// costs one to three multiplications.

// Positions: every per-token array of a Scratch is indexed by position
// q = token index + 1; q = 0 is "no such word" and q = n+1 the root, which
// stands at the end of the buffer.
const none = 0

// Atoms of the "no such word" and root positions.
const (
	noneAtom = 0x6a09e667f3bcc908
	rootAtom = 0xbb67ae8584caa73b
)

const (
	k1 = 0x9E3779B97F4A7C15
	k2 = 0xC2B2AE3D27D4EB4F
)

// mix folds v into the hash state h.
func mix(h, v uint64) uint64 {
	h = (h ^ v) * k1
	return h ^ h>>29
}

// hashLower hashes s with ASCII letters lower-cased (FNV-1a, 64 bits).
func hashLower(s string) uint64 {
	h := uint64(0xcbf29ce484222325)
	for i := 0; i < len(s); i++ {
		c := s[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		h = (h ^ uint64(c)) * 0x100000001b3
	}
	return h
}

// hashString hashes s as it is (FNV-1a, 64 bits, another basis).
func hashString(s string) uint64 {
	h := uint64(0x84222325cbf29ce4)
	for i := 0; i < len(s); i++ {
		h = (h ^ uint64(s[i])) * 0x100000001b3
	}
	return h
}

// shape returns a small code of the spelling of w: case, digits,
// hyphens, letters, length.
func shape(w string) uint64 {
	var upper, lower, digit, hyphen, other, firstUpper uint64
	for i := 0; i < len(w); i++ {
		c := w[i]
		switch {
		case 'A' <= c && c <= 'Z':
			upper = 1
			if i == 0 {
				firstUpper = 1
			}
		case 'a' <= c && c <= 'z':
			lower = 1
		case '0' <= c && c <= '9':
			digit = 1
		case c == '-':
			hyphen = 1
		default:
			other = 1
		}
	}
	n := uint64(len(w))
	if n > 6 {
		n = 6
	}
	return upper | lower<<1 | digit<<2 | hyphen<<3 | other<<4 | firstUpper<<5 | n<<6
}

// suffix returns the last k bytes of w, or w.
func suffix(w string, k int) string {
	if len(w) > k {
		return w[len(w)-k:]
	}
	return w
}

// prefix returns the first k bytes of w, or w.
func prefix(w string, k int) string {
	if len(w) > k {
		return w[:k]
	}
	return w
}

// setWords computes the atoms of every word of the sentence that do not
// depend on its tag; tags are the caller's.
func (s *Scratch) setWords(words, tags []string) {
	n := len(words)
	s.w = grow(s.w, n+2)
	s.suf = grow(s.suf, n+2)
	s.shp = grow(s.shp, n+2)
	s.pt = grow(s.pt, n+2)
	s.t = grow(s.t, n+2)
	s.wt = grow(s.wt, n+2)
	s.c = grow(s.c, n+2)
	s.tc = grow(s.tc, n+2)
	for _, q := range [2]int{0, n + 1} {
		a := uint64(noneAtom)
		if q != 0 {
			a = rootAtom
		}
		s.w[q], s.t[q], s.wt[q], s.suf[q], s.shp[q], s.c[q], s.pt[q] = a, a+1, a+2, a+3, a+4, a+5, a+6
	}
	for i, w := range words {
		q := i + 1
		s.w[q] = hashLower(w)
		s.suf[q] = hashLower(suffix(w, 3)) + 11
		s.shp[q] = shape(w) + 7
		s.pt[q] = hashString(tags[i]) + 13
	}
}

// setTags computes the tag atoms of positions 1..n from the tag classes
// in s.tc.
func (s *Scratch) setTags(m *Model) {
	for q := 1; q <= s.n; q++ {
		c := s.tc[q]
		s.t[q] = m.tagAtom[c]
		s.c[q] = m.tagCoarse[c]
		s.wt[q] = mix(s.w[q], s.t[q])
	}
}

// coarse returns the tag's class: nouns, verbs, adjectives, adverbs,
// wh-words and prepositions (IN, TO, RP) each fall together, so that the
// tagger's commonest confusions (NN and NNP, VBD and VBN, IN and TO) do
// not split the evidence. Other tags stand for themselves.
func coarse(tag string) uint64 {
	if len(tag) >= 2 {
		switch tag[:2] {
		case "NN":
			return 1
		case "VB":
			return 2
		case "JJ":
			return 3
		case "RB":
			return 4
		case "WD", "WP", "WR":
			return 5
		}
	}
	switch tag {
	case "IN", "TO", "RP":
		return 6
	case "MD":
		return 2
	}
	return hashString(tag) | 1<<63
}

// dist buckets the distance between positions a < b.
func dist(a, b, root int32) uint64 {
	if a == none {
		return 0
	}
	if b == root {
		return 9
	}
	switch d := b - a; {
	case d <= 4:
		return uint64(d)
	case d <= 7:
		return 5
	case d <= 11:
		return 6
	default:
		return 7
	}
}

func capv(v int32) uint64 {
	if v > 6 {
		return 6
	}
	return uint64(v)
}

// fb accumulates the feature keys of one state; each add is a template,
// numbered in the order of the calls, and seed distinguishes the sets
// of templates (the label templates of a LEFT and a RIGHT arc). A key
// costs one multiplication per atom: the atoms are hashes already, or
// small numbers that the multiplication carries into the top bits,
// which choose the bucket; the last shift folds them into the low bits,
// the fingerprint of the tables.
type fb struct {
	f  []uint64
	id uint64
}

func (b *fb) add1(a uint64) {
	b.id += k2
	h := (b.id ^ a) * k1
	b.f = append(b.f, h^h>>32)
}

func (b *fb) add2(a, c uint64) {
	b.id += k2
	h := (b.id ^ a) * k1
	h = (h ^ h>>29 ^ c) * k2
	b.f = append(b.f, h^h>>32)
}

func (b *fb) add3(a, c, d uint64) {
	b.id += k2
	h := (b.id ^ a) * k1
	h = (h ^ h>>29 ^ c) * k2
	h = (h ^ h>>29 ^ d) * k1
	b.f = append(b.f, h^h>>32)
}

// featureVersion changes whenever the features change, so that an old
// model file is refused instead of misread.
const featureVersion = 8

// tagFeatures appends to f the tagger's feature keys of the word at
// position q, whose two predecessors were tagged p1 and p2 (tag atoms).
func (s *Scratch) tagFeatures(f []uint64, words []string, q int, p1, p2 uint64) []uint64 {
	n := s.n
	at := func(q int) int {
		if q < 0 {
			return 0
		}
		return min(q, n+1)
	}
	W, SUF, SHP, PT := s.w, s.suf, s.shp, s.pt
	w := words[q-1]
	b := fb{f: f, id: 0x51ed270b27c9}
	b.add1(1)
	b.add1(W[q])
	b.add1(hashLower(suffix(w, 1)))
	b.add1(hashLower(suffix(w, 2)))
	b.add1(SUF[q])
	b.add1(hashLower(suffix(w, 4)))
	b.add1(hashLower(prefix(w, 2)))
	b.add1(hashLower(prefix(w, 3)))
	b.add1(SHP[q])
	m1, m2, p1q, p2q := at(q-1), at(q-2), at(q+1), at(q+2)
	b.add1(W[m1])
	b.add1(W[p1q])
	b.add1(W[m2])
	b.add1(W[p2q])
	b.add1(SUF[m1])
	b.add1(SUF[p1q])
	b.add1(SHP[p1q])
	b.add1(p1)
	b.add2(p1, p2)
	b.add2(p1, SUF[q])
	// The caller's tags (another tagger's, trained on other text).
	b.add1(PT[q])
	b.add2(PT[q], W[q])
	b.add2(PT[q], SUF[q])
	b.add1(PT[m1])
	b.add1(PT[p1q])
	b.add2(PT[q], PT[p1q])
	return b.f
}

// labelFeatures appends to f the label feature keys of an arc from head
// h to dependent d (positions); left says d is left of h.
func (s *Scratch) labelFeatures(f []uint64, d, h int32, left bool) []uint64 {
	W, T, WT, L, SUF := s.w, s.t, s.wt, s.rel, s.suf
	root := int32(s.n + 1)
	b := fb{f: f, id: 0x3c6ef372fe94f82b}
	if left {
		b.id = 0xa54ff53a5f1d36f1
	}
	dl := s.lc1[d]
	hl, hr := s.lc1[h], s.rc1[h]
	b.add1(W[d])
	b.add1(WT[d])
	b.add1(SUF[d])
	b.add1(W[h])
	b.add1(T[h])
	b.add1(WT[h])
	b.add2(T[d], s.ls[d])
	b.add3(T[d], T[h], s.ls[h]|s.rs[h]<<1)
	b.add3(W[dl], T[d], T[h])
	b.add3(T[dl], uint64(L[dl]), T[d])
	b.add3(T[hl], uint64(L[hl]), T[d])
	b.add3(T[hr], uint64(L[hr]), T[d])
	b.add3(T[d], T[d+1], T[h])
	// The arc's context.
	hm, hp := max(h-1, 0), min(h+1, root)
	b.add3(T[d], T[h], T[hm])
	b.add3(T[d], T[h], T[hp])
	b.add3(T[d], capv(s.nl[d]), capv(s.nr[d]))
	b.add2(SUF[d], T[h])
	b.add2(s.shp[d], T[d])
	b.add3(T[d], s.ls[d], s.rs[d])
	return b.f
}

// features appends the action feature keys of the current state to f:
// those of the buffer's first words and the others.
func (s *Scratch) features(f []uint64) []uint64 {
	return s.stateFeatures(s.bufferFeatures(f))
}

// bufferFeatures appends the action feature keys over the first three
// words of the buffer alone (b0, b1, b2, without b0's dependents). They
// hold from the state where b0 comes to the front of the buffer until it
// is shifted, so [Model.Parse] scores them once per b0 rather than once
// per state.
func (s *Scratch) bufferFeatures(f []uint64) []uint64 {
	W, T, WT, SUF, SHP := s.w, s.t, s.wt, s.suf, s.shp
	root := int32(s.n + 1)
	b0 := s.b
	b1, b2 := b0+1, b0+2
	if b1 > root {
		b1 = none
	}
	if b2 > root {
		b2 = none
	}
	b := fb{f: f, id: 0x1f83d9abfb41bd6b}
	b.add1(W[b0])
	b.add1(T[b0])
	b.add1(WT[b0])
	b.add1(SUF[b0])
	b.add1(T[b1])
	b.add1(WT[b1])
	b.add2(SHP[b0], T[b0])
	b.add2(SUF[b0], T[b0])
	b.add2(SHP[b1], T[b1])
	b.add2(SUF[b1], T[b1])
	b.add2(T[b0], T[b1])
	b.add2(W[b0], W[b1])
	b.add3(T[b0], T[b1], T[b2])
	return b.f
}

// stateFeatures appends the other action feature keys of the state to f.
func (s *Scratch) stateFeatures(f []uint64) []uint64 {
	W, T, WT, L := s.w, s.t, s.wt, s.rel
	root := int32(s.n + 1)
	var s0, s1, s2 int32
	if k := len(s.stack); k > 0 {
		s0 = s.stack[k-1]
		if k > 1 {
			s1 = s.stack[k-2]
			if k > 2 {
				s2 = s.stack[k-3]
			}
		}
	}
	b0 := s.b
	b1 := b0 + 1
	if b1 > root {
		b1 = none
	}
	s0l, s0l2, s0r, s0r2 := s.lc1[s0], s.lc2[s0], s.rc1[s0], s.rc2[s0]
	s1l, s1r, s1r2 := s.lc1[s1], s.rc1[s1], s.rc2[s1]
	b0l, b0l2 := s.lc1[b0], s.lc2[b0]

	b := fb{f: f}
	C, SUF, SHP := s.c, s.suf, s.shp
	dl := dist(s0, b0, root)
	dr := dist(s1, s0, root) + 16

	// Single words.
	b.add1(W[s0])
	b.add1(WT[s0])
	b.add1(SUF[s0])
	b.add1(WT[s1])
	b.add2(SHP[s0], T[s0])
	b.add2(SUF[s0], T[s0])

	// Dependents built so far: words, tags and labels.
	b.add2(T[s0l], uint64(L[s0l]))
	b.add2(T[s1l], uint64(L[s1l]))
	b.add2(T[b0l], uint64(L[b0l]))
	b.add1(W[s0l])
	b.add1(T[s0l])
	b.add1(uint64(L[s0l]))
	b.add1(W[s1l])
	b.add1(uint64(L[s1l]))
	b.add1(T[s1r])
	b.add1(W[b0l])
	b.add1(uint64(L[b0l]))
	b.add1(T[s0l2])
	b.add1(uint64(L[s0l2]))
	b.add1(T[b0l2])

	// Pairs.
	b.add2(W[s0], W[b0])
	b.add2(WT[s1], WT[s0])
	b.add2(W[s1], W[s0])
	b.add2(C[s0], C[b0])
	b.add2(SUF[s0], C[b0])
	b.add2(C[s1], SUF[s0])
	b.add2(T[s0], T[b1])

	// Triples.
	b.add3(T[s0], T[b0], dl)
	b.add3(W[s0], T[b0], dl)
	b.add3(W[s1], T[s0], dr)
	b.add3(T[s1], T[s0], T[b0])
	b.add3(C[s1], C[s0], C[b0])
	b.add3(T[s0], uint64(L[s0l]), T[b0])
	b.add3(T[s0], T[b0], T[b1])
	b.add3(T[s2], T[s1], T[s0])
	b.add3(C[s0], C[b0], C[b1])
	b.add3(C[s2], C[s1], C[s0])
	b.add3(T[s1], T[s0], W[b0])
	b.add3(T[s0], T[s0l], T[b0])
	b.add3(T[s0], T[b0], T[b0l])
	b.add3(T[s1], T[s0], T[s0l])
	b.add3(T[s1], T[s0], T[s0r])
	b.add3(T[s1], T[s1l], T[s0])

	// Distance.
	b.add2(W[s0], dl)
	b.add2(T[s0], dl)
	b.add2(T[b0], dl)
	b.add3(W[s1], W[s0], dr)

	// Valency.
	b.add2(T[s0], capv(s.nl[s0]))
	b.add2(W[s0], capv(s.nr[s0]))
	b.add2(T[s0], capv(s.nr[s0]))
	b.add2(W[s1], capv(s.nr[s1]))
	b.add2(T[b0], capv(s.nl[b0]))

	// Label sets.
	b.add2(T[s0], s.rs[s0])
	b.add2(W[s0], s.ls[s0])
	b.add2(W[s0], s.rs[s0])
	b.add2(T[s1], s.rs[s1])
	b.add2(W[b0], s.ls[b0])
	b.add2(T[b0], s.ls[b0])

	// Third order.
	b.add3(T[s0], T[s0r], T[s0r2])
	b.add3(T[b0], T[b0l], T[b0l2])
	b.add3(T[s1], T[s1r], T[s1r2])
	return b.f
}
