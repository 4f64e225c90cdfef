//go:build unix

package main

import (
	"fmt"
	"runtime"
	"syscall"
	"time"
)

// maxRSS returns the peak resident set size of the process, as text.
func maxRSS() string {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return "unknown"
	}
	kb := float64(ru.Maxrss) // kilobytes on Linux, bytes on Darwin
	if runtime.GOOS == "darwin" {
		kb /= 1024
	}
	return fmt.Sprintf("%.1f MB", kb/1024)
}

// cpuTime returns the processor time (user and system) that the process
// has used. On a busy machine it counts only the time the program ran,
// not the time it waited for a processor.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
