// Command evaluate scores statecraft's entity mentions and relations
// against gold annotations and prints precision, recall and F1 per type.
// It produces the accuracy figures of the README.
//
// Usage:
//
//	go run ./examples/evaluate -seed testdata/rt-caucasus-security-outline.gold.json
//	go run ./examples/evaluate -brat gold.ann                # gold.txt beside it
//	go run ./examples/evaluate -conll ../shared/dev/conll2003-valid.txt
//	go run ./examples/evaluate -redocred ../shared/dev/redocred-dev.json
//	go run ./examples/evaluate -conllu ../shared/dev/ud-english-ewt/en_ewt-ud-test.conllu
//	go run ./examples/evaluate -timeml ../shared/dev/timebank     # -misses lists the errors
//	go run ./examples/evaluate -brat gold.ann -system out.ann   # score a saved output instead of running statecraft
//
// -seed and -brat: mentions are scored strict (same span and type) and
// overlap (overlapping span, same type), per statecraft type; relations
// are compared at document level as (type, subject name, object name), the
// parties of symmetric types as a set of names, with the share of matched
// relations whose modality is right. Optional gold items (seed gold JSON,
// or brat notes "optional") are neither required nor penalised. With
// -system FILE (brat .ann with its .txt, statecraft JSON or JSONL, or CoNLL
// written by examples/extract) the system output is read from FILE.
//
// CoNLL-2003 (token per line, BIO tags PER/LOC/ORG/MISC): each document is
// rebuilt as text, one sentence per line, and mentions are mapped to CoNLL
// types: PERSON to PER, STATE and LOCATION to LOC, ORG to ORG, an
// adjectival STATE or LOCATION to MISC; DATE is not scored. Scores are strict (same
// span and type) and overlap (overlapping span, same type).
//
// Re-DocRED (JSON, Wikipedia introductions): document-level recall of gold
// entities: an entity counts as found when any of its mentions overlaps a
// mention of the right type (PER: PERSON; LOC: STATE or LOCATION; ORG: ORG;
// TIME: DATE).
//
// CoNLL-U (Universal Dependencies): the gold words of each sentence are
// tagged and parsed as one sentence (entities.Extractor.TagWords) and the
// parse is scored: UAS, LAS and tag accuracy against XPOS, punctuation
// included, as the CoNLL 2018 shared task counts, with the most frequent
// relations.
//
// TimeML (-timeml DIR, every .tml file under DIR, such as TimeBank and
// AQUAINT, the TempEval-3 training data): TempEval-3 Task A, time
// expression extents and values. Each document's <TEXT> is run through
// entities.Extractor.ExtractAt with the date of its creation time (the
// TIMEX3 whose functionInDocument is CREATION_TIME), and its DATE mentions
// are scored against the TIMEX3 inside <TEXT>: strict (same extent) and
// relaxed (overlapping extent, one to one, largest overlap first)
// precision, recall and F1; value and type accuracy over the relaxed
// matches (exact strings), value F1 = relaxed F1 x value accuracy; and per
// gold type (DATE, TIME, DURATION, SET) the recall and the accuracies. Until
// mentions carry a TIMEX3 type every system expression is a DATE. With
// -misses, each document's missed and spurious expressions and wrong
// values and types are listed.
//
// Seed gold JSON (statecraft's own format, see testdata/): strict span+type
// scores on required mentions; optional gold mentions are neither required
// nor penalised.
package main

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"

	"github.com/statecraft/statecraft/entities"
	formats "github.com/statecraft/statecraft/format"
	"github.com/statecraft/statecraft/gazetteer"
	"github.com/statecraft/statecraft/relations"
)

func main() {
	if err := run(os.Args[1:], os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "evaluate:", err)
		os.Exit(1)
	}
}

