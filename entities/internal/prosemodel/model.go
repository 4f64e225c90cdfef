// Package prosemodel holds the trained English models that ship with
// github.com/jdkato/prose/v2 v2.0.0 as compact read-only tables: the
// averaged-perceptron part-of-speech model and the maximum-entropy
// named-entity model.
//
// The tables are generated: cmd/genprose decodes prose's gob files (read
// through its exported prose.Asset) with [Build] and writes
// data/prose.tables, which the package embeds and [Load] reads in place
// (a checksum and bounds checks, no decoding), so that a process does not
// pay prose's gzip and gob decoding at start-up and does not link prose's
// assets at all. TestTablesUpToDate fails when the file differs from what
// prose's models give.
//
// The tables hold exactly prose's weights; the feature functions that query
// them live in package entities. Values of [POS] and [NER] are immutable
// after loading and safe for concurrent use.
package prosemodel

import (
	"bytes"
	"encoding/gob"
	"errors"
	"fmt"
	"maps"
	"math"
	"slices"
	"sync"
)

// AssetFunc returns the bytes of a named model file; prose.Asset is one.
type AssetFunc func(name string) ([]byte, error)

// Asset names inside prose's embedded data.
const (
	posClasses = "model/AveragedPerceptron/classes.gob"
	posTags    = "model/AveragedPerceptron/tags.gob"
	posWeights = "model/AveragedPerceptron/weights.gob"
	nerLabels  = "model/Maxent/labels.gob"
	nerMapping = "model/Maxent/mapping.gob"
	nerWeights = "model/Maxent/weights.gob"
	nerWords   = "model/Maxent/words.gob"
)

// MaxClasses is the largest number of POS classes supported (a class set is
// a uint64 bit mask).
const MaxClasses = 64

// WeightScale is the number of POS weight units per 1.0: prose rounds the
// averaged weights to three decimals, so they are stored as exact integers
// in thousandths and scores are summed without rounding error.
const WeightScale = 1000

// POS is prose's averaged-perceptron part-of-speech model.
type POS struct {
	// Classes are the tag names; a class index is a position in Classes
	// (the order of classes.gob).
	Classes []string

	tagDict map[string]string // words whose tag is fixed (tags.gob)
	feats   table
	entries []uint32 // per feature row: weight<<8 | class
}

// TagDict returns the fixed tag of word, if prose's tag dictionary has one.
func (m *POS) TagDict(word string) (string, bool) {
	t, ok := m.tagDict[word]
	return t, ok
}

// Row returns the weights of the feature whose key hashes to h, as packed
// entries (see [EntryClass], [EntryWeight]); nil if the model lacks it.
func (m *POS) Row(h uint64) []uint32 {
	lo, hi := m.feats.lookup(h)
	return m.entries[lo:hi]
}

// Rows sets rows[k] = m.Row(hs[k]) for each k. Probing all the keys
// before reading any row lets the processor overlap the cache misses.
func (m *POS) Rows(hs []uint64, rows [][]uint32) {
	var lo, hi [maxBatch]uint32
	n := min(len(hs), len(rows), maxBatch)
	m.feats.lookupBatch(hs[:n], lo[:n], hi[:n])
	for k := range n {
		rows[k] = m.entries[lo[k]:hi[k]]
	}
}

// Features returns the number of features with weights.
func (m *POS) Features() int { return len(m.entries) }

// EntryClass returns the class index of a packed POS weight entry.
func EntryClass(e uint32) uint { return uint(e & 0xff) }

// EntryWeight returns the weight of a packed POS weight entry in units of
// 1/[WeightScale].
func EntryWeight(e uint32) int32 { return int32(e) >> 8 }

// NER is prose's maximum-entropy named-entity model. A prose joint feature
// "name-value-label" is stored as a row keyed by the hash of "name-value",
// holding one weight per label that the model has for it.
type NER struct {
	// Labels are the BIO labels; a label index is a position in Labels
	// (the order of labels.gob).
	Labels []string

	words  map[string]struct{} // prose's basic English word list (words.gob)
	prefix table
	cells  []Cell // a row's labels and weights side by side: one cache miss per row
}

