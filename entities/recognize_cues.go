// This file holds the cues that refineTypes reads in a sentence: a
// definition ("X is a town in ..."), life dates after a name, and
// coordinated lists whose items share a type.

package entities

import "strings"

// definitionCue finds a sentence that defines its subject: "Brigden is a
// community in ...", "Heeney is a census-designated place", "X was an
// American actor", and gives the subject the type of the defining noun.
// A subject that no mention covers becomes one when it is a run of
// capitalised words.
func (r *recognizer) definitionCue(doc *Document, si int, st Sentence, sent []docMention, added []docMention) []docMention {
	toks := doc.Tokens
	i := st.TokenStart
	if w := lowerAt(toks, i); w == "the" && i+1 < st.TokenEnd {
		i++
	}
	var subj *docMention
	end := -1
	if len(sent) > 0 && sent[0].ts == i {
		subj, end = &sent[0], sent[0].te
	} else if e := nameRun(toks[:st.TokenEnd], i); e > i && !(e == i+1 && r.isCommonWord(toks[i].Text)) {
		end = e
		if len(sent) > 0 && sent[0].ts < e {
			return added
		}
	}
	if end < 0 {
		return added
	}
	t := definedType(toks[:st.TokenEnd], end)
	if t == "" {
		return added
	}
	if subj != nil {
		if subj.Source == FromModel {
			subj.cue = t
		}
		return added
	}
	return append(added, newDocMention(doc, si, i, end, t))
}

// definedType reads a definition after a subject ending at token i: an
// optional parenthesis, "is/was/are/were" (or a comma for an apposition)
// and "a/an/the/one of the", then up to six words to a noun of a person,
// place or organisation. It returns that noun's type, or "".
func definedType(toks []Token, i int) Type {
	if lowerAt(toks, i) == "(" {
		for k := i + 1; k < len(toks) && k < i+24; k++ {
			if toks[k].Text == ")" {
				i = k + 1
				break
			}
		}
	}
	switch lowerAt(toks, i) {
	case "is", "was", "are", "were":
		i++
		if w := lowerAt(toks, i); w == "also" || w == "now" || w == "currently" || w == "still" {
			i++
		}
	case ",":
		i++
	default:
		return ""
	}
	switch lowerAt(toks, i) {
	case "a", "an", "the":
		i++
	case "one":
		if lowerAt(toks, i+1) != "of" {
			return ""
		}
		i += 2
		if lowerAt(toks, i) == "the" {
			i++
		}
	default:
		return ""
	}
	// The head is the last word before a preposition, a relative pronoun
	// or punctuation: "a village in", "the County Governor of".
	for k := i; k < len(toks) && k < i+8; k++ {
		switch lowerAt(toks, k) {
		case "of", "in", "on", "at", "from", "for", "with", "by", "who", "whose", "which", "that", "where",
			",", ".", ";", ":", "(", "and", "or", "located", "situated", "based", "born", "known", "near":
			if k == i {
				return ""
			}
			w := lowerAt(toks, k-1)
			if t := definingNoun(w); t != "" {
				return t
			}
			if personTitles[w] {
				return Person
			}
			return ""
		}
	}
	return ""
}

// definingNoun returns the type of an entity that a noun defines: "town"
// a place, "politician" a person, "band" an organisation; "" otherwise.
// Plurals count ("one of the largest cities").
func definingNoun(w string) Type {
	if t, ok := definingNouns[w]; ok {
		return t
	}
	switch {
	case strings.HasSuffix(w, "ies"):
		return definingNouns[strings.TrimSuffix(w, "ies")+"y"]
	case strings.HasSuffix(w, "s"):
		return definingNouns[strings.TrimSuffix(w, "s")]
	}
	return ""
}

