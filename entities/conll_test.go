package entities

import (
	"context"
	"encoding/json"
	"errors"
	"io/fs"
	"os"
	"strings"
	"testing"
)

// Accuracy floors on the public development sets of ../shared/dev (not
// part of the repository; the tests skip when it is absent, and under
// -short). The figures equal those of examples/evaluate:
//
//	go test ./entities -run 'CoNLLFloor|ReDocREDFloor' -v
//	go run ./examples/evaluate -conll ../shared/dev/conll2003-valid.txt -redocred ../shared/dev/redocred-dev.json

const devReDocRED = "../../shared/dev/redocred-dev.json"

// readDevFile returns the contents of a development file, skipping the
// test under -short or when the file does not exist.
func readDevFile(t *testing.T, path string) []byte {
	t.Helper()
	if testing.Short() {
		t.Skip("development sets are skipped under -short")
	}
	b, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		t.Skipf("%s not found", path)
	}
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// conllSpan is a typed span of a rebuilt CoNLL document.
type conllSpan struct {
	typ        string
	start, end int
}

// conllType maps a mention to the CoNLL-2003 types: PERSON to PER, STATE
// and LOCATION to LOC, ORG to ORG, an adjectival STATE or LOCATION to MISC;
// "" for dates, and for a mention in lower case ("parliament" in "the Iraqi
// parliament"), which is no name, the only thing CoNLL-2003 tags.
func conllType(m Mention) string {
	switch {
	case strings.ToLower(m.Text) == m.Text:
		return ""
	case m.Adjectival:
		return "MISC"
	case m.Type == Person:
		return "PER"
	case m.Type == State || m.Type == Location:
		return "LOC"
	case m.Type == Org:
		return "ORG"
	}
	return ""
}

// rebuildCoNLL turns a document of CoNLL sentences into text (tokens
// joined by spaces, one sentence a line) and its gold spans.
func rebuildCoNLL(doc []conllSentence) (string, []conllSpan) {
	var b strings.Builder
	var gold []conllSpan
	for si, s := range doc {
		if si > 0 {
			b.WriteByte('\n')
		}
		var cur *conllSpan
		for i, line := range s.lines {
			if i > 0 {
				b.WriteByte(' ')
			}
			start := b.Len()
			b.WriteString(s.tokens[i])
			fields := strings.Fields(line)
			tag := fields[len(fields)-1]
			typ := ""
			if len(tag) > 2 && tag[1] == '-' {
				typ = tag[2:]
			}
			switch {
			case typ == "":
				cur = nil
			case cur != nil && cur.typ == typ && tag[0] == 'I':
				cur.end = b.Len()
			default:
				gold = append(gold, conllSpan{typ, start, b.Len()})
				cur = &gold[len(gold)-1]
			}
		}
	}
	return b.String(), gold
}

// TestCoNLLFloor: strict span+type F1 on PER, LOC and ORG of the
// CoNLL-2003 validation file: at least 0.70 (issue 4), and not below 0.90
// (a regression floor under the 0.909 measured); ORG, the weakest type,
// keeps precision 0.895 and recall 0.80 (measured 0.902 and 0.805).
func TestCoNLLFloor(t *testing.T) {
	readDevFile(t, devCoNLL)
	docs, err := readCoNLL(devCoNLL)
	if err != nil {
		t.Fatal(err)
	}
	e := newTestExtractor(t)
	tp, sys, gold := map[string]int{}, map[string]int{}, map[string]int{}
	for _, d := range docs {
		text, golds := rebuildCoNLL(d)
		doc, err := e.Extract(context.Background(), text)
		if err != nil {
			t.Fatal(err)
		}
		want := map[conllSpan]bool{}
		for _, g := range golds {
			want[g] = true
			gold[g.typ]++
		}
		for _, m := range doc.Mentions {
			typ := conllType(m)
			if typ == "" {
				continue
			}
			sys[typ]++
			if want[conllSpan{typ, m.Start, m.End}] {
				tp[typ]++
			}
		}
	}
	var allTP, allSys, allGold int
	t.Logf("CoNLL-2003 valid, %d documents, strict span+type", len(docs))
	for _, typ := range []string{"PER", "LOC", "ORG", "MISC"} {
		p, r, f := prf(tp[typ], sys[typ], gold[typ])
		t.Logf("%-4s P %.4f R %.4f F1 %.4f (tp %d, sys %d, gold %d)", typ, p, r, f, tp[typ], sys[typ], gold[typ])
		if typ != "MISC" {
			allTP, allSys, allGold = allTP+tp[typ], allSys+sys[typ], allGold+gold[typ]
		}
	}
	p, r, f := prf(allTP, allSys, allGold)
	t.Logf("PER/LOC/ORG P %.4f R %.4f F1 %.4f", p, r, f)
	if f < 0.70 {
		t.Errorf("PER/LOC/ORG strict F1 %.4f, want >= 0.70", f)
	}
	if f < 0.90 {
		t.Errorf("PER/LOC/ORG strict F1 %.4f fell below the regression floor 0.90", f)
	}
	if p, r, _ := prf(tp["ORG"], sys["ORG"], gold["ORG"]); p < 0.895 || r < 0.80 {
		t.Errorf("ORG strict precision %.4f, recall %.4f fell below the regression floors 0.895, 0.80", p, r)
	}
}

