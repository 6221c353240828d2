package link

import (
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/studysite/studysite/generator/config"
)

const twoSections = `
## 一、人民城市

人民城市人民建，人民城市为人民。推进中国式现代化。

再谈人民城市和现代化。

## 二、其他

人民城市理念。见[人民城市](https://example.org/)与` + "`人民城市`" + `。

- 列表里的人民城市
`

func TestTermLinkModes(t *testing.T) {
	tests := []struct {
		mode string
		want []string
	}{
		{config.TermLinksFirstPerSection, []string{"人民城市", "中国式现代化", "现代化", "人民城市"}},
		{config.TermLinksFirstPerDocument, []string{"人民城市", "中国式现代化", "现代化"}},
		{config.TermLinksAll, []string{"人民城市", "人民城市", "中国式现代化", "人民城市", "现代化", "人民城市", "人民城市"}},
		{config.TermLinksOff, nil},
	}
	for _, tt := range tests {
		t.Run(tt.mode, func(t *testing.T) {
			cfg := glossaryConfig("人民城市", "中国式现代化", "现代化")
			cfg.TermLinks = tt.mode
			s := mustBuild(t, cfg, map[string]string{"content/a.md": doc("a", "2023-12-01", "", twoSections)})
			if got := termLinks(t, s, s.Pages[0]); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("term links = %q, want %q", got, tt.want)
			}
			for _, a := range anchors(t, s, s.Pages[0]) {
				if a.InHeading && a.Class == "term" {
					t.Errorf("term link inside a heading: %+v", a)
				}
				if a.Class == "term" && !strings.HasPrefix(a.Href, "../../terms/") {
					t.Errorf("term link %+v does not point at a term page", a)
				}
				if strings.Contains(a.Text, "人民城市") && a.Href == "https://example.org/" && a.Class != "" {
					t.Errorf("an existing link was changed: %+v", a)
				}
			}
		})
	}
}

func TestTermLinksNeverNest(t *testing.T) {
	// 人民城市 inside a link, code or an ASCII-word context must not link;
	// a term inside emphasis does.
	body := "\n[人民城市](https://x.org/) `人民城市` **人民城市**\n"
	s := mustBuild(t, glossaryConfig("人民城市"), map[string]string{"content/a.md": doc("a", "2023-12-01", "", body)})
	as := anchors(t, s, s.Pages[0])
	var terms int
	for _, a := range as {
		if a.Class == "term" {
			terms++
		}
	}
	if terms != 1 || len(as) != 2 {
		t.Fatalf("anchors = %+v, want the original link and one term link (in the emphasis)", as)
	}
}

func TestGlossaryAliasesExclusionsDisabled(t *testing.T) {
	cfg := config.Default()
	cfg.TermLinks = config.TermLinksAll
	cfg.Glossary = []config.GlossaryEntry{
		{Term: "一带一路", Aliases: []string{"丝绸之路经济带"}},
		{Term: "中心", Exclude: []string{"中心城区"}},
		{Term: "新发展理念", Disabled: true},
	}
	body := "\n共建丝绸之路经济带和一带一路。中心城区不是中心。贯彻新发展理念和“三个务必”。\n"
	s := mustBuild(t, cfg, map[string]string{"content/a.md": doc("a", "2023-12-01", "terms: [新发展理念, 三个务必, 新]\n", body)})
	got := termLinks(t, s, s.Pages[0])
	want := []string{"丝绸之路经济带", "一带一路", "中心", "三个务必"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("term links = %q, want %q", got, want)
	}
	var names []string
	for _, term := range s.Terms {
		names = append(names, term.Name)
	}
	// Pinyin order: san, yi, zhong. 新发展理念 is disabled; 新 is too short.
	if want := []string{"三个务必", "一带一路", "中心"}; !reflect.DeepEqual(names, want) {
		t.Errorf("glossary = %q, want %q", names, want)
	}
	ydyl := s.Terms[1]
	if len(ydyl.Occurrences) != 2 || ydyl.Occurrences[0].Form != "丝绸之路经济带" {
		t.Errorf("一带一路 occurrences = %+v, want the alias then the term", ydyl.Occurrences)
	}
	if ydyl.Slug != "yi-dai-yi-lu" {
		t.Errorf("slug = %q", ydyl.Slug)
	}
}

