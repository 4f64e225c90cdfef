// This file holds the document-level passes over people's names: a
// surname alone after the full name (addSurnames) and the links between
// the variants of one name (linkNameVariants).

package entities

import (
	"context"
	"slices"
	"strings"
)

// addSurnames makes a later (or earlier) use of the surname of a person
// named in full in the document a PERSON mention, where nothing else
// claimed it or only a statistical model typed it otherwise: "Oleg
// Botsiyev ... the plan of Botsiyev". linkNameVariants then links it.
func (r *recognizer) addSurnames(ctx context.Context, doc *Document, ms []Mention) ([]Mention, error) {
	var surnames map[string]bool
	// The first bytes and the shortest length of the surnames, to skip
	// the lookup for most tokens (lower-case words, punctuation).
	var firsts [4]uint64
	shortest := 0
	for i, m := range ms {
		if every(i, checkMentions) {
			if err := ctx.Err(); err != nil {
				return nil, err
			}
		}
		if m.Type != Person {
			continue
		}
		// A model's person whose first word is a common word may be no
		// person at all ("Late Erlitou").
		first, _, _ := strings.Cut(strings.TrimSpace(m.Text), " ")
		if m.Source == FromModel && r.isCommonWord(first) {
			continue
		}
		if w := surname(m.Text); w != "" {
			if surnames == nil {
				surnames = map[string]bool{}
			}
			surnames[w] = true
			firsts[w[0]>>6] |= 1 << (w[0] & 63)
			if shortest == 0 || len(w) < shortest {
				shortest = len(w)
			}
		}
	}
	if surnames == nil {
		return ms, nil
	}
	var added []Mention
	k := 0 // ms[k] is the first mention not ending before the token
	for si, st := range doc.Sentences {
		if every(si, checkSentences) {
			if err := ctx.Err(); err != nil {
				return nil, err
			}
		}
		for ti := st.TokenStart; ti < st.TokenEnd; ti++ {
			t := doc.Tokens[ti]
			if len(t.Text) < shortest || firsts[t.Text[0]>>6]&(1<<(t.Text[0]&63)) == 0 || !surnames[t.Text] {
				continue
			}
			for k < len(ms) && ms[k].End <= t.Start {
				k++
			}
			replace := false
			if k < len(ms) && ms[k].Start < t.End {
				m := ms[k]
				if m.Start != t.Start || m.End != t.End || m.Type == Person || m.Source != FromModel {
					continue
				}
				replace = true
			}
			if replace && placeBefore(doc.Tokens[st.TokenStart:st.TokenEnd], ti-st.TokenStart) {
				continue // "held in Guantanamo": a place after all
			}
			// A surname inside a longer run of names is another name
			// ("Botsiyev Street", "Anna Botsiyev"); at the start of a
			// sentence a common word is no name ("Power cuts").
			toks := doc.Tokens[st.TokenStart:st.TokenEnd]
			i := ti - st.TokenStart
			if i+1 < len(toks) && isNameWord(toks[i+1].Text) && !r.isCommonWord(toks[i+1].Text) {
				continue
			}
			if i > 0 && isNameWord(toks[i-1].Text) && !isTitle(toks[i-1]) && !r.isCommonWord(toks[i-1].Text) {
				continue
			}
			if i == 0 && r.isCommonWord(t.Text) {
				continue
			}
			m := Mention{Type: Person, Text: t.Text, Start: t.Start, End: t.End, Sentence: si, Name: t.Text, Source: FromRule, Score: 0.75}
			if replace {
				ms[k] = m
			} else {
				added = append(added, m)
			}
		}
	}
	if len(added) == 0 {
		return ms, nil
	}
	// Both lists are in text order: merge them (sorting a hundred
	// thousand mentions is a step of a tenth of a second that cannot
	// look at ctx).
	return mergeMentions(ctx, ms, added)
}

// surname returns the last name of a person's name of two words or more
// ("Botsiyev" of "Oleg Botsiyev", "King" of "Martin Luther King Jr.",
// "al-Assad" of "Bashar al-Assad"), or
// "" when the name is a single word or its last word is no name.
func surname(name string) string {
	ws := strings.Fields(name)
	for len(ws) > 0 {
		switch ws[len(ws)-1] {
		case "Jr.", "Jr", "Sr.", "Sr", "II", "III", "IV":
			ws = ws[:len(ws)-1]
			continue
		}
		break
	}
	if len(ws) < 2 {
		return ""
	}
	w := ws[len(ws)-1]
	if len(w) < 3 || !isNameWord(w) && withoutArticle(w) == w || strings.HasSuffix(w, ".") {
		return ""
	}
	return w
}

// withoutArticle returns a surname without an Arabic article: "Assad" of
// "al-Assad", "Sisi" of "el-Sisi"; other names unchanged.
func withoutArticle(last string) string {
	for _, p := range [...]string{"al-", "Al-", "el-", "El-"} {
		if rest, ok := strings.CutPrefix(last, p); ok && len(rest) >= 3 && isCapitalized(rest) {
			return rest
		}
	}
	return last
}

