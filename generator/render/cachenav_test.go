package render

import (
	"testing"

	"github.com/studysite/studysite/generator/config"
	"github.com/studysite/studysite/generator/content"
	"github.com/studysite/studysite/internal/htmltest"
	"github.com/studysite/studysite/themes"
)

// TestCacheFollowsTheTermsLink: the header links 提法 on every page once
// the library has a term, which a document's front matter can bring
// without any change to the configuration; a rebuild with a Cache then
// gives every page the link, the pages of documents that do not use the
// term too, as a build without a cache does; and takes it away again.
func TestCacheFollowsTheTermsLink(t *testing.T) {
	a := "---\ntitle: 政府工作报告\nslug: a\ndate: \"2023-03-05\"\n---\n\n## 一、过去一年的工作\n\n经济运行总体回升向好。（掌声）\n"
	c := func(terms string) string {
		return "---\ntitle: 传达稿\nslug: c\ndate: \"2023-04-01\"\nterms: [" + terms + "]\n---\n\n## 一、总体要求\n\n坚持枫桥经验，推进基层治理。\n"
	}
	steps := []struct {
		name      string
		cTerms    string
		wantTerms bool
	}{
		{"no term", "", false},
		{"c lists a term only c uses", "枫桥经验", true},
		{"the term dropped", "", false},
	}
	session := &cacheSession{t: t, cfg: config.Default(), text: map[string]string{}, pages: map[string]*content.Page{}}
	cached, err := New(themes.Builtin("default"))
	if err != nil {
		t.Fatal(err)
	}
	cached.SetCache(NewCache())
	for _, st := range steps {
		got, _ := renderLikeFresh(t, st.name, cached, session.link(map[string]string{"content/a.md": a, "content/c.md": c(st.cTerms)}))
		page := htmltest.Parse(t, []byte(got["docs/a/index.html"]))
		hasTerms := false
		for _, l := range htmltest.All(t, page, ".site-nav a") {
			hasTerms = hasTerms || htmltest.TextOf(l) == "提法"
		}
		if hasTerms != st.wantTerms {
			t.Errorf("%s: a's header links 提法 %v, want %v", st.name, hasTerms, st.wantTerms)
		}
	}
}
