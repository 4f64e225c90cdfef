// Command reltrain trains statecraft's relation model
// (relations/internal/relmodel/data/relations.model) from annotated news:
//
//	go run ./relations/internal/relmodel/cmd/reltrain
//
// Training data: the project's own annotations
// (relations/internal/relmodel/annotations/train-*.json: document ids,
// labels and evidence offsets into texts of ../shared/dev/news-text and
// the CoNLL-2003 training file) and the dev split of
// ../shared/dev/news-relations. Calibration, per-type thresholds and the
// rules' confidences are fitted on out-of-fold predictions of dev: each
// dev document is predicted by a model trained without its fold. The
// test split of news-relations and the project's modern held-out set
// (annotations/heldout-modern.json) are never read. The same data give
// the same model bytes.
//
// Flags:
//
//	-shared DIR   the development data (default ../shared/dev)
//	-out FILE     the model to write
//	-export DIR   also write each annotation file as a gold JSON + texts
//	              JSONL pair for `evaluate -news` (outside the repository)
//	-report       print the precision-recall and calibration tables of dev
//	-parse        parse the sentences with arguments, so that the features
//	              read dependency paths (the default follows entities'
//	              default parse mode)
//	-agree A,B    print the agreement of two annotation files on their
//	              shared documents and stop; a side may join files with +
package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/statecraft/statecraft/entities"
	"github.com/statecraft/statecraft/gazetteer"
	"github.com/statecraft/statecraft/internal/newsgold"
	_ "github.com/statecraft/statecraft/relations" // sets relmodel.Hook
	"github.com/statecraft/statecraft/relations/internal/relmodel"
)

func main() {
	if err := run(os.Args[1:], os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "reltrain:", err)
		os.Exit(1)
	}
}

// set is annotated documents with their texts.
type set struct {
	gold  *newsgold.Gold
	texts map[string]newsgold.Text
}

// run is the command: it reads the project's annotations
// ([readTrainSets]) and dev ([readDev]), labels their candidates
// ([trainExamples], [devExamples]), trains the model and the fold models
// ([trainWithFolds]), calibrates it and picks the thresholds on dev's
// out-of-fold predictions ([devPredictions], [calibrateAndThreshold]) and
// writes it. With -agree it prints the agreement of two annotation files
// instead ([agreement]).
func run(args []string, out io.Writer) error {
	fs := flag.NewFlagSet("reltrain", flag.ContinueOnError)
	shared := fs.String("shared", "../shared/dev", "the development data")
	annDir := fs.String("annotations", "relations/internal/relmodel/annotations", "the project's annotations")
	outPath := fs.String("out", "relations/internal/relmodel/data/relations.model", "the model file to write")
	export := fs.String("export", "", "write gold JSON + texts JSONL of each annotation file here")
	report := fs.Bool("report", false, "print the precision-recall and calibration tables of dev")
	agree := fs.String("agree", "", "A.json,B.json: print the document-level relation agreement of two annotation files on their shared documents, and stop (a side may join files: A1.json+A2.json)")
	parse := fs.Bool("parse", false, "parse the sentences with arguments (entities.ParseArguments) so that the features read the dependency paths")
	folds := fs.Int("dev-folds", 5, "also train on dev, calibrating on out-of-fold predictions of this many folds (0: train on the annotations only)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	corp, err := newsgold.OpenCorpora(*shared)
	if err != nil {
		return fmt.Errorf("reading ../shared/dev (give -shared): %w", err)
	}
	if *agree != "" {
		a, b, ok := strings.Cut(*agree, ",")
		if !ok {
			return fmt.Errorf("-agree wants two files separated by a comma")
		}
		return agreement(corp, a, b, out)
	}
	train, err := readTrainSets(corp, *annDir, *export)
	if err != nil {
		return err
	}
	dev, err := readDev(*shared)
	if err != nil {
		return err
	}
	var eopts []entities.Option
	if *parse {
		eopts = append(eopts, entities.WithParse(entities.ParseArguments))
	}
	// The candidates carry dependency-path features when their sentences
	// are parsed: with -parse, or when entities parses by default.
	parsed := *parse || entities.DefaultParse != entities.ParseNone
	ex, err := entities.New(eopts...)
	if err != nil {
		return err
	}
	gaz, err := gazetteer.New()
	if err != nil {
		return err
	}
	examples, err := trainExamples(ex, gaz, train, out)
	if err != nil {
		return err
	}
	cfg, err := trainConfig()
	if err != nil {
		return err
	}
	// Dev: its documents' examples, and the models that predict each
	// document without having seen it.
	devEx, err := devExamples(ex, gaz, dev)
	if err != nil {
		return err
	}
	m, foldModel := trainWithFolds(examples, devEx, *folds, cfg, out)
	m.SetParsed(parsed)
	preds, err := devPredictions(ex, gaz, foldModel, dev)
	if err != nil {
		return err
	}
	calibrateAndThreshold(m, preds, out, *report)
	return writeModel(m, *outPath, out)
}

// readTrainSets reads the annotation files of annDir, in the order of
// their names, resolved against the texts of corp, and returns the
// training ones (train-*.json); held-out sets are never read for
// training. With export set, it writes each file there as a gold JSON +
// texts JSONL pair ([exportSet]).
func readTrainSets(corp *newsgold.Corpora, annDir, export string) ([]*set, error) {
	files, err := filepath.Glob(filepath.Join(annDir, "*.json"))
	if err != nil {
		return nil, err
	}
	sort.Strings(files)
	var train []*set
	for _, f := range files {
		a, err := newsgold.ReadAnnotations(f)
		if err != nil {
			return nil, err
		}
		g, texts, err := corp.Resolve(a)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", f, err)
		}
		if export != "" {
			if err := exportSet(export, strings.TrimSuffix(filepath.Base(f), ".json"), g, texts); err != nil {
				return nil, err
			}
		}
		if !strings.HasPrefix(filepath.Base(f), "train-") {
			continue // held-out sets are never read for training
		}
		train = append(train, newSet(g, texts))
	}
	return train, nil
}

