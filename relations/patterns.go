package relations

import (
	"bufio"
	"context"
	_ "embed"
	"errors"
	"fmt"
	"io"
	"maps"
	"os"
	"slices"
	"strings"

	"github.com/statecraft/statecraft/entities"
)

// Pattern rules: relations written as data, one rule per block of a
// line-oriented file, each with the sentences it must and must not match
// (see the package documentation, "Patterns", and data/patterns.txt for
// the built-in ones). A rule names a relation type and a token pattern
// whose captures are the relation's arguments:
//
//	rule recognized-by/passive
//	type: recognized-by
//	match: {STATE}=subject $be !~recognize as? independent|sovereign? by the? {STATE ORG}=object
//	example: Abkhazia was recognized as independent by Russia. => recognized-by asserted Abkhazia -> Russia
//	counter: Abkhazia was recognized for its wines by the jury.
//
// The elements of a pattern, separated by spaces:
//
//	word         a token whose lower-case form is word
//	~word        a form of word ("~recognize" matches "recognised")
//	a|~b|c       any of the words or forms
//	$list        a word of a list the file defines ("list be: is are was")
//	@TAG         a token whose Penn tag starts with TAG ("@VB"); @A|@B
//	             one whose tag starts with A or B
//	_            any one token
//	{TYPES}=role a whole mention of one of TYPES (PERSON STATE ORG
//	             LOCATION; a capital used for its state is a STATE) that
//	             becomes the argument role: subject, object or party
//	{TYPES}      such a mention, not captured; {TYPES}? one that may be
//	             missing
//
// A $list is a list of the file ("list poss: 's ’s") or, when the file
// defines none of that name, one of the built-in rules' word lists
// (data/words.txt: "$honorifics", ...; and from the title list shared with
// package entities, internal/titles/titles.txt: "$titleHeads" (office
// titles), "$membershipRoles", "$multiTitles", "$roleNouns").
//
// A word element (not a mention) may end in ? (optional), * (any number)
// or + (one or more), and start with ! to mark the relation's trigger
// (without !, the trigger is the words the pattern matched) or with - to
// match no word, only where the next word is not the element ("-$poss":
// not followed by "'s"). Word elements never match a word of a PERSON,
// STATE, ORG or LOCATION mention.

// maxRepeat bounds the words one * or + element may match.
const maxRepeat = 8

// maxMatchSteps bounds the work of matching one rule at one token: a
// pattern of many optional elements could otherwise try exponentially
// many ways ("_* _* _* ..."). A match not found within it is no match.
const maxMatchSteps = 4096

// elemKind is the kind of a pattern element.
type elemKind uint8

const (
	elemWord    elemKind = iota // lower-case forms, or forms of words
	elemTag                     // a tag prefix
	elemAny                     // any token
	elemMention                 // an argument mention
)

// element is one element of a pattern.
type element struct {
	kind    elemKind
	words   []string // elemWord: the forms; elemTag: the prefix
	stems   []string // elemWord: the stems whose forms match too
	types   []entities.Type
	role    string // elemMention: subject, object or party
	min     int    // repetitions
	max     int
	trigger bool
	not     bool // matches no token, and only where the next token does not match the element
	// set holds words when there are more than setFrom of them, for a
	// lookup instead of a scan.
	set map[string]struct{}
}

// setFrom is the number of words above which a word element is looked up
// in a set.
const setFrom = 8

// patternRule is one rule of a pattern file.
type patternRule struct {
	name  string
	typ   Type
	elems []element   // a token pattern (match line), or
	dep   *depPattern // a pattern over the parse (dep line)
	// anchor is the index in elems of a word element every match holds
	// (the one of fewest words), or -1: a sentence without such a word
	// is skipped at once.
	anchor   int
	modality Modality // "" : from the words before the trigger
	attrs    map[string]string
	replaces []Type // built-in relations of these types between the same entities give way to the rule's
	examples []patternExample
	pos      string // file:line of the rule
}

// patternExample is a sentence a rule must match (want set) or not.
type patternExample struct {
	text string
	want []string // the relations it yields, as "type modality A -> B" or "type modality [A, B]"
	neg  bool
	pos  string
}

// patternSet is the pattern rules of an Extractor, in order, run as one
// [Rule].
type patternSet struct {
	rules []*patternRule
	// anchorWords and anchorStems index the rules by the words and stems
	// of their anchors (see patternRule.anchor): one pass over a
	// sentence's words tells which rules can match in it.
	anchorWords, anchorStems map[string][]int
	// wordsFilter and stemsFilter rule out most words before their
	// lookup in anchorWords and anchorStems.
	wordsFilter, stemsFilter wordFilter
}

