package main

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/studysite/studysite/internal/browsertest"
)

// speechHTML is a speech laid out as offices print them: title, date,
// speaker, salutation, numbered headings, paragraphs long enough to wrap
// and to run onto a second page, and page numbers in the footer.
const speechHTML = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><style>
@page { size: A4; margin: 30mm 26mm; @bottom-center { content: "— " counter(page) " —"; } }
body { font-size: 16pt; line-height: 1.8; } h1, .c { text-align: center; } p { text-indent: 2em; margin: 0; }
</style></head><body>
<h1>在全市优化营商环境大会上的讲话</h1>
<p class="c">（2024年2月18日）</p>
<p class="c">市长　王明</p>
<p>同志们：</p>
<p>今天召开全市优化营商环境大会，主要任务是深入贯彻落实党中央、国务院关于优化营商环境的决策部署，总结去年工作，部署今年任务，动员全市上下以更大力度打造市场化、法治化、国际化一流营商环境。</p>
<h2>一、充分肯定过去一年的成绩</h2>
PARAS
<h2>二、扎实做好今年重点工作</h2>
<p>要对标国际一流，坚持“两个毫不动摇”，把矛盾纠纷化解在基层，让企业办事像网购一样方便。</p>
</body></html>`

// TestPDFSeed prints a speech to PDF in Chromium, puts the PDF in seeds/
// and builds: with poppler's pdftotext on the PATH the speech is imported
// through it, its page numbers removed and its title block read; without
// it the build names the PDF and says how to convert it.
func TestPDFSeed(t *testing.T) {
	if _, err := exec.LookPath("pdftotext"); err != nil {
		if os.Getenv("STUDYSITE_SKIP_BROWSER") == "1" {
			t.Skip("STUDYSITE_SKIP_BROWSER=1: no pdftotext, PDF seed test skipped")
		}
		t.Fatal("pdftotext not found: install poppler-utils (Debian: apt-get install poppler-utils)")
	}
	b := browsertest.New(t)
	dir := t.TempDir()
	para := "<p>过去一年，全市上下坚持稳中求进工作总基调，营商环境持续改善，市场主体增长百分之十二，企业开办时间压缩到一天以内，“一网通办”事项达到一千二百项。</p>\n"
	page := filepath.Join(dir, "speech.html")
	if err := os.WriteFile(page, []byte(strings.Replace(speechHTML, "PARAS", strings.Repeat(para, 12), 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := chromedp.Do(b.Ctx, chromedp.Navigate(browsertest.FileURL(page)), chromedp.WaitVisible(chromedp.CSS("h2"))); err != nil {
		t.Fatal(err)
	}
	pdf, err := chromedp.Run(b.Ctx, chromedp.PrintToPDF(chromedp.PDFPreferCSSPageSize()))
	if err != nil {
		t.Fatal(err)
	}
	site := filepath.Join(dir, "site")
	if err := os.MkdirAll(filepath.Join(site, "seeds"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(site, "seeds", "营商环境讲话.pdf"), pdf, 0o644); err != nil {
		t.Fatal(err)
	}
	bin := binary(t)

	// Without pdftotext: named, with how to convert it; the build goes on.
	cmd := exec.Command(bin, "build", "--source", site)
	cmd.Env = append(os.Environ(), "PATH="+filepath.Join(dir, "no-such-bin"))
	out, err := cmd.CombinedOutput()
	if err != nil || !strings.Contains(string(out), "warning: seeds/营商环境讲话.pdf: not imported: it is a PDF: install poppler's pdftotext") {
		t.Fatalf("build without pdftotext: %v\n%s", err, out)
	}

	// With it: imported.
	stdout, stderr, code := run(t, bin, "import", "--source", site, "--json")
	if code != 0 {
		t.Fatalf("import: exit %d\n%s", code, stderr)
	}
	var entries []struct {
		Seed, Content, Action string
		Report                struct {
			Format  string
			Removed []struct{ Text, Reason string }
		}
	}
	if err := json.Unmarshal([]byte(stdout), &entries); err != nil || len(entries) != 1 {
		t.Fatalf("%v\n%s", err, stdout)
	}
	e := entries[0]
	if e.Action != "imported" || e.Report.Format != "pdf" {
		t.Errorf("%+v", e)
	}
	pageNumbers := 0
	for _, r := range e.Report.Removed {
		if r.Reason == "page number" {
			pageNumbers++
		}
	}
	if pageNumbers < 1 {
		t.Errorf("no page number removed: %+v", e.Report.Removed)
	}
	md, err := os.ReadFile(filepath.Join(site, e.Content))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"title: 在全市优化营商环境大会上的讲话\n", `date: "2024-02-18"`, "speaker: 王明\n",
		"\n同志们：\n", "\n## 一、充分肯定过去一年的成绩\n", "\n## 二、扎实做好今年重点工作\n",
		"\n" + strings.TrimSuffix(strings.TrimPrefix(para, "<p>"), "</p>\n") + "\n",
	} {
		if !strings.Contains(string(md), want) {
			t.Errorf("content file lacks %q:\n%s", want, md)
		}
	}
	if strings.Contains(string(md), "— 1 —") || strings.Contains(string(md), "— 2 —") {
		t.Errorf("a page number is in the text:\n%s", md)
	}
}
