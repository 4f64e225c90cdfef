package gazetteer

import (
	"bufio"
	"bytes"
	"embed"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"slices"
	"strings"
	"unicode/utf8"
)

// The default data: every *.jsonl file under data/, loaded in name order.
// Other files in the directory (a README, say) are ignored.
//
//go:embed data
var dataFS embed.FS

// defaultDataPrefix names the embedded files in error messages, as paths
// from the repository root.
const defaultDataPrefix = "gazetteer/data/"

// Limits of the loader.
const (
	// MaxLineLength is the longest line, in bytes without the newline,
	// that the loader accepts. A longer line is reported as an error.
	MaxLineLength = 64 << 10
	// DefaultMaxEntries is the number of distinct entries that [New]
	// accepts unless [WithMaxEntries] says otherwise.
	DefaultMaxEntries = 500_000
	// maxErrors caps the ErrorList so that a huge broken file cannot use
	// unbounded memory.
	maxErrors = 1000
)

// Option configures [New].
type Option func(*config)

type config struct {
	noDefaults bool
	maxEntries int
	sources    []source
	fromJSONL  bool // load the default data from its JSON Lines files even without other sources
}

// source is one input: a file to open, a reader, or entries.
type source struct {
	name    string
	path    string    // WithFile
	r       io.Reader // WithReader
	entries []Entry   // WithEntries
	isEnt   bool
}

// WithoutDefaults leaves out the embedded default data, so that the
// gazetteer holds only what the other options add.
func WithoutDefaults() Option { return func(c *config) { c.noDefaults = true } }

// WithFile adds the gazetteer file at path (JSON Lines, the format of the
// default data, see the package README). Lines whose id the data loaded
// before already has add to that entry (see [New]). The file is read when
// [New] runs; errors name it by path.
func WithFile(path string) Option {
	return func(c *config) { c.sources = append(c.sources, source{name: path, path: path}) }
}

// WithReader adds gazetteer data in the format of the default files, read
// from r when [New] runs. name is used in error messages as the file name.
func WithReader(name string, r io.Reader) Option {
	return func(c *config) { c.sources = append(c.sources, source{name: name, r: r}) }
}

// WithEntries adds entries given in code. They follow the rules of a file
// (unique ids, validated fields, merged into entries with the same id)
// except that they need not be sorted. Errors name them
// "WithEntries:N", N counting from 1.
func WithEntries(entries ...Entry) Option {
	entries = slices.Clone(entries)
	return func(c *config) {
		c.sources = append(c.sources, source{name: "WithEntries", entries: entries, isEnt: true})
	}
}

// WithMaxEntries sets the largest number of distinct entries that [New]
// loads (default [DefaultMaxEntries]). Loading stops with an
// [ErrTooManyEntries] error when a source adds one more; memory use is
// proportional to the number of entries and names. n <= 0 means the
// default.
func WithMaxEntries(n int) Option { return func(c *config) { c.maxEntries = n } }

// rawEntry is one line of a gazetteer file as written.
type rawEntry struct {
	ID         string    `json:"id"`
	Name       string    `json:"name"`
	Aliases    []string  `json:"aliases"`
	Adjectives []string  `json:"adjectives"`
	Status     string    `json:"status"`
	ISO2       string    `json:"iso2"`
	ISO3       string    `json:"iso3"`
	ISONum     string    `json:"isonum"`
	Capital    string    `json:"capital"`
	Country    string    `json:"country"`
	Category   string    `json:"category"`
	From       string    `json:"from"`
	To         string    `json:"to"`
	Roles      []rawRole `json:"roles"`
	Ambiguous  []string  `json:"ambiguous"`
}

type rawRole struct {
	Role string `json:"role"`
	Of   string `json:"of"`
	From string `json:"from"`
	To   string `json:"to"`
}