var definingNouns = map[string]Type{
	// places
	"town": Location, "city": Location, "village": Location, "hamlet": Location, "community": Location,
	"municipality": Location, "commune": Location, "suburb": Location, "neighbourhood": Location,
	"neighborhood": Location, "district": Location, "region": Location, "county": Location, "province": Location,
	"island": Location, "river": Location, "lake": Location, "mountain": Location, "peak": Location,
	"glacier": Location, "valley": Location, "settlement": Location, "locality": Location, "parish": Location,
	"borough": Location, "township": Location, "capital": Location, "port": Location, "place": Location,
	"territory": Location, "peninsula": Location, "bay": Location, "sea": Location, "desert": Location,
	"forest": Location, "park": Location, "reserve": Location, "stadium": Location, "airport": Location,
	"street": Location, "road": Location, "highway": Location, "bridge": Location, "castle": Location,
	"palace": Location, "archipelago": Location, "volcano": Location, "range": Location, "hill": Location,
	"plateau": Location, "canal": Location, "creek": Location, "stream": Location, "tributary": Location,
	"reservoir": Location, "dam": Location, "pass": Location, "cape": Location, "strait": Location,
	"oblast": Location, "governorate": Location, "prefecture": Location, "state": "", "country": State,
	// people
	"politician": Person, "actor": Person, "actress": Person, "singer": Person, "songwriter": Person,
	"writer": Person, "poet": Person, "novelist": Person, "author": Person, "painter": Person, "artist": Person,
	"sculptor": Person, "architect": Person, "composer": Person, "musician": Person, "guitarist": Person,
	"drummer": Person, "pianist": Person, "violinist": Person, "rapper": Person, "filmmaker": Person,
	"journalist": Person, "footballer": Person, "cricketer": Person, "athlete": Person, "swimmer": Person,
	"boxer": Person, "wrestler": Person, "cyclist": Person, "sprinter": Person, "businessman": Person,
	"businesswoman": Person, "entrepreneur": Person, "lawyer": Person, "judge": Person, "diplomat": Person,
	"soldier": Person, "admiral": Person, "scientist": Person, "physicist": Person, "chemist": Person,
	"biologist": Person, "mathematician": Person, "economist": Person, "historian": Person,
	"philosopher": Person, "professor": Person, "scholar": Person, "engineer": Person, "physician": Person,
	"priest": Person, "bishop": Person, "monk": Person, "nun": Person, "king": Person, "queen": Person,
	"prince": Person, "princess": Person, "emperor": Person, "empress": Person, "nobleman": Person,
	"noblewoman": Person, "dancer": Person, "comedian": Person, "presenter": Person, "broadcaster": Person,
	"activist": Person, "educator": Person, "inventor": Person, "explorer": Person, "designer": Person,
	"photographer": Person, "illustrator": Person, "cartoonist": Person, "astronaut": Person,
	"theologian": Person, "jurist": Person, "statesman": Person, "playwright": Person, "screenwriter": Person,
	"grandmaster": Person, "pitcher": Person, "quarterback": Person, "goalkeeper": Person, "defender": Person,
	"midfielder": Person, "striker": Person, "forward": Person, "coach": Person, "manager": "", "player": Person,
	// organisations
	"company": Org, "corporation": Org, "band": Org, "party": Org, "organization": Org, "organisation": Org,
	"newspaper": Org, "magazine": Org, "airline": Org, "bank": Org, "university": Org, "college": Org,
	"agency": Org, "association": Org, "firm": Org, "manufacturer": Org, "publisher": Org,
	"charity": Org, "foundation": Org, "institute": Org, "orchestra": Org, "choir": Org, "ensemble": Org,
	"duo": Org, "trio": Org, "quartet": Org, "conglomerate": Org, "retailer": Org, "broadcaster's": "",
	"club": Org, "team": Org, "league": Org, "federation": Org, "union": Org,
}