// readDev reads the dev split of news-relations under shared; the test
// split is never read.
func readDev(shared string) (*set, error) {
	nr := filepath.Join(shared, "news-relations")
	devGold, err := newsgold.ReadGold(filepath.Join(nr, "conll-train-political.gold.json"))
	if err != nil {
		return nil, err
	}
	devTexts, err := newsgold.ReadTexts(filepath.Join(nr, "conll-train-political.jsonl"))
	if err != nil {
		return nil, err
	}
	split, err := newsgold.ReadSplit(filepath.Join(nr, "split.json"))
	if err != nil {
		return nil, err
	}
	return subset(devGold, devTexts, split["dev"]), nil
}

// trainExamples labels the candidates of the training documents
// ([label]) and prints their number and the counts of positive labels
// and required gold relations per type.
func trainExamples(ex *entities.Extractor, gaz *gazetteer.Gazetteer, train []*set, out io.Writer) ([]relmodel.Example, error) {
	var examples []relmodel.Example
	stats := map[string]int{}
	ndocs := 0
	for _, s := range train {
		for i := range s.gold.Documents {
			d := &s.gold.Documents[i]
			cands, doc, err := candidates(ex, s.texts[d.ID])
			if err != nil {
				return nil, fmt.Errorf("%s: %w", d.ID, err)
			}
			ndocs++
			examples = append(examples, label(d, s.gold.Aliases, gaz, doc, cands, stats)...)
			for _, r := range d.Relations {
				if !r.Optional {
					stats["gold "+r.Type]++
				}
			}
		}
	}
	fmt.Fprintf(out, "training: %d documents, %d candidates\n", ndocs, len(examples))
	for _, k := range sortedKeys(stats) {
		fmt.Fprintf(out, "  %-28s %6d\n", k, stats[k])
	}
	return examples, nil
}

// trainConfig returns the training configuration: the default, or for
// experiments the epochs, rate, L2 and positive weight of RELTRAIN_CFG
// ("12,0.2,1e-6,2").
func trainConfig() (relmodel.TrainConfig, error) {
	cfg := relmodel.DefaultTrainConfig
	if v := os.Getenv("RELTRAIN_CFG"); v != "" { // experiments: epochs,rate,l2,posweight
		if _, err := fmt.Sscanf(v, "%d,%g,%g,%g", &cfg.Epochs, &cfg.Rate, &cfg.L2, &cfg.PosWeight); err != nil {
			return cfg, fmt.Errorf("RELTRAIN_CFG: %w", err)
		}
	}
	return cfg, nil
}

// devExamples labels the candidates of each dev document ([label]).
func devExamples(ex *entities.Extractor, gaz *gazetteer.Gazetteer, dev *set) ([][]relmodel.Example, error) {
	devEx := make([][]relmodel.Example, len(dev.gold.Documents))
	devStats := map[string]int{}
	for i := range dev.gold.Documents {
		d := &dev.gold.Documents[i]
		cands, doc, err := candidates(ex, dev.texts[d.ID])
		if err != nil {
			return nil, fmt.Errorf("%s: %w", d.ID, err)
		}
		devEx[i] = label(d, dev.gold.Aliases, gaz, doc, cands, devStats)
	}
	return devEx, nil
}

