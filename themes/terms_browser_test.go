package themes_test

import (
	"strconv"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/studysite/studysite/internal/browsertest"
)

// TestTermsFilter types into the terms index's filter box, by characters,
// by pinyin and by pinyin initials, and reads which terms and letter
// headings stay visible.
func TestTermsFilter(t *testing.T) {
	public := buildSeedSite(t, "default", "")
	b := browsertest.New(t)
	open(t, b, public, "terms/index.html", 1280, 900)
	all, err := chromedp.Run(b.Ctx, chromedp.Evaluate[int](`document.querySelectorAll(".terms-by-pinyin .term-list li").length`))
	if err != nil || all < 3 {
		t.Fatalf("terms index lists %d terms (%v)", all, err)
	}
	for _, tc := range []struct{ query, want string }{
		{"人民城市", "人民城市"},
		{"renmin", "人民城市"},
		{"rmcs", "人民城市"},
		{"RMCS", "人民城市"},
		{"", ""}, // cleared: every term again
	} {
		_, err := chromedp.Run(b.Ctx, chromedp.Evaluate[bool](`(() => { const f = document.getElementById("terms-filter"); f.value = `+strconv.Quote(tc.query)+`; return f.dispatchEvent(new Event("input")); })()`))
		if err != nil {
			t.Fatal(err)
		}
		visible, _ := chromedp.Run(b.Ctx, chromedp.Evaluate[[]string](`[...document.querySelectorAll(".terms-by-pinyin .term-list li")].filter(li => li.offsetParent).map(li => li.querySelector("a").textContent)`))
		headings, _ := chromedp.Run(b.Ctx, chromedp.Evaluate[[]string](`[...document.querySelectorAll(".terms-by-pinyin h3")].filter(h => h.offsetParent).map(h => h.textContent)`))
		if tc.query == "" {
			if len(visible) != all {
				t.Errorf("cleared filter shows %d of %d terms", len(visible), all)
			}
			continue
		}
		if len(visible) == 0 || len(visible) == all {
			t.Errorf("%q: %d of %d terms visible: %v", tc.query, len(visible), all, visible)
		}
		found := false
		for _, v := range visible {
			found = found || v == tc.want
		}
		if !found {
			t.Errorf("%q: visible terms %v lack %s", tc.query, visible, tc.want)
		}
		if len(headings) != 1 || headings[0] != "R" {
			t.Errorf("%q: visible letter headings %v, want only R", tc.query, headings)
		}
		status, _ := chromedp.Run(b.Ctx, chromedp.Text(chromedp.CSS(".terms-filter-count")))
		if !strings.Contains(status, "个提法") {
			t.Errorf("%q: the count says %q", tc.query, status)
		}
	}
}