func run(args []string, out io.Writer) error {
	fs := flag.NewFlagSet("evaluate", flag.ContinueOnError)
	conll := fs.String("conll", "", "CoNLL-2003 file to score mentions against")
	redocred := fs.String("redocred", "", "Re-DocRED JSON file to measure entity recall on")
	conllu := fs.String("conllu", "", "CoNLL-U file whose gold words to tag and parse")
	seed := fs.String("seed", "", "statecraft gold JSON (the text file is found beside it)")
	brat := fs.String("brat", "", "brat standoff gold .ann file (the .txt is found beside it)")
	system := fs.String("system", "", "score this saved output (brat .ann, JSON/JSONL or CoNLL) instead of running statecraft")
	var news newsOptions
	fs.StringVar(&news.gold, "news", "", "document-level relation gold JSON of news-relations/GUIDELINES.md (with -texts); several joined by + are read as one")
	fs.StringVar(&news.texts, "texts", "", "the JSON Lines texts of -news ({\"id\",\"text\",\"date\"?} per line); several joined by + are read as one")
	fs.StringVar(&news.split, "split", "", "split.json of -news (split name → document ids)")
	fs.StringVar(&news.set, "set", "", "score only this split of -split (dev, test)")
	timeml := fs.String("timeml", "", "directory of TimeML .tml files (TempEval-3 Task A: time expressions)")
	fs.BoolVar(&news.list, "misses", false, "with -news or -timeml: list missed and spurious relations and entities, or time expressions")
	rulesOnly := fs.Bool("rules-only", false, "run the relation rules without the learned model (relations.WithoutModel)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *conll == "" && *redocred == "" && *seed == "" && *brat == "" && news.gold == "" && *conllu == "" && *timeml == "" {
		fs.Usage()
		return errors.New("nothing to evaluate: give -seed, -brat, -conll, -redocred, -conllu, -news or -timeml")
	}
	if *system != "" && *conllu != "" {
		return errors.New("-system works with -seed, -brat and -conll, not -conllu")
	}
	if (news.gold == "") != (news.texts == "") {
		return errors.New("-news and -texts go together")
	}
	if *system != "" && news.gold != "" {
		return errors.New("-system works with -seed, -brat and -conll, not -news")
	}
	if *system != "" && *redocred != "" {
		return errors.New("-system works with -seed, -brat and -conll, not -redocred")
	}
	if *system != "" && *timeml != "" {
		return errors.New("-system works with -seed, -brat and -conll, not -timeml")
	}
	var sys *system_
	if *system != "" {
		sys = &system_{path: *system}
	} else {
		ex, err := entities.New()
		if err != nil {
			return err
		}
		var opts []relations.Option
		if *rulesOnly {
			opts = append(opts, relations.WithoutModel())
		}
		rel, err := relations.New(opts...)
		if err != nil {
			return err
		}
		sys = &system_{ex: ex, rel: rel}
	}
	if *seed != "" {
		gold, err := formats.ReadSeedGold(*seed)
		if err != nil {
			return err
		}
		if err := evalGold(sys, gold, "seed "+filepath.Base(*seed), out); err != nil {
			return err
		}
	}
	if *brat != "" {
		gold, err := formats.ReadBratFile(*brat)
		if err != nil {
			return err
		}
		if err := evalGold(sys, gold, "brat "+filepath.Base(*brat), out); err != nil {
			return err
		}
	}
	if *conll != "" {
		if err := evalCoNLL(sys, *conll, out); err != nil {
			return err
		}
	}
	if *redocred != "" {
		if err := evalReDocRED(sys.ex, *redocred, out); err != nil {
			return err
		}
	}
	if *conllu != "" {
		if err := evalCoNLLU(*conllu, out); err != nil {
			return err
		}
	}
	if *timeml != "" {
		if err := evalTimeML(sys.ex, *timeml, news.list, out); err != nil {
			return err
		}
	}
	if news.gold != "" {
		g, err := gazetteer.New()
		if err != nil {
			return err
		}
		if err := evalNews(sys.ex, sys.rel, g, news, out); err != nil {
			return err
		}
	}
	return nil
}

// system_ is what is scored: statecraft run now, or an output saved in a
// file.
type system_ struct {
	ex   *entities.Extractor
	rel  *relations.Extractor
	path string
}

