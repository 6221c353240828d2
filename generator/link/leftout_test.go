package link

import (
	"reflect"
	"strings"
	"testing"

	"github.com/studysite/studysite/generator/config"
)

// Content imported before the [terms] rule lists generic words as terms;
// the link stage applies the same rule, so they get no term page.
func TestFrontMatterTermsFollowTheRule(t *testing.T) {
	files := map[string]string{
		"content/a.md": doc("a", "2024-03-05", "terms: [目标, 四个全面, 2024年, 主体, 稳]\n", "要围绕“四个全面”明确“目标”，2024年压实“主体”责任，“稳”字当头。\n"),
		"content/b.md": doc("b", "2023-12-01", "terms: [目标, 枫桥经验]\n", "坚持和发展新时代“枫桥经验”，实现“目标”。\n"),
	}
	tests := []struct {
		name        string
		cfg         func(*config.Config)
		want        []string // term pages, by name
		warnNames   []string // in the warning
		warnAbsent  []string
		wantNoWarns bool
	}{
		{name: "built-in rule", cfg: func(*config.Config) {},
			want: []string{"枫桥经验", "四个全面"}, warnNames: []string{"目标 (content/a.md and 1 more)", "2024年 (content/a.md)", "主体 (content/a.md)", "稳 (content/a.md)"}},
		{name: "allow keeps one", cfg: func(c *config.Config) { c.Terms.Allow = config.AllowList{"目标"} },
			want: []string{"枫桥经验", "目标", "四个全面"}, warnNames: []string{"主体"}, warnAbsent: []string{"目标"}},
		{name: "a glossary entry keeps one, silently", cfg: func(c *config.Config) { c.Glossary = []config.GlossaryEntry{{Term: "主体"}} },
			want: []string{"枫桥经验", "四个全面", "主体"}, warnNames: []string{"目标"}, warnAbsent: []string{"主体"}},
		{name: "site stop words", cfg: func(c *config.Config) { c.Terms.StopWords = config.StopWords{"枫桥经验"} },
			want: []string{"四个全面"}, warnNames: []string{"枫桥经验 (content/b.md)"}},
		{name: "minLength 1", cfg: func(c *config.Config) { c.Terms.MinLength = 1 },
			want: []string{"枫桥经验", "四个全面", "稳"}, warnAbsent: []string{"稳 ("}},
		{name: "off: only the glossary", cfg: func(c *config.Config) {
			c.Terms.Off = true
			c.Glossary = []config.GlossaryEntry{{Term: "枫桥经验"}}
		}, want: []string{"枫桥经验"}, wantNoWarns: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cfg := config.Default()
			tt.cfg(&cfg)
			s := mustBuild(t, cfg, files)
			var got []string
			for _, term := range s.Terms {
				got = append(got, term.Name)
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("term pages %q, want %q", got, tt.want)
			}
			warn := strings.Join(s.Warnings, "\n")
			if tt.wantNoWarns && warn != "" {
				t.Errorf("warnings %q, want none", warn)
			}
			for _, w := range tt.warnNames {
				if !strings.Contains(warn, w) {
					t.Errorf("warning %q does not name %q", warn, w)
				}
			}
			for _, w := range tt.warnAbsent {
				if strings.Contains(warn, w) {
					t.Errorf("warning %q names %q", warn, w)
				}
			}
		})
	}
}

// On a site imported before the rule, where many generic words are listed,
// the warning stays one readable line: the first maxNamed, then a count.
func TestLeftOutTermsWarningIsBounded(t *testing.T) {
	words := []string{"目标", "主体", "2018年", "2019年", "2020年", "2021年", "2022年", "2023年", "2024年", "2025年", "2026年"}
	tests := []struct {
		listed   int
		wantTail string
	}{
		{maxNamed, "2023年 (content/a.md); list one"},
		{maxNamed + 3, "2023年 (content/a.md), and 3 more; list one"},
	}
	for _, tt := range tests {
		t.Run(strings.Join(words[:tt.listed], ","), func(t *testing.T) {
			fm := "terms: [" + strings.Join(words[:tt.listed], ", ") + "]\n"
			s := mustBuild(t, config.Default(), map[string]string{"content/a.md": doc("a", "2024-03-05", fm, "\n正文。\n")})
			if len(s.Warnings) != 1 || !strings.Contains(s.Warnings[0], tt.wantTail) {
				t.Fatalf("warnings = %q, want one with %q", s.Warnings, tt.wantTail)
			}
			for _, w := range words[maxNamed:tt.listed] {
				if strings.Contains(s.Warnings[0], w) {
					t.Errorf("warning names %s, past the first %d", w, maxNamed)
				}
			}
		})
	}
}
