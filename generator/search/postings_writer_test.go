package search

import "encoding/binary"

// postingsWriter writes Postings the plain way, one hit at a time: the
// specification the poster (poster.go) is tested against, and a way for
// tests to make postings of any shape.
type postingsWriter struct {
	Postings
	// the open document's entries and counts, and its positions,
	// encoded as they come
	doc, head      int
	locals, counts []int
	pend           []byte
	prevPos        int
}

// hit records the token at position p of entry local of document doc
// (whose first head entries are titles and headings). Documents come in
// order, entries of a document in order and positions of an entry in order.
func (w *postingsWriter) hit(doc, head, local, p int) {
	if len(w.locals) > 0 && doc != w.doc {
		w.flush()
	}
	w.doc, w.head = doc, head
	if n := len(w.locals); n == 0 || w.locals[n-1] != local {
		w.locals = append(w.locals, local)
		w.counts = append(w.counts, 0)
		w.prevPos = 0
	}
	w.counts[len(w.counts)-1]++
	if w.positional {
		w.pend = binary.AppendUvarint(w.pend, uint64(p-w.prevPos))
		w.prevPos = p
	}
}

// flush writes the open document's group.
func (w *postingsWriter) flush() {
	if len(w.locals) == 0 {
		return
	}
	heads := 0
	for _, l := range w.locals {
		if l < w.head {
			heads++
		}
	}
	w.Entries = appendGroupHead(w.Entries, w.doc-w.last, len(w.locals), heads)
	prev := 0
	for i, l := range w.locals {
		w.Entries = appendEntry(w.Entries, l-prev, w.counts[i])
		prev = l
	}
	w.Positions = append(w.Positions, w.pend...)
	w.last = w.doc
	w.Docs++
	w.Hits += len(w.locals)
	w.locals, w.counts, w.pend = w.locals[:0], w.counts[:0], w.pend[:0]
}

// done flushes the open document and gives the postings written.
func (w *postingsWriter) done() *Postings {
	w.flush()
	return &w.Postings
}
