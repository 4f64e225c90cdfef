package corpus

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"
)

// TestWritten checks the project's own corpus: 360 documents of the
// project's news-style text, each with an id, a date and valid UTF-8, about
// 0.5 MB in all.
func TestWritten(t *testing.T) {
	docs, err := Written()
	if err != nil {
		t.Fatal(err)
	}
	size := 0
	seen := map[string]bool{}
	for _, d := range docs {
		if d.ID == "" || seen[d.ID] || len(d.Date) != len("2006-01-02") || !utf8.ValidString(d.Text) || len(d.Text) < 500 {
			t.Errorf("document %q: bad id, date %q or text of %d bytes", d.ID, d.Date, len(d.Text))
		}
		seen[d.ID] = true
		size += len(d.Text)
	}
	if len(docs) != 360 || size < 450_000 {
		t.Errorf("%d documents, %d bytes; want 360 and about 0.5 MB", len(docs), size)
	}
}

// TestNews checks that the benchmark corpus is the development data when
// it is there and the written corpus otherwise, and says which.
func TestNews(t *testing.T) {
	docs, name, err := News()
	if err != nil {
		t.Fatal(err)
	}
	_, shared := Shared("conll2003-valid.txt")
	t.Logf("%d documents from %s", len(docs), name)
	switch {
	case shared && (len(docs) != 416 || !strings.HasPrefix(docs[0].ID, "conll2003-valid-") || !strings.HasPrefix(name, "../shared")):
		t.Errorf("with ../shared/dev: %d documents from %s", len(docs), name)
	case !shared && (len(docs) != 360 || !strings.Contains(name, WrittenFile)):
		t.Errorf("without ../shared/dev: %d documents from %s", len(docs), name)
	}
}

// TestLongText checks that LongText takes whole documents up to the size.
func TestLongText(t *testing.T) {
	text, name, err := LongText(70_000)
	if err != nil {
		t.Fatal(err)
	}
	if len(text) < 70_000 || len(text) > 90_000 || name == "" {
		t.Errorf("%d bytes from %q", len(text), name)
	}
}

// TestCoNLLHead checks that CoNLLHead keeps the first documents of a
// CoNLL file whole, with trailing blanks removed.
func TestCoNLLHead(t *testing.T) {
	const in = "-DOCSTART- O \n\nCEC B-ORG \nrejects O\n\n-DOCSTART- O\n\nNino B-PER\n\n-DOCSTART- O\n\nTbilisi B-LOC\n"
	path := filepath.Join(t.TempDir(), "in.txt")
	if err := os.WriteFile(path, []byte(in), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		n    int
		want string
	}{
		{0, ""},
		{1, "-DOCSTART- O\n\nCEC B-ORG\nrejects O\n\n"},
		{2, "-DOCSTART- O\n\nCEC B-ORG\nrejects O\n\n-DOCSTART- O\n\nNino B-PER\n\n"},
		{5, strings.ReplaceAll(in, " \n", "\n")},
	} {
		got, err := CoNLLHead(path, tt.n)
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(tt.want, got); diff != "" {
			t.Errorf("CoNLLHead(%d) mismatch (-want +got):\n%s", tt.n, diff)
		}
	}
	if _, err := CoNLLHead(filepath.Join(t.TempDir(), "missing"), 1); err == nil {
		t.Error("CoNLLHead of a missing file: no error")
	}
}

func TestSharedMissing(t *testing.T) {
	const want = "../shared/dev/conll2003-valid.txt not found: a fresh clone has no development data"
	if got := SharedMissing("conll2003-valid.txt"); got != want {
		t.Errorf("SharedMissing = %q, want %q", got, want)
	}
	if p, ok := Shared("no-such-file.txt"); ok || !strings.HasSuffix(p, filepath.Join("shared", "dev", "no-such-file.txt")) {
		t.Errorf("Shared(no-such-file.txt) = %q, %v", p, ok)
	}
}
