package search

import (
	"container/heap"
	"hash/fnv"
	"sort"
	"strings"
	"unicode/utf8"
)

// DictSize bounds the text dictionary. DEFLATE reaches back 32 KiB, and
// a text file of a few kilobytes must still reach the dictionary's start.
const DictSize = 28 << 10

// dictSample bounds the characters read to choose the dictionary. The
// sample is the documents in the order of a hash of their slugs, up to
// this many characters, so an edit or a new document changes it (and
// with it every text file) only when it falls among the sample's
// documents: about one in ten at 2,000 documents of the benchmark
// corpus (ten million characters), one in a hundred at 20,000.
var dictSample = 1 << 20 // a variable for the tests

// textDictionary chooses the preset dictionary the text files (titles,
// snippet text, suggestions) are deflated with. Each text file holds
// EntriesPerText paragraphs, too little for DEFLATE to learn the site's
// phrasing from, so the phrases most of them share are given up front: clauses
// (text up to a ，。；！？) picked greedily by how often the 4-grams they
// add occur in the sample, per byte, the best last (nearest the data). The
// result is GB18030 (what text files are stored as), or nil for a site
// with too little text to need one. It depends on the sample alone.
func textDictionary(docs []Doc, entries []Entry) []byte {
	return dictionaryOf(docs, entries, dictSampleOf(docs, entries))
}

// dictSampleOf gives the documents of the dictionary's sample, in the
// order they are read: by a hash of their slugs, up to dictSample
// characters.
func dictSampleOf(docs []Doc, entries []Entry) []int {
	order := make([]int, len(docs))
	keys := make([]uint64, len(docs))
	for d := range docs {
		order[d] = d
		h := fnv.New64a()
		h.Write([]byte(docs[d].Slug))
		keys[d] = h.Sum64()
	}
	sort.Slice(order, func(a, b int) bool {
		ka, kb := keys[order[a]], keys[order[b]]
		return ka < kb || ka == kb && docs[order[a]].Slug < docs[order[b]].Slug
	})
	chars := 0
	for i, d := range order {
		if chars >= dictSample {
			return order[:i]
		}
		for _, e := range entries[docs[d].FirstEntry : docs[d].FirstEntry+docs[d].Entries] {
			chars += utf8.RuneCountInString(e.Text)
		}
	}
	return order
}

// dictionaryOf chooses the dictionary from the sample's documents. Each
// distinct clause's 4-grams are numbered once (a gram of characters of the
// Basic Multilingual Plane is found by its characters packed into one
// integer), so counting and the greedy pick's many re-evaluations index
// slices instead of hashing strings: the sample is all of a library of up
// to a million characters, so serve chooses again after every edit of
// one. It picks what dictionaryOfSpec (dict_spec_test.go), the plain
// form, picks; a property test holds the two to the same bytes.
func dictionaryOf(docs []Doc, entries []Entry, sample []int) []byte {
	g := newGramTable()
	type clause struct {
		text  string
		grams []int32
	}
	var clauses []clause
	known := map[string]int{} // clause text → index in clauses
	var freq []int32
	for _, d := range sample {
		for _, e := range entries[docs[d].FirstEntry : docs[d].FirstEntry+docs[d].Entries] {
			for _, c := range splitClauses(e.Text) {
				i, ok := known[c]
				if !ok {
					i = len(clauses)
					known[c] = i
					clauses = append(clauses, clause{c, g.idsOf(c)})
					freq = append(freq, make([]int32, int(g.n)-len(freq))...)
				}
				for _, id := range clauses[i].grams {
					freq[id]++
				}
			}
		}
	}
	// the order met must not decide ties between equal clauses
	sort.Slice(clauses, func(i, j int) bool { return clauses[i].text < clauses[j].text })
	covered := make([]bool, len(freq))
	value := func(c *clause) float64 {
		v := 0
		for _, id := range c.grams {
			if n := freq[id]; n > 1 && !covered[id] {
				v += int(n)
			}
		}
		return float64(v) / float64(len(c.text))
	}
	h := clauseHeap{}
	for i := range clauses {
		if v := value(&clauses[i]); v > 0 {
			h = append(h, scored{clauses[i].text, v, i})
		}
	}
	heap.Init(&h)
	var picked []string
	size := 0
	for h.Len() > 0 && size < DictSize {
		top := heap.Pop(&h).(scored)
		c := &clauses[top.clause]
		// Lazy greedy: a clause's value only falls as others are picked,
		// so if its value now is at least the next one's stored value,
		// none beats it (ties go to the popped clause: still
		// deterministic).
		v := value(c)
		if v <= 0 {
			continue
		}
		if h.Len() > 0 && v < h[0].value {
			heap.Push(&h, scored{top.text, v, top.clause})
			continue
		}
		gb := encodeText([]byte(top.text))
		if gb[0] != 'g' {
			continue
		}
		for _, id := range c.grams {
			covered[id] = true
		}
		picked = append(picked, string(gb[1:]))
		size += len(gb) - 1
	}
	return joinPicked(picked, size)
}

