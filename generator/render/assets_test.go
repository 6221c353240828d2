package render

import (
	"crypto/sha256"
	"encoding/hex"
	"io/fs"
	"path"
	"strings"
	"testing"

	"github.com/studysite/studysite/generator/config"
	"github.com/studysite/studysite/internal/htmltest"
	"github.com/studysite/studysite/themes"
)

// TestThemeAssetsPublished: every file of the theme's assets/ is published
// with its bytes; stylesheets and scripts named with the first 8 hex
// digits of their SHA-256 (so browsers may cache them forever), other
// files (the icon) under their own name.
func TestThemeAssetsPublished(t *testing.T) {
	fsys := themes.Builtin("default")
	r, err := New(fsys)
	if err != nil {
		t.Fatal(err)
	}
	files := renderFiles(t, r, testSite(t, config.Default(), "title: 在全市干部大会上的讲话\nslug: a\ndate: 2024-03-01"))
	seen := 0
	err = fs.WalkDir(fsys, "assets", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		seen++
		data, err := fs.ReadFile(fsys, p)
		if err != nil {
			return err
		}
		want := p
		if ext := path.Ext(p); ext == ".css" || ext == ".js" {
			sum := sha256.Sum256(data)
			want = strings.TrimSuffix(p, ext) + "." + hex.EncodeToString(sum[:])[:8] + ext
			if _, ok := files[p]; ok {
				t.Errorf("%s published under its plain name too", p)
			}
		}
		if got, ok := files[want]; !ok {
			t.Errorf("%s not published as %s", p, want)
		} else if got != string(data) {
			t.Errorf("%s: published bytes differ from the theme's", want)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if seen == 0 {
		t.Fatal("the theme has no assets: the test checks nothing")
	}
}

// TestNotFoundPageCarriesItsAssets: without a baseURL the 404 page, served
// at any depth, carries the theme's stylesheets, script and icon in
// itself rather than linking them.
func TestNotFoundPageCarriesItsAssets(t *testing.T) {
	fsys := themes.Builtin("default")
	files := renderAll(t, "default", testSite(t, config.Default(), "title: 在全市干部大会上的讲话\nslug: a"))
	page := htmltest.Parse(t, []byte(files["404.html"]))
	asset := func(name string) string {
		b, err := fs.ReadFile(fsys, "assets/"+name)
		if err != nil {
			t.Fatal(err)
		}
		return strings.TrimSpace(string(b))
	}
	style := htmltest.TextOf(htmltest.One(t, page, "style"))
	for _, css := range []string{"style.css", "search.css"} {
		if !strings.Contains(style, asset(css)) {
			t.Errorf("404.html's <style> lacks %s", css)
		}
	}
	var scripts string
	for _, s := range htmltest.All(t, page, "script:not([src])") {
		scripts += htmltest.TextOf(s)
	}
	if !strings.Contains(scripts, asset("site.js")) {
		t.Error("404.html's inline scripts lack site.js")
	}
	icon := htmltest.All(t, page, `link[rel="icon"]`)
	if len(icon) != 1 || !strings.HasPrefix(htmltest.Attr(icon[0], "href"), "data:image/svg+xml,") {
		t.Errorf("404.html's icon: %d links, want one data: URL", len(icon))
	}
}
