package publish

import (
	"context"
	"crypto/sha256"
	"encoding/base64"
	"errors"
	"strings"
	"testing"

	"github.com/spf13/afero"

	"github.com/studysite/studysite/generator/output"
)

func TestCheckPath(t *testing.T) {
	for _, p := range []string{"index.html", "docs/a/index.html", "assets/style.1a2b.css", ".nojekyll"} {
		if err := checkPath(p); err != nil {
			t.Errorf("%q refused: %v", p, err)
		}
	}
	for _, p := range []string{"", "/etc/passwd", "../x", "a/../../x", "a/./b", `a\b`, "a\x00b", "a//b", ".."} {
		if checkPath(p) == nil {
			t.Errorf("%q accepted", p)
		}
	}
}

func TestPublishReplacesAndMinifies(t *testing.T) {
	fsys := afero.NewMemMapFs()
	_ = afero.WriteFile(fsys, "out/stale.html", []byte("old"), 0o644)
	files := []output.File{
		{Path: "index.html", Data: []byte("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n  <head><title>t</title></head>\n  <body>\n    <p>正文</p>\n  </body>\n</html>\n")},
		{Path: "assets/a.css", Data: []byte("/* note */\nbody {\n  color: red;\n}\n")},
		{Path: "data.bin", Data: []byte{0, 1, 2}},
	}
	if err := Publish(context.Background(), fsys, "out", files); err != nil {
		t.Fatal(err)
	}
	if ok, _ := afero.Exists(fsys, "out/stale.html"); ok {
		t.Error("stale file survived")
	}
	css, _ := afero.ReadFile(fsys, "out/assets/a.css")
	if string(css) != "body{color:red}" {
		t.Errorf("css %q", css)
	}
	html, _ := afero.ReadFile(fsys, "out/index.html")
	if strings.Contains(string(html), "\n  ") || !strings.Contains(string(html), `lang="zh-CN"`) {
		t.Errorf("html %q", html)
	}
	if bin, _ := afero.ReadFile(fsys, "out/data.bin"); len(bin) != 3 {
		t.Errorf("binary file changed: %v", bin)
	}
	if left, _ := afero.Glob(fsys, "out.studysite-*"); len(left) > 0 {
		t.Errorf("work folders left: %v", left)
	}
}

func TestPublishRefusesEscapingPaths(t *testing.T) {
	fsys := afero.NewMemMapFs()
	_ = afero.WriteFile(fsys, "out/index.html", []byte("old"), 0o644)
	err := Publish(context.Background(), fsys, "out", []output.File{{Path: "../evil.html", Data: []byte("x")}})
	if err == nil {
		t.Fatal("escaping path accepted")
	}
	if old, _ := afero.ReadFile(fsys, "out/index.html"); string(old) != "old" {
		t.Error("previous site changed")
	}
	if ok, _ := afero.Exists(fsys, "evil.html"); ok {
		t.Error("file written outside the site")
	}
}

func TestRecover(t *testing.T) {
	t.Run("killed during the swap: the previous site comes back", func(t *testing.T) {
		fsys := afero.NewMemMapFs()
		_ = afero.WriteFile(fsys, "out"+oldSuffix+"/index.html", []byte("previous"), 0o644)
		_ = afero.WriteFile(fsys, "out"+newSuffix+"/index.html", []byte("half"), 0o644)
		if err := Recover(fsys, "out"); err != nil {
			t.Fatal(err)
		}
		if b, _ := afero.ReadFile(fsys, "out/index.html"); string(b) != "previous" {
			t.Errorf("out/index.html = %q", b)
		}
		if left, _ := afero.Glob(fsys, "out.studysite-*"); len(left) > 0 {
			t.Errorf("left: %v", left)
		}
	})
	t.Run("killed after the swap: the old copy goes", func(t *testing.T) {
		fsys := afero.NewMemMapFs()
		_ = afero.WriteFile(fsys, "out/index.html", []byte("new"), 0o644)
		_ = afero.WriteFile(fsys, "out"+oldSuffix+"/index.html", []byte("previous"), 0o644)
		if err := Recover(fsys, "out"); err != nil {
			t.Fatal(err)
		}
		if b, _ := afero.ReadFile(fsys, "out/index.html"); string(b) != "new" {
			t.Errorf("out/index.html = %q", b)
		}
		if ok, _ := afero.Exists(fsys, "out"+oldSuffix); ok {
			t.Error("old copy kept")
		}
	})
}

func TestCancelledPublishChangesNothing(t *testing.T) {
	fsys := afero.NewMemMapFs()
	_ = afero.WriteFile(fsys, "out/index.html", []byte("old"), 0o644)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	err := Publish(ctx, fsys, "out", []output.File{{Path: "index.html", Data: []byte("<p>new</p>")}})
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("error %v", err)
	}
	if b, _ := afero.ReadFile(fsys, "out/index.html"); string(b) != "old" {
		t.Errorf("out/index.html = %q", b)
	}
}

func TestInlineScriptHashes(t *testing.T) {
	page := []byte(`<meta http-equiv="Content-Security-Policy" content="script-src 'self' ` + InlineScriptsToken + `"><script>a()</script><script src="x.js"></script><script>a()</script>`)
	got := string(hashInlineScripts(page))
	// sha256("a()") in base64 (from openssl dgst), once although the
	// script appears twice.
	if strings.Count(got, "'sha256-") != 1 || strings.Contains(got, InlineScriptsToken) {
		t.Errorf("got %s", got)
	}
	if !strings.Contains(got, "'sha256-qVpDBgj7bpq5hMAcGp3AOc79J3Y1Z4HvySTwKrWDoy4='") {
		t.Errorf("wrong hash in %s", got)
	}
}

// TestInlineScriptsFoundAsHTMLIsParsed: the policy holds the hash of each inline script
// as the browser reads it, found as HTML is parsed: a meta description
// quoting the text "<script>" (an attribute value) is not a script.
func TestInlineScriptsFoundAsHTMLIsParsed(t *testing.T) {
	hashOf := func(s string) string {
		sum := sha256.Sum256([]byte(s))
		return "'sha256-" + base64.StdEncoding.EncodeToString(sum[:]) + "'"
	}
	for _, tt := range []struct {
		name, page string
		want       []string
	}{
		{"one script", `<meta http-equiv="Content-Security-Policy" content="script-src 'self' ` + InlineScriptsToken + `"><script>var a=1</script>`, []string{"var a=1"}},
		{"script quoted in an attribute", `<meta http-equiv="Content-Security-Policy" content="script-src 'self' ` + InlineScriptsToken + `"><meta name="description" content="这一段写着 <img src=x onerror=alert(1)> 和 <script> 字样"><script>var a=1</script><script src="x.js"></script>`, []string{"var a=1"}},
		{"two scripts, one repeated", `<meta http-equiv="Content-Security-Policy" content="script-src ` + InlineScriptsToken + `"><script>a()</script><p>x</p><script>b()</script><script>a()</script>`, []string{"a()", "b()"}},
		{"script text with a less-than", `<meta http-equiv="Content-Security-Policy" content="script-src ` + InlineScriptsToken + `"><script>if(a<b&&c>d)e()</script>`, []string{"if(a<b&&c>d)e()"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			got := string(hashInlineScripts([]byte(tt.page)))
			var want []string
			for _, s := range tt.want {
				want = append(want, hashOf(s))
			}
			if !strings.Contains(got, "script-src 'self' "+strings.Join(want, " ")+`"`) && !strings.Contains(got, "script-src "+strings.Join(want, " ")+`"`) {
				t.Errorf("policy in %s\nwant the hashes %v", got, want)
			}
		})
	}
}
