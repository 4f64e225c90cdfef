package gazetteer

import (
	_ "embed" // the compiled default gazetteer
	"errors"
	"fmt"
	"strings"
	"sync"

	"github.com/statecraft/statecraft/internal/tables"
)

// ErrCompiled is wrapped by the errors of [Compiled] for bytes that are not
// compiled tables of this version: truncated, damaged, from another
// version, or inconsistent.
var ErrCompiled = errors.New("gazetteer: bad compiled tables")

// compiledMagic names the layout of [Gazetteer.MarshalBinary]; change it
// with the layout.
const compiledMagic = "SCGAZT02"

// compiledDefault is the default data (data/*.jsonl) compiled by
// cmd/gengaz (go generate ./gazetteer); TestCompiledUpToDate fails when it
// is stale.
//
//go:embed data/compiled.tables
var compiledDefault []byte

// Default returns the gazetteer of the embedded data, built once per
// process from its compiled tables and shared: the same value as
// New() gives, without building it again. Packages entities and relations
// use it unless told otherwise.
func Default() (*Gazetteer, error) { return sharedDefault() }

var sharedDefault = sync.OnceValues(func() (*Gazetteer, error) { return New() })

// Sections of the compiled tables.
const (
	gsStringEnds = iota
	gsStringBlob
	gsEntries  // entryWords uint32s per entry
	gsLists    // string indices of aliases, adjectives and ambiguous names
	gsRoles    // roleWords uint32s per role
	gsForms    // formWords uint32s per form
	gsRecs     // recWords uint32s per name
	gsKindEnd  // int32s, State+1 of them
	gsFuzzy    // uint32s: shift, maxUnits, pshift, filter bshift
	gsPairs    // uint64s
	gsBuckets  // uint32s
	gsPresent  // uint64s
	gsFilter   // uint64s: the words of the fuzzy filter
	gsSections // the number of sections
)

const (
	entryWords = 20
	roleWords  = 4
	formWords  = 6
	recWords   = 6
)

// MarshalBinary returns g compiled: its entries and its exact and fuzzy
// indexes as tables that [Compiled] reads back in place, in a fraction of
// the time that [New] takes to parse and index JSON Lines. The bytes
// depend only on g's entries: equal data gives equal bytes.
func (g *Gazetteer) MarshalBinary() ([]byte, error) {
	var (
		strs  []string
		index = map[string]uint32{}
	)
	str := func(s string) uint32 {
		i, ok := index[s]
		if !ok {
			i = uint32(len(strs))
			index[s] = i
			strs = append(strs, s)
		}
		return i
	}
	var ents, lists, roles, forms, recs []uint32
	list := func(v []string) (lo, hi uint32) {
		lo = uint32(len(lists))
		for _, s := range v {
			lists = append(lists, str(s))
		}
		return lo, uint32(len(lists))
	}
	for i := range g.entries {
		e := &g.entries[i]
		ents = append(ents, str(e.ID), str(e.Name), str(e.Status), str(e.ISO2), str(e.ISO3), str(e.ISONum),
			str(e.Capital), str(e.Country), str(e.Category), uint32(e.Kind), packDate(e.From), packDate(e.To))
		alo, ahi := list(e.Aliases)
		dlo, dhi := list(e.Adjectives)
		mlo, mhi := list(e.Ambiguous)
		rlo := uint32(len(roles) / roleWords)
		for _, r := range e.Roles {
			roles = append(roles, str(r.Role), str(r.Of), packDate(r.From), packDate(r.To))
		}
		ents = append(ents, alo, ahi, dlo, dhi, mlo, mhi, rlo, uint32(len(roles)/roleWords))
	}
	for _, f := range g.forms {
		forms = append(forms, str(f.key), uint32(f.r0), uint32(f.r1), uint32(f.units), uint32(f.letters), uint32(b2i(f.fuzzy)))
	}
	for _, r := range g.recs {
		recs = append(recs, uint32(r.entry), uint32(r.how), uint32(b2i(r.acronym)), uint32(r.upper), uint32(r.upper>>32), str(r.surface))
	}
	ends, blob, err := tables.AppendStrings(nil, nil, strs)
	if err != nil {
		return nil, err
	}
	var w tables.Writer
	w.Add(ends)
	w.Add(blob)
	w.Add(tables.AppendUint32s(nil, ents))
	w.Add(tables.AppendUint32s(nil, lists))
	w.Add(tables.AppendUint32s(nil, roles))
	w.Add(tables.AppendUint32s(nil, forms))
	w.Add(tables.AppendUint32s(nil, recs))
	w.Add(tables.AppendInt32s(nil, g.kindEnd[:]))
	w.Add(tables.AppendUint32s(nil, []uint32{uint32(g.fz.shift), uint32(g.fz.maxUnits), uint32(g.fz.pshift), uint32(g.fz.filter.bshift)}))
	w.Add(tables.AppendUint64s(nil, g.fz.pairs))
	w.Add(tables.AppendUint32s(nil, g.fz.buckets))
	w.Add(tables.AppendUint64s(nil, g.fz.present))
	w.Add(tables.AppendUint64s(nil, g.fz.filter.words))
	return w.Bytes(compiledMagic)
}

