package render

import (
	"fmt"
	"strings"
	"testing"

	"github.com/studysite/studysite/generator/config"
	"github.com/studysite/studysite/generator/link"
	"github.com/studysite/studysite/internal/htmltest"
)

// homeTermNames are glossary terms none of which holds another.
var homeTermNames = []string{"人民城市", "新质生产力", "共同富裕", "乡村振兴", "高质量发展", "全过程人民民主",
	"生态文明", "数字中国", "科技自立自强", "中国式现代化", "文化自信", "依法治国", "从严治党", "统筹发展和安全",
	"双碳目标", "一带一路", "粤港澳大湾区", "长江经济带", "京津冀协同发展", "营商环境", "基层治理", "安全生产",
	"就业优先", "教育强国", "健康中国", "网络强国"}

// byCountThenOrder lists names the most counted first, names of equal
// count in the order given: the order the home page promises.
func byCountThenOrder(order []string, count map[string]int) []string {
	hi := 0
	for _, n := range order {
		hi = max(hi, count[n])
	}
	var out []string
	for c := hi; c >= 0; c-- {
		for _, n := range order {
			if count[n] == c {
				out = append(out, n)
			}
		}
	}
	return out
}

// homeWay is the names a home page section lists and whether it links its
// full list.
func homeWay(t *testing.T, page, heading string) (names []string, more bool) {
	t.Helper()
	home := htmltest.Parse(t, []byte(page))
	for _, sec := range htmltest.All(t, home, ".ways-in .way") {
		if htmltest.TextOf(htmltest.One(t, sec, "h2")) != heading {
			continue
		}
		for _, a := range htmltest.All(t, sec, ".way-list a") {
			names = append(names, htmltest.TextOf(a))
		}
		return names, len(htmltest.All(t, sec, ".more-link")) > 0
	}
	t.Fatalf("home page has no %s section", heading)
	return nil, false
}

// TestHomeTermsMostUsedFirst: the home page lists at most HomeListMax
// terms, the most used first, terms used equally often in the index's
// (pinyin) order; the page's data says whether some were left out.
func TestHomeTermsMostUsedFirst(t *testing.T) {
	for _, n := range []int{3, HomeListMax, HomeListMax + 2} {
		t.Run(fmt.Sprint(n), func(t *testing.T) {
			cfg := config.Default()
			count := map[string]int{}
			var body strings.Builder
			body.WriteString("## 一、总体要求\n\n")
			for i, name := range homeTermNames[:n] {
				cfg.Glossary = append(cfg.Glossary, config.GlossaryEntry{Term: name})
				count[name] = 1 + i%3
				for range count[name] {
					fmt.Fprintf(&body, "我们要坚持%s，（掌声）不断开创新局面。\n\n", name)
				}
			}
			site := linkSite(t, cfg, map[string]string{"content/a.md": "---\ntitle: 在全市干部大会上的讲话\nslug: a\ndate: \"2024-03-01\"\n---\n\n" + body.String()})
			var pinyin []string
			for _, term := range site.Terms {
				pinyin = append(pinyin, term.Name)
			}
			if len(pinyin) != n {
				t.Fatalf("%d terms linked, want %d", len(pinyin), n)
			}
			want := byCountThenOrder(pinyin, count)
			want = want[:min(len(want), HomeListMax)]
			names, _ := homeWay(t, renderAll(t, "default", site)["index.html"], "提法")
			if got := strings.Join(names, ","); got != strings.Join(want, ",") {
				t.Errorf("home lists terms %s, want %s", got, strings.Join(want, ","))
			}
			if more := homePages(site, nil)[0].data.Home.MoreTerms; more != (n > HomeListMax) {
				t.Errorf("MoreTerms %v with %d terms (home lists %d)", more, n, HomeListMax)
			}
		})
	}
}

// TestHomeTagsCutToMostUsed: a library with more tags than the home page
// lists shows the HomeListMax most used (equals in the tag index's order)
// and links the full list; one with HomeListMax tags or fewer shows them
// all in the index's order, with no link.
func TestHomeTagsCutToMostUsed(t *testing.T) {
	for _, n := range []int{5, HomeListMax, HomeListMax + 1, HomeListMax + 6} {
		t.Run(fmt.Sprint(n), func(t *testing.T) {
			count := map[string]int{}
			var tags [3][]string // tags of each of three documents
			for k := range n {
				name := fmt.Sprintf("标签%02d", k)
				count[name] = 1 + (k*7)%3
				for d := range count[name] {
					tags[d] = append(tags[d], name)
				}
			}
			var fm []string
			for d, ts := range tags {
				fm = append(fm, fmt.Sprintf("title: 第%d篇传达稿\nslug: d%d\ndate: 2024-0%d-01\ntags: [%s]", d+1, d, d+1, strings.Join(ts, ", ")))
			}
			site := testSite(t, config.Default(), fm...)
			var index []string
			for _, tx := range site.Taxonomies {
				if tx.Kind == "tags" {
					index = entryNames(tx)
				}
			}
			if len(index) != n {
				t.Fatalf("%d tags linked, want %d", len(index), n)
			}
			want := index
			if n > HomeListMax {
				want = byCountThenOrder(index, count)[:HomeListMax]
			}
			names, more := homeWay(t, renderAll(t, "default", site)["index.html"], "标签")
			if got := strings.Join(names, ","); got != strings.Join(want, ",") {
				t.Errorf("home lists tags %s, want %s", got, strings.Join(want, ","))
			}
			if more != (n > HomeListMax) {
				t.Errorf("全部标签 link shown %v with %d tags", more, n)
			}
		})
	}
}

func entryNames(tx *link.Taxonomy) []string {
	var out []string
	for _, e := range tx.Entries {
		out = append(out, e.Name)
	}
	return out
}
