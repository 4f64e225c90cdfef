//go:build linux

package depparse_test

import (
	"syscall"
	"time"
)

// threadCPU returns the CPU time used so far by the calling OS thread, to
// which the caller has locked its goroutine: the work done, whatever else
// the machine is running.
func threadCPU() (time.Duration, bool) {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_THREAD, &ru); err != nil {
		return 0, false
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano()), true
}