// newPatternSet returns the set of rules, indexed by their anchors.
func newPatternSet(rules []*patternRule) *patternSet {
	ps := &patternSet{rules: rules, anchorWords: map[string][]int{}, anchorStems: map[string][]int{}}
	for i, r := range rules {
		if r.anchor < 0 {
			continue
		}
		e := &r.elems[r.anchor]
		for _, w := range e.words {
			ps.anchorWords[w] = append(ps.anchorWords[w], i)
			ps.wordsFilter.add(w)
		}
		for _, st := range e.stems {
			ps.anchorStems[st] = append(ps.anchorStems[st], i)
			ps.stemsFilter.add(st)
		}
	}
	return ps
}

//go:embed data/patterns.txt
var builtinPatterns string

// builtinPatternFile names the built-in pattern file in errors.
const builtinPatternFile = "data/patterns.txt"

// ErrBadRules is returned, wrapped, for a pattern or trigger file that
// cannot be read: its message lists every problem as "file:line: reason".
var ErrBadRules = errors.New("relations: bad pattern rules")

// patternFile is what a pattern file holds: its rules and the names of
// rules it switches off.
type patternFile struct {
	rules    []*patternRule
	disabled []string
}

// readPatterns reads a pattern file; name is used in errors. Every problem
// of the file is reported, each as "name:line: reason".
func readPatterns(name string, r io.Reader, types map[Type]*typeDef) (*patternFile, error) {
	// The word lists of the built-in rules (data/words.txt) are there for
	// patterns too ("$honorifics"); a file's own list of the same name
	// takes its place.
	lists := maps.Clone(wordLists)
	if lists == nil {
		lists = map[string][]string{}
	}
	p := &patternReader{name: name, types: types, pf: &patternFile{}, lists: lists, seen: map[string]int{}}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64*1024), 1<<20)
	line := 0
	for sc.Scan() {
		line++
		p.readLine(strings.TrimSpace(sc.Text()), line)
	}
	if err := sc.Err(); err != nil {
		p.bad(line+1, "%v", err)
	}
	p.finish()
	if len(p.errs) > 0 {
		return nil, fmt.Errorf("%w:\n%s", ErrBadRules, strings.Join(p.errs, "\n"))
	}
	return p.pf, nil
}

// patternReader is the state of [readPatterns] reading one pattern file.
type patternReader struct {
	name      string // the file's name, for errors
	types     map[Type]*typeDef
	pf        *patternFile
	lists     map[string][]string // the word lists the patterns may name
	errs      []string            // the problems, as "name:line: reason"
	cur       *patternRule        // the rule being read, or nil
	curLine   int                 // the line of cur's "rule" line
	match     string              // cur's match or dep line
	matchLine int
	seen      map[string]int // the line of each rule name
}

// bad records a problem of the file at line.
func (p *patternReader) bad(line int, format string, args ...any) {
	p.errs = append(p.errs, fmt.Sprintf("%s:%d: %s", p.name, line, fmt.Sprintf(format, args...)))
}

// readLine reads one line of the file, trimmed: a blank line or a
// "#" comment, "rule NAME" ([patternReader.startRule]), "list NAME: word
// word ..." ([patternReader.addList]), "disable NAME", or a field of the
// current rule ("type: opposes"; [patternRule.set]).
func (p *patternReader) readLine(text string, line int) {
	if text == "" || strings.HasPrefix(text, "#") {
		return
	}
	key, rest, _ := strings.Cut(text, " ")
	rest = strings.TrimSpace(rest)
	switch {
	case key == "rule":
		p.startRule(rest, line)
	case key == "list":
		p.addList(rest, line)
	case key == "disable":
		if rest == "" {
			p.bad(line, "disable needs a rule name")
			return
		}
		p.pf.disabled = append(p.pf.disabled, rest)
	case strings.HasSuffix(key, ":") && p.cur != nil:
		if err := p.cur.set(strings.TrimSuffix(key, ":"), rest, line, p.name, p.types, &p.match, &p.matchLine); err != nil {
			p.bad(line, "rule %s: %v", p.cur.name, err)
		}
	case strings.HasSuffix(key, ":"):
		p.bad(line, "%s outside a rule", key)
	default:
		p.bad(line, "unknown line %q (want rule, list, disable, or a field of a rule)", key)
	}
}

