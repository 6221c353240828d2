package check

import (
	"strings"
	"testing"

	"github.com/spf13/afero"
)

// FuzzSite crawls a two-page site whose second page is arbitrary bytes: the
// crawler must never panic, and every problem it reports names that page
// and a line within it.
func FuzzSite(f *testing.F) {
	for _, seed := range []string{
		`<a href="index.html#x">x</a>`,
		`<a href="../../..">up</a><img srcset="a.png 1x, , b.png 2x">`,
		"<a\nhref=\"%zz\">bad escape</a>",
		`<a href="/abs">abs</a><script src="//cdn.example/x.js"></script>`,
		"<p id=\"\">\x00<a href=\"#\">",
		`<a href="https://example.org/study/../../x">`,
	} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, body string) {
		fsys := afero.NewMemMapFs()
		_ = afero.WriteFile(fsys, "pub/index.html", []byte(`<p id="x">home</p>`), 0o644)
		_ = afero.WriteFile(fsys, "pub/a/index.html", []byte(body), 0o644)
		rep, err := Site(fsys, "pub", "https://example.org/study/")
		if err != nil {
			return // unreadable HTML is reported as an error, not a panic
		}
		lines := strings.Count(body, "\n") + 1
		for _, p := range rep.Problems {
			if p.Page != "a/index.html" || p.Line < 1 || p.Line > lines || p.Reason == "" {
				t.Errorf("problem %+v out of range (page has %d lines)", p, lines)
			}
		}
	})
}