// linkNameVariants gives name variants of one person the same canonical
// name and id: "Putin" after "Vladimir Putin" is Vladimir Putin; an
// unknown person's name is the fullest form used in the document.
//
// A full name (two words or more) of an unknown person takes, as its name,
// the longest full name in the document with the same first and last
// words ("Oleg A. Botsiyev" for "Oleg Botsiyev"), or the gazetteer's when
// a known person's name has them. A surname alone takes the id and name of
// the nearest full name before it with that surname (after it, when none
// is before), even over the gazetteer's reading of the surname: in a
// document about Magic Johnson, "Johnson" is not Boris Johnson. A surname
// also matches a full name whose last word is it after an Arabic article
// ("Assad" of "Bashar al-Assad"); when the full names with a surname are
// of several people, it takes the one the document names most often, on
// a tie the gazetteer's reading of the surname if it is one of them.
func linkNameVariants(ctx context.Context, doc *Document, ms []Mention) error {
	type full struct {
		first, last string
		name, id    string
		start       int
	}
	var fulls []full
	for i, m := range ms {
		if every(i, checkMentions) {
			if err := ctx.Err(); err != nil {
				return err
			}
		}
		if m.Type != Person {
			continue
		}
		last := surname(m.Text)
		if last == "" {
			continue
		}
		first, _, _ := strings.Cut(strings.TrimSpace(m.Text), " ")
		name := m.Name
		if m.ID == "" {
			name = m.Text
		}
		fulls = append(fulls, full{first, last, name, m.ID, m.Start})
	}
	if len(fulls) == 0 {
		return nil
	}
	// The canonical form of each (first, last) pair: a gazetteer person's
	// name, or else the longest form.
	type key struct{ first, last string }
	best := map[key]full{}
	for _, f := range fulls {
		k := key{f.first, f.last}
		b, ok := best[k]
		if !ok || (b.id == "" && (f.id != "" || len(f.name) > len(b.name))) {
			best[k] = f
		}
	}
	for i := range fulls {
		b := best[key{fulls[i].first, fulls[i].last}]
		fulls[i].name, fulls[i].id = b.name, b.id
	}
	byLast := map[string][]int{} // indices into fulls, ascending
	for i, f := range fulls {
		byLast[f.last] = append(byLast[f.last], i)
		if bare := withoutArticle(f.last); bare != f.last {
			byLast[bare] = append(byLast[bare], i) // "Assad" of "Bashar al-Assad"
		}
	}
	// Where the full names with one surname are of several people, the
	// one named most often; on a tie, none (""), and the gazetteer's
	// reading of the surname or else the nearest full name decides.
	var major map[string]string
	var shared map[string]bool
	for last, at := range byLast {
		if len(at) < 2 || fulls[at[0]].name == fulls[at[len(at)-1]].name && len(at) == 2 {
			continue
		}
		count := map[string]int{}
		for _, i := range at {
			count[fulls[i].name]++
		}
		if len(count) < 2 {
			continue
		}
		if shared == nil {
			major, shared = map[string]string{}, map[string]bool{}
		}
		shared[last] = true
		most, n := "", 0
		for name, c := range count {
			switch {
			case c > n:
				most, n = name, c
			case c == n:
				most = ""
			}
		}
		major[last] = most
	}
	var firstNamed map[string]int // a full name -> its first index in fulls
	fi := 0
	for i := range ms {
		if every(i, checkMentions) {
			if err := ctx.Err(); err != nil {
				return err
			}
		}
		m := &ms[i]
		if m.Type != Person {
			continue
		}
		for fi < len(fulls) && fulls[fi].start <= m.Start {
			fi++
		}
		if last := surname(m.Text); last != "" {
			if m.ID == "" {
				first, _, _ := strings.Cut(strings.TrimSpace(m.Text), " ")
				b := best[key{first, last}]
				m.ID, m.Name = b.id, b.name
			}
			continue
		}
		// A single word: the nearest full name with it as surname, the
		// last one before it, else the first after it.
		at := byLast[strings.TrimSpace(m.Text)]
		if len(at) == 0 {
			continue
		}
		k, _ := slices.BinarySearch(at, fi) // at[k-1] < fi <= at[k]
		f := &fulls[at[min(k, len(at)-1)]]
		if k > 0 {
			f = &fulls[at[k-1]]
		}
		if last := strings.TrimSpace(m.Text); shared[last] {
			// "Assad" after "Bashar al-Assad ... his father Hafez Assad":
			// the person the document names most, else the gazetteer's.
			want := major[last]
			if want == "" && m.Source == FromGazetteer && m.ID != "" {
				want = m.Name
			}
			if want != "" {
				if firstNamed == nil {
					firstNamed = make(map[string]int, len(fulls))
					for i := range fulls {
						if _, ok := firstNamed[fulls[i].name]; !ok {
							firstNamed[fulls[i].name] = i
						}
					}
				}
				// The first full name of that person, if it has this
				// surname (one map lookup and a binary search, not a scan,
				// so that many bare surnames cost linear time).
				if j, ok := firstNamed[want]; ok {
					if _, in := slices.BinarySearch(at, j); in {
						f = &fulls[j]
					}
				}
			}
		}
		if m.ID == "" || m.Source == FromGazetteer || m.ID == f.id {
			m.ID, m.Name = f.id, f.name
		}
	}
	return nil
}
