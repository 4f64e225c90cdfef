package format

import (
	"bytes"
	"encoding/json"
	"errors"
	"math"
	"slices"
	"strconv"
	"unicode/utf8"

	"github.com/statecraft/statecraft/entities"
)

// This file writes an [Output] as encoding/json does (see writeJSON)
// without reflection: the same fields in the same order, the same string
// escapes and number forms, byte for byte. Of the whole batch program,
// encoding/json's reflection and its second pass over each entity (which
// it encodes through Mention.MarshalJSON) took about a sixteenth; this
// takes a fraction of that. TestAppendOutputEquivalent compares the two
// on the test documents and on random values.
//
// The entities' strings are escaped as json.Marshal escapes them, HTML
// characters included ("<" as \u003c), since Mention.MarshalJSON calls
// it; the other strings are escaped as the output's encoder, which does
// not escape HTML, escapes them.

// errNotEncodable is returned by appendOutput for a value it leaves to
// encoding/json (which then reports the problem): a float that JSON
// cannot hold, or an id that is not valid JSON.
var errNotEncodable = errors.New("formats: not encodable without encoding/json")

// appendOutput appends the compact JSON of o to b, as writeJSON with no
// indent writes it without its final newline.
func appendOutput(b []byte, o *Output) ([]byte, error) {
	b = append(b, `{"id":`...)
	if len(o.ID) == 0 {
		b = append(b, "null"...)
	} else {
		// As encoding/json writes a json.RawMessage: compacted, HTML
		// characters kept.
		var id bytes.Buffer
		if err := json.Compact(&id, o.ID); err != nil {
			return b, errNotEncodable
		}
		b = append(b, id.Bytes()...)
	}
	if o.Date != "" {
		b = append(b, `,"date":`...)
		b = appendJSONString(b, o.Date, false)
	}
	b = append(b, `,"entities":`...)
	if o.Entities == nil {
		b = append(b, "null"...)
	} else {
		b = append(b, '[')
		for i := range o.Entities {
			if i > 0 {
				b = append(b, ',')
			}
			var err error
			if b, err = appendMention(b, &o.Entities[i]); err != nil {
				return b, err
			}
		}
		b = append(b, ']')
	}
	b = append(b, `,"relations":`...)
	if o.Relations == nil {
		b = append(b, "null"...)
	} else {
		b = append(b, '[')
		for i := range o.Relations {
			if i > 0 {
				b = append(b, ',')
			}
			var err error
			if b, err = appendRelation(b, &o.Relations[i]); err != nil {
				return b, err
			}
		}
		b = append(b, ']')
	}
	if o.Error != "" {
		b = append(b, `,"error":`...)
		b = appendJSONString(b, o.Error, false)
	}
	if o.Line != 0 {
		b = append(b, `,"line":`...)
		b = strconv.AppendInt(b, int64(o.Line), 10)
	}
	if o.File != "" {
		b = append(b, `,"file":`...)
		b = appendJSONString(b, o.File, false)
	}
	return append(b, '}'), nil
}

