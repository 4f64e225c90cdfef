//go:build !linux

package relations_test

import "time"

// threadCPU reports that the CPU time of a thread is not available here:
// the tests then measure wall time.
func threadCPU() (time.Duration, bool) { return 0, false }
