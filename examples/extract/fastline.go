package main

import (
	"encoding/binary"
	"encoding/json"
	"unicode/utf8"

	"github.com/statecraft/statecraft/internal/jsonesc"
)

// decodeLine decodes one batch line into in: json.Unmarshal(data, in)
// through a fast path for the common line, an object of the keys "id"
// (a string), "text" and "date" (strings), each at most once. Any other
// line goes to json.Unmarshal, so the result and the errors are always
// those of json.Unmarshal.
func decodeLine(data []byte, in *batchLine) error {
	if fastDecodeLine(data, in) {
		return nil
	}
	*in = batchLine{}
	return json.Unmarshal(data, in)
}

// fastDecodeLine is the fast path of decodeLine. It reports whether it
// decoded the line; when it returns false, in may hold part of the line
// and the caller must decode it again.
func fastDecodeLine(data []byte, in *batchLine) bool {
	*in = batchLine{}
	var seenID, seenText, seenDate bool
	i := skipSpace(data, 0)
	if i >= len(data) || data[i] != '{' {
		return false
	}
	i = skipSpace(data, i+1)
	if i < len(data) && data[i] == '}' {
		return false // rare: let json.Unmarshal handle it
	}
	for {
		// Key: a plain string of lower-case letters.
		if i >= len(data) || data[i] != '"' {
			return false
		}
		k := i + 1
		for k < len(data) && 'a' <= data[k] && data[k] <= 'z' {
			k++
		}
		if k >= len(data) || data[k] != '"' {
			return false
		}
		key := data[i+1 : k]
		i = skipSpace(data, k+1)
		if i >= len(data) || data[i] != ':' {
			return false
		}
		i = skipSpace(data, i+1)
		if i >= len(data) || data[i] != '"' {
			return false // only string values
		}
		switch string(key) { // compared only: no allocation
		case "id":
			end, ok := plainStringEnd(data, i)
			if !ok || seenID {
				return false
			}
			seenID = true
			in.ID = json.RawMessage(append([]byte(nil), data[i:end]...))
			i = end
		case "text":
			s, end, ok := unquoteString(data, i)
			if !ok || seenText {
				return false
			}
			seenText = true
			in.Text = &s
			i = end
		case "date":
			end, ok := plainStringEnd(data, i)
			if !ok || seenDate {
				return false
			}
			seenDate = true
			in.Date = string(data[i+1 : end-1])
			i = end
		default:
			return false
		}
		i = skipSpace(data, i)
		if i >= len(data) {
			return false
		}
		if data[i] == '}' {
			break
		}
		if data[i] != ',' {
			return false
		}
		i = skipSpace(data, i+1)
	}
	return skipSpace(data, i+1) == len(data)
}

// skipSpace returns the index of the first byte of data at or after i
// that is not JSON white space.
func skipSpace(data []byte, i int) int {
	for i < len(data) {
		switch data[i] {
		case ' ', '\t', '\n', '\r':
			i++
		default:
			return i
		}
	}
	return i
}

// plainStringEnd returns the index just past the JSON string that starts
// with the quote at data[i], if it is made of printable ASCII without
// escapes; ok is false otherwise.
func plainStringEnd(data []byte, i int) (end int, ok bool) {
	for k := i + 1; k < len(data); k++ {
		switch c := data[k]; {
		case c == '"':
			return k + 1, true
		case c < 0x20 || c == '\\' || c >= utf8.RuneSelf:
			return 0, false
		}
	}
	return 0, false
}

// unquoteString decodes the JSON string that starts with the quote at
// data[i] as json.Unmarshal would, returning it and the index just past
// it. It gives up (ok false) on what it does not handle, all of it rare:
// invalid UTF-8 and \u escapes of UTF-16 surrogates; and on invalid
// strings. Runs of plain bytes are skipped eight at a time (hasSpecial)
// and copied whole.
func unquoteString(data []byte, i int) (s string, end int, ok bool) {
	var b []byte // the decoded string, once an escape is met
	run := i + 1 // start of the bytes not yet copied to b
	k := run
	for {
		for k+8 <= len(data) && !hasSpecial(binary.LittleEndian.Uint64(data[k:])) {
			k += 8
		}
		if k >= len(data) {
			return "", 0, false
		}
		switch c := data[k]; {
		case c == '"':
			if b == nil {
				return string(data[run:k]), k + 1, true
			}
			return string(append(b, data[run:k]...)), k + 1, true
		case c < 0x20:
			return "", 0, false
		case c == '\\':
			if b == nil {
				// The rest of the line bounds the decoded string.
				b = make([]byte, 0, len(data)-i)
			}
			b = append(b, data[run:k]...)
			if k+1 >= len(data) {
				return "", 0, false
			}
			if e, ok := jsonesc.Simple(data[k+1]); ok {
				b = append(b, e)
				k += 2
				run = k
				continue
			}
			switch data[k+1] {
			case 'u':
				u, ok := hex4(data, k+2)
				if !ok || 0xD800 <= u && u < 0xE000 {
					return "", 0, false
				}
				b = utf8.AppendRune(b, rune(u))
				k += 4
			default:
				return "", 0, false
			}
			k += 2
			run = k
		case c < utf8.RuneSelf:
			k++
		default:
			r, size := utf8.DecodeRune(data[k:])
			if r == utf8.RuneError && size == 1 {
				return "", 0, false
			}
			k += size
		}
	}
}

// hasSpecial reports whether one of the eight bytes of x (or, rarely, a
// byte next to one) needs a look in a JSON string: a quote, a backslash,
// a control byte or a byte of a multi-byte UTF-8 sequence. When it
// reports false, none of them does.
func hasSpecial(x uint64) bool {
	const lo, hi = 0x0101010101010101, 0x8080808080808080
	q := x ^ '"'*lo
	bs := x ^ '\\'*lo
	// (v - lo) & ^v & hi is non-zero if v has a zero byte, and then
	// only; likewise (x - 0x20*lo) & ^x for a byte below 0x20 when no
	// byte has its top bit set.
	return (x|(x-0x20*lo)&^x|(q-lo)&^q|(bs-lo)&^bs)&hi != 0
}

// hex4 returns the value of the four hexadecimal digits at b[i:i+4].
func hex4(b []byte, i int) (uint32, bool) {
	if i+4 > len(b) {
		return 0, false
	}
	var v uint32
	for _, c := range b[i : i+4] {
		switch {
		case '0' <= c && c <= '9':
			c -= '0'
		case 'a' <= c && c <= 'f':
			c -= 'a' - 10
		case 'A' <= c && c <= 'F':
			c -= 'A' - 10
		default:
			return 0, false
		}
		v = v<<4 | uint32(c)
	}
	return v, true
}
