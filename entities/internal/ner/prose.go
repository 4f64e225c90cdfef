package ner

import "strings"

// External feature bits of prose's analysis, as computed by [ProseExt].
// Their numbers are part of the meaning of a model trained with them: do
// not renumber them, add new ones at the end.
const (
	// prose's named-entity type (at most one is set).
	extPerson       = 1 << iota // PERSON
	extGPE                      // GPE
	extLocation                 // LOCATION
	extOrganization             // ORGANIZATION (or ORG)
	extOtherEntity              // any other entity type
	// prose's BIO prefix, set with a type bit.
	extBegin  // B-
	extInside // I-
	// Coarse class of the Penn Treebank tag (exactly one is set).
	extNNP   // NNP
	extNNPS  // NNPS
	extNN    // NN, NNS
	extJJ    // JJ, JJR, JJS
	extCD    // CD
	extVB    // VB, VBD, VBG, VBN, VBP, VBZ, MD
	extDT    // DT, PDT, WDT
	extIN    // IN, TO
	extPOS   // POS (the possessive 's)
	extPRP   // PRP, PRP$, WP, WP$
	extRB    // RB, RBR, RBS, RP, WRB
	extOther // anything else: punctuation, CC, FW, SYM, UH, an empty tag
)

// ProseExt returns the external feature bits ([Model.LabelExt],
// [Sentence].Ext) of one token from the part-of-speech tag and the
// named-entity label that prose's pretrained models give it (statecraft's
// package entities reproduces both as Token.Tag and Token.Label).
//
// The bits, by number:
//
//	0 PERSON  1 GPE  2 LOCATION  3 ORGANIZATION  4 other entity type
//	5 B- label  6 I- label       (with one of bits 0-4; none for "O")
//	7 NNP  8 NNPS  9 NN/NNS  10 JJ/JJR/JJS  11 CD  12 VB*/MD
//	13 DT/PDT/WDT  14 IN/TO  15 POS  16 PRP/PRP$/WP/WP$  17 RB*/RP/WRB
//	18 any other tag (punctuation, CC, FW, ...)
//
// Exactly one of bits 7-18 is set. A label without a B- or I- prefix
// other than "O" or "" counts as a B- label of its type. cmd/nertrain
// -stack trains a model with these bits; the shipped model is trained
// without them and gives them no weight, so callers may always pass them
// (see the package documentation).
func ProseExt(tag, label string) uint64 {
	var x uint64
	if label != "" && label != "O" {
		typ := label
		switch {
		case strings.HasPrefix(label, "B-"):
			x |= extBegin
			typ = label[2:]
		case strings.HasPrefix(label, "I-"):
			x |= extInside
			typ = label[2:]
		default:
			x |= extBegin
		}
		switch typ {
		case "PERSON":
			x |= extPerson
		case "GPE":
			x |= extGPE
		case "LOCATION":
			x |= extLocation
		case "ORGANIZATION", "ORG":
			x |= extOrganization
		default:
			x |= extOtherEntity
		}
	}
	switch tag {
	case "NNP":
		x |= extNNP
	case "NNPS":
		x |= extNNPS
	case "NN", "NNS":
		x |= extNN
	case "JJ", "JJR", "JJS":
		x |= extJJ
	case "CD":
		x |= extCD
	case "VB", "VBD", "VBG", "VBN", "VBP", "VBZ", "MD":
		x |= extVB
	case "DT", "PDT", "WDT":
		x |= extDT
	case "IN", "TO":
		x |= extIN
	case "POS":
		x |= extPOS
	case "PRP", "PRP$", "WP", "WP$":
		x |= extPRP
	case "RB", "RBR", "RBS", "RP", "WRB":
		x |= extRB
	default:
		x |= extOther
	}
	return x
}
