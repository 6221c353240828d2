package config

import (
	"strings"
	"testing"

	"github.com/spf13/afero"
)

func TestLoad(t *testing.T) {
	tests := []struct {
		name, toml string
		wantErr    string
		warnings   int
		check      func(Config) bool
	}{
		{name: "missing file gives defaults", toml: "", check: func(c Config) bool { return c.Theme == "default" && c.Language == "zh-CN" && c.Title != "" }},
		{name: "values", toml: "title = \"支部学习\"\nbaseURL = \"https://x.org/study\"\ntheme = \"default\"\n",
			check: func(c Config) bool { return c.Title == "支部学习" && c.BaseURL == "https://x.org/study/" }},
		{name: "syntax error names line", toml: "title = \"a\"\n\nbaseURL = \n", wantErr: "studysite.toml:3:"},
		{name: "unknown key warns", toml: "titel = \"a\"\n", warnings: 1},
		{name: "bad baseURL", toml: "baseURL = \"example.org\"\n", wantErr: "baseURL"},
		{name: "theme path", toml: "theme = \"../x\"\n", wantErr: "theme"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fsys := afero.NewMemMapFs()
			if tt.toml != "" {
				_ = afero.WriteFile(fsys, FileName, []byte(tt.toml), 0o644)
			}
			cfg, warns, err := Load(fsys, FileName)
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("error %v, want %q", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if len(warns) != tt.warnings {
				t.Errorf("warnings %v", warns)
			}
			if tt.check != nil && !tt.check(cfg) {
				t.Errorf("config %+v", cfg)
			}
		})
	}
}
