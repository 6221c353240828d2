package render

import (
	"strconv"
	"strings"
	"testing"

	"github.com/studysite/studysite/generator/config"
	"github.com/studysite/studysite/generator/urls"
	"github.com/studysite/studysite/internal/htmltest"
)

// A term said more often than one page lists gets numbered pages: each
// titled with its number after the first, each listing its share of the
// lines, all of them between them.
func TestTermPagesAreNumbered(t *testing.T) {
	tests := []struct {
		mentions  int
		wantPages int
	}{
		{TermLinesPerPage, 1},
		{TermLinesPerPage + 1, 2},
		{2*TermLinesPerPage + 1, 3},
	}
	for _, tt := range tests {
		t.Run(strconv.Itoa(tt.mentions), func(t *testing.T) {
			cfg := config.Default()
			cfg.Title = "学习园地"
			cfg.Glossary = []config.GlossaryEntry{{Term: "人民城市"}}
			body := strings.Repeat("\n坚持人民城市理念。\n", tt.mentions)
			out := renderSite(t, cfg, map[string]string{"content/a.md": "---\ntitle: 甲\nslug: a\ndate: \"2024-01-01\"\n---\n" + body})
			slug := "ren-min-cheng-shi"
			lines := 0
			for n := 1; n <= tt.wantPages+1; n++ {
				data, ok := out[urls.TermPage(slug, n)]
				if n > tt.wantPages {
					if ok {
						t.Errorf("page %d of the term built, want %d pages", n, tt.wantPages)
					}
					break
				}
				if !ok {
					t.Fatalf("page %d of the term not built", n)
				}
				page := htmltest.Parse(t, data)
				want := "人民城市 - 学习园地"
				if n > 1 {
					want = "人民城市（第" + strconv.Itoa(n) + "页） - 学习园地"
				}
				if got := htmltest.TextOf(htmltest.One(t, page, "title")); got != want {
					t.Errorf("page %d: title %q, want %q", n, got, want)
				}
				lines += len(htmltest.All(t, page, "mark"))
			}
			if lines != tt.mentions {
				t.Errorf("%d lines on the term's pages, want %d", lines, tt.mentions)
			}
		})
	}
}
