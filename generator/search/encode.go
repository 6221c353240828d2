package search

import "encoding/binary"

// Postings is one token's occurrences as two streams of unsigned varints
// (encoding/binary's Uvarint; search.js reads them the same way):
//
//   - Entries: for each entry holding the token, in entry order, the gap
//     from the previous entry (the first from 0) and the count, packed:
//     gap×2 when the count is 1 (most are), else gap×2+1 then count−2;
//   - Positions: for positional tokens, each entry's positions in the same
//     order, as gaps (each entry's first from 0).
//
// They are kept apart because a query of up to four Han characters
// or a word prefix is answered from the entries and counts alone; only a
// longer phrase decodes positions.
type Postings struct {
	Entries, Positions []byte
	last               int // the last entry added, for the next gap

	// While indexing: the entry whose positions are being collected
	// (see hit), and whether this token keeps positions.
	open       int
	pos        []int
	positional bool
}

// hit records the token at position p of entry, which is the open entry
// or a later one; positions of one entry come in order.
func (w *Postings) hit(entry, p int) {
	if len(w.pos) > 0 && entry != w.open {
		w.flush()
	}
	w.open = entry
	w.pos = append(w.pos, p)
}

// flush writes the open entry's positions.
func (w *Postings) flush() {
	if len(w.pos) > 0 {
		w.add(w.open, w.pos, w.positional)
		w.pos = w.pos[:0]
	}
}

func (w *Postings) add(entry int, positions []int, positional bool) {
	w.Entries = appendEntry(w.Entries, entry-w.last, len(positions))
	w.last = entry
	if positional {
		prev := 0
		for _, p := range positions {
			w.Positions = binary.AppendUvarint(w.Positions, uint64(p-prev))
			prev = p
		}
	}
}

func appendEntry(b []byte, gap, count int) []byte {
	if count == 1 {
		return binary.AppendUvarint(b, uint64(gap)*2)
	}
	b = binary.AppendUvarint(b, uint64(gap)*2+1)
	return binary.AppendUvarint(b, uint64(count-2))
}

// readEntry reads one packed gap and count.
func readEntry(r *varints) (gap, count int) {
	v := r.next()
	if v&1 == 0 {
		return v >> 1, 1
	}
	return v >> 1, r.next() + 2
}

// join appends the postings of a later run of entries. That run's first
// entry was written as a gap from 0; it becomes a gap from this writer's
// last entry, and the rest is copied as it is.
func (w *Postings) join(later *Postings) {
	r := varints{b: later.Entries}
	first, count := readEntry(&r)
	w.Entries = appendEntry(w.Entries, first-w.last, count)
	w.Entries = append(w.Entries, later.Entries[r.i:]...)
	w.Positions = append(w.Positions, later.Positions...)
	w.last = later.last
}

// Posting is one entry's occurrences of a token.
type Posting struct {
	Entry     int
	Count     int
	Positions []int // nil unless asked for
}

// decode reads the postings, with positions when withPositions is set
// (only for positional tokens).
func (w *Postings) decode(withPositions bool) []Posting {
	var out []Posting
	r, pr := varints{b: w.Entries}, varints{b: w.Positions}
	entry := 0
	for !r.done() {
		gap, count := readEntry(&r)
		entry += gap
		p := Posting{Entry: entry, Count: count}
		if withPositions {
			p.Positions = make([]int, p.Count)
			pos := 0
			for k := range p.Positions {
				pos += pr.next()
				p.Positions[k] = pos
			}
		}
		out = append(out, p)
	}
	return out
}

// varints reads a stream of unsigned varints; a truncated stream reads as
// zeros (the index is written by this package, never by a user).
type varints struct {
	b []byte
	i int
}

func (r *varints) done() bool { return r.i >= len(r.b) }

func (r *varints) next() int {
	v, n := binary.Uvarint(r.b[r.i:])
	if n <= 0 {
		r.i = len(r.b)
		return 0
	}
	r.i += n
	return int(v)
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
