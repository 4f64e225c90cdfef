package relations_test

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/statecraft/statecraft/entities"
	"github.com/statecraft/statecraft/relations"
)

var (
	redocredPath   = flag.String("redocred", "../../shared/dev/redocred-dev.json", "Re-DocRED dev file for TestReDocRED")
	redocredErrors = flag.Int("redocred.errors", 0, "print up to this many false positives and misses per relation")
)

// redocDoc is one Re-DocRED document.
type redocDoc struct {
	Title     string     `json:"title"`
	Sents     [][]string `json:"sents"`
	VertexSet [][]struct {
		Name   string `json:"name"`
		Type   string `json:"type"`
		Pos    []int  `json:"pos"`
		SentID int    `json:"sent_id"`
	} `json:"vertexSet"`
	Labels []struct {
		R string `json:"r"`
		H int    `json:"h"`
		T int    `json:"t"`
	} `json:"labels"`
}

// headRoles are the roles of heads of state or government (Wikidata P35
// and P6).
var headRoles = map[string]bool{
	"president": true, "prime minister": true, "premier": true, "chancellor": true, "king": true,
	"queen": true, "emir": true, "sultan": true, "monarch": true, "head of state": true,
	"head of government": true, "leader": true, "ruler": true, "governor": true, "mayor": true,
	"president-elect": true, "first minister": true, "taoiseach": true, "shah": true, "tsar": true,
	"emperor": true, "dictator": true, "regent": true, "chief minister": true,
}

// prCounts are the counts of one relation's evaluation.
type prCounts struct {
	gold, predicted, unmapped, tp int
	fps, misses, tps              []string
}

func (c *prCounts) String() string {
	p := float64(c.tp) / float64(max(c.predicted, 1))
	mp := float64(c.tp) / float64(max(c.predicted-c.unmapped, 1))
	r := float64(c.tp) / float64(max(c.gold, 1))
	return fmt.Sprintf("precision %.3f (%d/%d; %.3f over the %d pairs whose arguments map to gold entities)  recall %.3f (%d/%d)",
		p, c.tp, c.predicted, mp, c.predicted-c.unmapped, r, c.tp, c.gold)
}

// TestReDocRED evaluates member-of against Wikidata P463 (member of) and
// official-of against P35/P6 (head of state/government, reversed) on the
// Re-DocRED development set, at document level: a predicted pair is right
// when its arguments overlap mentions of two gold entities that the gold
// relates. Pairs whose arguments overlap no gold entity count as wrong.
//
//	go test ./relations -run ReDocRED -v
func TestReDocRED(t *testing.T) {
	docs := loadReDocRED(t)
	ee, rx := pipeline(t)
	member, memberAny, official, head := &prCounts{}, &prCounts{}, &prCounts{}, &prCounts{}
	for i := range docs {
		e := evalReDocRED(t, ee, rx, &docs[i])
		goldMember, goldHead := e.goldPairs()
		asserted := func(r relations.Relation) bool { return r.Modality == relations.Asserted }
		anyModality := func(relations.Relation) bool { return true }
		member.score(e, goldMember, asserted, relations.MemberOf)
		memberAny.score(e, goldMember, anyModality, relations.MemberOf)
		official.score(e, goldHead, asserted, relations.OfficialOf)
		head.score(e, goldHead, func(r relations.Relation) bool {
			return asserted(r) && headRoles[strings.ToLower(r.Attrs["role"])]
		}, relations.OfficialOf)
	}
	t.Logf("Re-DocRED dev, %d documents, document-level pairs:", len(docs))
	t.Logf("asserted member-of vs P463:                       %v", member)
	t.Logf("member-of of any modality vs P463:                %v", memberAny)
	t.Logf("asserted official-of vs P35/P6 (reversed):        %v", official)
	t.Logf("asserted official-of with a head-of-state role:   %v", head)
	member.logExamples(t, "member-of", *redocredErrors)
	official.logExamples(t, "official-of", *redocredErrors)
	if p := float64(member.tp) / float64(max(member.predicted, 1)); p < 0.60 {
		t.Errorf("member-of precision %.3f < 0.60", p)
	}
}

// loadReDocRED returns the documents of the Re-DocRED file at
// -redocred, skipping t under -short or when the file cannot be read
// and failing it when the file is not Re-DocRED's JSON.
func loadReDocRED(t *testing.T) []redocDoc {
	t.Helper()
	if testing.Short() {
		t.Skip("long evaluation; skipped under -short")
	}
	b, err := os.ReadFile(*redocredPath)
	if err != nil {
		t.Skipf("Re-DocRED not available: %v", err)
	}
	var docs []redocDoc
	if err := json.Unmarshal(b, &docs); err != nil {
		t.Fatal(err)
	}
	return docs
}

// redocSpan is a half-open byte span of a rebuilt Re-DocRED text.
type redocSpan struct{ s, e int }

// redocEval is one Re-DocRED document, its rebuilt text's analysis by
// the pipeline and the spans of its gold entities' mentions in that text.
type redocEval struct {
	d      *redocDoc
	doc    *entities.Document
	rs     []relations.Relation
	vspans [][]redocSpan // by vertex (gold entity)
}

