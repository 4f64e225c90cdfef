package gazetteer_test

import (
	"bytes"
	"errors"
	"io/fs"
	"os"
	"strings"
	"testing"

	"github.com/statecraft/statecraft/gazetteer/internal/geniso"
)

// TestStatesISOUpToDate regenerates data/states-iso.jsonl in memory from the
// installed iso-codes package and checks that the committed file is current.
// It is skipped where iso-codes is not installed.
func TestStatesISOUpToDate(t *testing.T) {
	in, err := os.Open(geniso.DefaultInput)
	if errors.Is(err, fs.ErrNotExist) {
		t.Skipf("%s not installed (Debian package iso-codes); cannot check data/states-iso.jsonl", geniso.DefaultInput)
	}
	if err != nil {
		t.Fatal(err)
	}
	defer in.Close()

	var want bytes.Buffer
	if err := geniso.Generate(in, &want); err != nil {
		t.Fatalf("generating from %s: %v", geniso.DefaultInput, err)
	}
	got, err := os.ReadFile("data/states-iso.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	if bytes.Equal(got, want.Bytes()) {
		return
	}
	gl := strings.Split(string(got), "\n")
	wl := strings.Split(want.String(), "\n")
	for i := 0; i < len(gl) || i < len(wl); i++ {
		var g, w string
		if i < len(gl) {
			g = gl[i]
		}
		if i < len(wl) {
			w = wl[i]
		}
		if g != w {
			t.Fatalf("data/states-iso.jsonl is stale; run `go generate ./gazetteer` and commit it.\nfirst difference at line %d:\ncommitted: %s\ngenerated: %s", i+1, g, w)
		}
	}
}