// trainWithFolds trains the model on examples and, with folds > 0, on
// the dev examples too, after one model per fold trained without the dev
// documents of that fold. It returns the model and the model that
// predicts dev document i without having seen it: its fold's, or with no
// folds the model itself.
func trainWithFolds(examples []relmodel.Example, devEx [][]relmodel.Example, folds int, cfg relmodel.TrainConfig, out io.Writer) (*relmodel.Model, func(doc int) *relmodel.Model) {
	var m *relmodel.Model
	foldModel := func(int) *relmodel.Model { return m }
	if folds > 0 {
		fms := make([]*relmodel.Model, folds)
		for k := range fms {
			exs := slices.Clone(examples)
			for i := range devEx {
				if i%folds != k {
					exs = append(exs, devEx[i]...)
				}
			}
			fms[k] = relmodel.Train(exs, cfg)
		}
		foldModel = func(i int) *relmodel.Model { return fms[i%folds] }
		for i := range devEx {
			examples = append(examples, devEx[i]...)
		}
		fmt.Fprintf(out, "and the %d dev documents (calibration on %d-fold out-of-fold predictions)\n", len(devEx), folds)
	}
	m = relmodel.Train(examples, cfg)
	return m, foldModel
}

// writeModel writes the bytes of m to outPath, creating its directory.
func writeModel(m *relmodel.Model, outPath string, out io.Writer) error {
	if err := os.MkdirAll(filepath.Dir(outPath), 0o755); err != nil {
		return err
	}
	b := m.Marshal()
	if err := os.WriteFile(outPath, b, 0o644); err != nil {
		return err
	}
	fmt.Fprintf(out, "wrote %s (%d bytes)\n", outPath, len(b))
	return nil
}

func newSet(g *newsgold.Gold, texts []newsgold.Text) *set {
	s := &set{gold: g, texts: map[string]newsgold.Text{}}
	for _, t := range texts {
		s.texts[t.ID] = t
	}
	return s
}

// subset is the documents of g whose ids are in ids, in g's order.
func subset(g *newsgold.Gold, texts []newsgold.Text, ids []string) *set {
	keep := map[string]bool{}
	for _, id := range ids {
		keep[id] = true
	}
	sg := &newsgold.Gold{Aliases: g.Aliases}
	for _, d := range g.Documents {
		if keep[d.ID] {
			sg.Documents = append(sg.Documents, d)
		}
	}
	var ts []newsgold.Text
	for _, t := range texts {
		if keep[t.ID] {
			ts = append(ts, t)
		}
	}
	return newSet(sg, ts)
}

func candidates(ex *entities.Extractor, t newsgold.Text) ([]relmodel.Candidate, *entities.Document, error) {
	var date time.Time
	if t.Date != "" {
		date, _ = time.Parse("2006-01-02", t.Date)
	}
	ctx := context.Background()
	doc, err := ex.ExtractAt(ctx, t.Text, date)
	if err != nil {
		return nil, nil, err
	}
	cands, err := relmodel.Hook(ctx, doc)
	return cands, doc, err
}

// resolver resolves the candidates' mentions to gold names.
type resolver struct {
	res  *newsgold.Resolver
	gaz  *gazetteer.Gazetteer
	doc  *entities.Document
	memo map[int]string
}

func (r *resolver) name(m int, identity string) string {
	if n, ok := r.memo[m]; ok {
		return n
	}
	mm := &r.doc.Mentions[m]
	n, _ := r.res.ResolveWith(r.gaz, []string{mm.Name, mm.Text}, identity, mm.ID)
	r.memo[m] = n
	return n
}