func TestGlossaryErrors(t *testing.T) {
	tests := []struct {
		name    string
		entries []config.GlossaryEntry
		want    string
	}{
		{"wording claimed twice", []config.GlossaryEntry{{Term: "甲乙", Aliases: []string{"丙丁"}}, {Term: "丙丁"}}, `"丙丁" is already a wording of 甲乙`},
		{"bad slug", []config.GlossaryEntry{{Term: "甲乙", Slug: "Bad Slug"}}, `slug "Bad Slug"`},
		{"slug used twice", []config.GlossaryEntry{{Term: "甲乙", Slug: "x"}, {Term: "丙丁", Slug: "x"}}, `both use slug "x"`},
		// The entry is counted from 1 in the order of the file.
		{"wording claimed twice, third entry", []config.GlossaryEntry{{Term: "人民城市"}, {Term: "一带一路"}, {Term: "城市", Aliases: []string{"人民城市"}}}, `glossary entry 3 (城市): "人民城市" is already a wording of 人民城市`},
		{"bad slug, second entry", []config.GlossaryEntry{{Term: "人民城市"}, {Term: "一带一路", Slug: "Yi Dai"}}, `glossary entry 2 (一带一路): slug "Yi Dai"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cfg := config.Default()
			cfg.Glossary = tt.entries
			_, err := buildSite(t, cfg, map[string]string{"content/a.md": doc("a", "2023-12-01", "", "\n正文\n")})
			if err == nil || !strings.Contains(err.Error(), tt.want) || !strings.Contains(err.Error(), config.FileName) {
				t.Fatalf("err = %v, want one naming %s and %q", err, config.FileName, tt.want)
			}
		})
	}
}

func TestTermSlugsUniqueAndFirstUse(t *testing.T) {
	cfg := glossaryConfig("长三角一体化", "市场", "市长")
	files := map[string]string{
		"content/new.md": doc("new", "2024-01-01", "", "\n推进长三角一体化。\n"),
		"content/old.md": doc("old", "2020-05-01", "", "\n前文。长三角一体化发展上升为国家战略！后文。\n"),
	}
	s := mustBuild(t, cfg, files)
	slugs := map[string]string{}
	for _, term := range s.Terms {
		slugs[term.Name] = term.Slug
	}
	// go-pinyin reads 长 alone as zhang; the phrase table fixes 长三角, and
	// 市场/市长 share no slug.
	if slugs["长三角一体化"] != "chang-san-jiao-yi-ti-hua" {
		t.Errorf("slug = %q", slugs["长三角一体化"])
	}
	if slugs["市场"] == slugs["市长"] {
		t.Errorf("市场 and 市长 share slug %q", slugs["市场"])
	}
	term := s.Term("chang-san-jiao-yi-ti-hua")
	if term == nil || term.FirstUse == nil || term.FirstUse.Page.Slug() != "old" {
		t.Fatalf("first use = %+v, want the 2020 document", term)
	}
	if got := term.FirstUse.Sentence(); got != "长三角一体化发展上升为国家战略！" {
		t.Errorf("quoted sentence = %q", got)
	}
	// Occurrences run newest document first.
	if term.Occurrences[0].Page.Slug() != "new" || term.Documents != 2 {
		t.Errorf("occurrences = %+v", term.Occurrences)
	}
}

func TestKWICContext(t *testing.T) {
	long := strings.Repeat("甲", 40) + "人民城市" + strings.Repeat("乙", 40)
	s := mustBuild(t, glossaryConfig("人民城市"), map[string]string{"content/a.md": doc("a", "2023-12-01", "", "\n"+long+"\n\n短人民城市。\n")})
	occ := s.Terms[0].Occurrences
	k := occ[0].Context(30)
	if k.Before != "…"+strings.Repeat("甲", 30) || k.Match != "人民城市" || k.After != strings.Repeat("乙", 30)+"…" {
		t.Errorf("context = %+v", k)
	}
	if k := occ[1].Context(30); k.Before != "短" || k.After != "。" {
		t.Errorf("short context = %+v", k)
	}
}

// A term page without a definition quotes the sentence of the first use;
// a sentence longer than maxQuote is cut to maxQuote/2 characters on each
// side of the wording, with … where it was cut.
func TestFirstUseQuoteOfALongSentence(t *testing.T) {
	side := maxQuote / 2
	tests := []struct {
		name, before, after string
		want                string
	}{
		{"short", "前文，", "后文", "前文，人民城市后文。"},
		{"long", strings.Repeat("甲", side+5), strings.Repeat("乙", side+7),
			"…" + strings.Repeat("甲", side) + "人民城市" + strings.Repeat("乙", side) + "…"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			body := "\n开头。" + tt.before + "人民城市" + tt.after + "。结尾。\n"
			s := mustBuild(t, glossaryConfig("人民城市"), map[string]string{"content/a.md": doc("a", "2023-12-01", "", body)})
			if got := s.Terms[0].FirstUse.Sentence(); got != tt.want {
				t.Errorf("quote = %q (%d characters), want %q", got, utf8.RuneCountInString(got), tt.want)
			}
		})
	}
}

// Two names with one pinyin get one slug each: the first in sort order the
// plain one, the next -2, -3 (homophones sort by the characters: 公 宫 攻).
func TestHomophoneTermsGetNumberedSlugs(t *testing.T) {
	s := mustBuild(t, glossaryConfig("攻势", "公式", "宫室"), map[string]string{"content/a.md": doc("a", "2023-12-01", "", "\n公式、攻势与宫室。\n")})
	got := map[string]string{}
	for _, term := range s.Terms {
		got[term.Slug] = term.Name
	}
	want := map[string]string{"gong-shi": "公式", "gong-shi-2": "宫室", "gong-shi-3": "攻势"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("slugs = %v, want %v", got, want)
	}
}
