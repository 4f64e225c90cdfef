// Command nerclusters learns the Brown clusters of package ner
// (clusters.txt) from unlabeled news text and the words of the CoNLL-2003
// training set, with package brown.
//
// Usage:
//
//	go run ./cmd/nerclusters [-news file] [-train file] [-holdout f] [-c n] [-min n] [-o clusters.txt]
//
// The text: the "text" field of every line of -news (JSON Lines; by default
// the 10,890 world-affairs articles of ../shared/dev/news-text) cut into
// tokens by statecraft's tokenizer (entities.Tokenize) a line at a time, and
// the sentences of -train as CoNLL-2003 cut them, without the last -holdout
// fraction of its documents, which cmd/nertrain keeps out of training. Words
// are taken as ner.Normalize gives them, case kept: "May" and "may",
// "US" and "us", "Turkey" and "turkey" are different words to the model
// and to the clusters. Bigrams are counted within a line or a sentence,
// between words that occur at least -min times; rarer words get no
// cluster and break the bigrams around them.
//
// The output has a line per word, "path<TAB>word<TAB>count" as in Liang's
// wcluster, by path, then by decreasing count, then by word. The same input
// gives the same bytes.
package main

import (
	"bufio"
	"bytes"
	"cmp"
	"encoding/json"
	"flag"
	"fmt"
	"log"
	"os"
	"slices"
	"strings"
	"time"

	"github.com/statecraft/statecraft/entities"
	"github.com/statecraft/statecraft/entities/internal/ner"
	"github.com/statecraft/statecraft/entities/internal/ner/brown"
)

func main() {
	log.SetFlags(0)
	log.SetPrefix("nerclusters: ")
	news := flag.String("news", "../../../../shared/dev/news-text/abp-world.jsonl", "unlabeled news, JSON Lines with a \"text\" field")
	train := flag.String("train", "../../../../shared/dev/conll2003-train.txt", "CoNLL-2003 training `file`")
	holdout := flag.Float64("holdout", 0.1, "leave out the last `fraction` of the training file's documents (as cmd/nertrain does)")
	c := flag.Int("c", 256, "number of clusters")
	minCount := flag.Int64("min", 5, "cluster only words that occur at least `n` times")
	out := flag.String("o", "clusters.txt", "output `file`")
	flag.Parse()

	t0 := time.Now()
	var lines [][]string
	if err := readNews(*news, &lines); err != nil {
		log.Fatal(err)
	}
	nNews := len(lines)
	f, err := os.Open(*train)
	if err != nil {
		log.Fatal(err)
	}
	docs, err := ner.ReadCoNLLDocs(f)
	f.Close()
	if err != nil {
		log.Fatal(err)
	}
	trainDocs, _ := ner.HeldOut(docs, *holdout)
	for _, d := range trainDocs {
		for _, s := range d {
			w := make([]string, len(s.Words))
			for i, x := range s.Words {
				w[i] = ner.Normalize(x)
			}
			lines = append(lines, w)
		}
	}
	log.Printf("%d lines of news and %d CoNLL-2003 sentences (%d documents) read in %v",
		nNews, len(lines)-nNews, len(trainDocs), time.Since(t0).Round(time.Millisecond))

	counts, words, bigrams := count(lines, *minCount)
	var tokens int64
	for _, l := range lines {
		tokens += int64(len(l))
	}
	log.Printf("%d tokens; %d words occur %d times or more; %d distinct bigrams", tokens, len(words), *minCount, len(bigrams))
	t1 := time.Now()
	res, err := brown.Cluster(counts, bigrams, *c, func(n int) {
		log.Printf("%d words entered (%v)", n, time.Since(t1).Round(time.Second))
	})
	if err != nil {
		log.Fatal(err)
	}
	log.Printf("%d clusters in %v", len(res.Paths), time.Since(t1).Round(time.Millisecond))

	order := make([]int, len(words))
	for i := range order {
		order[i] = i
	}
	path := func(w int) string { return res.Paths[res.Cluster[w]].String() }
	slices.SortStableFunc(order, func(a, b int) int { return cmp.Compare(path(a), path(b)) }) // ranks already by count, word
	var b bytes.Buffer
	for _, w := range order {
		fmt.Fprintf(&b, "%s\t%s\t%d\n", path(w), words[w], counts[w])
	}
	if err := os.WriteFile(*out, b.Bytes(), 0o644); err != nil {
		log.Fatal(err)
	}
	log.Printf("wrote %s: %d words, %d bytes", *out, len(words), b.Len())
}

// readNews appends the tokens of every line of every article's text.
func readNews(name string, lines *[][]string) error {
	f, err := os.Open(name)
	if err != nil {
		return fmt.Errorf("%w (the news text lives in the shared dev directory; pass -news)", err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 0, 1<<20), 64<<20)
	n := 0
	for sc.Scan() {
		n++
		var a struct {
			Text string `json:"text"`
		}
		if err := json.Unmarshal(sc.Bytes(), &a); err != nil {
			return fmt.Errorf("%s:%d: %w", name, n, err)
		}
		for line := range strings.SplitSeq(a.Text, "\n") {
			toks := entities.Tokenize(line)
			if len(toks) == 0 {
				continue
			}
			w := make([]string, len(toks))
			for i, t := range toks {
				w[i] = ner.Normalize(t.Text)
			}
			*lines = append(*lines, w)
		}
	}
	return sc.Err()
}

// count returns the words that occur at least min times, by decreasing
// count and then bytewise, their counts, and the bigram counts between
// them, sorted.
func count(lines [][]string, min int64) ([]int64, []string, []brown.Bigram) {
	freq := map[string]int64{}
	for _, l := range lines {
		for _, w := range l {
			freq[w]++
		}
	}
	var words []string
	for w, n := range freq {
		if n >= min {
			words = append(words, w)
		}
	}
	slices.SortFunc(words, func(a, b string) int {
		if c := cmp.Compare(freq[b], freq[a]); c != 0 {
			return c
		}
		return strings.Compare(a, b)
	})
	rank := make(map[string]int32, len(words))
	counts := make([]int64, len(words))
	for i, w := range words {
		rank[w] = int32(i)
		counts[i] = freq[w]
	}
	var pairs []uint64
	for _, l := range lines {
		prev := int32(-1)
		for _, w := range l {
			r, ok := rank[w]
			if !ok {
				r = -1
			}
			if prev >= 0 && r >= 0 {
				pairs = append(pairs, uint64(prev)<<32|uint64(r))
			}
			prev = r
		}
	}
	slices.Sort(pairs)
	var bigrams []brown.Bigram
	for i := 0; i < len(pairs); {
		j := i
		for j < len(pairs) && pairs[j] == pairs[i] {
			j++
		}
		bigrams = append(bigrams, brown.Bigram{Left: int32(pairs[i] >> 32), Right: int32(uint32(pairs[i])), N: int64(j - i)})
		i = j
	}
	return counts, words, bigrams
}
