// Command nertrain trains the named-entity model of package ner on
// CoNLL-2003 style data and writes the model file.
//
// Usage:
//
//	go run ./cmd/nertrain [-train file] [-valid file] [-holdout f] [-heldout-file file] [-epochs n] [-seed n] [-minweight w] [-clusters=false] [-stack [-extmask m]] [-o model.bin] [-eval] [-redocred file]
//
// The last -holdout fraction of the training file's documents (a tenth:
// 94 of CoNLL-2003's 946) is never trained on; -eval scores it after every
// epoch next to the validation set, as an untouched check (the epochs are
// chosen on validation only), and -heldout-file writes it out (word and
// tag a line, outside the repository: it is Reuters text) for
// examples/evaluate -conll. -clusters=false trains without the word
// cluster features of package ner, for the ablation.
//
// With -stack every token also carries the external feature bits of
// [ner.ProseExt]: the part-of-speech tag and named-entity label that
// prose's models, as reproduced by package entities, give it when the
// sentence's words are joined by single spaces and passed to
// entities.Extractor.Extract. Where statecraft's tokenizer cuts the text
// into the same tokens, word i takes the bits of token i; otherwise a word
// takes the bits of the token that starts at its byte offset in the joined
// text, and none if no token does. The validation and Re-DocRED sentences
// get their bits the same way, and -eval also scores prose's own labels.
// -extmask keeps only some bits (0x7f: the entity bits, 0x7ff80: the
// part-of-speech bits). Without -stack the model uses only its own
// features, as the shipped one does.
//
// With -eval it scores the model after every epoch on the validation file
// (strict span precision, recall and F1 per type, over PER/LOC/ORG and over
// all four types) and reports the best epoch; the model written is always
// the one after the last epoch. The defaults are the settings of the
// shipped model.
package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"log"
	"os"
	"strings"
	"time"

	"github.com/statecraft/statecraft/entities"
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
	holdout := flag.Float64("holdout", defaultHoldout, "keep the last `fraction` of the training file's documents out of training, as an untouched check scored with -eval")
	heldFile := flag.String("heldout-file", "", "write the held-out documents to `file` (word and tag a line), for examples/evaluate -conll")
	clusters := flag.Bool("clusters", defaultClusters, "use the word cluster features (clusters.txt of package ner)")
	stack := flag.Bool("stack", defaultStack, "add prose's part-of-speech tags and entity labels as external features (ner.ProseExt)")
	flag.Uint64Var(&extMask, "extmask", ^uint64(0), "with -stack, keep only the ner.ProseExt bits in `mask` (for ablations)")
	flag.Parse()

	var st *stacker
	if *stack {
		// Tag and Label come from prose's models alone: the shipped NER
		// model, which Extract would also run, is left out.
		ex, err := entities.New(entities.WithoutNERModel())
		if err != nil {
			log.Fatal(err)
		}
		st = &stacker{ex: ex}
	}
	docs := readDocs(*train)
	trainDocs, heldDocs := ner.HeldOut(docs, *holdout)
	sents, held := flatten(trainDocs), flatten(heldDocs)
	var dev []ner.Sentence
	if *eval {
		dev = read(*valid)
	}
	log.Printf("%d training sentences in %d documents; %d sentences in the last %d documents held out", len(sents), len(trainDocs), len(held), len(heldDocs))
	if *heldFile != "" {
		if err := writeCoNLL(*heldFile, heldDocs); err != nil {
			log.Fatal(err)
		}
	}
	if st != nil {
		t0 := time.Now()
		st.setExt(sents)
		log.Printf("prose features of the training sentences in %v: %s", time.Since(t0).Round(time.Millisecond), st)
		if dev != nil {
			st.setExt(dev)
			log.Printf("prose features of the validation sentences: %s", st)
			fmt.Printf("validation, strict span scores of prose's own labels (PERSON as PER; GPE, LOCATION as LOC; ORGANIZATION as ORG):\n%s", &st.eval)
			st.setExt(held)
		}
	}
	info := fmt.Sprintf("averaged perceptron; CoNLL-2003 English train (%d sentences of its first %d documents; the last %d held out); epochs %d; seed %d; min weight %g",
		len(sents), len(trainDocs), len(heldDocs), *epochs, *seed, *minWeight)
	if *clusters {
		info += "; Brown clusters of clusters.txt"
	}
	if st != nil {
		info += "; external features ner.ProseExt of entities.Extract's Tag and Label"
	}
	bestF, bestEpoch := 0.0, 0
	t0 := time.Now()
	opts := []ner.TrainOption{ner.WithEpochs(*epochs), ner.WithSeed(*seed), ner.WithMinWeight(*minWeight), ner.WithInfo(info), ner.WithClusters(*clusters)}
	if *eval {
		opts = append(opts, ner.WithAfterEpoch(func(epoch int, m *ner.Model) {
			e := score(m, dev)
			f := e.Total(ner.PER, ner.LOC, ner.ORG).F1()
			h := score(m, held)
			log.Printf("epoch %d (%v): %d features; validation F1 PER/LOC/ORG %.2f, all %.2f; held-out train part %.2f, %.2f",
				epoch, time.Since(t0).Round(time.Millisecond), m.Features(), 100*f, 100*e.Total(ner.PER, ner.LOC, ner.ORG, ner.MISC).F1(),
				100*h.Total(ner.PER, ner.LOC, ner.ORG).F1(), 100*h.Total(ner.PER, ner.LOC, ner.ORG, ner.MISC).F1())
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
		fmt.Printf("best epoch by validation PER/LOC/ORG F1: %d (%.2f)\n", bestEpoch, 100*bestF)
		if len(held) > 0 {
			fmt.Printf("held-out train part (%d documents, never trained or tuned on), strict span scores after epoch %d:\n%s", len(heldDocs), *epochs, score(m, held))
		}
	}
	if *redocred != "" {
		reDocRED(m, *redocred, st)
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
	defaultStack     = false // see the package documentation of ner
	defaultHoldout   = 0.1   // the last 94 of the 946 training documents
	defaultClusters  = true  // see the package documentation of ner
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

func readDocs(name string) [][]ner.Sentence {
	f, err := os.Open(name)
	if err != nil {
		log.Fatalf("%v (the CoNLL-2003 files live in the shared dev directory; pass -train/-valid)", err)
	}
	defer f.Close()
	d, err := ner.ReadCoNLLDocs(f)
	if err != nil {
		log.Fatalf("%s: %v", name, err)
	}
	return d
}

func flatten(docs [][]ner.Sentence) []ner.Sentence {
	var s []ner.Sentence
	for _, d := range docs {
		s = append(s, d...)
	}
	return s
}

// writeCoNLL writes docs as CoNLL-2003 text: a "-DOCSTART- O" line before
// each document, word and IOB2 tag a line, a blank line after each
// sentence.
func writeCoNLL(name string, docs [][]ner.Sentence) error {
	var b strings.Builder
	for _, d := range docs {
		b.WriteString("-DOCSTART- O\n\n")
		for _, s := range d {
			for i, w := range s.Words {
				fmt.Fprintf(&b, "%s %s\n", w, s.Labels[i])
			}
			b.WriteString("\n")
		}
	}
	return os.WriteFile(name, []byte(b.String()), 0o644)
}

func score(m *ner.Model, sents []ner.Sentence) *ner.Eval {
	var e ner.Eval
	var s ner.Scratch
	var out []ner.Label
	for _, sent := range sents {
		out = m.LabelExt(sent.Words, sent.Ext, &s, out)
		e.Add(sent.Labels, out)
	}
	return &e
}

// extMask is the -extmask flag.
var extMask uint64

// stacker computes the ner.ProseExt bits of sentences with package
// entities, counting how the words were aligned with its tokens.
type stacker struct {
	ex                        *entities.Extractor
	same, byOffset, unaligned int      // words of the last setExt
	eval                      ner.Eval // prose's labels against gold, over the last setExt
}

func (st *stacker) String() string {
	n := st.same + st.byOffset + st.unaligned
	return fmt.Sprintf("%d words: %d in sentences tokenised alike, %d aligned by offset, %d without bits (%.3f%%)",
		n, st.same, st.byOffset, st.unaligned, 100*float64(st.unaligned)/float64(max(n, 1)))
}

// setExt sets the Ext of every sentence and scores prose's labels.
func (st *stacker) setExt(sents []ner.Sentence) {
	st.same, st.byOffset, st.unaligned = 0, 0, 0
	st.eval = ner.Eval{}
	var prose []ner.Label
	for i := range sents {
		sents[i].Ext, prose = st.ext(sents[i].Words, prose)
		// prose makes one entity of consecutive tokens of a type, whatever
		// their prefixes.
		for j := 1; j < len(prose); j++ {
			if prose[j] != ner.O && prose[j].Kind() == prose[j-1].Kind() && prose[j-1] != ner.O {
				prose[j] = ner.Inside(prose[j].Kind())
			}
		}
		st.eval.Add(sents[i].Labels, prose)
	}
}

// ext returns the bits of words: words joined by single spaces go through
// Extract; word i takes the Tag and Label of token i if the tokens are
// the words, else of the token that starts where it does. It also writes
// prose's labels as CoNLL labels to prose[:0] and returns them.
func (st *stacker) ext(words []string, prose []ner.Label) ([]uint64, []ner.Label) {
	text := strings.Join(words, " ")
	doc, err := st.ex.Extract(context.Background(), text)
	if err != nil {
		log.Fatal(err)
	}
	ext := make([]uint64, len(words))
	prose = append(prose[:0], make([]ner.Label, len(words))...)
	toks := doc.Tokens
	if len(toks) == len(words) {
		same := true
		for i, t := range toks {
			if t.Text != words[i] {
				same = false
				break
			}
		}
		if same {
			for i, t := range toks {
				ext[i] = ner.ProseExt(t.Tag, t.Label) & extMask
				prose[i] = conllLabel(t.Label)
			}
			st.same += len(words)
			return ext, prose
		}
	}
	off, k := 0, 0
	for i, w := range words {
		for k < len(toks) && toks[k].Start < off {
			k++
		}
		if k < len(toks) && toks[k].Start == off {
			ext[i] = ner.ProseExt(toks[k].Tag, toks[k].Label) & extMask
			prose[i] = conllLabel(toks[k].Label)
			st.byOffset++
		} else {
			st.unaligned++
		}
		off += len(w) + 1
	}
	return ext, prose
}

// conllLabel maps a prose label to the CoNLL label of its type, O for
// types without one.
func conllLabel(label string) ner.Label {
	var k ner.Kind
	switch strings.TrimPrefix(strings.TrimPrefix(label, "B-"), "I-") {
	case "PERSON":
		k = ner.PER
	case "GPE", "LOCATION":
		k = ner.LOC
	case "ORGANIZATION", "ORG":
		k = ner.ORG
	default:
		return ner.O
	}
	if strings.HasPrefix(label, "I-") {
		return ner.Inside(k)
	}
	return ner.Begin(k)
}

// reDocRED prints document-level recall on Re-DocRED: an entity (a set of
// coreferent mentions) of type PER, LOC or ORG counts as found if the model
// labels at least one of its mentions with exactly its boundaries and
// type (strict), or if any predicted span of its type overlaps one of its
// mentions (overlap). Demonyms are LOC in Re-DocRED but MISC in CoNLL, so
// LOC recall is a lower bound of what the gazetteer-combined system finds.
//
// With st, each sentence gets the bits of st.ext.
func reDocRED(m *ner.Model, name string, st *stacker) {
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
			var ext []uint64
			if st != nil {
				ext, _ = st.ext(words, nil)
			}
			labels = m.LabelExt(words, ext, &s, labels)
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
