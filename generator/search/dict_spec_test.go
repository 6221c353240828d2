package search

import (
	"container/heap"
	"sort"
)

// dictionaryOfSpec is dictionaryOf in its plain form: every 4-gram by its
// text, counted and looked up in maps. dictionaryOf must pick the same.
func dictionaryOfSpec(docs []Doc, entries []Entry, sample []int) []byte {
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
			h = append(h, scored{c, v, 0})
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
			heap.Push(&h, scored{top.text, v, 0})
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
	return joinPicked(picked, size)
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
