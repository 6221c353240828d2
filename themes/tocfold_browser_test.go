package themes_test

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/studysite/studysite/internal/browsertest"
)

// partsReport is a 政府工作报告 in the shape real ones have: ten parts
// (一、…) of four numbered subsections （一）… each, two paragraphs a
// subsection: 50 entries in its table of contents.
func partsReport() string {
	numerals := []string{"一", "二", "三", "四", "五", "六", "七", "八", "九", "十"}
	var b strings.Builder
	b.WriteString("---\ntitle: 2025年政府工作报告\ndate: 2025-01-15\n---\n\n")
	for i, n := range numerals {
		fmt.Fprintf(&b, "## %s、第%s部分工作回顾与部署\n\n", n, n)
		for j := 1; j <= 4; j++ {
			fmt.Fprintf(&b, "### （%s）第%d部分的第%d项任务\n\n", numerals[j-1], i+1, j)
			for k := 1; k <= 2; k++ {
				fmt.Fprintf(&b, "第%d部分第%d项任务的第%d段。坚持稳中求进工作总基调，推动经济实现质的有效提升和量的合理增长。\n\n", i+1, j, k)
			}
		}
	}
	return b.String()
}

// TestTOCSectionsFold: a long table of contents starts with its parts'
// subsections folded (so the ten parts fit the sidebar), each part has a
// button that unfolds and folds its subsections and says which state it is
// in, and reading into a folded part unfolds it and marks the subsection.
func TestTOCSectionsFold(t *testing.T) {
	public := buildSite(t, map[string]string{"report.md": partsReport()})
	br := browsertest.New(t)
	open(t, br, public, "docs/report/index.html", 1280, 800)

	type state struct {
		Buttons, Expanded, VisibleSubs int
		Label                          string
	}
	read := func() state {
		t.Helper()
		raw, err := chromedp.Run(br.Ctx, chromedp.Evaluate[state](`(() => {
			const toc = document.getElementById("toc"), b = [...toc.querySelectorAll("button.toc-fold")];
			return { Buttons: b.length,
				Expanded: b.filter((x) => x.getAttribute("aria-expanded") === "true").length,
				VisibleSubs: [...toc.querySelectorAll("li li a")].filter((a) => a.offsetParent !== null).length,
				Label: b.length ? b[0].getAttribute("aria-label") : "" }; })()`))
		if err != nil {
			t.Fatal(err)
		}
		return raw
	}
	s := read()
	if s.Buttons != 10 || s.Expanded > 1 || s.VisibleSubs > 4 {
		t.Fatalf("at the top of the page: %d fold buttons (want 10), %d unfolded, %d subsection entries visible; want the ten parts folded (the first may be open while it is read)", s.Buttons, s.Expanded, s.VisibleSubs)
	}
	if !strings.Contains(s.Label, "第一部分工作回顾与部署") {
		t.Errorf("the first fold button's label %q does not name its part", s.Label)
	}

	// The keyboard user's way: focus the third part's button and press Enter.
	if err := chromedp.Do(br.Ctx, chromedp.Focus(chromedp.CSS(`#toc li:nth-child(3) > button.toc-fold`)), chromedp.KeyEvent("\r")); err != nil {
		t.Fatal(err)
	}
	third := `(() => { const b = document.querySelector("#toc li:nth-child(3) > button.toc-fold");
		return b.getAttribute("aria-expanded") + " " + [...document.getElementById(b.getAttribute("aria-controls")).querySelectorAll("a")].filter((a) => a.offsetParent !== null).length; })()`
	if got, _ := chromedp.Run(br.Ctx, chromedp.Evaluate[string](third)); got != "true 4" {
		t.Errorf("after Enter on the third part's button: aria-expanded and visible subsections %q, want \"true 4\"", got)
	}
	if err := chromedp.Do(br.Ctx, chromedp.Click(chromedp.CSS(`#toc li:nth-child(3) > button.toc-fold`))); err != nil {
		t.Fatal(err)
	}
	if got, _ := chromedp.Run(br.Ctx, chromedp.Evaluate[string](third)); got != "false 0" {
		t.Errorf("after a click folding it again: %q, want \"false 0\"", got)
	}

	// Reading into the seventh part unfolds it and marks the subsection read.
	id, err := chromedp.Run(br.Ctx, chromedp.Evaluate[string](`(() => { const h = [...document.querySelectorAll(".doc-body h3")][6*4+2]; h.scrollIntoView(); return h.id; })()`))
	if err != nil {
		t.Fatal(err)
	}
	js := fmt.Sprintf(`(() => { const a = document.querySelector('#toc a[href="#%s"]');
		return a.offsetParent !== null && a.getAttribute("aria-current") === "location"; })()`, id)
	if _, err := chromedp.Run(br.Ctx, chromedp.Poll[bool](js, chromedp.WithPollingTimeout(3*time.Second))); err != nil {
		marked, _ := chromedp.Run(br.Ctx, chromedp.Evaluate[string](`(document.querySelector("#toc a.current") || {}).textContent || "none"`))
		t.Errorf("reading subsection %s: its entry is not visible and current in the table of contents (%v); the entry marked is %s", id, err, marked)
	}
}

// TestTOCShortStaysOpen: a short table of contents (a speech of three
// parts with two subsections each) shows every entry, with the fold
// buttons saying so.
func TestTOCShortStaysOpen(t *testing.T) {
	var b strings.Builder
	b.WriteString("---\ntitle: 在全市干部大会上的讲话\ndate: 2024-02-18\n---\n\n")
	for i, n := range []string{"一", "二", "三"} {
		fmt.Fprintf(&b, "## %s、第%d个问题\n\n", n, i+1)
		for j := 1; j <= 2; j++ {
			fmt.Fprintf(&b, "### （%d）第%d点\n\n同志们，这是第%d个问题的第%d点。（掌声）\n\n", j, j, i+1, j)
		}
	}
	public := buildSite(t, map[string]string{"speech.md": b.String()})
	br := browsertest.New(t)
	open(t, br, public, "docs/speech/index.html", 1280, 800)
	got, err := chromedp.Run(br.Ctx, chromedp.Evaluate[string](`(() => { const toc = document.getElementById("toc");
		return toc.querySelectorAll('button.toc-fold[aria-expanded="true"]').length + " " + [...toc.querySelectorAll("li li a")].filter((a) => a.offsetParent !== null).length; })()`))
	if err != nil {
		t.Fatal(err)
	}
	if got != "3 6" {
		t.Errorf("unfolded buttons and visible subsections %q, want \"3 6\"", got)
	}
}