func rawFromEntry(e Entry) rawEntry {
	r := rawEntry{
		ID: e.ID, Name: e.Name, Aliases: e.Aliases, Adjectives: e.Adjectives,
		Status: e.Status, ISO2: e.ISO2, ISO3: e.ISO3, ISONum: e.ISONum,
		Capital: e.Capital, Country: e.Country, Category: e.Category,
		From: e.From.String(), To: e.To.String(), Ambiguous: e.Ambiguous,
	}
	for _, ro := range e.Roles {
		r.Roles = append(r.Roles, rawRole{ro.Role, ro.Of, ro.From.String(), ro.To.String()})
	}
	return r
}

// Allowed values.
var (
	statuses         = []string{"un-member", "un-observer", "partially-recognized", "historical", "territory"}
	orgCategories    = []string{"igo", "alliance", "un-agency", "eu-institution", "government", "military", "party", "media", "company", "court", "ngo", "other"}
	locationCategory = []string{"city", "region", "sea", "river", "mountain", "island", "territory", "other"}
)

// pos is a line of a source.
type pos struct{ src, line int32 }

// building is an entry being loaded, with where each part came from.
type building struct {
	e          Entry
	def        pos   // the first line that defined it
	last       pos   // the last line that added to it
	aliasPos   []pos // parallel to e.Aliases
	adjPos     []pos // parallel to e.Adjectives
	ambPos     []pos // parallel to e.Ambiguous
	rolePos    []pos // parallel to e.Roles
	capitalPos pos
	countryPos pos
	datesPos   pos  // line that last set From or To
	merged     bool // more than one line contributed
}

type loader struct {
	maxEntries int
	names      []string // source names, by index
	errs       ErrorList
	stopped    bool
	byID       map[string]int32
	ents       []*building
	br         *bufio.Reader // reused from file to file
}

func (l *loader) errorf(p pos, sentinel error, format string, args ...any) {
	if l.stopped {
		return
	}
	if len(l.errs) >= maxErrors {
		l.errs = append(l.errs, &Error{File: l.names[p.src], Line: int(p.line), src: int(p.src),
			Msg: fmt.Sprintf("too many errors (%d), stopped", maxErrors), Err: ErrTooManyErrors})
		l.stopped = true
		return
	}
	l.errs = append(l.errs, &Error{File: l.names[p.src], Line: int(p.line), src: int(p.src),
		Msg: fmt.Sprintf(format, args...), Err: sentinel})
}

// New loads a gazetteer: the embedded default data (unless
// [WithoutDefaults]), then each source given by [WithFile], [WithReader]
// and [WithEntries], in order, and builds the exact and fuzzy indexes.
//
// Merging: a line whose id an earlier source already defined adds to that
// entry: list fields (aliases, adjectives, roles, ambiguous) are appended
// without duplicates, and scalar fields (name, status, codes, capital,
// country, category, from, to) that were empty are set; a scalar set to
// two different values is an error. Within one source, ids must be unique,
// and in files lines must be sorted by id.
//
// Validation: every problem of every source is reported, as an [ErrorList]
// of "file:line: reason" errors (capped at 1000). When there is any
// problem, New loads nothing and returns a nil Gazetteer. New never panics
// on file content and reads files line by line: memory is bounded by the
// number of entries ([WithMaxEntries]) and lines longer than
// [MaxLineLength] are refused.
func New(opts ...Option) (*Gazetteer, error) {
	var c config
	for _, o := range opts {
		if o != nil {
			o(&c)
		}
	}
	if c.maxEntries <= 0 {
		c.maxEntries = DefaultMaxEntries
	}
	if !c.noDefaults && len(c.sources) == 0 && !c.fromJSONL {
		// The default data alone: its compiled tables (see
		// [Gazetteer.MarshalBinary]) give the same gazetteer without
		// parsing or indexing.
		g, err := Compiled(compiledDefault)
		if err != nil {
			return nil, fmt.Errorf("gazetteer: the embedded default data: %w", err)
		}
		if g.Len() <= c.maxEntries {
			return g, nil
		}
		// Over the caller's limit: the loader says where.
	}
	return newFromJSONL(c)
}

