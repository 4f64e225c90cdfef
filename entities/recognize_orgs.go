// This file holds the organisation passes: names by their head word
// ("Progress Party", "Department of Labor"), names before an organisation
// noun ("the Likud party") and airlines ("Air France").

package entities

import (
	"cmp"
	"slices"
	"strings"

	"github.com/statecraft/statecraft/entities/internal/ner"
)

// orgNameHeads are the head words that make a capitalised name an
// organisation for orgNameCandidates: "Liberal Party", "Commerce
// Department", "Johnson Controls Inc". Keys are lower case. Heads that
// news also uses for events, places or sports competitions ("League",
// "Division", "Church", "School") are left to the models.
var orgNameHeads = map[string]bool{
	"party": true, "parliament": true, "assembly": true, "congress": true, "senate": true, "council": true,
	"committee": true, "commission": true, "ministry": true, "department": true, "agency": true, "bureau": true,
	"administration": true, "authority": true, "board": true, "directorate": true, "secretariat": true,
	"tribunal": true, "court": true, "office": true, "government": true, "army": true, "navy": true,
	"forces": true, "force": true, "corps": true, "command": true, "guard": true, "police": true,
	"militia": true, "brigade": true, "regiment": true, "battalion": true, "fleet": true, "university": true,
	"college": true, "academy": true, "institute": true, "foundation": true, "fund": true,
	"association": true, "society": true, "federation": true, "union": true, "alliance": true,
	"coalition": true, "movement": true, "organization": true, "organisation": true, "company": true,
	"corporation": true, "corp": true, "corp.": true, "inc": true, "inc.": true, "co": true, "co.": true,
	"ltd": true, "ltd.": true, "plc": true, "llc": true, "gmbh": true, "spa": true, "group": true,
	"holdings": true, "industries": true, "bank": true, "exchange": true, "airlines": true, "airways": true,
	"railways": true, "railroad": true, "motors": true, "software": true, "systems": true,
	"technologies": true, "communications": true, "pictures": true, "studios": true, "records": true,
	"publishing": true, "service": true, "club": true, "times": true, "films": true, "entertainment": true,
	"advertising": true, "electric": true, "books": true, "media": true, "productions": true,
	"pharmaceuticals": true, "securities": true, "bancorp": true, "legislature": true,
}

// isOrgNoun reports whether w is one of the lower-case nouns that, after
// a name, say what kind of organisation it is: "the Likud party", "the
// Gazeta Wyborcza newspaper", "the Interfax news agency".
// It is a switch, cheaper than a map for the words of every token.
func isOrgNoun(w string) bool {
	switch w {
	case "party", "newspaper", "daily", "weekly", "tabloid", "magazine",
		"movement", "broadcaster", "agency":
		return true
	}
	return false
}

// orgNounCandidates adds the names that an organisation noun follows:
// "the right-wing Likud party", "the Yedioth Ahronoth daily". The name is
// a run of at most five capitalised words with one that is neither a
// common word nor shaped like an adjective ("the Democratic party" and
// "an Islamist party" are descriptions); a name that the gazetteer reads
// otherwise (a demonym, a state, a city: "an Albanian newspaper", "a
// Sarajevo daily") is left alone. "agency" counts only after "news" ("the
// Interfax news agency").
func (r *recognizer) orgNounCandidates(text string, toks []Token, base, si int, s *recScratch) {
	from := len(s.cands)
	for j := 1; j < len(toks); j++ {
		w := toks[j].Text
		if !isOrgNoun(w) {
			continue
		}
		e := j
		if w == "agency" {
			if lowerAt(toks, j-1) != "news" || toks[j-1].Text != "news" {
				continue
			}
			e = j - 1
		}
		a := e
		for a > 0 && e-a < 5 && orgNameWord(toks, a-1) && isNameWord(toks[a-1].Text) {
			a--
		}
		if a == e {
			continue
		}
		named := false
		for k := a; k < e; k++ {
			named = named || !r.isCommonWord(toks[k].Text) && !adjectiveShaped(toks[k])
		}
		if !named {
			continue
		}
		x, y := toks[a], toks[e-1]
		s.cands = append(s.cands, candidate{
			m:  Mention{Type: Org, Text: text[x.Start:y.End], Start: x.Start, End: y.End, Sentence: si, Name: text[x.Start:y.End], Source: FromRule, Score: 0.7},
			ts: base + a, te: base + e, prio: prioOrgName,
		})
	}
	// Names the gazetteer reads (demonyms included) are left to it ("the
	// United Russia party" keeps its entry); the new candidates are
	// disjoint and in order.
	found := s.cands[from:]
	if len(found) == 0 {
		return
	}
	drop := false
	for _, c := range s.cands[:from] {
		if c.prio < prioAdjective || c.m.Source != FromGazetteer {
			continue
		}
		k, _ := slices.BinarySearchFunc(found, c.ts, func(f candidate, ts int) int { return cmp.Compare(f.te, ts+1) })
		for ; k < len(found) && found[k].ts < c.te; k++ {
			found[k].prio, drop = -1, true
		}
	}
	if drop {
		s.cands = slices.DeleteFunc(s.cands, func(c candidate) bool { return c.prio < 0 })
	}
}

