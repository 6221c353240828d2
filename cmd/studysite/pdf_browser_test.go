package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/studysite/studysite/generator/pdf"
	"github.com/studysite/studysite/internal/htmltest"
)

// TestPDFDocsEndToEnd prints the seed document with `pdf --docs`, reads
// the PDF back with poppler, and follows it through check and rebuilds.
func TestPDFDocsEndToEnd(t *testing.T) {
	if _, err := pdf.FindChromium(""); err != nil {
		if os.Getenv("STUDYSITE_SKIP_BROWSER") == "1" {
			t.Skip("STUDYSITE_SKIP_BROWSER=1: PDF test skipped")
		}
		t.Fatal(err)
	}
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Fatal("pdftotext not found: install poppler-utils")
	}
	bin := binary(t)
	dir := seedFolder(t)
	out, errOut, code := run(t, bin, "--source", dir, "pdf", "--docs")
	printed := regexp.MustCompile(`^(\d+) PDFs printed, 0 already current`).FindStringSubmatch(out)
	if code != 0 || printed == nil || printed[1] == "0" {
		t.Fatalf("pdf --docs: exit %d\n%s%s", code, out, errOut)
	}
	pdfs, _ := filepath.Glob(filepath.Join(dir, "public", "docs", "*", "*.pdf"))
	if len(pdfs) != 1 {
		t.Fatalf("published PDFs: %v", pdfs)
	}
	info, err := exec.Command("pdfinfo", pdfs[0]).Output()
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"Title:           习近平总书记考察上海", "(A4)", "Tagged:          yes"} {
		if !strings.Contains(string(info), want) {
			t.Errorf("pdfinfo lacks %q:\n%s", want, info)
		}
	}
	text, err := exec.Command("pdftotext", "-layout", pdfs[0], "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	pages := strings.Split(string(text), "\f")
	number := regexp.MustCompile(`—(\d+)—`)
	var body strings.Builder
	for i, p := range pages {
		s := htmltest.StripSpace(p)
		if s == "" {
			continue
		}
		if m := number.FindStringSubmatch(s); m == nil || m[1] != strconv.Itoa(i+1) {
			t.Errorf("page %d: no — %d — in %q", i+1, i+1, s)
		}
		body.WriteString(number.ReplaceAllString(s, ""))
	}
	// Every paragraph of the document page, in order.
	data, err := os.ReadFile(pdfs[0][:len(pdfs[0])-len(filepath.Base(pdfs[0]))] + "index.html")
	if err != nil {
		t.Fatal(err)
	}
	doc := htmltest.Parse(t, data)
	all, at := body.String(), 0
	paras := htmltest.All(t, doc, ".doc-body p")
	if len(paras) < 10 {
		t.Fatalf("only %d paragraphs on the document page", len(paras))
	}
	for _, p := range paras {
		s := htmltest.StripSpace(htmltest.Text(t, p, ".pn"))
		i := strings.Index(all[at:], s)
		if i < 0 {
			t.Fatalf("paragraph missing or out of order: %s", s)
		}
		at += i
	}
	// Published by every build, current for check, not printed twice.
	for _, args := range [][]string{{"build"}, {"check"}} {
		if out, errOut, code := run(t, bin, append([]string{"--source", dir}, args...)...); code != 0 {
			t.Fatalf("%v: exit %d\n%s%s", args, code, out, errOut)
		}
	}
	if _, err := os.Stat(pdfs[0]); err != nil {
		t.Errorf("build did not publish the PDF again: %v", err)
	}
	if out, _, _ := run(t, bin, "--source", dir, "pdf", "--docs"); !strings.HasPrefix(out, "0 PDFs printed, "+printed[1]+" already current") {
		t.Errorf("second pdf --docs: %q", out)
	}
}

