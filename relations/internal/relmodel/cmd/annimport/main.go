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
	onlyIDs, err := readIDs(*only)
	if err != nil {
		return err
	}
	skipIDs, err := readIDs(*skip)
	if err != nil {
		return err
	}
	corp, err := newsgold.OpenCorpora(*shared)
	if err != nil {
		return err
	}
	out := &newsgold.Annotations{Description: *desc, Aliases: map[string][]string{}}
	if prev, err := newsgold.ReadAnnotations(*outPath); err == nil {
		out = prev
	} else if !os.IsNotExist(err) {
		return err
	}
	have := map[string]bool{}
	for _, d := range out.Documents {
		have[d.ID] = true
	}
	for _, path := range fs.Args() {
		g, err := newsgold.ReadGold(path)
		if err != nil {
			return err
		}
		used := map[string]bool{}
		for _, d := range g.Documents {
			if onlyIDs != nil && !onlyIDs[d.ID] || skipIDs[d.ID] || have[d.ID] {
				continue
			}
			t, ok := corp.Text(d.ID)
			if !ok {
				return fmt.Errorf("%s: document %s: no text in %s", path, d.ID, *shared)
			}
			corpus := "abp-world"
			if newsgold.DocNumber(d.ID) >= 0 {
				corpus = "conll2003-train"
			} else if strings.HasPrefix(d.ID, "conll-valid-") {
				corpus = "conll2003-valid"
			}
			ad := newsgold.AnnotatedDoc{ID: d.ID, Corpus: corpus, Annotator: *annotator, Entities: d.Entities, Relations: []newsgold.OffsetRel{}}
			names := map[string]bool{}
			for _, e := range d.Entities {
				names[e.Name] = true
				used[e.Name] = true
			}
			for _, r := range d.Relations {
				s, e := newsgold.EvidenceSpan(t.Text, r.Evidence)
				if s < 0 {
					return fmt.Errorf("%s: document %s: %s evidence %q is not in the text", path, d.ID, r.Type, r.Evidence)
				}
				for _, a := range append([]string{r.Subject, r.Object}, r.Parties...) {
					if a != "" && !names[a] {
						return fmt.Errorf("%s: document %s: %s argument %q is not an entity of the document", path, d.ID, r.Type, a)
					}
				}
				ad.Relations = append(ad.Relations, newsgold.OffsetRel{Type: r.Type, Subject: r.Subject, Object: r.Object, Parties: r.Parties,
					Modality: r.Modality, Optional: r.Optional, Evidence: [2]int{s, e}, Attrs: r.Attrs})
			}
			out.Documents = append(out.Documents, ad)
			have[d.ID] = true
		}
		for name, forms := range g.Aliases {
			if !used[name] {
				continue
			}
			seen := map[string]bool{}
			for _, f := range out.Aliases[name] {
				seen[f] = true
			}
			for _, f := range forms {
				if !seen[f] {
					out.Aliases[name] = append(out.Aliases[name], f)
					seen[f] = true
				}
			}
		}
	}
	sort.Slice(out.Documents, func(i, j int) bool { return out.Documents[i].ID < out.Documents[j].ID })
	b, err := json.MarshalIndent(out, "", " ")
	if err != nil {
		return err
	}
	return os.WriteFile(*outPath, append(b, '\n'), 0o644)
}