// joinPicked is the dictionary of the clauses picked, best first, size
// bytes in all: the best last (nearest the data), cut to DictSize; nil
// when they are too few to help.
func joinPicked(picked []string, size int) []byte {
	if size < 1024 {
		return nil
	}
	var b strings.Builder
	for i := len(picked) - 1; i >= 0; i-- {
		b.WriteString(picked[i])
	}
	d := b.String()
	return []byte(d[max(0, len(d)-DictSize):])
}

// gramTable numbers 4-grams (4-character substrings) in the order first met.
type gramTable struct {
	packed map[uint64]int32 // grams of four BMP characters, 16 bits each
	wide   map[string]int32 // grams with a character beyond U+FFFF
	n      int32
	at     []int // scratch: a clause's character offsets
}

func newGramTable() *gramTable {
	return &gramTable{packed: map[uint64]int32{}, wide: map[string]int32{}}
}

// idsOf gives the numbers of c's 4-grams, in order, numbering new ones.
func (g *gramTable) idsOf(c string) []int32 {
	g.at = g.at[:0]
	for i := range c {
		g.at = append(g.at, i)
	}
	g.at = append(g.at, len(c))
	if len(g.at) < 5 {
		return nil
	}
	ids := make([]int32, 0, len(g.at)-4)
	var key uint64
	bmp := 0 // how many of the last characters are in the BMP
	for k := 0; k+1 < len(g.at); k++ {
		r, _ := utf8.DecodeRuneInString(c[g.at[k]:])
		if r <= 0xFFFF {
			key = key<<16 | uint64(r)
			bmp++
		} else {
			bmp = 0
		}
		if k < 3 {
			continue
		}
		var id int32
		var ok bool
		if bmp >= 4 {
			if id, ok = g.packed[key]; !ok {
				id, g.packed[key] = g.n, g.n
				g.n++
			}
		} else {
			gram := c[g.at[k-3]:g.at[k+1]]
			if id, ok = g.wide[gram]; !ok {
				id, g.wide[gram] = g.n, g.n
				g.n++
			}
		}
		ids = append(ids, id)
	}
	return ids
}

// splitClauses cuts text after each ，。；！？ (and their ASCII forms).
func splitClauses(s string) []string {
	var out []string
	start := 0
	for i, r := range s {
		switch r {
		case '，', '。', '；', '！', '？', ',', ';', '!', '?':
			end := i + utf8.RuneLen(r)
			out = append(out, s[start:end])
			start = end
		}
	}
	if start < len(s) {
		out = append(out, s[start:])
	}
	return out
}

type scored struct {
	text   string
	value  float64
	clause int // in dictionaryOf's list
}

// clauseHeap is a max-heap by value, ties by text, so the pick is
// deterministic.
type clauseHeap []scored

func (h clauseHeap) Len() int { return len(h) }
func (h clauseHeap) Less(i, j int) bool {
	if h[i].value != h[j].value {
		return h[i].value > h[j].value
	}
	return h[i].text < h[j].text
}
func (h clauseHeap) Swap(i, j int) { h[i], h[j] = h[j], h[i] }
func (h *clauseHeap) Push(x any)   { *h = append(*h, x.(scored)) }
func (h *clauseHeap) Pop() any {
	old := *h
	x := old[len(old)-1]
	*h = old[:len(old)-1]
	return x
}
