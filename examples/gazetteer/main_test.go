package main

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func runArgs(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errb bytes.Buffer
	code = run(args, &out, &errb)
	return code, out.String(), errb.String()
}

func TestStats(t *testing.T) {
	code, out, errs := runArgs(t, "-stats")
	if code != 0 || errs != "" {
		t.Fatalf("exit %d, stderr %q", code, errs)
	}
	lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	var kinds []string
	for _, l := range lines {
		if !regexp.MustCompile(`^[a-z]+ [1-9][0-9]*$`).MatchString(l) {
			t.Errorf("line %q is not KIND COUNT", l)
		}
		kinds = append(kinds, strings.Fields(l)[0])
	}
	if diff := cmp.Diff([]string{"location", "org", "person", "state"}, kinds); diff != "" {
		t.Errorf("kinds (-want +got):\n%s", diff)
	}
}

func TestLookups(t *testing.T) {
	code, out, errs := runArgs(t, "Russia", "Tadjikistan", "the EU", "EU", "Georgian", "Qwertyland")
	if code != 0 || errs != "" {
		t.Fatalf("exit %d, stderr %q", code, errs)
	}
	want := "Russia\tstate/russia\tRussia\tname\t0\n" +
		"Tadjikistan\tstate/tajikistan\tTajikistan\tfuzzy\t1\n" +
		"the EU\t-\n" +
		"EU\torg/eu\tEuropean Union\talias\t0\n" +
		"Georgian\tstate/georgia\tGeorgia\tadjective\t0\n" +
		"Qwertyland\t-\n"
	if diff := cmp.Diff(want, out); diff != "" {
		t.Errorf("output (-want +got):\n%s", diff)
	}
}

func TestUserFile(t *testing.T) {
	dir := t.TempDir()
	good := filepath.Join(dir, "good.jsonl")
	if err := os.WriteFile(good, []byte(`{"id":"state/zedland","name":"Zedland","aliases":["Republic of Zedland"],"status":"partially-recognized"}`+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, errs := runArgs(t, "-gazetteer", good, "republic of zedland")
	if code != 0 || errs != "" {
		t.Fatalf("exit %d, stderr %q", code, errs)
	}
	if want := "republic of zedland\tstate/zedland\tZedland\talias\t0\n"; out != want {
		t.Errorf("output %q, want %q", out, want)
	}

	bad := filepath.Join(dir, "bad.jsonl")
	if err := os.WriteFile(bad, []byte(`{"id":"state/zedland","name":"Zedland","capital":"location/zed-city"}`+"\n"+`{"id":"state/zedland"}`+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, errs = runArgs(t, "-gazetteer", bad, "Russia")
	if code != 1 || out != "" {
		t.Errorf("exit %d, stdout %q; want 1 and nothing", code, out)
	}
	for _, want := range []string{bad + `:1: state/zedland: capital "location/zed-city": no such entry`, bad + ":2: state/zedland: missing name"} {
		if !strings.Contains(errs, want) {
			t.Errorf("stderr %q does not contain %q", errs, want)
		}
	}
}

func TestUsage(t *testing.T) {
	if code, _, errs := runArgs(t); code != 1 || !strings.Contains(errs, "usage:") {
		t.Errorf("no arguments: exit %d, stderr %q", code, errs)
	}
	if code, _, errs := runArgs(t, "-bogus"); code != 1 || errs == "" {
		t.Errorf("bad flag: exit %d, stderr %q", code, errs)
	}
	if code, _, errs := runArgs(t, "-gazetteer", "/no/such/file.jsonl", "Russia"); code != 1 || !strings.Contains(errs, "/no/such/file.jsonl") {
		t.Errorf("missing file: exit %d, stderr %q", code, errs)
	}
}
