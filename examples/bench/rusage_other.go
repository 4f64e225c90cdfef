//go:build !unix

package main

// maxRSS returns the peak resident set size of the process, as text.
func maxRSS() string { return "unknown on this system" }
