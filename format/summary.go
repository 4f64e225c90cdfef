package format

import (
	"bufio"
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/statecraft/statecraft/entities"
)

// WriteSummary writes d for a person to read: a heading with the counts,
// the canonical entities grouped by type (PERSON, STATE, ORG, LOCATION,
// DATE) with their mention counts, most mentioned first, then the
// relations as sentences:
//
//	== rt-caucasus-security-outline: 71 mentions of 31 entities, 25 relations ==
//
//	PERSON    Oleg Botsiyev ×1
//	          Vladimir Putin ×1 (person/vladimir-putin)
//	STATE     Russia ×11 (state/russia; 3 adjectival)
//	DATE      2008 ×2
//	          December 2013 ×1 = 2013-12
//
//	Armenia —member-of→ Collective Security Treaty Organization (asserted)
//	Vladimir Putin ←met-with→ Raul Khadzhinba (asserted, time XXXX-08) [place=Moscow]
//
// A symmetric relation with more than two parties reads
// "treaty-between among Russia, Abkhazia, South Ossetia (possible)".
func WriteSummary(w io.Writer, d *Doc) error {
	bw := bufio.NewWriter(w)
	ents := GroupEntities(d.Entities)
	plural := func(n int, one, many string) string {
		if n == 1 {
			return "1 " + one
		}
		return fmt.Sprintf("%d %s", n, many)
	}
	fmt.Fprintf(bw, "== %s: %s of %s, %s ==\n", d.ID,
		plural(len(d.Entities), "mention", "mentions"),
		plural(len(ents), "entity", "entities"),
		plural(len(d.Relations), "relation", "relations"))
	sort.SliceStable(ents, func(i, j int) bool {
		a, b := ents[i], ents[j]
		if ra, rb := typeRank(a.Type), typeRank(b.Type); ra != rb {
			return ra < rb
		}
		if a.Type != b.Type {
			return a.Type < b.Type
		}
		return len(a.Mentions) > len(b.Mentions) // stable: first mention first among equals
	})
	if len(ents) > 0 {
		bw.WriteString("\n")
	}
	width := len("LOCATION") + 2
	for _, e := range ents {
		if len(e.Type)+1 > width {
			width = len(e.Type) + 1
		}
	}
	for i, e := range ents {
		label := ""
		if i == 0 || ents[i-1].Type != e.Type {
			label = string(e.Type)
		}
		fmt.Fprintf(bw, "%-*s%s ×%d", width, label, oneLine(e.Name), len(e.Mentions))
		var notes []string
		if e.ID != "" {
			notes = append(notes, e.ID)
		}
		if e.Adj > 0 {
			notes = append(notes, plural(e.Adj, "adjectival", "adjectival"))
		}
		if len(notes) > 0 {
			fmt.Fprintf(bw, " (%s)", strings.Join(notes, "; "))
		}
		if e.Type == entities.Date && e.Value != "" && e.Value != e.Name {
			fmt.Fprintf(bw, " = %s", e.Value)
		}
		bw.WriteString("\n")
	}
	if len(d.Relations) > 0 {
		bw.WriteString("\n")
	}
	for i := range d.Relations {
		bw.WriteString(oneLine(d.Relations[i].brief()) + "\n")
	}
	return bw.Flush()
}

// oneLine replaces line breaks and tabs in s by spaces.
func oneLine(s string) string {
	if !strings.ContainsAny(s, "\n\r\t") {
		return s
	}
	return strings.Map(func(r rune) rune {
		switch r {
		case '\n', '\r', '\t':
			return ' '
		}
		return r
	}, s)
}