// A Cell is the weight of one joint feature "name-value-label" of the NER
// model: the label's index and the weight.
type Cell struct {
	Weight float64
	Label  uint8
}

// Row returns the labels and weights of the joint features whose
// "name-value" prefix hashes to h, in label order.
func (m *NER) Row(h uint64) []Cell {
	lo, hi := m.prefix.lookup(h)
	return m.cells[lo:hi]
}

// Rows sets rows[k] = m.Row(hs[k]) for each k, probing all the keys first.
func (m *NER) Rows(hs []uint64, rows [][]Cell) {
	var lo, hi [maxBatch]uint32
	n := min(len(hs), len(rows), maxBatch)
	m.prefix.lookupBatch(hs[:n], lo[:n], hi[:n])
	for k := range n {
		rows[k] = m.cells[lo[k]:hi[k]]
	}
}

// InWordList reports whether word is in prose's basic English word list
// (case-sensitive, as prose's isBasic).
func (m *NER) InWordList(word string) bool {
	_, ok := m.words[word]
	return ok
}

// Load returns both models from the tables generated from prose's models
// (see [Build]), read in place: no decoding, only checks.
func Load() (*POS, *NER, error) {
	return Open(generated)
}

func load(asset AssetFunc, fast bool) (*POS, *NER, error) {
	var (
		pos  *POS
		perr error
		wg   sync.WaitGroup
	)
	wg.Go(func() { pos, perr = loadPOS(asset, fast) })
	ner, nerr := loadNER(asset, fast)
	wg.Wait()
	if err := errors.Join(perr, nerr); err != nil {
		return nil, nil, err
	}
	return pos, ner, nil
}

func decodeGob(asset AssetFunc, name string, v any) error {
	b, err := asset(name)
	if err != nil {
		return fmt.Errorf("prosemodel: %s: %w", name, err)
	}
	if err := gob.NewDecoder(bytes.NewReader(b)).Decode(v); err != nil {
		return fmt.Errorf("prosemodel: %s: %w", name, err)
	}
	return nil
}

// posBuilder turns the (feature, class, weight) triples of weights.gob into
// rows.
type posBuilder struct {
	m       *POS
	classes map[string]uint8
	key     uint64
	lo      int
	open    bool
	err     error
}

func (b *posBuilder) begin(n int) {
	b.m.feats = newTable(n)
	b.m.entries = make([]uint32, 0, 4*n)
}

func (b *posBuilder) outer(key []byte) {
	b.close()
	b.key, b.lo, b.open = Hash(Offset, key), len(b.m.entries), true
}

func (b *posBuilder) close() {
	if !b.open || b.err != nil {
		return
	}
	b.open = false
	if len(b.m.entries) > b.lo && !b.m.feats.insert(b.key, uint32(b.lo), uint32(len(b.m.entries))) {
		b.err = fmt.Errorf("prosemodel: %s: two features share the hash %#x", posWeights, b.key)
	}
}

func (b *posBuilder) inner(class []byte, w float64) {
	if b.err != nil {
		return
	}
	c, ok := b.classes[string(class)]
	if !ok {
		b.err = fmt.Errorf("prosemodel: %s: unknown class %q", posWeights, class)
		return
	}
	x := math.Round(w * WeightScale)
	if math.IsNaN(w) || math.Abs(w*WeightScale-x) > 1e-6 || math.Abs(x) >= 1<<23 {
		b.err = fmt.Errorf("prosemodel: %s: weight %v is not a multiple of 1/%d in range", posWeights, w, WeightScale)
		return
	}
	b.m.entries = append(b.m.entries, uint32(int32(x))<<8|uint32(c))
}

