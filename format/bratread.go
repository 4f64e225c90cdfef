package format

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"

	"github.com/statecraft/statecraft/entities"
)

// maxBratErrors caps the problems that [ReadBrat] reports.
const maxBratErrors = 20

// ReadBrat reads brat standoff annotations (.ann) of text (the contents of
// the .txt file beside it) into a [Doc] with Entities, Relations and, when
// the file marks them, OptionalEntities and OptionalRelations. It reads the
// files that [WriteBrat] writes and the brat files of other tools.
//
//   - T lines become mentions, sorted by offsets; code-point offsets are
//     converted to byte offsets into text. A discontinuous span covers
//     its first to its last fragment. The text field must match the
//     fragments' text (joined by spaces, as brat writes it). Mentions have
//     no sentence index (Sentence is 0).
//   - Notes ("#" AnnotatorNotes lines) in WriteBrat's key=value form set
//     id, name, value, mod and source of mentions; other notes are kept
//     as nothing.
//   - A lines Adjectival, Metonymy and Optional set those marks.
//   - R lines become relations; "_" in a name reads as "-". R lines whose
//     notes share a "relation=N" index and whose type is symmetric
//     (treaty-between, allied-with, met-with) merge into one relation with
//     all parties; other symmetric R lines are two-party relations.
//     Relations are returned in the order of their index, unindexed ones
//     after them in file order. "*" equivalence lines are symmetric
//     relations of their type with all listed parties. A symmetric
//     relation whose arguments are all one annotation is a problem.
//   - E (event), N (normalisation) and other lines are ignored.
//
// Problems are reported with their line numbers, up to 20 of them, in one
// error; the Doc is then nil.
func ReadBrat(ann io.Reader, text string) (*Doc, error) {
	type tline struct {
		id, typ, text string
		frags         [][2]int // code points
		line          int
	}
	type rline struct {
		id, typ string
		args    []string // T ids
		equiv   bool
		line    int
	}
	var (
		ts    []tline
		rs    []rline
		attrs = map[string][]string{} // T id -> attribute names
		notes = map[string]string{}   // annotation id -> note
		errs  []string
	)
	fail := func(line int, format string, args ...any) {
		if len(errs) < maxBratErrors {
			errs = append(errs, fmt.Sprintf("brat line %d: %s", line, fmt.Sprintf(format, args...)))
		}
	}
	sc := bufio.NewScanner(ann)
	sc.Buffer(make([]byte, 64<<10), 16<<20)
	line := 0
	for sc.Scan() {
		line++
		s := strings.TrimRight(sc.Text(), "\r")
		if strings.TrimSpace(s) == "" {
			continue
		}
		f := strings.SplitN(s, "\t", 3)
		switch s[0] {
		case 'T':
			if len(f) < 3 {
				fail(line, "a T line needs three tab-separated fields")
				continue
			}
			typ, offs, ok := strings.Cut(f[1], " ")
			if !ok {
				fail(line, "no offsets after the type %q", f[1])
				continue
			}
			t := tline{id: f[0], typ: typ, text: f[2], line: line}
			for _, fr := range strings.Split(offs, ";") {
				se := strings.Fields(fr)
				if len(se) != 2 {
					fail(line, "bad fragment %q", fr)
					t.frags = nil
					break
				}
				a, err1 := strconv.Atoi(se[0])
				b, err2 := strconv.Atoi(se[1])
				if err1 != nil || err2 != nil || a < 0 || b < a {
					fail(line, "bad fragment %q", fr)
					t.frags = nil
					break
				}
				t.frags = append(t.frags, [2]int{a, b})
			}
			if t.frags != nil {
				ts = append(ts, t)
			}
		case 'R':
			if len(f) < 2 {
				fail(line, "an R line needs an id and a relation")
				continue
			}
			w := strings.Fields(f[1])
			if len(w) != 3 {
				fail(line, "want \"TYPE Arg1:T1 Arg2:T2\", got %q", f[1])
				continue
			}
			r := rline{id: f[0], typ: w[0], line: line}
			for _, a := range w[1:] {
				_, id, ok := strings.Cut(a, ":")
				if !ok {
					fail(line, "bad argument %q", a)
					continue
				}
				r.args = append(r.args, id)
			}
			if len(r.args) == 2 {
				rs = append(rs, r)
			}
		case '*':
			w := strings.Fields(strings.Join(f[1:], " "))
			if len(w) < 3 {
				fail(line, "an equivalence needs a type and two annotations")
				continue
			}
			rs = append(rs, rline{typ: w[0], args: w[1:], equiv: true, line: line})
		case 'A', 'M':
			if len(f) < 2 {
				fail(line, "an attribute needs a name and an annotation")
				continue
			}
			w := strings.Fields(f[1])
			if len(w) < 2 {
				fail(line, "an attribute needs a name and an annotation")
				continue
			}
			attrs[w[1]] = append(attrs[w[1]], w[0])
		case '#':
			if len(f) < 3 {
				continue // a note without text says nothing
			}
			w := strings.Fields(f[1])
			if len(w) == 2 && w[0] == "AnnotatorNotes" {
				notes[w[1]] = f[2]
			}
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("formats: reading brat: %w", err)
	}

	// Code points to bytes.
	var want []int
	for _, t := range ts {
		for _, fr := range t.frags {
			want = append(want, fr[0], fr[1])
		}
	}
	at := bytesAt(text, want)
	type ment struct {
		m    entities.Mention
		id   string
		opt  bool
		line int
	}
	var ms []ment
	for _, t := range ts {
		var parts []string
		ok := true
		for _, fr := range t.frags {
			a, ok1 := at[fr[0]]
			b, ok2 := at[fr[1]]
			if !ok1 || !ok2 {
				fail(t.line, "offsets %d %d are beyond the text (%d code points)", fr[0], fr[1], len([]rune(text)))
				ok = false
				break
			}
			parts = append(parts, text[a:b])
		}
		if !ok {
			continue
		}
		if got := strings.Join(parts, " "); got != t.text {
			fail(t.line, "text %q does not match the span's text %q", t.text, got)
			continue
		}
		start, end := at[t.frags[0][0]], at[t.frags[len(t.frags)-1][1]]
		m := entities.Mention{Type: entities.Type(t.typ), Text: text[start:end], Start: start, End: end}
		opt := false
		for _, a := range attrs[t.id] {
			switch a {
			case "Adjectival":
				m.Adjectival = true
			case "Metonymy":
				m.Metonymy = true
			case "Optional":
				opt = true
			}
		}
		kv := parseNote(notes[t.id])
		m.ID, m.Name, m.Value, m.Mod, m.Source = kv["id"], kv["name"], kv["value"], kv["mod"], entities.Source(kv["source"])
		ms = append(ms, ment{m, t.id, opt, t.line})
	}
	sort.SliceStable(ms, func(i, j int) bool {
		if ms[i].m.Start != ms[j].m.Start {
			return ms[i].m.Start < ms[j].m.Start
		}
		return ms[i].m.End < ms[j].m.End
	})
	doc := &Doc{Text: text}
	index := map[string]int{}
	anyOpt := false
	for i, m := range ms {
		if _, dup := index[m.id]; dup {
			fail(m.line, "duplicate id %s", m.id)
		}
		index[m.id] = i
		doc.Entities = append(doc.Entities, m.m)
		doc.OptionalEntities = append(doc.OptionalEntities, m.opt)
		anyOpt = anyOpt || m.opt
	}
	if !anyOpt {
		doc.OptionalEntities = nil
	}

	type rel struct {
		r    Relation
		k    int // index from the note, or -1
		opt  bool
		seq  int
		line int
	}
	var rels []*rel
	byIndex := map[string]*rel{} // "k\x00type" -> merged symmetric relation
	arg := func(id string, line int) (Arg, bool) {
		i, ok := index[id]
		if !ok {
			fail(line, "unknown annotation %s", id)
			return Arg{}, false
		}
		m := &doc.Entities[i]
		return Arg{Entity: i, ID: m.ID, Name: m.Name, Text: m.Text}, true
	}
	for seq, r := range rs {
		typ := strings.ReplaceAll(r.typ, "_", "-")
		var args []Arg
		ok := true
		for _, a := range r.args {
			x, found := arg(a, r.line)
			ok = ok && found
			args = append(args, x)
		}
		if !ok {
			continue
		}
		kv := parseNote(notes[r.id])
		k := -1
		if s, has := kv["relation"]; has {
			n, err := strconv.Atoi(s)
			if err != nil || n < 0 {
				fail(r.line, "bad relation index %q", s)
				continue
			}
			k = n
		}
		sym := r.equiv || symmetricTypes[typ]
		if sym && k >= 0 {
			if x := byIndex[strconv.Itoa(k)+"\x00"+typ]; x != nil {
				for _, a := range args {
					if !hasEntity(x.r.Parties, a.Entity) {
						x.r.Parties = append(x.r.Parties, a)
					}
				}
				continue
			}
		}
		x := &rel{k: k, seq: seq, opt: kv["optional"] == "true", line: r.line}
		x.r = Relation{Type: typ, Modality: kv["modality"], Time: kv["time"], Trigger: Trigger{Text: kv["trigger"]}, Attrs: map[string]string{}}
		if x.r.Modality == "" {
			x.r.Modality = "asserted"
		}
		for key, v := range kv {
			if name, ok := strings.CutPrefix(key, "attr."); ok {
				x.r.Attrs[name] = v
			}
		}
		if sym {
			for _, a := range args {
				if !hasEntity(x.r.Parties, a.Entity) {
					x.r.Parties = append(x.r.Parties, a)
				}
			}
			if k >= 0 {
				byIndex[strconv.Itoa(k)+"\x00"+typ] = x
			}
		} else {
			x.r.Subject, x.r.Object = &args[0], &args[1]
		}
		rels = append(rels, x)
	}
	sort.SliceStable(rels, func(i, j int) bool {
		a, b := rels[i], rels[j]
		if (a.k >= 0) != (b.k >= 0) {
			return a.k >= 0
		}
		if a.k != b.k {
			return a.k < b.k
		}
		return a.seq < b.seq
	})
	anyOpt = false
	for _, x := range rels {
		if x.r.Subject == nil && len(x.r.Parties) < 2 {
			fail(x.line, "%s needs two different arguments", x.r.Type)
		}
		doc.Relations = append(doc.Relations, x.r)
		doc.OptionalRelations = append(doc.OptionalRelations, x.opt)
		anyOpt = anyOpt || x.opt
	}
	if !anyOpt {
		doc.OptionalRelations = nil
	}
	if len(errs) > 0 {
		return nil, errors.New("formats: " + strings.Join(errs, "\n\t"))
	}
	return doc, nil
}

// hasEntity reports whether args has an argument with entity index e.
func hasEntity(args []Arg, e int) bool {
	for _, a := range args {
		if a.Entity == e {
			return true
		}
	}
	return false
}

// parseNote reads a note of "key=value" pairs separated by "; ". A part
// without "=" is added to the previous value.
func parseNote(s string) map[string]string {
	kv := map[string]string{}
	if s == "" {
		return kv
	}
	last := ""
	for _, p := range strings.Split(s, "; ") {
		k, v, ok := strings.Cut(p, "=")
		if !ok || strings.ContainsAny(k, " \t") {
			if last != "" {
				kv[last] += "; " + p
			}
			continue
		}
		kv[k] = v
		last = k
	}
	return kv
}

// ReadBratFile reads the brat annotations at path (NAME.ann) with the text
// beside it (NAME.txt), as brat stores a document, and returns them as a
// [Doc] whose ID is NAME.
func ReadBratFile(path string) (*Doc, error) {
	base := strings.TrimSuffix(path, filepath.Ext(path))
	text, err := os.ReadFile(base + ".txt")
	if err != nil {
		return nil, err
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	d, err := ReadBrat(f, string(text))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	d.ID = filepath.Base(base)
	return d, nil
}
