package format

import (
	"embed"
	"encoding/json"
	"fmt"
	"html/template"
	"io"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/statecraft/statecraft/entities"
)

//go:embed html/page.tmpl html/page.css html/page.js
var htmlFS embed.FS

// pageTemplate is the HTML page; page.css and page.js are inlined into it.
var (
	pageTemplate = template.Must(template.New("page.tmpl").ParseFS(htmlFS, "html/page.tmpl"))
	pageCSS      = mustRead("html/page.css")
	pageJS       = mustRead("html/page.js")
)

// mustRead returns an embedded file; the files are part of the binary, so
// a failure is a build defect.
func mustRead(name string) string {
	b, err := htmlFS.ReadFile(name)
	if err != nil {
		panic("formats: missing embedded " + name)
	}
	return string(b)
}

// typeColors are the highlight colours of the entity types (those of
// displaCy for the nearest spaCy labels). Other types are grey.
var typeColors = map[entities.Type]string{
	entities.Person:   "#aa9cfc",
	entities.State:    "#feca74",
	entities.Org:      "#7aecec",
	entities.Location: "#ff9561",
	entities.Date:     "#bfe1d9",
}

// typeColor returns the colour of t.
func typeColor(t entities.Type) string {
	if c, ok := typeColors[t]; ok {
		return c
	}
	return "#dddddd"
}

// WriteHTML writes one self-contained HTML page that shows docs: each
// text with its mentions highlighted by type (a colour legend whose
// entries hide and show a type; the canonical name, id, source and a
// DATE's value in the tooltip of each mention), and beside it the
// relations and the canonical entities. Selecting a relation highlights
// its evidence, its trigger and its arguments; selecting an entity (or
// one of its mentions) highlights all its mentions. Clicking the plain text
// of a parsed sentence draws its dependency parse above the text, arcs
// labelled with their relations and words with their tags, as displaCy
// draws them.
//
// The page needs no network: CSS and JavaScript are inline, no fonts or
// images are loaded, and a Content-Security-Policy forbids any fetch.
// Everything from the documents is escaped by html/template.
//
// The markup is stable for tests and scripts: each mention is
//
//	<mark class="ent" data-type="STATE" data-m="0" data-id="state/russia" title="Russia · state/russia · STATE · gazetteer">…</mark>
//
// with data-m its index in the JSON entity list; the text is cut into
// <span class="seg" data-s="553" data-e="559"> pieces at mention, evidence
// and trigger boundaries (byte offsets); each relation is a
// <button class="rel" data-r="3" data-ev="1000 1292" data-tr="1188 1196"
// data-args="17 15">.
func WriteHTML(w io.Writer, docs ...*Doc) error {
	page := htmlPage{CSS: template.CSS(pageCSS), JS: template.JS(pageJS)}
	counts := map[entities.Type]int{}
	for i, d := range docs {
		hd := htmlDocOf(d)
		hd.Index = i + 1
		page.Docs = append(page.Docs, hd)
		for _, m := range d.Entities {
			counts[m.Type]++
		}
	}
	switch len(docs) {
	case 1:
		page.Title = docs[0].ID
		page.Subtitle = "entities and relations"
	default:
		page.Title = fmt.Sprintf("%d documents", len(docs))
		page.Subtitle = page.Title
	}
	for t, n := range counts {
		page.Legend = append(page.Legend, htmlLegend{Type: string(t), Color: template.CSS(typeColor(t)), Count: n})
	}
	sort.Slice(page.Legend, func(i, j int) bool {
		a, b := page.Legend[i], page.Legend[j]
		ra, rb := typeRank(entities.Type(a.Type)), typeRank(entities.Type(b.Type))
		return ra < rb || ra == rb && a.Type < b.Type
	})
	return pageTemplate.Execute(w, page)
}

// htmlPage is the data of the page template.
type htmlPage struct {
	Title    string // of the window
	Subtitle string // beside the heading
	Legend   []htmlLegend
	Docs     []htmlDoc
	CSS      template.CSS
	JS       template.JS
}

// htmlLegend is one entry of the colour legend.
type htmlLegend struct {
	Type  string
	Color template.CSS
	Count int
}