func loadPOS(asset AssetFunc, fast bool) (*POS, error) {
	m := &POS{}
	if err := decodeGob(asset, posClasses, &m.Classes); err != nil {
		return nil, err
	}
	if len(m.Classes) == 0 || len(m.Classes) > MaxClasses {
		return nil, fmt.Errorf("prosemodel: %s: %d classes, want 1 to %d", posClasses, len(m.Classes), MaxClasses)
	}
	if err := decodeGob(asset, posTags, &m.tagDict); err != nil {
		return nil, err
	}
	b := &posBuilder{m: m, classes: make(map[string]uint8, len(m.Classes))}
	for i, c := range m.Classes {
		if _, dup := b.classes[c]; dup {
			return nil, fmt.Errorf("prosemodel: %s: duplicate class %q", posClasses, c)
		}
		b.classes[c] = uint8(i)
	}
	data, err := asset(posWeights)
	if err != nil {
		return nil, fmt.Errorf("prosemodel: %s: %w", posWeights, err)
	}
	err = errUnsupported
	if fast {
		err = readNestedFloatMap(data, b.begin, b.outer, b.inner)
	}
	if err == errUnsupported {
		*b = posBuilder{m: m, classes: b.classes}
		var w map[string]map[string]float64
		if err = gob.NewDecoder(bytes.NewReader(data)).Decode(&w); err == nil {
			// In key order, so that the tables do not depend on Go's map
			// order (the fast reader follows the file's order).
			b.begin(len(w))
			for _, k := range slices.Sorted(maps.Keys(w)) {
				b.outer([]byte(k))
				inner := w[k]
				for _, c := range slices.Sorted(maps.Keys(inner)) {
					b.inner([]byte(c), inner[c])
				}
			}
		}
	}
	if err != nil {
		return nil, fmt.Errorf("prosemodel: %s: %w", posWeights, err)
	}
	b.close()
	if b.err != nil {
		return nil, b.err
	}
	return m, nil
}

// nerEntry is one joint feature during loading.
type nerEntry struct {
	h, h2 uint64 // hashes of the "name-value" prefix; h2 detects collisions of h
	w     float64
	idx   int64 // index of w in weights.gob, while that is decoded
	label uint8
}

func loadNER(asset AssetFunc, fast bool) (*NER, error) {
	// The weights are decoded in parallel with the mapping, the largest
	// asset; entries take their weights once both are done.
	var (
		weights []float64
		werr    error
		wg      sync.WaitGroup
	)
	wg.Go(func() { weights, werr = loadNERWeights(asset, fast) })
	m, entries, err := loadNERMapping(asset, fast)
	wg.Wait()
	if err != nil {
		return nil, err
	}
	if werr != nil {
		return nil, werr
	}
	for i := range entries {
		e := &entries[i]
		if e.idx >= int64(len(weights)) {
			return nil, fmt.Errorf("prosemodel: %s: a key has weight index %d of %d", nerMapping, e.idx, len(weights))
		}
		e.w = weights[e.idx]
	}
	entries = sortEntries(entries)
	rows := 0
	for i := range entries {
		if i == 0 || entries[i].h != entries[i-1].h {
			rows++
		}
	}
	m.prefix = newTable(rows)
	m.cells = make([]Cell, len(entries))
	for lo := 0; lo < len(entries); {
		hi := lo + 1
		for hi < len(entries) && entries[hi].h == entries[lo].h {
			if entries[hi].h2 != entries[lo].h2 || entries[hi].label == entries[hi-1].label {
				return nil, fmt.Errorf("prosemodel: %s: two feature prefixes share the hash %#x", nerMapping, entries[lo].h)
			}
			hi++
		}
		for i := lo; i < hi; i++ {
			m.cells[i] = Cell{Weight: entries[i].w, Label: entries[i].label}
		}
		m.prefix.insert(entries[lo].h, uint32(lo), uint32(hi))
		lo = hi
	}
	return m, nil
}

// loadNERWeights decodes weights.gob.
func loadNERWeights(asset AssetFunc, fast bool) ([]float64, error) {
	data, err := asset(nerWeights)
	if err != nil {
		return nil, fmt.Errorf("prosemodel: %s: %w", nerWeights, err)
	}
	var weights []float64
	err = errUnsupported
	if fast {
		weights, err = readFloatSlice(data)
	}
	if err == errUnsupported {
		err = gob.NewDecoder(bytes.NewReader(data)).Decode(&weights)
	}
	if err != nil {
		return nil, fmt.Errorf("prosemodel: %s: %w", nerWeights, err)
	}
	return weights, nil
}

