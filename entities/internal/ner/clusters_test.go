package ner

import (
	"bytes"
	"encoding/binary"
	"errors"
	"slices"
	"strings"
	"testing"
)

// TestClusterTablesUpToDate fails when clusters.tables is not what
// clusters.txt gives: run go run ./cmd/nertables -only clusters in
// entities/internal/ner after clustering.
func TestClusterTablesUpToDate(t *testing.T) {
	b, err := ClusterTables(bytes.NewReader(clustersTxt))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(b, clusterTablesData) {
		t.Fatalf("clusters.tables (%d bytes) is stale: clusters.txt gives %d other bytes; run go run ./cmd/nertables -only clusters in entities/internal/ner", len(clusterTablesData), len(b))
	}
}

// TestClusterLookup checks that every word of clusters.txt finds its path,
// and the fall-backs of words with capitals.
func TestClusterLookup(t *testing.T) {
	ct, err := defaultClusters()
	if err != nil {
		t.Fatal(err)
	}
	paths := map[string]string{}
	for line := range strings.Lines(string(clustersTxt)) {
		f := strings.Split(strings.TrimSuffix(line, "\n"), "\t")
		paths[f[1]] = f[0]
	}
	if ct.words != len(paths) {
		t.Errorf("%d words in the table, %d in clusters.txt", ct.words, len(paths))
	}
	code := func(p string) uint64 {
		c := uint64(1)
		for i, b := range []byte(p) {
			if i < maxPathBits {
				c = c<<1 | uint64(b-'0')
			}
		}
		return c
	}
	var tk tok
	for w, p := range paths {
		analyze(&tk, []byte(w), nil, ct)
		if tk.cpath != code(p) {
			t.Fatalf("%q: path code %#x, want %#x (%s)", w, tk.cpath, code(p), p)
		}
	}
	cases := []struct{ word, as string }{{"Xqzzyvk", ""}}
	// Words in capitals not in the table take the path of their
	// capitalised form, or of their lower-cased one.
	var title, lower int
	for w := range paths {
		up := strings.ToUpper(w)
		if _, ok := paths[up]; ok || up == w || len(w) < 3 || strings.ToLower(w) != w && strings.ToUpper(w[:1])+strings.ToLower(w[1:]) != w {
			continue
		}
		if strings.ToLower(w) == w {
			if _, ok := paths[strings.ToUpper(w[:1])+w[1:]]; !ok && lower < 20 {
				cases = append(cases, struct{ word, as string }{up, w})
				lower++
			}
		} else if title < 20 {
			cases = append(cases, struct{ word, as string }{up, w})
			title++
		}
	}
	if title == 0 || lower == 0 {
		t.Fatalf("%d words in capitals to try with the capitalised form and %d with the lower-cased one", title, lower)
	}
	for _, c := range cases {
		analyze(&tk, []byte(c.word), nil, ct)
		want := uint64(1)
		if c.as != "" {
			p, ok := paths[c.as]
			if !ok {
				t.Fatalf("%q is not in clusters.txt", c.as)
			}
			want = code(p)
		}
		if tk.cpath != want {
			t.Errorf("%q: path code %#x, want %#x (that of %q)", c.word, tk.cpath, want, c.as)
		}
	}
	analyze(&tk, []byte("Russia"), nil, nil)
	if tk.cpath != 0 {
		t.Errorf("without a table: path code %#x, want 0", tk.cpath)
	}
}

func TestPrefix(t *testing.T) {
	for _, c := range []struct {
		code uint64
		l    int
		want uint64
	}{
		{0b10110, 4, 0b10110},
		{0b10110, 2, 0b101},
		{0b1, 4, 0b1},
		{0b1_0110_1100_1, 6, 0b1_0110_11},
	} {
		if got := prefix(c.code, c.l); got != c.want {
			t.Errorf("prefix(%b, %d) = %b, want %b", c.code, c.l, got, c.want)
		}
	}
}

// TestClusterTablesMalformed checks that bad cluster lists and damaged
// tables give errors, never a table.
func TestClusterTablesMalformed(t *testing.T) {
	for _, in := range []string{
		"0101\tRussia\n",
		"0102\tRussia\t5\n",
		"\tRussia\t5\n",
		"01\t\t5\n",
		"01\tRussia\tmany\n",
		"01\tRussia\t5\n11\tRussia\t3\n",
	} {
		if _, err := ClusterTables(strings.NewReader(in)); err == nil {
			t.Errorf("%q: no error", in)
		}
	}
	good, err := ClusterTables(strings.NewReader("01\tRussia\t5\n1\tsaid\t9\n"))
	if err != nil {
		t.Fatal(err)
	}
	ct, err := openClusters(good)
	if err != nil || ct.words != 2 {
		t.Fatalf("a good table: %v", err)
	}
	for _, n := range []int{0, 16, len(good) / 2, len(good) - 1} {
		if _, err := openClusters(good[:n]); !errors.Is(err, ErrCorrupt) {
			t.Errorf("truncated to %d bytes: %v", n, err)
		}
	}
	// A path code of zero in a used slot, resealed so that only the check
	// of the codes can catch it.
	bad := slices.Clone(good)
	slots := int(binary.LittleEndian.Uint64(bad[16+16:])) // section 1's offset
	for i := slots; i+16 <= len(bad); i += 16 {
		if binary.LittleEndian.Uint64(bad[i:]) != 0 { // a used slot's key
			clear(bad[i+8 : i+16])
			break
		}
	}
	resealTables(bad)
	if _, err := openClusters(bad); !errors.Is(err, ErrCorrupt) {
		t.Errorf("a zero path code: %v", err)
	}
}

// FuzzOpenClusters reads arbitrary bytes as cluster tables: an error or a
// table whose lookups end, never a panic.
func FuzzOpenClusters(f *testing.F) {
	good, err := ClusterTables(strings.NewReader("01\tRussia\t5\n1\tsaid\t9\n"))
	if err != nil {
		f.Fatal(err)
	}
	f.Add(good, false)
	f.Add(good, true)
	f.Fuzz(func(t *testing.T, b []byte, fix bool) {
		if fix && len(b) >= 16 {
			b = slices.Clone(b)
			resealTables(b)
		}
		ct, err := openClusters(b)
		if err != nil {
			return
		}
		var tk tok
		analyze(&tk, []byte("RUSSIA"), nil, ct)
	})
}

// BenchmarkAnalyze times the analysis of one word with and without the
// cluster table (one lookup, two more for a word in capitals).
func BenchmarkAnalyze(b *testing.B) {
	ct, err := defaultClusters()
	if err != nil {
		b.Fatal(err)
	}
	words := [][]byte{[]byte("Russia"), []byte("recognized"), []byte("ABKHAZIA"), []byte("Xqzzyvk"), []byte(",")}
	var tk tok
	buf := make([]byte, 0, 64)
	for _, c := range []struct {
		name string
		ct   *clusterTable
	}{{"plain", nil}, {"clusters", ct}} {
		b.Run(c.name, func(b *testing.B) {
			for i := 0; b.Loop(); i++ {
				buf = analyze(&tk, words[i%len(words)], buf, c.ct)
			}
		})
	}
}
