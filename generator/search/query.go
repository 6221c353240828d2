package search

import "slices"

// This file is the reference implementation of matching that search.js
// mirrors; the Go tests check it against a brute-force scan.

// A term T (normalised) occurs in an entry at position p when the entry's
// normalised text has T at p and, if T starts with a word character, p is
// at the start of a word. So Chinese matches anywhere, a word matches as a
// prefix of words (type-ahead), and a phrase matches exactly.

// plan is what a term needs from the index: tokens at fixed offsets
// (positional) and tokens that must merely occur in the entry.
type plan struct {
	at     []Token // token and its offset from the term's start
	within []string
	exact  bool // true when the tokens alone decide; otherwise check text
}

// planTerm chooses tokens for a term. A Han run shorter than MaxGram
// must occur in the entry as that n-gram, or, right after or before a
// word, as the boundary token "<run" or "$run" at its offset; a run of
// MaxGram or more characters is covered by MaxGram-grams at offsets 0, 4,
// 8 … (the last one overlapping), which pins every character. A word
// followed by more text must be whole; the last word is a prefix, "}w"
// at its offset when it follows a Han character. So a term of Chinese and
// words with nothing else between is pinned by positions alone (exact);
// with punctuation between, the text is checked.
func planTerm(t []rune) plan {
	var pl plan
	pieces := 0
	simple := true
	for i := 0; i < len(t); {
		r := t[i]
		switch {
		case IsHan(r):
			j := i
			for j < len(t) && IsHan(t[j]) {
				j++
			}
			if j-i < MaxGram && i > 0 && isWord(t[i-1]) {
				pl.at = append(pl.at, Token{"<" + string(t[i:j]), i})
			} else if j-i < MaxGram && j < len(t) && isWord(t[j]) {
				pl.at = append(pl.at, Token{"$" + string(t[i:j]), i})
			} else if j-i < MaxGram {
				pl.within = append(pl.within, string(t[i:j]))
			} else {
				for k := i; k+MaxGram <= j; k += MaxGram {
					pl.at = append(pl.at, Token{string(t[k : k+MaxGram]), k})
				}
				if (j-i)%MaxGram != 0 {
					pl.at = append(pl.at, Token{string(t[j-MaxGram : j]), j - MaxGram})
				}
			}
			pieces++
			i = j
		case isWord(r):
			j := i
			for j < len(t) && isWord(t[j]) {
				j++
			}
			if j < len(t) {
				pl.at = append(pl.at, Token{string(t[i:j]), i})
			} else {
				w := string(t[i:j])
				if len(w) > MaxPrefix {
					w = w[:MaxPrefix]
					simple = false
				}
				if i > 0 && IsHan(t[i-1]) {
					pl.at = append(pl.at, Token{"}" + w, i})
				} else {
					pl.within = append(pl.within, ">"+w)
				}
			}
			pieces++
			i = j
		default:
			simple = false
			i++
		}
	}
	pl.exact = simple && (pieces == 1 || len(pl.within) == 0)
	return pl
}

// Match returns, for one normalised term, every entry it occurs in and how
// often.
func (ix *Index) Match(term string) map[int]int {
	t := []rune(term)
	pl := planTerm(t)
	if len(pl.at) == 0 && len(pl.within) == 0 {
		return nil
	}
	if pl.exact && len(pl.at)+len(pl.within) == 1 {
		// One n-gram or word: its counts are the answer, no positions
		// needed (search.js loads none).
		tok := ""
		if len(pl.at) == 1 {
			tok = pl.at[0].Text
		} else {
			tok = pl.within[0]
		}
		counts := map[int]int{}
		for _, p := range ix.postings(tok, false) {
			counts[p.Entry] = p.Count
		}
		return counts
	}
	var cand map[int][]int // entry → candidate start positions (nil: any)
	for _, tk := range pl.at {
		next := map[int][]int{}
		for _, p := range ix.postings(tk.Text, true) {
			if cand != nil {
				prev, ok := cand[p.Entry]
				if !ok {
					continue
				}
				if keep := intersect(prev, p.Positions, tk.Pos); len(keep) > 0 {
					next[p.Entry] = keep
				}
				continue
			}
			var starts []int
			for _, q := range p.Positions {
				if q >= tk.Pos {
					starts = append(starts, q-tk.Pos)
				}
			}
			if len(starts) > 0 {
				next[p.Entry] = starts
			}
		}
		cand = next
	}
	counts := map[int]int{}
	for i, tok := range pl.within {
		seen := map[int]int{}
		for _, p := range ix.postings(tok, false) {
			if cand != nil {
				if _, ok := cand[p.Entry]; !ok {
					continue
				}
			} else if i > 0 {
				if _, ok := counts[p.Entry]; !ok {
					continue
				}
			}
			seen[p.Entry] = p.Count
		}
		counts = seen
	}
	if cand == nil {
		if pl.exact {
			return counts
		}
		cand = map[int][]int{}
		for e := range counts {
			cand[e] = nil
		}
	} else if len(pl.within) > 0 {
		for e := range cand {
			if _, ok := counts[e]; !ok {
				delete(cand, e)
			}
		}
	}
	out := map[int]int{}
	for e, starts := range cand {
		if pl.exact {
			out[e] = len(starts)
			continue
		}
		if n := len(Occurrences(Normalize(ix.Entries[e].Text), t)); n > 0 {
			out[e] = n
		}
	}
	return out
}

