package newsgold

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/statecraft/statecraft/internal/corpus"
)

// CoNLLTrainTexts rebuilds the documents of the CoNLL-2003 training file
// as text, the way ../shared/dev/news-relations did: one sentence a line,
// tokens joined by spaces except before closing punctuation, "'s" and
// "n't", and after "$", "(" and "[". The id of document i is
// "conll-train-%04d".
func CoNLLTrainTexts(path string) ([]Text, error) { return CoNLLTexts(path, "conll-train-") }

// CoNLLTexts rebuilds the documents of a CoNLL-2003 file as
// CoNLLTrainTexts does, with ids prefix + "%04d" ("conll-valid-" for the
// validation file).
func CoNLLTexts(path, prefix string) ([]Text, error) {
	docs, err := corpus.ReadCoNLL(path)
	if err != nil {
		return nil, err
	}
	out := make([]Text, len(docs))
	for i, d := range docs {
		lines := make([]string, len(d))
		for k, sent := range d {
			lines[k] = detokenize(sent)
		}
		out[i] = Text{ID: fmt.Sprintf("%s%04d", prefix, i), Text: strings.Join(lines, "\n")}
	}
	return out, nil
}

var noSpaceBefore = map[string]bool{".": true, ",": true, ":": true, ";": true, "?": true, "!": true, ")": true, "]": true,
	"'s": true, "n't": true, "%": true, "'S": true, "N'T": true, "'": true}

func detokenize(toks []string) string {
	var b strings.Builder
	for i, t := range toks {
		if i > 0 && !noSpaceBefore[t] && toks[i-1] != "(" && toks[i-1] != "[" && toks[i-1] != "$" {
			b.WriteByte(' ')
		}
		b.WriteString(t)
	}
	return b.String()
}

// Annotations is a file of the project's own annotations: the gold of
// GUIDELINES.md with evidence as byte offsets into texts that stay in
// ../shared/dev (abp-world.jsonl by id, the CoNLL-2003 training and
// validation files by document number), so that no third-party text is committed.
type Annotations struct {
	Description string              `json:"description"`
	Aliases     map[string][]string `json:"aliases"`
	Documents   []AnnotatedDoc      `json:"documents"`
}

// AnnotatedDoc is the gold of one document with evidence offsets.
type AnnotatedDoc struct {
	ID        string      `json:"id"`
	Corpus    string      `json:"corpus"` // "abp-world", "conll2003-train" or "conll2003-valid"
	Annotator string      `json:"annotator"`
	Entities  []Entity    `json:"entities"`
	Relations []OffsetRel `json:"relations"`
}

// OffsetRel is a gold relation whose evidence is a byte span.
type OffsetRel struct {
	Type     string         `json:"type"`
	Subject  string         `json:"subject,omitempty"`
	Object   string         `json:"object,omitempty"`
	Parties  []string       `json:"parties,omitempty"`
	Modality string         `json:"modality"`
	Optional bool           `json:"optional"`
	Evidence [2]int         `json:"evidence"`
	Attrs    map[string]any `json:"attrs,omitempty"`
}

// ReadAnnotations reads a file of the project's annotations.
func ReadAnnotations(path string) (*Annotations, error) { return readJSON[Annotations](path) }

// Corpora finds the texts of annotated documents in ../shared/dev.
type Corpora struct {
	texts map[string]Text
}

// OpenCorpora reads abp-world.jsonl and rebuilds the CoNLL-2003 training
// and validation documents under dir (../shared/dev).
func OpenCorpora(dir string) (*Corpora, error) {
	c := &Corpora{texts: map[string]Text{}}
	abp, err := ReadTexts(dir + "/news-text/abp-world.jsonl")
	if err != nil {
		return nil, err
	}
	for _, t := range abp {
		c.texts[t.ID] = t
	}
	conll, err := CoNLLTrainTexts(dir + "/conll2003-train.txt")
	if err != nil {
		return nil, err
	}
	for _, t := range conll {
		c.texts[t.ID] = t
	}
	valid, err := CoNLLTexts(dir+"/conll2003-valid.txt", "conll-valid-")
	if err != nil {
		return nil, err
	}
	for _, t := range valid {
		c.texts[t.ID] = t
	}
	return c, nil
}

// Text returns the text of the document id.
func (c *Corpora) Text(id string) (Text, bool) {
	t, ok := c.texts[id]
	return t, ok
}

// Resolve turns annotations into a gold file and its texts, checking that
// every evidence span lies in its text.
func (c *Corpora) Resolve(a *Annotations) (*Gold, []Text, error) {
	g := &Gold{Aliases: a.Aliases}
	var texts []Text
	for _, d := range a.Documents {
		t, ok := c.Text(d.ID)
		if !ok {
			return nil, nil, fmt.Errorf("document %s: no text in ../shared/dev", d.ID)
		}
		gd := Doc{ID: d.ID, Entities: d.Entities}
		for _, r := range d.Relations {
			s, e := r.Evidence[0], r.Evidence[1]
			if s < 0 || s > e || e > len(t.Text) {
				return nil, nil, fmt.Errorf("document %s: evidence [%d,%d) outside its %d bytes", d.ID, s, e, len(t.Text))
			}
			gd.Relations = append(gd.Relations, Relation{Type: r.Type, Subject: r.Subject, Object: r.Object, Parties: r.Parties,
				Modality: r.Modality, Optional: r.Optional, Evidence: t.Text[s:e], Attrs: r.Attrs})
		}
		g.Documents = append(g.Documents, gd)
		texts = append(texts, t)
	}
	return g, texts, nil
}

// EvidenceSpan returns where evidence lies in text: its first occurrence,
// or -1, -1.
func EvidenceSpan(text, evidence string) (int, int) {
	if evidence == "" {
		return -1, -1
	}
	i := strings.Index(text, evidence)
	if i < 0 {
		return -1, -1
	}
	return i, i + len(evidence)
}

// DocNumber returns N of "conll-train-N", or -1.
func DocNumber(id string) int {
	n, err := strconv.Atoi(strings.TrimPrefix(id, "conll-train-"))
	if err != nil || !strings.HasPrefix(id, "conll-train-") {
		return -1
	}
	return n
}