// newFromJSONL loads the sources of c, the default JSON Lines files first
// unless c says otherwise, and builds the indexes.
func newFromJSONL(c config) (*Gazetteer, error) {
	l := &loader{maxEntries: c.maxEntries, byID: make(map[string]int32)}

	if !c.noDefaults {
		files, err := fs.Glob(dataFS, "data/*.jsonl")
		if err != nil { // only for a malformed pattern
			return nil, fmt.Errorf("gazetteer: listing embedded data: %w", err)
		}
		slices.Sort(files)
		for _, name := range files {
			if l.stopped {
				break
			}
			src := l.addSource(defaultDataPrefix + path.Base(name))
			f, err := dataFS.Open(name)
			if err != nil {
				l.errorf(pos{src, 0}, ErrRead, "%v", err)
				continue
			}
			l.readFile(src, f)
			f.Close()
		}
	}
	for _, s := range c.sources {
		if l.stopped {
			break
		}
		src := l.addSource(s.name)
		switch {
		case s.isEnt:
			l.readEntries(src, s.entries)
		case s.r != nil:
			l.readFile(src, s.r)
		case s.path != "":
			f, err := os.Open(s.path)
			if err != nil {
				l.errorf(pos{src, 0}, ErrRead, "%v", err)
				continue
			}
			l.readFile(src, f)
			f.Close()
		default:
			l.errorf(pos{src, 0}, ErrRead, "no reader")
		}
	}
	if !l.stopped {
		l.checkMerged()
	}
	if l.stopped {
		l.errs.sortBySource()
		return nil, l.errs
	}
	g := l.build()
	if len(l.errs) > 0 {
		l.errs.sortBySource()
		return nil, l.errs
	}
	return g, nil
}

func (l *loader) addSource(name string) int32 {
	l.names = append(l.names, name)
	return int32(len(l.names) - 1)
}

// readFile reads one JSON Lines source, line by line.
func (l *loader) readFile(src int32, r io.Reader) {
	if l.br == nil {
		l.br = bufio.NewReaderSize(r, MaxLineLength+2)
	} else {
		l.br.Reset(r)
	}
	br := l.br
	var (
		prevID   string
		prevLine int32
		lineNo   int32
	)
	for !l.stopped {
		line, err := br.ReadSlice('\n')
		if errors.Is(err, bufio.ErrBufferFull) {
			lineNo++
			l.errorf(pos{src, lineNo}, ErrLineTooLong, "line longer than %d bytes", MaxLineLength)
			for errors.Is(err, bufio.ErrBufferFull) {
				_, err = br.ReadSlice('\n')
			}
			if err != nil && err != io.EOF {
				l.errorf(pos{src, lineNo}, ErrRead, "%v", err)
				return
			}
			if err == io.EOF {
				return
			}
			continue
		}
		if len(line) == 0 && err == io.EOF {
			return
		}
		lineNo++
		if err != nil && err != io.EOF {
			l.errorf(pos{src, lineNo}, ErrRead, "%v", err)
			return
		}
		p := pos{src, lineNo}
		if err == io.EOF {
			l.errorf(p, ErrMalformed, "missing newline at end of file")
		} else {
			line = line[:len(line)-1]
		}
		if len(line) > MaxLineLength {
			l.errorf(p, ErrLineTooLong, "line longer than %d bytes", MaxLineLength)
			continue
		}
		if n := len(line); n > 0 && line[n-1] == '\r' {
			l.errorf(p, ErrMalformed, "CRLF line ending; use LF")
			line = line[:n-1]
		}
		raw, ok := l.decodeLine(p, line)
		if !ok {
			continue
		}
		// Sort order is checked among lines with well-formed ids; the
		// others are reported by addRaw.
		id := raw.ID
		wellFormed := idWellFormed(id)
		if wellFormed && id < prevID {
			l.errorf(p, ErrUnsorted, "id %q is out of order: it sorts before %q on line %d", id, prevID, prevLine)
		}
		l.addRaw(p, &raw)
		if wellFormed && id > prevID {
			prevID, prevLine = id, lineNo
		}
		if err == io.EOF {
			return
		}
	}
}

