package themes_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/spf13/afero"

	"github.com/studysite/studysite/generator/site"
	"github.com/studysite/studysite/internal/browsertest"
)

// buildSite builds a site of the given content files (name → Markdown)
// with the default configuration and returns its public/ folder.
func buildSite(t *testing.T, docs map[string]string) string {
	t.Helper()
	src := t.TempDir()
	if err := os.MkdirAll(filepath.Join(src, "content"), 0o755); err != nil {
		t.Fatal(err)
	}
	for name, md := range docs {
		if err := os.WriteFile(filepath.Join(src, "content", name), []byte(md), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.WriteFile(filepath.Join(src, "studysite.toml"), []byte("title = \"学习材料\"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := site.Build(context.Background(), afero.NewOsFs(), site.Options{Source: src}); err != nil {
		t.Fatal(err)
	}
	return filepath.Join(src, "public")
}

// TestTOCFollowsReading: in a report with more sections than the sidebar
// shows at once (a 政府工作报告 has dozens), scrolling the text to a late
// section brings its entry into the sidebar's view and marks it current.
func TestTOCFollowsReading(t *testing.T) {
	public := buildSite(t, map[string]string{"report.md": longReport()})
	br := browsertest.New(t)
	open(t, br, public, "docs/report/index.html", 1280, 700)
	for _, n := range []int{40, 8} {
		id, err := chromedp.Run(br.Ctx, chromedp.Evaluate[string](fmt.Sprintf(`(() => { const h = [...document.querySelectorAll(".doc-body h2")][%d]; h.scrollIntoView(); return h.id; })()`, n-1)))
		if err != nil {
			t.Fatal(err)
		}
		js := fmt.Sprintf(`(() => { const toc = document.getElementById("toc"), a = toc.querySelector('a[href="#%s"]');
			const r = a.getBoundingClientRect(), p = toc.getBoundingClientRect();
			return a.getAttribute("aria-current") === "location" && r.top >= p.top && r.bottom <= p.bottom; })()`, id)
		if _, err := chromedp.Run(br.Ctx, chromedp.Poll[bool](js, chromedp.WithPollingTimeout(3*time.Second))); err != nil {
			t.Errorf("section %d: its TOC entry is not current and in the sidebar's view (%v)", n, err)
		}
		if y, _ := chromedp.Run(br.Ctx, chromedp.Evaluate[float64](fmt.Sprintf(`document.getElementById(%q).getBoundingClientRect().top`, id))); y < -5 || y > 50 {
			t.Errorf("section %d: keeping the sidebar in step moved the page (heading at y=%.0f)", n, y)
		}
	}
}

// longReport is a 政府工作报告 of 48 sections of three paragraphs each.
func longReport() string {
	var b strings.Builder
	b.WriteString("---\ntitle: 政府工作报告\ndate: 2024-03-05\n---\n\n")
	for i := 1; i <= 48; i++ {
		fmt.Fprintf(&b, "## （%d）关于第%d项重点工作\n\n", i, i)
		for j := 1; j <= 3; j++ {
			fmt.Fprintf(&b, "这是第%d项工作的第%d段。坚持稳中求进工作总基调，完整、准确、全面贯彻新发展理念，加快构建新发展格局，着力推动高质量发展。\n\n", i, j)
		}
	}
	return b.String()
}

// TestPhoneReadingAids: on a phone a long document shows a reading-progress
// bar that grows as the reader scrolls and, past the first screen, floating
// 目录 (opens the table of contents and shows it) and 顶部 buttons.
func TestPhoneReadingAids(t *testing.T) {
	public := buildSite(t, map[string]string{"report.md": longReport()})
	br := browsertest.New(t)
	open(t, br, public, "docs/report/index.html", 375, 700)
	progress := func() float64 {
		v, _ := chromedp.Run(br.Ctx, chromedp.Evaluate[float64](`document.querySelector(".read-progress").getBoundingClientRect().width / innerWidth`))
		return v
	}
	floating := func() bool {
		v, _ := chromedp.Run(br.Ctx, chromedp.Evaluate[bool](`(() => { const f = document.querySelector(".float-nav"); return !!f && getComputedStyle(f).display !== "none"; })()`))
		return v
	}
	start := progress()
	if floating() {
		t.Error("floating buttons on the first screen")
	}
	if _, err := chromedp.Run(br.Ctx, chromedp.Evaluate[bool](`window.scrollTo(0, document.documentElement.scrollHeight / 2), true`)); err != nil {
		t.Fatal(err)
	}
	time.Sleep(300 * time.Millisecond)
	if mid := progress(); mid <= start+.2 || mid >= .9 {
		t.Errorf("progress at the start %.2f, half way %.2f", start, mid)
	}
	if !floating() {
		t.Fatal("no floating buttons half way through the document")
	}
	if err := chromedp.Do(br.Ctx, chromedp.Click(chromedp.CSS(".float-toc")), chromedp.Sleep(300*time.Millisecond)); err != nil {
		t.Fatal(err)
	}
	inView, _ := chromedp.Run(br.Ctx, chromedp.Evaluate[bool](`(() => { const toc = document.getElementById("toc"), r = toc.getBoundingClientRect(); return toc.open && r.top < innerHeight && r.bottom > 0; })()`))
	if !inView {
		t.Error("目录 did not open and show the table of contents")
	}
	if _, err := chromedp.Run(br.Ctx, chromedp.Evaluate[bool](`window.scrollTo(0, document.documentElement.scrollHeight / 2), true`)); err != nil {
		t.Fatal(err)
	}
	time.Sleep(300 * time.Millisecond)
	if err := chromedp.Do(br.Ctx, chromedp.Click(chromedp.CSS(".float-top")), chromedp.Sleep(300*time.Millisecond)); err != nil {
		t.Fatal(err)
	}
	if y, _ := chromedp.Run(br.Ctx, chromedp.Evaluate[float64](`scrollY`)); y > 1 {
		t.Errorf("顶部 left the page at y=%.0f", y)
	}
}