// evalReDocRED rebuilds the text of d, its tokens joined by spaces, runs
// ee and rx on it and finds its gold mentions' spans, failing t on an
// error of the pipeline.
func evalReDocRED(t *testing.T, ee *entities.Extractor, rx *relations.Extractor, d *redocDoc) *redocEval {
	t.Helper()
	text, offs := redocText(d)
	doc, err := ee.Extract(context.Background(), text)
	if err != nil {
		t.Fatal(err)
	}
	rs, err := rx.Extract(context.Background(), doc)
	if err != nil {
		t.Fatal(err)
	}
	return &redocEval{d: d, doc: doc, rs: rs, vspans: redocGoldSpans(d, offs)}
}

// redocText returns the text of d, its tokens joined by spaces, and the
// span of every token by sentence and position in the sentence.
func redocText(d *redocDoc) (string, [][][2]int) {
	var sb strings.Builder
	offs := make([][][2]int, len(d.Sents))
	for si, s := range d.Sents {
		for _, tok := range s {
			if sb.Len() > 0 {
				sb.WriteByte(' ')
			}
			offs[si] = append(offs[si], [2]int{sb.Len(), sb.Len() + len(tok)})
			sb.WriteString(tok)
		}
	}
	return sb.String(), offs
}

// redocGoldSpans returns the spans, in the text that redocText gives with
// the token spans offs, of the mentions of every vertex of d, leaving out
// mentions whose sentence or token range is invalid.
func redocGoldSpans(d *redocDoc, offs [][][2]int) [][]redocSpan {
	vspans := make([][]redocSpan, len(d.VertexSet))
	for vi, ms := range d.VertexSet {
		for _, m := range ms {
			if m.SentID < 0 || m.SentID >= len(offs) || len(m.Pos) != 2 || m.Pos[0] < 0 || m.Pos[1] > len(offs[m.SentID]) || m.Pos[0] >= m.Pos[1] {
				continue
			}
			vspans[vi] = append(vspans[vi], redocSpan{offs[m.SentID][m.Pos[0]][0], offs[m.SentID][m.Pos[1]-1][1]})
		}
	}
	return vspans
}

// vertexOf returns the vertex with a mention that overlaps a's mention
// most (the first on a tie), or -1 when none overlaps it.
func (e *redocEval) vertexOf(a relations.Arg) int {
	m := e.doc.Mentions[a.Entity]
	best, bestOv := -1, 0
	for vi, sps := range e.vspans {
		for _, sp := range sps {
			ov := min(sp.e, m.End) - max(sp.s, m.Start)
			if ov > bestOv {
				best, bestOv = vi, ov
			}
		}
	}
	return best
}

// name returns the name of vertex v's first mention, or "?" for no vertex.
func (e *redocEval) name(v int) string {
	if v < 0 || len(e.d.VertexSet[v]) == 0 {
		return "?"
	}
	return e.d.VertexSet[v][0].Name
}

// goldPairs returns the gold pairs of vertices of member-of (P463, member
// to organisation) and official-of (P35 and P6, reversed: official to
// state).
func (e *redocEval) goldPairs() (member, head map[[2]int]bool) {
	member, head = map[[2]int]bool{}, map[[2]int]bool{}
	for _, l := range e.d.Labels {
		switch l.R {
		case "P463":
			member[[2]int{l.H, l.T}] = true
		case "P35", "P6":
			head[[2]int{l.T, l.H}] = true
		}
	}
	return member, head
}

// score adds to c the comparison of e's relations of type typ that keep
// accepts with the gold pairs: each predicted pair of vertices (or, when
// an argument maps to no vertex, of names) counts once.
func (c *prCounts) score(e *redocEval, gold map[[2]int]bool, keep func(r relations.Relation) bool, typ relations.Type) {
	c.gold += len(gold)
	seen := map[string]bool{}
	found := map[[2]int]bool{}
	for _, r := range e.rs {
		if r.Type != typ || !keep(r) {
			continue
		}
		h, tt := e.vertexOf(*r.Subject), e.vertexOf(*r.Object)
		k := fmt.Sprint(h, tt)
		if h < 0 || tt < 0 {
			k = r.Subject.Name + "|" + r.Object.Name
		}
		if seen[k] {
			continue
		}
		seen[k] = true
		c.predicted++
		switch {
		case h < 0 || tt < 0:
			c.unmapped++
			c.fps = append(c.fps, fmt.Sprintf("%s: %s -> %s (unmapped) %q", e.d.Title, r.Subject.Name, r.Object.Name, r.Evidence.Text))
		case gold[[2]int{h, tt}]:
			c.tp++
			found[[2]int{h, tt}] = true
			c.tps = append(c.tps, fmt.Sprintf("%s: %s -> %s %q", e.d.Title, e.name(h), e.name(tt), r.Evidence.Text))
		default:
			c.fps = append(c.fps, fmt.Sprintf("%s: %s -> %s %q", e.d.Title, e.name(h), e.name(tt), r.Evidence.Text))
		}
	}
	for g := range gold {
		if !found[g] {
			c.misses = append(c.misses, fmt.Sprintf("%s: %s -> %s", e.d.Title, e.name(g[0]), e.name(g[1])))
		}
	}
}

// logExamples logs up to n of c's false positives, true positives and
// misses, each under the relation name.
func (c *prCounts) logExamples(t *testing.T, name string, n int) {
	t.Helper()
	for i, fp := range c.fps {
		if i >= n {
			break
		}
		t.Logf("  %s false positive: %s", name, fp)
	}
	for i, m := range c.tps {
		if i >= n {
			break
		}
		t.Logf("  %s true positive: %s", name, m)
	}
	for i, m := range c.misses {
		if i >= n {
			break
		}
		t.Logf("  %s miss: %s", name, m)
	}
}