// analyse returns the system's analysis of text.
func (s *system_) analyse(text string) (*formats.Doc, error) {
	if s.path != "" {
		return readSystem(s.path, text)
	}
	doc, err := s.ex.Extract(context.Background(), text)
	if err != nil {
		return nil, err
	}
	rs, err := s.rel.Extract(context.Background(), doc)
	if err != nil {
		return nil, err
	}
	d := formats.FromEntities("", doc)
	d.Relations = formats.FromRelations(rs)
	return &d, nil
}

// readSystem reads a saved output for text: brat (.ann), statecraft JSON
// or JSONL (.json, .jsonl; the first document), or CoNLL (any other name),
// whose tokens are aligned to text.
func readSystem(path, text string) (*formats.Doc, error) {
	switch filepath.Ext(path) {
	case ".ann":
		d, err := formats.ReadBratFile(path)
		if err != nil {
			return nil, err
		}
		if d.Text != text {
			return nil, fmt.Errorf("%s: its text differs from the gold text", path)
		}
		return d, nil
	case ".json", ".jsonl":
		o, err := readFirst(path, formats.ReadJSON)
		if err != nil {
			return nil, err
		}
		return &formats.Doc{Text: text, Entities: o.Entities, Relations: o.Relations}, nil
	default:
		c, err := readFirst(path, formats.ReadCoNLL)
		if err != nil {
			return nil, err
		}
		if err := formats.AlignCoNLL(c, text); err != nil {
			return nil, fmt.Errorf("%s: %w", path, err)
		}
		return &formats.Doc{Text: text, Entities: c.Mentions()}, nil
	}
}

