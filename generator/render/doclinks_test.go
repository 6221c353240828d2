package render

import (
	"strconv"
	"strings"
	"testing"

	"github.com/studysite/studysite/generator/config"
	"github.com/studysite/studysite/internal/htmltest"
)

// A related document shows at most MaxShared of the terms it shares, the
// rarest, and says how many more there are.
func TestRelatedShowsMaxSharedTerms(t *testing.T) {
	terms := []string{"人民城市", "枫桥经验", "一带一路", "五个中心", "新发展理念", "共同富裕", "乡村振兴", "双碳目标"}
	tests := []struct {
		shared   int
		wantMore string
	}{
		{MaxShared, ""},
		{MaxShared + 1, "等 1 个"},
		{len(terms), "等 " + strconv.Itoa(len(terms)-MaxShared) + " 个"},
	}
	for _, tt := range tests {
		t.Run(strconv.Itoa(tt.shared), func(t *testing.T) {
			cfg := config.Default()
			for _, term := range terms {
				cfg.Glossary = append(cfg.Glossary, config.GlossaryEntry{Term: term})
			}
			text := strings.Join(terms[:tt.shared], "，") + "。"
			doc := func(slug, date, body string) string {
				return "---\ntitle: 标题" + slug + "\nslug: " + slug + "\ndate: \"" + date + "\"\n---\n\n" + body + "\n"
			}
			out := renderSite(t, cfg, map[string]string{
				"content/a.md": doc("a", "2024-01-01", text),
				"content/b.md": doc("b", "2024-02-01", text),
				// c uses none of them, so each, in two of three documents, weighs.
				"content/c.md": doc("c", "2024-03-01", "无关的正文。"),
			})
			page := htmltest.Parse(t, out["docs/a/index.html"])
			items := htmltest.All(t, page, "section.related li")
			if len(items) != 1 {
				t.Fatalf("%d related documents, want b alone", len(items))
			}
			shared := htmltest.One(t, items[0], "span.shared")
			if n := len(htmltest.All(t, shared, "a")); n != MaxShared {
				t.Errorf("%d shared terms shown, want %d", n, MaxShared)
			}
			text = htmltest.TextOf(shared)
			if tt.wantMore == "" && strings.Contains(text, "等") || !strings.HasSuffix(text, tt.wantMore) {
				t.Errorf("shared terms read %q, want them to end %q", text, tt.wantMore)
			}
		})
	}
}
