package depparse

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

// TestModelUpToDate retrains the model from UD English EWT and compares
// the bytes with data/parser.model. Training takes several minutes on one
// core, so the test runs only with STATECRAFT_RETRAIN=1, and needs the
// treebank in ../shared/dev/ud-english-ewt beside the module root.
func TestModelUpToDate(t *testing.T) {
	if testing.Short() {
		t.Skip("trains the model (minutes); skipped under -short")
	}
	if os.Getenv("STATECRAFT_RETRAIN") != "1" {
		t.Skip("trains the model (minutes on one core); set STATECRAFT_RETRAIN=1 to run")
	}
	ud := filepath.Join("..", "..", "..", "..", "shared", "dev", "ud-english-ewt")
	if _, err := os.Stat(filepath.Join(ud, "en_ewt-ud-train.conllu")); err != nil {
		t.Skip("no ../shared/dev/ud-english-ewt beside the module: the treebank is not here")
	}
	out := filepath.Join(t.TempDir(), "parser.model")
	cmd := exec.Command("go", "run", "./cmd/deptrain", "-ud", ud, "-dev=false", "-o", out)
	if b, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("deptrain: %v\n%s", err, b)
	}
	got, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	want, err := os.ReadFile(filepath.Join("data", "parser.model"))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("the embedded model (%d bytes) is not what its data give (%d bytes): run go generate ./entities/internal/depparse", len(want), len(got))
	}
}