// startRule finishes the current rule and starts rule name at line
// ("rule recognized-by/passive"), whose name must be one word the file
// uses once.
func (p *patternReader) startRule(name string, line int) {
	p.finish()
	if name == "" || strings.ContainsAny(name, " \t") {
		p.bad(line, "a rule needs one name without spaces")
		name = fmt.Sprintf("#%d", line)
	}
	if prev, dup := p.seen[name]; dup {
		p.bad(line, "rule %s already defined on line %d", name, prev)
	}
	p.seen[name] = line
	p.cur, p.curLine = &patternRule{anchor: -1, name: name, attrs: map[string]string{}, pos: fmt.Sprintf("%s:%d", p.name, line)}, line
}

// addList defines the word list of a "list NAME: word word ..." line
// ("list be: is are was"), written before the rules.
func (p *patternReader) addList(rest string, line int) {
	lname, words, ok := strings.Cut(rest, ":")
	lname = strings.TrimSpace(lname)
	if !ok || lname == "" || strings.TrimSpace(words) == "" {
		p.bad(line, "a list is written \"list NAME: word word ...\"")
		return
	}
	if p.cur != nil {
		p.bad(line, "list %s inside rule %s: lists come before the rules", lname, p.cur.name)
		return
	}
	p.lists[lname] = strings.Fields(strings.ToLower(words))
}

// finish parses the match or dep line of the current rule, if any,
// checks its roles, its type and that it has an example and a counter
// sentence, and adds it to the file's rules.
func (p *patternReader) finish() {
	cur := p.cur
	if cur == nil {
		return
	}
	var err error
	switch {
	case p.match == "":
		p.bad(p.curLine, "rule %s has no match or dep line", cur.name)
	case cur.dep != nil:
		cur.dep, err = parseDepPattern(p.match, p.lists)
	default:
		cur.elems, err = parsePattern(p.match, p.lists)
		cur.anchor = anchorOf(cur.elems)
	}
	if err == nil && p.match != "" {
		err = checkRoles(cur, p.types)
	}
	if err != nil {
		p.bad(p.matchLine, "rule %s: %v", cur.name, err)
	}
	if cur.typ == "" {
		p.bad(p.curLine, "rule %s has no type line", cur.name)
	}
	pos, neg := 0, 0
	for _, ex := range cur.examples {
		if ex.neg {
			neg++
		} else {
			pos++
		}
	}
	if pos == 0 || neg == 0 {
		p.bad(p.curLine, "rule %s needs at least one example and one counter sentence", cur.name)
	}
	p.pf.rules = append(p.pf.rules, cur)
	p.cur, p.match = nil, ""
}

// set reads one "key: value" line of rule r.
func (r *patternRule) set(key, value string, line int, file string, types map[Type]*typeDef, match *string, matchLine *int) error {
	switch key {
	case "type":
		t := Type(value)
		if _, ok := types[t]; !ok {
			return fmt.Errorf("unknown relation type %q", value)
		}
		r.typ = t
	case "match", "dep":
		if *match != "" {
			return errors.New("a second match or dep line")
		}
		*match, *matchLine = value, line
		r.dep = nil
		if key == "dep" {
			r.dep = &depPattern{} // parsed with the rule
		}
	case "modality":
		switch m := Modality(value); m {
		case Asserted, Negated, Possible:
			r.modality = m
		default:
			return fmt.Errorf("modality %q (want asserted, negated or possible)", value)
		}
	case "replaces":
		for _, f := range strings.Fields(value) {
			if _, ok := types[Type(f)]; !ok {
				return fmt.Errorf("replaces an unknown relation type %q", f)
			}
			r.replaces = append(r.replaces, Type(f))
		}
	case "attr":
		k, v, ok := strings.Cut(value, "=")
		if !ok || strings.TrimSpace(k) == "" {
			return fmt.Errorf("attr %q (want key=value)", value)
		}
		r.attrs[strings.TrimSpace(k)] = strings.TrimSpace(v)
	case "example":
		text, want, ok := strings.Cut(value, "=>")
		if !ok || strings.TrimSpace(text) == "" || strings.TrimSpace(want) == "" {
			return errors.New("an example is written \"example: SENTENCE => RELATION; RELATION\"")
		}
		ex := patternExample{text: strings.TrimSpace(text), pos: fmt.Sprintf("%s:%d", file, line)}
		for _, w := range strings.Split(want, ";") {
			if w = strings.TrimSpace(w); w != "" {
				ex.want = append(ex.want, w)
			}
		}
		r.examples = append(r.examples, ex)
	case "counter":
		if value == "" {
			return errors.New("an empty counter sentence")
		}
		r.examples = append(r.examples, patternExample{text: value, neg: true, pos: fmt.Sprintf("%s:%d", file, line)})
	default:
		return fmt.Errorf("unknown field %q (want type, match, dep, modality, replaces, attr, example or counter)", key)
	}
	return nil
}

