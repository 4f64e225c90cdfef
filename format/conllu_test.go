package format

import (
	"bytes"
	"strconv"
	"strings"
	"testing"

	"github.com/statecraft/statecraft/entities"
)

// TestWriteCoNLLU checks the CoNLL-U form of a small parsed document,
// column by column, including an unparsed sentence and a mention that
// covers part of a token.
func TestWriteCoNLLU(t *testing.T) {
	text := "Russia recognized Abkhazia.\nMoscow-led talks"
	d := &Doc{ID: "doc\t1", Text: text,
		Tokens: []entities.Token{
			{Text: "Russia", Start: 0, End: 6, Tag: "NNP", Head: 1, Dep: "nsubj"},
			{Text: "recognized", Start: 7, End: 17, Tag: "VBD", Head: -1, Dep: "root"},
			{Text: "Abkhazia", Start: 18, End: 26, Tag: "NNP", Head: 1, Dep: "obj"},
			{Text: ".", Start: 26, End: 27, Tag: ".", Head: 1, Dep: "punct"},
			{Text: "Moscow-led", Start: 28, End: 38, Tag: "JJ"},
			{Text: "talks", Start: 39, End: 44, Tag: "NNS"},
		},
		Sentences: []entities.Sentence{{Start: 0, End: 27, TokenStart: 0, TokenEnd: 4}, {Start: 28, End: 44, TokenStart: 4, TokenEnd: 6}},
		Entities: []entities.Mention{
			{Type: entities.State, Text: "Russia", Start: 0, End: 6},
			{Type: entities.State, Text: "Abkhazia", Start: 18, End: 26},
			{Type: entities.Location, Text: "Moscow", Start: 28, End: 34},
		},
	}
	var b bytes.Buffer
	if err := WriteCoNLLU(&b, d); err != nil {
		t.Fatal(err)
	}
	want := "# newdoc id = doc 1\n# sent_id = 1\n# text = Russia recognized Abkhazia.\n" +
		"1\tRussia\t_\tPROPN\tNNP\t_\t2\tnsubj\t_\tStart=0|End=6|Entity=B-STATE\n" +
		"2\trecognized\t_\tVERB\tVBD\t_\t0\troot\t_\tStart=7|End=17\n" +
		"3\tAbkhazia\t_\tPROPN\tNNP\t_\t2\tobj\t_\tStart=18|End=26|Entity=B-STATE|SpaceAfter=No\n" +
		"4\t.\t_\tPUNCT\t.\t_\t2\tpunct\t_\tStart=26|End=27|SpacesAfter=\\n\n\n" +
		"# sent_id = 2\n# text = Moscow-led talks\n" +
		"1\tMoscow-led\t_\tADJ\tJJ\t_\t_\t_\t_\tStart=28|End=38|Entity=B-LOCATION\n" +
		"2\ttalks\t_\tNOUN\tNNS\t_\t_\t_\t_\tStart=39|End=44\n\n"
	if got := b.String(); got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}

// TestCoNLLUNewdoc checks that the document's id is written once, before
// the first sentence written, even when the first sentence is skipped.
func TestCoNLLUNewdoc(t *testing.T) {
	d := &Doc{ID: "d", Text: "a b",
		Tokens:    []entities.Token{{Text: "a", Start: 0, End: 1}, {Text: "b", Start: 2, End: 3}},
		Sentences: []entities.Sentence{{Start: 0, End: 0, TokenStart: 0, TokenEnd: 0}, {Start: 0, End: 3, TokenStart: 0, TokenEnd: 2}, {Start: 0, End: 3, TokenStart: 0, TokenEnd: 2}},
	}
	var b bytes.Buffer
	if err := WriteCoNLLU(&b, d); err != nil {
		t.Fatal(err)
	}
	if got := strings.Count(b.String(), "# newdoc id = d\n"); got != 1 || !strings.HasPrefix(b.String(), "# newdoc") {
		t.Errorf("%d newdoc lines in\n%s", got, b.String())
	}
}

// TestCoNLLUSeed checks the CoNLL-U of the seed article as the pipeline
// analyses it: ten columns on every token line, the FORM at the offsets
// in MISC, and in every parsed sentence one root and heads inside the
// sentence that lead to it.
func TestCoNLLUSeed(t *testing.T) {
	d := seedDoc(t)
	var b bytes.Buffer
	if err := WriteCoNLLU(&b, d); err != nil {
		t.Fatal(err)
	}
	parsed := 0
	var rebuilt strings.Builder // FORMs and what MISC says follows each
	unescape := strings.NewReplacer(`\s`, " ", `\t`, "\t", `\n`, "\n", `\r`, "\r", `\p`, "|", `\\`, `\`)
	for _, block := range strings.Split(strings.TrimSuffix(b.String(), "\n\n"), "\n\n") {
		var heads []int
		for _, line := range strings.Split(block, "\n") {
			if strings.HasPrefix(line, "#") {
				continue
			}
			f := strings.Split(line, "\t")
			if len(f) != 10 {
				t.Fatalf("%d columns: %q", len(f), line)
			}
			var start, end int
			after := " "
			for _, kv := range strings.Split(f[9], "|") {
				k, v, _ := strings.Cut(kv, "=")
				n, _ := strconv.Atoi(v)
				switch k {
				case "Start":
					start = n
				case "End":
					end = n
				case "SpaceAfter":
					after = ""
				case "SpacesAfter":
					after = unescape.Replace(v)
				}
			}
			rebuilt.WriteString(d.Text[start:end] + after)
			if conllToken(d.Text[start:end]) != f[1] {
				t.Errorf("FORM %q, text at %d:%d %q", f[1], start, end, d.Text[start:end])
			}
			h := -1
			if f[6] != "_" {
				h, _ = strconv.Atoi(f[6])
			}
			heads = append(heads, h)
		}
		if heads[0] < 0 {
			continue // not parsed
		}
		parsed++
		roots := 0
		for i, h := range heads {
			if h == 0 {
				roots++
			}
			// Follow the heads to the root within len(heads) steps.
			j, steps := i+1, 0
			for j != 0 && steps <= len(heads) {
				if j < 1 || j > len(heads) || heads[j-1] < 0 {
					t.Fatalf("token %d: head chain leaves the sentence", i+1)
				}
				j, steps = heads[j-1], steps+1
			}
			if j != 0 {
				t.Fatalf("token %d: head chain does not reach the root", i+1)
			}
		}
		if roots != 1 {
			t.Errorf("a sentence with %d roots", roots)
		}
	}
	if parsed < 10 {
		t.Errorf("%d parsed sentences in the seed article", parsed)
	}
	// The tokens and what separates them give the text back, from the
	// first token on (the last token's gap runs to the end of the text).
	if want := d.Text[d.Tokens[0].Start:]; strings.TrimSuffix(rebuilt.String(), " ") != want {
		t.Errorf("FORM and MISC do not rebuild the text: %d bytes, want %d", len(rebuilt.String()), len(want))
	}
}
