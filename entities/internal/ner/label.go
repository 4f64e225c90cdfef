package ner

// Kind is an entity type of the CoNLL-2003 scheme. The zero value, [None],
// means "outside any entity".
type Kind uint8

// The entity kinds, in label order.
const (
	None Kind = iota // outside any entity
	PER              // person
	LOC              // location, including states and demonym-free place names
	ORG              // organisation
	MISC             // miscellaneous: demonyms, events, nationalities, works
)

// NumKinds is the number of kinds including [None].
const NumKinds = 5

var kindNames = [NumKinds]string{"O", "PER", "LOC", "ORG", "MISC"}

// String returns "PER", "LOC", "ORG", "MISC", or "O" for [None].
func (k Kind) String() string {
	if int(k) < len(kindNames) {
		return kindNames[k]
	}
	return "Kind(?)"
}

// Label is a BIO label: [O], or B- (begins an entity) or I- (continues the
// entity of the previous token) of a [Kind]. The zero value is [O].
type Label uint8

// The nine labels. B and I of kind k are 2k-1 and 2k.
const (
	O Label = iota
	BPER
	IPER
	BLOC
	ILOC
	BORG
	IORG
	BMISC
	IMISC
)

// NumLabels is the number of labels.
const NumLabels = 9

var labelNames = [NumLabels]string{"O", "B-PER", "I-PER", "B-LOC", "I-LOC", "B-ORG", "I-ORG", "B-MISC", "I-MISC"}

// String returns the CoNLL name of l: "O", "B-PER", "I-PER", ...
func (l Label) String() string {
	if int(l) < len(labelNames) {
		return labelNames[l]
	}
	return "Label(?)"
}

// Kind returns the entity kind of l, [None] for [O].
func (l Label) Kind() Kind {
	if l == O || l >= NumLabels {
		return None
	}
	return Kind((l + 1) / 2)
}

// IsBegin reports whether l is a B- label.
func (l Label) IsBegin() bool { return l != O && l < NumLabels && l%2 == 1 }

// IsInside reports whether l is an I- label.
func (l Label) IsInside() bool { return l != O && l < NumLabels && l%2 == 0 }

// Begin returns the B- label of k, [O] for [None].
func Begin(k Kind) Label {
	if k == None || k >= NumKinds {
		return O
	}
	return Label(2*k - 1)
}

// Inside returns the I- label of k, [O] for [None].
func Inside(k Kind) Label {
	if k == None || k >= NumKinds {
		return O
	}
	return Label(2 * k)
}

// ParseLabel parses a CoNLL tag such as "B-PER", "I-ORG" or "O".
func ParseLabel(s string) (Label, bool) {
	for i, n := range labelNames {
		if s == n {
			return Label(i), true
		}
	}
	return O, false
}

// allowed reports whether cur may follow prev in a sentence (IOB2): an I-
// label continues a B- or I- label of the same kind. prev == start marks
// the beginning of the sentence.
func allowed(prev, cur Label) bool {
	if !cur.IsInside() {
		return true
	}
	return prev != start && prev.Kind() == cur.Kind()
}

// start is a pseudo label for the position before the first token.
const start Label = 255

// Span is an entity found in a labelled sentence: tokens [Start, End) of
// one [Kind].
type Span struct {
	Start, End int
	Kind       Kind
}

// AppendSpans appends the entities of a label sequence to dst, in order. It
// reads labels as IOB2 and tolerates ill-formed sequences the way conlleval
// does: an I- label that does not continue an entity of its kind starts one.
// Labels produced by [Model.Label] are always well formed.
func AppendSpans(dst []Span, labels []Label) []Span {
	open := -1
	var kind Kind
	for i, l := range labels {
		k := l.Kind()
		if open >= 0 && (k != kind || !l.IsInside()) {
			dst = append(dst, Span{open, i, kind})
			open = -1
		}
		if k != None && open < 0 {
			open, kind = i, k
		}
	}
	if open >= 0 {
		dst = append(dst, Span{open, len(labels), kind})
	}
	return dst
}
