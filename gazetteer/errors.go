package gazetteer

import (
	"errors"
	"fmt"
	"sort"
	"strings"
)

// Sentinel errors. Every [Error] wraps one of them, so a caller can test
// for a class of problem with [errors.Is] on an [ErrorList] or an [Error].
var (
	ErrRead           = errors.New("gazetteer: cannot read file")                     // a source cannot be opened or read
	ErrMalformed      = errors.New("gazetteer: malformed line")                       // not one JSON object of known fields, or a blank, comment or CRLF line
	ErrLineTooLong    = errors.New("gazetteer: line too long")                        // a line longer than MaxLineLength
	ErrMissingField   = errors.New("gazetteer: missing field")                        // no id, name, role or role's of
	ErrBadID          = errors.New("gazetteer: bad id")                               // an id of unknown kind or with a bad slug
	ErrDuplicateID    = errors.New("gazetteer: duplicate id")                         // an id twice in one source
	ErrUnsorted       = errors.New("gazetteer: lines not sorted by id")               // a line whose id sorts before the previous line's
	ErrBadValue       = errors.New("gazetteer: bad value")                            // an empty name, unknown status or category, bad code, misplaced field
	ErrBadDate        = errBadDate                                                    // a date not YYYY, YYYY-MM or YYYY-MM-DD, or from after to
	ErrConflict       = errors.New("gazetteer: conflicting values")                   // merged lines that give a field two values
	ErrBadReference   = errors.New("gazetteer: bad reference")                        // capital, country or role's of naming no entry, or one of the wrong kind
	ErrSharedName     = errors.New("gazetteer: name shared without ambiguous marker") // two entries of one kind with one name, not both marked ambiguous
	ErrTooManyEntries = errors.New("gazetteer: too many entries")                     // more entries than WithMaxEntries allows
	ErrTooManyErrors  = errors.New("gazetteer: too many errors")                      // the last entry of a list cut at 1000 problems
)

// Error is one problem found while loading gazetteer data, at a line of a
// file. Line is 1-based; 0 means the problem concerns the whole file.
type Error struct {
	File string // the file name given to the loader, e.g. "gazetteer/data/states.jsonl"
	Line int    // 1-based line number, or 0
	Msg  string // what is wrong, e.g. `duplicate id "state/russia" (first on line 3)`
	Err  error  // the sentinel that classifies the problem, e.g. [ErrDuplicateID]

	src int // index of the source, for sorting in load order
}

// Error formats the problem as "file:line: msg" (or "file: msg" when Line
// is 0).
func (e *Error) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("%s:%d: %s", e.File, e.Line, e.Msg)
	}
	return fmt.Sprintf("%s: %s", e.File, e.Msg)
}

// Unwrap returns the sentinel error that classifies e.
func (e *Error) Unwrap() error { return e.Err }

// ErrorList is the list of every problem found while loading, in the order
// of the sources given to [New] and of their lines. It is the error that
// [New] returns when any source is broken; a nil or empty ErrorList means
// no problem. The list is capped at 1000 problems; a final
// [ErrTooManyErrors] entry then says that loading stopped.
type ErrorList []*Error

// Error returns every problem, one per line.
func (l ErrorList) Error() string {
	switch len(l) {
	case 0:
		return "no errors"
	case 1:
		return l[0].Error()
	}
	var b strings.Builder
	fmt.Fprintf(&b, "gazetteer: %d problems:", len(l))
	for _, e := range l {
		b.WriteString("\n")
		b.WriteString(e.Error())
	}
	return b.String()
}

// Unwrap returns the problems, so that [errors.Is] and [errors.As] look at
// each of them.
func (l ErrorList) Unwrap() []error {
	out := make([]error, len(l))
	for i, e := range l {
		out[i] = e
	}
	return out
}

// Err returns l as an error, or nil when l is empty.
func (l ErrorList) Err() error {
	if len(l) == 0 {
		return nil
	}
	return l
}

// sortBySource orders l by source, then line, keeping the order of
// problems found on the same line.
func (l ErrorList) sortBySource() {
	sort.SliceStable(l, func(i, j int) bool {
		if l[i].src != l[j].src {
			return l[i].src < l[j].src
		}
		return l[i].Line < l[j].Line
	})
}