// appendMention appends the entity object of m, as Mention.MarshalJSON
// writes it.
func appendMention(b []byte, m *entities.Mention) ([]byte, error) {
	b = append(b, `{"type":`...)
	b = appendJSONString(b, string(m.Type), true)
	b = append(b, `,"text":`...)
	b = appendJSONString(b, m.Text, true)
	b = append(b, `,"start":`...)
	b = strconv.AppendInt(b, int64(m.Start), 10)
	b = append(b, `,"end":`...)
	b = strconv.AppendInt(b, int64(m.End), 10)
	b = append(b, `,"sentence":`...)
	b = strconv.AppendInt(b, int64(m.Sentence), 10)
	b = append(b, `,"id":`...)
	b = appendJSONString(b, m.ID, true)
	b = append(b, `,"name":`...)
	b = appendJSONString(b, m.Name, true)
	b = append(b, `,"adjectival":`...)
	b = strconv.AppendBool(b, m.Adjectival)
	b = append(b, `,"source":`...)
	b = appendJSONString(b, string(m.Source), true)
	b = append(b, `,"score":`...)
	var ok bool
	if b, ok = appendJSONFloat(b, m.Score); !ok {
		return b, errNotEncodable
	}
	b = append(b, `,"timex":`...)
	b = appendJSONString(b, m.Timex, true)
	b = append(b, `,"value":`...)
	b = appendJSONString(b, m.Value, true)
	b = append(b, `,"mod":`...)
	b = appendJSONString(b, m.Mod, true)
	b = append(b, `,"anchor":`...)
	b = appendJSONString(b, m.Anchor, true)
	b = append(b, `,"quant":`...)
	b = appendJSONString(b, m.Quant, true)
	b = append(b, `,"freq":`...)
	b = appendJSONString(b, m.Freq, true)
	b = append(b, `,"metonymy":`...)
	b = strconv.AppendBool(b, m.Metonymy)
	b = append(b, `,"state":`...)
	b = appendJSONString(b, m.State, true)
	b = append(b, `,"alternatives":[`...)
	for i, a := range m.Alternatives {
		if i > 0 {
			b = append(b, ',')
		}
		b = appendJSONString(b, a, true)
	}
	return append(b, "]}"...), nil
}

// appendRelation appends the relation object of r.
func appendRelation(b []byte, r *Relation) ([]byte, error) {
	b = append(b, `{"type":`...)
	b = appendJSONString(b, r.Type, false)
	b = append(b, `,"modality":`...)
	b = appendJSONString(b, r.Modality, false)
	b = append(b, `,"sentence":`...)
	b = strconv.AppendInt(b, int64(r.Sentence), 10)
	b = append(b, `,"time":`...)
	b = appendJSONString(b, r.Time, false)
	if r.Subject != nil {
		b = append(b, `,"subject":`...)
		b = appendArg(b, r.Subject)
	}
	if r.Object != nil {
		b = append(b, `,"object":`...)
		b = appendArg(b, r.Object)
	}
	if len(r.Parties) > 0 {
		b = append(b, `,"parties":[`...)
		for i := range r.Parties {
			if i > 0 {
				b = append(b, ',')
			}
			b = appendArg(b, &r.Parties[i])
		}
		b = append(b, ']')
	}
	b = append(b, `,"trigger":{"text":`...)
	b = appendJSONString(b, r.Trigger.Text, false)
	b = append(b, `,"start":`...)
	b = strconv.AppendInt(b, int64(r.Trigger.Start), 10)
	b = append(b, `,"end":`...)
	b = strconv.AppendInt(b, int64(r.Trigger.End), 10)
	b = append(b, `},"evidence":`...)
	b = appendSpan(b, &r.Evidence)
	b = append(b, `,"attrs":`...)
	if r.Attrs == nil {
		b = append(b, "null"...)
	} else {
		b = append(b, '{')
		keys := make([]string, 0, len(r.Attrs))
		for k := range r.Attrs {
			keys = append(keys, k)
		}
		slices.Sort(keys)
		for i, k := range keys {
			if i > 0 {
				b = append(b, ',')
			}
			b = appendJSONString(b, k, false)
			b = append(b, ':')
			b = appendJSONString(b, r.Attrs[k], false)
		}
		b = append(b, '}')
	}
	b = append(b, `,"confidence":`...)
	var ok bool
	if b, ok = appendJSONFloat(b, r.Confidence); !ok {
		return b, errNotEncodable
	}
	if r.Source != "" {
		b = append(b, `,"source":`...)
		b = appendJSONString(b, r.Source, false)
	}
	return append(b, '}'), nil
}

