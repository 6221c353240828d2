package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestThemeAndCheckCLI: `theme new` copies the default theme out, the site
// builds with the edited copy, a broken template names its file and line,
// and `check` passes on a good build and names the page and line of a
// broken link.
func TestThemeAndCheckCLI(t *testing.T) {
	bin := binary(t)
	dir := seedFolder(t)
	write := func(name, data string) {
		t.Helper()
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}

	out, stderr, code := run(t, bin, "theme", "new", "mine", "--source", dir)
	if code != 0 || !strings.Contains(out, "theme mine:") {
		t.Fatalf("theme new: exit %d: %s %s", code, out, stderr)
	}
	docTmpl := filepath.Join(dir, "themes", "mine", "templates", "doc.html")
	orig, err := os.ReadFile(docTmpl)
	if err != nil {
		t.Fatalf("theme new did not write templates/doc.html: %v", err)
	}
	if _, stderr, code := run(t, bin, "theme", "new", "mine", "--source", dir); code != 1 || !strings.Contains(stderr, "already exists") {
		t.Errorf("theme new over an existing folder: exit %d, %q", code, stderr)
	}

	write("studysite.toml", "theme = \"mine\"\n")
	write("themes/mine/templates/doc.html", strings.Replace(string(orig), `<h1 class="doc-title">`, `<h1 class="doc-title" data-mine="yes">`, 1))
	if _, stderr, code := run(t, bin, "build", "--source", dir); code != 0 {
		t.Fatalf("build with theme mine: %s", stderr)
	}
	matches, _ := filepath.Glob(filepath.Join(dir, "public", "docs", "*", "index.html"))
	if len(matches) != 1 {
		t.Fatalf("document pages %v", matches)
	}
	page, _ := os.ReadFile(matches[0])
	if !strings.Contains(string(page), `data-mine=yes`) && !strings.Contains(string(page), `data-mine="yes"`) {
		t.Error("the edited template of theme mine was not used")
	}
	if out, stderr, code := run(t, bin, "check", "--source", dir); code != 0 || !strings.Contains(out, "all resolve") {
		t.Errorf("check on a good build: exit %d %s %s", code, out, stderr)
	}

	// A broken link in a built page: check fails naming page and line.
	broken := strings.Replace(string(page), `href="#s1"`, `href="#nowhere"`, 1)
	if err := os.WriteFile(matches[0], []byte(broken), 0o644); err != nil {
		t.Fatal(err)
	}
	_, stderr, code = run(t, bin, "check", "--source", dir)
	rel := filepath.ToSlash(strings.TrimPrefix(matches[0], filepath.Join(dir, "public")+string(filepath.Separator)))
	if code != 1 || !strings.Contains(stderr, rel+":") || !strings.Contains(stderr, `no element with id "nowhere"`) {
		t.Errorf("check on a broken link: exit %d, %q", code, stderr)
	}

	// A template error names the template file and line; public/ stays.
	write("themes/mine/templates/doc.html", "{{define \"main\"}}\n<p>\n{{.Doc.Nope}}\n{{end}}\n")
	_, stderr, code = run(t, bin, "build", "--source", dir)
	if code != 1 || !strings.Contains(stderr, "doc.html:3") {
		t.Errorf("build with a broken template: exit %d, %q", code, stderr)
	}
}
