package search

// Postings are written as strings of digits from a 64-character alphabet
// that needs no escaping in JSON or JS: each number is split into 5-bit
// groups, least significant first; a digit below 32 ends the number, a
// digit of 32 or more carries a group and says more follow.
const alphabet = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-_"

var digitOf [128]int8

func init() {
	for i := range digitOf {
		digitOf[i] = -1
	}
	for i := 0; i < len(alphabet); i++ {
		digitOf[alphabet[i]] = int8(i)
	}
}

func appendNum(b []byte, n int) []byte {
	for n >= 32 {
		b = append(b, alphabet[32+n&31])
		n >>= 5
	}
	return append(b, alphabet[n])
}

// decodeNums reads every number of an encoded string.
func decodeNums(s string) []int {
	var out []int
	n, shift := 0, 0
	for i := 0; i < len(s); i++ {
		d := int(digitOf[s[i]&127])
		if d >= 32 {
			n |= (d - 32) << shift
			shift += 5
			continue
		}
		out = append(out, n|d<<shift)
		n, shift = 0, 0
	}
	return out
}

// Posting is one entry's occurrences of a token.
type Posting struct {
	Entry     int
	Count     int
	Positions []int // nil for tokens that are not positional
}

// decodePostings reads a token's posting string: for each entry, the gap
// from the previous entry, the count, and for positional tokens the
// positions as gaps (the first from 0).
func decodePostings(s string, positional bool) []Posting {
	nums := decodeNums(s)
	var out []Posting
	entry := 0
	for i := 0; i < len(nums); {
		entry += nums[i]
		p := Posting{Entry: entry, Count: nums[i+1]}
		i += 2
		if positional {
			pos := 0
			p.Positions = make([]int, p.Count)
			for k := 0; k < p.Count; k++ {
				pos += nums[i]
				p.Positions[k] = pos
				i++
			}
		}
		out = append(out, p)
	}
	return out
}

// postingWriter appends one token's postings, entry by entry.
type postingWriter struct {
	buf       []byte
	lastEntry int
}

func (w *postingWriter) add(entry int, positions []int, positional bool) {
	w.buf = appendNum(w.buf, entry-w.lastEntry)
	w.lastEntry = entry
	w.buf = appendNum(w.buf, len(positions))
	if positional {
		prev := 0
		for _, p := range positions {
			w.buf = appendNum(w.buf, p-prev)
			prev = p
		}
	}
}

// join appends the postings of a later run of entries. That run's first
// entry number was written as a delta from 0; it becomes a delta from this
// writer's last entry, and the rest is copied as it is.
func (w *postingWriter) join(later *postingWriter) {
	first, n := 0, 0
	for shift := 0; n < len(later.buf); n++ {
		d := int(digitOf[later.buf[n]&127])
		if d >= 32 {
			first |= (d - 32) << shift
			shift += 5
			continue
		}
		first |= d << shift
		n++
		break
	}
	w.buf = appendNum(w.buf, first-w.lastEntry)
	w.buf = append(w.buf, later.buf[n:]...)
	w.lastEntry = later.lastEntry
}

// ShardOf is the shard a token lives in: FNV-1a (32 bit) of its UTF-8
// bytes modulo the shard count. search.js computes the same.
func ShardOf(tok string, shards int) int {
	h := uint32(2166136261)
	for i := 0; i < len(tok); i++ {
		h ^= uint32(tok[i])
		h *= 16777619
	}
	return int(h % uint32(shards))
}
