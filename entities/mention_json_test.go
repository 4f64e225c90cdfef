package entities

import (
	"encoding/json"
	"strings"
	"testing"
)

// TestMentionJSONHasEveryField: the entity object writes every field,
// empty or not ("mod" was omitted when empty while "id" and "value" were
// written), and reads back to the same Mention.
func TestMentionJSONHasEveryField(t *testing.T) {
	for _, m := range []Mention{
		{Type: State, Text: "Russia", Start: 0, End: 6, ID: "state/russia", Name: "Russia", Source: FromGazetteer, Score: 1},
		{Type: Date, Text: "late August", Value: "XXXX-08", Mod: "LATE", Source: FromRule, Score: 0.9, Metonymy: true, Alternatives: []string{"a", "b"}},
	} {
		b, err := json.Marshal(m)
		if err != nil {
			t.Fatal(err)
		}
		for _, k := range []string{"type", "text", "start", "end", "sentence", "id", "name", "adjectival", "source", "score", "value", "mod", "metonymy", "alternatives"} {
			if !strings.Contains(string(b), `"`+k+`":`) {
				t.Errorf("%s: no %q", b, k)
			}
		}
		if strings.Contains(string(b), "null") {
			t.Errorf("%s: null where a value or [] belongs", b)
		}
		var back Mention
		if err := json.Unmarshal(b, &back); err != nil {
			t.Fatal(err)
		}
		if back.Text != m.Text || back.Mod != m.Mod || len(back.Alternatives) != len(m.Alternatives) || back.Alternatives == nil && m.Alternatives != nil {
			t.Errorf("round trip: %+v, want %+v", back, m)
		}
	}
}
