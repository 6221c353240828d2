package serve

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func doc(title, body string) string {
	return "---\ntitle: " + title + "\ndate: 2024-03-05\n---\n\n## 一、总体要求\n\n" + body + "\n"
}

// TestServeReloadsAndShowsBuildErrors is the authoring loop as a person
// sees it in a real Chromium: a page open, its content file edited, the
// page reloads with the change; front matter broken, the error shows over
// the page naming content/x.md and the line; fixed, the error goes and the
// page has the fix. The page's Content-Security-Policy stays on all along.
func TestServeReloadsAndShowsBuildErrors(t *testing.T) {
	dir := t.TempDir()
	if err := os.MkdirAll(filepath.Join(dir, "content"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "studysite.toml"), []byte("title = \"学习材料\"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "content", "x.md"), []byte(doc("第一次会议讲话", "第一版正文。")), 0o644); err != nil {
		t.Fatal(err)
	}
	ls := startLive(t, dir)
	ls.open("docs/x/")
	if csp := ls.eval(`document.querySelector('meta[http-equiv="Content-Security-Policy"]').content`); !strings.Contains(csp, "script-src 'self'") {
		t.Fatalf("the page's CSP %q does not allow same-origin scripts; the test would prove nothing", csp)
	}
	if got := ls.eval(`document.querySelector('main').textContent`); !strings.Contains(got, "第一版正文") {
		t.Fatalf("first page lacks its text: %q", got)
	}

	steps := []struct {
		name    string
		content string
		reload  bool   // the page reloads (else the overlay shows over it)
		text    string // in the page's main text afterwards
		overlay string // in the overlay; "" when there must be none
	}{
		{"an edit reloads the page with it", doc("第一次会议讲话", "第二版正文。"), true, "第二版正文", ""},
		{"broken front matter shows the error over the last good page", "---\ntitle: [未闭合\ndate: 2024-03-05\n---\n\n第三版正文。\n", false, "第二版正文", "content/x.md:2"},
		{"the fix reloads and the error goes", doc("第一次会议讲话", "第三版正文。"), true, "第三版正文", ""},
	}
	for _, st := range steps {
		ls.write("content/x.md", st.content)
		if st.reload {
			ls.waitReload()
		} else {
			ls.pollOverlay()
		}
		if got := ls.eval(`document.querySelector('main').textContent`); !strings.Contains(got, st.text) {
			t.Errorf("%s: the page lacks %q: %q", st.name, st.text, got)
		}
		overlay := ls.eval(`(document.getElementById('studysite-build-error') || {}).textContent || ''`)
		switch {
		case st.overlay == "" && overlay != "":
			t.Errorf("%s: an error is still shown: %q", st.name, overlay)
		case st.overlay != "" && !strings.Contains(overlay, st.overlay):
			t.Errorf("%s: the error shown %q does not name %s", st.name, overlay, st.overlay)
		}
	}
	if errs := ls.b.Errors(); len(errs) > 0 {
		t.Errorf("the browser reported errors (a CSP refusal of the reload script would be one): %v", errs)
	}
	for _, f := range ls.b.Failures() {
		t.Errorf("failed request: %s", f)
	}
}
