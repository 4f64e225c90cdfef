package ner

import (
	"math/bits"
	"testing"
)

func TestProseExt(t *testing.T) {
	tests := []struct {
		name, tag, label string
		want             uint64
	}{
		{"outside noun", "NN", "O", extNN},
		{"plural noun", "NNS", "O", extNN},
		{"empty label", "NNP", "", extNNP},
		{"person begins", "NNP", "B-PERSON", extPerson | extBegin | extNNP},
		{"person continues", "NNP", "I-PERSON", extPerson | extInside | extNNP},
		{"gpe", "NNP", "B-GPE", extGPE | extBegin | extNNP},
		{"location plural", "NNPS", "I-LOCATION", extLocation | extInside | extNNPS},
		{"organization", "NNP", "B-ORGANIZATION", extOrganization | extBegin | extNNP},
		{"org short form", "NNP", "I-ORG", extOrganization | extInside | extNNP},
		{"other type", "NNP", "B-FACILITY", extOtherEntity | extBegin | extNNP},
		{"no prefix", "JJ", "GPE", extGPE | extBegin | extJJ},
		{"adjective", "JJS", "O", extJJ},
		{"number", "CD", "O", extCD},
		{"verb", "VBZ", "O", extVB},
		{"modal", "MD", "O", extVB},
		{"determiner", "WDT", "O", extDT},
		{"preposition", "TO", "O", extIN},
		{"possessive", "POS", "O", extPOS},
		{"pronoun", "PRP$", "O", extPRP},
		{"adverb", "WRB", "O", extRB},
		{"punctuation", ",", "O", extOther},
		{"empty tag", "", "", extOther},
		{"unknown tag", "XYZ", "B-", extOtherEntity | extBegin | extOther},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := ProseExt(tt.tag, tt.label)
			if got != tt.want {
				t.Errorf("ProseExt(%q, %q) = %#x, want %#x", tt.tag, tt.label, got, tt.want)
			}
			const pos = extNNP | extNNPS | extNN | extJJ | extCD | extVB | extDT | extIN | extPOS | extPRP | extRB | extOther
			if n := bits.OnesCount64(got & pos); n != 1 {
				t.Errorf("ProseExt(%q, %q) sets %d part-of-speech bits", tt.tag, tt.label, n)
			}
		})
	}
}

// TestProseExtLayout pins the bit numbers that ProseExt documents: a model
// trained with them depends on them.
func TestProseExtLayout(t *testing.T) {
	for i, b := range []uint64{
		extPerson, extGPE, extLocation, extOrganization, extOtherEntity, extBegin, extInside,
		extNNP, extNNPS, extNN, extJJ, extCD, extVB, extDT, extIN, extPOS, extPRP, extRB, extOther,
	} {
		if b != 1<<i {
			t.Errorf("bit %d is %#x", i, b)
		}
	}
}
