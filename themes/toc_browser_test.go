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
	var b strings.Builder
	b.WriteString("---\ntitle: 政府工作报告\ndate: 2024-03-05\n---\n\n")
	for i := 1; i <= 48; i++ {
		fmt.Fprintf(&b, "## （%d）关于第%d项重点工作\n\n", i, i)
		for j := 1; j <= 3; j++ {
			fmt.Fprintf(&b, "这是第%d项工作的第%d段。坚持稳中求进工作总基调，完整、准确、全面贯彻新发展理念，加快构建新发展格局，着力推动高质量发展。\n\n", i, j)
		}
	}
	public := buildSite(t, map[string]string{"report.md": b.String()})
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
