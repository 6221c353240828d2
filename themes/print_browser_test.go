package themes_test

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/studysite/studysite/internal/browsertest"
	"github.com/studysite/studysite/internal/htmltest"
)

// TestPrintToPDF prints the seed document to PDF in headless Chromium the
// way docs/typography.md says (CSS page size, no browser header or footer) and
// reads the PDF back with poppler's pdfinfo and pdftotext: A4 pages, the
// page numbers "— N —" from the @page margin boxes, and every paragraph.
func TestPrintToPDF(t *testing.T) {
	for _, tool := range []string{"pdfinfo", "pdftotext"} {
		if _, err := exec.LookPath(tool); err != nil {
			if os.Getenv("STUDYSITE_SKIP_BROWSER") == "1" {
				t.Skip("STUDYSITE_SKIP_BROWSER=1: no " + tool + ", print test skipped")
			}
			t.Fatalf("%s not found: install poppler-utils (Debian: apt-get install poppler-utils)", tool)
		}
	}
	out := outDir(t)
	for _, theme := range builtinThemes {
		t.Run(theme, func(t *testing.T) {
			public := buildSeedSite(t, theme, "")
			docFile := filepath.Join(public, filepath.FromSlash(seedDoc))
			b := browsertest.New(t)
			err := chromedp.Do(b.Ctx,
				chromedp.Navigate(browsertest.FileURL(docFile)),
				chromedp.WaitVisible(chromedp.CSS(".doc-body")),
				chromedp.Evaluate[chromedp.Void](`document.fonts.ready`, chromedp.EvalAwaitPromise))
			if err != nil {
				t.Fatal(err)
			}
			pdfFile := filepath.Join(out, theme+"-doc.pdf")
			info, w, h := printToFile(t, b, pdfFile)
			if abs(w-595.28) > 1 || abs(h-841.89) > 1 {
				t.Errorf("page size %.2f x %.2f pt, want A4 595.28 x 841.89", w, h)
			}
			pm := regexp.MustCompile(`Pages:\s+(\d+)`).FindStringSubmatch(info)
			if pm == nil {
				t.Fatalf("pdfinfo gave no page count:\n%s", info)
			}
			pages, _ := strconv.Atoi(pm[1])
			if pages < 2 {
				t.Fatalf("%d pages: the document should fill several", pages)
			}
			text, err := exec.Command("pdftotext", "-layout", pdfFile, "-").Output()
			if err != nil {
				t.Fatal(err)
			}
			// pdftotext may drop the thin spaces around the number.
			// pdftotext ends every page with a form feed.
			sheets := strings.Split(string(text), "\f")
			if len(sheets) < pages {
				t.Fatalf("pdftotext gave %d pages of text, pdfinfo counts %d", len(sheets), pages)
			}
			for n := 1; n <= pages; n++ {
				num := regexp.MustCompile(`(?m)^\s*—\s*` + strconv.Itoa(n) + `\s*—\s*$`)
				line := num.FindString(sheets[n-1])
				if line == "" {
					t.Errorf("page %d has no page number line \"— %d —\"", n, n)
					continue
				}
				// GB/T 9704: odd pages right, even pages left.
				indent := len(strings.TrimLeft(line, "\n")) - len(strings.TrimLeft(line, " \n"))
				if right := indent > 10; right != (n%2 == 1) {
					t.Errorf("page %d: number indented %d columns; odd pages want it right, even left", n, indent)
				}
			}
			// Every paragraph is printed whole: compare without white space
			// and without the page numbers between pages.
			flat := squeeze(regexp.MustCompile(`(?m)^\s*—\s*\d+\s*—\s*$`).ReplaceAllString(string(text), ""))
			for i, p := range paragraphs(t, docFile) {
				if !strings.Contains(flat, squeeze(p)) {
					t.Errorf("paragraph %d missing from the PDF: %.40s…", i+1, p)
				}
			}
			for _, hidden := range []string{"字号", "回到顶部", "目录", "打印本文"} {
				if strings.Contains(string(text), hidden) {
					t.Errorf("the printout shows the screen control %q", hidden)
				}
			}
		})
	}
}

func abs(f float64) float64 {
	if f < 0 {
		return -f
	}
	return f
}

// squeeze drops white space and the invisible word joiner.
func squeeze(s string) string {
	return strings.Map(func(r rune) rune {
		if r == '\u2060' || r == ' ' || r == '\n' || r == '\t' || r == '\f' || r == '\u3000' || r == '\r' {
			return -1
		}
		return r
	}, s)
}

// paragraphs is the text of the body paragraphs of a built page, without
// their ¶ numbers.
func paragraphs(t *testing.T, file string) []string {
	t.Helper()
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, p := range htmltest.All(t, htmltest.Parse(t, data), ".doc-body p") {
		out = append(out, htmltest.Text(t, p, ".pn"))
	}
	if len(out) == 0 {
		t.Fatalf("%s: no paragraphs in .doc-body", file)
	}
	return out
}

// printToFile prints the page open in b the way docs/typography.md says (CSS
// page size, no browser header or footer, outline, tagged) to file, and
// gives what pdfinfo says of it and its page size in points.
func printToFile(t *testing.T, b *browsertest.Browser, file string) (info string, width, height float64) {
	t.Helper()
	pdf, err := chromedp.Run(b.Ctx, chromedp.PrintToPDF(chromedp.PDFPreferCSSPageSize(), chromedp.PDFOutlineAndTagged()))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(file, pdf, 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command("pdfinfo", file).Output()
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile(`Page size:\s+([\d.]+) x ([\d.]+) pts`).FindStringSubmatch(string(out))
	if m == nil {
		t.Fatalf("pdfinfo gave no page size:\n%s", out)
	}
	width, _ = strconv.ParseFloat(m[1], 64)
	height, _ = strconv.ParseFloat(m[2], 64)
	return string(out), width, height
}
