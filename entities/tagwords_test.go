package entities

import (
	"context"
	"errors"
	"fmt"
	"reflect"
	"strings"
	"testing"
)

// TestTagWords checks that TagWords tags pre-split words as Tag tags the
// same words when the tokenizer splits them the same way, keeps the
// offsets exact, and refuses what it must.
func TestTagWords(t *testing.T) {
	e, err := New(WithParse(ParseAll))
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	text := "The Kremlin said on Monday that Russia would not recognise the vote ."
	want, err := e.Tag(ctx, text)
	if err != nil {
		t.Fatal(err)
	}
	got, err := e.TagWords(ctx, strings.Fields(text))
	if err != nil {
		t.Fatal(err)
	}
	if got.Text != text || len(got.Tokens) != len(want.Tokens) || len(got.Sentences) != 1 {
		t.Fatalf("TagWords: text %q, %d tokens, %d sentences", got.Text, len(got.Tokens), len(got.Sentences))
	}
	for i, tok := range got.Tokens {
		w := want.Tokens[i]
		if tok.Text != w.Text || tok.Start != w.Start || tok.End != w.End || tok.Tag != w.Tag || tok.Label != w.Label {
			t.Errorf("token %d: %+v, Tag gives %+v", i, tok, w)
		}
		if tok.Dep == "" || tok.Head < -1 || tok.Head >= len(got.Tokens) {
			t.Errorf("token %d: not parsed: head %d, dep %q", i, tok.Head, tok.Dep)
		}
	}

	spaced, err := e.TagWords(ctx, []string{"in", "New York"})
	if err != nil {
		t.Fatal(err)
	}
	if tok := spaced.Tokens[1]; spaced.Text[tok.Start:tok.End] != "New York" || tok.Text != "New York" {
		t.Errorf("word with a space: %+v", tok)
	}
	if d, err := e.TagWords(ctx, nil); err != nil || len(d.Tokens) != 0 || len(d.Sentences) != 0 {
		t.Errorf("no words: %v, %+v", err, d)
	}
	if _, err := e.TagWords(ctx, []string{"a", ""}); err == nil {
		t.Error("an empty word was accepted")
	}
	small, err := New(WithMaxBytes(5))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := small.TagWords(ctx, []string{"abc", "def"}); !errors.Is(err, ErrTooLarge) {
		t.Errorf("7 bytes over a limit of 5: %v", err)
	}
	cancelled, cancel := context.WithCancel(ctx)
	cancel()
	if _, err := e.TagWords(cancelled, []string{"a"}); !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled context: %v", err)
	}
	//lint:ignore SA1012 the nil context is what is tested
	if _, err := e.TagWords(nil, []string{"a"}); !errors.Is(err, ErrNilContext) {
		t.Errorf("nil context: %v", err)
	}
}

// TestTagCacheGrows checks the word cache against newTagWord while it
// grows: more distinct words than its largest size, twice each, and that
// it grew to tagCacheMaxSlots.
func TestTagCacheGrows(t *testing.T) {
	tg, err := sharedTagger()
	if err != nil {
		t.Fatal(err)
	}
	var s tagScratch
	var got tagWord
	words := []string{"the", "The", "Russia", "said", "x", strings.Repeat("y", tagWordMax), strings.Repeat("z", tagWordMax+1)}
	for i := range 2 * tagCacheMaxSlots {
		words = append(words, fmt.Sprintf("w%dq", i))
	}
	for round := range 2 {
		for i, w := range words {
			tg.word(&s, w, &got)
			if round == 1 && i%97 != 0 {
				continue // the comparison is slow: a sample the second time
			}
			if want := tg.newTagWord(w); !reflect.DeepEqual(got, want) {
				t.Fatalf("word(%q) = %+v, want %+v", w, got, want)
			}
		}
	}
	if n := len(s.cache.slots); n != tagCacheMaxSlots {
		t.Errorf("the cache has %d slots, want %d", n, tagCacheMaxSlots)
	}
}
