package main

import (
	"context"
	"html"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	formats "github.com/statecraft/statecraft/format"
)

// chromium returns the path of a Chromium binary, or skips the test.
func chromium(t *testing.T) string {
	t.Helper()
	for _, name := range []string{"/usr/bin/chromium", "chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	t.Skip("no Chromium found (/usr/bin/chromium): install Debian's chromium package (apt-get install -y chromium) to run the HTML browser test")
	return ""
}

// headless runs Chromium headless, offline and without a profile, on the
// page with the extra arguments, and returns its standard output.
func headless(t *testing.T, bin, page string, extra ...string) string {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	args := append([]string{"--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
		"--disable-background-networking", "--disable-component-update", "--disable-sync",
		"--disable-dev-shm-usage", "--hide-scrollbars", "--user-data-dir=" + t.TempDir()}, extra...)
	args = append(args, "file://"+page)
	cmd := exec.CommandContext(ctx, bin, args...)
	var stderr strings.Builder
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("%s: %v\n%s", bin, err, stderr.String())
	}
	return string(out)
}

var markRE = regexp.MustCompile(`<mark class="ent" data-type="([A-Z]+)" data-m="(\d+)"`)

// TestHTMLInBrowser loads the seed's page in headless Chromium: the DOM
// that the browser built has one <mark data-type> per JSON entity, with
// that entity's type, in order; selecting a relation through the URL
// highlights its evidence and arguments; showing a sentence's parse
// through the URL draws one arc per word; and a screenshot is saved under
// the test's temp dir and copied to /tmp/statecraft-seed.png.
func TestHTMLInBrowser(t *testing.T) {
	bin := chromium(t)
	dir := t.TempDir()
	code, page, errs := runCLI(t, "", "-format", "html", seedPath)
	if code != 0 {
		t.Fatalf("status %d: %s", code, errs)
	}
	_, js, _ := runCLI(t, "", "-format", "json", seedPath)
	outs, err := formats.ReadJSON(strings.NewReader(js))
	if err != nil || len(outs) != 1 {
		t.Fatalf("JSON: %v", err)
	}
	ents := outs[0].Entities
	path := filepath.Join(dir, "seed.html")
	if err := os.WriteFile(path, []byte(page), 0o644); err != nil {
		t.Fatal(err)
	}

	dom := headless(t, bin, path, "--dump-dom")
	marks := markRE.FindAllStringSubmatch(dom, -1)
	if len(marks) != len(ents) {
		t.Fatalf("the browser's DOM has %d mentions, the JSON %d entities", len(marks), len(ents))
	}
	for i, m := range marks {
		if m[1] != string(ents[i].Type) || m[2] != strconv.Itoa(i) {
			t.Errorf("mark %d: type %s index %s, want %s %d", i, m[1], m[2], ents[i].Type, i)
		}
	}
	if !strings.Contains(dom, `class="legend"`) || strings.Count(dom, `data-legend=`) < 5 {
		t.Error("no colour legend with the five types")
	}

	// Select a relation (or, without relations, an entity) through the URL.
	if len(outs[0].Relations) > 0 {
		r := outs[0].Relations[0]
		sel := headless(t, bin, path+"#doc-1.r0", "--dump-dom")
		if r.Evidence.End > r.Evidence.Start && !strings.Contains(sel, `class="seg ev"`) && !strings.Contains(sel, `class="seg ev trig"`) {
			t.Error("selecting relation 0 highlights no evidence")
		}
		if !strings.Contains(sel, `class="ent arg"`) {
			t.Error("selecting relation 0 marks no argument")
		}
		if !strings.Contains(sel, `data-r="0" `) || !regexp.MustCompile(`data-r="0"[^>]*aria-pressed="true"`).MatchString(sel) {
			t.Error("relation 0 is not shown as selected")
		}
	} else {
		sel := headless(t, bin, path+"#doc-1.g0", "--dump-dom")
		if !strings.Contains(sel, `class="ent hl"`) {
			t.Error("selecting entity 0 highlights no mention")
		}
	}

	// Show a sentence's parse through the URL: the figure holds one arc
	// per token (the root's is a vertical line) and the sentence's words,
	// as the CoNLL-U output has them (sentences 1 and 4 have curly quotes,
	// which UTF-8 byte offsets must not shift).
	_, conllu, _ := runCLI(t, "", "-format", "conllu", seedPath)
	blocks := strings.Split(strings.TrimSpace(conllu), "\n\n")
	wordRE := regexp.MustCompile(`<text [^>]*class="w"[^>]*>([^<]*)</text>`)
	for _, k := range []int{0, 1, 4} {
		var forms []string
		for _, line := range strings.Split(blocks[k], "\n") {
			if line != "" && !strings.HasPrefix(line, "#") {
				forms = append(forms, strings.Split(line, "\t")[1])
			}
		}
		parse := headless(t, bin, path+"#doc-1.s"+strconv.Itoa(k), "--dump-dom")
		fig := regexp.MustCompile(`(?s)<figure class="parse"[^>]*>.*?</figure>`).FindString(parse)
		if fig == "" || strings.Contains(fig[:strings.Index(fig, ">")], "hidden") || strings.Count(fig, `class="arc"`) != len(forms) || len(forms) == 0 {
			t.Errorf("the parse of sentence %d: %d arcs for %d words; figure %.200q", k, strings.Count(fig, `class="arc"`), len(forms), fig)
			continue
		}
		var words []string
		for _, m := range wordRE.FindAllStringSubmatch(fig, -1) {
			words = append(words, html.UnescapeString(m[1]))
		}
		if strings.Join(words, " ") != strings.Join(forms, " ") {
			t.Errorf("the parse of sentence %d shows the words\n%q\nwant\n%q", k, words, forms)
		}
	}

	shot := filepath.Join(dir, "seed.png")
	headless(t, bin, path, "--screenshot="+shot, "--window-size=1280,2000")
	png, err := os.ReadFile(shot)
	if err != nil {
		t.Fatal(err)
	}
	if len(png) < 10000 || string(png[1:4]) != "PNG" {
		t.Fatalf("screenshot %s is not a PNG image of a page (%d bytes)", shot, len(png))
	}
	if err := os.WriteFile("/tmp/statecraft-seed.png", png, 0o644); err != nil {
		t.Logf("copying the screenshot: %v", err)
	}
	t.Logf("screenshot: %s (copied to /tmp/statecraft-seed.png)", shot)
}
