// Command deptrain trains the dependency parser of package depparse on UD
// English EWT and writes the model file.
//
// Usage:
//
//	go run ./entities/internal/depparse/cmd/deptrain [-ud dir] [-o file] [-epochs n] [-seed n] [-explore p] [-joint=false] [-prune q] [-bits n] [-tagepochs n] [-folds n] [-tagcache dir] [-test]
//
// It reads en_ewt-ud-{train,dev,test}.conllu from the -ud directory
// (by default ../shared/dev/ud-english-ewt beside the module's root),
// tags every sentence's words with the project's own tagger
// (entities.Extractor.TagWords: Penn Treebank tags predicted by prose's
// model), trains the parser's tagger on the treebank's XPOS and the
// parser on the training file, and prints the accuracy of both taggers
// against the treebank's XPOS and, after every epoch, the
// unlabeled and labeled attachment scores on the development file
// (punctuation included). With -test it also scores the final model on
// the test file. With -o it writes the final model there. The defaults
// are the settings of the shipped model.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"log"
	"os"
	"path/filepath"
	"runtime/pprof"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/statecraft/statecraft/entities"
	"github.com/statecraft/statecraft/entities/internal/depparse"
)

func main() {
	log.SetFlags(0)
	log.SetPrefix("deptrain: ")
	ud := flag.String("ud", "", "`directory` of UD English EWT (default ../shared/dev/ud-english-ewt beside the module root)")
	out := flag.String("o", "", "write the model to `file`")
	epochs := flag.Int("epochs", depparse.DefaultEpochs, "training epochs")
	seed := flag.Uint64("seed", depparse.DefaultSeed, "shuffle and exploration seed")
	explore := flag.Float64("explore", depparse.DefaultExplore, "probability of following a wrong prediction (after the first epoch)")
	joint := flag.Bool("joint", false, "choose each action with its label's score (false: action first, then label)")
	prune := flag.Float64("prune", depparse.DefaultPrune, "drop averaged weights below `w` perceptron updates")
	dev := flag.Bool("dev", true, "score every epoch on the development file")
	test := flag.Bool("test", false, "score the final model on the test file")
	goldTags := flag.Bool("goldtags", false, "keep the treebank's XPOS tags (a diagnostic: the shipped model uses the project's)")
	pruneLevels := flag.String("prunelevels", "", "after training, report size and dev scores at these comma-separated prune `levels`")
	pruneDir := flag.String("prunedir", "", "with -prunelevels, write each pruned model to this `directory`")
	confusion := flag.Int("confusion", 0, "print the `n` commonest tag confusions against XPOS")
	cpuprofile := flag.String("cpuprofile", "", "write a CPU profile of the training to `file`")
	tagEpochs := flag.Int("tagepochs", depparse.DefaultTagEpochs, "epochs of the tagger")
	folds := flag.Int("folds", depparse.DefaultFolds, "jackknife folds of the tagger (< 2: none)")
	tagCache := flag.String("tagcache", "", "keep the jackknifed training tags in `directory` (a development aid)")
	tagOnly := flag.Bool("tagonly", false, "stop after training and scoring the tagger")
	bits := flag.Uint("bits", depparse.DefaultBits, "log2 of the buckets of the action weights")
	flag.Parse()

	dir := *ud
	if dir == "" {
		root, err := moduleRoot()
		if err != nil {
			log.Fatal(err)
		}
		dir = filepath.Join(root, "..", "shared", "dev", "ud-english-ewt")
	}
	ex, err := entities.New(entities.WithParse(entities.ParseNone))
	if err != nil {
		log.Fatal(err)
	}
	read := func(part string) []depparse.Sentence {
		name := filepath.Join(dir, "en_ewt-ud-"+part+".conllu")
		f, err := os.Open(name)
		if err != nil {
			log.Fatal(err)
		}
		defer f.Close()
		sents, err := depparse.ReadCoNLLU(f)
		if err != nil {
			log.Fatalf("%s: %v", name, err)
		}
		// Replace the treebank's tags by the project's.
		var right, all int
		confused := map[[2]string]int{}
		for i := range sents {
			s := &sents[i]
			doc, err := ex.TagWords(context.Background(), s.Words)
			if err != nil {
				log.Fatalf("%s: sentence %d: %v", name, i+1, err)
			}
			if len(doc.Tokens) != len(s.Words) {
				log.Fatalf("%s: sentence %d: %d tokens for %d words", name, i+1, len(doc.Tokens), len(s.Words))
			}
			for j := range s.Words {
				if doc.Tokens[j].Tag == s.Tags[j] {
					right++
				} else {
					confused[[2]string{s.Tags[j], doc.Tokens[j].Tag}]++
				}
				all++
				if !*goldTags {
					s.Tags[j] = doc.Tokens[j].Tag
				}
			}
		}
		fmt.Printf("%s: %d sentences, %d words, tag accuracy against XPOS %.4f\n", part, len(sents), all, float64(right)/float64(all))
		if *confusion > 0 {
			pairs := make([][2]string, 0, len(confused))
			for p := range confused {
				pairs = append(pairs, p)
			}
			sort.Slice(pairs, func(i, j int) bool {
				if a, b := confused[pairs[i]], confused[pairs[j]]; a != b {
					return a > b
				}
				return pairs[i][0]+" "+pairs[i][1] < pairs[j][0]+" "+pairs[j][1]
			})
			for _, p := range pairs[:min(*confusion, len(pairs))] {
				fmt.Printf("\t%5d  XPOS %-6s tagged %s\n", confused[p], p[0], p[1])
			}
		}
		return sents
	}
	train := read("train")
	var devSents, testSents []depparse.Sentence
	if *dev {
		devSents = read("dev")
	}
	if *test {
		testSents = read("test")
	}
	info := fmt.Sprintf("UD English EWT en_ewt-ud-train.conllu (CC BY-SA 4.0), %d sentences, XPOS and tags by entities.TagWords; epochs %d, seed %d, explore %g, joint %v, prune %g, tagger epochs %d, folds %d, kernel bits %d",
		len(train), *epochs, *seed, *explore, *joint, *prune, *tagEpochs, *folds, *bits)
	opts := []depparse.TrainOption{
		depparse.WithEpochs(*epochs), depparse.WithSeed(*seed), depparse.WithExplore(*explore, 1),
		depparse.WithJoint(*joint), depparse.WithPrune(*prune), depparse.WithInfo(info),
		depparse.WithTagger(*tagEpochs, *folds), depparse.WithKernelBits(*bits),
	}
	if *tagCache != "" {
		opts = append(opts, depparse.WithTagCache(*tagCache))
	}
	tagAcc := func(m *depparse.Model, sents []depparse.Sentence) float64 {
		var s depparse.Scratch
		var out []string
		right, all := 0, 0
		for _, x := range sents {
			out = append(out[:0], make([]string, len(x.Words))...)
			if err := m.Tag(x.Words, x.Tags, out, &s); err != nil {
				log.Fatal(err)
			}
			for j := range out {
				if out[j] == x.POS[j] {
					right++
				}
				all++
			}
		}
		return float64(right) / float64(all)
	}
	t0 := time.Now()
	opts = append(opts, depparse.WithTaggerHook(func(m *depparse.Model) {
		line := fmt.Sprintf("tagger trained (%v): %d tags", time.Since(t0).Round(time.Second), len(m.Tags()))
		if *dev {
			line += fmt.Sprintf(", dev accuracy %.4f", tagAcc(m, devSents))
		}
		if *test {
			line += fmt.Sprintf(", test accuracy %.4f", tagAcc(m, testSents))
		}
		fmt.Println(line)
		if *tagOnly {
			os.Exit(0)
		}
	}))
	if *cpuprofile != "" {
		f, err := os.Create(*cpuprofile)
		if err != nil {
			log.Fatal(err)
		}
		if err := pprof.StartCPUProfile(f); err != nil {
			log.Fatal(err)
		}
		defer pprof.StopCPUProfile()
	}
	if *dev {
		opts = append(opts, depparse.WithEpochHook(func(epoch int, m *depparse.Model) {
			sc, err := depparse.Evaluate(m, devSents)
			if err != nil {
				log.Fatal(err)
			}
			fmt.Printf("epoch %2d  dev UAS %.4f LAS %.4f  (%d features, %v)\n", epoch, sc.UAS(), sc.LAS(), m.Features(), time.Since(t0).Round(time.Second))
		}))
	}
	if *pruneLevels != "" {
		var levels []float64
		for _, f := range strings.Split(*pruneLevels, ",") {
			q, err := strconv.ParseFloat(f, 64)
			if err != nil {
				log.Fatalf("-prunelevels: %v", err)
			}
			levels = append(levels, q)
		}
		opts = append(opts, depparse.WithPruneHook(levels, func(q float64, m *depparse.Model) {
			b, err := m.MarshalBinary()
			if err != nil {
				log.Fatal(err)
			}
			line := fmt.Sprintf("prune %4g: %9d bytes, %8d features", q, len(b), m.Features())
			if *dev {
				sc, err := depparse.Evaluate(m, devSents)
				if err != nil {
					log.Fatal(err)
				}
				line += fmt.Sprintf(", dev UAS %.4f LAS %.4f", sc.UAS(), sc.LAS())
			}
			fmt.Println(line)
			if *pruneDir != "" {
				if err := os.WriteFile(filepath.Join(*pruneDir, fmt.Sprintf("prune%g.model", q)), b, 0o644); err != nil {
					log.Fatal(err)
				}
			}
		}))
	}
	m, err := depparse.Train(train, opts...)
	if err != nil {
		log.Fatal(err)
	}
	b, err := m.MarshalBinary()
	if err != nil {
		log.Fatal(err)
	}
	fmt.Printf("trained in %v; model %d bytes, %d features\n", time.Since(t0).Round(100*time.Millisecond), len(b), m.Features())
	if *test {
		sc, err := depparse.Evaluate(m, testSents)
		if err != nil {
			log.Fatal(err)
		}
		fmt.Printf("test UAS %.4f LAS %.4f (%d words)\n", sc.UAS(), sc.LAS(), sc.Words)
	}
	if *out != "" {
		if err := os.WriteFile(*out, b, 0o644); err != nil {
			log.Fatal(err)
		}
	}
}

// moduleRoot returns the nearest directory at or above the working
// directory that holds a go.mod file.
func moduleRoot() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir, nil
		}
		up := filepath.Dir(dir)
		if up == dir {
			return "", errors.New("no go.mod above the working directory: pass -ud")
		}
		dir = up
	}
}
