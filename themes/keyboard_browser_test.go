package themes_test

import (
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/studysite/studysite/internal/browsertest"
)

// TestKeyboardShortcuts: on a document page n goes to the next document
// and p back, ? opens the list of shortcuts and Esc closes it; typing n in
// the search box types n.
func TestKeyboardShortcuts(t *testing.T) {
	public := buildSeedSite(t, "default", "")
	b := browsertest.New(t)
	open(t, b, public, seedDoc, 1280, 900)
	title := func() string {
		s, _ := chromedp.Run(b.Ctx, chromedp.Text(chromedp.CSS("h1")))
		return s
	}
	first := title()
	wantNext, _ := chromedp.Run(b.Ctx, chromedp.Evaluate[string](`document.querySelector('a[rel="next"]').href`))
	if err := chromedp.Do(b.Ctx, chromedp.Click(chromedp.CSS("h1")), chromedp.KeyEvent("n")); err != nil {
		t.Fatal(err)
	}
	loc := ""
	for deadline := time.Now().Add(5 * time.Second); loc != wantNext && time.Now().Before(deadline); time.Sleep(100 * time.Millisecond) {
		loc, _ = chromedp.Run(b.Ctx, chromedp.Location())
	}
	if loc != wantNext {
		t.Fatalf("n led to %q, want %q", loc, wantNext)
	}
	if err := chromedp.Do(b.Ctx, chromedp.WaitVisible(chromedp.CSS(".doc-body")), chromedp.KeyEvent("p"), chromedp.Sleep(300*time.Millisecond), chromedp.WaitVisible(chromedp.CSS(".doc-body"))); err != nil {
		t.Fatal(err)
	}
	if got := title(); got != first {
		t.Errorf("p after n shows %q, want %q", got, first)
	}
	if err := chromedp.Do(b.Ctx, chromedp.KeyEvent("?")); err != nil {
		t.Fatal(err)
	}
	text, err := chromedp.Run(b.Ctx, chromedp.Poll[string](`(() => { const d = document.querySelector("dialog.shortcuts"); return d && d.open ? d.textContent : null; })()`, chromedp.WithPollingTimeout(3*time.Second)))
	if err != nil || !strings.Contains(text, "下一篇") || !strings.Contains(text, "上一篇") {
		t.Fatalf("? shows %q (%v), want the shortcuts", text, err)
	}
	if err := chromedp.Do(b.Ctx, chromedp.KeyEvent("\u001b")); err != nil { // Escape
		t.Fatal(err)
	}
	if open, _ := chromedp.Run(b.Ctx, chromedp.Evaluate[bool](`document.querySelector("dialog.shortcuts").open`)); open {
		t.Error("Esc left the shortcuts open")
	}
	before, _ := chromedp.Run(b.Ctx, chromedp.Location())
	if err := chromedp.Do(b.Ctx, chromedp.Click(chromedp.CSS("#search-input")), chromedp.KeyEvent("n"), chromedp.Sleep(300*time.Millisecond)); err != nil {
		t.Fatal(err)
	}
	after, _ := chromedp.Run(b.Ctx, chromedp.Location())
	typed, _ := chromedp.Run(b.Ctx, chromedp.Evaluate[string](`document.getElementById("search-input").value`))
	if after != before || typed != "n" {
		t.Errorf("typing n in the search box: page %s → %s, box holds %q", before, after, typed)
	}
}
