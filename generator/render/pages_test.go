package render

import (
	"context"
	"encoding/xml"
	"fmt"
	"io/fs"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/spf13/afero"

	"github.com/studysite/studysite/generator/config"
	"github.com/studysite/studysite/generator/content"
	"github.com/studysite/studysite/generator/link"
	"github.com/studysite/studysite/internal/htmltest"
	"github.com/studysite/studysite/themes"
)

// testSite is a small site: documents given as front matter lines, each
// with one paragraph.
func testSite(t *testing.T, cfg config.Config, docs ...string) *link.Site {
	t.Helper()
	var pages []*content.Page
	for i, fm := range docs {
		src := fmt.Sprintf("---\n%s\n---\n\n## 一、标题\n\n第%d篇的第一段——正文。\n", fm, i+1)
		p, err := content.Parse(fmt.Sprintf("content/%d.md", i), []byte(src))
		if err != nil {
			t.Fatal(err)
		}
		pages = append(pages, p)
	}
	s, err := link.Build(cfg, pages)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func renderAll(t *testing.T, theme string, s *link.Site) map[string]string {
	t.Helper()
	th, err := themes.Open(afero.NewMemMapFs(), "themes", theme)
	if err != nil {
		t.Fatal(err)
	}
	r, err := New(th)
	if err != nil {
		t.Fatal(err)
	}
	return renderFiles(t, r, s)
}

func TestDocPage(t *testing.T) {
	s := testSite(t, config.Default(),
		"title: 甲——讲话\nslug: a\ndate: 2023-05-01\nspeaker: 张三\noccasion: 全体会议\nsubtitle: （传达稿）\nsource: seeds/a.txt",
		"title: 乙\nslug: b\ndate: 2023-04-01",
	)
	files := renderAll(t, "dangjian", s)
	doc := htmltest.Parse(t, []byte(files["docs/a/index.html"]))
	head := htmltest.Text(t, htmltest.One(t, doc, ".doc-head"), "")
	for _, want := range []string{"甲\u2060——讲话", "（传达稿）", "张三", "全体会议", "2023年5月1日", "来源：a.txt"} {
		if !strings.Contains(head, want) {
			t.Errorf("title block %q lacks %q", head, want)
		}
	}
	if body := htmltest.Text(t, htmltest.One(t, doc, ".doc-body"), ""); !strings.Contains(body, "第一段\u2060——正文") {
		t.Errorf("no word joiner before the dash in %q", body)
	}
	if a := htmltest.One(t, doc, "nav.toc a"); htmltest.Attr(a, "href") != "#s1" {
		t.Errorf("TOC link %q", htmltest.Attr(a, "href"))
	}
	if htmltest.Attr(htmltest.One(t, doc, ".pager a.next"), "href") != "../../docs/b/index.html" {
		t.Error("next link wrong")
	}
	if len(htmltest.All(t, doc, `link[rel="stylesheet"]`)) != 4 {
		t.Error("dangjian pages want style.css, links.css, search.css and theme.css")
	}
	if len(htmltest.All(t, doc, `link[rel="canonical"]`)) != 0 {
		t.Error("canonical link without a baseURL")
	}
}

func TestNotFoundLinks(t *testing.T) {
	for _, base := range []string{"", "https://example.org/study/"} {
		cfg := config.Default()
		cfg.BaseURL = base
		files := renderAll(t, "default", testSite(t, cfg, "title: 甲\nslug: a"))
		page := htmltest.Parse(t, []byte(files["404.html"]))
		home := htmltest.Attr(htmltest.One(t, page, ".notfound a"), "href")
		inline := len(htmltest.All(t, page, "style")) == 1 && len(htmltest.All(t, page, "script:not([src])")) == 2
		external := len(htmltest.All(t, page, `link[rel="stylesheet"], script[src]`))
		switch base {
		case "":
			if home != "index.html" || !inline || external != 0 {
				t.Errorf("no baseURL: home link %q, inline %v, %d linked assets; want index.html with inline assets", home, inline, external)
			}
		default:
			// style.css, links.css (cross-links), search.css, site.js and search.js.
			if home != base+"index.html" || inline || external != 5 {
				t.Errorf("baseURL: home link %q, inline %v, %d linked assets; want absolute links", home, inline, external)
			}
			for _, l := range htmltest.All(t, page, `link[rel="stylesheet"], script[src]`) {
				if u := htmltest.Attr(l, "href") + htmltest.Attr(l, "src"); !strings.HasPrefix(u, base+"assets/") {
					t.Errorf("asset %q not absolute", u)
				}
			}
		}
	}
}

type feedDoc struct {
	Links []struct {
		Href string `xml:"href,attr"`
		Rel  string `xml:"rel,attr"`
	} `xml:"link"`
	Entries []struct {
		Title string `xml:"title"`
		ID    string `xml:"id"`
		Link  struct {
			Href string `xml:"href,attr"`
		} `xml:"link"`
	} `xml:"entry"`
	Updated string `xml:"updated"`
}

func TestFeedsAndSitemap(t *testing.T) {
	docs := []string{"title: 甲\nslug: a\ndate: 2023-05-01", "title: 乙\nslug: b\ndate: 2022-01-02"}
	for _, base := range []string{"", "https://example.org/study/"} {
		cfg := config.Default()
		cfg.BaseURL = base
		files := renderAll(t, "default", testSite(t, cfg, docs...))
		var f feedDoc
		if err := xml.Unmarshal([]byte(files["feed.xml"]), &f); err != nil {
			t.Fatalf("feed.xml: %v", err)
		}
		if len(f.Entries) != 2 || f.Entries[0].Title != "甲" || f.Entries[0].Link.Href != base+"docs/a/" {
			t.Errorf("baseURL %q: feed entries %+v", base, f.Entries)
		}
		if f.Updated != "2023-05-01T00:00:00+08:00" {
			t.Errorf("feed updated %q", f.Updated)
		}
		if !strings.HasPrefix(f.Entries[0].ID, "urn:uuid:") || f.Entries[0].ID == f.Entries[1].ID {
			t.Errorf("entry ids %q %q", f.Entries[0].ID, f.Entries[1].ID)
		}
		sm, hasSitemap := files["sitemap.xml"]
		robots := files["robots.txt"]
		if base == "" {
			if hasSitemap || strings.Contains(robots, "Sitemap") {
				t.Error("sitemap without a baseURL: sitemaps need absolute URLs")
			}
			continue
		}
		for _, want := range []string{"<loc>" + base + "</loc>", "<loc>" + base + "docs/a/</loc>", "<lastmod>2022-01-02</lastmod>"} {
			if !strings.Contains(sm, want) {
				t.Errorf("sitemap lacks %s:\n%s", want, sm)
			}
		}
		if !strings.Contains(robots, "Sitemap: "+base+"sitemap.xml") {
			t.Errorf("robots.txt: %q", robots)
		}
		if _, ok := files[".nojekyll"]; !ok {
			t.Error("no .nojekyll")
		}
	}
}

func TestTemplateErrorNamesFileAndLine(t *testing.T) {
	base := fstest.MapFS{}
	def := themes.Builtin("default")
	for _, name := range []string{"templates/base.html", "templates/home.html", "templates/404.html"} {
		b, _ := fs.ReadFile(def, name)
		base[name] = &fstest.MapFile{Data: b}
	}
	tests := []struct{ doc, want string }{
		{"{{define \"main\"}}\n<p>\n{{.Nope}\n{{end}}", "doc.html:3"},
		{"{{define \"main\"}}\n\n\n{{template \"missing\" .}}{{end}}", "doc.html:4"},
	}
	for _, tc := range tests {
		th := fstest.MapFS{"templates/doc.html": {Data: []byte(tc.doc)}}
		for k, v := range base {
			th[k] = v
		}
		r, err := New(th)
		if err == nil {
			_, err = r.Render(context.Background(), testSite(t, config.Default(), "title: 甲\nslug: a"))
		}
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("error %v, want it to name %s", err, tc.want)
		}
	}
}
