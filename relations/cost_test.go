package relations_test

import (
	"context"
	"os"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/statecraft/statecraft/entities"
	"github.com/statecraft/statecraft/relations"
)

// repeatDoc returns a document whose text is n copies of doc's text, with
// tokens, sentences and mentions shifted accordingly: a large document
// without the cost of running entities on it.
func repeatDoc(doc *entities.Document, n int) *entities.Document {
	out := &entities.Document{Text: strings.Repeat(doc.Text, n)}
	out.Tokens = make([]entities.Token, 0, n*len(doc.Tokens))
	out.Sentences = make([]entities.Sentence, 0, n*len(doc.Sentences))
	out.Mentions = make([]entities.Mention, 0, n*len(doc.Mentions))
	for i := 0; i < n; i++ {
		off, toff, soff := i*len(doc.Text), len(out.Tokens), len(out.Sentences)
		for _, t := range doc.Tokens {
			t.Start += off
			t.End += off
			out.Tokens = append(out.Tokens, t)
		}
		for _, s := range doc.Sentences {
			s.Start += off
			s.End += off
			s.TokenStart += toff
			s.TokenEnd += toff
			out.Sentences = append(out.Sentences, s)
		}
		for _, m := range doc.Mentions {
			m.Start += off
			m.End += off
			m.Sentence += soff
			out.Mentions = append(out.Mentions, m)
		}
	}
	return out
}

// oneSentence makes doc a single sentence.
func oneSentence(doc *entities.Document) {
	doc.Sentences = []entities.Sentence{{Start: 0, End: len(doc.Text), TokenStart: 0, TokenEnd: len(doc.Tokens)}}
	for i := range doc.Mentions {
		doc.Mentions[i].Sentence = 0
	}
}

// measure runs Extract and returns its duration, the bytes it allocated
// and the number of relations.
func measure(t *testing.T, rx *relations.Extractor, doc *entities.Document) (time.Duration, uint64, int) {
	t.Helper()
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	start := time.Now()
	rs, err := rx.Extract(context.Background(), doc)
	d := time.Since(start)
	runtime.ReadMemStats(&after)
	if err != nil {
		t.Fatal(err)
	}
	return d, after.TotalAlloc - before.TotalAlloc, len(rs)
}

// bestOf3 is measure with the shortest time of three runs: a shared
// machine is noisy.
func bestOf3(t *testing.T, rx *relations.Extractor, doc *entities.Document) (time.Duration, uint64, int) {
	t.Helper()
	d, a, n := measure(t, rx, doc)
	for range 2 {
		if d2, _, _ := measure(t, rx, doc); d2 < d {
			d = d2
		}
	}
	return d, a, n
}

// TestLinearLongList: a sentence listing 10,000 states costs about ten
// times a sentence listing 1,000, and finishes within a fixed bound.
func TestLinearLongList(t *testing.T) {
	ee, err := entitiesExtractor()
	if err != nil {
		t.Fatal(err)
	}
	rx, err := relationsExtractor()
	if err != nil {
		t.Fatal(err)
	}
	states := []string{"Russia", "Armenia", "Belarus", "Kazakhstan", "Kyrgyzstan", "Tajikistan", "Serbia", "Georgia", "Moldova", "Ukraine"}
	list := func(n int) string {
		var b strings.Builder
		b.WriteString("The Collective Security Treaty Organization, which includes ")
		for i := 0; i < n; i++ {
			if i > 0 {
				if i == n-1 {
					b.WriteString(" and ")
				} else {
					b.WriteString(", ")
				}
			}
			b.WriteString(states[i%len(states)])
		}
		b.WriteString(", signed a treaty between ")
		for i := 0; i < n; i++ {
			if i > 0 {
				b.WriteString(", ")
			}
			b.WriteString(states[(i+3)%len(states)])
		}
		b.WriteString(" and NATO in 2020.")
		return b.String()
	}
	// The sentence splitter of entities cuts very long sentences; join
	// them back into one.
	small, err := ee.Extract(context.Background(), list(1000))
	if err != nil {
		t.Fatal(err)
	}
	big, err := ee.Extract(context.Background(), list(10000))
	if err != nil {
		t.Fatal(err)
	}
	oneSentence(small)
	oneSentence(big)
	ds, as, ns := bestOf3(t, rx, small)
	db, ab, nb := bestOf3(t, rx, big)
	t.Logf("1,000 states: %v, %d KB allocated, %d relations; 10,000 states: %v, %d KB, %d relations", ds, as>>10, ns, db, ab>>10, nb)
	if nb < 10000 {
		t.Errorf("%d relations for 10,000 members, want >= 10,000", nb)
	}
	if limit := 2 * time.Second * raceFactor; db > limit {
		t.Errorf("10,000 states took %v, limit %v", db, limit)
	}
	// Ten times the input: allow up to thirty times the time and memory.
	if db > 30*ds+100*time.Millisecond {
		t.Errorf("time grows faster than linearly: %v vs %v", db, ds)
	}
	if ab > 30*as {
		t.Errorf("memory grows faster than linearly: %d vs %d bytes", ab, as)
	}
}