// adjectiveShaped reports whether a capitalised word is an adjective by
// its tag or ending, and so describes rather than names an organisation:
// "the Catholic newspaper", "an Islamist party", "a Socialist daily".
func adjectiveShaped(t Token) bool {
	if t.Tag == "JJ" {
		return true
	}
	w := lowerASCII(t.Text)
	for _, suf := range [...]string{"ist", "ic", "ian", "ish", "ese", "ical", "ive", "ary"} {
		if strings.HasSuffix(w, suf) {
			return true
		}
	}
	return false
}

// airlineCandidates adds the airlines named "Air" and a known state or
// place ("Air France", "Air Canada", "Air Astana"), over the gazetteer's
// reading of the place.
func airlineCandidates(text string, toks []Token, base, si int, s *recScratch) {
	n := len(s.cands)
	for _, c := range s.cands[:n] {
		i := c.ts - base
		if c.prio != prioGazetteer || c.m.Adjectival || c.m.Type != State && c.m.Type != Location || i < 1 || toks[i-1].Text != "Air" {
			continue
		}
		x, y := toks[i-1], toks[c.te-base-1]
		s.cands = append(s.cands, candidate{
			m:  Mention{Type: Org, Text: text[x.Start:y.End], Start: x.Start, End: y.End, Sentence: si, Name: text[x.Start:y.End], Source: FromRule, Score: 0.75},
			ts: c.ts - 1, te: c.te, prio: prioModelWide,
		})
	}
}

// isOrgNameHead reports whether toks[h], lower-cased hw, is the head of
// an organisation's name: a word of orgNameHeads, "School", "Division"
// (with the conditions of orgNameShape), "Church of ..." (not a church
// building) or "House of" a legislature's members ("House of
// Representatives", "Maryland House of Delegates").
func isOrgNameHead(toks []Token, h int, hw string) bool {
	switch hw {
	case "school", "division", "observatory":
		return true
	case "centre", "center":
		return lowerAt(toks, h+1) == "for" // "Centre for Strategic Studies", not "the Trade Center"
	case "church":
		return lowerAt(toks, h+1) == "of"
	case "house":
		if lowerAt(toks, h+1) != "of" {
			return false
		}
		switch lowerAt(toks, h+2) {
		case "representatives", "commons", "lords", "delegates", "councillors", "councilors", "burgesses", "keys", "peers", "assembly":
			return true
		}
		return false
	}
	return orgNameHeads[hw]
}

// startsDigit reports whether s starts with an ASCII digit.
func startsDigit(s string) bool { return s != "" && '0' <= s[0] && s[0] <= '9' }

// soloHeads are the heads that name an organisation alone, capitalised
// after a lower-case "the": "the Senate voted", "the Commission
// proposed", "the Army withdrew".
var soloHeads = map[string]bool{
	"senate": true, "congress": true, "parliament": true, "assembly": true, "commission": true,
	"committee": true, "council": true, "army": true, "navy": true,
}

// descriptiveHeads are the heads of a state's own bodies, before which a
// demonym describes rather than names: "Australian [Government]" (but
// "Indonesian Democratic Party", "Irish Republican Army"). A ministry
// keeps its demonym, as the gazetteer's ministries do ("Russian Foreign
// Ministry", "Sudanese Foreign Ministry").
var descriptiveHeads = map[string]bool{"government": true, "police": true, "office": true}

// adminHeads are the place heads that name an administration and so
// may stand inside an organisation's name: "Hope Town District Council",
// "Cook County Board".
var adminHeads = map[string]bool{
	"district": true, "county": true, "region": true, "regions": true, "province": true, "municipality": true,
	"borough": true, "township": true, "village": true, "oblast": true, "krai": true, "governorate": true,
	"prefecture": true, "canton": true, "voivodeship": true,
}