// htmlDoc is one document of the page.
type htmlDoc struct {
	Index     int
	ID, Date  string
	NMentions int
	Pieces    []htmlPiece
	Relations []htmlRel
	Entities  []htmlEntity
	// Parses is the dependency parse of the parsed sentences, as JSON
	// (see parsesJSON); "" when none was parsed.
	Parses string
}

// htmlPiece is a run of plain text or one mention, cut into segments.
type htmlPiece struct {
	Mark       bool
	Mention    int // index in the entity list
	Group      int // index of the canonical entity
	Type, ID   string
	Color      template.CSS
	Title      string
	Adjectival bool
	Segs       []htmlSeg
}

// htmlSeg is a piece of text between two boundaries; S and E are byte
// offsets.
type htmlSeg struct {
	Text string
	S, E int
}

// htmlRel is one relation of the side panel.
type htmlRel struct {
	Index              int
	Sym                bool
	Type               string
	Names              []string
	Modality, Time     string
	Attrs, Trigger     string
	EvS, EvE, TrS, TrE int
	Args               string // entity indexes, space-separated
}

// htmlEntity is one canonical entity of the side panel.
type htmlEntity struct {
	Group    int
	Type     string
	Color    template.CSS
	Name, ID string
	Count    int
	Mentions string // entity indexes, space-separated
}

// htmlDocOf builds the page data of d.
func htmlDocOf(d *Doc) htmlDoc {
	hd := htmlDoc{ID: d.ID, Date: d.Date, NMentions: len(d.Entities), Parses: parsesJSON(d)}
	text := d.Text
	n := len(text)
	clamp := func(x int) int {
		x = max(0, min(x, n))
		for x > 0 && x < n && !utf8.RuneStart(text[x]) {
			x--
		}
		return x
	}
	// Boundaries at which segments are cut.
	cuts := map[int]bool{0: true, n: true}
	for _, m := range d.Entities {
		cuts[clamp(m.Start)] = true
		cuts[clamp(m.End)] = true
	}
	for _, r := range d.Relations {
		for _, x := range []int{r.Evidence.Start, r.Evidence.End, r.Trigger.Start, r.Trigger.End} {
			cuts[clamp(x)] = true
		}
	}
	if hd.Parses != "" {
		// A click on a sentence's text finds its parse by the segment.
		for _, s := range d.Sentences {
			cuts[clamp(s.Start)] = true
			cuts[clamp(s.End)] = true
		}
	}
	bounds := make([]int, 0, len(cuts))
	for x := range cuts {
		bounds = append(bounds, x)
	}
	sort.Ints(bounds)
	bi := 0
	segs := func(s, e int) []htmlSeg {
		var out []htmlSeg
		for bi < len(bounds) && bounds[bi] <= s {
			bi++
		}
		for s < e {
			next := e
			if bi < len(bounds) && bounds[bi] < e {
				next = bounds[bi]
				bi++
			}
			out = append(out, htmlSeg{Text: text[s:next], S: s, E: next})
			s = next
		}
		return out
	}

	groups := GroupEntities(d.Entities)
	groupOf := make([]int, len(d.Entities))
	for gi, g := range groups {
		for _, mi := range g.Mentions {
			groupOf[mi] = gi
		}
	}
	pos := 0
	for i := range d.Entities {
		m := &d.Entities[i]
		s, e := clamp(m.Start), clamp(m.End)
		if s < pos || e <= s {
			continue // overlapping or empty: left as plain text
		}
		if s > pos {
			hd.Pieces = append(hd.Pieces, htmlPiece{Segs: segs(pos, s)})
		}
		hd.Pieces = append(hd.Pieces, htmlPiece{
			Mark: true, Mention: i, Group: groupOf[i], Type: string(m.Type), ID: m.ID,
			Color: template.CSS(typeColor(m.Type)), Title: mentionTitle(m), Adjectival: m.Adjectival,
			Segs: segs(s, e),
		})
		pos = e
	}
	if pos < n {
		hd.Pieces = append(hd.Pieces, htmlPiece{Segs: segs(pos, n)})
	}

	for k := range d.Relations {
		r := &d.Relations[k]
		hr := htmlRel{Index: k, Sym: r.Symmetric(), Type: r.Type, Modality: r.Modality, Time: r.Time,
			Attrs: attrString(r.Attrs, ", "), Trigger: r.Trigger.Text,
			EvS: r.Evidence.Start, EvE: r.Evidence.End, TrS: r.Trigger.Start, TrE: r.Trigger.End}
		var idx []string
		for _, a := range r.Args() {
			hr.Names = append(hr.Names, a.Label())
			idx = append(idx, strconv.Itoa(a.Entity))
		}
		for len(hr.Names) < 2 {
			hr.Names = append(hr.Names, "?")
		}
		hr.Args = strings.Join(idx, " ")
		hd.Relations = append(hd.Relations, hr)
	}

	order := make([]int, len(groups))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(i, j int) bool {
		a, b := groups[order[i]], groups[order[j]]
		if ra, rb := typeRank(a.Type), typeRank(b.Type); ra != rb {
			return ra < rb
		}
		if a.Type != b.Type {
			return a.Type < b.Type
		}
		return len(a.Mentions) > len(b.Mentions)
	})
	for _, gi := range order {
		g := groups[gi]
		idx := make([]string, len(g.Mentions))
		for j, mi := range g.Mentions {
			idx[j] = strconv.Itoa(mi)
		}
		name := g.Name
		if g.Type == entities.Date && g.Value != "" && g.Value != g.Name {
			name += " = " + g.Value
		}
		hd.Entities = append(hd.Entities, htmlEntity{Group: gi, Type: string(g.Type), Color: template.CSS(typeColor(g.Type)),
			Name: name, ID: g.ID, Count: len(g.Mentions), Mentions: strings.Join(idx, " ")})
	}
	return hd
}

