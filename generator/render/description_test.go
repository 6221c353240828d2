package render

import (
	"strings"
	"testing"

	"github.com/studysite/studysite/generator/config"
	"github.com/studysite/studysite/internal/htmltest"
)

// TestEveryPageHasDescription: search engines and link previews (and
// Lighthouse's SEO audit) read a page's meta description; every HTML page
// of a site without a configured description still has one that names
// what the page holds, and the site's own description wins on the home page.
func TestEveryPageHasDescription(t *testing.T) {
	docs := []string{
		"title: 在全市干部大会上的讲话\nslug: a\ndate: 2022-05-01\ntags: [党建]\nspeaker: 张三\nterms: [人民城市]",
		"title: 政府工作报告\nslug: b\ndate: 2023-03-01\nseries: 专题学习",
	}
	for _, tc := range []struct {
		name, description, wantHome string
	}{
		{"no description configured", "", "2篇学习材料"},
		{"site description", "某某支部的学习园地", "某某支部的学习园地"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			cfg := config.Default()
			cfg.Description = tc.description
			files := renderAll(t, "default", testSite(t, cfg, docs...))
			pages := 0
			for path, body := range files {
				if !strings.HasSuffix(path, ".html") {
					continue
				}
				pages++
				metas := htmltest.All(t, htmltest.Parse(t, []byte(body)), `meta[name="description"]`)
				if len(metas) != 1 || strings.TrimSpace(htmltest.Attr(metas[0], "content")) == "" {
					t.Errorf("%s: %d meta descriptions, want one that is not empty", path, len(metas))
				}
			}
			if pages < 8 {
				t.Fatalf("only %d HTML pages rendered", pages)
			}
			home := htmltest.One(t, htmltest.Parse(t, []byte(files["index.html"])), `meta[name="description"]`)
			if got := htmltest.Attr(home, "content"); !strings.Contains(got, tc.wantHome) {
				t.Errorf("home description %q lacks %q", got, tc.wantHome)
			}
		})
	}
}
