package render

import (
	"fmt"
	"strings"
	"testing"

	"github.com/studysite/studysite/generator/config"
	"github.com/studysite/studysite/internal/htmltest"
)

// TestHomePage: the home page shows the newest documents with date,
// subtitle and summary, and the ways in (series, years, tags, speakers),
// each link leading to a page of the site; a document's breadcrumbs lead to
// its series, else its year, else the archive.
func TestHomePage(t *testing.T) {
	s := testSite(t, config.Default(),
		"title: 甲\nslug: a\ndate: 2022-05-01\ntags: [党建]",
		"title: 乙\nslug: b\ndate: 2023-03-01\nseries: 专题学习\nsubtitle: 副题\nsummary: 一句话摘要\nspeaker: 张三",
		"title: 丙\nslug: c\ndate: 2023-01-01",
		"title: 丁\nslug: d\ndate: 2021-01-01\nseries: 专题学习",
		"title: 戊\nslug: e",
	)
	files := renderAll(t, "default", s)
	home := htmltest.Parse(t, []byte(files["index.html"]))
	var latest []string
	for _, a := range htmltest.All(t, home, ".home-latest .doc-item-title a") {
		latest = append(latest, htmltest.TextOf(a))
	}
	if got := strings.Join(latest, ","); got != "乙,丙,甲,丁,戊" {
		t.Errorf("最新材料 lists %s, want 乙,丙,甲,丁,戊 (newest first, undated last)", got)
	}
	first := htmltest.Text(t, htmltest.All(t, home, ".home-latest .doc-item")[0], "")
	for _, want := range []string{"2023年3月1日", "副题", "一句话摘要"} {
		if !strings.Contains(first, want) {
			t.Errorf("first item %q lacks %q", first, want)
		}
	}
	ways := map[string]string{}
	for _, sec := range htmltest.All(t, home, ".ways-in .way") {
		var names []string
		for _, a := range htmltest.All(t, sec, ".way-list a") {
			names = append(names, htmltest.TextOf(a))
			if _, ok := files[resolve("index.html", htmltest.Attr(a, "href"))]; !ok {
				t.Errorf("home links %q, not a page", htmltest.Attr(a, "href"))
			}
		}
		ways[htmltest.TextOf(htmltest.One(t, sec, "h2"))] = strings.Join(names, ",")
	}
	for way, want := range map[string]string{"系列": "专题学习", "年份": "2023年,2022年,2021年", "标签": "党建", "讲话人": "张三", "学习材料包": "最新材料"} {
		if ways[way] != want {
			t.Errorf("home %s: %q, want %q (all: %v)", way, ways[way], want, ways)
		}
	}
	archive := htmltest.One(t, home, ".home-latest .more-link a")
	if h := htmltest.Attr(archive, "href"); h != "archive/index.html" || !strings.Contains(htmltest.TextOf(archive), "5") {
		t.Errorf("archive link %q %q", h, htmltest.TextOf(archive))
	}
	for slug, want := range map[string]string{"d": "../../series/zhuan-ti-xue-xi/index.html 专题学习", "c": "../../years/2023/index.html 2023年", "e": "../../archive/index.html 全部材料"} {
		doc := htmltest.Parse(t, []byte(files["docs/"+slug+"/index.html"]))
		crumb := htmltest.All(t, doc, ".breadcrumbs a")[1]
		if got := htmltest.Attr(crumb, "href") + " " + htmltest.TextOf(crumb); got != want {
			t.Errorf("breadcrumb of %s: %q, want %q", slug, got, want)
		}
		if _, ok := files[resolve("docs/"+slug+"/index.html", htmltest.Attr(crumb, "href"))]; !ok {
			t.Errorf("breadcrumb of %s leads nowhere", slug)
		}
	}
}

// TestLargeLibraryPages: with thousands of documents every list page stays
// under 100 KB, the archive, a year and a tag paginate with numbered pages
// that link each other relatively (so they work from file://), and the
// pages together list every document once.
func TestLargeLibraryPages(t *testing.T) {
	const docs = 1203
	var fm []string
	for i := 0; i < docs; i++ {
		fm = append(fm, fmt.Sprintf("title: 第%d篇学习材料——在全市干部大会上的讲话\nslug: d%d\ndate: %d-%02d-%02d\ntags: [党建, 标签%d]\nspeaker: 讲话人%d\nseries: 系列%d",
			i, i, 2000+i%20, 1+i%12, 1+i%28, i%40, i%30, i%35))
	}
	files := renderAll(t, "default", testSite(t, config.Default(), fm...))
	for path, page := range files {
		if strings.HasSuffix(path, ".html") && !strings.HasPrefix(path, "docs/") && !strings.HasPrefix(path, "search/") && !strings.HasPrefix(path, "packets/") && len(page) > 100<<10 {
			t.Errorf("%s weighs %d KB, over 100 KB", path, len(page)>>10)
		}
	}
	if n := len(files["index.html"]); n > 40<<10 {
		t.Errorf("home page %d KB: it should not grow with the library", n>>10)
	}
	for _, first := range []string{"archive/index.html", "years/2005/index.html", "tags/dang-jian/index.html"} {
		seen := map[string]int{}
		page, visited := first, 0
		for page != "" && visited < 100 {
			visited++
			data, ok := files[page]
			if !ok {
				t.Fatalf("%s: missing (linked as the next page)", page)
			}
			root := htmltest.Parse(t, []byte(data))
			for _, a := range htmltest.All(t, root, ".doc-list a") {
				seen[resolve(page, htmltest.Attr(a, "href"))]++
			}
			nav := htmltest.All(t, root, ".page-nav")
			if len(nav) == 0 {
				t.Fatalf("%s: no numbered pages", page)
			}
			for _, a := range htmltest.All(t, nav[0], "a") {
				if h := htmltest.Attr(a, "href"); strings.HasPrefix(h, "/") || strings.Contains(h, "://") {
					t.Errorf("%s: pager link %q is not relative", page, h)
				}
			}
			cur := htmltest.One(t, nav[0], `[aria-current="page"]`)
			if htmltest.TextOf(cur) != fmt.Sprint(visited) {
				t.Errorf("%s: current page shown as %q, want %d", page, htmltest.TextOf(cur), visited)
			}
			next := htmltest.All(t, nav[0], `a[rel="next"]`)
			here := page
			page = ""
			if len(next) > 0 {
				page = resolve(here, htmltest.Attr(next[0], "href"))
			}
		}
		want := map[string]int{"archive/index.html": docs, "years/2005/index.html": docs / 20, "tags/dang-jian/index.html": docs}[first]
		if len(seen) != want {
			t.Errorf("%s and its following pages list %d documents, want %d", first, len(seen), want)
		}
		for doc, n := range seen {
			if n != 1 {
				t.Errorf("%s: %s listed %d times", first, doc, n)
			}
		}
	}
}
