package render

import (
	"encoding/xml"
	"net/url"
	"strings"
	"testing"

	"github.com/studysite/studysite/generator/config"
	"github.com/studysite/studysite/internal/htmltest"
)

// TestCanonicalLinks: with a baseURL every page names its own absolute
// address as canonical (the folder, as the site links it), except the 404
// page, which stands in for addresses that do not exist; without a
// baseURL no page has one.
func TestCanonicalLinks(t *testing.T) {
	const base = "https://example.org/study/"
	for _, cfgBase := range []string{"", base} {
		cfg := config.Default()
		cfg.BaseURL = cfgBase
		files := renderAll(t, "default", testSite(t, cfg,
			"title: 在全市干部大会上的讲话\nslug: a\ndate: 2024-03-01\ntags: [党建]",
			"title: 政府工作报告\nslug: b\ndate: 2023-01-15"))
		for _, page := range []string{"index.html", "docs/a/index.html", "docs/b/index.html", "archive/index.html", "tags/dang-jian/index.html", "years/2023/index.html", "404.html"} {
			data, ok := files[page]
			if !ok {
				t.Fatalf("%s not built", page)
			}
			links := htmltest.All(t, htmltest.Parse(t, []byte(data)), `link[rel="canonical"]`)
			want := ""
			if cfgBase != "" && page != "404.html" {
				want = cfgBase + strings.TrimSuffix(page, "index.html")
			}
			switch {
			case want == "" && len(links) != 0:
				t.Errorf("baseURL %q: %s has canonical %q, want none", cfgBase, page, htmltest.Attr(links[0], "href"))
			case want != "" && (len(links) != 1 || htmltest.Attr(links[0], "href") != want):
				t.Errorf("baseURL %q: %s has %d canonical links, want one to %s", cfgBase, page, len(links), want)
			}
		}
	}
}

// TestFeedLinksLeadHome: the feed's alternate link leads to the home page
// and its self link to the feed, wherever the site is deployed: absolute
// with a baseURL, relative to the feed without.
func TestFeedLinksLeadHome(t *testing.T) {
	const deployed = "https://example.org/study/"
	for _, cfgBase := range []string{"", deployed} {
		cfg := config.Default()
		cfg.BaseURL = cfgBase
		files := renderAll(t, "default", testSite(t, cfg, "title: 在全市干部大会上的讲话\nslug: a\ndate: 2024-03-01"))
		var f feedDoc
		if err := xml.Unmarshal([]byte(files["feed.xml"]), &f); err != nil {
			t.Fatalf("feed.xml: %v", err)
		}
		feedURL, _ := url.Parse(deployed + "feed.xml")
		want := map[string]string{"alternate": deployed, "self": deployed + "feed.xml"}
		got := map[string]string{}
		for _, l := range f.Links {
			href, err := url.Parse(l.Href)
			if err != nil {
				t.Fatalf("feed link %q: %v", l.Href, err)
			}
			got[l.Rel] = feedURL.ResolveReference(href).String()
			if cfgBase == "" && href.IsAbs() {
				t.Errorf("no baseURL: feed link %q is absolute", l.Href)
			}
		}
		for rel, w := range want {
			if got[rel] != w {
				t.Errorf("baseURL %q: feed's %s link leads to %q, want %q", cfgBase, rel, got[rel], w)
			}
		}
	}
}