func packDate(d Date) uint32 {
	return uint32(uint16(d.Year))<<16 | uint32(d.Month)<<8 | uint32(d.Day)
}

func unpackDate(x uint32) (Date, error) {
	d := Date{Year: int16(uint16(x >> 16)), Month: uint8(x >> 8), Day: uint8(x)}
	if d.IsZero() {
		return d, nil
	}
	if d.Year < 1 || d.Year > 9999 || d.Month > 12 || d.Day > 31 || d.Month == 0 && d.Day != 0 {
		return Date{}, fmt.Errorf("bad date %d-%d-%d", d.Year, d.Month, d.Day)
	}
	return d, nil
}

// Compiled returns the gazetteer that [Gazetteer.MarshalBinary] wrote to b.
// Its tables and strings are used where they lie, and the strings it
// returns (ids, names, aliases in Entries and Matches) point into b: b
// must never change afterwards, even once the gazetteer is dropped (pass
// a copy if the buffer is reused). Bytes that are not such tables (truncated, damaged,
// of another version, or inconsistent) give an error wrapping
// [ErrCompiled]; Compiled never panics on its input.
func Compiled(b []byte) (*Gazetteer, error) {
	g, err := compiled(b)
	if err != nil {
		return nil, fmt.Errorf("%w: %w", ErrCompiled, err)
	}
	return g, nil
}

