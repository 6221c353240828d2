package link

import (
	"strings"
	"testing"

	"github.com/studysite/studysite/generator/config"
)

// TestTermLinksReadABlockAsItsReaderDoes checks that a term is found in the
// text a reader reads, across emphasis and line breaks, and linked in each
// text node it covers; that text never linked (links, code) breaks the
// text; and that a paragraph reads the same whether or not its terms were
// linked before it (a paragraph whose terms are all linked is not scanned).
func TestTermLinksReadABlockAsItsReaderDoes(t *testing.T) {
	tests := []struct {
		name, mode, body string
		want             string // term links as text>term, in order
	}{
		{"emphasis inside a term", config.TermLinksFirstPerSection,
			"推进中国式**现代化**。\n",
			"中国式>中国式现代化 现代化>中国式现代化"},
		{"a term over a hard wrap", config.TermLinksFirstPerSection,
			"推进中国式\n现代化。\n",
			"中国式>中国式现代化 现代化>中国式现代化"},
		{"a term over a hard wrap between words", config.TermLinksFirstPerSection,
			"the Belt and\nRoad matters\n",
			"Belt and>Belt and Road Road>Belt and Road"},
		{"split mention after the term was linked", config.TermLinksFirstPerDocument,
			"推进中国式现代化。\n\n再谈中国式**现代化**。\n",
			"中国式现代化>中国式现代化"},
		{"split mention beside a term not yet linked", config.TermLinksFirstPerDocument,
			"推进中国式现代化。\n\n再谈中国式**现代化**和人民城市。\n",
			"中国式现代化>中国式现代化 人民城市>人民城市"},
		{"every split mention", config.TermLinksAll,
			"推进中国式现代化。\n\n再谈中国式**现代化**。\n",
			"中国式现代化>中国式现代化 中国式>中国式现代化 现代化>中国式现代化"},
		{"a term half inside a link", config.TermLinksAll,
			"推进中国式[现代化](https://example.org/)。\n",
			""},
		{"code inside a term", config.TermLinksAll,
			"人民`x`城市，人民城市。\n",
			"人民城市>人民城市"},
		{"a link before a term", config.TermLinksFirstPerDocument,
			"见[文件](https://example.org/)，建设人民城市。\n",
			"人民城市>人民城市"},
		{"tight list item", config.TermLinksFirstPerSection,
			"- 推进中国式**现代化**\n- 人民城市\n",
			"中国式>中国式现代化 现代化>中国式现代化 人民城市>人民城市"},
		{"table cell", config.TermLinksFirstPerSection,
			"| 目标 | 路径 |\n|---|---|\n| 中国式*现代化* | 人民城市 |\n",
			"中国式>中国式现代化 现代化>中国式现代化 人民城市>人民城市"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cfg := glossaryConfig("中国式现代化", "现代化", "人民城市", "Belt and Road")
			cfg.TermLinks = tt.mode
			s := mustBuild(t, cfg, map[string]string{"content/a.md": doc("a", "2023-12-01", "", "\n"+tt.body)})
			termAt := map[string]string{}
			for _, term := range s.Terms {
				termAt[term.Slug] = term.Name
			}
			var got []string
			for _, a := range anchors(t, s, s.Pages[0]) {
				if a.Class == "term" {
					slug := strings.TrimSuffix(strings.TrimPrefix(a.Href, "../../terms/"), "/index.html")
					got = append(got, a.Text+">"+termAt[slug])
				}
			}
			if strings.Join(got, " ") != tt.want {
				t.Errorf("term links = %q\nwant %q", strings.Join(got, " "), tt.want)
			}
		})
	}
}