// label turns the candidates of one gold document into examples: a label
// is positive when the gold has the relation and its evidence overlaps
// the candidate's sentence, ignored when the gold has it only optionally
// or states it elsewhere, negative otherwise.
func label(d *newsgold.Doc, aliases map[string][]string, gaz *gazetteer.Gazetteer, doc *entities.Document, cands []relmodel.Candidate, stats map[string]int) []relmodel.Example {
	r := &resolver{res: newsgold.NewResolver(d, aliases), gaz: gaz, doc: doc, memo: map[int]string{}}
	type goldRel struct {
		optional bool
		spans    [][2]int
	}
	gold := map[newsgold.Key]*goldRel{}
	for i := range d.Relations {
		gr := &d.Relations[i]
		k := gr.Key()
		g := gold[k]
		if g == nil {
			g = &goldRel{optional: true}
			gold[k] = g
		}
		g.optional = g.optional && gr.Optional
		if s, e := newsgold.EvidenceSpan(doc.Text, gr.Evidence); s >= 0 {
			g.spans = append(g.spans, [2]int{s, e})
		}
	}
	sentSpan := func(si int) (int, int) {
		st := doc.Sentences[si]
		if st.TokenStart >= st.TokenEnd {
			return 0, 0
		}
		return doc.Tokens[st.TokenStart].Start, doc.Tokens[st.TokenEnd-1].End
	}
	out := make([]relmodel.Example, 0, len(cands))
	for ci := range cands {
		c := &cands[ci]
		ex := relmodel.Example{Feats: c.Feats, Allowed: c.Allowed | c.Rule}
		na, nb := r.name(c.A, c.IA), r.name(c.B, c.IB)
		for l, lb := range relmodel.Labels {
			bit := uint32(1) << l
			if ex.Allowed&bit == 0 || na == "" || nb == "" || na == nb {
				continue
			}
			var k newsgold.Key
			switch {
			case lb.Dir == 0:
				k = newsgold.KeyOf(lb.Type, na, nb)
			case lb.Dir > 0:
				k = newsgold.KeyOf(lb.Type, na, nb)
			default:
				k = newsgold.KeyOf(lb.Type, nb, na)
			}
			g := gold[k]
			if g == nil {
				continue
			}
			if g.optional {
				ex.Ignore |= bit
				continue
			}
			here := len(g.spans) == 0
			for _, si := range []int{doc.Mentions[c.A].Sentence, doc.Mentions[c.B].Sentence} {
				s, e := sentSpan(si)
				for _, sp := range g.spans {
					here = here || sp[0] < e && s < sp[1]
				}
			}
			if here {
				ex.Pos |= bit
				stats["positive "+lb.Type]++
			} else {
				ex.Ignore |= bit
			}
		}
		out = append(out, ex)
		if c.NRule > 0 {
			// The same pair without the rules' features: what the rules
			// find is learned from the words too, for where they fail.
			ex.Feats = c.Feats[c.NRule:]
			out = append(out, ex)
		}
	}
	return out
}

// devPred is one document-level prediction on dev.
type devPred struct {
	typ   string
	label int
	p     float32
	rule  bool
	right bool
}

// devPredictions scores dev: every document-level prediction of the model
// (and every relation a rule found), with whether the gold has it; gold
// relations that no candidate reaches count as misses through goldCount.
// Each document is scored by model(i) ([scoreDevDoc]); with
// RELTRAIN_UNREACHED set, the gold relations no candidate reaches are
// listed.
func devPredictions(ex *entities.Extractor, gaz *gazetteer.Gazetteer, model func(doc int) *relmodel.Model, dev *set) (*devResult, error) {
	res := &devResult{gold: map[string]int{}, reachable: map[string]int{}}
	if os.Getenv("RELTRAIN_UNREACHED") != "" {
		res.unreached = []string{}
	}
	for i := range dev.gold.Documents {
		d := &dev.gold.Documents[i]
		cands, doc, err := candidates(ex, dev.texts[d.ID])
		if err != nil {
			return nil, err
		}
		m := model(i)
		probs := make([][relmodel.NumLabels]float32, len(cands))
		for ci := range cands {
			m.Scores(cands[ci].Feats, cands[ci].Allowed|cands[ci].Rule, &probs[ci])
		}
		dd := &devDoc{
			d: d, doc: doc, cands: cands, probs: probs,
			r: &resolver{res: newsgold.NewResolver(d, dev.gold.Aliases), gaz: gaz, doc: doc, memo: map[int]string{}},
		}
		dd.score(res)
	}
	return res, nil
}

// devDoc is one dev document as [devPredictions] scores it.
type devDoc struct {
	d     *newsgold.Doc
	doc   *entities.Document
	cands []relmodel.Candidate
	probs [][relmodel.NumLabels]float32 // of each candidate
	r     *resolver

	want     map[newsgold.Key]bool // the required gold relations
	optional map[newsgold.Key]bool // the optional ones
	reach    map[newsgold.Key]bool // the relations of the candidates' pairs
	found    map[newsgold.Key]bool // what the rules or the model find, for the misses
}

