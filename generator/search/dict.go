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

// dictionaryOf chooses the dictionary from the sample's documents.
func dictionaryOf(docs []Doc, entries []Entry, sample []int) []byte {
	freq := map[string]int{}
	seen := map[string]bool{}
	var clauses []string
	for _, d := range sample {
		for _, e := range entries[docs[d].FirstEntry : docs[d].FirstEntry+docs[d].Entries] {
			for _, c := range splitClauses(e.Text) {
				if !seen[c] {
					seen[c] = true
					clauses = append(clauses, c)
				}
				for _, g := range grams4(c) {
					freq[g]++
				}
			}
		}
	}
	// the order met must not decide ties between equal clauses
	sort.Strings(clauses)
	covered := map[string]bool{}
	value := func(c string) float64 {
		v := 0
		for _, g := range grams4(c) {
			if n := freq[g]; n > 1 && !covered[g] {
				v += n
			}
		}
		return float64(v) / float64(len(c))
	}
	h := clauseHeap{}
	for _, c := range clauses {
		if v := value(c); v > 0 {
			h = append(h, scored{c, v})
		}
	}
	heap.Init(&h)
	var picked []string
	size := 0
	for h.Len() > 0 && size < DictSize {
		top := heap.Pop(&h).(scored)
		// Lazy greedy: a clause's value only falls as others are picked,
		// so if its value now is at least the next one's stored value,
		// none beats it (ties go to the popped clause: still
		// deterministic).
		v := value(top.text)
		if v <= 0 {
			continue
		}
		if h.Len() > 0 && v < h[0].value {
			heap.Push(&h, scored{top.text, v})
			continue
		}
		gb := encodeText([]byte(top.text))
		if gb[0] != 'g' {
			continue
		}
		for _, g := range grams4(top.text) {
			covered[g] = true
		}
		picked = append(picked, string(gb[1:]))
		size += len(gb) - 1
	}
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

// grams4 lists the 4-character substrings of s.
func grams4(s string) []string {
	var at []int
	for i := range s {
		at = append(at, i)
	}
	at = append(at, len(s))
	var out []string
	for k := 0; k+4 < len(at); k++ {
		out = append(out, s[at[k]:at[k+4]])
	}
	return out
}

type scored struct {
	text  string
	value float64
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
