package site

import (
	"bytes"
	"context"
	"os"
	"strings"
	"testing"

	"github.com/spf13/afero"

	"github.com/studysite/studysite/internal/htmltest"
)

// TestBlogPostSeedBuilds: a Hexo post saved on Windows (BOM, CRLF, blank
// lines before the front matter) imports and builds; the keys studysite
// does not use stay in the content file and only warn; the page shows the
// post's headings and tags, its remote image as a link, no front matter
// and no <!-- more -->.
func TestBlogPostSeedBuilds(t *testing.T) {
	post, err := os.ReadFile("../ingest/testdata/md-hexo-blog.md")
	if err != nil {
		t.Fatal(err)
	}
	seed := append([]byte("\xEF\xBB\xBF"), bytes.ReplaceAll(post, []byte("\n"), []byte("\r\n"))...)
	fsys := afero.NewMemMapFs()
	_ = afero.WriteFile(fsys, "site/seeds/2024-02-18-sanzhong-xinde.md", seed, 0o644)
	var log bytes.Buffer
	if _, err := Build(context.Background(), fsys, Options{Source: "site", Log: &log}); err != nil {
		t.Fatalf("build: %v", err)
	}
	files, _ := afero.Glob(fsys, "site/content/*.md")
	if len(files) != 1 {
		t.Fatalf("content files %q", files)
	}
	written := string(readFile(t, fsys, files[0]))
	for _, key := range []string{"layout: post", "toc: true", "permalink: /2024/02/18/sanzhong-xinde/"} {
		if !strings.Contains(written, "\n"+key+"\n") {
			t.Errorf("%s lost %q:\n%s", files[0], key, written)
		}
	}
	if !strings.Contains(log.String(), `"layout"`) {
		t.Errorf("the build does not warn about the key it ignores:\n%s", log.String())
	}

	doc := htmltest.Parse(t, readFile(t, fsys, "site/public/docs/dang-de-er-shi-jie-san-zhong/index.html"))
	var toc []string
	for _, a := range htmltest.All(t, doc, "nav.toc a") {
		toc = append(toc, htmltest.TextOf(a))
	}
	if got := strings.Join(toc, "|"); got != "一、深刻领会全会的重大意义|二、结合岗位抓好落实|三、下一步打算" {
		t.Errorf("table of contents %q", got)
	}
	text := htmltest.Text(t, htmltest.One(t, doc, "article"), "")
	for _, leak := range []string{"categories", "layout", "permalink", "more", "---", "https://img.example.com"} {
		if strings.Contains(text, leak) {
			t.Errorf("the page shows %q", leak)
		}
	}
	for _, want := range []string{"全会公报要点图", "max_upload_size", "李晓明", "学习笔记"} {
		if !strings.Contains(htmltest.TextOf(doc), want) {
			t.Errorf("the page does not show %q", want)
		}
	}
	for _, img := range htmltest.All(t, doc, "img") {
		t.Errorf("the page has an image: %s", htmltest.Attr(img, "src"))
	}
}
