package geniso

import (
	"bytes"
	"strings"
	"testing"
)

func TestSlug(t *testing.T) {
	tests := []struct {
		name, want string
	}{
		{"Russia", "russia"},
		{"Åland Islands", "aland-islands"},
		{"Saint Helena, Ascension and Tristan da Cunha", "saint-helena-ascension-and-tristan-da-cunha"},
		{"Cocos (Keeling) Islands", "cocos-keeling-islands"},
		{"U.S. Virgin Islands", "us-virgin-islands"},
		{"Côte d'Ivoire", "cote-divoire"},
		{"Guinea-Bissau", "guinea-bissau"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Slug(tt.name)
			if err != nil || got != tt.want {
				t.Errorf("Slug(%q) = %q, %v; want %q", tt.name, got, err, tt.want)
			}
		})
	}
	if _, err := Slug("Łódź"); err == nil {
		t.Error("Slug of an unfolded letter: no error")
	}
}

// The real input is large and machine-dependent; these cases check that the
// generator refuses what it cannot classify instead of guessing.
func TestGenerateRejects(t *testing.T) {
	tests := []struct {
		name, input, wantErr string
	}{
		{"not json", `{`, "decoding"},
		{"no entries", `{"3166-1": []}`, "no \"3166-1\" entries"},
		{"unclassified", `{"3166-1": [{"alpha_2": "XK", "alpha_3": "XKX", "numeric": "999", "name": "Kosovo"}]}`, "XKX: not classified"},
		{"bad code", `{"3166-1": [{"alpha_2": "ru", "alpha_3": "RUS", "numeric": "643", "name": "Russian Federation"}]}`, "bad codes"},
		{"table code missing", `{"3166-1": [{"alpha_2": "RU", "alpha_3": "RUS", "numeric": "643", "name": "Russian Federation"}]}`, "USA: listed in a table but not in the input"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var out bytes.Buffer
			err := Generate(strings.NewReader(tt.input), &out)
			if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
				t.Fatalf("Generate: error %v, want one containing %q", err, tt.wantErr)
			}
			if out.Len() != 0 {
				t.Errorf("Generate wrote %d bytes despite the error", out.Len())
			}
		})
	}
}