// appendArg appends the argument object of a.
func appendArg(b []byte, a *Arg) []byte {
	b = append(b, `{"entity":`...)
	b = strconv.AppendInt(b, int64(a.Entity), 10)
	b = append(b, `,"id":`...)
	b = appendJSONString(b, a.ID, false)
	b = append(b, `,"name":`...)
	b = appendJSONString(b, a.Name, false)
	b = append(b, `,"text":`...)
	b = appendJSONString(b, a.Text, false)
	b = append(b, `,"anaphor":`...)
	if a.Anaphor == nil {
		return append(b, "null}"...)
	}
	b = appendSpan(b, a.Anaphor)
	return append(b, '}')
}

// appendSpan appends the span object of s.
func appendSpan(b []byte, s *Span) []byte {
	b = append(b, '{')
	if s.Text != "" {
		b = append(b, `"text":`...)
		b = appendJSONString(b, s.Text, false)
		b = append(b, ',')
	}
	b = append(b, `"start":`...)
	b = strconv.AppendInt(b, int64(s.Start), 10)
	b = append(b, `,"end":`...)
	b = strconv.AppendInt(b, int64(s.End), 10)
	return append(b, '}')
}

// appendJSONFloat appends f as encoding/json writes a float64, and
// reports false for the values it refuses (infinities and NaN).
func appendJSONFloat(b []byte, f float64) ([]byte, bool) {
	if math.IsInf(f, 0) || math.IsNaN(f) {
		return b, false
	}
	abs := math.Abs(f)
	format := byte('f')
	if abs != 0 && (abs < 1e-6 || abs >= 1e21) {
		format = 'e'
	}
	b = strconv.AppendFloat(b, f, format, -1, 64)
	if format == 'e' {
		// e-09 as e-9
		if n := len(b); n >= 4 && b[n-4] == 'e' && b[n-3] == '-' && b[n-2] == '0' {
			b[n-2] = b[n-1]
			b = b[:n-1]
		}
	}
	return b, true
}

const hexDigits = "0123456789abcdef"

// jsonPlain[h][c] reports whether appendJSONString copies the ASCII byte
// c as it is, with escapeHTML false (h 0) or true (h 1): not a control
// character, '"' or '\\', nor with h 1 '<', '>' or '&'.
var jsonPlain = func() (t [2][utf8.RuneSelf]bool) {
	for c := byte(0x20); c < utf8.RuneSelf; c++ {
		t[0][c] = c != '"' && c != '\\'
		t[1][c] = t[0][c] && c != '<' && c != '>' && c != '&'
	}
	return t
}()

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

// appendJSONString appends s as a JSON string, escaped as encoding/json
// escapes it: '"' and '\\' with a backslash, the control characters as
// \b, \f, \n, \r, \t or \u00XX, and with escapeHTML '<', '>' and '&' as
// \u00XX; invalid UTF-8 as \ufffd and U+2028 and U+2029 as \u2028 and
// \u2029.
func appendJSONString(b []byte, s string, escapeHTML bool) []byte {
	b = append(b, '"')
	plain := &jsonPlain[b2i(escapeHTML)]
	start := 0
	for i := 0; i < len(s); {
		if c := s[i]; c < utf8.RuneSelf {
			if plain[c] {
				i++
				continue
			}
			b = append(b, s[start:i]...)
			switch c {
			case '\\', '"':
				b = append(b, '\\', c)
			case '\b':
				b = append(b, '\\', 'b')
			case '\f':
				b = append(b, '\\', 'f')
			case '\n':
				b = append(b, '\\', 'n')
			case '\r':
				b = append(b, '\\', 'r')
			case '\t':
				b = append(b, '\\', 't')
			default:
				b = append(b, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&0xF])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			b = append(b, s[start:i]...)
			b = append(b, `\ufffd`...)
			i += size
			start = i
			continue
		}
		if r == '\u2028' || r == '\u2029' {
			b = append(b, s[start:i]...)
			b = append(b, '\\', 'u', '2', '0', '2', hexDigits[r&0xF])
			i += size
			start = i
			continue
		}
		i += size
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}