// orgComplementHeads may take an "on" complement: "Committee on Foreign
// Relations".
var orgComplementHeads = map[string]bool{"committee": true, "commission": true, "council": true, "subcommittee": true}

// orgNameCandidates adds organisations named by a head word: a run of
// capitalised words ending in one ("Progress Party", "Norwegian Army",
// "Taiwan Stock Exchange"), with an "of"/"for" complement after it
// ("Department of Labor", "Institute for Advanced Study", "Party of
// Democratic Action"). A demonym that starts the name is part of it
// ("Indonesian Democratic Party", "Sudanese Foreign Ministry") unless the
// head is a state's own body that is no ministry ("Australian Government"
// is the ORG "Government" after the adjective "Australian"). A name that a gazetteer entry covers is left to the
// gazetteer ("Soviet Union", "Federation Council"); one that contains a
// shorter known name outranks it ("Bank of Japan" is no mention of
// Japan). Each head looks at most six words back and eight ahead, and the
// names found are disjoint and in order, so that comparing them with the
// gazetteer's candidates is one sorted pass: the whole is linear in the
// sentence (up to a logarithm).
func (r *recognizer) orgNameCandidates(text string, toks []Token, base, si int, s *recScratch) {
	from := len(s.cands)
	// The gazetteer's adjectives of the sentence, by token.
	adjs := s.adjs[:0]
	for _, c := range s.cands {
		if c.m.Adjectival {
			adjs = append(adjs, c.ts-base)
		}
	}
	slices.Sort(adjs)
	s.adjs = adjs
	for h := 0; h < len(toks); h++ {
		if !isCapitalized(toks[h].Text) {
			continue
		}
		hw := lowerASCII(toks[h].Text)
		if !isOrgNameHead(toks, h, hw) || lowerAt(toks, h+1) == "-" || isAllUpper(toks[h].Text) && len(toks[h].Text) > 3 {
			continue
		}
		// Further heads right after extend the name: "Swiss Bank Corp".
		e := h + 1
		for e < len(toks) && e-h < 3 && orgNameHeads[lowerAt(toks, e)] && isCapitalized(toks[e].Text) {
			e++
		}
		// The words before the head, with "and" between two common words
		// ("State Law and Order Restoration Council") and "&" between any
		// two ("Douglas & Lomason Co").
		a := h
		for a > 0 && h-a < 6 {
			switch {
			case orgNameWord(toks, a-1):
				a--
				continue
			case a >= 2 && a < h && lowerAt(toks, a-1) == "and" && orgNameWord(toks, a-2) &&
				r.isCommonWord(toks[a].Text) && r.isCommonWord(toks[a-2].Text):
				a -= 2
				continue
			case a >= 2 && a < h && toks[a-1].Text == "&" && orgNameWord(toks, a-2):
				a -= 2 // "Bear Stearns & Co Inc", "Douglas & Lomason Co"
				continue
			}
			break
		}
		// A leading demonym names the organisation unless the head is a
		// state's body.
		minLen := 2
		if a < h && descriptiveHeads[lowerAt(toks, e-1)] {
			if _, ok := slices.BinarySearch(adjs, a); ok {
				a++
				minLen = 1 // "Australian [Government]"
			}
		}
		// The complement: "of Labor", "for Advanced Study", "on Foreign
		// Relations", "of the Russian Federation", and one "of" inside it
		// ("Movement for the Liberation of Angola"); none after a
		// company's legal form ("Kia Motor Corp of South Korea").
		switch lw := lowerAt(toks, e); {
		case companySuffixes[lowerAt(toks, e-1)]:
		case lw == "of" || lw == "for" || lw == "on" && orgComplementHeads[lowerAt(toks, e-1)]:
			e = r.orgComplement(toks, e)
			if lowerAt(toks, e) == "of" {
				e = r.orgComplement(toks, e)
			}
		}
		if e < len(toks) && isNameWord(toks[e].Text) && r.isCommonWord(toks[e].Text) {
			// The name goes on with a common word: "National Assembly
			// Building", "Polish Navy Shipyards" ("Party Leader" is a
			// title, which isNameWord refuses).
			h = e - 1
			continue
		}
		if e-a == 1 && a > 0 && toks[a-1].Text == "the" && soloHeads[hw] {
			minLen = 1 // "the Senate", "the Commission" in mid-sentence
		}
		if e-a >= minLen && r.orgNameShape(toks, a, h) {
			x, y := toks[a], toks[e-1]
			s.cands = append(s.cands, candidate{
				m:  Mention{Type: Org, Text: text[x.Start:y.End], Start: x.Start, End: y.End, Sentence: si, Name: text[x.Start:y.End], Source: FromRule, Score: 0.75},
				ts: base + a, te: base + e, prio: prioOrgName,
			})
		}
		h = e - 1
	}
	// The gazetteer's names against the new candidates, which are
	// disjoint and in text order: a name that covers one removes it, a
	// name inside one raises it over the gazetteer.
	found := s.cands[from:]
	if len(found) == 0 {
		return
	}
	drop := false
	// A longer organisation of the model that holds one and goes on with
	// names is the whole name: "Berlin-Brandenburg Academy of Sciences and
	// Humanities". Both lists are in text order, and a candidate grows
	// only within one model span, so that they stay in order.
	sp := 0
	for k := range found {
		f := &found[k]
		a, e := f.ts-base, f.te-base
		for sp < len(s.nspans) && s.nspans[sp].End <= a {
			sp++
		}
		if sp < len(s.nspans) {
			if n := s.nspans[sp]; n.Kind == ner.ORG && n.Start <= a && n.End >= e && n.End-n.Start > e-a && nameGoesOn(toks, n.Start, a) && nameGoesOn(toks, e, n.End) && continuesOrgName(toks, e, n.End) {
				x, y := toks[n.Start], toks[n.End-1]
				f.ts, f.te = base+n.Start, base+n.End
				f.m.Start, f.m.End, f.m.Text = x.Start, y.End, text[x.Start:y.End]
				f.m.Name = f.m.Text
			}
		}
	}
	for _, c := range s.cands[:from] {
		if c.prio < prioGazetteer {
			continue
		}
		// The first new candidate ending after c starts.
		k, _ := slices.BinarySearchFunc(found, c.ts, func(f candidate, ts int) int { return cmp.Compare(f.te, ts+1) })
		for ; k < len(found) && found[k].ts < c.te; k++ {
			f := &found[k]
			switch {
			case c.ts <= f.ts && c.te >= f.te:
				f.prio, drop = -1, true // the gazetteer knows the whole name
			case c.ts == f.ts+1 && c.te == f.te && f.prio >= 0 && c.m.Type == Org && r.demonymOf(s.cands[:from], f.ts, c.m.ID):
				// The adjective of the organisation's own state before its
				// known name says whose it is: "Russian [Wagner Group]".
				f.prio, drop = -1, true
			case c.ts >= f.ts && c.te <= f.te && f.prio >= 0:
				f.prio = prioModelWide // a known name inside: "Bank of Japan"
			case c.ts > f.ts && c.te > f.te && c.te-f.te <= 4 && f.prio >= 0 && c.m.Type != Person && (k+1 == len(found) || found[k+1].ts >= c.te):
				// A known name that the complement cut short: "Movement for
				// the Liberation of São Tomé and Príncipe".
				f.te, f.prio = c.te, prioModelWide
				y := toks[f.te-base-1]
				f.m.End, f.m.Text = y.End, text[f.m.Start:y.End]
				f.m.Name = f.m.Text
			}
		}
	}
	if drop {
		s.cands = slices.DeleteFunc(s.cands, func(c candidate) bool { return c.prio < 0 })
	}
}

