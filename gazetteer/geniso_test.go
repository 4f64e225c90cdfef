package gazetteer_test

import (
	"bytes"
	"crypto/sha256"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"strings"
	"testing"

	"github.com/statecraft/statecraft/gazetteer/internal/geniso"
)

// isoCodesSHA256 is the SHA-256 of the iso_3166-1.json from which
// data/states-iso.jsonl was generated (Debian 12's iso-codes 4.15.0-1).
// Regenerating the data from another iso-codes means updating it too.
const isoCodesSHA256 = "f01b812b57fba9f31ff621bf33e7c7570a01964dbeb5be2167e94decf538c89f"

// TestStatesISOUpToDate regenerates data/states-iso.jsonl in memory from the
// installed iso-codes package and checks that the committed file is current:
// that the tables of internal/geniso and the generator give it. It is
// skipped where iso-codes is not installed, and where the installed
// iso_3166-1.json is not the one the data was generated from
// (isoCodesSHA256): another release of iso-codes on the test machine would
// make the test fail by chance, whatever the state of the repository.
func TestStatesISOUpToDate(t *testing.T) {
	raw, err := os.ReadFile(geniso.DefaultInput)
	if errors.Is(err, fs.ErrNotExist) {
		t.Skipf("%s not installed (Debian package iso-codes); cannot check data/states-iso.jsonl", geniso.DefaultInput)
	}
	if err != nil {
		t.Fatal(err)
	}
	if sum := fmt.Sprintf("%x", sha256.Sum256(raw)); sum != isoCodesSHA256 {
		t.Skipf("the installed %s (SHA-256 %s) is not the iso-codes file data/states-iso.jsonl was generated from (%s, iso-codes 4.15.0-1); to adopt it, run `go generate ./gazetteer` and update isoCodesSHA256",
			geniso.DefaultInput, sum, isoCodesSHA256)
	}

	var want bytes.Buffer
	if err := geniso.Generate(bytes.NewReader(raw), &want); err != nil {
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
