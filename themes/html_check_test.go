package themes_test

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/spf13/afero"

	"github.com/studysite/studysite/generator/check"
)

// TestNuHTMLChecker runs the W3C Nu HTML checker (node_modules/vnu-jar,
// pinned by package-lock.json, on the machine's Java) over every page of
// the seed site in both themes, and `studysite check`'s crawler over the
// same files: no HTML errors, no broken links.
func TestNuHTMLChecker(t *testing.T) {
	jar := nodeTool(t, "vnu-jar/build/dist/vnu.jar")
	java, err := exec.LookPath("java")
	if err != nil {
		if os.Getenv("STUDYSITE_SKIP_BROWSER") == "1" {
			t.Skip("STUDYSITE_SKIP_BROWSER=1: no java, Nu HTML checker skipped")
		}
		t.Fatal("java not found: install a Java runtime (Debian: apt-get install default-jre-headless)")
	}
	var pages []string
	for _, theme := range builtinThemes {
		for _, base := range []string{"", "https://example.org/study/"} {
			public := buildSeedSite(t, theme, base)
			rep, err := check.Site(afero.NewOsFs(), public, base)
			if err != nil {
				t.Fatal(err)
			}
			for _, p := range rep.Problems {
				t.Errorf("%s %q: %s", theme, base, p)
			}
			err = filepath.WalkDir(public, func(p string, d os.DirEntry, err error) error {
				if err == nil && strings.HasSuffix(p, ".html") {
					pages = append(pages, p)
				}
				return err
			})
			if err != nil {
				t.Fatal(err)
			}
		}
	}
	if len(pages) < 12 {
		t.Fatalf("only %d pages built", len(pages))
	}
	out, err := exec.Command(java, append([]string{"-jar", jar, "--errors-only", "--asciiquotes"}, pages...)...).CombinedOutput()
	if err != nil || len(strings.TrimSpace(string(out))) > 0 {
		t.Errorf("Nu HTML checker on %d pages (%v):\n%s", len(pages), err, out)
	}
}
