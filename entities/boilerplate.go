// This file holds the test for the furniture of web pages that news
// sites print among their paragraphs (isBoilerplate): photo credits,
// copyright lines, share and follow buttons, newsletter and "read more"
// prompts. Names in them are not what the article says. Contributor
// credits ("Fox News' Jason Donner contributed to this report") and
// bylines are not furniture: the annotation guidelines list their people
// and organisations.

package entities

import (
	"bytes"
	"sort"
	"strings"
	"unicode/utf8"
)

// maxBoilerplateBytes bounds the length of a line of page furniture.
const maxBoilerplateBytes = 300

// boilerplateStarts are the lower-case beginnings of lines of page
// furniture: "Image copyright Getty Images", "READ MORE: ...", "Follow
// @politico".
var boilerplateStarts = []string{
	"image copyright", "image caption", "photo:", "photo credit", "photograph:", "(photo", "( photo",
	"©", "click here", "read more", "also see:", "see also:", "watch:", "vote now",
	"sign up", "subscribe to", "share this", "send letters to", "related:",
	"listen to article", "slideshow (", "( also on ", "(also on ", "follow @", "join us on facebook",
	"the opinions expressed", "advertisement", "story continued below", "more on this",
}

// boilerplateContains are lower-case phrases that make a short line page
// furniture wherever they stand in it.
var boilerplateContains = []string{
	"toggle caption", "all rights reserved", "delivered to your inbox", "sign up for our newsletter", "on twitter @", "follow us on twitter",
	"follow us on facebook",
}

// isBoilerplate reports whether line, one sentence of a document, is page
// furniture (see boilerplateStarts and boilerplateContains): short, and
// starting or containing one of their phrases.
func isBoilerplate(line string) bool {
	line = strings.TrimSpace(line)
	if line == "" || len(line) > maxBoilerplateBytes {
		return false
	}
	// Most lines are ASCII: lower-case them into an array on the stack
	// rather than into a new string.
	var buf [maxBoilerplateBytes]byte
	low := buf[:len(line)]
	for i := 0; i < len(line); i++ {
		c := line[i]
		if c >= utf8.RuneSelf {
			return isBoilerplateLower(strings.ToLower(line))
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		low[i] = c
	}
	for _, p := range boilerplateStarts {
		if len(low) >= len(p) && string(low[:len(p)]) == p {
			return true
		}
	}
	if len(low) >= len("copyright ") && string(low[:len("copyright ")]) == "copyright " && bytes.ContainsAny(low, "0123456789") {
		return true
	}
	for _, p := range boilerplateContainsBytes {
		if bytes.Contains(low, p) {
			return true
		}
	}
	return false
}

// boilerplateContainsBytes is boilerplateContains as byte slices.
var boilerplateContainsBytes = func() [][]byte {
	b := make([][]byte, len(boilerplateContains))
	for i, p := range boilerplateContains {
		b[i] = []byte(p)
	}
	return b
}()

// isBoilerplateSlow is isBoilerplate by its definition, without the
// ASCII path.
func isBoilerplateSlow(line string) bool {
	line = strings.TrimSpace(line)
	if line == "" || len(line) > maxBoilerplateBytes {
		return false
	}
	return isBoilerplateLower(strings.ToLower(line))
}

// isBoilerplateLower is isBoilerplate on a trimmed, lower-cased line.
func isBoilerplateLower(low string) bool {
	for _, p := range boilerplateStarts {
		if strings.HasPrefix(low, p) {
			return true
		}
	}
	if strings.HasPrefix(low, "copyright ") && strings.ContainsAny(low, "0123456789") {
		return true // "Copyright 2016 The Associated Press."
	}
	for _, p := range boilerplateContains {
		if strings.Contains(low, p) {
			return true
		}
	}
	return false
}

// span is a byte range [start, end) of a text.
type span struct{ start, end int }

// appendFurnitureLines appends to out the lines of furniture inside
// sentence st that holds more than one line ("ADVERTISEMENT" run into the
// paragraph after it when the line has no full stop).
func appendFurnitureLines(out []span, text string, st Sentence) []span {
	s := text[st.Start:st.End]
	if strings.IndexByte(s, '\n') < 0 {
		return out
	}
	for off := 0; off < len(s); {
		line, _, _ := strings.Cut(s[off:], "\n")
		if isBoilerplate(line) {
			out = append(out, span{st.Start + off, st.Start + off + len(line)})
		}
		off += len(line) + 1
	}
	return out
}

// inSpans reports whether byte offset i lies in one of spans, which are
// in text order and disjoint.
func inSpans(spans []span, i int) bool {
	k := sort.Search(len(spans), func(k int) bool { return spans[k].end > i })
	return k < len(spans) && spans[k].start <= i
}
