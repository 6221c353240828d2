package serve

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/spf13/afero"

	"github.com/studysite/studysite/generator/site"
)

// TestIncrementalBuilderServesWhatFullBuilderServes edits a site on disk
// and compares, after each edit, the snapshot the incremental builder
// gives with a whole rebuild's.
func TestIncrementalBuilderServesWhatFullBuilderServes(t *testing.T) {
	dir := t.TempDir()
	write := func(rel, data string) {
		t.Helper()
		p := filepath.Join(dir, filepath.FromSlash(rel))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	doc := func(title, date, body string) string {
		return "---\ntitle: \"" + title + "\"\ndate: " + date + "\n---\n\n## 一、要求\n\n" + body + "\n"
	}
	write("studysite.toml", "title = \"学习材料\"\nlinks = \"warn\"\n")
	write("content/a.md", doc("甲", "2023-01-01", "推动高质量发展。"))
	write("content/b.md", doc("乙", "2023-02-01", "参见[[a]]。"))
	steps := []struct {
		name    string
		apply   func()
		changed []string
		want    string // text the changed page now shows
		page    string
	}{
		{"first build", func() {}, nil, "甲", "docs/a/index.html"},
		{"body edited", func() { write("content/a.md", doc("甲", "2023-01-01", "推动高质量发展，补充一句。")) }, []string{"content/a.md"}, "补充一句", "docs/a/index.html"},
		{"title edited", func() { write("content/a.md", doc("甲改", "2023-01-01", "推动高质量发展。")) }, []string{"content/a.md"}, "甲改", "docs/b/index.html"},
		{"document added", func() { write("content/c.md", doc("丙", "2024-01-01", "新的一篇。")) }, []string{"content/c.md"}, "丙", "index.html"},
		{"document removed", func() {
			if err := os.Remove(filepath.Join(dir, "content", "c.md")); err != nil {
				t.Fatal(err)
			}
		}, []string{"content/c.md"}, "乙", "index.html"},
		{"config edited", func() { write("studysite.toml", "title = \"新的站名\"\nlinks = \"warn\"\n") }, []string{"studysite.toml"}, "新的站名", "index.html"},
	}
	incr := NewIncrementalBuilder(afero.NewOsFs(), site.Options{Source: dir})
	full := FullBuilder{Fs: afero.NewOsFs(), Options: site.Options{Source: dir}}
	for _, st := range steps {
		st.apply()
		got, err := incr.Build(context.Background(), st.changed)
		if err != nil {
			t.Fatalf("%s: %v", st.name, err)
		}
		want, err := full.Build(context.Background(), nil)
		if err != nil {
			t.Fatalf("%s: full build: %v", st.name, err)
		}
		if got.Site.Len() != want.Site.Len() {
			t.Errorf("%s: %d files, a full build has %d", st.name, got.Site.Len(), want.Site.Len())
		}
		for p, f := range want.Site.files {
			g := got.Site.file(p)
			if g == nil || !bytes.Equal(g.data, f.data) {
				t.Errorf("%s: %s differs from a full build", st.name, p)
			}
		}
		if f := got.Site.file(st.page); f == nil || !strings.Contains(string(f.data), st.want) {
			t.Errorf("%s: %s does not show %q", st.name, st.page, st.want)
		}
		if st.changed != nil && !strings.HasPrefix(st.changed[0], "studysite") && incr.Stats().Full {
			t.Errorf("%s: a content edit rebuilt everything", st.name)
		}
	}
}
