package check

import (
	"strings"
	"testing"

	"github.com/spf13/afero"
)

func htmlPage(body string) string {
	return "<!DOCTYPE html><html lang=\"zh-CN\" id=\"top\"><head><title>t</title></head><body>\n" + body + "\n</body></html>"
}

// site writes files under pub/ on a fresh memory file system.
func site(t *testing.T, files map[string]string) afero.Fs {
	fsys := afero.NewMemMapFs()
	for name, data := range files {
		if err := afero.WriteFile(fsys, "pub/"+name, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return fsys
}

func TestSite(t *testing.T) {
	base := map[string]string{
		"index.html":               htmlPage(`<a href="docs/a/index.html#p2">a</a><h2 id="c1">c</h2>`),
		"docs/a/index.html":        htmlPage(`<p id="p2">x</p><a href="../../index.html#c1">home</a><a href="#top">top</a><link rel="stylesheet" href="../../assets/s.css">`),
		"assets/s.css":             "p{}",
		"docs/b/index.html":        htmlPage(`<a name="old">x</a>`),
		"files/report.pdf":         "%PDF",
		"docs/c/deeper/index.html": htmlPage(``),
	}
	tests := []struct {
		name    string
		page    string // extra page's body, written to docs/x/index.html
		baseURL string
		want    []string // reasons, in order; none means it all resolves
	}{
		{"all resolve", `<a href="../a/">dir</a><a href="../a">dir without slash</a><a href="../b/index.html#old">a name</a><a href="../../files/report.pdf#page=2">pdf</a><a href="">self</a><a href="#top">top</a>`, "", nil},
		{"external links are not fetched", `<a href="https://example.com/x">e</a><a href="mailto:a@b.c">m</a><img src="data:image/png;base64,AA" alt=""><a href="//example.org/x">scheme-relative</a>`, "", nil},
		{"missing page", `<a href="../nope/index.html">n</a>`, "", []string{"no such file docs/nope/index.html"}},
		{"missing fragment", `<a href="../a/index.html#p9">n</a>`, "", []string{`no element with id "p9" in docs/a/index.html`}},
		{"missing fragment on the same page", `<a href="#s1">n</a>`, "", []string{`no element with id "s1" in docs/x/index.html`}},
		{"missing asset", `<script src="../../assets/site.js"></script><img src="../../logo.png" alt="">`, "", []string{"no such file assets/site.js", "no such file logo.png"}},
		{"absolute path", `<a href="/docs/a/">abs</a>`, "", []string{"absolute path: breaks under a subpath and from file://; link relatively"}},
		{"leaves the site", `<a href="../../../x.html">up</a>`, "", []string{"leaves the site folder"}},
		{"baseURL links are internal", `<a href="https://example.org/study/docs/a/#p2">ok</a><a href="https://example.org/study/">home</a><a href="https://example.org/study/docs/zz/">bad</a>`, "https://example.org/study/", []string{"no such file docs/zz/index.html"}},
		{"a directory without index.html", `<a href="../c/">c</a>`, "", []string{"no such file docs/c/index.html"}},
		{"an img's other attributes are no references", `<img src="../../assets/s.css" alt="示意图" width="10" loading="lazy">`, "", nil},
		{"self-closing tags", `<img src="../../nope.png" alt=""/><link rel="icon" href="../../icon.svg"/>`, "", []string{"no such file nope.png", "no such file icon.svg"}},
		{"every candidate of an img srcset", `<img src="../../assets/s.css" srcset="../../assets/s.css 1x, , ../../nope.png 2x" alt="">`, "", []string{"no such file nope.png"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			files := map[string]string{"docs/x/index.html": htmlPage(tc.page)}
			for k, v := range base {
				files[k] = v
			}
			rep, err := Site(site(t, files), "pub", tc.baseURL)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, p := range rep.Problems {
				if p.Page != "docs/x/index.html" {
					t.Errorf("problem on a page that is fine: %s", p)
				}
				got = append(got, p.Reason)
			}
			if strings.Join(got, "\n") != strings.Join(tc.want, "\n") {
				t.Errorf("problems:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(tc.want, "\n"))
			}
			if rep.Pages != 5 {
				t.Errorf("crawled %d pages, want 5", rep.Pages)
			}
		})
	}
}

// TestReportCountsLinks: the report says how many references it followed,
// each candidate of a srcset one, whether it resolves or not.
func TestReportCountsLinks(t *testing.T) {
	tests := []struct {
		name, body string
		links      int
	}{
		{"none", `<p id="a">x</p>`, 0},
		{"one of each", `<a href="#top">t</a><img src="x.png" alt=""/><img srcset="a.png 1x, b.png 2x" alt="">`, 4},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			rep, err := Site(site(t, map[string]string{"index.html": htmlPage(tc.body)}), "pub", "")
			if err != nil {
				t.Fatal(err)
			}
			if rep.Links != tc.links {
				t.Errorf("%d links, want %d", rep.Links, tc.links)
			}
		})
	}
}

func TestProblemNamesPageAndLine(t *testing.T) {
	fsys := site(t, map[string]string{"index.html": "<!DOCTYPE html>\n<html>\n<body>\n<p>\n<a href=\"gone.html\">x</a>\n"})
	rep, err := Site(fsys, "pub", "")
	if err != nil {
		t.Fatal(err)
	}
	if len(rep.Problems) != 1 {
		t.Fatalf("problems %v", rep.Problems)
	}
	if got, want := rep.Problems[0].String(), `index.html:5: a@href "gone.html": no such file gone.html`; got != want {
		t.Errorf("got %s, want %s", got, want)
	}
}

func TestNoSite(t *testing.T) {
	_, err := Site(afero.NewMemMapFs(), "public", "")
	if err == nil || !strings.Contains(err.Error(), "studysite build") {
		t.Errorf("error %v, want a hint to build first", err)
	}
}
