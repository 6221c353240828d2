package render

import (
	"strings"
	"testing"

	"github.com/studysite/studysite/generator/config"
	"github.com/studysite/studysite/internal/htmltest"
)

// TestHeaderNavigation: every page's header leads to the home page, the
// terms index (when the site has terms), the search page and the packets
// index (when it has packets), each link resolving from the page's depth,
// and marks the page the reader is on.
func TestHeaderNavigation(t *testing.T) {
	cfg, files := loadTestSite(t, "links")
	withTerms := renderSite(t, cfg, files)
	plain := renderSite(t, config.Default(), map[string]string{"content/a.md": "---\ntitle: 一篇讲话\ndate: 2023-12-01\n---\n\n正文第一段。\n"})
	cases := []struct {
		name    string
		out     map[string][]byte
		page    string
		want    []string // link texts, in order
		current string   // the link marked aria-current, "" for none
	}{
		// Every site has the default packet, so 学习材料包 is always there.
		{"home with terms", withTerms, "index.html", []string{"首页", "提法", "搜索", "学习材料包"}, "首页"},
		{"terms index", withTerms, "terms/index.html", []string{"首页", "提法", "搜索", "学习材料包"}, "提法"},
		{"search page", withTerms, "search/index.html", []string{"首页", "提法", "搜索", "学习材料包"}, "搜索"},
		{"packets index", withTerms, "packets/index.html", []string{"首页", "提法", "搜索", "学习材料包"}, "学习材料包"},
		{"site without terms", plain, "index.html", []string{"首页", "搜索", "学习材料包"}, "首页"},
		{"document", plain, "docs/a/index.html", []string{"首页", "搜索", "学习材料包"}, ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			page, ok := c.out[c.page]
			if !ok {
				t.Fatalf("%s not rendered", c.page)
			}
			root := htmltest.Parse(t, page)
			links := htmltest.All(t, root, "header .site-nav a")
			var got []string
			current := ""
			for _, a := range links {
				text := htmltest.TextOf(a)
				got = append(got, text)
				if htmltest.Attr(a, "aria-current") == "page" {
					current = text
				}
				target := resolve(c.page, htmltest.Attr(a, "href"))
				if _, ok := c.out[target]; !ok {
					t.Errorf("%s: %s links %q, which resolves to %s, not a page of the site", c.page, text, htmltest.Attr(a, "href"), target)
				}
			}
			if strings.Join(got, " · ") != strings.Join(c.want, " · ") {
				t.Errorf("%s: header navigation %q, want %q", c.page, got, c.want)
			}
			if current != c.current {
				t.Errorf("%s: aria-current on %q, want %q", c.page, current, c.current)
			}
		})
	}
}

// resolve is a relative href as seen from page, both relative to the site root.
func resolve(page, href string) string {
	parts := strings.Split(page, "/")
	parts = parts[:len(parts)-1]
	for _, seg := range strings.Split(href, "/") {
		switch seg {
		case "..":
			parts = parts[:len(parts)-1]
		case ".", "":
		default:
			parts = append(parts, seg)
		}
	}
	return strings.Join(parts, "/")
}