// score adds the document's gold relations ([devDoc.goldKeys]), the
// reachable ones ([devDoc.reachKeys]) and its predictions
// ([devDoc.predict]) to res; with RELTRAIN_MISSES=type it prints the
// type's gold relations that the rules miss and the model leaves below
// RELTRAIN_THR ([devDoc.missPrinter]).
func (dd *devDoc) score(res *devResult) {
	dd.goldKeys(res)
	dd.reachKeys()
	dd.found = map[newsgold.Key]bool{}
	printMisses := func() {}
	if os.Getenv("RELTRAIN_MISSES") != "" {
		missThreshold, _ = strconv.ParseFloat(os.Getenv("RELTRAIN_THR"), 32)
		printMisses = dd.missPrinter()
	}
	for k := range dd.want {
		if dd.reach[k] {
			res.reachable[k.Type]++
		} else if res.unreached != nil {
			res.unreached = append(res.unreached, dd.d.ID+": "+k.Type+" "+k.Args)
		}
	}
	dd.predict(res)
	printMisses()
}

// goldKeys records the document's required and optional gold relations,
// and counts the required ones per type in res.
func (dd *devDoc) goldKeys(res *devResult) {
	dd.want, dd.optional = map[newsgold.Key]bool{}, map[newsgold.Key]bool{}
	for j := range dd.d.Relations {
		k := dd.d.Relations[j].Key()
		if dd.d.Relations[j].Optional {
			dd.optional[k] = true
		} else if !dd.want[k] {
			dd.want[k] = true
			res.gold[k.Type]++
		}
	}
}

// reachKeys records the relations of every type, in every direction the
// type allows, between the gold names of each candidate's pair.
func (dd *devDoc) reachKeys() {
	dd.reach = map[newsgold.Key]bool{}
	for ci := range dd.cands {
		c := &dd.cands[ci]
		na, nb := dd.r.name(c.A, c.IA), dd.r.name(c.B, c.IB)
		for _, lb := range relmodel.Labels {
			if lb.Dir >= 0 {
				dd.reach[newsgold.KeyOf(lb.Type, na, nb)] = true
			}
			if lb.Dir <= 0 {
				dd.reach[newsgold.KeyOf(lb.Type, nb, na)] = true
			}
		}
	}
}

// missPrinter returns the function that prints, with RELTRAIN_MISSES=type,
// the type's gold relations that the rules miss and the model leaves below
// RELTRAIN_THR, with the model's best probability and the best pair's
// words.
func (dd *devDoc) missPrinter() func() {
	best := map[newsgold.Key]float32{}
	ctx := map[newsgold.Key]string{}
	for ci := range dd.cands {
		c := &dd.cands[ci]
		na, nb := dd.r.name(c.A, c.IA), dd.r.name(c.B, c.IB)
		for l, lb := range relmodel.Labels {
			k := newsgold.KeyOf(lb.Type, na, nb)
			if lb.Dir < 0 {
				k = newsgold.KeyOf(lb.Type, nb, na)
			}
			if dd.probs[ci][l] >= best[k] {
				best[k] = dd.probs[ci][l]
				a, b := dd.doc.Mentions[c.A], dd.doc.Mentions[c.B]
				if c.Cross {
					ctx[k] = fmt.Sprintf("X %q / %q", a.Text, b.Text)
				} else {
					ctx[k] = dd.doc.Text[a.Start:b.End]
				}
			}
		}
	}
	return func() {
		for k := range dd.want {
			if k.Type == os.Getenv("RELTRAIN_MISSES") && !dd.found[k] {
				fmt.Fprintf(os.Stderr, "%.2f %v %s %s | %.150s\n", best[k], dd.reach[k], dd.d.ID, k.Args, strings.ReplaceAll(ctx[k], "\n", " "))
			}
		}
	}
}

// predict adds the document-level predictions of the document, one per
// relation, to res (leaving out those the gold has only optionally),
// with whether the gold has each; with RELTRAIN_ERRORS set it prints the
// model's additions of probability 0.5 or more.
func (dd *devDoc) predict(res *devResult) {
	doc, r := dd.doc, dd.r
	seen := map[newsgold.Key]bool{}
	for _, pr := range relmodel.OneState(relmodel.Aggregate(dd.cands, dd.probs, 0.02, nil), dd.cands) {
		c := &dd.cands[pr.Candidate]
		lb := relmodel.Labels[pr.Label]
		na, nb := r.name(c.Subject(pr.Label), ""), r.name(c.Object(pr.Label), "")
		if na == "" {
			na = "?" + doc.Mentions[c.Subject(pr.Label)].Name
		}
		if nb == "" {
			nb = "?" + doc.Mentions[c.Object(pr.Label)].Name
		}
		k := newsgold.KeyOf(lb.Type, na, nb)
		if seen[k] || (dd.optional[k] && !dd.want[k]) {
			continue
		}
		seen[k] = true
		res.preds = append(res.preds, devPred{typ: lb.Type, label: pr.Label, p: pr.P, rule: pr.Rule, right: dd.want[k]})
		dd.found[k] = pr.Rule || float64(pr.P) >= missThreshold
		if os.Getenv("RELTRAIN_ERRORS") != "" && !pr.Rule && pr.P >= 0.5 {
			fmt.Fprintf(os.Stderr, "%v %.2f %s %s %s | %s\n", dd.want[k], pr.P, dd.d.ID, k.Type, k.Args, doc.Text[doc.Mentions[c.A].Start:doc.Mentions[c.B].End][:min(160, doc.Mentions[c.B].End-doc.Mentions[c.A].Start)])
		}
	}
}

