package themes_test

import (
	"context"
	"os"
	"path"
	"path/filepath"
	"strings"
	"testing"

	"github.com/spf13/afero"

	"github.com/studysite/studysite/generator/output"
	"github.com/studysite/studysite/generator/publish"
	"github.com/studysite/studysite/generator/site"
	"github.com/studysite/studysite/internal/htmltest"
	"github.com/studysite/studysite/internal/sitetest"
)

// TestPublishedSearchJS: the search.js a built site's pages load is the
// default theme's parts of search.js joined in name order inside one
// closure (then minified, like every script), or a site's own whole
// search.js as it is, or the parts with one the site replaced.
func TestPublishedSearchJS(t *testing.T) {
	dir := filepath.Join("default", "assets", "search")
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	parts := map[string]string{}
	var names []string
	for _, e := range entries {
		data, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		parts[e.Name()], names = string(data), append(names, e.Name())
	}
	joined := func(replace map[string]string) string {
		s := "(() => {\n\"use strict\";\n"
		for _, n := range names {
			if r, ok := replace[n]; ok {
				s += r
			} else {
				s += parts[n]
			}
		}
		return s + "})();\n"
	}
	ownPart := "var ownPart = \"a site's own ranking\";\n"
	tests := []struct {
		name  string
		files map[string]string // site files
		want  string            // search.js before minifying
	}{
		{name: "the built-in parts", want: joined(nil)},
		{name: "a site's whole search.js",
			files: map[string]string{"themes/default/assets/search.js": "window.ownSearch = \"whole\";\n"},
			want:  "window.ownSearch = \"whole\";\n"},
		{name: "a site's part",
			files: map[string]string{"themes/default/assets/search/50-rank.js": ownPart},
			want:  joined(map[string]string{"50-rank.js": ownPart})},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			fsys := afero.NewMemMapFs()
			sitetest.Write(t, fsys, "site", sitetest.Site{RepoContent: true, RepoConfig: true, Files: tc.files})
			if _, err := site.Build(context.Background(), fsys, site.Options{Source: "site"}); err != nil {
				t.Fatal(err)
			}
			home, err := afero.ReadFile(fsys, "site/public/index.html")
			if err != nil {
				t.Fatal(err)
			}
			var src string
			for _, s := range htmltest.All(t, htmltest.Parse(t, home), "script[src]") {
				if strings.Contains(htmltest.Attr(s, "src"), "assets/search.") {
					src = htmltest.Attr(s, "src")
				}
			}
			if src == "" {
				t.Fatal("the home page loads no assets/search.*.js")
			}
			got, err := afero.ReadFile(fsys, path.Join("site/public", src))
			if err != nil {
				t.Fatal(err)
			}
			want, err := publish.Prepare(context.Background(), []output.File{{Path: "assets/search.js", Data: []byte(tc.want)}})
			if err != nil {
				t.Fatal(err)
			}
			if string(got) != string(want[0].Data) {
				t.Errorf("%s (%d bytes) is not the expected script minified (%d bytes): %s", src, len(got), len(want[0].Data), htmltest.FirstDiff(string(got), string(want[0].Data)))
			}
			if ok, _ := afero.DirExists(fsys, "site/public/assets/search"); ok {
				t.Error("the parts were published too, in public/assets/search/")
			}
		})
	}
}