// nameGoesOn reports whether tokens [i, j) may continue a name:
// capitalised words and the small words of names ("and", "of", "the",
// "for", "&"), no punctuation ("Daniels Pharmaceuticals Inc of St.
// Petersburg , Fla." is a company and its place).
func nameGoesOn(toks []Token, i, j int) bool {
	for k := i; k < j; k++ {
		switch w := toks[k].Text; w {
		case "and", "the", "for", "&":
		default:
			if lw := lowerASCII(w); !startsUpperOrDigit(w) || isDeterminer(lw) || monthNumber(lw) > 0 || weekdayNumber(lw) >= 0 {
				return false // "August National Association of ..."
			}
		}
	}
	return true
}

// continuesOrgName reports whether tokens [e, end) after an
// organisation's head go on with its name: nothing, or a connective or
// another head first ("and Humanities", "of Sciences"), not a person's
// name ("House of Representatives Wahono").
func continuesOrgName(toks []Token, e, end int) bool {
	if e >= end {
		return true
	}
	switch w := lowerAt(toks, e); w {
	case "and", "&", "of", "for":
		return true
	default:
		return orgHeads[w] || orgNameHeads[w]
	}
}

// orgComplement returns the end of the complement of an organisation's
// head that starts with the preposition toks[e] ("of the Russian
// Federation", "for Peace and Order"), or e when no name follows it.
func (r *recognizer) orgComplement(toks []Token, e int) int {
	k := e + 1
	if lowerAt(toks, k) == "the" {
		k++
	}
	c := k
	for c < len(toks) && c-k < 6 {
		if orgNameWord(toks, c) {
			c++
			continue
		}
		if lowerAt(toks, c) == "and" && c > k && c+1 < len(toks) && isNameWord(toks[c+1].Text) && r.isCommonWord(toks[c+1].Text) {
			c += 2 // "for Peace and Order", not "of Defence and NATO"
			continue
		}
		break
	}
	if c == k {
		return e
	}
	return c
}