// lifeDatesAfter reports whether a parenthesis of life dates follows
// token i: "( born 5 August 1997 )", "( 1903–1952 )", "( June 17, 1929 –
// August 13, 1984 )".
func lifeDatesAfter(toks []Token, i int) bool {
	if i >= len(toks) {
		return false
	}
	switch toks[i].Text {
	case "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "Jr.", "Sr.":
		i++ // "Ferenc Puskás I ( 1903–1952 )"
	}
	if lowerAt(toks, i) != "(" {
		return false
	}
	switch lowerAt(toks, i+1) {
	case "born", "b.", "née", "nee":
		return true
	}
	years, dash := 0, false
	for k := i + 1; k < len(toks) && k < i+16; k++ {
		w := lowerAt(toks, k)
		switch {
		case w == ")":
			return years >= 1 && dash
		case w == "–" || w == "-" || w == "—":
			if years == 1 {
				dash = true
			}
		case len(w) == 4 && allDigits(w):
			years++
		}
	}
	return false
}

// listItem is one item of a coordinated list: a mention of the sentence
// (m >= 0, an index into it) or a run of capitalised words (m < 0).
type listItem struct {
	ts, te int
	m      int
}

// listCues finds coordinated lists of names in a sentence ("A, B and C",
// "A or B", "Troy, New York") and, when the items with a sure type agree,
// gives that type to the others: the model's mentions get it as a cue,
// runs of capitalised words that no mention covers become mentions.
func (r *recognizer) listCues(doc *Document, si int, st Sentence, sent []docMention, added []docMention) []docMention {
	toks := doc.Tokens[:st.TokenEnd]
	var items []listItem
	conj := false
	flush := func() {
		if len(items) >= 2 {
			added = r.applyList(doc, si, items, conj, sent, added)
		}
		items, conj = items[:0], false
	}
	mk := 0
	for k := st.TokenStart; k < st.TokenEnd; {
		for mk < len(sent) && sent[mk].ts < k {
			mk++
		}
		j := k
		// "the" may start the first item and one after a conjunction,
		// not one after a bare comma: "In Chicago, the Braves and Cubs".
		if lowerAt(toks, j) == "the" && (len(items) == 0 || !isComma(lowerAt(toks, j-1))) {
			j++
			for mk < len(sent) && sent[mk].ts < j {
				mk++
			}
		}
		it := listItem{m: -1}
		switch {
		case mk < len(sent) && sent[mk].ts == j:
			it.ts, it.te, it.m = j, sent[mk].te, mk
		case mk < len(sent) && sent[mk].ts < j+1 && sent[mk].te > j:
			// inside a mention: no item here
		default:
			if e := nameRun(toks, j); e > j && (mk >= len(sent) || sent[mk].ts >= e) &&
				!(j == st.TokenStart && r.isCommonWord(toks[j].Text)) {
				it.ts, it.te = j, e
			}
		}
		if it.te == 0 {
			flush()
			k++
			continue
		}
		k = it.te
		if isPossessive(lowerAt(toks, k)) {
			// "Russia's president": no list item.
			flush()
			continue
		}
		items = append(items, it)
		switch lowerAt(toks, k) {
		case ",":
			k++
			if w := lowerAt(toks, k); w == "and" || w == "or" {
				conj = true
				k++
			}
		case "and", "or", "&":
			conj = true
			k++
		default:
			flush()
		}
	}
	flush()
	return added
}

func isComma(s string) bool { return s == "," }

// listIntroType returns the type of the items of a list starting at token
// i that a plural noun before it gives: "children included", "cities
// such as", "students :", "officials including"; "" when none.
func listIntroType(toks []Token, i int) Type {
	k := i - 1
	switch lowerAt(toks, k) {
	case ":":
		// "Students: A, B and C": the noun right before the colon.
		return pluralNounType(lowerAt(toks, k-1))
	case "include", "includes", "included", "including", "are", "were", "like", "namely":
		k--
	case "as":
		if lowerAt(toks, k-1) != "such" {
			return ""
		}
		k -= 2
	default:
		return ""
	}
	// The noun may carry a complement: "towns and cities in this zone
	// include".
	for j := k; j >= 0 && j > k-6; j-- {
		w := lowerAt(toks, j)
		if strings.HasSuffix(w, "s") || w == "children" || w == "people" {
			if t := pluralNounType(w); t != "" {
				return t
			}
		}
		if w == "." || w == ";" || w == ":" {
			break
		}
	}
	return ""
}

