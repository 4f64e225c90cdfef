package main

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"

	formats "github.com/statecraft/statecraft/format"
)

// format is one output format.
type format struct {
	name   string
	ext    string // file extension with -out
	sep    string // written between two documents on one stream
	single bool   // one document per output stream (brat, html)
	write  func(w io.Writer, d *formats.Doc) error
}

// formatList holds the output formats, the default first.
var formatList = []format{
	{name: "summary", ext: ".txt", sep: "\n", write: formats.WriteSummary},
	{name: "json", ext: ".json", write: formats.WriteJSON},
	{name: "jsonl", ext: ".jsonl", write: formats.WriteJSONL},
	{name: "brat", ext: ".ann", single: true, write: formats.WriteBrat},
	{name: "conll", ext: ".conll", write: formats.WriteCoNLL},
	{name: "conllu", ext: ".conllu", write: formats.WriteCoNLLU},
	{name: "html", ext: ".html", single: true, write: func(w io.Writer, d *formats.Doc) error { return formats.WriteHTML(w, d) }},
	{name: "dot", ext: ".dot", write: formats.WriteDOT},
}

// formatNames returns the names of the formats.
func formatNames() []string {
	var names []string
	for _, f := range formatList {
		names = append(names, f.name)
	}
	return names
}

// formatByName returns the format called name.
func formatByName(name string) (format, bool) {
	for _, f := range formatList {
		if f.name == name {
			return f, true
		}
	}
	return format{}, false
}

// outDir writes one file per document into a directory (-out). Its
// methods are called from one goroutine.
type outDir struct {
	dir       string
	f         format
	used      map[string]bool
	entTypes  map[string]bool // brat: types seen, for annotation.conf
	relTypes  map[string]bool
	documents int
}

// newOutDir returns the writer of -out dir, or a writer that does nothing
// when dir is "".
func newOutDir(dir string, f format) *outDir {
	return &outDir{dir: dir, f: f, used: map[string]bool{}, entTypes: map[string]bool{}, relTypes: map[string]bool{}}
}

// write writes d to DIR/NAME.EXT, NAME being d's id made safe for file
// names; a name already used gets "-2", "-3", ... With brat the text goes
// to DIR/NAME.txt beside the annotations.
func (o *outDir) write(d *formats.Doc) error {
	if o.dir == "" {
		return nil
	}
	base := safeName(d.ID)
	name := base
	for i := 2; o.used[name]; i++ {
		name = fmt.Sprintf("%s-%d", base, i)
	}
	o.used[name] = true
	var buf bytes.Buffer
	if err := o.f.write(&buf, d); err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(o.dir, name+o.f.ext), buf.Bytes(), 0o644); err != nil {
		return err
	}
	if o.f.name == "brat" {
		if err := os.WriteFile(filepath.Join(o.dir, name+".txt"), []byte(d.Text), 0o644); err != nil {
			return err
		}
		for _, m := range d.Entities {
			o.entTypes[string(m.Type)] = true
		}
		for _, r := range d.Relations {
			o.relTypes[r.Type] = true
		}
	}
	o.documents++
	return nil
}

// finish writes brat's configuration files after the documents.
func (o *outDir) finish() error {
	if o.dir == "" || o.f.name != "brat" {
		return nil
	}
	conf := formats.BratAnnotationConf(keys(o.entTypes), keys(o.relTypes))
	if err := os.WriteFile(filepath.Join(o.dir, "annotation.conf"), []byte(conf), 0o644); err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(o.dir, "visual.conf"), []byte(formats.BratVisualConf), 0o644)
}

// keys returns the keys of m, sorted.
func keys(m map[string]bool) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// safeName makes id usable as a file name: letters, digits, '.', '-' and
// '_' are kept, anything else becomes '_', and the result is at most 100
// bytes long and never empty, "." or "..".
func safeName(id string) string {
	var b strings.Builder
	for _, r := range id {
		switch {
		case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z', r >= '0' && r <= '9', r == '.', r == '-', r == '_':
			b.WriteRune(r)
		default:
			b.WriteByte('_')
		}
		if b.Len() >= 100 {
			break
		}
	}
	s := b.String()
	if s == "" || strings.Trim(s, ".") == "" {
		return "doc"
	}
	return s
}
