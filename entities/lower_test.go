package entities

import "testing"

// TestCountValue checks the number words of countValue.
func TestCountValue(t *testing.T) {
	words := []string{"zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"}
	for n, w := range words {
		got, ok := countValue(w)
		if n == 0 {
			if ok {
				t.Errorf("countValue(%q) = %d, true", w, got)
			}
			continue
		}
		if got != n || !ok {
			t.Errorf("countValue(%q) = %d, %v, want %d", w, got, ok, n)
		}
	}
}