// decodeLine parses one line into raw, reporting malformed lines.
func (l *loader) decodeLine(p pos, line []byte) (rawEntry, bool) {
	var raw rawEntry
	trimmed := bytes.TrimSpace(line)
	switch {
	case len(trimmed) == 0:
		l.errorf(p, ErrMalformed, "blank line")
		return raw, false
	case trimmed[0] == '#':
		l.errorf(p, ErrMalformed, "comment line; JSON Lines files have no comments (write notes in the README)")
		return raw, false
	case trimmed[0] != '{':
		l.errorf(p, ErrMalformed, "malformed line: want a JSON object")
		return raw, false
	}
	if !utf8.Valid(line) {
		l.errorf(p, ErrMalformed, "malformed line: invalid UTF-8")
		return raw, false
	}
	if err := parseLine(line, &raw); err != nil {
		l.errorf(p, ErrMalformed, "malformed line: %v", err)
		return raw, false
	}
	return raw, true
}

// readEntries adds programmatic entries.
func (l *loader) readEntries(src int32, entries []Entry) {
	for i, e := range entries {
		if l.stopped {
			return
		}
		p := pos{src, int32(i + 1)}
		if prefix, _, _ := strings.Cut(e.ID, "/"); e.Kind != 0 && prefix != e.Kind.String() {
			l.errorf(p, ErrBadID, "%s: Kind %q does not match the id (leave Kind zero or set it to the id's kind)", e.ID, e.Kind)
			continue
		}
		raw := rawFromEntry(e)
		l.addRaw(p, &raw)
	}
}

