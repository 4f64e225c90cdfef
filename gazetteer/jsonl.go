package gazetteer

import (
	"fmt"
	"strconv"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/statecraft/statecraft/internal/jsonesc"
)

// The parser of one gazetteer line. The lines are flat JSON objects of
// strings, lists of strings and a list of role objects, so a small strict
// parser does the job of encoding/json with a json.Decoder and
// DisallowUnknownFields, about five times faster (a fresh Decoder per line
// was most of the load time) and stricter: field names are matched
// case-sensitively and a repeated field is an error (encoding/json accepts
// "ID" for "id" and keeps the last of two "name" fields). FuzzParseLine
// checks that it agrees with encoding/json on valid lines.

// lineParser parses one line; pos is a byte offset into b.
type lineParser struct {
	b   []byte
	pos int
}

// syntaxError is a parse error at a byte offset of the line.
type syntaxError struct {
	off int
	msg string
}

// Error returns the message with its 1-based byte offset in the line.
func (e *syntaxError) Error() string { return fmt.Sprintf("%s (at byte %d)", e.msg, e.off+1) }

func (p *lineParser) fail(format string, args ...any) error {
	return &syntaxError{off: p.pos, msg: fmt.Sprintf(format, args...)}
}

func (p *lineParser) ws() {
	for p.pos < len(p.b) {
		switch p.b[p.pos] {
		case ' ', '\t', '\r', '\n':
			p.pos++
		default:
			return
		}
	}
}

// peek returns the next byte after white space, or 0 at the end.
func (p *lineParser) peek() byte {
	p.ws()
	if p.pos >= len(p.b) {
		return 0
	}
	return p.b[p.pos]
}

func (p *lineParser) expect(c byte) error {
	if p.peek() != c {
		return p.unexpected(fmt.Sprintf("%q", c))
	}
	p.pos++
	return nil
}

func (p *lineParser) unexpected(want string) error {
	if p.pos >= len(p.b) {
		return p.fail("unexpected end of line, want %s", want)
	}
	return p.fail("unexpected %s, want %s", describeByte(p.b[p.pos]), want)
}

func describeByte(c byte) string {
	if c >= 0x20 && c < 0x7f {
		return fmt.Sprintf("%q", c)
	}
	return fmt.Sprintf("byte 0x%02x", c)
}

// parseLine parses a whole line into raw.
func parseLine(b []byte, raw *rawEntry) error {
	p := lineParser{b: b}
	var seen uint32
	err := p.object(func(key string, bit uint32) error {
		if seen&bit != 0 {
			return p.fail("duplicate field %q", key)
		}
		seen |= bit
		var err error
		switch key {
		case "id":
			raw.ID, err = p.stringField(key)
		case "name":
			raw.Name, err = p.stringField(key)
		case "aliases":
			raw.Aliases, err = p.stringList(key)
		case "adjectives":
			raw.Adjectives, err = p.stringList(key)
		case "status":
			raw.Status, err = p.stringField(key)
		case "iso2":
			raw.ISO2, err = p.stringField(key)
		case "iso3":
			raw.ISO3, err = p.stringField(key)
		case "isonum":
			raw.ISONum, err = p.stringField(key)
		case "capital":
			raw.Capital, err = p.stringField(key)
		case "country":
			raw.Country, err = p.stringField(key)
		case "category":
			raw.Category, err = p.stringField(key)
		case "from":
			raw.From, err = p.stringField(key)
		case "to":
			raw.To, err = p.stringField(key)
		case "roles":
			raw.Roles, err = p.roles()
		case "ambiguous":
			raw.Ambiguous, err = p.stringList(key)
		}
		return err
	}, entryFields)
	if err != nil {
		return err
	}
	if p.ws(); p.pos < len(p.b) {
		return p.fail("data after the JSON object")
	}
	return nil
}

// entryFields and roleFields give each known field a bit, to find repeats.
var (
	entryFields = map[string]uint32{"id": 1 << 0, "name": 1 << 1, "aliases": 1 << 2, "adjectives": 1 << 3,
		"status": 1 << 4, "iso2": 1 << 5, "iso3": 1 << 6, "isonum": 1 << 7, "capital": 1 << 8,
		"country": 1 << 9, "category": 1 << 10, "from": 1 << 11, "to": 1 << 12, "roles": 1 << 13,
		"ambiguous": 1 << 14}
	roleFields = map[string]uint32{"role": 1, "of": 2, "from": 4, "to": 8}
)

// object parses {"key": value, ...}, calling field for each known key
// with the parser positioned at the value.
func (p *lineParser) object(field func(key string, bit uint32) error, known map[string]uint32) error {
	if err := p.expect('{'); err != nil {
		return err
	}
	if p.peek() == '}' {
		p.pos++
		return nil
	}
	for {
		if p.peek() != '"' {
			return p.unexpected("a field name in double quotes")
		}
		at := p.pos
		key, err := p.str()
		if err != nil {
			return err
		}
		bit, ok := known[key]
		if !ok {
			p.pos = at
			return p.fail("unknown field %q", key)
		}
		if err := p.expect(':'); err != nil {
			return err
		}
		p.ws()
		if err := field(key, bit); err != nil {
			return err
		}
		switch p.peek() {
		case ',':
			p.pos++
		case '}':
			p.pos++
			return nil
		default:
			return p.unexpected(`"," or "}"`)
		}
	}
}

