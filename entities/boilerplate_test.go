package entities

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestIsBoilerplate: lines of page furniture and lines of prose.
func TestIsBoilerplate(t *testing.T) {
	for _, c := range []struct {
		line string
		want bool
	}{
		{"Enlarge this image toggle caption Evan Vucci/AP Evan Vucci/AP", true},
		{"Image copyright Getty Images", true},
		{"READ MORE: Putin says Russia won", true},
		{"( Also on POLITICO: The Obama doctrine?)", true},
		{"Copyright 2016 The Associated Press. All rights reserved.", true},
		{"Follow @politico", true},
		{"ADVERTISEMENT", true},
		{"Copyright law in France protects Disney.", false},
		{"The Associated Press contributed to this report.", false},
		{"Putin met Trump in Helsinki.", false},
		{"", false},
	} {
		if got := isBoilerplate(c.line); got != c.want {
			t.Errorf("isBoilerplate(%q) = %v, want %v", c.line, got, c.want)
		}
	}
}

// TestFurnitureLines: the lines of furniture inside a sentence that runs
// over several lines, as byte ranges of the text, and the lookup of an
// offset in them.
func TestFurnitureLines(t *testing.T) {
	text := "Intro.\nStory Continued Below\nAssad attended the talks\nImage copyright AFP\nthen left."
	st := Sentence{Start: 7, End: len(text)}
	got := appendFurnitureLines(nil, text, st)
	want := []span{{7, 28}, {54, 73}}
	if diff := cmp.Diff(want, got, cmp.AllowUnexported(span{})); diff != "" {
		t.Fatalf("furniture lines (-want +got):\n%s", diff)
	}
	for _, w := range want {
		if !isBoilerplate(text[w.start:w.end]) {
			t.Errorf("span %q is no furniture", text[w.start:w.end])
		}
	}
	for _, c := range []struct {
		at   int
		want bool
	}{{0, false}, {7, true}, {27, true}, {28, false}, {29, false}, {54, true}, {72, true}, {73, false}} {
		if inSpans(got, c.at) != c.want {
			t.Errorf("inSpans(%d) = %v, want %v", c.at, !c.want, c.want)
		}
	}
	if got := appendFurnitureLines(nil, "Image copyright AFP", Sentence{Start: 0, End: 19}); got != nil {
		t.Errorf("a sentence of one line: %v, want none (the caller skips it whole)", got)
	}
}