// pluralNounType is the type of the things a plural noun names:
// "children", "brothers", "actors" people; "cities", "villages" places.
func pluralNounType(w string) Type {
	switch w {
	case "children", "sons", "daughters", "brothers", "sisters", "wives", "husbands", "students", "pupils",
		"members", "people", "players", "cast", "leaders", "officials", "ministers", "candidates", "founders",
		"guests", "parents", "siblings", "grandchildren", "relatives", "friends", "colleagues", "heirs",
		"successors", "predecessors", "protagonists", "characters", "winners", "participants", "signatories":
		return Person
	}
	if t := definingNoun(w); t != "" && w != strings.TrimSuffix(w, "s") {
		return t
	}
	return ""
}

// applyList gives the items of one list the type that its sure items
// agree on (see listCues).
func (r *recognizer) applyList(doc *Document, si int, items []listItem, conj bool, sent []docMention, added []docMention) []docMention {
	sure := map[Type]int{}
	weak := map[Type]int{}
	modelPeople := 0
	for _, it := range items {
		if it.m < 0 {
			continue
		}
		m := sent[it.m]
		if m.Type == Date || m.Adjectival {
			return added
		}
		t := m.Type
		if t == State {
			t = Location
		}
		switch {
		case m.cue != "":
			sure[m.cue]++
		case m.Source != FromModel && m.Source != FromFuzzy || r.headTyped(doc, m):
			sure[t]++
		case t == Person && m.te-m.ts >= 2:
			// The model's people of two words or more are sure enough to
			// type the items it left untyped ("Barack and Michelle
			// Obama"), not to overrule it on the others.
			weak[t]++
			modelPeople++
		default:
			weak[t]++
		}
	}

	// "His children included A, B and C", "towns such as A and B": a
	// plural noun introducing the list types its items.
	if t := listIntroType(doc.Tokens, items[0].ts); t != "" {
		sure[t] += 2
	}
	nSure := 0
	for _, c := range sure {
		nSure += c
	}
	var typ Type
	switch {
	case len(sure) == 1:
		for t := range sure {
			typ = t
		}
	case len(sure) == 0:
		// No sure item: a clear majority of the model's votes.
		n, total := 0, 0
		for t, c := range weak {
			total += c
			if c > n {
				typ, n = t, c
			}
		}
		if n < 2 || 2*n <= total {
			if modelPeople == 0 {
				return added
			}
			// Only the untyped items become people.
			for _, it := range items {
				if it.m < 0 {
					added = append(added, newDocMention(doc, si, it.ts, it.te, Person))
				}
			}
			return added
		}
	default:
		return added
	}
	if !conj && len(items) < 3 {
		// "Troy, New York": a place and the region it lies in; only the
		// first item takes the second's type, and only a place's.
		first, last := items[0], items[len(items)-1]
		if typ != Location || last.m < 0 || sent[last.m].Source == FromModel && !r.headTyped(doc, sent[last.m]) {
			return added
		}
		switch lowerAt(doc.Tokens, last.te) {
		case ",", ".", ";", ")", "":
		default:
			return added // "Amra Kevic, Belgrade newsroom"
		}
		if first.m >= 0 && sent[first.m].Type == Person && first.te-first.ts > 1 {
			return added // "Louis Farrakhan, the U.S. black leader"
		}
		items = items[:1]
	}
	for _, it := range items {
		if it.m >= 0 {
			m := &sent[it.m]
			// A person of several words the model found is changed only
			// by two sure items: "Madagascar, and Albert Camille Vital
			// became ..." coordinates clauses, not names.
			if m.Source == FromModel && m.cue == "" && !r.headTyped(doc, *m) &&
				(m.Type != Person || m.te-m.ts == 1 || nSure >= 2 || typ == Person) {
				m.cue = typ
			}
			continue
		}
		if it.te-it.ts == 1 && notAName(doc.Tokens, it.ts, typ) {
			continue // "between Russia and the West"
		}
		added = append(added, newDocMention(doc, si, it.ts, it.te, typ))
	}
	return added
}
