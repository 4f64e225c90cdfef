//go:build linux

package depparse

import (
	"syscall"
	"unsafe"
)

// hugeCopy returns a read-only copy of b in memory that the kernel is
// asked to back with 2 MB pages (transparent huge pages, madvise), or nil
// if the memory cannot be mapped. Nearly every weight lookup of a parse
// goes to a random place of the model's 8 MB, so with 4 KB pages most of
// them also miss the TLB: huge pages make parsing about a sixth faster.
// The copy is never unmapped.
func hugeCopy(b []byte) []byte {
	const huge = 2 << 20
	if len(b) == 0 {
		return nil
	}
	n := (len(b) + huge - 1) &^ (huge - 1)
	mem, err := syscall.Mmap(-1, 0, n+huge, syscall.PROT_READ|syscall.PROT_WRITE, syscall.MAP_ANON|syscall.MAP_PRIVATE)
	if err != nil {
		return nil
	}
	off := (huge - int(uintptr(unsafe.Pointer(&mem[0]))%huge)) % huge
	mem = mem[off : off+n]
	_ = syscall.Madvise(mem, syscall.MADV_HUGEPAGE) // else ordinary pages
	copy(mem, b)
	_ = syscall.Mprotect(mem, syscall.PROT_READ)
	return mem[:len(b):len(b)]
}
