package render

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/studysite/studysite/generator/config"
	"github.com/studysite/studysite/internal/htmltest"
)

// TestDocLinksBlockShowsWhatTheDocumentHas: under a document its
// cross-link block shows whatever the document has: its tags, the terms
// it uses, the documents sharing them; whichever of these a document has
// and however many, the block is there.
func TestDocLinksBlockShowsWhatTheDocumentHas(t *testing.T) {
	doc := func(slug, date, tags, body string) string {
		fm := fmt.Sprintf("---\ntitle: %s的讲话\nslug: %s\ndate: \"%s\"\n", slug, slug, date)
		if tags != "" {
			fm += "tags: [" + tags + "]\n"
		}
		return fm + "---\n\n## 一、总体要求\n\n" + body + "\n"
	}
	tests := []struct {
		name     string
		glossary []string
		docs     map[string]string
		// want is, per document, the names its block links, in no order.
		want map[string][]string
	}{
		{"tags only", nil, map[string]string{
			"a": doc("a", "2024-01-02", "党建", "会议强调，（掌声）要把学习成果转化为工作成效。"),
		}, map[string][]string{"a": {"党建"}}},
		{"two tags", nil, map[string]string{
			"a": doc("a", "2024-01-02", "党建, 作风建设", "会议强调，要把学习成果转化为工作成效。"),
		}, map[string][]string{"a": {"党建", "作风建设"}}},
		{"one term shared by three of four", []string{"人民城市"}, map[string]string{
			"a": doc("a", "2024-01-02", "", "坚持人民城市理念，推进城市治理现代化。"),
			"b": doc("b", "2024-02-02", "", "人民城市人民建，人民城市为人民。"),
			"c": doc("c", "2024-03-02", "", "践行人民城市理念，（掌声）办好民生实事。"),
			// d keeps the term rarer than "in every document", so that
			// sharing it makes documents related.
			"d": doc("d", "2024-04-02", "", "抓好安全生产，守牢安全底线。"),
		}, map[string][]string{
			"a": {"人民城市", "b的讲话", "c的讲话"},
			"b": {"人民城市", "a的讲话", "c的讲话"},
			"c": {"人民城市", "a的讲话", "b的讲话"},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cfg := config.Default()
			for _, g := range tt.glossary {
				cfg.Glossary = append(cfg.Glossary, config.GlossaryEntry{Term: g})
			}
			files := map[string]string{}
			for slug, text := range tt.docs {
				files["content/"+slug+".md"] = text
			}
			out := renderSite(t, cfg, files)
			for slug, want := range tt.want {
				page := htmltest.Parse(t, out["docs/"+slug+"/index.html"])
				blocks := htmltest.All(t, page, "aside.doc-links")
				if len(blocks) != 1 {
					t.Errorf("%s: %d cross-link blocks, want 1", slug, len(blocks))
					continue
				}
				var got []string
				for _, a := range htmltest.All(t, blocks[0], "a") {
					got = append(got, htmltest.TextOf(a))
				}
				for _, w := range want {
					if !slices.Contains(got, w) {
						t.Errorf("%s: block links %s, lacks %s", slug, strings.Join(got, "、"), w)
					}
				}
			}
		})
	}
}
