package link

import (
	"math"
	"sort"

	"github.com/studysite/studysite/generator/content"
	"github.com/studysite/studysite/internal/parallel"
)

// MaxRelated is how many related documents a document page lists.
const MaxRelated = 5

// Related is a document that shares terms with another.
type Related struct {
	Page   *content.Page
	Score  float64
	Shared []*Term // shared terms, rarest first
	idx    int     // of Page, in reading order
	shared []int   // of Shared, in the glossary
}

// relatedDocs ranks, for every page, the pages sharing its terms, each
// shared term weighted by its rarity (inverse document frequency), so two
// speeches that both mention 枫桥经验 are closer than two that both say
// 高质量发展. termsOf[i] lists page i's term indices, ascending.
func relatedDocs(pages []*content.Page, terms []*Term, termsOf [][]int) [][]Related {
	n := len(pages)
	postings := make([][]int32, len(terms))
	for i, ts := range termsOf {
		for _, t := range ts {
			postings[t] = append(postings[t], int32(i))
		}
	}
	weight := make([]float64, len(terms))
	for t, ps := range postings {
		if len(ps) > 1 && len(ps) < n {
			weight[t] = math.Log(float64(n) / float64(len(ps)))
		}
	}
	out := make([][]Related, n)
	parallel.Chunks(n, func(lo, hi int) {
		score := make([]float64, n)
		var touched []int32
		for i := lo; i < hi; i++ {
			for _, t := range termsOf[i] {
				w := weight[t]
				if w == 0 {
					continue
				}
				for _, j := range postings[t] {
					if score[j] == 0 {
						touched = append(touched, j)
					}
					score[j] += w
				}
			}
			var top []Related
			for _, j := range touched {
				if int(j) != i {
					top = pushTop(top, Related{Page: pages[j], Score: score[j], idx: int(j)})
				}
				score[j] = 0
			}
			touched = touched[:0]
			for k := range top {
				top[k].shared = shared(termsOf[i], termsOf[top[k].idx], terms, weight)
				top[k].Shared = termsAt(terms, top[k].shared)
			}
			out[i] = top
		}
	})
	return out
}

// better orders related documents: higher score, then newer, then slug —
// which for equal scores is the lower index in reading order.
func better(a, b *Related) bool {
	if a.Score != b.Score {
		return a.Score > b.Score
	}
	return a.idx < b.idx
}

// pushTop keeps the MaxRelated best.
func pushTop(top []Related, r Related) []Related {
	if len(top) == MaxRelated && (r.Score < top[len(top)-1].Score || !better(&r, &top[len(top)-1])) {
		return top
	}
	i := 0
	for i < len(top) && !better(&r, &top[i]) {
		i++
	}
	if len(top) < MaxRelated {
		top = append(top, Related{})
	}
	copy(top[i+1:], top[i:len(top)-1])
	top[i] = r
	return top
}

// shared lists the terms of two sorted index lists that carry weight,
// rarest first.
func shared(a, b []int, terms []*Term, weight []float64) []int {
	var idx []int
	for i, j := 0, 0; i < len(a) && j < len(b); {
		switch {
		case a[i] < b[j]:
			i++
		case a[i] > b[j]:
			j++
		default:
			if weight[a[i]] > 0 {
				idx = append(idx, a[i])
			}
			i++
			j++
		}
	}
	sort.SliceStable(idx, func(x, y int) bool {
		if weight[idx[x]] != weight[idx[y]] {
			return weight[idx[x]] > weight[idx[y]]
		}
		return terms[idx[x]].sortKey < terms[idx[y]].sortKey
	})
	return idx
}

// termsAt gives the terms at indices idx.
func termsAt(terms []*Term, idx []int) []*Term {
	out := make([]*Term, len(idx))
	for k, t := range idx {
		out[k] = terms[t]
	}
	return out
}
