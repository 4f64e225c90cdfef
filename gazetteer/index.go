package gazetteer

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"github.com/statecraft/statecraft/internal/pool"
)

// How says how a [Match] was found.
type How uint8

// The ways a name can match.
const (
	ByName      How = iota + 1 // the entry's canonical name
	ByAlias                    // one of its aliases (see Match.Acronym)
	ByAdjective                // one of its adjectives or demonyms
	ByFuzzy                    // a misspelling of a name, alias or adjective (see Match.Distance)
)

var howNames = [...]string{"", "name", "alias", "adjective", "fuzzy"}

// String returns "name", "alias", "adjective" or "fuzzy".
func (h How) String() string {
	if int(h) < len(howNames) {
		return howNames[h]
	}
	return ""
}

// Gazetteer is a loaded, validated set of entries with exact and fuzzy
// name indexes. Build one with [New]. A Gazetteer is immutable and safe for
// concurrent use by multiple goroutines.
type Gazetteer struct {
	entries  []Entry           // sorted by id, so grouped by kind
	byID     map[string]int32  // id -> entries index
	kindEnd  [State + 1]int32  // entries[kindEnd[k-1]:kindEnd[k]] have kind k
	forms    []form            // distinct name keys
	recs     []rec             // the names of each form, best first
	byKey    map[string]int32  // form key -> forms index
	byFirst  map[string]uint64 // first unit key -> bit n-1 set if a form of n units starts with it
	first    *firstFilter      // a necessary condition for a key of byFirst
	fz       fuzzyIndex
	conf     map[string]int // confusable form key -> group
	confKeys [][]string
	pool     pool.Pool[scratch]
}

// form is a distinct normalised name: the keys of its units joined by
// spaces ("south ossetia"), and the names (recs) that have this key.
type form struct {
	key     string
	r0, r1  int32
	units   uint16
	letters uint16
	fuzzy   bool // in the fuzzy index
}

// rec is one name of one entry.
type rec struct {
	entry   int32
	how     How
	acronym bool
	upper   uint64 // bit j: unit j of the name starts with a capital
	surface string
}

// kindRank orders entries that share a name: a library about states
// prefers the state.
var kindRank = [State + 1]int{State: 0, Org: 1, Person: 2, Location: 3}

// confusables are names that misspellings must not blur: a fuzzy match to
// one of them is refused when another of its group is also within reach.
var confusables = [][]string{
	{"Iran", "Iraq"},
	{"Austria", "Australia"},
	{"Niger", "Nigeria"},
	{"Sudan", "South Sudan"},
	{"Guinea", "Guinea-Bissau", "Equatorial Guinea", "Papua New Guinea"},
	{"Dominica", "Dominican Republic"},
	{"Slovakia", "Slovenia"},
	{"Gambia", "Zambia"},
	{"Mali", "Malawi"},
	{"Congo", "Republic of the Congo", "Democratic Republic of the Congo"},
	{"North Korea", "South Korea"},
}

type tmpRec struct {
	rec
	form int32
	p    pos
}

// build turns the loaded entries into a Gazetteer, reporting names shared
// without ambiguity markers.
func (l *loader) build() *Gazetteer {
	// Sort by id, moving pointers rather than the large structs.
	order := slices.Clone(l.ents)
	slices.SortFunc(order, func(a, b *building) int { return strings.Compare(a.e.ID, b.e.ID) })
	g := &Gazetteer{
		entries: make([]Entry, len(l.ents)),
		byID:    make(map[string]int32, len(l.ents)),
	}
	for i, b := range order {
		e := b.e
		g.entries[i] = e
		g.byID[e.ID] = int32(i)
		if e.Kind.IsValid() {
			g.kindEnd[e.Kind] = int32(i + 1)
		}
	}
	for k := Location; k <= State; k++ {
		g.kindEnd[k] = max(g.kindEnd[k], g.kindEnd[k-1])
	}

	names := 0
	for _, b := range order {
		names += 1 + len(b.e.Aliases) + len(b.e.Adjectives)
	}
	var (
		tmp        = make([]tmpRec, 0, names)
		entryStart int
		buf        []byte
	)
	g.forms = make([]form, 0, names)
	g.byKey = make(map[string]int32, names)
	add := func(i int, s string, how How, p pos) {
		if s == "" {
			return
		}
		for _, t := range tmp[entryStart:] { // the same surface twice in one entry
			if t.surface == s {
				return
			}
		}
		var n int
		buf, n = appendNormKey(buf[:0], s)
		if n == 0 {
			return
		}
		f, ok := g.byKey[string(buf)]
		if !ok {
			key := string(buf)
			f = int32(len(g.forms))
			g.byKey[key] = f
			g.forms = append(g.forms, form{key: key, units: uint16(min(n, 1<<16-1)), letters: uint16(min(countLetters(key), 1<<16-1))})
		}
		tmp = append(tmp, tmpRec{rec: rec{entry: int32(i), how: how, acronym: isAcronym(s), upper: upperMask(s), surface: s}, form: f, p: p})
	}
	for i, b := range order {
		entryStart = len(tmp)
		add(i, b.e.Name, ByName, b.def)
		for j, a := range b.e.Aliases {
			add(i, a, ByAlias, b.aliasPos[j])
		}
		for j, a := range b.e.Adjectives {
			add(i, a, ByAdjective, b.adjPos[j])
		}
	}
	// The loader's copies are no longer needed: let a large load shrink.
	clear(order)
	clear(l.ents)
	l.ents = nil

	// Group the names by form (counting sort), best first within a form.
	start := make([]int32, len(g.forms)+1)
	for _, t := range tmp {
		start[t.form+1]++
	}
	for i := 1; i < len(start); i++ {
		start[i] += start[i-1]
	}
	grouped := make([]tmpRec, len(tmp))
	next := slices.Clone(start[:len(g.forms)])
	for _, t := range tmp {
		grouped[next[t.form]] = t
		next[t.form]++
	}
	g.recs = make([]rec, len(tmp))
	for f := range g.forms {
		group := grouped[start[f]:start[f+1]]
		if len(group) > 1 {
			slices.SortFunc(group, func(a, b tmpRec) int { return g.rank(a.rec, b.rec) })
			l.checkShared(g, group)
		}
		for j, t := range group {
			g.recs[int(start[f])+j] = t.rec
		}
		g.forms[f].r0, g.forms[f].r1 = start[f], start[f+1]
	}

	g.indexFirst()
	g.indexConfusables()
	g.fz.build(g)
	return g
}

