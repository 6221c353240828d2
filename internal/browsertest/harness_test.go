package browsertest

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// TestHarness checks the harness itself: a page that throws and requests a
// missing file is seen as such, over file:// and over HTTP under a subpath.
func TestHarness(t *testing.T) {
	dir := t.TempDir()
	page := `<!DOCTYPE html><html lang="en"><title>t</title><img src="missing.png" alt=""><script>throw new Error("boom")</script>`
	if err := os.WriteFile(filepath.Join(dir, "index.html"), []byte(page), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, url := range []string{FileURL(filepath.Join(dir, "index.html")), Serve(t, dir, "/sub/") + "index.html"} {
		b := New(t)
		if err := chromedp.Do(b.Ctx, chromedp.Navigate(url)); err != nil {
			t.Fatal(err)
		}
		title, err := chromedp.Run(b.Ctx, chromedp.Title())
		if err != nil {
			t.Fatal(err)
		}
		if title != "t" {
			t.Errorf("%s: title %q", url, title)
		}
		if len(b.Errors()) != 1 {
			t.Errorf("%s: want the one exception, got %v", url, b.Errors())
		}
		if len(b.Failures()) != 1 {
			t.Errorf("%s: want the missing image as a failed request, got %v", url, b.Failures())
		}
	}
}

// TestDialogsAreSeen: an alert is recorded and dismissed, so the page goes on.
func TestDialogsAreSeen(t *testing.T) {
	dir := t.TempDir()
	page := `<!DOCTYPE html><html lang="en"><title>t</title><script>alert("x1");document.title="after"</script>`
	if err := os.WriteFile(filepath.Join(dir, "index.html"), []byte(page), 0o644); err != nil {
		t.Fatal(err)
	}
	b := New(t)
	if err := chromedp.Do(b.Ctx, chromedp.Navigate(FileURL(filepath.Join(dir, "index.html")))); err != nil {
		t.Fatal(err)
	}
	title, err := chromedp.Run(b.Ctx, chromedp.Title())
	if err != nil {
		t.Fatal(err)
	}
	if d := b.Dialogs(); len(d) != 1 || !strings.Contains(d[0], "x1") || title != "after" {
		t.Errorf("dialogs %v, title %q", d, title)
	}
}
