package prosemodel

// Features are looked up by a 64-bit FNV-1a hash of the exact key string
// prose would build (for example "i-1 word the" or "word.lower-paris-O"
// without the label). Callers hash the pieces of a key in sequence without
// building the string: Hash(Hash(Offset, "i word "), word) equals
// Hash(Offset, "i word "+word).
//
// Two distinct model keys with the same hash are detected when the model is
// loaded (an error). A query key that is absent from the model but has the
// hash of a present key would be given that key's weights; with about 2^17
// keys per table the chance is about 2^-47 per lookup.

// Offset is the FNV-1a offset basis: the hash of the empty string.
const Offset uint64 = 14695981039346656037

const prime uint64 = 1099511628211

// Hash extends h with the bytes of s.
func Hash[T ~string | ~[]byte](h uint64, s T) uint64 {
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= prime
	}
	return h
}

// HashByte extends h with one byte.
func HashByte(h uint64, c byte) uint64 {
	h ^= uint64(c)
	return h * prime
}

// table is an open-addressing hash table, linear probing, from a key hash
// to a half-open row [lo, hi) of a weight array. Key 0 marks an empty slot;
// a hash of 0 is stored and looked up as 1.
//
// Many queried features are absent from prose's models (the words around
// a rare word), and each probe of the megabytes-large slots is a cache
// miss, so present, a bit set with sixteen bits per key that stays in the
// processor's cache, answers "absent" first for nearly all of them.
type table struct {
	slots   []slot
	shift   uint
	present []uint64 // bit presentBit(key) set for every key inserted
	pshift  uint
}

type slot struct {
	key    uint64
	lo, hi uint32
}

func newTable(n int) table {
	size, shift := 16, uint(60)
	for 2*size < 3*n { // load at most two thirds: a smaller table misses the cache less
		size *= 2
		shift--
	}
	bits := uint(10)
	for 1<<bits < 16*n && bits < 40 {
		bits++
	}
	return table{slots: make([]slot, size), shift: shift, present: make([]uint64, (1<<bits)/64), pshift: 64 - bits}
}

func (t *table) presentBit(key uint64) uint64 { return (key * 0xD6E8FEB86659FD93) >> t.pshift }

// mayHave reports whether key may be in the table; false means it is not.
func (t *table) mayHave(key uint64) bool {
	b := t.presentBit(key)
	return t.present[b>>6]&(1<<(b&63)) != 0
}

func (t *table) index(key uint64) uint64 {
	return (key * 0x9E3779B97F4A7C15) >> t.shift
}

// insert adds a row; it reports false if the key is present already.
func (t *table) insert(key uint64, lo, hi uint32) bool {
	if key == 0 {
		key = 1
	}
	mask := uint64(len(t.slots) - 1)
	for i := t.index(key); ; i = (i + 1) & mask {
		s := &t.slots[i]
		if s.key == key {
			return false
		}
		if s.key == 0 {
			*s = slot{key, lo, hi}
			b := t.presentBit(key)
			t.present[b>>6] |= 1 << (b & 63)
			return true
		}
	}
}

// lookup returns the row of key, or an empty row.
func (t *table) lookup(key uint64) (lo, hi uint32) {
	if key == 0 {
		key = 1
	}
	if !t.mayHave(key) {
		return 0, 0
	}
	mask := uint64(len(t.slots) - 1)
	for i := t.index(key); ; i = (i + 1) & mask {
		s := &t.slots[i]
		if s.key == key {
			return s.lo, s.hi
		}
		if s.key == 0 {
			return 0, 0
		}
	}
}

// maxBatch is the largest batch of [table.lookupBatch].
const maxBatch = 32

// lookupBatch looks up several keys; lo and hi have len(keys) elements.
// The first probes of all keys are independent loads, issued before any
// result is used.
func (t *table) lookupBatch(keys []uint64, lo, hi []uint32) {
	var idx [maxBatch]uint64
	keys = keys[:min(len(keys), maxBatch)]
	lo, hi = lo[:len(keys)], hi[:len(keys)]
	var absent uint32 // bit k: keys[k] is known to be absent
	for k, key := range keys {
		key = max(key, 1)
		if !t.mayHave(key) {
			absent |= 1 << k
			continue
		}
		idx[k] = t.index(key)
	}
	mask := uint64(len(t.slots) - 1)
	for k, key := range keys {
		key = max(key, 1)
		lo[k], hi[k] = 0, 0
		if absent&(1<<k) != 0 {
			continue
		}
		for i := idx[k]; ; i = (i + 1) & mask {
			s := &t.slots[i]
			if s.key == key {
				lo[k], hi[k] = s.lo, s.hi
				break
			}
			if s.key == 0 {
				break
			}
		}
	}
}
