package search

import "encoding/binary"

// Postings is one token's occurrences, grouped by document in document
// order, as two streams of unsigned varints (encoding/binary's Uvarint;
// search.js reads them the same way):
//
//   - Entries: for each document holding the token, the gap from the
//     previous document (the first from 0) as gap×2 when the document
//     has one entry with the token and it is no head entry (most), else
//     gap×2+1 followed by n and h packed as (n−1)×2, or (n−1)×2+1 then
//     h−1 when h > 0, where n is how many of the document's entries hold
//     the token and h how many of those are head entries (title,
//     headings, terms: they come first); then each entry's number within
//     its document, as the gap from the previous one (the first from 0),
//     with its count, packed: gap×2 when the count is 1 (most are), else
//     gap×2+1 then count−2;
//   - Positions: for positional tokens, each entry's positions in the same
//     order, as gaps (each entry's first from 0).
//
// Entries are numbered within their document, so an edit to one document
// changes no other document's numbers, and a document's group is whole
// in any part of a split list (see split.go). They are kept apart because
// a query of up to four Han characters or a word prefix is answered from
// the entries and counts alone; only a longer phrase decodes positions.
type Postings struct {
	Entries, Positions []byte
	Docs, Hits         int  // documents and entries holding the token
	last               int  // the last document written, for the next gap
	positional         bool // positions are written (see Positional)
}

// Postings are written by the indexer's poster (poster.go), and tested
// against the rule written out plainly in postingsWriter
// (postings_writer_test.go), hit by hit.

func appendGroupHead(b []byte, gap, n, heads int) []byte {
	if n == 1 && heads == 0 {
		return binary.AppendUvarint(b, uint64(gap)*2)
	}
	b = binary.AppendUvarint(b, uint64(gap)*2+1)
	if heads == 0 {
		return binary.AppendUvarint(b, uint64(n-1)*2)
	}
	b = binary.AppendUvarint(b, uint64(n-1)*2+1)
	return binary.AppendUvarint(b, uint64(heads-1))
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

// join appends the postings of a later run of documents. That run's first
// document was written as a gap from 0; it becomes a gap from this
// writer's last document, and the rest is copied as it is.
func (w *Postings) join(later *Postings) {
	r := varints{b: later.Entries}
	v := r.next()
	w.Entries = binary.AppendUvarint(w.Entries, uint64(v>>1-w.last)*2+uint64(v&1))
	w.Entries = append(w.Entries, later.Entries[r.i:]...)
	w.Positions = append(w.Positions, later.Positions...)
	w.last = later.last
	w.Docs += later.Docs
	w.Hits += later.Hits
}

// group is one document's part of a token's postings: where it lies in
// the two streams (its entry bytes after the document gap) and its class
// (see entryWeight): how the document ranks for the token, before its
// date.
type group struct {
	doc        int
	flag       int // the low bit of the document gap: n and h follow
	e0, e1     int // Entries[e0:e1]: n and h if written, the entries
	p0, p1     int // Positions[p0:p1]
	class      int
	heads, len int
}

// groups reads the document groups of postings; positions are skipped
// over only for positional tokens.
func groups(entries, positions []byte, positional bool) []group {
	return appendGroups(nil, entries, positions, positional)
}

// appendGroups is groups appending to out (which a caller sizes).
func appendGroups(out []group, entries, positions []byte, positional bool) []group {
	r, pr := varints{b: entries}, varints{b: positions}
	doc := 0
	for !r.done() {
		h := readGroupHeader(&r, doc)
		doc = h.doc
		g := group{doc: doc, flag: h.flag, e0: h.afterGap, p0: pr.i, len: h.n, heads: h.heads}
		local := 0
		for k := 0; k < g.len; k++ {
			gap, count := readEntry(&r)
			local += gap
			g.class = max(g.class, entryWeight(local, k < g.heads))
			if positional {
				for range count {
					pr.next()
				}
			}
		}
		g.e1, g.p1 = r.i, pr.i
		out = append(out, g)
	}
	return out
}

// groupHeader is the head of a document group in an entry stream: the
// gap from the previous document (doubled, its low bit the flag: a count
// follows), then, when flagged, the number of entries (doubled, its low
// bit saying a number of head entries follows) and that number less one.
type groupHeader struct {
	doc, flag, n, heads int // heads: 0 when not written
	afterGap            int // where the stream stood after the gap
}

// readGroupHeader reads a group's head; prevDoc is the previous group's
// document (0 before the first).
func readGroupHeader(r *varints, prevDoc int) groupHeader {
	v := r.next()
	h := groupHeader{doc: prevDoc + v>>1, flag: v & 1, n: 1, afterGap: r.i}
	if h.flag == 1 {
		v := r.next()
		h.n = v>>1 + 1
		if v&1 == 1 {
			h.heads = r.next() + 1
		}
	}
	return h
}

// entryWeight is how much an entry's hits count for ranking: a title
// (entry 0) 100, a heading or terms 20, a paragraph 1. Documents rank by
// the weight of their best hit, then newest first; within a document,
// hits rank by weight × count (up to 10). search.js ranks the same way.
func entryWeight(local int, head bool) int {
	switch {
	case local == 0:
		return 100
	case head:
		return 20
	}
	return 1
}

// Posting is one entry's occurrences of a token.
type Posting struct {
	Doc, Local int
	Entry      int // the entry in Index.Entries (set by Index.postings)
	Count      int
	Positions  []int // nil unless asked for
}

// decode reads the postings, with positions when withPositions is set
// (only for positional tokens).
func decode(entries, positions []byte, withPositions bool) []Posting {
	var out []Posting
	r, pr := varints{b: entries}, varints{b: positions}
	doc := 0
	for !r.done() {
		h := readGroupHeader(&r, doc)
		doc = h.doc
		local := 0
		for range h.n {
			gap, count := readEntry(&r)
			local += gap
			p := Posting{Doc: doc, Local: local, Count: count}
			if withPositions {
				p.Positions = make([]int, count)
				pos := 0
				for k := range p.Positions {
					pos += pr.next()
					p.Positions[k] = pos
				}
			}
			out = append(out, p)
		}
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