// parsePattern parses the elements of a match line: mentions
// ("{STATE ORG}=object"; [parseMentionElement]) and words, tags and any
// token ("!~recognize", "$be", "@VB", "_"; [parseWordElement]).
func parsePattern(src string, lists map[string][]string) ([]element, error) {
	var out []element
	for _, f := range patternFields(src) {
		var e element
		var err error
		if strings.HasPrefix(f, "{") {
			e, err = parseMentionElement(f)
		} else {
			e, err = parseWordElement(f, lists)
		}
		if err != nil {
			return nil, err
		}
		out = append(out, e)
	}
	if len(out) == 0 {
		return nil, errors.New("an empty pattern")
	}
	return out, nil
}

// parseMentionElement parses a mention element f: "{STATE ORG}=object"
// (a captured argument), "{PERSON}" (not captured) or "{STATE}?" (one that
// may be missing).
func parseMentionElement(f string) (element, error) {
	e := element{kind: elemMention, min: 1, max: 1}
	close := strings.Index(f, "}")
	if close < 0 {
		return e, fmt.Errorf("mention element %q (want {TYPES}=role, {TYPES} or {TYPES}?)", f)
	}
	switch rest := f[close+1:]; {
	case rest == "":
	case rest == "?":
		e.min = 0
	case strings.HasPrefix(rest, "="):
		e.role = rest[1:]
		if e.role != "subject" && e.role != "object" && e.role != "party" {
			return e, fmt.Errorf("role %q of %q (want subject, object or party)", e.role, f)
		}
	default:
		return e, fmt.Errorf("mention element %q (want {TYPES}=role, {TYPES} or {TYPES}?)", f)
	}
	for _, t := range strings.FieldsFunc(f[1:close], func(r rune) bool { return r == ' ' || r == ',' || r == '|' }) {
		switch et := entities.Type(t); et {
		case entities.Person, entities.State, entities.Org, entities.Location:
			e.types = append(e.types, et)
		default:
			return e, fmt.Errorf("type %q in %q (want PERSON, STATE, ORG or LOCATION)", t, f)
		}
	}
	if len(e.types) == 0 {
		return e, fmt.Errorf("mention element %q without a type", f)
	}
	return e, nil
}

// parseWordElement parses an element f that is not a mention: a marker
// first ("!" the trigger, "-" a word that must not follow), a repetition
// last ("?", "*", "+"), and between them "_" (any token), "@VB|@NN" (tag
// prefixes), "$be" (a word list) or words and forms of words
// ("recognized|~recognize"; [wordAlternatives]).
func parseWordElement(f string, lists map[string][]string) (element, error) {
	e := element{min: 1, max: 1}
	switch {
	case strings.HasPrefix(f, "!"):
		e.trigger, f = true, f[1:]
	case strings.HasPrefix(f, "-") && len(f) > 1:
		e.not, f = true, f[1:]
	}
	switch {
	case strings.HasSuffix(f, "?"):
		e.min, f = 0, f[:len(f)-1]
	case strings.HasSuffix(f, "*"):
		e.min, e.max, f = 0, maxRepeat, f[:len(f)-1]
	case strings.HasSuffix(f, "+"):
		e.max, f = maxRepeat, f[:len(f)-1]
	}
	switch {
	case f == "":
		return e, errors.New("an empty element")
	case f == "_":
		e.kind = elemAny
	case strings.HasPrefix(f, "@"):
		e.kind = elemTag
		for _, t := range strings.Split(f, "|") {
			if len(t) < 2 || t[0] != '@' {
				return e, fmt.Errorf("element %q: want @TAG or @TAG|@TAG", f)
			}
			e.words = append(e.words, t[1:])
		}
	case strings.HasPrefix(f, "$"):
		ws, ok := lists[f[1:]]
		if !ok {
			return e, fmt.Errorf("unknown list %q", f)
		}
		e.kind, e.words = elemWord, ws
	default:
		e.kind = elemWord
		if err := wordAlternatives(&e, f); err != nil {
			return e, err
		}
	}
	if e.not && (e.min != 1 || e.max != 1) {
		return e, fmt.Errorf("element %q: a - element takes no ?, * or +", f)
	}
	if e.kind == elemWord && len(e.words) > setFrom {
		e.set = make(map[string]struct{}, len(e.words))
		for _, w := range e.words {
			e.set[w] = struct{}{}
		}
	}
	return e, nil
}

