package themes

import (
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/spf13/afero"

	"github.com/studysite/studysite/internal/htmltest"
)

// part is one file of themes/default/assets/search/ as the repository
// holds it.
type part struct{ name, data string }

// searchParts reads the default theme's parts of search.js from the
// source folder, in name order.
func searchParts(t *testing.T) []part {
	t.Helper()
	dir := filepath.Join("default", "assets", "search")
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var parts []part
	for _, e := range entries {
		data, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		parts = append(parts, part{e.Name(), string(data)})
	}
	if len(parts) < 2 {
		t.Fatalf("%s holds %d parts", dir, len(parts))
	}
	return parts
}

// inClosure is the script the parts make: each in order, inside one
// strict-mode arrow function called at once.
func inClosure(parts []part) string {
	var b strings.Builder
	b.WriteString("(() => {\n\"use strict\";\n")
	for _, p := range parts {
		b.WriteString(p.data)
	}
	b.WriteString("})();\n")
	return b.String()
}

// with gives parts with p in place of the part of its name, or added in
// name order.
func with(parts []part, p part) []part {
	out := slices.Clone(parts)
	for i := range out {
		if out[i].name == p.name {
			out[i] = p
			return out
		}
	}
	out = append(out, p)
	slices.SortFunc(out, func(a, b part) int { return strings.Compare(a.name, b.name) })
	return out
}

func TestScriptInParts(t *testing.T) {
	parts := searchParts(t)
	mine := part{"50-rank.js", "var mine = 1;\n"}
	tests := []struct {
		name  string
		disk  map[string]string // files under themes/ on the site's disk
		theme string
		want  string // assets/search.js as the build sees it
		err   string
	}{
		{name: "built in: the parts in name order, in one closure", theme: "default", want: inClosure(parts)},
		{name: "a theme extending default gets its parts", theme: "dangjian", want: inClosure(parts)},
		{name: "a site replaces one part", theme: "default",
			disk: map[string]string{"default/assets/search/50-rank.js": mine.data},
			want: inClosure(with(parts, mine))},
		{name: "a site's part reaches a theme extending default", theme: "dangjian",
			disk: map[string]string{"default/assets/search/50-rank.js": mine.data},
			want: inClosure(with(parts, mine))},
		{name: "a site adds a part, in name order, ended by a newline", theme: "default",
			disk: map[string]string{"default/assets/search/55-extra.js": "var extra = 2;"},
			want: inClosure(with(parts, part{"55-extra.js", "var extra = 2;\n"}))},
		{name: "only .js files are parts", theme: "default",
			disk: map[string]string{"default/assets/search/NOTES.txt": "not a part"},
			want: inClosure(parts)},
		{name: "a folder among the parts is none", theme: "default",
			disk: map[string]string{"default/assets/search/old.js/99-x.js": "function ("},
			want: inClosure(parts)},
		{name: "a whole search.js on disk is used as it is, over any part", theme: "default",
			disk: map[string]string{"default/assets/search.js": "WHOLE", "default/assets/search/50-rank.js": mine.data},
			want: "WHOLE"},
		{name: "a theme's own search.js wins over the parts it extends", theme: "mine",
			disk: map[string]string{"mine/theme.toml": "extends = \"default\"\n", "mine/assets/search.js": "MINE"},
			want: "MINE"},
		{name: "a part that does not parse: its file and line", theme: "default",
			disk: map[string]string{"default/assets/search/50-rank.js": "var a = 1;\nfunction (\n"},
			err:  "assets/search/50-rank.js:2:"},
		{name: "a theme of its own without the script has none", theme: "solo",
			disk: map[string]string{"solo/assets/search/": ""},
			err:  "file does not exist"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			fsys := afero.NewMemMapFs()
			for name, data := range tc.disk {
				p := "site/themes/" + name
				if strings.HasSuffix(name, "/") {
					_ = fsys.MkdirAll(p, 0o755)
					continue
				}
				if err := afero.WriteFile(fsys, p, []byte(data), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			theme, err := Open(fsys, "site/themes", tc.theme)
			if err != nil {
				t.Fatal(err)
			}
			got, err := fs.ReadFile(theme, "assets/search.js")
			if tc.err != "" {
				if err == nil || !strings.Contains(err.Error(), tc.err) || strings.Contains(err.Error(), "\n") {
					t.Fatalf("error %q, want one line containing %q", err, tc.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if string(got) != tc.want {
				t.Errorf("assets/search.js is %d bytes, want %d; first difference: %s", len(got), len(tc.want), htmltest.FirstDiff(string(got), tc.want))
			}
			// What the build publishes from the theme: the script once,
			// at its size, and no part.
			listed := 0
			err = fs.WalkDir(theme, "assets", func(p string, d fs.DirEntry, err error) error {
				if err != nil {
					return err
				}
				if strings.HasPrefix(p, "assets/search/") {
					t.Errorf("the theme lists %s", p)
				}
				if p == "assets/search.js" {
					listed++
					if info, err := d.Info(); err != nil || d.IsDir() || info.Size() != int64(len(tc.want)) {
						t.Errorf("assets/search.js listed as dir %v, info %v, %v; want a file of %d bytes", d.IsDir(), info, err, len(tc.want))
					}
				}
				return nil
			})
			if err != nil || listed != 1 {
				t.Errorf("assets/search.js listed %d times (%v), want once", listed, err)
			}
		})
	}
}

// TestBuiltinJoinsParts: Builtin gives the theme as the build sees it too.
func TestBuiltinJoinsParts(t *testing.T) {
	got, err := fs.ReadFile(Builtin("default"), "assets/search.js")
	if want := inClosure(searchParts(t)); err != nil || string(got) != want {
		t.Errorf("Builtin(default) assets/search.js: %d bytes, %v; want the %d bytes of the parts joined", len(got), err, len(want))
	}
}

// BenchmarkJoinSearchJS: what reading the joined script costs a build
// (each of serve's rebuilds reads it once).
func BenchmarkJoinSearchJS(b *testing.B) {
	theme := Builtin("default")
	for b.Loop() {
		if _, err := fs.ReadFile(theme, "assets/search.js"); err != nil {
			b.Fatal(err)
		}
	}
}
