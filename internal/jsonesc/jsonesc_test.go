package jsonesc

import (
	"encoding/json"
	"testing"
)

// TestSimple checks every byte against encoding/json's reading of the
// string "\" + byte.
func TestSimple(t *testing.T) {
	for c := 0; c < 256; c++ {
		var s string
		err := json.Unmarshal([]byte{'"', '\\', byte(c), '"'}, &s)
		got, ok := Simple(byte(c))
		want := err == nil && len(s) == 1
		if ok != want || ok && got != s[0] {
			t.Errorf("Simple(%q) = %q, %v; encoding/json reads %q, %v", byte(c), got, ok, s, err)
		}
	}
}