// null consumes a JSON null if there is one.
func (p *lineParser) null() bool {
	p.ws()
	if len(p.b)-p.pos >= 4 && string(p.b[p.pos:p.pos+4]) == "null" {
		p.pos += 4
		return true
	}
	return false
}

func (p *lineParser) stringField(key string) (string, error) {
	if p.null() {
		return "", nil
	}
	if p.peek() != '"' {
		return "", p.fail("field %q: want a string", key)
	}
	return p.str()
}

func (p *lineParser) stringList(key string) ([]string, error) {
	if p.null() {
		return nil, nil
	}
	if p.peek() != '[' {
		return nil, p.fail("field %q: want a list of strings", key)
	}
	p.pos++
	var out []string
	if p.peek() == ']' {
		p.pos++
		return []string{}, nil
	}
	for {
		if p.peek() != '"' {
			return nil, p.fail("field %q: want a list of strings", key)
		}
		s, err := p.str()
		if err != nil {
			return nil, err
		}
		out = append(out, s)
		switch p.peek() {
		case ',':
			p.pos++
		case ']':
			p.pos++
			return out, nil
		default:
			return nil, p.unexpected(`"," or "]"`)
		}
	}
}

func (p *lineParser) roles() ([]rawRole, error) {
	if p.null() {
		return nil, nil
	}
	if p.peek() != '[' {
		return nil, p.fail(`field "roles": want a list of objects`)
	}
	p.pos++
	var out []rawRole
	if p.peek() == ']' {
		p.pos++
		return []rawRole{}, nil
	}
	for {
		if p.null() {
			out = append(out, rawRole{})
		} else {
			if p.peek() != '{' {
				return nil, p.fail(`field "roles": want a list of objects`)
			}
			var r rawRole
			var seen uint32
			err := p.object(func(key string, bit uint32) error {
				if seen&bit != 0 {
					return p.fail("duplicate field %q in role", key)
				}
				seen |= bit
				var err error
				switch key {
				case "role":
					r.Role, err = p.stringField("roles." + key)
				case "of":
					r.Of, err = p.stringField("roles." + key)
				case "from":
					r.From, err = p.stringField("roles." + key)
				case "to":
					r.To, err = p.stringField("roles." + key)
				}
				return err
			}, roleFields)
			if err != nil {
				return nil, err
			}
			out = append(out, r)
		}
		switch p.peek() {
		case ',':
			p.pos++
		case ']':
			p.pos++
			return out, nil
		default:
			return nil, p.unexpected(`"," or "]"`)
		}
	}
}

// str parses a JSON string at p.pos (which is '"').
func (p *lineParser) str() (string, error) {
	start := p.pos
	p.pos++
	// Fast path: no escapes.
	for i := p.pos; i < len(p.b); i++ {
		c := p.b[i]
		switch {
		case c == '"':
			s := string(p.b[p.pos:i])
			p.pos = i + 1
			return s, nil
		case c == '\\':
			return p.strSlow(start)
		case c < 0x20:
			p.pos = i
			return "", p.fail("control character %s in string", describeByte(c))
		}
	}
	p.pos = len(p.b)
	return "", p.fail("unterminated string")
}

func (p *lineParser) strSlow(start int) (string, error) {
	p.pos = start + 1
	var out []byte
	for p.pos < len(p.b) {
		c := p.b[p.pos]
		switch {
		case c == '"':
			p.pos++
			return string(out), nil
		case c < 0x20:
			return "", p.fail("control character %s in string", describeByte(c))
		case c != '\\':
			out = append(out, c)
			p.pos++
			continue
		}
		if p.pos+1 >= len(p.b) {
			break
		}
		esc := p.b[p.pos+1]
		p.pos += 2
		if e, ok := jsonesc.Simple(esc); ok {
			out = append(out, e)
			continue
		}
		switch esc {
		case 'u':
			r, ok := p.hex4()
			if !ok {
				return "", p.fail(`bad \u escape`)
			}
			if utf16.IsSurrogate(r) {
				r2 := rune(-1)
				if p.pos+1 < len(p.b) && p.b[p.pos] == '\\' && p.b[p.pos+1] == 'u' {
					save := p.pos
					p.pos += 2
					var ok2 bool
					if r2, ok2 = p.hex4(); !ok2 {
						return "", p.fail(`bad \u escape`)
					}
					if dec := utf16.DecodeRune(r, r2); dec != utf8.RuneError {
						r = dec
					} else {
						p.pos = save
						r = utf8.RuneError
					}
				} else {
					r = utf8.RuneError
				}
			}
			out = utf8.AppendRune(out, r)
		default:
			p.pos -= 2
			return "", p.fail("bad escape %s", strconv.Quote(string([]byte{'\\', esc})))
		}
	}
	return "", p.fail("unterminated string")
}

func (p *lineParser) hex4() (rune, bool) {
	if p.pos+4 > len(p.b) {
		return 0, false
	}
	var r rune
	for _, c := range p.b[p.pos : p.pos+4] {
		switch {
		case '0' <= c && c <= '9':
			c -= '0'
		case 'a' <= c && c <= 'f':
			c = c - 'a' + 10
		case 'A' <= c && c <= 'F':
			c = c - 'A' + 10
		default:
			return 0, false
		}
		r = r<<4 | rune(c)
	}
	p.pos += 4
	return r, true
}
