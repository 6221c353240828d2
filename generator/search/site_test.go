package search_test

import (
	"bytes"
	"context"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/spf13/afero"
	"golang.org/x/net/html"

	"github.com/studysite/studysite/generator/site"
	"github.com/studysite/studysite/internal/htmltest"
)

// memSite builds the seed site plus xssDoc on a MemMapFs.
func memSite(t *testing.T) afero.Fs {
	t.Helper()
	fsys := afero.NewMemMapFs()
	ents, err := os.ReadDir("../../content")
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range ents {
		b, err := os.ReadFile(filepath.Join("../../content", e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		_ = afero.WriteFile(fsys, "site/content/"+e.Name(), b, 0o644)
	}
	_ = afero.WriteFile(fsys, "site/content/xss-test.md", []byte(xssDoc), 0o644)
	if _, err := site.Build(context.Background(), fsys, site.Options{Source: "site"}); err != nil {
		t.Fatal(err)
	}
	return fsys
}

func walk(n *html.Node, f func(*html.Node)) {
	f(n)
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		walk(c, f)
	}
}

// TestSearchPageWithoutJS: the search page lists every document as a link
// that resolves to a built page, and every page has the header search box
// pointing at the search page.
func TestSearchPageWithoutJS(t *testing.T) {
	fsys := memSite(t)
	b, err := afero.ReadFile(fsys, "site/public/search/index.html")
	if err != nil {
		t.Fatal(err)
	}
	doc, err := html.Parse(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	var links []string
	walk(doc, func(n *html.Node) {
		if n.Type == html.ElementNode && n.Data == "ul" && strings.Contains(htmltest.Attr(n, "class"), "search-all") {
			walk(n, func(a *html.Node) {
				if a.Type == html.ElementNode && a.Data == "a" {
					links = append(links, htmltest.Attr(a, "href"))
				}
			})
		}
	})
	// Without JS the page leads to the archive, the years and the terms,
	// not to every document (which would grow with the library).
	if len(links) < 3 || links[0] != "../archive/index.html" || !slices.Contains(links, "../terms/index.html") {
		t.Fatalf("search page without JS links %v, want the archive, the years and the terms", links)
	}
	for _, l := range links {
		if ok, _ := afero.Exists(fsys, path.Join("site/public/search", l)); !ok {
			t.Errorf("search page link %s leads nowhere", l)
		}
	}
	for _, page := range []string{"index.html", "docs/xss-test/index.html", "404.html"} {
		b, err := afero.ReadFile(fsys, "site/public/"+page)
		if err != nil {
			t.Fatal(err)
		}
		doc, _ := html.Parse(bytes.NewReader(b))
		found := false
		walk(doc, func(n *html.Node) {
			if n.Type == html.ElementNode && n.Data == "form" && htmltest.Attr(n, "role") == "search" {
				target := path.Join(path.Dir("site/public/"+page), htmltest.Attr(n, "action"))
				if ok, _ := afero.Exists(fsys, target); ok {
					found = true
				}
			}
		})
		if !found {
			t.Errorf("%s: no search form leading to the search page", page)
		}
	}
}

// TestIndexDeterministic: two builds give the same index bytes.
func TestIndexDeterministic(t *testing.T) {
	a, b := memSite(t), memSite(t)
	var n int
	_ = afero.Walk(a, "site/public/search", func(p string, fi os.FileInfo, err error) error {
		if err != nil || fi.IsDir() {
			return err
		}
		n++
		x, _ := afero.ReadFile(a, p)
		y, err := afero.ReadFile(b, p)
		if err != nil || !bytes.Equal(x, y) {
			t.Errorf("%s differs between two builds", p)
		}
		return nil
	})
	if n < 4 {
		t.Errorf("only %d index files", n)
	}
}

// TestSearchJSSize: the search script a page loads before a first result,
// as published (minified), stays within the 15 KB (15,000 bytes) the
// design allows; what loads on demand is search-more.js.
func TestSearchJSSize(t *testing.T) {
	fs := memSite(t)
	found := 0
	_ = afero.Walk(fs, "site/public/assets", func(p string, fi os.FileInfo, err error) error {
		if err == nil && !fi.IsDir() && strings.HasPrefix(fi.Name(), "search.") && strings.HasSuffix(fi.Name(), ".js") {
			found++
			if fi.Size() > 15000 {
				t.Errorf("%s is %d bytes, more than 15,000", p, fi.Size())
			}
		}
		return err
	})
	if found != 1 {
		t.Errorf("%d search scripts in assets/, want 1", found)
	}
	if more, _ := afero.Glob(fs, "site/public/assets/search-more.*.js"); len(more) != 1 {
		t.Errorf("search-more.js published %d times, want once", len(more))
	}
}
