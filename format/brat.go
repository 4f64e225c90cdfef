package format

import (
	"bufio"
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"

	"github.com/statecraft/statecraft/entities"
)

// Symmetric relation types of statecraft's taxonomy: written with parties,
// and as pairs in brat.
var symmetricTypes = map[string]bool{"treaty-between": true, "allied-with": true, "met-with": true}

// relationTypes is statecraft's relation taxonomy (docs/contract.md), in the
// order of the brat configuration.
var relationTypes = []string{"member-of", "observer-of", "seeks-membership", "recognized-by", "treaty-between", "allied-with", "official-of", "met-with", "opposes", "attacked"}

// BratRelationName returns the brat name of a relation type: brat names
// cannot contain '-', so "member-of" is "member_of".
func BratRelationName(typ string) string { return strings.ReplaceAll(typ, "-", "_") }

// WriteBrat writes the brat standoff annotations (.ann) of d. The text
// itself goes, unchanged, into the .txt file of the same name; brat counts
// offsets in Unicode code points of that text, and so does WriteBrat.
//
// Mention i of d is T(i+1), so T numbers follow the JSON entity list:
//
//	T1	STATE 553 559	Russia
//	#1	AnnotatorNotes T1	id=state/russia; name=Russia; source=gazetteer
//	A1	Adjectival T14
//
// A mention whose text spans a line break is written as one fragment per
// line ("start end;start end"), as brat requires. The note holds the
// gazetteer id, the canonical name, a DATE's value and modifier and the
// source, as "key=value" pairs separated by "; ". Binary attributes:
// Adjectival, Metonymy and (for gold data) Optional.
//
// Relations are R lines named by [BratRelationName], with a note that
// holds the relation's index in the JSON relation list, its modality,
// time, trigger text and attributes ("attr.role=ambassador"); modality is
// a note rather than an A line because brat attaches attributes to
// entities and events only:
//
//	R1	member_of Arg1:T21 Arg2:T19
//	#80	AnnotatorNotes R1	relation=3; modality=asserted; trigger=includes
//
// A symmetric relation (parties) is written as one R line per unordered
// pair of parties, Arg1 the earlier party, every pair with the same note;
// brat shows each pair, scores count pairs, and [ReadBrat] merges the
// pairs of one relation index back into one relation with all parties.
// (brat's "*" equivalence lines were not used: they have no id, so they
// cannot carry the modality.) A relation whose argument is not a mention
// of d is left out.
func WriteBrat(w io.Writer, d *Doc) error {
	bw := bufio.NewWriter(w)
	rc := runeCounter{text: d.Text}
	attr, note := 0, 0
	for i := range d.Entities {
		m := &d.Entities[i]
		frags, text := bratFragments(d.Text, m.Start, m.End, &rc)
		fmt.Fprintf(bw, "T%d\t%s %s\t%s\n", i+1, bratName(string(m.Type)), frags, text)
		for _, a := range []struct {
			name string
			on   bool
		}{{"Adjectival", m.Adjectival}, {"Metonymy", m.Metonymy}, {"Optional", i < len(d.OptionalEntities) && d.OptionalEntities[i]}} {
			if a.on {
				attr++
				fmt.Fprintf(bw, "A%d\t%s T%d\n", attr, a.name, i+1)
			}
		}
		var kv []string
		for _, f := range [][2]string{{"id", m.ID}, {"name", m.Name}, {"value", m.Value}, {"mod", m.Mod}, {"source", string(m.Source)}} {
			if f[1] != "" {
				kv = append(kv, f[0]+"="+noteValue(f[1]))
			}
		}
		if len(kv) > 0 {
			note++
			fmt.Fprintf(bw, "#%d\tAnnotatorNotes T%d\t%s\n", note, i+1, strings.Join(kv, "; "))
		}
	}
	rel := 0
	for k := range d.Relations {
		r := &d.Relations[k]
		args := r.Args()
		ok := len(args) >= 2
		for _, a := range args {
			ok = ok && a.Entity >= 0 && a.Entity < len(d.Entities)
		}
		if !ok {
			continue
		}
		kv := []string{"relation=" + strconv.Itoa(k), "modality=" + noteValue(r.Modality)}
		if r.Time != "" {
			kv = append(kv, "time="+noteValue(r.Time))
		}
		if r.Trigger.Text != "" {
			kv = append(kv, "trigger="+noteValue(r.Trigger.Text))
		}
		if k < len(d.OptionalRelations) && d.OptionalRelations[k] {
			kv = append(kv, "optional=true")
		}
		for _, a := range strings.Split(attrString(r.Attrs, "\x00"), "\x00") {
			if a != "" {
				kv = append(kv, "attr."+noteValue(a))
			}
		}
		name := BratRelationName(r.Type)
		emit := func(a, b Arg) {
			rel++
			note++
			fmt.Fprintf(bw, "R%d\t%s Arg1:T%d Arg2:T%d\n", rel, name, a.Entity+1, b.Entity+1)
			fmt.Fprintf(bw, "#%d\tAnnotatorNotes R%d\t%s\n", note, rel, strings.Join(kv, "; "))
		}
		if !r.Symmetric() {
			emit(args[0], args[1])
			continue
		}
		for i := range args {
			for j := i + 1; j < len(args); j++ {
				if args[i].Entity != args[j].Entity {
					emit(args[i], args[j])
				}
			}
		}
	}
	return bw.Flush()
}

