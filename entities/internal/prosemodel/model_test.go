package prosemodel

import (
	"bytes"
	"encoding/gob"
	"fmt"
	"math"
	"math/rand/v2"
	"runtime"
	"slices"
	"strings"
	"testing"
	"time"

	prose "github.com/jdkato/prose/v2"
)

func TestLoadTime(t *testing.T) {
	runtime.GC()
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	start := time.Now()
	pos, ner, err := Load()
	elapsed := time.Since(start)
	if err != nil {
		t.Fatal(err)
	}
	runtime.GC()
	runtime.ReadMemStats(&after)
	t.Logf("Load: %v; heap %.1f MiB after load (+%.1f MiB); %d POS classes, %d POS weights, %d NER labels, %d NER weights",
		elapsed, float64(after.HeapAlloc)/(1<<20), (float64(after.HeapAlloc)-float64(before.HeapAlloc))/(1<<20),
		len(pos.Classes), pos.Features(), len(ner.Labels), len(ner.cells))
	runtime.KeepAlive(pos)
	runtime.KeepAlive(ner)
}

func gobDecode[T any](t *testing.T, name string) T {
	t.Helper()
	b, err := prose.Asset(name)
	if err != nil {
		t.Fatal(err)
	}
	var v T
	if err := gob.NewDecoder(bytes.NewReader(b)).Decode(&v); err != nil {
		t.Fatal(err)
	}
	return v
}

// TestTablesEqualGob checks the fast reader and the encoding/gob fallback
// against maps decoded by encoding/gob: every weight is found under its key.
func TestTablesEqualGob(t *testing.T) {
	if testing.Short() {
		t.Skip("decodes the models with encoding/gob")
	}
	wts := gobDecode[map[string]map[string]float64](t, posWeights)
	mapping := gobDecode[map[string]int](t, nerMapping)
	nerW := gobDecode[[]float64](t, nerWeights)
	for _, fast := range []bool{true, false} {
		t.Run(fmt.Sprintf("fast=%v", fast), func(t *testing.T) {
			pos, ner, err := load(prose.Asset, fast)
			if err != nil {
				t.Fatal(err)
			}
			n := 0
			for k, inner := range wts {
				row := pos.Row(Hash(Offset, k))
				got := map[string]float64{}
				for _, e := range row {
					got[pos.Classes[EntryClass(e)]] = float64(EntryWeight(e)) / WeightScale
				}
				if len(got) != len(inner) {
					t.Fatalf("feature %q: %d weights, want %d", k, len(got), len(inner))
				}
				for c, w := range inner {
					if math.Abs(got[c]-w) > 1e-9 {
						t.Fatalf("feature %q class %s: %v, want %v", k, c, got[c], w)
					}
				}
				n += len(row)
			}
			if n != pos.Features() {
				t.Errorf("%d POS weights reachable, table has %d", n, pos.Features())
			}
			if row := pos.Row(Hash(Offset, "i word no-such-word-here")); len(row) != 0 {
				t.Errorf("absent feature has %d weights", len(row))
			}
			for k, idx := range mapping {
				found := false
				for li, l := range ner.Labels {
					p, ok := strings.CutSuffix(k, "-"+l)
					if !ok {
						continue
					}
					for _, c := range ner.Row(Hash(Offset, p)) {
						if int(c.Label) == li {
							found = true
							if c.Weight != nerW[idx] {
								t.Fatalf("%q: weight %v, want %v", k, c.Weight, nerW[idx])
							}
						}
					}
				}
				if !found {
					t.Fatalf("%q: not found", k)
				}
			}
			if len(ner.cells) != len(mapping) {
				t.Errorf("%d NER weights, want %d", len(ner.cells), len(mapping))
			}
			if !ner.InWordList("open") || ner.InWordList("Open") {
				t.Error("word list")
			}
			if tag, ok := pos.TagDict("phone"); !ok || tag != "NN" {
				t.Errorf("TagDict(phone) = %q, %v", tag, ok)
			}
		})
	}
}

// TestCorruptAssets feeds truncated and mangled model files: every load
// must return an error or a model, never panic.
func TestCorruptAssets(t *testing.T) {
	names := []string{posClasses, posTags, posWeights, nerLabels, nerMapping, nerWeights, nerWords}
	orig := map[string][]byte{}
	for _, n := range names {
		b, err := prose.Asset(n)
		if err != nil {
			t.Fatal(err)
		}
		orig[n] = b
	}
	rng := rand.New(rand.NewPCG(1, 2))
	for _, name := range names {
		for trial := range 4 {
			b := bytes.Clone(orig[name])
			switch trial % 4 {
			case 0:
				b = b[:rng.IntN(len(b))]
			case 1:
				for range 4 {
					b[rng.IntN(len(b))] = byte(rng.IntN(256))
				}
			case 2:
				b = b[:min(len(b), 64)]
			case 3:
				b = append(b, 0x01, 0x02)
			}
			asset := func(n string) ([]byte, error) {
				if n == name {
					return b, nil
				}
				return orig[n], nil
			}
			func() {
				defer func() {
					if r := recover(); r != nil {
						t.Fatalf("%s trial %d: panic: %v", name, trial, r)
					}
				}()
				var err error
				if strings.HasPrefix(name, "model/Maxent/") {
					_, err = loadNER(asset, true)
				} else {
					_, err = loadPOS(asset, true)
				}
				if (trial == 0 || trial == 2) && err == nil {
					t.Errorf("%s trial %d: truncated data gave no error", name, trial)
				}
			}()
		}
	}
	_, _, err := load(func(string) ([]byte, error) { return nil, fmt.Errorf("missing") }, true)
	if err == nil {
		t.Error("missing assets gave no error")
	}
}

// TestRows checks that Rows gives Row's row for every key, however many
// keys (batches of maxBatch and a partial one), present or absent.
func TestRows(t *testing.T) {
	pos, ner, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	var hs []uint64
	for i, w := range []string{"the", "said", "Russia", "zzqx", "-", "", "of", "President"} {
		hs = append(hs, Hash(Offset, "i word "+w), Hash(Offset, "word-"+w), uint64(i)*0x9E3779B97F4A7C15)
	}
	hs = append(hs, 0, 1)
	for n := range len(hs) + 1 {
		prow := make([][]uint32, n)
		nrow := make([][]Cell, n)
		pos.Rows(hs[:n], prow)
		ner.Rows(hs[:n], nrow)
		for k, h := range hs[:n] {
			if !slices.Equal(prow[k], pos.Row(h)) || !slices.Equal(nrow[k], ner.Row(h)) {
				t.Fatalf("%d keys: key %d: Rows and Row differ", n, k)
			}
		}
	}
}