// TestPDFSeedPacket prints the seed site's default packet 最新材料 through
// the CLI and reads it back: A4, its title on an unnumbered cover, "— N —"
// on every page after it, the document's paragraphs in order, the outline
// holding the document and its sections, and the packet page offering the
// PDF after the next build, which check accepts.
func TestPDFSeedPacket(t *testing.T) {
	if _, err := pdf.FindChromium(""); err != nil {
		if os.Getenv("STUDYSITE_SKIP_BROWSER") == "1" {
			t.Skip("STUDYSITE_SKIP_BROWSER=1: PDF test skipped")
		}
		t.Fatal(err)
	}
	for _, tool := range []string{"pdfinfo", "pdftotext", "pdftohtml"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Fatalf("%s not found: install poppler-utils", tool)
		}
	}
	bin := binary(t)
	dir := seedFolder(t)
	if out, errOut, code := run(t, bin, "--source", dir, "pdf"); code != 0 {
		t.Fatalf("pdf: exit %d\n%s%s", code, out, errOut)
	}
	file := filepath.Join(dir, "public", "packets", "zui-xin-cai-liao.pdf")
	info, err := exec.Command("pdfinfo", file).Output()
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"Title:           最新材料", "(A4)", "Tagged:          yes"} {
		if !strings.Contains(string(info), want) {
			t.Errorf("pdfinfo lacks %q:\n%s", want, info)
		}
	}
	text, err := exec.Command("pdftotext", "-layout", file, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	pages := strings.Split(strings.TrimRight(string(text), "\f"), "\f")
	number := regexp.MustCompile(`—(\d+)—`)
	if cover := htmltest.StripSpace(pages[0]); !strings.Contains(cover, "最新材料") || number.MatchString(cover) {
		t.Errorf("cover: %q", cover)
	}
	var body strings.Builder
	for i, p := range pages[1:] {
		s := htmltest.StripSpace(p)
		if s == "" {
			continue // a blank page left for duplex printing
		}
		if m := number.FindStringSubmatch(s); m == nil || m[1] != strconv.Itoa(i+2) {
			t.Errorf("page %d: no — %d — in %q", i+2, i+2, s)
		}
		body.WriteString(number.ReplaceAllString(s, ""))
	}
	docPages, _ := filepath.Glob(filepath.Join(dir, "public", "docs", "*", "index.html"))
	if len(docPages) != 1 {
		t.Fatalf("document pages: %v", docPages)
	}
	data, err := os.ReadFile(docPages[0])
	if err != nil {
		t.Fatal(err)
	}
	doc := htmltest.Parse(t, data)
	all, at := body.String(), 0
	for _, p := range htmltest.All(t, doc, ".doc-body p") {
		s := htmltest.StripSpace(htmltest.Text(t, p, ".pn"))
		i := strings.Index(all[at:], s)
		if i < 0 {
			t.Fatalf("paragraph missing from the packet or out of order: %s", s)
		}
		at += i
	}
	outline, err := exec.Command("pdftohtml", "-xml", "-stdout", "-i", "-q", file).Output()
	if err != nil {
		t.Fatal(err)
	}
	o := string(outline)
	if i := strings.Index(o, "<outline>"); i < 0 || !strings.Contains(o[i:], "习近平总书记考察上海") || !strings.Contains(o[i:], "一、") {
		t.Errorf("the outline lacks the document or its sections:\n%.2000s", o[max(0, strings.Index(o, "<outline>")):])
	}
	for _, args := range [][]string{{"build"}, {"check"}} {
		if out, errOut, code := run(t, bin, append([]string{"--source", dir}, args...)...); code != 0 {
			t.Fatalf("%v: exit %d\n%s%s", args, code, out, errOut)
		}
	}
	packetPage, err := os.ReadFile(filepath.Join(dir, "public", "packets", "zui-xin-cai-liao", "index.html"))
	if err != nil || !strings.Contains(string(packetPage), "zui-xin-cai-liao.pdf") {
		t.Errorf("the packet page offers no PDF (%v)", err)
	}
}
