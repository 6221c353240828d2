package render

import (
	"context"
	"maps"
	"sort"
	"strings"
	"testing"

	"github.com/studysite/studysite/generator/config"
	"github.com/studysite/studysite/generator/content"
	"github.com/studysite/studysite/generator/link"
	"github.com/studysite/studysite/themes"
)

// cacheSession is an editing session as serve runs it: content files
// parsed again only when their text changed, so an unchanged document is
// the same *content.Page from one build to the next.
type cacheSession struct {
	t     *testing.T
	cfg   config.Config
	text  map[string]string
	pages map[string]*content.Page
}

func (s *cacheSession) link(files map[string]string) *link.Site {
	s.t.Helper()
	var names []string
	for name, text := range files {
		names = append(names, name)
		if s.text[name] == text {
			continue
		}
		p, err := content.Parse(name, []byte(text))
		if err != nil {
			s.t.Fatal(err)
		}
		s.text[name], s.pages[name] = text, p
	}
	sort.Strings(names)
	var pages []*content.Page
	for _, name := range names {
		pages = append(pages, s.pages[name])
	}
	site, err := link.Build(s.cfg, pages)
	if err != nil {
		s.t.Fatal(err)
	}
	return site
}

// renderLikeFresh renders site with cached and with a fresh Renderer of the
// default theme, reports each file the two give differently, and gives both.
func renderLikeFresh(t *testing.T, step string, cached *Renderer, site *link.Site) (got, want map[string]string) {
	t.Helper()
	fresh, err := New(themes.Builtin("default"))
	if err != nil {
		t.Fatal(err)
	}
	want = renderFiles(t, fresh, site)
	got = renderFiles(t, cached, site)
	for path := range want {
		if got[path] != want[path] {
			t.Errorf("%s: %s differs from a build without a cache:\n%s\nwant:\n%s", step, path, got[path], want[path])
		}
	}
	return got, want
}

func renderFiles(t *testing.T, r *Renderer, site *link.Site) map[string]string {
	t.Helper()
	files, err := r.Render(context.Background(), site)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]string{}
	for _, f := range files {
		out[f.Path] = string(f.Data)
	}
	return out
}

// A rebuild with a Cache gives the bytes a build without one gives, and
// renders again only what an edit changed: no page and no body when
// nothing changed; the bodies of the edited document and of the
// documents whose links or term mentions now read differently, and the
// pages whose bytes changed.
func TestCacheRendersOnlyWhatChanged(t *testing.T) {
	// a links b three ways: a [[link]] in a list item, a link to b's
	// heading by its text, and (once c lists it) the term 高质量发展.
	a := "---\ntitle: 甲\nslug: a\ndate: \"2023-01-01\"\ntags: [经济]\n---\n\n## 一、开头\n\n人民城市第一段，推动高质量发展。\n\n- 见[[b]]\n\n见[原文](b.md#二、重点)。\n"
	b := func(title, extraHeading string) string {
		return "---\ntitle: " + title + "\nslug: b\ndate: \"2023-02-01\"\ntags: [经济]\n---\n\n## 一、总体\n\n人民城市与中国式现代化。\n\n" + extraHeading + "## 二、重点\n\n第二段。\n"
	}
	// c lists 高质量发展 in the last steps. 枫桥经验, a glossary term no text
	// uses, has a term page without a first use, the same in every step.
	c := func(terms string) string {
		return "---\ntitle: 丙\nslug: c\ndate: \"2023-03-01\"\nterms: [" + terms + "]\n---\n\n中国式现代化，人民城市。\n"
	}
	steps := []struct {
		name       string
		files      map[string]string
		wantBodies int // -1: every document's
		// exact: the pages rendered are those that changed. A term
		// occurring in the edited document keeps its page when its lines
		// read the same in the new parse.
		exact bool
	}{
		{"first build", map[string]string{"content/a.md": a, "content/b.md": b("乙", ""), "content/c.md": c("")}, -1, false},
		{"nothing changed", map[string]string{"content/a.md": a, "content/b.md": b("乙", ""), "content/c.md": c("")}, 0, true},
		// a, b and c use 人民城市: its page stays as it was.
		{"a gains a last paragraph", map[string]string{"content/a.md": a + "\n补充的一句话。\n", "content/b.md": b("乙", ""), "content/c.md": c("")}, 1, true},
		// The line of 人民城市 in a reads the new words; so does a's
		// summary, which the data of b's page carries and does not show.
		{"a's first paragraph edited", map[string]string{"content/a.md": strings.Replace(a, "人民城市第一段", "人民城市第1段", 1), "content/b.md": b("乙", ""), "content/c.md": c("")}, 1, false},
		{"a back as it was", map[string]string{"content/a.md": a, "content/b.md": b("乙", ""), "content/c.md": c("")}, 1, false},
		// a's [[b]] reads b's new title.
		{"b retitled", map[string]string{"content/a.md": a, "content/b.md": b("新乙", ""), "content/c.md": c("")}, 2, false},
		// a's link to 二、重点 now points at s3.
		{"b gains a heading", map[string]string{"content/a.md": a, "content/b.md": b("新乙", "## 新增\n\n插入段。\n\n"), "content/c.md": c("")}, 2, false},
		// a's 高质量发展 becomes a term link.
		{"c lists a term a uses", map[string]string{"content/a.md": a, "content/b.md": b("新乙", "## 新增\n\n插入段。\n\n"), "content/c.md": c("高质量发展")}, 2, false},
		{"nothing changed again", map[string]string{"content/a.md": a, "content/b.md": b("新乙", "## 新增\n\n插入段。\n\n"), "content/c.md": c("高质量发展")}, 0, false},
		// No document, so no packet: the unchanged page of 枫桥经验 no longer
		// links the packets index.
		{"every document removed", map[string]string{}, 0, false},
	}
	cfg := config.Default()
	cfg.Glossary = []config.GlossaryEntry{{Term: "人民城市"}, {Term: "中国式现代化"}, {Term: "枫桥经验"}}
	session := &cacheSession{t: t, cfg: cfg, text: map[string]string{}, pages: map[string]*content.Page{}}
	cached, err := New(themes.Builtin("default"))
	if err != nil {
		t.Fatal(err)
	}
	cache := NewCache()
	cached.SetCache(cache)
	var before map[string]string
	for _, st := range steps {
		site := session.link(st.files)
		got, want := renderLikeFresh(t, st.name, cached, site)
		if !maps.Equal(got, want) {
			t.Fatalf("%s: %d files, want %d", st.name, len(got), len(want))
		}
		changed, pages := 0, 0
		for path, data := range want {
			if !strings.HasSuffix(path, ".html") {
				continue
			}
			pages++
			if before[path] != data {
				changed++
			}
		}
		// A page whose data changed in what it does not show (a term's
		// occurrence now in a new parse of the same text) is rendered
		// again, so more may be rendered than changed; never fewer, and
		// none when nothing changed.
		if cache.Rendered+cache.Reused != pages || cache.Rendered < changed || changed == 0 && cache.Rendered != 0 || st.exact && cache.Rendered != changed {
			t.Errorf("%s: rendered %d pages and reused %d; %d of %d changed", st.name, cache.Rendered, cache.Reused, changed, pages)
		}
		wantBodies := st.wantBodies
		if wantBodies < 0 {
			wantBodies = len(site.Pages)
		}
		if cache.Bodies != wantBodies {
			t.Errorf("%s: rendered %d bodies, want %d", st.name, cache.Bodies, wantBodies)
		}
		before = want
	}
}
