package config

import (
	"slices"
	"strings"
	"testing"

	"github.com/spf13/afero"
)

func TestTermsTable(t *testing.T) {
	tests := []struct {
		name     string
		toml     string
		wantErr  string // the error names studysite.toml and the line
		warnings int
		want     Terms
	}{
		{name: "defaults", toml: "title = \"x\"\n", want: Terms{MinLength: 2}},
		{name: "all keys",
			toml: "[terms]\nminLength = 3\nstopWords = [\"一刀切\", \" 组合拳 \"]\nallow = [\"目标导向\"]\n",
			want: Terms{MinLength: 3, StopWords: StopWords{"一刀切", "组合拳"}, Allow: AllowList{"目标导向"}}},
		{name: "off", toml: "[terms]\noff = true\n", want: Terms{Off: true, MinLength: 2}},
		{name: "minLength zero", toml: "title = \"x\"\n\n[terms]\nminLength = 0\n", wantErr: "studysite.toml:4: terms.minLength 0: must be from 1 to 16"},
		{name: "minLength too long", toml: "[terms]\nminLength = 40\n", wantErr: "studysite.toml:2: terms.minLength 40"},
		{name: "minLength one", toml: "[terms]\nminLength = 1\n", want: Terms{MinLength: 1}},
		{name: "minLength sixteen", toml: "[terms]\nminLength = 16\n", want: Terms{MinLength: 16}},
		{name: "minLength seventeen", toml: "[terms]\nminLength = 17\n", wantErr: "studysite.toml:2: terms.minLength 17: must be from 1 to 16"},
		{name: "minLength a string", toml: "[terms]\n\nminLength = \"三\"\n", wantErr: "studysite.toml:3: terms.minLength: must be a whole number"},
		{name: "empty stop word", toml: "[terms]\nallow = [\"两个维护\"]\nstopWords = [\"目标\", \" \"]\n", wantErr: "studysite.toml:3: terms.stopWords: item 2 is empty"},
		{name: "stop words not a list", toml: "[terms]\nstopWords = \"目标\"\n", wantErr: "studysite.toml:2: terms.stopWords: must be an array of strings"},
		{name: "allow of numbers", toml: "[terms]\nallow = [12345]\n", wantErr: "studysite.toml:2: terms.allow: item 1 (12345) is not a string"},
		{name: "unknown key warns", toml: "[terms]\nminLenght = 3\n", warnings: 1, want: Terms{MinLength: 2}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fsys := afero.NewMemMapFs()
			_ = afero.WriteFile(fsys, FileName, []byte(tt.toml), 0o644)
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
				t.Errorf("warnings %q, want %d", warns, tt.warnings)
			}
			got := cfg.Terms
			if got.Off != tt.want.Off || got.MinLength != tt.want.MinLength || !slices.Equal(got.StopWords, tt.want.StopWords) || !slices.Equal(got.Allow, tt.want.Allow) {
				t.Errorf("terms %+v, want %+v", got, tt.want)
			}
		})
	}
}
