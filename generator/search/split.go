package search

import (
	"encoding/binary"
	"math"
	"math/bits"
	"slices"
	"strconv"
)

// A long posting list is split so that a query loads a few kilobytes
// before its first results, however many documents hold the token:
//
//   - the first part, kept in the token's shard: the documents that rank
//     first for the token alone (by the class of their best hit, title,
//     heading or paragraph, then newest first), up to PartBudget bytes, in
//     document order. For a query of one token these are exactly its
//     first results. A phrase or several terms rank no higher in a
//     document than each of their tokens does, so search.js shows the
//     results no document left out of a first part could outrank (each
//     list's best left out bounds them: bestClass, bestDoc), and loads
//     the rest when that is too few. Ranking by class and date, not by
//     counts, is what makes that bound tight: the newest documents of
//     every piece of a phrase are in their first parts, while the pieces'
//     counts say little about the phrase's;
//   - the rest, in files r/<token hash>-<k> that each hold the documents
//     of one range of document numbers [k·W, (k+1)·W), loaded after the
//     first results are drawn (on the search page, for the count, the
//     filters and the later pages) or when the first part is not enough.
//
// W is a power of two chosen from the size of the rest, so an edit moves
// a document between at most two files of a token (and the first part),
// and a new newest document lands in the last file.
const (
	PartBudget  = 3 << 10
	ChunkTarget = 24 << 10
	minChunkLog = 6 // 64 documents
)

// split is a token's postings as written.
type split struct {
	first     Postings // the first part (Docs, Hits: the whole list's)
	bestClass int      // the best-ranked document left out of the first part
	bestDoc   int
	chunkLog  int // W = 1 << chunkLog documents per rest file
	chunks    []int
	// With rest files: the token's hash, which names them, and each
	// file's raw bytes (the length of the entry stream, the entry stream,
	// the position stream).
	hash    string
	restRaw [][]byte
}

// splitPostings splits p (see above); nd is the number of documents.
func splitPostings(tok string, p *Postings, nd int) *split {
	return splitWith(tok, p, nd, &splitScratch{})
}

// splitScratch is the working memory of splitting, kept from one list to
// the next by a goroutine that splits many (a list's groups would
// otherwise be most of what an index build allocates).
type splitScratch struct {
	groups  []group
	keys    []uint64
	order   []int
	inFirst []bool
}

// splitWith is splitPostings with the scratch given.
func splitWith(tok string, p *Postings, nd int, sc *splitScratch) *split {
	s := &split{first: Postings{Entries: p.Entries, Positions: p.Positions, Docs: p.Docs, Hits: p.Hits}}
	if len(p.Entries)+len(p.Positions) <= PartBudget*3/2 {
		return s
	}
	gs := appendGroups(sc.groups[:0], p.Entries, p.Positions, Positional(tok))
	sc.groups = gs
	order := sc.rank(gs)
	size, k := 0, 0
	for k < len(order) {
		g := gs[order[k]]
		n := g.e1 - g.e0 + g.p1 - g.p0 + 2
		if k > 0 && size+n > PartBudget {
			break
		}
		size += n
		k++
	}
	if k == len(order) {
		return s
	}
	inFirst := slices.Grow(sc.inFirst[:0], len(gs))[:len(gs)]
	clear(inFirst)
	sc.inFirst = inFirst
	for _, i := range order[:k] {
		inFirst[i] = true
	}
	best := gs[order[k]]
	s.bestClass, s.bestDoc = best.class, best.doc
	restBytes := len(p.Entries) + len(p.Positions) - size
	// W: about ChunkTarget bytes of rest per file, as a power of two
	w := max(1, nd*ChunkTarget/max(1, restBytes))
	s.chunkLog = max(minChunkLog, bits.Len(uint(w))-1)
	first := Postings{Docs: p.Docs, Hits: p.Hits}
	var cur Postings // the open rest file's streams, reused for the next
	for i, g := range gs {
		dst := &first
		if !inFirst[i] {
			c := g.doc >> s.chunkLog
			if len(s.chunks) == 0 || s.chunks[len(s.chunks)-1] != c {
				if len(s.chunks) > 0 {
					s.closeRest(&cur)
				}
				s.chunks = append(s.chunks, c)
			}
			dst = &cur
		}
		dst.Entries = binary.AppendUvarint(dst.Entries, uint64(g.doc-dst.last)*2+uint64(g.flag))
		dst.Entries = append(dst.Entries, p.Entries[g.e0:g.e1]...)
		dst.Positions = append(dst.Positions, p.Positions[g.p0:g.p1]...)
		dst.last = g.doc
	}
	s.closeRest(&cur)
	s.first = first
	s.hash = tokenHash(tok)
	return s
}

// closeRest writes the rest file whose streams are in cur and empties
// cur for the next (the first document of each is a gap from 0).
func (s *split) closeRest(cur *Postings) {
	b := make([]byte, 0, binary.MaxVarintLen64+len(cur.Entries)+len(cur.Positions))
	b = binary.AppendUvarint(b, uint64(len(cur.Entries)))
	s.restRaw = append(s.restRaw, append(append(b, cur.Entries...), cur.Positions...))
	cur.Entries, cur.Positions, cur.last = cur.Entries[:0], cur.Positions[:0], 0
}

// rest gives rest file k's entry and position streams.
func (s *split) rest(k int) (entries, positions []byte) {
	r := varints{b: s.restRaw[k]}
	n := r.next()
	return s.restRaw[k][r.i : r.i+n], s.restRaw[k][r.i+n:]
}

// rank gives the indexes of gs best first: by class, then the newer
// document. Groups come in document order, so the index stands for the
// document; each is sorted as one integer, class and index inverted.
func (sc *splitScratch) rank(gs []group) []int {
	keys := sc.keys[:0]
	for i, g := range gs {
		keys = append(keys, uint64(math.MaxUint16-g.class)<<32|uint64(math.MaxUint32-uint32(i)))
	}
	slices.Sort(keys)
	order := sc.order[:0]
	for _, key := range keys {
		order = append(order, int(math.MaxUint32-uint32(key)))
	}
	sc.keys, sc.order = keys, order
	return order
}

// restName is the name of the token's rest file k.
func (s *split) restName(k int) string {
	return "r/" + s.hash + "-" + strconv.Itoa(k)
}
