package search_test

import (
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/chromedp"

	"github.com/studysite/studysite/internal/browsertest"
)

// TestBrowserInputMethod: a reader typing 长三角 through a pinyin input
// method first composes the letters changsanjiao in the box (input events
// marked isComposing). Those letters are not the query — searched as
// pinyin they would flash results for other words — so nothing is searched
// until the method commits 长三角, and then its results are drawn.
func TestBrowserInputMethod(t *testing.T) {
	browsertest.Need(t)
	pub := buildSeed(t)
	b := browsertest.New(t)
	url := browsertest.FileURL(pub) + "/docs/xi-jin-ping-zong-shu-ji-kao-cha-shang/index.html"
	if err := chromedp.Do(b.Ctx, chromedp.Navigate(url), chromedp.WaitReady(chromedp.ID("search-input")), chromedp.Click(chromedp.ID("search-input"))); err != nil {
		t.Fatal(err)
	}
	// Compose letter by letter, as the reader types, 80 ms apart.
	composing := "changsanjiao"
	for i := 1; i <= len(composing); i++ {
		if _, err := chromedp.Call(b.Ctx, input.ImeSetComposition, input.ImeSetCompositionParams{Text: composing[:i], SelectionStart: int64(i), SelectionEnd: int64(i)}); err != nil {
			t.Fatal(err)
		}
		time.Sleep(80 * time.Millisecond)
	}
	// Well past the 150 ms debounce and a search's run.
	time.Sleep(800 * time.Millisecond)
	state, err := chromedp.Run(b.Ctx, chromedp.Evaluate[string](`document.getElementById("search-input").value + " | " + document.querySelectorAll(".search-drop .sr-item").length`))
	if err != nil {
		t.Fatal(err)
	}
	if state != composing+" | 0" {
		t.Fatalf("while composing: box and results %q, want %q (nothing searched)", state, composing+" | 0")
	}
	if _, err := chromedp.Call(b.Ctx, input.InsertText, input.InsertTextParams{Text: "长三角"}); err != nil {
		t.Fatal(err)
	}
	if err := chromedp.Do(b.Ctx, chromedp.WaitVisible(chromedp.CSS(".search-drop[data-ready] .sr-link"))); err != nil {
		t.Fatalf("no results after the input method committed 长三角: %v", err)
	}
	if err := settleDrop(b.Ctx); err != nil {
		t.Fatal(err)
	}
	marks, err := chromedp.Run(b.Ctx, chromedp.Evaluate[[]string](`Array.from(document.querySelectorAll(".search-drop mark")).map((m) => m.textContent)`))
	if err != nil {
		t.Fatal(err)
	}
	if len(marks) == 0 || strings.Join(marks, "") != strings.Repeat("长三角", len(marks)) {
		t.Errorf("after the commit the marks are %q, want only 长三角", marks)
	}
}