// readFirst opens path and returns the first document that read finds in
// it; an error of read, or a file without documents, is an error naming
// path.
func readFirst[T any](path string, read func(io.Reader) ([]T, error)) (*T, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	docs, err := read(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	if len(docs) == 0 {
		return nil, fmt.Errorf("%s: no document", path)
	}
	return &docs[0], nil
}

// span is a typed byte span.
type span struct {
	typ        string
	start, end int
}

// counts accumulates true positives, system and gold totals per type.
type counts map[string]*[3]int // tp, sys, gold

func (c counts) add(typ string, tp, sys, gold int) {
	v := c[typ]
	if v == nil {
		v = new([3]int)
		c[typ] = v
	}
	v[0] += tp
	v[1] += sys
	v[2] += gold
}

// prf returns precision, recall and F1 of v.
func prf(v [3]int) (p, r, f float64) {
	if v[1] > 0 {
		p = float64(v[0]) / float64(v[1])
	}
	if v[2] > 0 {
		r = float64(v[0]) / float64(v[2])
	}
	if p+r > 0 {
		f = 2 * p * r / (p + r)
	}
	return
}

// print writes one line per type of c plus the micro average over types.
func (c counts) print(w io.Writer, title string, types []string) {
	width := 8
	for _, t := range types {
		width = max(width, len(t))
	}
	fmt.Fprintf(w, "%s\n%-*s %7s %7s %7s %6s %6s %6s\n", title, width, "type", "P", "R", "F1", "tp", "sys", "gold")
	var all [3]int
	for _, t := range types {
		v := c[t]
		if v == nil {
			v = new([3]int)
		}
		p, r, f := prf(*v)
		fmt.Fprintf(w, "%-*s %7.4f %7.4f %7.4f %6d %6d %6d\n", width, t, p, r, f, v[0], v[1], v[2])
		for i := range all {
			all[i] += v[i]
		}
	}
	p, r, f := prf(all)
	fmt.Fprintf(w, "%-*s %7.4f %7.4f %7.4f %6d %6d %6d\n\n", width, "all", p, r, f, all[0], all[1], all[2])
}

// score compares system and gold spans of one document: strict (same
// span and type) and overlap (overlapping span, same type; each gold span
// matched at most once).
func score(strict, overlap counts, sys, gold []span) {
	for _, s := range sys {
		strict.add(s.typ, 0, 1, 0)
		overlap.add(s.typ, 0, 1, 0)
	}
	used := make([]bool, len(sys))
	for _, g := range gold {
		strict.add(g.typ, 0, 0, 1)
		overlap.add(g.typ, 0, 0, 1)
		for _, s := range sys {
			if s.typ == g.typ && s.start == g.start && s.end == g.end {
				strict.add(g.typ, 1, 0, 0)
				break
			}
		}
		for i, s := range sys {
			if !used[i] && s.typ == g.typ && s.start < g.end && g.start < s.end {
				used[i] = true
				overlap.add(g.typ, 1, 0, 0)
				break
			}
		}
	}
}

// conllType maps a mention to a CoNLL-2003 type, "" when not scored: a
// mention in lower case ("parliament" in "the Iraqi parliament") is no
// name, the only thing CoNLL-2003 tags.
func conllType(m entities.Mention) string {
	if strings.ToLower(m.Text) == m.Text {
		return ""
	}
	if m.Adjectival {
		return "MISC"
	}
	switch m.Type {
	case entities.Person:
		return "PER"
	case entities.Org:
		return "ORG"
	case entities.Location:
		return "LOC"
	case entities.State:
		return "LOC"
	}
	return ""
}

// evalCoNLL scores mentions on a CoNLL-2003 file.
func evalCoNLL(s *system_, path string, out io.Writer) error {
	docs, err := readCoNLL(path)
	if err != nil {
		return err
	}
	if s.path != "" && len(docs) != 1 {
		return fmt.Errorf("-system scores one document; %s has %d", path, len(docs))
	}
	// A file written by examples/extract carries statecraft's own types,
	// which are then compared as they are.
	native := false
	for _, d := range docs {
		for _, g := range d.gold {
			native = native || g.typ != "ORG" && slices.Contains(statecraftTypes, g.typ)
		}
	}
	strict, overlap := counts{}, counts{}
	for _, d := range docs {
		doc, err := s.analyse(d.text)
		if err != nil {
			return err
		}
		var sys []span
		for _, m := range doc.Entities {
			t := conllType(m)
			if native {
				t = string(m.Type)
			}
			if t != "" {
				sys = append(sys, span{t, m.Start, m.End})
			}
		}
		score(strict, overlap, sys, d.gold)
	}
	if native {
		strict.print(out, fmt.Sprintf("CoNLL (statecraft types) %s: %d documents, strict span+type", filepath.Base(path), len(docs)), statecraftTypes)
		overlap.print(out, "overlap span, same type", statecraftTypes)
		return nil
	}
	types := []string{"PER", "LOC", "ORG"}
	strict.print(out, fmt.Sprintf("CoNLL-2003 %s: %d documents, strict span+type (PER/LOC/ORG)", filepath.Base(path), len(docs)), types)
	overlap.print(out, "overlap span, same type (PER/LOC/ORG)", types)
	strict.print(out, "strict, MISC (adjectives of states and places only; other MISC is not recognised)", []string{"MISC"})
	return nil
}

// statecraftTypes are the entity types of statecraft, in report order.
var statecraftTypes = []string{"PERSON", "STATE", "ORG", "DATE", "LOCATION"}

// goldDoc is a rebuilt document with gold spans.
type goldDoc struct {
	text string
	gold []span
}

// readCoNLL reads a CoNLL-2003 file (token first, BIO or IOB1 tag last on
// each line) into documents: tokens joined by spaces, one sentence a line.
func readCoNLL(path string) ([]goldDoc, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var (
		docs []goldDoc
		b    strings.Builder
		gold []span
		cur  *span
		line int
	)
	closeSpan := func() {
		if cur != nil {
			gold = append(gold, *cur)
			cur = nil
		}
	}
	flushDoc := func() {
		closeSpan()
		if b.Len() > 0 {
			docs = append(docs, goldDoc{text: b.String(), gold: gold})
		}
		b.Reset()
		gold = nil
	}
	sentenceOpen := false
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		line++
		fields := strings.Fields(sc.Text())
		if len(fields) == 0 {
			closeSpan()
			if sentenceOpen {
				b.WriteByte('\n')
				sentenceOpen = false
			}
			continue
		}
		if fields[0] == "-DOCSTART-" {
			flushDoc()
			sentenceOpen = false
			continue
		}
		if len(fields) < 2 {
			return nil, fmt.Errorf("%s:%d: want a token and a tag", path, line)
		}
		tok, tag := fields[0], fields[len(fields)-1]
		if sentenceOpen {
			b.WriteByte(' ')
		}
		sentenceOpen = true
		start := b.Len()
		b.WriteString(tok)
		typ := ""
		if tag != "O" {
			if len(tag) < 3 || tag[1] != '-' {
				return nil, fmt.Errorf("%s:%d: bad tag %q", path, line, tag)
			}
			typ = tag[2:]
		}
		switch {
		case typ == "":
			closeSpan()
		case cur != nil && cur.typ == typ && tag[0] == 'I':
			cur.end = b.Len()
		default:
			closeSpan()
			cur = &span{typ, start, b.Len()}
		}
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	flushDoc()
	return docs, nil
}

// redocDoc is one Re-DocRED document.
type redocDoc struct {
	Title     string     `json:"title"`
	Sents     [][]string `json:"sents"`
	VertexSet [][]struct {
		Type   string `json:"type"`
		Pos    []int  `json:"pos"`
		SentID int    `json:"sent_id"`
	} `json:"vertexSet"`
}

// evalReDocRED measures document-level entity recall on Re-DocRED.
func evalReDocRED(ex *entities.Extractor, path string, out io.Writer) error {
	b, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	var docs []redocDoc
	if err := json.Unmarshal(b, &docs); err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	want := map[string][]entities.Type{
		"PER":  {entities.Person},
		"LOC":  {entities.State, entities.Location},
		"ORG":  {entities.Org},
		"TIME": {entities.Date},
	}
	found, total := map[string]int{}, map[string]int{}
	for di, d := range docs {
		// Rebuild the text: tokens joined by spaces, sentences too, and
		// remember each token's byte span.
		var sb strings.Builder
		offs := make([][][2]int, len(d.Sents))
		for si, s := range d.Sents {
			for _, t := range s {
				if sb.Len() > 0 {
					sb.WriteByte(' ')
				}
				offs[si] = append(offs[si], [2]int{sb.Len(), sb.Len() + len(t)})
				sb.WriteString(t)
			}
		}
		doc, err := ex.Extract(context.Background(), sb.String())
		if err != nil {
			return fmt.Errorf("%s: document %d: %w", path, di, err)
		}
		for _, ent := range d.VertexSet {
			if len(ent) == 0 {
				continue
			}
			typ := ent[0].Type
			types, ok := want[typ]
			if !ok {
				continue
			}
			total[typ]++
		mentions:
			for _, gm := range ent {
				if gm.SentID < 0 || gm.SentID >= len(offs) || len(gm.Pos) != 2 || gm.Pos[0] < 0 || gm.Pos[1] > len(offs[gm.SentID]) || gm.Pos[0] >= gm.Pos[1] {
					continue
				}
				gs, ge := offs[gm.SentID][gm.Pos[0]][0], offs[gm.SentID][gm.Pos[1]-1][1]
				for _, m := range doc.Mentions {
					if m.Start < ge && gs < m.End && containsType(types, m.Type) {
						found[typ]++
						break mentions
					}
				}
			}
		}
	}
	fmt.Fprintf(out, "Re-DocRED %s: %d documents, document-level recall of gold entities (any overlapping mention of the right type)\n", filepath.Base(path), len(docs))
	keys := make([]string, 0, len(want))
	for k := range want {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		r := 0.0
		if total[k] > 0 {
			r = float64(found[k]) / float64(total[k])
		}
		fmt.Fprintf(out, "%-5s recall %.4f (%d of %d)\n", k, r, found[k], total[k])
	}
	fmt.Fprintln(out)
	return nil
}

func containsType(ts []entities.Type, t entities.Type) bool {
	for _, x := range ts {
		if x == t {
			return true
		}
	}
	return false
}

// evalGold scores the system's mentions and relations on one gold
// document (seed gold JSON or brat).
func evalGold(sys *system_, gold *formats.Doc, title string, out io.Writer) error {
	got, err := sys.analyse(gold.Text)
	if err != nil {
		return err
	}
	types := statecraftTypes
	strict, overlap := counts{}, counts{}
	var required, optional []span
	for i, m := range gold.Entities {
		sp := span{string(m.Type), m.Start, m.End}
		if gold.OptionalEntities != nil && gold.OptionalEntities[i] {
			optional = append(optional, sp)
		} else {
			required = append(required, sp)
		}
	}
	var sysSpans []span
	for _, m := range got.Entities {
		sp := span{string(m.Type), m.Start, m.End}
		if !containsSpan(optional, sp, false) {
			sysSpans = append(sysSpans, sp)
		}
	}
	score(strict, overlap, sysSpans, required)
	strict.print(out, title+": mentions, strict span+type (optional gold mentions neither required nor penalised)", types)
	overlap.print(out, title+": mentions, overlap span, same type", types)
	evalRelations(gold, got, title, out)
	return nil
}

// containsSpan reports whether sp is in list (or overlaps a span of its
// type there, if overlap).
func containsSpan(list []span, sp span, overlap bool) bool {
	for _, x := range list {
		if x == sp || overlap && x.typ == sp.typ && x.start < sp.end && sp.start < x.end {
			return true
		}
	}
	return false
}

// relKey is a document-level relation: its type and argument names (for
// symmetric types, the sorted party names).
type relKey struct {
	typ, args string
}

// relationKeys returns the document-level keys of d's relations with the
// modality of each (the first one seen), and which keys are optional.
func relationKeys(d *formats.Doc) (map[relKey]string, map[relKey]bool) {
	keys, opt := map[relKey]string{}, map[relKey]bool{}
	for i, r := range d.Relations {
		var k relKey
		if r.Symmetric() {
			var names []string
			for _, p := range r.Parties {
				names = append(names, p.Name)
			}
			sort.Strings(names)
			k = relKey{r.Type, strings.Join(names, " | ")}
		} else if r.Subject != nil && r.Object != nil {
			k = relKey{r.Type, r.Subject.Name + " → " + r.Object.Name}
		} else {
			continue
		}
		if d.OptionalRelations != nil && d.OptionalRelations[i] {
			opt[k] = true
			continue
		}
		if _, ok := keys[k]; !ok {
			keys[k] = r.Modality
		}
	}
	for k := range keys {
		delete(opt, k) // required wins when a key is both
	}
	return keys, opt
}

// evalRelations scores relations at document level and lists the misses.
func evalRelations(gold, got *formats.Doc, title string, out io.Writer) {
	want, optional := relationKeys(gold)
	have, _ := relationKeys(got)
	c := counts{}
	modalityRight, matched := 0, 0
	var missed, spurious []string
	for k, mod := range have {
		if optional[k] {
			continue
		}
		c.add(k.typ, 0, 1, 0)
		if gm, ok := want[k]; ok {
			c.add(k.typ, 1, 0, 0)
			matched++
			if gm == mod {
				modalityRight++
			}
		} else {
			spurious = append(spurious, fmt.Sprintf("%s %s (%s)", k.typ, k.args, mod))
		}
	}
	var types []string
	seen := map[string]bool{}
	for k := range want {
		c.add(k.typ, 0, 0, 1)
		if _, ok := have[k]; !ok {
			missed = append(missed, fmt.Sprintf("%s %s", k.typ, k.args))
		}
		if !seen[k.typ] {
			seen[k.typ] = true
			types = append(types, k.typ)
		}
	}
	for k := range have {
		if !seen[k.typ] && !optional[k] {
			seen[k.typ] = true
			types = append(types, k.typ)
		}
	}
	sort.Strings(types)
	c.print(out, title+": relations at document level (type, canonical argument names)", types)
	if matched > 0 {
		fmt.Fprintf(out, "modality right on %d of %d matched relations\n", modalityRight, matched)
	}
	sort.Strings(missed)
	sort.Strings(spurious)
	for _, m := range missed {
		fmt.Fprintln(out, "missed:  ", m)
	}
	for _, m := range spurious {
		fmt.Fprintln(out, "spurious:", m)
	}
	fmt.Fprintln(out)
}
