// Package jsonesc holds what the project's two hand-written JSON string
// readers share (the gazetteer's JSON Lines parser and extract's fast
// path for input lines): the one-byte escapes of RFC 8259.
package jsonesc

// Simple returns the byte that the escape "\" + c stands for when c is one
// of the one-byte escapes (" \ / b f n r t), and false otherwise ("\u"
// and invalid escapes are the caller's).
func Simple(c byte) (byte, bool) {
	switch c {
	case '"', '\\', '/':
		return c, true
	case 'b':
		return '\b', true
	case 'f':
		return '\f', true
	case 'n':
		return '\n', true
	case 'r':
		return '\r', true
	case 't':
		return '\t', true
	}
	return 0, false
}