// wordAlternatives adds to word element e the alternatives of f,
// separated by "|": words ("independent") and, after "~", the stems of
// their forms ("~recognize" matches "recognised").
func wordAlternatives(e *element, f string) error {
	for _, w := range strings.Split(lower(f), "|") {
		isStem := strings.HasPrefix(w, "~")
		w = strings.TrimPrefix(w, "~")
		switch {
		case w == "":
			return fmt.Errorf("element %q has an empty alternative", f)
		case strings.ContainsAny(w, "{}=~@$!?*+"):
			return fmt.Errorf("element %q: a word holds none of {}=~@$!?*+", f)
		case isStem:
			e.stems = append(e.stems, stem(w))
		default:
			e.words = append(e.words, w)
		}
	}
	return nil
}

// patternFields splits a match line at spaces outside braces: "{STATE
// ORG}=object" is one element.
func patternFields(src string) []string {
	var out []string
	depth, start := 0, -1
	for i, r := range src {
		switch {
		case r == '{':
			depth++
		case r == '}' && depth > 0:
			depth--
		}
		space := (r == ' ' || r == '\t') && depth == 0
		if space && start >= 0 {
			out = append(out, src[start:i])
			start = -1
		} else if !space && start < 0 {
			start = i
		}
	}
	if start >= 0 {
		out = append(out, src[start:])
	}
	return out
}

// checkRoles checks that rule r's captures fit its type: a subject and an
// object for a directed type, two or more parties for a symmetric one,
// each of types the relation takes.
func checkRoles(r *patternRule, types map[Type]*typeDef) error {
	def, ok := types[r.typ]
	if !ok {
		return nil // reported with the type line
	}
	n := map[string]int{}
	caps := r.captures()
	for _, e := range caps {
		n[e.role]++
	}
	if def.symmetric {
		if n["subject"]+n["object"] > 0 || n["party"] < 2 {
			return fmt.Errorf("%s is symmetric: capture two or more parties", r.typ)
		}
	} else if n["subject"] != 1 || n["object"] != 1 || n["party"] > 0 {
		return fmt.Errorf("%s is directed: capture one subject and one object", r.typ)
	}
	for _, e := range caps {
		allowed := def.subj
		if e.role == "object" {
			allowed = def.obj
		}
		for _, t := range e.types {
			if !allowed[t] && !(t == entities.Location && allowed[entities.State]) {
				return fmt.Errorf("a %s of %s cannot be a %s", e.role, r.typ, t)
			}
		}
	}
	return nil
}

// captures returns the mention elements of rule r's pattern.
func (r *patternRule) captures() []element {
	var out []element
	for _, e := range r.elems {
		if e.kind == elemMention && e.role != "" {
			out = append(out, e)
		}
	}
	if r.dep != nil {
		for _, e := range r.dep.edges {
			if e.node.kind == elemMention && e.node.role != "" {
				out = append(out, e.node)
			}
		}
	}
	return out
}