// missThreshold is the threshold RELTRAIN_THR gives the list of misses.
var missThreshold float64

type devResult struct {
	preds     []devPred
	gold      map[string]int // required gold relations per type
	reachable map[string]int // of them, those with a candidate pair of the right entities
	unreached []string       // with RELTRAIN_UNREACHED set: those without
}

// Thresholds: the model adds a relation of a type to the rules' when its
// calibrated probability reaches the type's threshold (a step of 0.05
// from minThreshold, or noThreshold: never). They are lowered greedily on dev, one
// type at a time, the move that adds the most right relations per wrong
// one first (a move adds at least minGain right ones), while the
// precision of the whole output (rules' relations and additions) stays
// at least targetPrecision.
const (
	targetPrecision = 0.89
	minGain         = 3   // a move adds at least this many right relations
	minThreshold    = 0.6 // thresholds stay at or above this
	noThreshold     = 1.01
	ruleShrink      = 5
)

// chooseThresholds returns the per-type thresholds (see targetPrecision).
func chooseThresholds(m *relmodel.Model, res *devResult, types []string) map[string]float32 {
	steps := []float32{noThreshold}
	for th := float32(0.95); th >= minThreshold-0.001; th -= 0.05 {
		steps = append(steps, th)
	}
	at := map[string]int{} // index into steps
	count := func(t string, th float32) (tp, sys int) {
		for _, p := range res.preds {
			if p.typ == t && (p.rule || m.Calibrate(p.p) >= th) {
				sys++
				if p.right {
					tp++
				}
			}
		}
		return
	}
	tp, sys := 0, 0
	for _, t := range types {
		a, b := count(t, noThreshold)
		tp, sys = tp+a, sys+b
	}
	for {
		bestT, bestGain := "", 0.0
		var bestTP, bestSys int
		bestStep := 0
		for _, t := range types {
			a0, b0 := count(t, steps[at[t]])
			for k := at[t] + 1; k < len(steps); k++ {
				a1, b1 := count(t, steps[k])
				dTP, dSys := a1-a0, b1-b0
				if dTP < minGain || ratio(tp+dTP, sys+dSys) < targetPrecision {
					continue
				}
				if gain := float64(dTP) / float64(dSys-dTP+1); gain > bestGain {
					bestT, bestStep, bestGain, bestTP, bestSys = t, k, gain, tp+dTP, sys+dSys
				}
			}
		}
		if bestT == "" {
			break
		}
		at[bestT] = bestStep
		tp, sys = bestTP, bestSys
	}
	out := map[string]float32{}
	for _, t := range types {
		out[t] = steps[at[t]]
	}
	return out
}

// calibrateAndThreshold fits the calibration on dev, the rules'
// confidences ([ruleConfidences]) and the per-type thresholds
// ([thresholdTable]), and prints the table of dev at those thresholds
// and how many required relations the candidates reach. With report it
// also prints the precision-recall and calibration tables of dev
// ([printPrecisionRecall], [printTypeAdditions], [printCalibration]).
func calibrateAndThreshold(m *relmodel.Model, res *devResult, out io.Writer, report bool) {
	var sc []relmodel.Scored
	for _, p := range res.preds {
		sc = append(sc, relmodel.Scored{P: p.p, Right: p.right})
	}
	m.SetCalibration(sc)
	ruleConfidences(m, res)
	types := []string{"member-of", "observer-of", "seeks-membership", "recognized-by", "treaty-between", "allied-with", "official-of", "met-with", "opposes", "attacked"}
	gold := thresholdTable(m, res, types, out)
	reach := 0
	for _, n := range res.reachable {
		reach += n
	}
	fmt.Fprintf(out, "candidates reach %d of %d required dev relations (%.3f)\n", reach, gold, ratio(reach, gold))
	for _, u := range res.unreached {
		fmt.Fprintln(out, "unreached:", u)
	}
	if !report {
		return
	}
	printPrecisionRecall(m, res, out)
	printTypeAdditions(m, res, types, out)
	printCalibration(m, res, out)
}

