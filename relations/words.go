package relations

import (
	_ "embed"
	"errors"
	"fmt"
	"strings"

	"github.com/statecraft/statecraft/internal/titles"
)

//go:embed data/words.txt
var wordFile string

// wordFileName names the word-list file in errors.
const wordFileName = "data/words.txt"

// wordLists are the lists of data/words.txt by name, and wordErr the
// problems of reading them or of a list the code names that the file
// lacks: relations.New returns it.
var wordLists, wordErr = withTitles(readWords(wordFileName, wordFile))

// titleLists name the lists of the shared title file
// (internal/titles/titles.txt) that the rules read as word lists.
var titleLists = map[string]titles.Kind{
	"titleHeads":      titles.Office,
	"membershipRoles": titles.Member,
	"multiTitles":     titles.Multi,
	"roleNouns":       titles.Role,
}

// withTitles adds to the word lists those of the title file that packages
// entities and relations share (see titleLists), and its problems to err.
func withTitles(lists map[string][]string, err error) (map[string][]string, error) {
	if lists == nil {
		lists = map[string][]string{}
	}
	for name, k := range titleLists {
		if _, dup := lists[name]; dup {
			err = errors.Join(err, fmt.Errorf("%w: %s: list [%s] is the title file's", ErrBadRules, wordFileName, name))
		}
		lists[name] = titles.Of(k)
	}
	if terr := titles.Err(); terr != nil {
		err = errors.Join(err, fmt.Errorf("%w: %w", ErrBadRules, terr))
	}
	return lists, err
}

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
