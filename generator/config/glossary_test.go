package config

import (
	"strings"
	"testing"

	"github.com/spf13/afero"
)

func TestLoadGlossaryAndLinkSettings(t *testing.T) {
	tests := []struct {
		name    string
		toml    string
		wantErr string
		check   func(t *testing.T, c Config)
	}{
		{"defaults", ``, "", func(t *testing.T, c Config) {
			if c.TermLinks != TermLinksFirstPerSection || c.Links != LinksError {
				t.Errorf("termLinks=%q links=%q", c.TermLinks, c.Links)
			}
		}},
		{"entries", "termLinks = \"all\"\nlinks = \"warn\"\n[[glossary]]\nterm = \" 人民城市 \"\naliases = [\"人民城市理念\"]\ndefinition = \"定义\"\ncategory = \"城市\"\n\n[[glossary]]\nterm = \"中心\"\nexclude = [\"中心城区\"]\n\n[[glossary]]\nterm = \"新发展理念\"\ndisabled = true\n", "", func(t *testing.T, c Config) {
			if c.TermLinks != TermLinksAll || c.Links != LinksWarn || len(c.Glossary) != 3 {
				t.Fatalf("config = %+v", c)
			}
			g := c.Glossary[0]
			if g.Term != "人民城市" || g.Aliases[0] != "人民城市理念" || g.Definition != "定义" || g.Category != "城市" {
				t.Errorf("entry = %+v", g)
			}
			if !c.Glossary[2].Disabled || c.Glossary[1].Exclude[0] != "中心城区" {
				t.Errorf("entries = %+v", c.Glossary)
			}
		}},
		{"bad termLinks", "termLinks = \"some\"\n", `studysite.toml: termLinks "some": must be`, nil},
		{"bad links", "links = \"ignore\"\n", `studysite.toml: links "ignore": must be "error" or "warn"`, nil},
		{"empty term", "[[glossary]]\nterm = \"\"\n", "studysite.toml: glossary entry 1: term is empty", nil},
		{"empty alias", "[[glossary]]\nterm = \"甲\"\naliases = [\"\"]\n", "glossary entry 1 (甲): an alias is empty", nil},
		{"exclusion without the term", "[[glossary]]\nterm = \"中心\"\nexclude = [\"城区\"]\n", `exclusion "城区" does not contain the term`, nil},
		{"exclusion holding an alias only", "[[glossary]]\nterm = \"中心\"\naliases = [\"核心\"]\nexclude = [\"核心区\"]\n", "", func(t *testing.T, c Config) {
			if len(c.Glossary) != 1 || c.Glossary[0].Exclude[0] != "核心区" {
				t.Errorf("entries = %+v", c.Glossary)
			}
		}},
		{"exclusion holding neither term nor alias", "[[glossary]]\nterm = \"中心\"\naliases = [\"核心\"]\nexclude = [\"城区\"]\n", `glossary entry 1 (中心): exclusion "城区" does not contain the term or an alias`, nil},
		{"type error has a line", "title = \"x\"\n[[glossary]]\nterm = 3\n", "studysite.toml:3:", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fs := afero.NewMemMapFs()
			if err := afero.WriteFile(fs, FileName, []byte(tt.toml), 0o644); err != nil {
				t.Fatal(err)
			}
			c, _, err := Load(fs, FileName)
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("err = %v, want %q", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			tt.check(t, c)
		})
	}
}