func compiled(b []byte) (*Gazetteer, error) {
	f, err := tables.Open(b, compiledMagic)
	if err != nil {
		return nil, err
	}
	if f.Len() != gsSections {
		return nil, fmt.Errorf("%d sections, want %d", f.Len(), gsSections)
	}
	sec := func(i int) []byte { s, _ := f.Section(i); return s }
	var u32 [gsSections][]uint32
	for _, i := range []int{gsStringEnds, gsEntries, gsLists, gsRoles, gsForms, gsRecs, gsFuzzy, gsBuckets} {
		if u32[i], err = tables.Uint32s(sec(i)); err != nil {
			return nil, err
		}
	}
	strs, err := tables.Strings(u32[gsStringEnds], sec(gsStringBlob))
	if err != nil {
		return nil, err
	}
	str := func(i uint32) (string, error) {
		if int64(i) >= int64(len(strs)) {
			return "", fmt.Errorf("string %d of %d", i, len(strs))
		}
		return strs[i], nil
	}
	ents, lists, roles := u32[gsEntries], u32[gsLists], u32[gsRoles]
	if len(ents)%entryWords != 0 || len(roles)%roleWords != 0 || len(u32[gsForms])%formWords != 0 || len(u32[gsRecs])%recWords != 0 {
		return nil, errors.New("a record section of the wrong size")
	}
	g := &Gazetteer{entries: make([]Entry, len(ents)/entryWords)}
	// The lists of all entries share one backing array, each capped.
	listStrs := make([]string, len(lists))
	for i, x := range lists {
		if listStrs[i], err = str(x); err != nil {
			return nil, err
		}
	}
	allRoles := make([]Role, len(roles)/roleWords)
	for i := range allRoles {
		r := roles[i*roleWords:]
		var errs [4]error
		allRoles[i].Role, errs[0] = str(r[0])
		allRoles[i].Of, errs[1] = str(r[1])
		allRoles[i].From, errs[2] = unpackDate(r[2])
		allRoles[i].To, errs[3] = unpackDate(r[3])
		if err := errors.Join(errs[:]...); err != nil {
			return nil, fmt.Errorf("role %d: %w", i, err)
		}
	}
	sub := func(v []string, lo, hi uint32) ([]string, error) {
		if lo > hi || int64(hi) > int64(len(v)) {
			return nil, fmt.Errorf("list [%d, %d) of %d", lo, hi, len(v))
		}
		if lo == hi {
			return nil, nil
		}
		return v[lo:hi:hi], nil
	}
	for i := range g.entries {
		r, e := ents[i*entryWords:], &g.entries[i]
		var errs [17]error
		e.ID, errs[0] = str(r[0])
		e.Name, errs[1] = str(r[1])
		e.Status, errs[2] = str(r[2])
		e.ISO2, errs[3] = str(r[3])
		e.ISO3, errs[4] = str(r[4])
		e.ISONum, errs[5] = str(r[5])
		e.Capital, errs[6] = str(r[6])
		e.Country, errs[7] = str(r[7])
		e.Category, errs[8] = str(r[8])
		e.Kind = Kind(r[9])
		if !e.Kind.IsValid() || r[9] > uint32(State) {
			errs[9] = fmt.Errorf("kind %d", r[9])
		}
		e.From, errs[10] = unpackDate(r[10])
		e.To, errs[11] = unpackDate(r[11])
		e.Aliases, errs[12] = sub(listStrs, r[12], r[13])
		e.Adjectives, errs[13] = sub(listStrs, r[14], r[15])
		e.Ambiguous, errs[14] = sub(listStrs, r[16], r[17])
		if lo, hi := r[18], r[19]; lo > hi || int64(hi) > int64(len(allRoles)) {
			errs[15] = fmt.Errorf("roles [%d, %d) of %d", lo, hi, len(allRoles))
		} else if lo < hi {
			e.Roles = allRoles[lo:hi:hi]
		}
		if i > 0 && g.entries[i-1].ID >= e.ID {
			errs[16] = fmt.Errorf("id %q after %q: not sorted", e.ID, g.entries[i-1].ID)
		}
		if err := errors.Join(errs[:]...); err != nil {
			return nil, fmt.Errorf("entry %d: %w", i, err)
		}
	}
	g.byID = make(map[string]int32, len(g.entries))
	for i := range g.entries {
		g.byID[g.entries[i].ID] = int32(i)
	}
	kindEnd, err := tables.Int32s(sec(gsKindEnd))
	if err != nil {
		return nil, err
	}
	if len(kindEnd) != len(g.kindEnd) || kindEnd[0] != 0 || kindEnd[State] != int32(len(g.entries)) {
		return nil, errors.New("bad kind ranges")
	}
	copy(g.kindEnd[:], kindEnd)
	for k := Location; k <= State; k++ {
		lo, hi := g.kindEnd[k-1], g.kindEnd[k]
		if lo > hi {
			return nil, errors.New("bad kind ranges")
		}
		for i := lo; i < hi; i++ {
			if g.entries[i].Kind != k {
				return nil, fmt.Errorf("entry %d is not of kind %s", i, k)
			}
		}
	}

	rs := u32[gsRecs]
	g.recs = make([]rec, len(rs)/recWords)
	for i := range g.recs {
		r := rs[i*recWords:]
		s, err := str(r[5])
		if err != nil || int64(r[0]) >= int64(len(g.entries)) || r[1] < uint32(ByName) || r[1] > uint32(ByAdjective) || r[2] > 1 {
			return nil, fmt.Errorf("name %d: bad entry, kind of name or string", i)
		}
		g.recs[i] = rec{entry: int32(r[0]), how: How(r[1]), acronym: r[2] == 1, upper: uint64(r[3]) | uint64(r[4])<<32, surface: s}
	}
	fs := u32[gsForms]
	g.forms = make([]form, len(fs)/formWords)
	g.byKey = make(map[string]int32, len(g.forms))
	for i := range g.forms {
		r := fs[i*formWords:]
		key, err := str(r[0])
		if err != nil || key == "" || r[1] > r[2] || int64(r[2]) > int64(len(g.recs)) || r[3] == 0 || r[3] > 1<<16-1 || r[4] > 1<<16-1 || r[5] > 1 {
			return nil, fmt.Errorf("form %d: bad key, names or sizes", i)
		}
		if _, dup := g.byKey[key]; dup {
			return nil, fmt.Errorf("form %d: key %q twice", i, key)
		}
		g.forms[i] = form{key: key, r0: int32(r[1]), r1: int32(r[2]), units: uint16(r[3]), letters: uint16(r[4]), fuzzy: r[5] == 1}
		g.byKey[key] = int32(i)
	}
	g.indexFirst()
	g.indexConfusables()
	if err := g.fz.open(u32[gsFuzzy], sec(gsPairs), u32[gsBuckets], sec(gsPresent), sec(gsFilter), len(g.forms)); err != nil {
		return nil, err
	}
	return g, nil
}

