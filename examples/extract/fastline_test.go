package main

import (
	"encoding/json"
	"math/rand"
	"reflect"
	"strings"
	"testing"
)

// checkDecodeLine compares decodeLine with json.Unmarshal on one line.
func checkDecodeLine(t *testing.T, line string) {
	t.Helper()
	var want, got batchLine
	werr := json.Unmarshal([]byte(line), &want)
	gerr := decodeLine([]byte(line), &got)
	if (werr == nil) != (gerr == nil) || werr != nil && werr.Error() != gerr.Error() {
		t.Fatalf("%q: error %v, want %v", line, gerr, werr)
	}
	if werr == nil && !reflect.DeepEqual(got, want) {
		t.Fatalf("%q: got %+v, want %+v", line, got, want)
	}
}

func TestDecodeLineEdges(t *testing.T) {
	for _, line := range []string{
		`{"id": "0", "text": "plain"}`,
		`{"id":"a","text":"x","date":"2020-01-02"}`,
		` { "text" : "t\"q\\b\/s\b\f\n\r\t" , "id" : "7" } `,
		`{"id": "1", "text": "Media\u0219 \u00e9\u0000\uFFFF"}`,
		`{"id": "1", "text": "surrogate \ud83d\ude00 lone \ud800"}`,
		`{"id": "1", "text": "Mediaș 日本"}`,
		"{\"id\": \"1\", \"text\": \"bad \xff utf8\"}",
		"{\"id\": \"1\", \"text\": \"ctl \x01\"}",
		"{\"id\": \"1\", \"text\": \"del \x7f\"}",
		"{\"id\": \"1\", \"text\": \"ed a0 80 \xed\xa0\x80\"}",
		`{"id": "1", "text": "bad \x escape"}`,
		`{"id": "1", "text": "bad \u12 escape"}`,
		`{"id": "1", "text": "bad \u12g4 escape"}`,
		`{"id": "1", "text": "trailing \"}`,
		`{"id": "1", "text": "x"} junk`,
		`{"id": "1", "text": "x"`,
		`{"id": "1", "text": "x",}`,
		`{"id": 12, "text": "x"}`,
		`{"id": null, "text": "x"}`,
		`{"id": "1", "text": null}`,
		`{"id": "1"}`,
		`{"ID": "1", "Text": "x"}`,
		`{"id": "1", "text": "x", "text": "y"}`,
		`{"id": "1", "id": "2", "text": "x"}`,
		`{"id": "1", "text": "x", "date": "2020-01-02", "date": "x"}`,
		`{"id": "1", "text": "x", "other": 3}`,
		`{"id": "a\"b", "text": "x"}`,
		`{"id": "é", "text": "x"}`,
		`{"date": "2020\u002d01-02", "text": "x"}`,
		`{}`,
		`[]`,
		`"text"`,
		``,
		`{"id": "1", "text": ""}`,
		`{"id": "", "text": "x"}`,
		"{\"id\": \"1\",\n\t\"text\": \"x\"\r}",
		`{"id": "1" "text": "x"}`,
		`{"id" "1", "text": "x"}`,
		`{"id": "1", "text": "x\`,
		`{"id": "1", "text": "x\"`,
	} {
		checkDecodeLine(t, line)
	}
}

func TestDecodeLineRandom(t *testing.T) {
	r := rand.New(rand.NewSource(1))
	pieces := []string{`a`, `Z`, `abcdefgh`, `The quick brown fox`, ` `, `\"`, `\\`, `\/`, `\n`, `\t`, `\b`, `\f`, `\r`, `\u0219`, `\u00E9`,
		`\ud83d\ude00`, `\udc00`, `\q`, `é`, `日`, "\xff", "\x01", "\x7f", `"`, `\`, `{`, `}`, `,`, `:`}
	for n := 0; n < 20000; n++ {
		var b strings.Builder
		for k := r.Intn(40); k > 0; k-- {
			b.WriteString(pieces[r.Intn(len(pieces))])
		}
		text := b.String()
		switch r.Intn(4) {
		case 0:
			checkDecodeLine(t, `{"id": "`+text+`", "text": "x"}`)
		case 1:
			checkDecodeLine(t, `{"id": "1", "text": "x", "date": "`+text+`"}`)
		default:
			checkDecodeLine(t, `{"id": "1", "text": "`+text+`"}`)
		}
	}
}

func BenchmarkDecodeLine(b *testing.B) {
	line := []byte(`{"id": "0", "text": "Wilfried \" Willi \" Schneider ( born 13 March 1963 in Media\u0219 , Transylvania ) is a German skeleton racer who competed from 1992 to 2002 ."}`)
	var in batchLine
	for b.Loop() {
		if err := decodeLine(line, &in); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkDecodeLineJSON(b *testing.B) {
	line := []byte(`{"id": "0", "text": "Wilfried \" Willi \" Schneider ( born 13 March 1963 in Media\u0219 , Transylvania ) is a German skeleton racer who competed from 1992 to 2002 ."}`)
	var in batchLine
	for b.Loop() {
		if err := json.Unmarshal(line, &in); err != nil {
			b.Fatal(err)
		}
	}
}

// hasSpecialPlain is hasSpecial byte by byte.
func hasSpecialPlain(x uint64) bool {
	for k := 0; k < 8; k++ {
		c := byte(x >> (8 * k))
		if c == '"' || c == '\\' || c < 0x20 || c >= 0x80 {
			return true
		}
	}
	return false
}

func TestHasSpecial(t *testing.T) {
	r := rand.New(rand.NewSource(2))
	bytes := []byte{0, 0x1f, 0x20, 0x21, '"', '#', '[', '\\', ']', 'a', 0x7f, 0x80, 0xff}
	for n := 0; n < 200000; n++ {
		var x uint64
		for k := 0; k < 8; k++ {
			c := byte(r.Intn(256))
			if r.Intn(2) == 0 {
				c = bytes[r.Intn(len(bytes))]
			}
			x |= uint64(c) << (8 * k)
		}
		// hasSpecial may not miss a special byte; on ASCII it is exact.
		if got, want := hasSpecial(x), hasSpecialPlain(x); got != want {
			t.Fatalf("hasSpecial(%#x) = %v, want %v", x, got, want)
		}
	}
}