// rank orders two names of one form: canonical names before aliases
// before adjectives, then states, orgs, people, locations, then current
// entries before past ones (see [current]: "Berdymukhamedov" is first the
// sitting president, not his father), then by id.
func (g *Gazetteer) rank(a, b rec) int {
	ea, eb := &g.entries[a.entry], &g.entries[b.entry]
	return cmp.Or(cmp.Compare(a.how, b.how),
		cmp.Compare(kindRank[ea.Kind], kindRank[eb.Kind]),
		-cmp.Compare(b2i(current(ea)), b2i(current(eb))),
		cmp.Compare(a.entry, b.entry))
}

// current reports whether an entry is still valid: it has no end date
// and, for a person, holds a role without an end date.
func current(e *Entry) bool {
	if !e.To.IsZero() {
		return false
	}
	if e.Kind != Person {
		return true
	}
	for _, r := range e.Roles {
		if r.To.IsZero() {
			return true
		}
	}
	return false
}

// checkShared reports entries of one kind that share a name (one form)
// unless both list it in "ambiguous".
func (l *loader) checkShared(g *Gazetteer, recs []tmpRec) {
	if len(recs) < 2 {
		return
	}
	key := g.forms[recs[0].form].key
	type pair struct{ a, b int32 }
	var seen []pair
	for i, a := range recs {
		for _, b := range recs[i+1:] {
			if a.entry == b.entry {
				continue
			}
			ea, eb := &g.entries[a.entry], &g.entries[b.entry]
			if ea.Kind != eb.Kind {
				continue
			}
			pr := pair{min(a.entry, b.entry), max(a.entry, b.entry)}
			if slices.Contains(seen, pr) {
				continue
			}
			seen = append(seen, pr)
			if listsAmbiguous(ea, key) && listsAmbiguous(eb, key) {
				continue
			}
			// Report at the later of the two lines, naming the other.
			later, other := b, a
			if b.p.src < a.p.src || b.p.src == a.p.src && b.p.line < a.p.line {
				later, other = a, b
			}
			l.errorf(later.p, ErrSharedName,
				"%s: %s %q is also a name of %s (%s:%d); list it in \"ambiguous\" on both entries",
				g.entries[later.entry].ID, later.how, later.surface, g.entries[other.entry].ID,
				l.names[other.p.src], other.p.line)
		}
	}
}

func listsAmbiguous(e *Entry, key string) bool {
	for _, a := range e.Ambiguous {
		if k, _ := normKey(a); k == key {
			return true
		}
	}
	return false
}

// upperMask returns a bit per unit of name s that starts with a capital.
func upperMask(s string) uint64 {
	var m uint64
	sc := scanner{s: s, pend: -1}
	for j := 0; j < 64; j++ {
		st, _, ok := sc.nextUnit()
		if !ok {
			break
		}
		if r, _ := sc.decode(st); isUpperRune(r) {
			m |= 1 << j
		}
	}
	return m
}

// Entry returns the entry with the given id, and whether there is one.
func (g *Gazetteer) Entry(id string) (Entry, bool) {
	i, ok := g.byID[id]
	if !ok {
		return Entry{}, false
	}
	return g.entries[i].clone(), true
}

// Entries returns the entries of the given kind, sorted by id.
func (g *Gazetteer) Entries(kind Kind) []Entry {
	if !kind.IsValid() {
		return nil
	}
	src := g.entries[g.kindEnd[kind-1]:g.kindEnd[kind]]
	out := make([]Entry, len(src))
	for i, e := range src {
		out[i] = e.clone()
	}
	return out
}

// Count returns the number of entries of the given kind.
func (g *Gazetteer) Count(kind Kind) int {
	if !kind.IsValid() {
		return 0
	}
	return int(g.kindEnd[kind] - g.kindEnd[kind-1])
}

// Len returns the number of entries.
func (g *Gazetteer) Len() int { return len(g.entries) }

// String describes g by its counts, e.g. "gazetteer: 12 location, 30 org, 40 person, 260 state".
func (g *Gazetteer) String() string {
	var b strings.Builder
	b.WriteString("gazetteer:")
	for i, k := range Kinds() {
		if i > 0 {
			b.WriteByte(',')
		}
		fmt.Fprintf(&b, " %d %s", g.Count(k), k)
	}
	return b.String()
}
