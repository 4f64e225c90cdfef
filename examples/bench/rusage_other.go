//go:build !unix

package main

import "time"

// maxRSS returns the peak resident set size of the process, as text.
func maxRSS() string { return "unknown on this system" }

// cpuTime returns 0: the processor time is not measured on this system.
func cpuTime() time.Duration { return 0 }
