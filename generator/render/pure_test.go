package render

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"sort"
	"testing"

	"github.com/studysite/studysite/generator/config"
	"github.com/studysite/studysite/generator/content"
	"github.com/studysite/studysite/generator/link"
	"github.com/studysite/studysite/themes"
)

// TestLinkingTwiceRendersTheSameSite: serve relinks the pages it already
// holds; every file of the second site must equal the first's, byte for
// byte — cross-links, backlinks, term links and table alignment (which
// goldmark's table renderer used to add to the tree at each render)
// included.
func TestLinkingTwiceRendersTheSameSite(t *testing.T) {
	inputs, _ := filepath.Glob("testdata/*.md")
	sort.Strings(inputs)
	var pages []*content.Page
	for _, in := range inputs {
		data, err := os.ReadFile(in)
		if err != nil {
			t.Fatal(err)
		}
		p, err := content.Parse(in, data)
		if err != nil {
			t.Fatal(err)
		}
		pages = append(pages, p)
	}
	// Every document links the next, by [[link]] and by file, so the
	// site has backlinks to lose.
	for i, p := range pages {
		next := pages[(i+1)%len(pages)]
		src := "---\ntitle: 链接" + p.Slug() + "\nslug: link-" + p.Slug() + "\n---\n\n见[[" + next.Slug() + "]]和[[" + p.Slug() + "#p1|第一段]]，人民城市。\n\n[原文](" + filepath.Base(next.File) + ")\n\n| 甲 | 乙 |\n|:--|--:|\n| 一 | 二 |\n"
		lp, err := content.Parse(filepath.Join("testdata", "link-"+p.Slug()+".md"), []byte(src))
		if err != nil {
			t.Fatal(err)
		}
		pages = append(pages, lp)
	}
	cfg := config.Default()
	cfg.Glossary = []config.GlossaryEntry{{Term: "人民城市"}}
	r, err := New(themes.Builtin("default"))
	if err != nil {
		t.Fatal(err)
	}
	var sites [2]map[string][]byte
	for i := range sites {
		s, err := link.Build(cfg, pages)
		if err != nil {
			t.Fatal(err)
		}
		files, err := r.Render(context.Background(), s)
		if err != nil {
			t.Fatal(err)
		}
		sites[i] = map[string][]byte{}
		for _, f := range files {
			sites[i][f.Path] = f.Data
		}
	}
	if len(sites[0]) != len(sites[1]) {
		t.Fatalf("%d files, then %d", len(sites[0]), len(sites[1]))
	}
	for path, data := range sites[0] {
		if !bytes.Equal(data, sites[1][path]) {
			t.Errorf("%s differs the second time", path)
		}
	}
	for _, want := range []string{`class="backlinks"`, `class="xref"`, `class="term"`, `style="text-align:right"`} {
		found := false
		for _, data := range sites[0] {
			found = found || bytes.Contains(data, []byte(want))
		}
		if !found {
			t.Errorf("no page has %s, so this test proves nothing", want)
		}
	}
}
