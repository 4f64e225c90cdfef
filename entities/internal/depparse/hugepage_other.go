//go:build !linux

package depparse

// hugeCopy returns nil: the model is used where it lies.
func hugeCopy([]byte) []byte { return nil }
