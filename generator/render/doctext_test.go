package render

import (
	"fmt"
	"strings"
	"testing"

	"github.com/studysite/studysite/generator/config"
	"github.com/studysite/studysite/internal/htmltest"
	"golang.org/x/net/html"
)

// TestTitleDashesNeverStartALine: wherever a title holds a dash "——", at
// its start, middle or end, the page's heading carries a word joiner
// (U+2060) right before it, once, so the dash cannot begin a line
// (docs/typography.md); the title reads the same otherwise.
func TestTitleDashesNeverStartALine(t *testing.T) {
	for _, title := range []string{
		"坚持人民城市理念——推进城市治理现代化",
		"——在全市干部大会上的讲话",
		"学习贯彻全会精神的体会——",
		"一——二——三",
		"长横———三个",
		"单横—不变——",
	} {
		t.Run(title, func(t *testing.T) {
			files := renderAll(t, "default", testSite(t, config.Default(), "title: "+title+"\nslug: a\ndate: 2024-03-01"))
			h1 := htmltest.TextOf(htmltest.One(t, htmltest.Parse(t, []byte(files["docs/a/index.html"])), "h1"))
			if got := strings.ReplaceAll(h1, "\u2060", ""); got != title {
				t.Errorf("heading reads %q, want %q", got, title)
			}
			rs := []rune(h1)
			runs := 0
			for i := 0; i+1 < len(rs); i++ {
				if rs[i] == '—' && rs[i+1] == '—' && (i == 0 || rs[i-1] != '—') {
					runs++
					if i == 0 || rs[i-1] != '\u2060' {
						t.Errorf("heading %q: dash at rune %d has no word joiner before it", h1, i)
					}
				}
			}
			if joiners := strings.Count(h1, "\u2060"); joiners != runs {
				t.Errorf("heading %q: %d word joiners for %d dashes", h1, joiners, runs)
			}
		})
	}
}

// TestTOCNestsByLevel: a document's table of contents puts each heading
// under the nearest heading before it of a higher rank (a smaller level),
// and at the top when there is none: headings of one level are siblings,
// a heading that skips a level still nests under the one above.
func TestTOCNestsByLevel(t *testing.T) {
	tests := [][]int{
		{2, 2, 2},
		{2, 3, 3, 2, 3},
		{2, 4, 3, 2},
		{3, 2, 3, 3, 4, 4, 2},
		{2, 3, 4, 3, 4, 2, 3},
	}
	numerals := []string{"一", "二", "三", "四", "五", "六", "七"}
	for _, levels := range tests {
		t.Run(fmt.Sprint(levels), func(t *testing.T) {
			var body strings.Builder
			var texts []string
			for i, lv := range levels {
				text := numerals[i] + "、深入学习贯彻会议精神"
				texts = append(texts, text)
				fmt.Fprintf(&body, "%s %s\n\n第%s部分的正文，（掌声）内容很长很长。\n\n", strings.Repeat("#", lv), text, numerals[i])
			}
			out := renderSite(t, config.Default(), map[string]string{"content/a.md": "---\ntitle: 讲话\nslug: a\ndate: \"2024-03-01\"\n---\n\n" + body.String()})
			toc := htmltest.One(t, htmltest.Parse(t, out["docs/a/index.html"]), "nav.toc")
			got := map[string]string{}
			for _, a := range htmltest.All(t, toc, "a") {
				got[htmltest.TextOf(a)] = tocParent(a)
			}
			for i, lv := range levels {
				want := ""
				for j := i - 1; j >= 0; j-- {
					if levels[j] < lv {
						want = texts[j]
						break
					}
				}
				if p, ok := got[texts[i]]; !ok {
					t.Errorf("%s not in the table of contents", texts[i])
				} else if p != want {
					t.Errorf("%s (level %d) nested under %q, want %q", texts[i], lv, p, want)
				}
			}
		})
	}
}

// tocParent is the text of the entry a table of contents link sits
// under, "" at the top.
func tocParent(a *html.Node) string {
	li := a.Parent
	for n := li.Parent; n != nil; n = n.Parent {
		if n.Type == html.ElementNode && n.Data == "li" {
			for c := n.FirstChild; c != nil; c = c.NextSibling {
				if c.Type == html.ElementNode && c.Data == "a" {
					return htmltest.TextOf(c)
				}
			}
		}
		if n.Type == html.ElementNode && n.Data == "nav" {
			break
		}
	}
	return ""
}