// indexFirst builds byFirst from the forms: for each first unit, the
// lengths (in units) of the names that start with it.
func (g *Gazetteer) indexFirst() {
	g.byFirst = make(map[string]uint64)
	g.first = new(firstFilter)
	for _, f := range g.forms {
		first := f.key
		if j := strings.IndexByte(first, ' '); j >= 0 {
			first = first[:j]
		}
		if f.units >= 1 && f.units <= 64 {
			g.byFirst[first] |= 1 << (f.units - 1)
			g.first.add(first)
		}
	}
}

// firstFilter is a necessary condition for a unit key to be a key of
// byFirst, cheaper than the map lookup that most units fail: a bit for
// each triple of a key's length (up to 15), its first byte and its last
// byte (modulo 64) among the keys. The empty key always passes.
type firstFilter [16][256]uint64

// add adds key k.
func (f *firstFilter) add(k string) {
	if k != "" {
		f[min(len(k), 15)][k[0]] |= 1 << (k[len(k)-1] & 63)
	}
}

// mayHave reports whether key k may have been added: false means that it
// was not. A nil filter (a zero Gazetteer's) lets every key pass.
func (f *firstFilter) mayHave(k []byte) bool {
	return f == nil || len(k) == 0 || f[min(len(k), 15)][k[0]]&(1<<(k[len(k)-1]&63)) != 0
}

// indexConfusables builds conf and confKeys from [confusables].
func (g *Gazetteer) indexConfusables() {
	g.conf = make(map[string]int)
	g.confKeys = nil
	for gi, group := range confusables {
		var keys []string
		for _, s := range group {
			k, _ := normKey(s)
			g.conf[k] = gi
			keys = append(keys, k)
		}
		g.confKeys = append(g.confKeys, keys)
	}
}

// open sets x from compiled tables, checking what lookups rely on: the
// bucket table's size and order, the presence bits' size, and form indices.
func (x *fuzzyIndex) open(hdr []uint32, pairs []byte, buckets []uint32, present, filter []byte, forms int) error {
	if len(hdr) != 4 {
		return errors.New("bad fuzzy index header")
	}
	shift, maxUnits, pshift, bshift := hdr[0], hdr[1], hdr[2], hdr[3]
	p, err := tables.Uint64s(pairs)
	if err != nil {
		return err
	}
	pr, err := tables.Uint64s(present)
	if err != nil {
		return err
	}
	fw, err := tables.Uint64s(filter)
	if err != nil {
		return err
	}
	if shift == 0 || shift > 32 || pshift == 0 || pshift > 32 || maxUnits > maxFuzzyUnits ||
		len(buckets) != 1<<(32-shift)+1 || len(pr) != (1<<(32-pshift)+63)/64 ||
		bshift < 64-20 || bshift > 64-6 || len(fw) != 1<<(64-bshift) {
		return errors.New("bad fuzzy index sizes")
	}
	prev := uint32(0)
	for _, b := range buckets {
		if b < prev || int64(b) > int64(len(p)) {
			return errors.New("fuzzy index buckets out of order")
		}
		prev = b
	}
	// One pass over the pairs (the longest table read at start-up):
	// sorted, and naming only forms that exist.
	var last uint64
	for _, v := range p {
		if v < last {
			return errors.New("fuzzy index pairs out of order")
		}
		if int64(uint32(v)) >= int64(forms) {
			return errors.New("fuzzy index names a missing form")
		}
		last = v
	}
	*x = fuzzyIndex{pairs: p, buckets: buckets, shift: uint(shift), maxUnits: int(maxUnits), present: pr, pshift: uint(pshift),
		filter: fuzzyFilter{words: fw, bshift: uint(bshift)}}
	return nil
}