// loadNERMapping decodes the labels, the word list and the mapping from
// joint features to weight indices.
func loadNERMapping(asset AssetFunc, fast bool) (*NER, []nerEntry, error) {
	m := &NER{}
	if err := decodeGob(asset, nerLabels, &m.Labels); err != nil {
		return nil, nil, err
	}
	if len(m.Labels) == 0 || len(m.Labels) > 255 {
		return nil, nil, fmt.Errorf("prosemodel: %s: %d labels", nerLabels, len(m.Labels))
	}
	var words []string
	if err := decodeGob(asset, nerWords, &words); err != nil {
		return nil, nil, err
	}
	m.words = make(map[string]struct{}, len(words))
	for _, w := range words {
		m.words[w] = struct{}{}
	}

	suffixes := make([][]byte, len(m.Labels))
	for i, l := range m.Labels {
		suffixes[i] = []byte("-" + l)
	}
	var entries []nerEntry
	var perr error
	begin := func(n int) { entries = make([]nerEntry, 0, n) }
	pair := func(key []byte, idx int64) {
		if perr != nil {
			return
		}
		if idx < 0 {
			perr = fmt.Errorf("prosemodel: %s: key %q has weight index %d", nerMapping, key, idx)
			return
		}
		label := -1
		for i, s := range suffixes {
			if bytes.HasSuffix(key, s) {
				if label >= 0 {
					perr = fmt.Errorf("prosemodel: %s: key %q ends with two labels", nerMapping, key)
					return
				}
				label = i
			}
		}
		if label < 0 {
			perr = fmt.Errorf("prosemodel: %s: key %q ends with no label", nerMapping, key)
			return
		}
		p := key[:len(key)-len(suffixes[label])]
		entries = append(entries, nerEntry{h: Hash(Offset, p), h2: hash2(p), idx: idx, label: uint8(label)})
	}
	data, err := asset(nerMapping)
	if err != nil {
		return nil, nil, fmt.Errorf("prosemodel: %s: %w", nerMapping, err)
	}
	err = errUnsupported
	if fast {
		err = readIntMap(data, begin, pair)
	}
	if err == errUnsupported {
		var mapping map[string]int
		if err = gob.NewDecoder(bytes.NewReader(data)).Decode(&mapping); err == nil {
			begin(len(mapping))
			for k, v := range mapping {
				pair([]byte(k), int64(v))
			}
		}
	}
	if err != nil {
		return nil, nil, fmt.Errorf("prosemodel: %s: %w", nerMapping, err)
	}
	if perr != nil {
		return nil, nil, perr
	}
	return m, entries, nil
}

// sortEntries returns entries sorted by hash, then label, in linear time:
// the hashes are uniform, so a counting sort on their top bits leaves
// buckets of an entry or two, which an insertion sort finishes.
func sortEntries(entries []nerEntry) []nerEntry {
	bits := uint(1)
	for 1<<bits < len(entries) && bits < 24 {
		bits++
	}
	bucket := func(e *nerEntry) uint64 { return e.h >> (64 - bits) }
	start := make([]int32, 1<<bits+1)
	for i := range entries {
		start[bucket(&entries[i])+1]++
	}
	for b := 1; b < len(start); b++ {
		start[b] += start[b-1]
	}
	sorted := make([]nerEntry, len(entries))
	next := slices.Clone(start[:len(start)-1])
	for i := range entries {
		b := bucket(&entries[i])
		sorted[next[b]] = entries[i]
		next[b]++
	}
	less := func(a, b *nerEntry) bool { return a.h < b.h || a.h == b.h && a.label < b.label }
	for b := 0; b+1 < len(start); b++ {
		bk := sorted[start[b]:start[b+1]]
		for i := 1; i < len(bk); i++ {
			for j := i; j > 0 && less(&bk[j], &bk[j-1]); j-- {
				bk[j], bk[j-1] = bk[j-1], bk[j]
			}
		}
	}
	return sorted
}

// hash2 is a second, unrelated hash (FNV-1a over the reversed bytes from
// another basis) used only to detect collisions of [Hash] while loading.
func hash2(p []byte) uint64 {
	h := uint64(0xcbf29ce484222325 ^ 0x5bd1e995)
	for i := len(p) - 1; i >= 0; i-- {
		h ^= uint64(p[i])
		h *= prime
	}
	return h
}