// ruleConfidences sets the confidence of the rules' relations: their
// precision per type on dev, shrunk towards the rules' precision over all
// types with the weight of ruleShrink relations.
func ruleConfidences(m *relmodel.Model, res *devResult) {
	ruleN, ruleRight := map[string]int{}, map[string]int{}
	allN, allRight := 0, 0
	for _, p := range res.preds {
		if p.rule {
			ruleN[p.typ]++
			allN++
			if p.right {
				ruleRight[p.typ]++
				allRight++
			}
		}
	}
	prior := ratio(allRight, allN)
	for l, lb := range relmodel.Labels {
		m.RuleConfidence[l] = float32((float64(ruleRight[lb.Type]) + ruleShrink*prior) / (float64(ruleN[lb.Type]) + ruleShrink))
	}
}

// thresholdTable sets the thresholds of m per type of types
// ([chooseThresholds]), prints the precision, recall and F1 of dev per
// type at them and over all types, and returns the number of required
// dev relations of the types.
func thresholdTable(m *relmodel.Model, res *devResult, types []string, out io.Writer) int {
	var all struct{ tp, sys, gold int }
	fmt.Fprintf(out, "dev (calibration data), per type at the chosen threshold:\n%-17s %5s %6s %6s %6s %5s %5s %5s\n", "type", "thr", "P", "R", "F1", "tp", "sys", "gold")
	thr := chooseThresholds(m, res, types)
	for _, t := range types {
		best := thr[t]
		tp, sys := 0, 0
		for _, p := range res.preds {
			if p.typ == t && (p.rule || m.Calibrate(p.p) >= best) {
				sys++
				if p.right {
					tp++
				}
			}
		}
		bestC := [3]int{tp, sys, res.gold[t]}
		bestF := f1(tp, sys, res.gold[t])
		for l, lb := range relmodel.Labels {
			if lb.Type == t {
				m.Threshold[l] = best
			}
		}
		p, r := ratio(bestC[0], bestC[1]), ratio(bestC[0], bestC[2])
		fmt.Fprintf(out, "%-17s %5.2f %6.3f %6.3f %6.3f %5d %5d %5d\n", t, best, p, r, bestF, bestC[0], bestC[1], bestC[2])
		all.tp += bestC[0]
		all.sys += bestC[1]
		all.gold += bestC[2]
	}
	fmt.Fprintf(out, "%-17s %5s %6.3f %6.3f %6.3f %5d %5d %5d\n", "all", "", ratio(all.tp, all.sys), ratio(all.tp, all.gold), f1(all.tp, all.sys, all.gold), all.tp, all.sys, all.gold)
	return all.gold
}

// printPrecisionRecall prints the precision, recall and F1 of dev over
// one threshold for every type, from 0.1 to 0.95, the rules' relations
// always kept.
func printPrecisionRecall(m *relmodel.Model, res *devResult, out io.Writer) {
	fmt.Fprintf(out, "\nprecision-recall over one threshold for every type (rules' relations always kept), dev:\n%5s %6s %6s %6s %5s %5s\n", "thr", "P", "R", "F1", "tp", "sys")
	gold := 0
	for _, g := range res.gold {
		gold += g
	}
	for th := float32(0.1); th <= 0.951; th += 0.05 {
		tp, sys := 0, 0
		for _, p := range res.preds {
			if p.rule || m.Calibrate(p.p) >= th {
				sys++
				if p.right {
					tp++
				}
			}
		}
		fmt.Fprintf(out, "%5.2f %6.3f %6.3f %6.3f %5d %5d\n", th, ratio(tp, sys), ratio(tp, gold), f1(tp, sys, gold), tp, sys)
	}
}

// printTypeAdditions prints per type of types with gold relations, at
// thresholds from 0.3 to 0.9, the precision of the model's additions and
// the recall of the type, the rules' relations kept.
func printTypeAdditions(m *relmodel.Model, res *devResult, types []string, out io.Writer) {
	fmt.Fprintf(out, "\nper type: precision of the model's additions / recall of the type (rules' relations kept), dev:\n%-17s", "thr")
	for th := float32(0.3); th <= 0.951; th += 0.1 {
		fmt.Fprintf(out, " %11.2f", th)
	}
	fmt.Fprintln(out)
	for _, t := range types {
		if res.gold[t] == 0 {
			continue
		}
		fmt.Fprintf(out, "%-17s", t)
		for th := float32(0.3); th <= 0.951; th += 0.1 {
			add, addRight, tp := 0, 0, 0
			for _, p := range res.preds {
				if p.typ != t {
					continue
				}
				in := p.rule || m.Calibrate(p.p) >= th
				if !p.rule && in {
					add++
					if p.right {
						addRight++
					}
				}
				if in && p.right {
					tp++
				}
			}
			fmt.Fprintf(out, " %5.2f/%5.2f", ratio(addRight, add), ratio(tp, res.gold[t]))
		}
		fmt.Fprintln(out)
	}
}

