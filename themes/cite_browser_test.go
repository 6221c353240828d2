package themes_test

import (
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/studysite/studysite/internal/browsertest"
)

// TestCiteParagraph follows a ¶ link and presses 引用本段: with the
// Clipboard API the citation (the paragraph's words, the title, ¶N and the
// paragraph's address) is copied; where the API refuses (plain-HTTP
// intranets, file://, no consent) the same text is shown selected.
func TestCiteParagraph(t *testing.T) {
	public := buildSeedSite(t, "default", "")
	for _, tc := range []struct {
		name      string
		clipboard string // replaces navigator.clipboard.writeText
	}{
		{"clipboard", `navigator.clipboard.writeText = (s) => { window.copied = s; return Promise.resolve(); }`},
		{"refused", `navigator.clipboard.writeText = () => Promise.reject(new Error("denied"))`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			b := browsertest.New(t)
			open(t, b, public, seedDoc, 1280, 900)
			if err := chromedp.Do(b.Ctx, chromedp.Click(chromedp.CSS(`#p3 .pn`)), chromedp.WaitVisible(chromedp.CSS(".cite-bar .cite-btn"))); err != nil {
				t.Fatal(err)
			}
			words, _ := chromedp.Run(b.Ctx, chromedp.Evaluate[string](`(() => { const c = document.getElementById("p3").cloneNode(true); c.querySelector(".pn").remove(); return c.textContent.replace(/\u2060/g, "").trim().slice(0, 20); })()`))
			title, _ := chromedp.Run(b.Ctx, chromedp.Evaluate[string](`document.querySelector(".doc-title").textContent.replace(/\u2060/g, "").trim()`))
			if _, err := chromedp.Run(b.Ctx, chromedp.Evaluate[bool](`(() => { if (navigator.clipboard) { `+tc.clipboard+` }; return true; })()`)); err != nil {
				t.Fatal(err)
			}
			if err := chromedp.Do(b.Ctx, chromedp.Click(chromedp.CSS(".cite-btn")), chromedp.Sleep(300*time.Millisecond)); err != nil {
				t.Fatal(err)
			}
			var got string
			if tc.name == "clipboard" {
				got, _ = chromedp.Run(b.Ctx, chromedp.Evaluate[string](`window.copied || ""`))
			} else {
				got, _ = chromedp.Run(b.Ctx, chromedp.Evaluate[string](`(() => { const a = document.activeElement; return a && a.tagName === "TEXTAREA" ? a.value.slice(a.selectionStart, a.selectionEnd) : ""; })()`))
			}
			for _, want := range []string{words, "《" + title + "》", "¶3", "docs/xi-jin-ping-zong-shu-ji-kao-cha-shang/index.html#p3"} {
				if !strings.Contains(got, want) {
					t.Errorf("citation %q lacks %q", got, want)
				}
			}
			status, _ := chromedp.Run(b.Ctx, chromedp.Text(chromedp.CSS(".cite-status")))
			if status == "" {
				t.Error("no word on what happened (copied, or press Ctrl+C)")
			}
		})
	}
}
