package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/statecraft/statecraft/entities"
	formats "github.com/statecraft/statecraft/format"
)

// TestSizeLimit checks that the CLI surfaces the size limit of package
// entities ([entities.ErrTooLarge]): a document of exactly -max-bytes is
// analysed; one byte more is refused with a message naming the limit and
// -max-bytes, status 1, without reading more than the limit; the default
// limit is 8 MiB; in batch mode an oversized text yields an error object
// in its place and the other lines go on.
func TestSizeLimit(t *testing.T) {
	if entities.DefaultMaxBytes != 8<<20 {
		t.Errorf("DefaultMaxBytes = %d, want 8 MiB", entities.DefaultMaxBytes)
	}
	dir := t.TempDir()
	write := func(name, text string) string {
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		return path
	}
	text := strings.Repeat("Russia recognized Abkhazia. ", 40)[:1000]
	fits := write("fits.txt", text)
	over := write("over.txt", text+"!")

	code, out, errs := runCLI(t, "", "-max-bytes", "1000", "-format", "jsonl", fits)
	if code != 0 || !strings.Contains(out, `"state/abkhazia"`) {
		t.Errorf("a text of exactly -max-bytes: status %d, stderr %q", code, errs)
	}
	code, out, errs = runCLI(t, "", "-max-bytes", "1000", "-format", "jsonl", over, fits)
	if code != 1 || strings.Count(out, "\n") != 1 {
		t.Errorf("one byte over: status %d, %d documents written; want 1 and the other document", code, strings.Count(out, "\n"))
	}
	if want := over + ": entities: text exceeds the size limit: more than 1000 bytes (see -max-bytes)"; !strings.Contains(errs, want) {
		t.Errorf("stderr %q, want %q", errs, want)
	}
	code, _, errs = runCLI(t, text+"!", "-max-bytes", "1000")
	if code != 1 || !strings.Contains(errs, "standard input: entities: text exceeds the size limit") {
		t.Errorf("standard input one byte over: status %d, stderr %q", code, errs)
	}

	// The default: 8 MiB.
	big := write("big.txt", strings.Repeat("a", entities.DefaultMaxBytes+1))
	code, _, errs = runCLI(t, "", big)
	if code != 1 || !strings.Contains(errs, "text exceeds the size limit: more than 8388608 bytes") {
		t.Errorf("8 MiB + 1 byte: status %d, stderr %q", code, errs)
	}

	// Batch mode.
	lines := `{"id":"fits","text":` + jsonString(text) + "}\n" + `{"id":"over","text":` + jsonString(text+"!") + "}\n" + `{"id":"next","text":"NATO."}` + "\n"
	code, out, _ = runCLI(t, lines, "-input", "jsonl", "-max-bytes", "1000")
	got := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	if code != 1 || len(got) != 3 {
		t.Fatalf("batch: status %d, %d lines:\n%s", code, len(got), out)
	}
	for i, want := range []string{"", "entities: text exceeds the size limit: 1001 bytes, limit 1000", ""} {
		var o formats.Output
		if err := json.Unmarshal([]byte(got[i]), &o); err != nil {
			t.Fatal(err)
		}
		if o.Error != want {
			t.Errorf("batch line %d: error %q, want %q", i+1, o.Error, want)
		}
	}
}