// postings decodes a token's postings; a token not in the index has none.
func (ix *Index) postings(tok string, withPositions bool) []Posting {
	p := ix.Postings[tok]
	if p == nil {
		return nil
	}
	out := decode(p.Entries, p.Positions, withPositions && Positional(tok))
	for i := range out {
		out[i].Entry = ix.Docs[out[i].Doc].FirstEntry + out[i].Local
	}
	return out
}

// intersect keeps the starts s for which want+off is in have (both sorted).
func intersect(starts, have []int, off int) []int {
	var out []int
	j := 0
	for _, s := range starts {
		for j < len(have) && have[j] < s+off {
			j++
		}
		if j < len(have) && have[j] == s+off {
			out = append(out, s)
		}
	}
	return out
}

// Occurrences is the brute-force definition of where term t occurs in the
// normalised text n.
func Occurrences(n, t []rune) []int {
	var out []int
	if len(t) == 0 {
		return nil
	}
	for p := 0; p+len(t) <= len(n); p++ {
		if isWord(t[0]) && p > 0 && isWord(n[p-1]) {
			continue
		}
		ok := true
		for k := range t {
			if n[p+k] != t[k] {
				ok = false
				break
			}
		}
		if ok {
			out = append(out, p)
		}
	}
	return out
}

// Result is one document a query finds, as search.js ranks it once every
// list is loaded: Class is the weight of its best hit (see entryWeight).
type Result struct {
	Doc, Class int
	Hits       []Hit
}

// Hit is an entry (numbered within its document) and how often the
// query's terms occur in it.
type Hit struct{ Entry, Count int }

// Search ranks the documents that hold every term of query q: by class,
// then newest first; a document's hits by weight × count (up to 10),
// then in order. It is the reference for search.js's ranking (pinyin
// readings of words aside).
func (ix *Index) Search(q string) []Result {
	terms := ParseQuery(q)
	counts := map[int]int{} // entry → count, over all terms
	termsIn := map[int]int{}
	for _, tm := range terms {
		seen := map[int]bool{}
		for e, n := range ix.Match(tm.Text) {
			counts[e] += n
			if d := ix.Entries[e].Doc; !seen[d] {
				seen[d] = true
				termsIn[d]++
			}
		}
	}
	byDoc := map[int]*Result{}
	var out []*Result
	for e, n := range counts {
		d := ix.Entries[e].Doc
		if termsIn[d] < len(terms) {
			continue
		}
		r := byDoc[d]
		if r == nil {
			r = &Result{Doc: d}
			byDoc[d] = r
			out = append(out, r)
		}
		local := e - ix.Docs[d].FirstEntry
		r.Class = max(r.Class, entryWeight(local, local < ix.Docs[d].Head))
		r.Hits = append(r.Hits, Hit{local, n})
	}
	res := make([]Result, 0, len(out))
	for _, r := range out {
		head := ix.Docs[r.Doc].Head
		w := func(h Hit) int { return entryWeight(h.Entry, h.Entry < head) * min(h.Count, 10) }
		slices.SortFunc(r.Hits, func(a, b Hit) int {
			if w(a) != w(b) {
				return w(b) - w(a)
			}
			return a.Entry - b.Entry
		})
		res = append(res, *r)
	}
	slices.SortFunc(res, func(a, b Result) int {
		if a.Class != b.Class {
			return b.Class - a.Class
		}
		return b.Doc - a.Doc
	})
	return res
}
