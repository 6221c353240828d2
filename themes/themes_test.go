package themes

import (
	"io/fs"
	"strings"
	"testing"

	"github.com/spf13/afero"
)

func read(t *testing.T, fsys fs.FS, name string) string {
	t.Helper()
	b, err := fs.ReadFile(fsys, name)
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return string(b)
}

func TestOpen(t *testing.T) {
	builtinDoc := read(t, Builtin("default"), "templates/doc.html")
	builtinCSS := read(t, Builtin("default"), "assets/style.css")
	dangjianCSS := read(t, Builtin("dangjian"), "assets/theme.css")
	tests := []struct {
		name  string
		disk  map[string]string // files under themes/ on the site's disk
		theme string
		want  map[string]string // file → content it must have ("" = must be missing)
		err   string
	}{
		{name: "built-in default", theme: "default",
			want: map[string]string{"templates/doc.html": builtinDoc, "assets/theme.css": ""}},
		{name: "dangjian reuses default's templates", theme: "dangjian",
			want: map[string]string{"templates/doc.html": builtinDoc, "assets/style.css": builtinCSS, "assets/theme.css": dangjianCSS}},
		{name: "a site file overrides one template", theme: "default",
			disk: map[string]string{"default/templates/doc.html": "MINE"},
			want: map[string]string{"templates/doc.html": "MINE", "assets/style.css": builtinCSS}},
		{name: "a site override of default reaches dangjian", theme: "dangjian",
			disk: map[string]string{"default/templates/base.html": "BASE"},
			want: map[string]string{"templates/base.html": "BASE", "assets/theme.css": dangjianCSS}},
		{name: "a site file overrides dangjian's stylesheet", theme: "dangjian",
			disk: map[string]string{"dangjian/assets/theme.css": "RED"},
			want: map[string]string{"assets/theme.css": "RED", "templates/home.html": read(t, Builtin("default"), "templates/home.html")}},
		{name: "a site theme extending a built-in one", theme: "mine",
			disk: map[string]string{"mine/theme.toml": "extends = \"dangjian\"\n", "mine/assets/extra.css": "X"},
			want: map[string]string{"assets/extra.css": "X", "assets/theme.css": dangjianCSS, "templates/doc.html": builtinDoc}},
		{name: "a site theme on its own", theme: "solo",
			disk: map[string]string{"solo/templates/doc.html": "SOLO"},
			want: map[string]string{"templates/doc.html": "SOLO", "assets/style.css": ""}},
		{name: "unknown theme", theme: "nope", err: `theme "nope": no such theme (built in: [dangjian default]`},
		{name: "extends an unknown theme", theme: "mine",
			disk: map[string]string{"mine/theme.toml": "extends = \"gone\"\n"},
			err:  `theme "mine" extends "gone": theme "gone": no such theme`},
		{name: "extends itself", theme: "a",
			disk: map[string]string{"a/theme.toml": "extends = \"b\"\n", "b/theme.toml": "extends = \"a\"\n"},
			err:  `extends itself through [a b a]`},
		{name: "theme.toml syntax error names file and line", theme: "mine",
			disk: map[string]string{"mine/theme.toml": "name = \"x\"\nextends = \n"},
			err:  "themes/mine/theme.toml: line 2:"},
		{name: "theme.toml unknown key", theme: "mine",
			disk: map[string]string{"mine/theme.toml": "parent = \"default\"\n"},
			err:  `themes/mine/theme.toml: unknown setting "parent"`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			fsys := afero.NewMemMapFs()
			for name, data := range tc.disk {
				if err := afero.WriteFile(fsys, "site/themes/"+name, []byte(data), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			theme, err := Open(fsys, "site/themes", tc.theme)
			if tc.err != "" {
				if err == nil || !strings.Contains(err.Error(), tc.err) {
					t.Fatalf("error %v, want one containing %q", err, tc.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			for name, want := range tc.want {
				got, err := fs.ReadFile(theme, name)
				if want == "" {
					if err == nil {
						t.Errorf("%s exists, want it missing", name)
					}
					continue
				}
				if err != nil || string(got) != want {
					t.Errorf("%s: got %.40q (%v), want %.40q", name, got, err, want)
				}
			}
		})
	}
}

func TestCopyOut(t *testing.T) {
	fsys := afero.NewMemMapFs()
	files, err := CopyOut(fsys, "site/themes", "mine", "dangjian")
	if err != nil {
		t.Fatal(err)
	}
	copied, err := Open(fsys, "site/themes", "mine")
	if err != nil {
		t.Fatal(err)
	}
	// Every file of dangjian, including what it takes from default and
	// the parts of its scripts, is now in the folder as it is built in.
	raw, _ := open(afero.NewMemMapFs(), "x", "dangjian", nil)
	want := filesOf(t, raw)
	for p := range want {
		if p == InfoFile {
			continue
		}
		onDisk, err := afero.ReadFile(fsys, "site/themes/mine/"+p)
		if err != nil {
			t.Errorf("%s not copied: %v", p, err)
			continue
		}
		if string(onDisk) != read(t, raw, p) {
			t.Errorf("%s differs from the built-in file", p)
		}
	}
	if len(files) != len(want) {
		t.Errorf("wrote %d files (%v), want %d", len(files), files, len(want))
	}
	// So the copy stands alone: the build sees the same files in it as
	// in the built-in theme (search.js joined from the copied parts).
	src, _ := Open(afero.NewMemMapFs(), "x", "dangjian")
	built, seen := filesOf(t, src), filesOf(t, copied)
	if !built["assets/search.js"] {
		t.Errorf("the built-in theme as built has no assets/search.js: %v", built)
	}
	for p := range built {
		if p == InfoFile {
			continue
		}
		if !seen[p] {
			t.Errorf("the copied theme lacks %s", p)
		} else if read(t, copied, p) != read(t, src, p) {
			t.Errorf("%s: the copied theme reads other bytes than the built-in one", p)
		}
	}
	info, err := ReadInfo(copied)
	if err != nil || info.Extends != "" || info.Name != "mine" {
		t.Errorf("theme.toml of the copy: %+v %v", info, err)
	}
	if _, err := CopyOut(fsys, "site/themes", "mine", "default"); err == nil || !strings.Contains(err.Error(), "already exists") {
		t.Errorf("copying over an existing theme: %v", err)
	}
	for _, bad := range []string{"", "../x", "a/b", "a.b", " x"} {
		if _, err := CopyOut(fsys, "site/themes", bad, "default"); err == nil {
			t.Errorf("theme name %q accepted", bad)
		}
	}
	if _, err := CopyOut(fsys, "site/themes", "other", "nope"); err == nil {
		t.Error("copying an unknown theme succeeded")
	}
}

// filesOf lists the files of fsys.
func filesOf(t *testing.T, fsys fs.FS) map[string]bool {
	t.Helper()
	files := map[string]bool{}
	err := fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			files[p] = true
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}
