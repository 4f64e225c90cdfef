// This file holds the word tests and word tables that several passes
// share: determiners, capitals, common words, the head words that type a
// name (retypeByHead) and the words before a name that make it a place.

package entities

import (
	"maps"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/statecraft/statecraft/entities/internal/lexicon"
)

// isDeterminer reports whether w is an article or demonstrative.
func isDeterminer(w string) bool {
	switch lowerASCII(w) {
	case "the", "a", "an", "this", "that", "these", "those":
		return true
	}
	return false
}

// startsUpperOrDigit reports whether s starts with an upper-case letter or
// a digit.
func startsUpperOrDigit(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r) || unicode.IsDigit(r)
}

// isCommonWord reports whether w is a word that news writes in lower case:
// a capitalised "Sorry", "Dear" or "Team" is a word, not a name.
func (r *recognizer) isCommonWord(w string) bool {
	return lexicon.Lower(lowerASCII(w))
}

// placeHeads and orgHeads are words that make a name a place or an
// organisation whatever a statistical model says: "Lake Tana", "Morogoro
// Region", "McGill University". Keys are lower case.
var (
	placeHeads = map[string]bool{
		"lake": true, "mount": true, "mountains": true, "mountain": true, "mt.": true, "river": true, "valley": true,
		"region": true, "regions": true, "province": true, "county": true, "district": true, "oblast": true,
		"krai": true, "governorate": true, "prefecture": true, "canton": true, "voivodeship": true, "zone": true,
		"zones": true, "island": true, "islands": true, "isle": true, "bay": true, "gulf": true, "sea": true,
		"ocean": true, "strait": true, "peninsula": true, "cape": true, "desert": true, "forest": true,
		"park": true, "glacier": true, "pass": true, "canal": true, "creek": true, "harbour": true, "harbor": true,
		"street": true, "avenue": true, "road": true, "square": true, "boulevard": true, "highway": true,
		"bridge": true, "airport": true, "palace": true, "castle": true, "mall": true, "plaza": true,
		"piazza": true, "via": true, "township": true, "village": true,
		"borough": true, "municipality": true, "heights": true, "hills": true, "coast": true, "plateau": true,
		"range": true, "ranges": true, "lakes": true, "falls": true, "peak": true, "peaks": true, "springs": true,
		"gorge": true, "fjord": true, "cove": true, "marsh": true, "delta": true, "plains": true, "highlands": true,
		"lowlands": true, "steppe": true, "beach": true, "point": true, "brook": true, "reservoir": true, "dam": true,
		"trail": true, "drive": true, "lane": true, "stadium": true, "arena": true, "station": true, "tunnel": true,
		"wilderness": true, "area": true, "monument": true, "icefield": true, "basin": true, "canyon": true,
		"archipelago": true, "atoll": true, "oasis": true, "volcano": true, "rapids": true,
	}
	// stateHeads make a name a state, historical ones included:
	// "Weimar Republic", "Kingdom of Kakheti", "Golden Horde" is not
	// caught.
	stateHeads = map[string]bool{
		"empire": true, "kingdom": true, "khanate": true, "sultanate": true, "caliphate": true, "emirate": true,
		"principality": true, "duchy": true, "republic": true, "confederation": true,
	}
	orgHeads = map[string]bool{
		"university": true, "college": true, "school": true, "academy": true, "institute": true,
		"company": true, "corporation": true, "corp.": true, "inc.": true, "ltd": true, "ltd.": true, "plc": true,
		"llc": true, "group": true, "party": true, "council": true, "committee": true, "commission": true,
		"association": true, "society": true, "club": true, "bank": true, "agency": true, "ministry": true,
		"department": true, "army": true, "navy": true, "union": true, "league": true, "federation": true,
		"foundation": true, "records": true, "airlines": true, "airways": true, "diocese": true, "church": true,
		"museum": true, "orchestra": true, "band": true, "organization": true, "organisation": true,
		"parliament": true, "assembly": true, "court": true, "office": true, "service": true, "police": true,
		"brigade": true, "regiment": true, "division": true, "battalion": true, "guard": true, "front": true,
		"movement": true, "alliance": true, "coalition": true, "network": true, "television": true, "radio": true,
		"newspaper": true, "times": true, "post": true, "news": true, "press": true, "agency's": false,
		"fc": true, "f.c.": true, "united": true, "hospital": true, "library": true, "studios": true,
		// companies: "Grey Advertising", "Studio Ghibli", "Mitsubishi Electric"
		"films": true, "entertainment": true, "advertising": true, "electric": true, "books": true, "studio": true,
		"media": true, "productions": true, "pictures": true, "publishing": true, "software": true,
		"communications": true, "motors": true, "pharmaceuticals": true, "securities": true, "bancorp": true,
		"inc": true, "corp": true, "gmbh": true, "spa": true, "holdings": true,
		"industries": true, "technologies": true, "systems": true, "exchange": true, "railways": true,
		"railroad": true, "bureau": true, "administration": true, "authority": true, "tribunal": true,
	}
)

