package titles

import (
	"slices"
	"strings"
	"testing"
)

// TestTitleFile checks the shipped file: no problem, sorted titles, every
// kind present, and every office title a person title too.
func TestTitleFile(t *testing.T) {
	if err := Err(); err != nil {
		t.Fatal(err)
	}
	var titles []string
	for _, line := range strings.Split(file, "\n") {
		if line != "" && !strings.HasPrefix(line, "#") {
			title, _, _ := strings.Cut(line, "\t")
			titles = append(titles, title)
		}
	}
	if !slices.IsSorted(titles) {
		t.Error("titles.txt is not sorted by title")
	}
	for _, k := range kinds {
		if len(Of(k)) == 0 {
			t.Errorf("no title of kind %s", k)
		}
	}
	// An office's title before a name makes the name a person's: the
	// lists of the two packages may not drift apart again.
	person := Of(Person)
	for _, o := range Of(Office) {
		if !slices.Contains(person, o) && !strings.Contains(o, " ") {
			t.Errorf("office title %q is not a person title", o)
		}
	}
}

// TestParseErrors checks that every malformed line is reported with its
// line number and left out.
func TestParseErrors(t *testing.T) {
	lists, err := parse("# c\nminister\toffice person\nMinister\toffice\nminister\tperson\nenvoy\tboss\nsecretary\n\nleader\trole\n")
	if err == nil {
		t.Fatal("no error")
	}
	for _, want := range []string{":3: title \"Minister\"", ":4: title \"minister\" already on line 2", ":5: title \"envoy\": unknown kind \"boss\"", ":6: want a title"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error lacks %q:\n%v", want, err)
		}
	}
	if got := lists[Office]; !slices.Equal(got, []string{"minister"}) {
		t.Errorf("office titles %v, want [minister]", got)
	}
	if got := lists[Role]; !slices.Equal(got, []string{"leader"}) {
		t.Errorf("role titles %v, want [leader]", got)
	}
}
