// Command nertrain trains the named-entity model of package ner on
// CoNLL-2003 style data and writes the model file.
//
// Usage:
//
//	go run ./cmd/nertrain [-train file] [-valid file] [-epochs n] [-seed n] [-minweight w] [-o model.bin] [-eval]
//
// With -eval it scores the model after every epoch on the validation file
// (strict span precision, recall and F1 per type, over PER/LOC/ORG and over
// all four types) and reports the best epoch; the model written is always
// the one after the last epoch. The defaults are the settings of the
// shipped model.
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"log"
	"os"
	"time"

	"github.com/statecraft/statecraft/entities/internal/ner"
)

func main() {
	log.SetFlags(0)
	log.SetPrefix("nertrain: ")
	train := flag.String("train", "../../../../shared/dev/conll2003-train.txt", "CoNLL-2003 training `file`")
	valid := flag.String("valid", "../../../../shared/dev/conll2003-valid.txt", "CoNLL-2003 validation `file` for -eval")
	epochs := flag.Int("epochs", defaultEpochs, "training epochs")
	seed := flag.Uint64("seed", 1, "shuffle seed")
	minWeight := flag.Float64("minweight", defaultMinWeight, "drop features whose averaged weights are all below `w`")
	out := flag.String("o", "", "write the model to `file`")
	eval := flag.Bool("eval", false, "score every epoch on the validation file")
	redocred := flag.String("redocred", "", "also report document-level recall on this Re-DocRED `file` (JSON)")
	flag.Parse()

	sents := read(*train)
	var dev []ner.Sentence
	if *eval {
		dev = read(*valid)
	}
	log.Printf("%d training sentences", len(sents))
	info := fmt.Sprintf("averaged perceptron; CoNLL-2003 English train (%d sentences); epochs %d; seed %d; min weight %g",
		len(sents), *epochs, *seed, *minWeight)
	bestF, bestEpoch := 0.0, 0
	t0 := time.Now()
	opts := []ner.TrainOption{ner.WithEpochs(*epochs), ner.WithSeed(*seed), ner.WithMinWeight(*minWeight), ner.WithInfo(info)}
	if *eval {
		opts = append(opts, ner.WithAfterEpoch(func(epoch int, m *ner.Model) {
			e := score(m, dev)
			f := e.Total(ner.PER, ner.LOC, ner.ORG).F1()
			log.Printf("epoch %d (%v): %d features; validation F1 PER/LOC/ORG %.2f, all %.2f",
				epoch, time.Since(t0).Round(time.Millisecond), m.Features(), 100*f, 100*e.Total(ner.PER, ner.LOC, ner.ORG, ner.MISC).F1())
			if f > bestF {
				bestF, bestEpoch = f, epoch
			}
		}))
	}
	m, err := ner.Train(sents, opts...)
	log.Printf("trained in %v", time.Since(t0).Round(time.Millisecond))
	if err != nil {
		log.Fatal(err)
	}
	if *eval {
		fmt.Printf("validation, strict span scores after epoch %d (%d features):\n%s", *epochs, m.Features(), score(m, dev))
		fmt.Printf("best epoch by PER/LOC/ORG F1: %d (%.2f)\n", bestEpoch, 100*bestF)
	}
	if *redocred != "" {
		reDocRED(m, *redocred)
	}
	if *out != "" {
		b, err := m.MarshalBinary()
		if err != nil {
			log.Fatal(err)
		}
		if err := os.WriteFile(*out, b, 0o644); err != nil {
			log.Fatal(err)
		}
		log.Printf("wrote %s: %d features, %d bytes", *out, m.Features(), len(b))
	}
}

// The settings of the shipped model, chosen with -eval.
const (
	defaultEpochs    = 16
	defaultMinWeight = 0.3
)

func read(name string) []ner.Sentence {
	f, err := os.Open(name)
	if err != nil {
		log.Fatalf("%v (the CoNLL-2003 files live in the shared dev directory; pass -train/-valid)", err)
	}
	defer f.Close()
	s, err := ner.ReadCoNLL(f)
	if err != nil {
		log.Fatalf("%s: %v", name, err)
	}
	return s
}

func score(m *ner.Model, sents []ner.Sentence) *ner.Eval {
	var e ner.Eval
	var s ner.Scratch
	var out []ner.Label
	for _, sent := range sents {
		out = m.Label(sent.Words, &s, out)
		e.Add(sent.Labels, out)
	}
	return &e
}

// reDocRED prints document-level recall on Re-DocRED: an entity (a set of
// coreferent mentions) of type PER, LOC or ORG counts as found if the model
// labels at least one of its mentions with exactly its boundaries and
// type (strict), or if any predicted span of its type overlaps one of its
// mentions (overlap). Demonyms are LOC in Re-DocRED but MISC in CoNLL, so
// LOC recall is a lower bound of what the gazetteer-combined system finds.
func reDocRED(m *ner.Model, name string) {
	b, err := os.ReadFile(name)
	if err != nil {
		log.Fatal(err)
	}
	var docs []struct {
		Sents     [][]string `json:"sents"`
		VertexSet [][]struct {
			Type   string `json:"type"`
			Pos    [2]int `json:"pos"`
			SentID int    `json:"sent_id"`
		} `json:"vertexSet"`
	}
	if err := json.Unmarshal(b, &docs); err != nil {
		log.Fatalf("%s: %v", name, err)
	}
	kinds := map[string]ner.Kind{"PER": ner.PER, "LOC": ner.LOC, "ORG": ner.ORG}
	var total, strict, overlap [ner.NumKinds]int
	var s ner.Scratch
	var labels []ner.Label
	for _, d := range docs {
		spans := make([][]ner.Span, len(d.Sents))
		for i, words := range d.Sents {
			labels = m.Label(words, &s, labels)
			spans[i] = ner.AppendSpans(nil, labels)
		}
		for _, v := range d.VertexSet {
			k, ok := kinds[v[0].Type]
			if !ok {
				continue
			}
			total[k]++
			var st, ov bool
			for _, mention := range v {
				if mention.SentID < 0 || mention.SentID >= len(spans) {
					continue
				}
				for _, p := range spans[mention.SentID] {
					if p.Kind != k {
						continue
					}
					if p.Start == mention.Pos[0] && p.End == mention.Pos[1] {
						st = true
					}
					if p.Start < mention.Pos[1] && mention.Pos[0] < p.End {
						ov = true
					}
				}
			}
			if st {
				strict[k]++
			}
			if ov {
				overlap[k]++
			}
		}
	}
	fmt.Printf("Re-DocRED document-level entity recall (%d documents):\n", len(docs))
	for _, k := range []ner.Kind{ner.PER, ner.LOC, ner.ORG} {
		fmt.Printf("%-4s strict %6.2f  overlap %6.2f  (%d entities)\n", k, 100*float64(strict[k])/float64(total[k]),
			100*float64(overlap[k])/float64(total[k]), total[k])
	}
}