// parsesJSON returns the dependency parses of d's parsed sentences for the
// page's parse view: a JSON array with, per sentence, its byte span and
// its tokens as [start, end, tag, head, dep], head the index of the head
// within the sentence or -1 for the root. Sentences whose tokens are not
// all parsed into the sentence are left out.
func parsesJSON(d *Doc) string {
	var b strings.Builder
	b.WriteByte('[')
	n := 0
	for _, s := range d.Sentences {
		if s.TokenStart < 0 || s.TokenEnd > len(d.Tokens) || s.TokenStart >= s.TokenEnd {
			continue
		}
		toks := d.Tokens[s.TokenStart:s.TokenEnd]
		ok := true
		for _, t := range toks {
			if t.Dep == "" || t.Head >= 0 && (t.Head < s.TokenStart || t.Head >= s.TokenEnd) {
				ok = false
				break
			}
		}
		if !ok {
			continue
		}
		if n > 0 {
			b.WriteByte(',')
		}
		n++
		fmt.Fprintf(&b, `{"s":%d,"e":%d,"t":[`, s.Start, s.End)
		for i, t := range toks {
			if i > 0 {
				b.WriteByte(',')
			}
			h := t.Head
			if h >= 0 {
				h -= s.TokenStart
			}
			fmt.Fprintf(&b, "[%d,%d,%s,%d,%s]", t.Start, t.End, jsonString(t.Tag), h, jsonString(t.Dep))
		}
		b.WriteString("]}")
	}
	if n == 0 {
		return ""
	}
	b.WriteByte(']')
	return b.String()
}

// jsonString returns s as a JSON string (invalid UTF-8 becomes U+FFFD).
func jsonString(s string) string {
	b, err := json.Marshal(s)
	if err != nil { // a string always marshals
		return `""`
	}
	return string(b)
}

// mentionTitle is the tooltip of a mention: canonical name, id, type,
// value and modifier of a DATE, source.
func mentionTitle(m *entities.Mention) string {
	var parts []string
	if m.Type == entities.Date {
		if m.Value != "" {
			parts = append(parts, m.Value)
		}
		if m.Mod != "" {
			parts = append(parts, m.Mod)
		}
	} else if m.Name != "" {
		parts = append(parts, m.Name)
	}
	if m.ID != "" {
		parts = append(parts, m.ID)
	}
	t := string(m.Type)
	if m.Adjectival {
		t += " (adjectival)"
	}
	if m.Metonymy {
		t += " (metonymy)"
	}
	if m.State != "" {
		t += " of " + m.State
	}
	parts = append(parts, t)
	if m.Source != "" {
		parts = append(parts, string(m.Source))
	}
	return strings.Join(parts, " · ")
}