// companySuffixes are the legal forms that end a company's name and take
// no complement: "Kia Motor Corp of South Korea" is the company of a
// country.
var companySuffixes = map[string]bool{
	"corp": true, "corp.": true, "inc": true, "inc.": true, "co": true, "co.": true, "ltd": true, "ltd.": true,
	"plc": true, "llc": true, "gmbh": true, "spa": true, "company": true, "corporation": true, "group": true,
	"holdings": true, "industries": true,
}

// orgNameWord reports whether toks[i] can be a word of an organisation's
// name before its head: a capitalised word ("Progress", "U.S.", "Thai") or
// an ordinal ("24th"), not a determiner, month, weekday or function word
// that a headline capitalises.
func orgNameWord(toks []Token, i int) bool {
	w := toks[i].Text
	if w == "" {
		return false
	}
	c := w[0]
	if '0' <= c && c <= '9' {
		lw := lowerASCII(w)
		return strings.HasSuffix(lw, "st") || strings.HasSuffix(lw, "nd") || strings.HasSuffix(lw, "rd") || strings.HasSuffix(lw, "th")
	}
	if !startsUpperOrDigit(w) {
		return false
	}
	lw := lowerASCII(w)
	if isDeterminer(lw) || monthNumber(lw) > 0 || weekdayNumber(lw) >= 0 {
		return false
	}
	if k := strings.LastIndexByte(w, '-'); k >= 0 && k+1 < len(w) && !startsUpperOrDigit(w[k+1:]) {
		return false // "Boston-based", "Moscow-led"
	}
	switch t := toks[i].Tag; {
	case t == "IN" || t == "PRP" || t == "PRP$" || t == "CC" || t == "MD" || t == "TO" || t == "EX" || t == "WRB" || t == "WP" || t == "WDT":
		return false
	case strings.HasPrefix(t, "VB") && i == 0:
		return false
	}
	return true
}

// orgNameShape reports whether the words [a, h) before a head make a name:
// not a direction alone ("West Bank", "Western Front"), no place head but
// an administrative one ("Stadium Court", not "District Court"), not all
// in capitals (a headline's "RUGBY UNION"), and for a "Group" a word that
// is not a common one.
func (r *recognizer) orgNameShape(toks []Token, a, h int) bool {
	caps := true
	for k := a; k < h; k++ {
		w := lowerAt(toks, k)
		if placeHeads[w] && !adminHeads[w] {
			return false // "Stadium Court", not "District Court"
		}
		if !isAllUpper(toks[k].Text) {
			caps = false
		}
	}
	if caps && h > a && isAllUpper(toks[h].Text) {
		return false
	}
	switch lowerAt(toks, h) {
	case "group", "school":
		// "Carlyle Group", "Ramapo High School", not the "World Group" of
		// a tournament or a "Sunday School".
		named := false
		for k := a; k < h; k++ {
			named = named || !r.isCommonWord(toks[k].Text)
		}
		if !named {
			return false
		}
	case "division":
		// "24th Infantry Division", not a league's "Second Division".
		if a == h || !startsDigit(toks[a].Text) {
			return false
		}
	}
	if h-a == 1 {
		switch lowerAt(toks, a) {
		case "west", "east", "north", "south", "western", "eastern", "northern", "southern", "left", "right":
			return false
		}
	}
	return true
}
