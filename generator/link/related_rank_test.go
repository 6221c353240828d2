package link

import (
	"fmt"
	"math"
	"math/rand/v2"
	"sort"
	"strings"
	"testing"
)

// TestRelatedMatchesPlainRanking builds libraries whose documents use known
// sets of terms and checks every document's related list against a plain
// computation of the documented rule: each shared term weighs
// ln(documents / documents using it), a term in one document or in all of
// them weighs nothing; the MaxRelated highest sums, ties in reading order
// (newest first); the shared terms rarest first, ties in pinyin order.
func TestRelatedMatchesPlainRanking(t *testing.T) {
	// Terms with their pinyin; none contains another.
	vocabulary := []struct{ name, pinyin string }{
		{"枫桥经验", "feng qiao jing yan"}, {"一带一路", "yi dai yi lu"}, {"人民城市", "ren min cheng shi"},
		{"新质生产力", "xin zhi sheng chan li"}, {"乡村振兴", "xiang cun zhen xing"}, {"高质量发展", "gao zhi liang fa zhan"},
		{"共同富裕", "gong tong fu yu"}, {"数字政府", "shu zi zheng fu"},
	}
	for _, seed := range []uint64{1, 2, 3, 4} {
		t.Run(fmt.Sprint(seed), func(t *testing.T) {
			r := rand.New(rand.NewPCG(seed, 17))
			const docs = 16
			uses := make([][]int, docs) // document (oldest first) → vocabulary indices
			files := map[string]string{}
			var names []string
			for _, v := range vocabulary {
				names = append(names, v.name)
			}
			for d := range docs {
				var body strings.Builder
				body.WriteString("\n## 一、总体要求\n\n同志们：\n\n")
				for v := range vocabulary {
					// Rare and common terms: the first ones in few documents.
					if r.IntN(len(vocabulary)+2) < v+2 {
						uses[d] = append(uses[d], v)
						fmt.Fprintf(&body, "我们要坚持%s，推进各项工作。（掌声）\n\n", vocabulary[v].name)
					}
				}
				slug := fmt.Sprintf("d%02d", d)
				files["content/"+slug+".md"] = doc(slug, fmt.Sprintf("2023-%02d-%02d", 1+d/28, 1+d%28), "", body.String())
			}
			s := mustBuild(t, glossaryConfig(names...), files)

			df := make([]int, len(vocabulary))
			for _, vs := range uses {
				for _, v := range vs {
					df[v]++
				}
			}
			weight := func(v int) float64 {
				if df[v] <= 1 || df[v] >= docs {
					return 0
				}
				return math.Log(float64(docs) / float64(df[v]))
			}
			for d := range docs {
				type cand struct {
					d      int
					score  float64
					shared []int
				}
				var cands []cand
				for e := range docs {
					if e == d {
						continue
					}
					c := cand{d: e}
					for _, v := range uses[d] {
						for _, w := range uses[e] {
							if v == w && weight(v) > 0 {
								c.score += weight(v)
								c.shared = append(c.shared, v)
							}
						}
					}
					if c.score > 0 {
						cands = append(cands, c)
					}
				}
				sort.SliceStable(cands, func(i, j int) bool {
					if math.Abs(cands[i].score-cands[j].score) > 1e-9 {
						return cands[i].score > cands[j].score
					}
					return cands[i].d > cands[j].d // newer first
				})
				if len(cands) > MaxRelated {
					cands = cands[:MaxRelated]
				}
				var want []string
				for _, c := range cands {
					sort.Slice(c.shared, func(i, j int) bool {
						a, b := c.shared[i], c.shared[j]
						if df[a] != df[b] {
							return df[a] < df[b]
						}
						return vocabulary[a].pinyin < vocabulary[b].pinyin
					})
					line := fmt.Sprintf("d%02d", c.d)
					for _, v := range c.shared {
						line += " " + vocabulary[v].name
					}
					want = append(want, line)
				}
				var got []string
				slug := fmt.Sprintf("d%02d", d)
				for _, rel := range s.Related(s.Page(slug)) {
					line := rel.Page.Slug()
					for _, term := range rel.Shared {
						line += " " + term.Name
					}
					got = append(got, line)
				}
				if strings.Join(got, "\n") != strings.Join(want, "\n") {
					t.Errorf("related(%s) =\n%s\nwant\n%s", slug, strings.Join(got, "\n"), strings.Join(want, "\n"))
				}
			}
		})
	}
}
