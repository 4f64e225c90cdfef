package format

import (
	"bufio"
	"fmt"
	"io"
	"strings"

	"github.com/statecraft/statecraft/entities"
)

// WriteDOT writes d as a Graphviz digraph named by d's id: one node per
// canonical entity (by gazetteer id, else type and name) coloured by type
// and labelled with its name, type and mention count, and one edge per
// relation labelled with its type, modality and time:
//
//	digraph "rt-caucasus-security-outline" {
//	  "state/armenia" [label="Armenia\nSTATE ×1", fillcolor="#feca74"];
//	  "state/armenia" -> "org/csto" [label="member-of\nasserted"];
//	}
//
// Asserted relations are solid, possible ones dashed, negated ones dotted
// and red. A symmetric relation between two parties is an edge without
// arrow heads; one among more parties is a small diamond node of its own
// joined to every party. DATE entities are left out unless a relation
// names them: the time of a relation is on its label. Several documents
// written one after the other are several graphs, which dot renders in
// turn.
func WriteDOT(w io.Writer, d *Doc) error {
	bw := bufio.NewWriter(w)
	fmt.Fprintf(bw, "digraph %s {\n", dotID(d.ID))
	bw.WriteString("  graph [rankdir=LR, fontname=\"Helvetica\", overlap=false, splines=true];\n")
	bw.WriteString("  node [shape=box, style=\"rounded,filled\", fontname=\"Helvetica\", fontsize=11];\n")
	bw.WriteString("  edge [fontname=\"Helvetica\", fontsize=9];\n")

	groups := GroupEntities(d.Entities)
	groupOf := make([]int, len(d.Entities))
	for gi, g := range groups {
		for _, mi := range g.Mentions {
			groupOf[mi] = gi
		}
	}
	inRel := make([]bool, len(groups))
	for _, r := range d.Relations {
		for _, a := range r.Args() {
			if a.Entity >= 0 && a.Entity < len(d.Entities) {
				inRel[groupOf[a.Entity]] = true
			}
		}
	}
	node := func(gi int) string {
		g := &groups[gi]
		if g.ID != "" {
			return dotID(g.ID)
		}
		return dotID(string(g.Type) + ":" + g.Name)
	}
	for gi, g := range groups {
		if g.Type == entities.Date && !inRel[gi] {
			continue
		}
		label := fmt.Sprintf("%s\n%s ×%d", g.Name, g.Type, len(g.Mentions))
		if g.Type == entities.Date && g.Value != "" {
			label = fmt.Sprintf("%s\n%s %s", g.Name, g.Type, g.Value)
		}
		fmt.Fprintf(bw, "  %s [label=%s, fillcolor=%s];\n", node(gi), dotID(label), dotID(typeColor(g.Type)))
	}
	for k := range d.Relations {
		r := &d.Relations[k]
		args := r.Args()
		valid := len(args) >= 2
		var nodes []string // distinct, in order
		seen := map[string]bool{}
		for _, a := range args {
			if a.Entity < 0 || a.Entity >= len(d.Entities) {
				valid = false
				break
			}
			if n := node(groupOf[a.Entity]); !seen[n] {
				seen[n] = true
				nodes = append(nodes, n)
			}
		}
		if !valid || r.Symmetric() && len(nodes) < 2 {
			continue // an argument is not a mention, or a party alone
		}
		label := r.Type + "\n" + r.Modality
		if r.Time != "" {
			label += " " + r.Time
		}
		style := "solid"
		color := "#333333"
		switch r.Modality {
		case "possible":
			style = "dashed"
		case "negated":
			style, color = "dotted", "#c62828"
		}
		attrs := fmt.Sprintf("label=%s, style=%s, color=%s, fontcolor=%s", dotID(label), style, dotID(color), dotID(color))
		switch {
		case !r.Symmetric():
			fmt.Fprintf(bw, "  %s -> %s [%s];\n", node(groupOf[args[0].Entity]), node(groupOf[args[1].Entity]), attrs)
		case len(nodes) == 2:
			fmt.Fprintf(bw, "  %s -> %s [%s, dir=none];\n", nodes[0], nodes[1], attrs)
		default:
			hub := dotID(fmt.Sprintf("relation %d", k))
			fmt.Fprintf(bw, "  %s [shape=diamond, style=%s, label=%s, fontsize=9, fillcolor=\"#ffffff\", color=%s, fontcolor=%s];\n", hub, dotHubStyle(style), dotID(label), dotID(color), dotID(color))
			for _, n := range nodes {
				fmt.Fprintf(bw, "  %s -> %s [style=%s, color=%s, dir=none];\n", hub, n, style, dotID(color))
			}
		}
	}
	bw.WriteString("}\n")
	return bw.Flush()
}

// dotHubStyle returns the node style of a relation hub drawn with the
// edge style s.
func dotHubStyle(s string) string {
	if s == "solid" {
		return "filled"
	}
	return dotID("filled," + s)
}

// dotID quotes s as a DOT identifier: a double-quoted string with quotes
// and backslashes escaped and line breaks written as \n.
func dotID(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch r {
		case '"', '\\':
			b.WriteByte('\\')
			b.WriteRune(r)
		case '\n':
			b.WriteString(`\n`)
		case '\r':
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}