// TestLinearLargeDocument: a 5 MB document (the seed article repeated)
// costs about 100 times a 50 KB one and finishes within a fixed bound,
// with memory proportional to its size.
func TestLinearLargeDocument(t *testing.T) {
	if testing.Short() {
		t.Skip("5 MB document; skipped under -short")
	}
	b, err := os.ReadFile("../testdata/rt-caucasus-security-outline.txt")
	if err != nil {
		t.Fatal(err)
	}
	doc, _ := analyse(t, string(b))
	rx, err := relationsExtractor()
	if err != nil {
		t.Fatal(err)
	}
	k := (5_000_000/len(doc.Text))/100 + 1
	small := repeatDoc(doc, k)
	big := repeatDoc(doc, 100*k)
	ds, as, ns := bestOf3(t, rx, small)
	db, ab, nb := bestOf3(t, rx, big)
	t.Logf("%d KB: %v, %d KB allocated, %d relations; %d KB: %v, %d KB allocated, %d relations",
		len(small.Text)>>10, ds, as>>10, ns, len(big.Text)>>10, db, ab>>10, nb)
	if len(big.Text) < 5_000_000 {
		t.Fatalf("document of %d bytes", len(big.Text))
	}
	if nb != 100*ns {
		t.Errorf("%d relations, want 100 × %d", nb, ns)
	}
	if limit := 10 * time.Second * raceFactor; db > limit {
		t.Errorf("5 MB took %v, limit %v", db, limit)
	}
	if db > 300*ds+time.Second {
		t.Errorf("time grows faster than linearly: %v vs %v", db, ds)
	}
	if ab > 300*as || ab > uint64(len(big.Text))*16 {
		t.Errorf("memory: %d bytes for %d bytes of text (small: %d)", ab, len(big.Text), as)
	}
}

// BenchmarkExtract measures relation extraction alone on the seed article
// (entities are extracted once, outside the loop).
func BenchmarkExtract(b *testing.B) {
	text, err := os.ReadFile("../testdata/rt-caucasus-security-outline.txt")
	if err != nil {
		b.Fatal(err)
	}
	doc, _ := analyse(b, string(text))
	rx, _ := relationsExtractor()
	b.SetBytes(int64(len(doc.Text)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := rx.Extract(context.Background(), doc); err != nil {
			b.Fatal(err)
		}
	}
}

// longListDoc is a one-sentence document listing n states (see
// TestLinearLongList).
func longListDoc(b *testing.B, n int) *entities.Document {
	ee, err := entitiesExtractor()
	if err != nil {
		b.Fatal(err)
	}
	states := []string{"Russia", "Armenia", "Belarus", "Kazakhstan", "Kyrgyzstan", "Tajikistan", "Serbia", "Georgia", "Moldova", "Ukraine"}
	var sb strings.Builder
	sb.WriteString("The Collective Security Treaty Organization, which includes ")
	for i := 0; i < n; i++ {
		if i > 0 {
			sb.WriteString(", ")
		}
		sb.WriteString(states[i%len(states)])
	}
	sb.WriteString(" and NATO, met in Moscow.")
	doc, err := ee.Extract(context.Background(), sb.String())
	if err != nil {
		b.Fatal(err)
	}
	oneSentence(doc)
	return doc
}

// BenchmarkExtractLongList measures Extract on a sentence listing 10,000
// states; compare with BenchmarkAllPairsBaseline.
func BenchmarkExtractLongList(b *testing.B) {
	doc := longListDoc(b, 10000)
	rx, _ := relationsExtractor()
	b.ReportAllocs()
	for b.Loop() {
		if _, err := rx.Extract(context.Background(), doc); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkAllPairsBaseline is the baseline that Extract avoids: visiting
// every pair of mentions of a sentence, as a pair classifier does, on the
// same 10,000-state sentence. It does nothing with a pair, so it is a lower
// bound of that approach; it grows with the square of the list.
func BenchmarkAllPairsBaseline(b *testing.B) {
	doc := longListDoc(b, 10000)
	n := 0
	for b.Loop() {
		for i := range doc.Mentions {
			for j := i + 1; j < len(doc.Mentions) && doc.Mentions[j].Sentence == doc.Mentions[i].Sentence; j++ {
				if doc.Mentions[i].Type == doc.Mentions[j].Type {
					n++
				}
			}
		}
	}
	_ = n
}
