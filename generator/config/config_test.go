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
		{name: "language kept", toml: "language = \"en\"\n", check: func(c Config) bool { return c.Language == "en" }},
		{name: "http baseURL", toml: "baseURL = \"http://x.org\"\n", check: func(c Config) bool { return c.BaseURL == "http://x.org/" }},
		{name: "ftp baseURL", toml: "baseURL = \"ftp://x.org/\"\n", wantErr: "must be an absolute http(s) URL"},
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

// TestWarnings: one line per unknown setting, naming its line where the
// setting has one of its own, in file order; a dotted key names none.
func TestWarnings(t *testing.T) {
	fsys := afero.NewMemMapFs()
	_ = afero.WriteFile(fsys, FileName, []byte("zzz = 1\nextra.thing = 1\nother.x = 2\n[terms]\nminLenght = 3\n"), 0o644)
	_, warns, err := Load(fsys, FileName)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		`studysite.toml: unknown setting "extra.thing" (ignored)`,
		`studysite.toml: unknown setting "other.x" (ignored)`,
		`studysite.toml:1: unknown setting "zzz" (ignored)`,
		`studysite.toml:5: unknown setting "terms.minLenght" (ignored)`,
	}
	if strings.Join(warns, "\n") != strings.Join(want, "\n") {
		t.Errorf("warnings\n%s\nwant\n%s", strings.Join(warns, "\n"), strings.Join(want, "\n"))
	}
}
