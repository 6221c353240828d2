package render

import (
	"fmt"
	"strconv"
	"strings"
	"testing"

	"github.com/studysite/studysite/generator/config"
	"github.com/studysite/studysite/generator/urls"
	"github.com/studysite/studysite/internal/htmltest"
)

// termSection is one document's block on a term page as a reader sees it.
type termSection struct {
	doc   string
	lines int
}

// TestTermPagesKeepDocumentsWhole: several documents share a term; its
// pages list at most TermDocsPerPage documents and TermLinesPerPage lines;
// a document whose lines fit one page is not cut in two, a page ends early
// only when the next document would not fit, every document block shows at
// least one line, and each page's pager marks that page among its
// neighbours.
func TestTermPagesKeepDocumentsWhole(t *testing.T) {
	tests := []struct {
		name     string
		mentions []int // per document, oldest first
	}{
		{"exactly one page", []int{TermLinesPerPage - 50, 50}},
		{"second does not fit", []int{TermLinesPerPage - 50, 60}},
		{"one long document", []int{TermLinesPerPage + 50}},
		{"long then short", []int{TermLinesPerPage + 150, 40, 30}},
		{"many short", []int{120, 30, 60, 10, 90, 110, 5}},
		{"more documents than a page lists", repeatInts(1, TermDocsPerPage+3)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cfg := config.Default()
			cfg.Title = "学习园地"
			cfg.Glossary = []config.GlossaryEntry{{Term: "人民城市"}}
			files := map[string]string{}
			wantLines := map[string]int{}
			total := 0
			for i, k := range tt.mentions {
				title := fmt.Sprintf("第%d次传达稿", i+1)
				body := "## 一、总体要求\n\n" + strings.Repeat("坚持人民城市理念，（掌声）推进城市治理现代化。\n\n", k)
				files[fmt.Sprintf("content/d%d.md", i)] = fmt.Sprintf("---\ntitle: %s\nslug: d%d\ndate: \"2024-01-%02d\"\n---\n\n%s", title, i, 1+i%28, body)
				wantLines[title] = k
				total += k
			}
			out := renderSite(t, cfg, files)
			slug := "ren-min-cheng-shi"
			var pages [][]termSection
			for n := 1; ; n++ {
				data, ok := out[urls.TermPage(slug, n)]
				if !ok {
					break
				}
				root := htmltest.Parse(t, data)
				var secs []termSection
				for _, s := range htmltest.All(t, root, ".kwic-doc") {
					secs = append(secs, termSection{
						doc:   htmltest.TextOf(htmltest.One(t, s, "h2 a")),
						lines: len(htmltest.All(t, s, ".kwic li")),
					})
				}
				pages = append(pages, secs)
				navs := htmltest.All(t, root, ".page-nav")
				if n == 1 && len(navs) == 0 {
					continue // a single page: checked below
				}
				if len(navs) != 1 {
					t.Fatalf("page %d: %d pagers", n, len(navs))
				}
				cur := htmltest.All(t, navs[0], `[aria-current="page"]`)
				if len(cur) != 1 || htmltest.TextOf(cur[0]) != strconv.Itoa(n) {
					t.Errorf("page %d: pager marks %d current pages, want page %d", n, len(cur), n)
				}
			}
			if len(pages) == 0 {
				t.Fatal("no term page")
			}
			if len(pages) > 1 && len(htmltest.All(t, htmltest.Parse(t, out[urls.TermPage(slug, 1)]), ".page-nav")) == 0 {
				t.Errorf("%d pages but no pager on the first", len(pages))
			}
			pagesOf := map[string]int{}
			gotLines := map[string]int{}
			for n, secs := range pages {
				lines := 0
				for _, s := range secs {
					if s.lines == 0 {
						t.Errorf("page %d: %s shown with no line", n+1, s.doc)
					}
					lines += s.lines
					pagesOf[s.doc]++
					gotLines[s.doc] += s.lines
				}
				if lines > TermLinesPerPage || len(secs) > TermDocsPerPage {
					t.Errorf("page %d: %d lines of %d documents, over %d or %d", n+1, lines, len(secs), TermLinesPerPage, TermDocsPerPage)
				}
				if n+1 < len(pages) && len(secs) < TermDocsPerPage {
					next := pages[n+1][0]
					if next.doc == secs[len(secs)-1].doc {
						if lines != TermLinesPerPage {
							t.Errorf("page %d: %s continues on the next page after only %d lines", n+1, next.doc, lines)
						}
					} else if lines+wantLines[next.doc] <= TermLinesPerPage {
						t.Errorf("page %d ends at %d lines though %s (%d lines) fits", n+1, lines, next.doc, wantLines[next.doc])
					}
				}
			}
			for doc, k := range wantLines {
				if gotLines[doc] != k {
					t.Errorf("%s: %d lines shown, want %d", doc, gotLines[doc], k)
				}
				if k <= TermLinesPerPage && pagesOf[doc] != 1 {
					t.Errorf("%s (%d lines) shown on %d pages, want 1", doc, k, pagesOf[doc])
				}
			}
		})
	}
}

func repeatInts(v, n int) []int {
	out := make([]int, n)
	for i := range out {
		out[i] = v
	}
	return out
}
