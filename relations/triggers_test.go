package relations

import (
	"errors"
	"strings"
	"testing"
)

// TestTriggerFile checks that the built-in trigger file reads without
// error and with its flags, and that a broken one gives every problem as
// file:line: reason.
func TestTriggerFile(t *testing.T) {
	ts, err := builtinTriggers()
	if err != nil {
		t.Fatal(err)
	}
	if len(ts) < 150 {
		t.Errorf("only %d built-in triggers", len(ts))
	}
	want := builtinTrigger{t: MemberOf, phrase: "admit", inverse: true, class: verbOnly}
	found := false
	for _, b := range ts {
		found = found || b == want
	}
	if !found {
		t.Errorf("no %+v among the built-in triggers", want)
	}
	_, err = readTriggers("t.txt", "# comment\nmember-of join (verb)\nofficial-of president\nbefriends hug\nopposes (verb)\nopposes slam (loud)\nopposes blast (verb\n")
	if !errors.Is(err, ErrBadRules) {
		t.Fatalf("err = %v, want ErrBadRules", err)
	}
	for _, w := range []string{`t.txt:3: unknown relation type "official-of"`, `t.txt:4: unknown relation type "befriends"`, "t.txt:5: a trigger without a phrase", `t.txt:6: unknown flag "loud"`, "t.txt:7: flags without a closing parenthesis"} {
		if !strings.Contains(err.Error(), w) {
			t.Errorf("error lacks %q:\n%v", w, err)
		}
	}
}

// TestWordFile checks that the word-list file reads without error, that
// every list it holds is used by the code and none is empty, and that a
// broken file gives every problem as file:line: reason.
func TestWordFile(t *testing.T) {
	if wordErr != nil {
		t.Fatal(wordErr)
	}
	for name, ws := range wordLists {
		if !wordsRead[name] {
			t.Errorf("list [%s] is not used", name)
		}
		if len(ws) == 0 {
			t.Errorf("list [%s] is empty", name)
		}
	}
	if len(wordLists) < 60 {
		t.Errorf("only %d lists", len(wordLists))
	}
	_, err := readWords("w.txt", "stray\n[a]\nx\n[a]\n[]\n")
	if !errors.Is(err, ErrBadRules) {
		t.Fatalf("err = %v, want ErrBadRules", err)
	}
	for _, w := range []string{"w.txt:1: a word before the first [list]", `w.txt:4: list "a" defined twice`, `w.txt:5: list "" defined twice or without a name`} {
		if !strings.Contains(err.Error(), w) {
			t.Errorf("error lacks %q:\n%v", w, err)
		}
	}
}