// addRaw validates one line and merges it.
func (l *loader) addRaw(p pos, raw *rawEntry) {
	kind, ok := l.checkID(p, "id", raw.ID, true)
	if !ok {
		return
	}
	b := new(building)
	b.e.ID, b.e.Kind = raw.ID, kind
	b.def, b.last = p, p
	if raw.Name == "" {
		l.errorf(p, ErrMissingField, "%s: missing name", raw.ID)
	} else if l.checkName(p, raw.ID, "name", raw.Name) {
		b.e.Name = raw.Name
	}
	for _, a := range raw.Aliases {
		if l.checkName(p, raw.ID, "alias", a) {
			b.e.Aliases, b.aliasPos = addUnique(b.e.Aliases, b.aliasPos, a, p)
		}
	}
	for _, a := range raw.Adjectives {
		if l.checkName(p, raw.ID, "adjective", a) {
			b.e.Adjectives, b.adjPos = addUnique(b.e.Adjectives, b.adjPos, a, p)
		}
	}
	for _, a := range raw.Ambiguous {
		if l.checkName(p, raw.ID, "ambiguous name", a) {
			b.e.Ambiguous, b.ambPos = addUnique(b.e.Ambiguous, b.ambPos, a, p)
		}
	}
	if raw.Status != "" {
		switch {
		case kind != State && kind != Location:
			l.errorf(p, ErrBadValue, "%s: status is for states and territories only", raw.ID)
		case !slices.Contains(statuses, raw.Status):
			l.errorf(p, ErrBadValue, "%s: unknown status %q (want one of %s)", raw.ID, raw.Status, strings.Join(statuses, ", "))
		default:
			b.e.Status = raw.Status
		}
	}
	if raw.Category != "" {
		var allowed []string
		switch kind {
		case Org:
			allowed = orgCategories
		case Location:
			allowed = locationCategory
		}
		switch {
		case allowed == nil:
			l.errorf(p, ErrBadValue, "%s: category is for orgs and locations only", raw.ID)
		case !slices.Contains(allowed, raw.Category):
			l.errorf(p, ErrBadValue, "%s: unknown %s category %q (want one of %s)", raw.ID, kind, raw.Category, strings.Join(allowed, ", "))
		default:
			b.e.Category = raw.Category
		}
	}
	b.e.ISO2 = l.checkCode(p, raw.ID, "iso2", raw.ISO2, 2, 'A', 'Z')
	b.e.ISO3 = l.checkCode(p, raw.ID, "iso3", raw.ISO3, 3, 'A', 'Z')
	b.e.ISONum = l.checkCode(p, raw.ID, "isonum", raw.ISONum, 3, '0', '9')
	if raw.Capital != "" {
		if _, ok := l.checkID(p, "capital", raw.Capital, false); ok {
			b.e.Capital, b.capitalPos = raw.Capital, p
		}
	}
	if raw.Country != "" {
		if _, ok := l.checkID(p, "country", raw.Country, false); ok {
			b.e.Country, b.countryPos = raw.Country, p
		}
	}
	b.e.From, b.e.To = l.checkRange(p, raw.ID, "", raw.From, raw.To)
	b.datesPos = p
	if len(raw.Roles) > 0 && kind != Person {
		l.errorf(p, ErrBadValue, "%s: roles are for people only", raw.ID)
	} else {
		for i, ro := range raw.Roles {
			where := fmt.Sprintf("role %d", i+1)
			ok := true
			if strings.TrimSpace(ro.Role) == "" {
				l.errorf(p, ErrMissingField, "%s: %s: missing role", raw.ID, where)
				ok = false
			}
			if ro.Of == "" {
				l.errorf(p, ErrMissingField, "%s: %s: missing of", raw.ID, where)
				ok = false
			} else if _, idOK := l.checkID(p, where+" of", ro.Of, false); !idOK {
				ok = false
			}
			from, to := l.checkRange(p, raw.ID, where+" ", ro.From, ro.To)
			if ok {
				r := Role{Role: ro.Role, Of: ro.Of, From: from, To: to}
				if !slices.Contains(b.e.Roles, r) {
					b.e.Roles = append(b.e.Roles, r)
					b.rolePos = append(b.rolePos, p)
				}
			}
		}
	}
	l.merge(p, b)
}

// merge adds b to the loaded entries.
func (l *loader) merge(p pos, b *building) {
	i, ok := l.byID[b.e.ID]
	if !ok {
		if len(l.ents) >= l.maxEntries {
			l.errorf(p, ErrTooManyEntries, "more than %d entries; refusing to load more (see WithMaxEntries)", l.maxEntries)
			l.stopped = true
			return
		}
		l.byID[b.e.ID] = int32(len(l.ents))
		l.ents = append(l.ents, b)
		return
	}
	old := l.ents[i]
	if old.last.src == p.src {
		first := old.last.line
		if old.def.src == p.src {
			first = old.def.line
		}
		l.errorf(p, ErrDuplicateID, "duplicate id %q (first on line %d)", b.e.ID, first)
		return
	}
	old.last, old.merged = p, true
	defined := func() string { return fmt.Sprintf("%s:%d", l.names[old.def.src], old.def.line) }
	scalar := func(field string, dst *string, v string) {
		switch {
		case v == "" || *dst == v:
		case *dst == "":
			*dst = v
		default:
			l.errorf(p, ErrConflict, "%s: %s %q conflicts with %q (entry defined at %s)", b.e.ID, field, v, *dst, defined())
		}
	}
	e, n := &old.e, &b.e
	scalar("name", &e.Name, n.Name)
	scalar("status", &e.Status, n.Status)
	scalar("iso2", &e.ISO2, n.ISO2)
	scalar("iso3", &e.ISO3, n.ISO3)
	scalar("isonum", &e.ISONum, n.ISONum)
	scalar("category", &e.Category, n.Category)
	if e.Capital == "" && n.Capital != "" {
		old.capitalPos = p
	}
	scalar("capital", &e.Capital, n.Capital)
	if e.Country == "" && n.Country != "" {
		old.countryPos = p
	}
	scalar("country", &e.Country, n.Country)
	date := func(field string, dst *Date, v Date) {
		switch {
		case v.IsZero() || *dst == v:
		case dst.IsZero():
			*dst = v
			old.datesPos = p
		default:
			l.errorf(p, ErrConflict, "%s: %s %q conflicts with %q (entry defined at %s)", b.e.ID, field, v, *dst, defined())
		}
	}
	date("from", &e.From, n.From)
	date("to", &e.To, n.To)
	for _, a := range n.Aliases {
		e.Aliases, old.aliasPos = addUnique(e.Aliases, old.aliasPos, a, p)
	}
	for _, a := range n.Adjectives {
		e.Adjectives, old.adjPos = addUnique(e.Adjectives, old.adjPos, a, p)
	}
	for _, a := range n.Ambiguous {
		e.Ambiguous, old.ambPos = addUnique(e.Ambiguous, old.ambPos, a, p)
	}
	for _, r := range n.Roles {
		if !slices.Contains(e.Roles, r) {
			e.Roles = append(e.Roles, r)
			old.rolePos = append(old.rolePos, p)
		}
	}
}