// redocDocument is one Re-DocRED document.
type redocDocument struct {
	Sents     [][]string `json:"sents"`
	VertexSet [][]struct {
		Type   string `json:"type"`
		Pos    []int  `json:"pos"`
		SentID int    `json:"sent_id"`
	} `json:"vertexSet"`
}

// TestReDocREDFloor: document-level recall of the gold entities of the
// Re-DocRED dev set (an entity counts as found when any of its mentions
// overlaps a mention of the right type). The targets are PER
// 0.90, LOC 0.85, ORG 0.50 and TIME 0.85; the recognizer meets them all
// (PER 0.908, LOC 0.857, ORG 0.679, TIME 0.912 after the third round,
// where "God" stopped being a PERSON and a past verb started to place a
// bare month) and the test asserts regression floors just under the
// measured figures.
func TestReDocREDFloor(t *testing.T) {
	b := readDevFile(t, devReDocRED)
	var docs []redocDocument
	if err := json.Unmarshal(b, &docs); err != nil {
		t.Fatal(err)
	}
	types := map[string][]Type{"PER": {Person}, "LOC": {State, Location}, "ORG": {Org}, "TIME": {Date}}
	e := newTestExtractor(t)
	found, total := map[string]int{}, map[string]int{}
	for di, d := range docs {
		var sb strings.Builder
		offs := make([][][2]int, len(d.Sents))
		for si, s := range d.Sents {
			for _, w := range s {
				if sb.Len() > 0 {
					sb.WriteByte(' ')
				}
				offs[si] = append(offs[si], [2]int{sb.Len(), sb.Len() + len(w)})
				sb.WriteString(w)
			}
		}
		doc, err := e.Extract(context.Background(), sb.String())
		if err != nil {
			t.Fatalf("document %d: %v", di, err)
		}
		for _, ent := range d.VertexSet {
			if len(ent) == 0 {
				continue
			}
			typ := ent[0].Type
			want, ok := types[typ]
			if !ok {
				continue
			}
			total[typ]++
		mentions:
			for _, gm := range ent {
				if gm.SentID < 0 || gm.SentID >= len(offs) || len(gm.Pos) != 2 || gm.Pos[0] < 0 || gm.Pos[0] >= gm.Pos[1] || gm.Pos[1] > len(offs[gm.SentID]) {
					continue
				}
				gs, ge := offs[gm.SentID][gm.Pos[0]][0], offs[gm.SentID][gm.Pos[1]-1][1]
				for _, m := range doc.Mentions {
					if m.Start < ge && gs < m.End && containsType(want, m.Type) {
						found[typ]++
						break mentions
					}
				}
			}
		}
	}
	floors := []struct {
		typ           string
		target, floor float64
	}{
		// Issue 18's retraining (word clusters, a tenth of CoNLL-2003
		// train held out) moved PER from 0.908 to 0.925, LOC from 0.857 to
		// 0.851 and ORG from 0.679 to 0.666.
		{"PER", 0.90, 0.92},
		{"LOC", 0.85, 0.85},
		{"ORG", 0.50, 0.66},
		{"TIME", 0.85, 0.91},
	}
	t.Logf("Re-DocRED dev, %d documents, document-level recall", len(docs))
	for _, f := range floors {
		_, r, _ := prf(found[f.typ], 0, total[f.typ])
		status := "meets the target"
		if r < f.target {
			status = "below the target"
		}
		t.Logf("%-4s recall %.4f (%d of %d), target %.2f: %s", f.typ, r, found[f.typ], total[f.typ], f.target, status)
		if r < f.floor {
			t.Errorf("%s recall %.4f, want >= %.2f", f.typ, r, f.floor)
		}
	}
}
