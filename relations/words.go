package relations

import (
	_ "embed"
	"errors"
	"fmt"
	"strings"
)

//go:embed data/words.txt
var wordFile string

// wordFileName names the word-list file in errors.
const wordFileName = "data/words.txt"

// wordLists are the lists of data/words.txt by name, and wordErr the
// problems of reading them or of a list the code names that the file
// lacks: relations.New returns it.
var wordLists, wordErr = readWords(wordFileName, wordFile)

// wordsRead are the names of the lists the code read (for the test that
// every list of the file is used). It is written only while the package's
// variables are initialised.
var wordsRead = map[string]bool{}

// words returns the word list name of data/words.txt, recording in wordErr
// a list that is missing.
func words(name string) []string {
	wordsRead[name] = true
	ws, ok := wordLists[name]
	if !ok {
		wordErr = errors.Join(wordErr, fmt.Errorf("%w: %s: no list [%s]", ErrBadRules, wordFileName, name))
	}
	return ws
}

// readWords reads a word-list file: "[name]" lines open a list, every
// other non-empty line not starting with "#" is one word or phrase of the
// open list. Every problem is reported as "name:line: reason".
func readWords(file, text string) (map[string][]string, error) {
	lists := map[string][]string{}
	var errs []string
	cur := ""
	for i, line := range strings.Split(text, "\n") {
		line = strings.TrimSpace(line)
		switch {
		case line == "" || strings.HasPrefix(line, "#"):
		case strings.HasPrefix(line, "[") && strings.HasSuffix(line, "]"):
			cur = line[1 : len(line)-1]
			if _, dup := lists[cur]; dup || cur == "" {
				errs = append(errs, fmt.Sprintf("%s:%d: list %q defined twice or without a name", file, i+1, cur))
			}
			lists[cur] = []string{}
		case cur == "":
			errs = append(errs, fmt.Sprintf("%s:%d: a word before the first [list]", file, i+1))
		default:
			lists[cur] = append(lists[cur], line)
		}
	}
	if len(errs) > 0 {
		return lists, fmt.Errorf("%w:\n%s", ErrBadRules, strings.Join(errs, "\n"))
	}
	return lists, nil
}