func addUnique(list []string, ps []pos, s string, p pos) ([]string, []pos) {
	if slices.Contains(list, s) {
		return list, ps
	}
	return append(list, s), append(ps, p)
}

// checkID checks the syntax of an id ("<kind>/<slug>").
func (l *loader) checkID(p pos, field, id string, self bool) (Kind, bool) {
	if id == "" {
		l.errorf(p, ErrMissingField, "missing id")
		return 0, false
	}
	prefix, slug, ok := strings.Cut(id, "/")
	if !ok {
		l.errorf(p, ErrBadID, "%s %q: want <kind>/<slug>", field, id)
		return 0, false
	}
	kind, ok := ParseKind(prefix)
	if !ok {
		l.errorf(p, ErrBadID, "%s %q: unknown kind %q (want state, org, person or location)", field, id, prefix)
		return 0, false
	}
	if msg := slugProblem(slug); msg != "" {
		if self {
			l.errorf(p, ErrBadID, "%s %q: bad slug: %s", field, id, msg)
		} else {
			l.errorf(p, ErrBadID, "%s %q: bad slug: %s", field, id, msg)
		}
		return 0, false
	}
	return kind, true
}

// idWellFormed reports whether id is "<kind>/<slug>" with a known kind and
// a valid slug.
func idWellFormed(id string) bool {
	prefix, slug, ok := strings.Cut(id, "/")
	if !ok {
		return false
	}
	_, ok = ParseKind(prefix)
	return ok && slugProblem(slug) == ""
}

func slugProblem(s string) string {
	if s == "" {
		return "empty"
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !('a' <= c && c <= 'z' || '0' <= c && c <= '9' || c == '-') {
			return "only lower-case ASCII letters, digits and - are allowed"
		}
	}
	if s[0] == '-' || s[len(s)-1] == '-' || strings.Contains(s, "--") {
		return "hyphens only between letters or digits"
	}
	return ""
}

// checkName checks one name, alias, adjective or ambiguous marker.
func (l *loader) checkName(p pos, id, field, s string) bool {
	switch {
	case s == "":
		l.errorf(p, ErrBadValue, "%s: empty %s", id, field)
		return false
	case strings.TrimSpace(s) != s:
		l.errorf(p, ErrBadValue, "%s: %s %q has leading or trailing space", id, field, s)
		return false
	case strings.ContainsAny(s, "\n\r\t"):
		l.errorf(p, ErrBadValue, "%s: %s %q contains a control character", id, field, s)
		return false
	}
	if !hasWord(s) {
		l.errorf(p, ErrBadValue, "%s: %s %q has no letter or digit", id, field, s)
		return false
	}
	return true
}

