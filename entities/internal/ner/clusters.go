package ner

import (
	"bufio"
	_ "embed" // the generated cluster tables
	"errors"
	"fmt"
	"io"
	"math/bits"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/statecraft/statecraft/internal/tables"
)

// Word clusters. clusters.txt holds the Brown clusters that cmd/nerclusters
// learns from unlabeled news and the words of the CoNLL-2003 training set:
// a line per word, "path<TAB>word<TAB>count", the path a string of 0s and
// 1s (the branches from the root of the cluster tree down to the word's
// cluster). cmd/nertables compiles it into clusters.tables, an open
// addressing table from the FNV-1a hash of a word (tok.word) to its path,
// which the package embeds and reads in place; TestClusterTablesUpToDate
// fails when the two disagree.
//
// A path is coded as a uint64 with a leading 1 above its bits, so that
// prefixes of different lengths differ: path "0110" is 0b10110. Paths are
// cut to their first maxPathBits bits. Code 0 means "no cluster table";
// code 1 (the empty path) means "a word without a cluster".

// ClustersMagic names the layout of the cluster tables; change it with the
// layout.
const ClustersMagic = "SCNERCL1"

const maxPathBits = 62

// clusterTablesData is clusters.txt compiled by cmd/nertables.
//
//go:embed clusters.tables
var clusterTablesData []byte

//go:generate go run ./cmd/nerclusters -o clusters.txt
//go:generate go run ./cmd/nertables -only clusters

// clusterTable maps word hashes to path codes.
type clusterTable struct {
	slots []uint64 // pairs: key (0: empty; keys are never 0), path code
	mask  uint64   // number of slots - 1
	words int
}

// defaultClusters returns the embedded table, opened once.
var defaultClusters = sync.OnceValues(func() (*clusterTable, error) { return openClusters(clusterTablesData) })

// find returns the path code of the word with hash h, 1 if it has none.
func (c *clusterTable) find(h uint64) uint64 {
	if h == 0 {
		return 1
	}
	for i := slotIndex(h, c.mask); ; i = (i + 1) & c.mask {
		k := c.slots[2*i]
		if k == h {
			return c.slots[2*i+1]
		}
		if k == 0 {
			return 1
		}
	}
}

// ClusterTables compiles a cluster list in the format of clusters.txt into
// the tables that the package embeds (clusters.tables). It returns an error
// on a malformed line, a word listed twice or two words with the same hash.
// The bytes depend only on the set of (word, path) pairs.
func ClusterTables(r io.Reader) ([]byte, error) {
	type entry struct{ key, code uint64 }
	var entries []entry
	seen := map[uint64]string{}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64<<10), 1<<20)
	line := 0
	for sc.Scan() {
		line++
		f := strings.Split(sc.Text(), "\t")
		if len(f) != 3 || f[0] == "" || f[1] == "" {
			return nil, fmt.Errorf("ner: clusters line %d: want path, word and count separated by tabs", line)
		}
		if _, err := strconv.ParseUint(f[2], 10, 64); err != nil {
			return nil, fmt.Errorf("ner: clusters line %d: count %q", line, f[2])
		}
		code := uint64(1)
		for i, c := range []byte(f[0]) {
			if c != '0' && c != '1' {
				return nil, fmt.Errorf("ner: clusters line %d: path %q is not made of 0 and 1", line, f[0])
			}
			if i < maxPathBits {
				code = code<<1 | uint64(c-'0')
			}
		}
		key := fnv(fnvOffset, []byte(f[1]))
		if other, ok := seen[key]; ok {
			if other == f[1] {
				return nil, fmt.Errorf("ner: clusters line %d: %q listed twice", line, f[1])
			}
			return nil, fmt.Errorf("ner: clusters line %d: %q and %q have the same hash", line, f[1], other)
		}
		if key == 0 {
			return nil, fmt.Errorf("ner: clusters line %d: %q hashes to 0", line, f[1])
		}
		seen[key] = f[1]
		entries = append(entries, entry{key, code})
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("ner: clusters: %w", err)
	}
	size := 16
	for size*3 < 4*len(entries) || size == len(entries) {
		size *= 2
	}
	mask := uint64(size - 1)
	slots := make([]uint64, 2*size)
	// Insert in key order so that the layout does not depend on the order
	// of the lines.
	keys := make([]uint64, 0, len(entries))
	codes := make(map[uint64]uint64, len(entries))
	for _, e := range entries {
		keys = append(keys, e.key)
		codes[e.key] = e.code
	}
	slices.Sort(keys)
	for _, k := range keys {
		i := slotIndex(k, mask)
		for slots[2*i] != 0 {
			i = (i + 1) & mask
		}
		slots[2*i], slots[2*i+1] = k, codes[k]
	}
	var w tables.Writer
	w.Add(tables.AppendUint32s(nil, []uint32{uint32(len(entries))}))
	w.Add(tables.AppendUint64s(nil, slots))
	return w.Bytes(ClustersMagic)
}

// openClusters reads cluster tables in place, checking every size and
// code that lookups rely on.
func openClusters(b []byte) (*clusterTable, error) {
	c, err := openClusterTables(b)
	if err != nil {
		return nil, fmt.Errorf("%w: cluster tables: %w", ErrCorrupt, err)
	}
	return c, nil
}

func openClusterTables(b []byte) (*clusterTable, error) {
	f, err := tables.Open(b, ClustersMagic)
	if err != nil {
		return nil, err
	}
	if f.Len() != 2 {
		return nil, fmt.Errorf("%d sections, want 2", f.Len())
	}
	s0, _ := f.Section(0)
	s1, _ := f.Section(1)
	hdr, err := tables.Uint32s(s0)
	if err != nil {
		return nil, err
	}
	if len(hdr) != 1 {
		return nil, errors.New("bad header")
	}
	slots, err := tables.Uint64s(s1)
	if err != nil {
		return nil, err
	}
	n := uint64(len(slots) / 2)
	if len(slots)%2 != 0 || n < 16 || n&(n-1) != 0 {
		return nil, fmt.Errorf("%d words in a table of %d slots", len(slots), n)
	}
	used := 0
	for i := uint64(0); i < n; i++ {
		if slots[2*i] == 0 {
			continue
		}
		used++
		if code := slots[2*i+1]; code == 0 || bits.Len64(code) > maxPathBits+1 {
			return nil, fmt.Errorf("slot %d: path code %#x", i, code)
		}
	}
	if used != int(hdr[0]) || uint64(used) == n {
		return nil, fmt.Errorf("%d words in %d slots, want %d and an empty slot", used, n, hdr[0])
	}
	return &clusterTable{slots: slots, mask: n - 1, words: used}, nil
}

// Cluster path prefixes used as features, as in Ratinov and Roth (2009).
var prefixLens = [...]int{4, 6, 10, 20}

// prefix returns the code of the first l bits of the path coded as code,
// the whole path if it is shorter.
func prefix(code uint64, l int) uint64 {
	if n := bits.Len64(code) - 1; n > l {
		return code >> (n - l)
	}
	return code
}