// printCalibration prints the document-level predictions of dev by
// calibrated confidence, in bins of 0.1: their number, mean confidence
// and share of right ones.
func printCalibration(m *relmodel.Model, res *devResult, out io.Writer) {
	fmt.Fprintf(out, "\ncalibration on dev (document-level predictions by calibrated confidence):\n%-11s %6s %8s %8s\n", "confidence", "n", "mean", "right")
	for lo := float32(0); lo < 1; lo += 0.1 {
		n, right, sum := 0, 0, 0.0
		for _, p := range res.preds {
			c := m.Calibrate(p.p)
			if c >= lo && (c < lo+0.1 || lo >= 0.9 && c <= 1) {
				n++
				sum += float64(c)
				if p.right {
					right++
				}
			}
		}
		if n > 0 {
			fmt.Fprintf(out, "%.1f–%.1f    %6d %8.3f %8.3f\n", lo, lo+0.1, n, sum/float64(n), ratio(right, n))
		}
	}
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

func f1(tp, sys, gold int) float64 {
	p, r := ratio(tp, sys), ratio(tp, gold)
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

func sortedKeys(m map[string]int) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// exportSet writes name.gold.json and name.jsonl under dir.
func exportSet(dir, name string, g *newsgold.Gold, texts []newsgold.Text) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	b, err := json.MarshalIndent(map[string]any{"guidelines": "see GUIDELINES.md", "aliases": g.Aliases, "documents": g.Documents}, "", " ")
	if err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(dir, name+".gold.json"), b, 0o644); err != nil {
		return err
	}
	f, err := os.Create(filepath.Join(dir, name+".jsonl"))
	if err != nil {
		return err
	}
	enc := json.NewEncoder(f)
	enc.SetEscapeHTML(false)
	for _, t := range texts {
		if err := enc.Encode(t); err != nil {
			f.Close()
			return err
		}
	}
	return f.Close()
}

// agreement prints the document-level relation F1 of annotation file b
// against a on the documents both annotate (required relations; b's
// names resolved to a's through both files' aliases), per type.
func agreement(corp *newsgold.Corpora, pa, pb string, out io.Writer) error {
	var gs [2]*newsgold.Gold
	for i, side := range []string{pa, pb} {
		// A side may join several files: "train-17.json+train-18.json".
		merged := &newsgold.Annotations{Aliases: map[string][]string{}}
		for _, p := range strings.Split(side, "+") {
			a, err := newsgold.ReadAnnotations(p)
			if err != nil {
				return err
			}
			for k, v := range a.Aliases {
				merged.Aliases[k] = append(merged.Aliases[k], v...)
			}
			merged.Documents = append(merged.Documents, a.Documents...)
		}
		var err error
		if gs[i], _, err = corp.Resolve(merged); err != nil {
			return err
		}
	}
	docsB := map[string]*newsgold.Doc{}
	for i := range gs[1].Documents {
		docsB[gs[1].Documents[i].ID] = &gs[1].Documents[i]
	}
	sc := newsgold.NewScores()
	for i := range gs[0].Documents {
		da := &gs[0].Documents[i]
		db, ok := docsB[da.ID]
		if !ok {
			continue
		}
		res := newsgold.NewResolver(da, gs[0].Aliases)
		name := func(n string) string {
			if r, ok := res.Resolve(append([]string{n}, gs[1].Aliases[n]...)...); ok {
				return r
			}
			return n
		}
		var pred []newsgold.Predicted
		for _, r := range db.Relations {
			if r.Optional {
				continue
			}
			args := []string{name(r.Subject), name(r.Object)}
			if r.Symmetric() {
				args = nil
				for _, p := range r.Parties {
					args = append(args, name(p))
				}
			}
			pred = append(pred, newsgold.Predicted{Type: r.Type, Args: args, Modality: r.Modality})
		}
		sc.Add(da, pred)
	}
	sc.Print(out, fmt.Sprintf("agreement: %s (as predictions, required relations) against %s (as gold; its optional relations neither required nor penalised)", filepath.Base(pb), filepath.Base(pa)))
	return nil
}
