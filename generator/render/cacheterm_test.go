package render

import (
	"testing"

	"github.com/studysite/studysite/generator/config"
	"github.com/studysite/studysite/generator/content"
	"github.com/studysite/studysite/generator/urls"
	"github.com/studysite/studysite/themes"
)

// TestCacheTermPageFollowsEdits: a term page kept by a Cache is made again
// when what it shows changes though its occurrence lines read the same:
// the date of a document using the term, or the words of the sentence it
// quotes beyond the lines' context. Each rebuild gives the bytes of a
// build without a cache.
func TestCacheTermPageFollowsEdits(t *testing.T) {
	// The edit is more than KWICWidth characters after 人民城市, so the
	// term's line reads the same before and after it, and outside the
	// first paragraph, which lists summarise.
	doc := func(date, tail string) string {
		fm := "---\ntitle: 在全市城市工作会议上的讲话\nslug: a\n"
		if date != "" {
			fm += "date: \"" + date + "\"\n"
		}
		return fm + "---\n\n## 一、总体要求\n\n会议传达学习了中央城市工作会议精神。\n\n我们要坚持人民城市理念，（掌声）推进城市治理体系和治理能力现代化，让人民群众在城市生活得更方便、更舒心、更美好，" + tail + "。\n\n## 二、重点任务\n\n抓好安全生产。\n"
	}
	steps := []struct{ name, date, tail string }{
		{"first build", "2024-01-01", "努力创造宜业宜居宜乐宜游的良好环境"},
		{"date changed", "2024-02-01", "努力创造宜业宜居宜乐宜游的良好环境"},
		{"quoted sentence changed after the line's context", "2024-02-01", "努力打造宜业宜居宜乐宜游的良好环境"},
		{"date removed", "", "努力打造宜业宜居宜乐宜游的良好环境"},
		{"undated, sentence changed back", "", "努力创造宜业宜居宜乐宜游的良好环境"},
	}
	cfg := config.Default()
	cfg.Glossary = []config.GlossaryEntry{{Term: "人民城市"}}
	session := &cacheSession{t: t, cfg: cfg, text: map[string]string{}, pages: map[string]*content.Page{}}
	cached, err := New(themes.Builtin("default"))
	if err != nil {
		t.Fatal(err)
	}
	cached.SetCache(NewCache())
	termPage := urls.TermPage("ren-min-cheng-shi", 1)
	var before string
	for i, st := range steps {
		_, want := renderLikeFresh(t, st.name, cached, session.link(map[string]string{"content/a.md": doc(st.date, st.tail)}))
		if want[termPage] == "" {
			t.Fatalf("%s: no term page", st.name)
		}
		if i > 0 && want[termPage] == before {
			t.Errorf("%s: the term page reads as before: the step tests nothing", st.name)
		}
		before = want[termPage]
	}
}