// loadPatterns returns the Extractor's pattern rules: the built-in file,
// then the users' files in order, without the rules they disable.
func loadPatterns(types map[Type]*typeDef, user []ruleSource) (*patternSet, error) {
	files := []ruleSource{{name: builtinPatternFile, text: builtinPatterns}}
	files = append(files, user...)
	var all []*patternRule
	var disabled []string
	var errs []error
	for _, f := range files {
		text := f.text
		if f.path != "" {
			b, err := os.ReadFile(f.path)
			if err != nil {
				errs = append(errs, fmt.Errorf("%w: %v", ErrBadRules, err))
				continue
			}
			text = string(b)
		}
		pf, err := readPatterns(f.name, strings.NewReader(text), types)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		all = append(all, pf.rules...)
		disabled = append(disabled, pf.disabled...)
	}
	names := map[string]string{}
	for _, r := range all {
		if prev, dup := names[r.name]; dup {
			errs = append(errs, fmt.Errorf("%w: %s: rule %s already defined at %s", ErrBadRules, r.pos, r.name, prev))
		}
		names[r.name] = r.pos
	}
	for _, d := range disabled {
		if _, ok := names[d]; !ok {
			errs = append(errs, fmt.Errorf("%w: disable %s: no such rule", ErrBadRules, d))
		}
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	var kept []*patternRule
	for _, r := range all {
		if !slices.Contains(disabled, r.name) {
			kept = append(kept, r)
		}
	}
	return newPatternSet(kept), nil
}

// ruleSource is a pattern file given to the Extractor: its text, or a path
// to read when the Extractor is built.
type ruleSource struct {
	name, text, path string
}

// capture is a mention a pattern element matched.
type capture struct {
	role string
	m    int
}

// matcher is the state of matching one rule at one start.
type matcher struct {
	s        *Sentence
	r        *patternRule
	caps     []capture
	trig     [2]int // first and last+1 token of the trigger words
	words    [2]int // first and last+1 token of all words matched
	markTrig bool
	steps    int // match calls at this start (see maxMatchSteps)
}

// Relations runs every rule of the set on the sentence: at each token, a
// rule's first match; matches of one rule do not overlap. A relation a
// pattern finds replaces one of the built-in rules of the same type
// between the same two entities in the other direction (a pattern is
// more specific than the built-in rules' word windows).
func (ps *patternSet) Relations(s *Sentence) []Relation {
	var out []Relation
	var small [4]uint64
	found := small[:]
	if n := len(ps.rules); n > 64*len(small) {
		found = make([]uint64, (n+63)/64)
	}
	ps.anchored(s, found)
	for i, r := range ps.rules {
		if r.anchor >= 0 && found[i/64]&(1<<(i%64)) == 0 {
			continue // the sentence lacks a word every match holds
		}
		out = r.run(s, out)
	}
	return out
}

// anchored sets in found the bits of the rules whose anchor some word of
// sentence s matches (not a word of an argument mention, as for every
// word element).
func (ps *patternSet) anchored(s *Sentence, found []uint64) {
	if len(ps.anchorWords) == 0 && len(ps.anchorStems) == 0 {
		return
	}
	for t := range s.toks {
		if m := s.ment[t]; m >= 0 && argType(s.m(m).Type) {
			continue
		}
		if w := s.low[t]; ps.wordsFilter.mayHave(w) {
			for _, i := range ps.anchorWords[w] {
				found[i/64] |= 1 << (i % 64)
			}
		}
		if len(ps.anchorStems) > 0 && ps.stemsFilter.mayHave(s.stm[t]) {
			for _, i := range ps.anchorStems[s.stm[t]] {
				found[i/64] |= 1 << (i % 64)
			}
		}
	}
}

// run appends to out the relations of rule r in sentence s.
func (r *patternRule) run(s *Sentence, out []Relation) []Relation {
	if r.dep != nil {
		return r.runDep(s, out)
	}
	mk := &matcher{s: s, r: r}
	for _, e := range r.elems {
		mk.markTrig = mk.markTrig || e.trigger
	}
	// A pattern that starts with a mention, or with a word that must be
	// there, can only match where one is: skip the other tokens without
	// setting up a match.
	first := &r.elems[0]
	wordFirst := first.kind != elemMention && first.min >= 1 && !first.not
	mentionFirst := first.kind == elemMention && first.min >= 1
	for start := 0; start < len(s.toks); {
		if mentionFirst && s.ment[start] < 0 || wordFirst && !mk.wordOK(first, start) {
			start++
			continue
		}
		mk.caps = mk.caps[:0]
		mk.trig, mk.words, mk.steps = [2]int{-1, -1}, [2]int{-1, -1}, 0
		end, ok := mk.match(0, start)
		if !ok {
			start++
			continue
		}
		if rel, ok := mk.relation(start, end); ok {
			out = append(out, rel)
			s.giveWay(rel, r.replaces)
		}
		start = max(end, start+1)
	}
	return out
}

// match matches elements [ei:] from token t and returns the end of the
// match.
func (mk *matcher) match(ei, t int) (int, bool) {
	if ei == len(mk.r.elems) {
		return t, true
	}
	if mk.steps++; mk.steps > maxMatchSteps {
		return 0, false
	}
	e := &mk.r.elems[ei]
	s := mk.s
	if e.kind == elemMention {
		return mk.matchMention(e, ei, t)
	}
	if e.not {
		if t < len(s.toks) && mk.wordOK(e, t) {
			return 0, false
		}
		return mk.match(ei+1, t)
	}
	// Greedy repetition with backtracking.
	n := 0
	for n < e.max && t+n < len(s.toks) && mk.wordOK(e, t+n) {
		n++
	}
	for ; n >= e.min; n-- {
		savedT, savedW := mk.trig, mk.words
		if n > 0 {
			mk.extend(&mk.words, t, t+n)
			if e.trigger || !mk.markTrig {
				mk.extend(&mk.trig, t, t+n)
			}
		}
		if end, ok := mk.match(ei+1, t+n); ok {
			return end, true
		}
		mk.trig, mk.words = savedT, savedW
	}
	return 0, false
}

// matchMention matches mention element e (elements[ei]) at token t, then
// the elements after it: a whole mention of e's types, captured when e
// has a role; an optional one ("{STATE}?") may also match nothing.
func (mk *matcher) matchMention(e *element, ei, t int) (int, bool) {
	s := mk.s
	if t < len(s.toks) {
		m := s.ment[t]
		if m >= s.m0 && m < s.m1 && s.mStart(m) == t && mk.typeOK(e, m) {
			if e.role != "" {
				mk.caps = append(mk.caps, capture{e.role, m})
			}
			if end, ok := mk.match(ei+1, s.mEnd(m)); ok {
				return end, true
			}
			if e.role != "" {
				mk.caps = mk.caps[:len(mk.caps)-1]
			}
		}
	}
	if e.min == 0 {
		return mk.match(ei+1, t)
	}
	return 0, false
}

func (mk *matcher) extend(span *[2]int, a, b int) {
	if span[0] < 0 {
		*span = [2]int{a, b}
		return
	}
	span[0], span[1] = min(span[0], a), max(span[1], b)
}

// wordOK reports whether token t matches word element e.
func (mk *matcher) wordOK(e *element, t int) bool {
	s := mk.s
	switch e.kind {
	case elemWord:
		if e.set != nil {
			if _, ok := e.set[s.low[t]]; !ok && !slices.Contains(e.stems, s.stm[t]) {
				return false
			}
		} else if !slices.Contains(e.words, s.low[t]) && !slices.Contains(e.stems, s.stm[t]) {
			return false
		}
	case elemTag:
		ok := false
		for _, p := range e.words {
			ok = ok || strings.HasPrefix(s.toks[t].Tag, p)
		}
		if !ok {
			return false
		}
	case elemAny:
	default:
		return false
	}
	m := s.ment[t]
	return m < 0 || !argType(s.m(m).Type)
}

// anchorOf returns the index of the word element of elems that every
// match must hold (neither optional nor a "-" element) with the fewest
// words, or -1 when there is none.
func anchorOf(elems []element) int {
	best := -1
	for i := range elems {
		e := &elems[i]
		if e.kind != elemWord || e.min < 1 || e.not {
			continue
		}
		if best < 0 || len(e.words)+len(e.stems) < len(elems[best].words)+len(elems[best].stems) {
			best = i
		}
	}
	return best
}

// argType reports whether mentions of type t can be arguments.
func argType(t entities.Type) bool {
	return t == entities.Person || t == entities.State || t == entities.Org || t == entities.Location
}

// typeOK reports whether mention m is of a type of element e (a capital
// or place used for its state is a STATE).
func (mk *matcher) typeOK(e *element, m int) bool {
	mm := mk.s.m(m)
	t := mm.Type
	if t == entities.Location {
		if _, ok := mk.s.x.stateOf(mm); ok {
			t = entities.State
		}
	}
	return slices.Contains(e.types, t) || mm.Type == entities.Location && slices.Contains(e.types, entities.Location)
}

// relation builds the relation of a match of tokens [start, end).
func (mk *matcher) relation(start, end int) (Relation, bool) {
	s, r := mk.s, mk.r
	rel := Relation{Type: r.typ, Modality: r.modality, Attrs: cloneAttrs(r.attrs)}
	for _, c := range mk.caps {
		a := Arg{Entity: c.m}
		if mm := s.m(c.m); mm.Type == entities.Location {
			if st, ok := s.x.stateOf(mm); ok {
				a.ID, a.Name, a.Text = st.ID, st.Name, mm.Text // a capital used for its state
			}
		}
		switch c.role {
		case "subject":
			rel.Subject = &a
		case "object":
			rel.Object = &a
		default:
			rel.Parties = append(rel.Parties, a)
		}
	}
	if t := mk.trig; t[0] >= 0 {
		rel.Trigger = s.Span(t[0], t[1])
	} else if w := mk.words; w[0] >= 0 {
		rel.Trigger = s.Span(w[0], w[1])
	}
	rel.Evidence = s.Span(start, end)
	if rel.Subject != nil && rel.Object != nil && sameEntity(s.m(rel.Subject.Entity), s.m(rel.Object.Entity)) {
		return rel, false
	}
	return rel, true
}

// giveWay removes from the sentence's relations (those of the built-in
// rules, found before the patterns) the one of rel's directed type
// between the same two entities in the other direction, and those of the
// types replaces between them in either direction.
func (s *Sentence) giveWay(rel Relation, replaces []Type) {
	ents := func(r *Relation) (a, b *entities.Mention, ok bool) {
		switch {
		case r.Subject != nil && r.Object != nil:
			return s.m(r.Subject.Entity), s.m(r.Object.Entity), true
		case len(r.Parties) == 2:
			return s.m(r.Parties[0].Entity), s.m(r.Parties[1].Entity), true
		}
		return nil, nil, false
	}
	x, y, ok := ents(&rel)
	if !ok {
		return
	}
	s.rels = slices.DeleteFunc(s.rels, func(o Relation) bool {
		a, b, ok := ents(&o)
		if !ok {
			return false
		}
		same := sameEntity(a, x) && sameEntity(b, y)
		reversed := sameEntity(a, y) && sameEntity(b, x)
		if o.Type == rel.Type {
			return reversed && o.Subject != nil
		}
		return slices.Contains(replaces, o.Type) && (same || reversed)
	})
}

// CheckRuleExamples runs every pattern rule of the Extractor (the
// built-in ones and those of [WithRules] and [WithRuleFile]) on its own
// example and counter sentences, analysed by ee: each example must yield
// exactly the relations written after its "=>", each counter none. The
// error lists every sentence that fails, with its file and line, what
// the rule gave and what it should have. Use it in the tests of a rule
// file.
func (e *Extractor) CheckRuleExamples(ctx context.Context, ee *entities.Extractor) error {
	if ee == nil {
		return fmt.Errorf("%w: nil entities extractor", ErrBadOption)
	}
	var errs []error
	for _, r := range e.patternRules() {
		for _, ex := range r.examples {
			got, err := e.runRule(ctx, ee, r, ex.text)
			if err != nil {
				return err
			}
			want := slices.Clone(ex.want)
			slices.Sort(want)
			if !slices.Equal(got, want) {
				errs = append(errs, fmt.Errorf("%s: rule %s: %q gives %q, want %q", ex.pos, r.name, ex.text, got, want))
			}
		}
	}
	return errors.Join(errs...)
}

// patternRules returns the pattern rules the Extractor runs.
func (e *Extractor) patternRules() []*patternRule {
	for _, r := range e.rules {
		if ps, ok := r.(*patternSet); ok {
			return ps.rules
		}
	}
	return nil
}

// PatternRuleNames returns the names of the pattern rules the Extractor
// runs, in order.
func (e *Extractor) PatternRuleNames() []string {
	var out []string
	for _, r := range e.patternRules() {
		out = append(out, r.name)
	}
	return out
}

// runRule returns the relations rule r alone finds in text, rendered by
// ruleString and sorted.
func (e *Extractor) runRule(ctx context.Context, ee *entities.Extractor, r *patternRule, text string) ([]string, error) {
	doc, err := ee.Extract(ctx, text)
	if err != nil {
		return nil, err
	}
	if r.dep != nil && (len(doc.Tokens) == 0 || doc.Tokens[0].Dep == "") {
		return []string{"(not parsed: a dep rule needs entities.WithParse)"}, nil
	}
	rec := &recorder{inner: newPatternSet([]*patternRule{r})}
	if _, _, err := e.extract(ctx, doc, false, []Rule{rec}); err != nil {
		return nil, err
	}
	out := []string{}
	for _, rel := range rec.got {
		if s := ruleString(rel); !slices.Contains(out, s) {
			out = append(out, s)
		}
	}
	slices.Sort(out)
	return out, nil
}

// recorder is a Rule that keeps, completed, the relations of inner and
// gives none to the Extractor.
type recorder struct {
	inner Rule
	got   []Relation
}

// Relations records the relations of the inner rule.
func (rc *recorder) Relations(s *Sentence) []Relation {
	for _, rel := range rc.inner.Relations(s) {
		if c, ok := s.complete(rel); ok {
			rc.got = append(rc.got, c)
		}
	}
	return nil
}

// ruleString renders a relation as the examples of pattern files write
// it: "type modality Subject -> Object" or "type modality [Party, Party]"
// with canonical names, parties sorted.
func ruleString(r Relation) string {
	if len(r.Parties) > 0 {
		ps := make([]string, 0, len(r.Parties))
		for _, p := range r.Parties {
			ps = append(ps, p.Name)
		}
		slices.Sort(ps)
		return fmt.Sprintf("%s %s [%s]", r.Type, r.Modality, strings.Join(ps, ", "))
	}
	if r.Subject == nil || r.Object == nil {
		return string(r.Type) + " " + string(r.Modality)
	}
	return fmt.Sprintf("%s %s %s -> %s", r.Type, r.Modality, r.Subject.Name, r.Object.Name)
}

// cloneAttrs returns a copy of a rule's attributes, never nil.
func cloneAttrs(m map[string]string) map[string]string {
	out := maps.Clone(m)
	if out == nil {
		out = map[string]string{}
	}
	return out
}