// bratName makes s usable as a brat type name: no whitespace.
func bratName(s string) string {
	if s == "" {
		return "ENTITY"
	}
	return strings.Join(strings.Fields(s), "_")
}

// noteValue makes s safe inside a note: no line breaks or tabs, and no
// "; " (the pair separator).
func noteValue(s string) string {
	return strings.ReplaceAll(oneLine(s), "; ", ", ")
}

// bratFragments returns the "start end[;start end...]" field of the byte
// span [start, end) of text, in code points, cut at line breaks, and the
// fragments' texts joined by spaces.
func bratFragments(text string, start, end int, rc *runeCounter) (string, string) {
	start = max(0, min(start, len(text)))
	end = max(start, min(end, len(text)))
	var offs, texts []string
	s := start
	for s <= end {
		e := s
		for e < end && text[e] != '\n' && text[e] != '\r' {
			e++
		}
		if e > s || len(offs) == 0 && e == end {
			offs = append(offs, fmt.Sprintf("%d %d", rc.runes(s), rc.runes(e)))
			texts = append(texts, text[s:e])
		}
		if e >= end {
			break
		}
		s = e + 1
	}
	return strings.Join(offs, ";"), strings.Join(texts, " ")
}

// BratAnnotationConf returns a brat annotation.conf that declares
// statecraft's entity types, its relation taxonomy and the attributes of
// [WriteBrat], plus the entity and relation types given (those the
// documents use), so that brat displays the files without complaint.
func BratAnnotationConf(entityTypes, relTypes []string) string {
	types := map[string]bool{}
	for _, t := range typeOrder {
		types[string(t)] = true
	}
	for _, t := range entityTypes {
		types[bratName(t)] = true
	}
	rels := map[string]bool{}
	for _, t := range relationTypes {
		rels[t] = true
	}
	for _, t := range relTypes {
		rels[t] = true
	}
	var b strings.Builder
	b.WriteString("# brat configuration for statecraft output (examples/extract -format brat)\n[entities]\n")
	for _, t := range sortedKeys(types, func(a, b string) bool {
		ra, rb := typeRank(entities.Type(a)), typeRank(entities.Type(b))
		if ra != rb {
			return ra < rb
		}
		return a < b
	}) {
		b.WriteString(t + "\n")
	}
	b.WriteString("\n[relations]\n")
	for _, t := range sortedKeys(rels, func(a, b string) bool { return relRank(a) < relRank(b) || relRank(a) == relRank(b) && a < b }) {
		line := BratRelationName(t) + "\tArg1:<ENTITY>, Arg2:<ENTITY>"
		if symmetricTypes[t] {
			line += ", <REL-TYPE>:symmetric"
		}
		b.WriteString(line + "\n")
	}
	b.WriteString("\n[events]\n\n[attributes]\nAdjectival\tArg:<ENTITY>\nMetonymy\tArg:<ENTITY>\nOptional\tArg:<ENTITY>\n")
	return b.String()
}

// BratVisualConf is a brat visual.conf with the colours of the HTML view.
const BratVisualConf = `# brat visual configuration for statecraft output
[labels]
PERSON | Person
STATE | State
ORG | Organisation | Org
LOCATION | Location | Loc
DATE | Date

[drawing]
PERSON	bgColor:#aa9cfc
STATE	bgColor:#feca74
ORG	bgColor:#7aecec
LOCATION	bgColor:#ff9561
DATE	bgColor:#bfe1d9
SPAN_DEFAULT	fgColor:black, bgColor:lightgreen, borderColor:darken
ARC_DEFAULT	color:black, arrowHead:triangle-5
ATTRIBUTE_DEFAULT	glyph:*
`

// relRank is the position of a relation type in the taxonomy.
func relRank(t string) int {
	for i, x := range relationTypes {
		if x == t {
			return i
		}
	}
	return len(relationTypes)
}

// sortedKeys returns the keys of m sorted by less.
func sortedKeys(m map[string]bool, less func(a, b string) bool) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool { return less(keys[i], keys[j]) })
	return keys
}
