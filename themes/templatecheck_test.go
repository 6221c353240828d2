package themes

import (
	"io/fs"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/spf13/afero"
)

// TestBuiltinThemesHaveEveryFeature: the built-in templates have every
// feature CheckTemplates looks for, so a feature renamed in a template
// without its marker here fails this test instead of warning every site.
func TestBuiltinThemesHaveEveryFeature(t *testing.T) {
	for _, name := range Names() {
		theme, err := Open(afero.NewMemMapFs(), "themes", name)
		if err != nil {
			t.Fatal(err)
		}
		templates, err := fs.Glob(theme, "templates/*.html")
		if err != nil || len(templates) == 0 {
			t.Fatalf("%s: no templates (%v)", name, err)
		}
		warns, err := CheckTemplates(theme, "themes/"+name, templates)
		if err != nil || len(warns) > 0 {
			t.Errorf("built-in theme %s: error %v, warnings %q", name, err, warns)
		}
		for _, f := range templateFeatures {
			if _, err := fs.Stat(theme, f.file); err != nil {
				t.Errorf("built-in theme %s has no %s, which a feature is looked for in", name, f.file)
			}
		}
	}
}

func TestCheckTemplates(t *testing.T) {
	full := fstest.MapFS{}
	builtin := Builtin("default")
	for _, f := range templateFeatures {
		full[f.file] = &fstest.MapFile{Data: []byte(read(t, builtin, f.file))}
	}
	without := func(file, marker string) fstest.MapFS {
		out := fstest.MapFS{}
		for name, f := range full {
			out[name] = f
		}
		out[file] = &fstest.MapFile{Data: []byte(strings.ReplaceAll(string(full[file].Data), marker, ""))}
		return out
	}
	cases := []struct {
		name    string
		theme   fstest.MapFS
		needed  []string
		wantErr string   // the whole message starts so; "" for none
		warns   []string // what each warning names, in order
	}{
		{name: "everything there", theme: full, needed: []string{"templates/base.html", "templates/doc.html"}},
		{name: "two templates missing", theme: full, needed: []string{"templates/base.html", "templates/search.html", "templates/doc.html", "templates/terms.html"},
			wantErr: "themes/mine: the theme has no templates/search.html, templates/terms.html, which the site's pages need"},
		{name: "a template only other sites need", theme: fstest.MapFS{"templates/base.html": full["templates/base.html"]}, needed: []string{"templates/base.html"}},
		{name: "base.html without the navigation", theme: without("templates/base.html", `class="site-nav"`), needed: []string{"templates/base.html"},
			warns: []string{"themes/mine/templates/base.html: the copied template lacks the header navigation"}},
		{name: "doc.html without the TOC and the print button", theme: without("templates/doc.html", `class="`), needed: []string{"templates/base.html"},
			warns: []string{"themes/mine/templates/doc.html: the copied template lacks the table of contents", "themes/mine/templates/doc.html: the copied template lacks the 打印本文 button"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			warns, err := CheckTemplates(tc.theme, "themes/mine", tc.needed)
			switch {
			case tc.wantErr == "" && err != nil:
				t.Fatalf("error %v", err)
			case tc.wantErr != "" && (err == nil || !strings.HasPrefix(err.Error(), tc.wantErr)):
				t.Fatalf("error %v, want one starting %q", err, tc.wantErr)
			case err != nil && strings.Contains(err.Error(), "\n"):
				t.Errorf("error of several lines: %q", err)
			}
			if len(warns) != len(tc.warns) {
				t.Fatalf("warnings %q, want %d", warns, len(tc.warns))
			}
			for i, w := range tc.warns {
				if !strings.HasPrefix(warns[i], w) {
					t.Errorf("warning %q, want one starting %q", warns[i], w)
				}
			}
		})
	}
}
