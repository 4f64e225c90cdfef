// Command annimport turns gold files written with evidence quotes (the
// format of ../shared/dev/news-relations/GUIDELINES.md) into the
// project's annotation files, whose evidence is byte offsets into texts
// that stay in ../shared/dev, so that no third-party text is committed:
//
//	go run ./relations/internal/relmodel/cmd/annimport -annotator a03 \
//	    -out relations/internal/relmodel/annotations/train-03.json batch-03.json
//
// Flags:
//
//	-shared DIR     the development data (default ../shared/dev)
//	-annotator ID   who annotated the input
//	-only FILE      keep only the documents whose ids are listed (one per line)
//	-skip FILE      drop the documents whose ids are listed
//	-out FILE       the annotation file to write (appends to it if it exists)
//
// Every evidence quote must occur in its document's text; the first
// occurrence is kept. Documents are written sorted by id.
package main

import (
	"bufio"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"os"
	"sort"
	"strings"

	"github.com/statecraft/statecraft/internal/newsgold"
)

func main() {
	if err := run(os.Args[1:]); err != nil {
		fmt.Fprintln(os.Stderr, "annimport:", err)
		os.Exit(1)
	}
}

func readIDs(path string) (map[string]bool, error) {
	if path == "" {
		return nil, nil
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	out := map[string]bool{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if id := strings.TrimSpace(sc.Text()); id != "" {
			out[id] = true
		}
	}
	return out, sc.Err()
}

// run is the command: it reads the flags, imports the documents of each
// gold file given ([importer.importFile]) and writes the annotation file
// ([importer.write]).
func run(args []string) error {
	fs := flag.NewFlagSet("annimport", flag.ContinueOnError)
	shared := fs.String("shared", "../shared/dev", "the development data")
	annotator := fs.String("annotator", "", "who annotated the input")
	only := fs.String("only", "", "keep only these document ids (file, one per line)")
	skip := fs.String("skip", "", "drop these document ids (file, one per line)")
	outPath := fs.String("out", "", "the annotation file to write or extend")
	desc := fs.String("description", "", "the file's description (kept if the file exists)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *outPath == "" || fs.NArg() == 0 {
		return errors.New("usage: annimport -out FILE [flags] GOLD.json [GOLD.json ...]")
	}
	im, err := newImporter(*shared, *annotator, *only, *skip, *outPath, *desc)
	if err != nil {
		return err
	}
	for _, path := range fs.Args() {
		if err := im.importFile(path); err != nil {
			return err
		}
	}
	return im.write(*outPath)
}

// importer is the annotation file being written, and what decides which
// documents go into it.
type importer struct {
	shared    string // the development data, for errors
	annotator string
	onlyIDs   map[string]bool // nil: keep all
	skipIDs   map[string]bool
	corp      *newsgold.Corpora
	out       *newsgold.Annotations
	have      map[string]bool // the ids of out's documents
}

// newImporter reads the id lists of -only and -skip, opens the corpora
// under shared and reads the annotation file outPath if it exists, or
// starts one with the description desc.
func newImporter(shared, annotator, only, skip, outPath, desc string) (*importer, error) {
	onlyIDs, err := readIDs(only)
	if err != nil {
		return nil, err
	}
	skipIDs, err := readIDs(skip)
	if err != nil {
		return nil, err
	}
	corp, err := newsgold.OpenCorpora(shared)
	if err != nil {
		return nil, err
	}
	out := &newsgold.Annotations{Description: desc, Aliases: map[string][]string{}}
	if prev, err := newsgold.ReadAnnotations(outPath); err == nil {
		out = prev
	} else if !os.IsNotExist(err) {
		return nil, err
	}
	have := map[string]bool{}
	for _, d := range out.Documents {
		have[d.ID] = true
	}
	return &importer{shared: shared, annotator: annotator, onlyIDs: onlyIDs, skipIDs: skipIDs, corp: corp, out: out, have: have}, nil
}

// importFile adds the documents of the gold file path that the id lists
// keep and the annotation file lacks ([importer.annotate]), and the
// aliases of the entities they name ([importer.mergeAliases]).
func (im *importer) importFile(path string) error {
	g, err := newsgold.ReadGold(path)
	if err != nil {
		return err
	}
	used := map[string]bool{}
	for i := range g.Documents {
		d := &g.Documents[i]
		if im.onlyIDs != nil && !im.onlyIDs[d.ID] || im.skipIDs[d.ID] || im.have[d.ID] {
			continue
		}
		ad, err := im.annotate(path, d, used)
		if err != nil {
			return err
		}
		im.out.Documents = append(im.out.Documents, ad)
		im.have[d.ID] = true
	}
	im.mergeAliases(g.Aliases, used)
	return nil
}

// annotate turns gold document d of file path into an annotated document
// whose evidence is byte offsets into its text ([offsetRel]), and marks
// the names of its entities as used.
func (im *importer) annotate(path string, d *newsgold.Doc, used map[string]bool) (newsgold.AnnotatedDoc, error) {
	t, ok := im.corp.Text(d.ID)
	if !ok {
		return newsgold.AnnotatedDoc{}, fmt.Errorf("%s: document %s: no text in %s", path, d.ID, im.shared)
	}
	ad := newsgold.AnnotatedDoc{ID: d.ID, Corpus: corpusOf(d.ID), Annotator: im.annotator, Entities: d.Entities, Relations: []newsgold.OffsetRel{}}
	names := map[string]bool{}
	for _, e := range d.Entities {
		names[e.Name] = true
		used[e.Name] = true
	}
	for _, r := range d.Relations {
		or, err := offsetRel(path, d.ID, t.Text, r, names)
		if err != nil {
			return ad, err
		}
		ad.Relations = append(ad.Relations, or)
	}
	return ad, nil
}

// corpusOf returns the corpus of the document id: conll2003-train for
// "conll-train-0042", conll2003-valid for "conll-valid-…", else abp-world.
func corpusOf(id string) string {
	switch {
	case newsgold.DocNumber(id) >= 0:
		return "conll2003-train"
	case strings.HasPrefix(id, "conll-valid-"):
		return "conll2003-valid"
	}
	return "abp-world"
}

// offsetRel turns gold relation r of document id (of file path) into one
// whose evidence is the byte offsets of the first occurrence of its
// evidence quote in text. Its arguments must be among names, the
// document's entities.
func offsetRel(path, id, text string, r newsgold.Relation, names map[string]bool) (newsgold.OffsetRel, error) {
	s, e := newsgold.EvidenceSpan(text, r.Evidence)
	if s < 0 {
		return newsgold.OffsetRel{}, fmt.Errorf("%s: document %s: %s evidence %q is not in the text", path, id, r.Type, r.Evidence)
	}
	for _, a := range append([]string{r.Subject, r.Object}, r.Parties...) {
		if a != "" && !names[a] {
			return newsgold.OffsetRel{}, fmt.Errorf("%s: document %s: %s argument %q is not an entity of the document", path, id, r.Type, a)
		}
	}
	return newsgold.OffsetRel{Type: r.Type, Subject: r.Subject, Object: r.Object, Parties: r.Parties,
		Modality: r.Modality, Optional: r.Optional, Evidence: [2]int{s, e}, Attrs: r.Attrs}, nil
}

// mergeAliases adds to the annotation file the aliases of a gold file
// for the names its imported documents used, each form once.
func (im *importer) mergeAliases(aliases map[string][]string, used map[string]bool) {
	for name, forms := range aliases {
		if !used[name] {
			continue
		}
		seen := map[string]bool{}
		for _, f := range im.out.Aliases[name] {
			seen[f] = true
		}
		for _, f := range forms {
			if !seen[f] {
				im.out.Aliases[name] = append(im.out.Aliases[name], f)
				seen[f] = true
			}
		}
	}
}

// write writes the annotation file to outPath, its documents sorted by
// id.
func (im *importer) write(outPath string) error {
	out := im.out
	sort.Slice(out.Documents, func(i, j int) bool { return out.Documents[i].ID < out.Documents[j].ID })
	b, err := json.MarshalIndent(out, "", " ")
	if err != nil {
		return err
	}
	return os.WriteFile(outPath, append(b, '\n'), 0o644)
}