func hasWord(s string) bool {
	for _, r := range s {
		if isWordRune(r) {
			return true
		}
	}
	return false
}

func (l *loader) checkCode(p pos, id, field, v string, n int, lo, hi byte) string {
	if v == "" {
		return ""
	}
	ok := len(v) == n
	for i := 0; ok && i < len(v); i++ {
		ok = lo <= v[i] && v[i] <= hi
	}
	if !ok {
		l.errorf(p, ErrBadValue, "%s: bad %s %q: want %d characters %c-%c", id, field, v, n, lo, hi)
		return ""
	}
	return v
}

// checkRange parses from and to and checks from <= to.
func (l *loader) checkRange(p pos, id, where, fromS, toS string) (from, to Date) {
	var err error
	if fromS != "" {
		if from, err = ParseDate(fromS); err != nil {
			l.errorf(p, ErrBadDate, "%s: %sfrom: bad date %q: want YYYY, YYYY-MM or YYYY-MM-DD", id, where, fromS)
		}
	}
	if toS != "" {
		if to, err = ParseDate(toS); err != nil {
			l.errorf(p, ErrBadDate, "%s: %sto: bad date %q: want YYYY, YYYY-MM or YYYY-MM-DD", id, where, toS)
		}
	}
	if !from.IsZero() && !to.IsZero() && from.first().Compare(to.last()) > 0 {
		l.errorf(p, ErrBadDate, "%s: %sfrom %s is after to %s", id, where, from, to)
		return Date{}, Date{}
	}
	return from, to
}

// checkMerged checks what can only be checked once every source is in:
// references and ambiguity markers, and date ranges assembled from lines
// of several files.
func (l *loader) checkMerged() {
	for i := range l.ents {
		b := l.ents[i]
		e := &b.e
		if b.merged && !e.From.IsZero() && !e.To.IsZero() && e.From.first().Compare(e.To.last()) > 0 {
			l.errorf(b.datesPos, ErrBadDate, "%s: from %s is after to %s", e.ID, e.From, e.To)
		}
		if e.Capital != "" {
			l.checkRef(b.capitalPos, e.ID, "capital", e.Capital, Location)
		}
		if e.Country != "" {
			l.checkRef(b.countryPos, e.ID, "country", e.Country, State)
		}
		for j, r := range e.Roles {
			l.checkRef(b.rolePos[j], e.ID, "role of", r.Of, State, Org)
		}
		for j, a := range e.Ambiguous {
			k, _ := normKey(a)
			if !entryHasKey(e, k) {
				l.errorf(b.ambPos[j], ErrBadValue, "%s: ambiguous %q is not a name, alias or adjective of the entry", e.ID, a)
			}
		}
	}
}

func (l *loader) checkRef(p pos, id, field, ref string, kinds ...Kind) {
	i, ok := l.byID[ref]
	if !ok {
		l.errorf(p, ErrBadReference, "%s: %s %q: no such entry", id, field, ref)
		return
	}
	if k := l.ents[i].e.Kind; !slices.Contains(kinds, k) {
		want := make([]string, len(kinds))
		for j, k := range kinds {
			want[j] = k.String()
		}
		l.errorf(p, ErrBadReference, "%s: %s %q is a %s, want a %s", id, field, ref, k, strings.Join(want, " or "))
	}
}

// entryHasKey reports whether a name, alias or adjective of e has key k.
func entryHasKey(e *Entry, k string) bool {
	if n, _ := normKey(e.Name); n == k {
		return true
	}
	for _, list := range [][]string{e.Aliases, e.Adjectives} {
		for _, s := range list {
			if n, _ := normKey(s); n == k {
				return true
			}
		}
	}
	return false
}
