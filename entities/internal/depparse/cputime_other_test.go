//go:build !linux

package depparse_test

import "time"

// threadCPU reports that the CPU time of a thread is not available here:
// BenchmarkParseCPU then measures wall time.
func threadCPU() (time.Duration, bool) { return 0, false }