// retypeByHead returns the type that a head word of a name implies, or typ
// when none does. The last matching word counts ("University of
// Lake Forest" is an organisation): in English names the head comes last
// or before "of".
func retypeByHead(toks []Token, typ Type) Type {
	before := "" // lowerASCII(toks[k-1].Text), which is the next step's word
	for k := len(toks) - 1; k >= 0; k-- {
		w := before
		if k == len(toks)-1 {
			w = lowerASCII(toks[k].Text)
		}
		before = ""
		if k > 0 {
			before = lowerASCII(toks[k-1].Text)
		}
		if k > 0 && before == "of" {
			continue // the complement of "of" is not the head
		}
		if w == "of" {
			// "Bank of Russia": the head is before "of".
			for h := k - 1; h >= 0; h-- {
				if t := headType(lowerASCII(toks[h].Text)); t != "" {
					return t
				}
			}
			return typ
		}
		if t := headType(w); t != "" {
			return t
		}
	}
	return typ
}

// headType returns the type a head word implies, "" for none: one
// lookup in headTypes (retypeByHead asks it of most words of a name),
// skipped for the words that headTypeEnds rules out.
func headType(w string) Type {
	if !headTypeEnds.mayHold(w) {
		return ""
	}
	return headTypes[w]
}

// headTypeEnds is the endsFilter of the words of headTypes.
var headTypeEnds = newEndsFilter(slices.Collect(maps.Keys(headTypes)))

// headTypeSlow is headType by its definition: orgHeads, then placeHeads,
// then stateHeads.
func headTypeSlow(w string) Type {
	switch {
	case orgHeads[w]:
		return Org
	case placeHeads[w]:
		return Location
	case stateHeads[w]:
		return State
	}
	return ""
}

// headTypes maps each word of orgHeads, placeHeads and stateHeads to the
// type that headTypeSlow gives it.
var headTypes = func() map[string]Type {
	m := map[string]Type{}
	for _, heads := range []map[string]bool{orgHeads, placeHeads, stateHeads} {
		for w, ok := range heads {
			if t := headTypeSlow(w); ok && t != "" {
				m[w] = t
			}
		}
	}
	return m
}()

// placeBefore reports whether the words before toks[i] make a name there a
// place: a preposition of place ("in Vestvågøy") or a direction ("north
// of Wielbark", "south-east of Olsztyn").
func placeBefore(toks []Token, i int) bool {
	if i == 0 {
		return false
	}
	w := lowerASCII(toks[i-1].Text)
	if placePreposition(w) {
		return true
	}
	if w != "of" || i < 2 {
		return false
	}
	d := strings.TrimSuffix(lowerASCII(toks[i-2].Text), "ward")
	for _, p := range [...]string{"north", "south"} {
		d = strings.TrimPrefix(strings.TrimPrefix(d, p), "-")
	}
	switch d {
	case "", "east", "west", "eastern", "western", "ern":
		return lowerASCII(toks[i-2].Text) != "of"
	}
	return false
}

// placePreposition reports whether w, before a name, makes it a place.
func placePreposition(w string) bool {
	switch w {
	case "in", "near", "outside", "throughout", "across", "inside":
		return true
	}
	return false
}

// isPossessive reports whether s is the possessive clitic 's or ’s.
func isPossessive(s string) bool { return s == "'s" || s == "’s" || s == "'" || s == "’" }
