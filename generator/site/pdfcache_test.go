package site

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"github.com/spf13/afero"

	"github.com/studysite/studysite/generator/check"
)

// fakePrinter stands in for Chromium: a "PDF" naming the page and its key,
// and a count of what it printed.
type fakePrinter struct{ printed []string }

func (f *fakePrinter) print(_ context.Context, page string, info map[string]string) ([]byte, error) {
	f.printed = append(f.printed, page)
	// The information dictionary entry as the real printer writes it, so
	// check can read which page a print came from.
	return []byte("%PDF-1.4\n% " + page + "\n<< /StudysitePage (" + info["StudysitePage"] + ") >>\n%%EOF\n"), nil
}

// TestPDFCacheLifecycle: a printed PDF survives builds while its page is
// unchanged, is not printed twice, is withdrawn (with a warning naming it)
// when its page changes, and is printed again then.
func TestPDFCacheLifecycle(t *testing.T) {
	fsys := seedSite(t)
	build(t, fsys)
	o := Options{Source: "site"}
	targets, err := PrintTargets(fsys, o, nil, true)
	if err != nil {
		t.Fatal(err)
	}
	// The default packet 最新材料, then the one document.
	if len(targets) != 2 || targets[0].PDF != "packets/zui-xin-cai-liao.pdf" || !strings.HasPrefix(targets[1].Page, "docs/") || !strings.HasSuffix(targets[1].PDF, ".pdf") {
		t.Fatalf("targets of the seed site with --docs: %+v", targets)
	}
	targets = targets[1:]
	pdfPath := "site/public/" + targets[0].PDF
	steps := []struct {
		name        string
		edit        func()
		wantPrinted int
		published   bool
		warning     string
	}{
		{"first print", func() {}, 1, true, ""},
		{"unchanged page: cached", func() {}, 0, true, ""},
		{"rebuild keeps it", func() {}, 0, true, ""},
		{"changed page: stale, reprinted", func() {
			md := readFile(t, fsys, "site/content/xi-jin-ping-zong-shu-ji-kao-cha.md")
			md = append(md, []byte("\n会议要求，各级党组织要认真组织学习。\n")...)
			if err := afero.WriteFile(fsys, "site/content/xi-jin-ping-zong-shu-ji-kao-cha.md", md, 0o644); err != nil {
				t.Fatal(err)
			}
		}, 1, true, "changed since it was printed"},
	}
	for _, s := range steps {
		s.edit()
		var log bytes.Buffer
		lo := Options{Source: "site", Log: &log}
		if _, err := Build(context.Background(), fsys, lo); err != nil {
			t.Fatal(err)
		}
		if s.warning != "" && !strings.Contains(log.String(), s.warning) {
			t.Errorf("%s: build should warn %q, said %q", s.name, s.warning, log.String())
		}
		if s.warning != "" {
			if ok, _ := afero.Exists(fsys, pdfPath); ok {
				t.Errorf("%s: a stale PDF was published", s.name)
			}
			probs, _, err := check.PDFs(fsys, "site/public")
			if err != nil || len(probs) != 0 {
				t.Errorf("%s: check on the site without the stale PDF: %v %v", s.name, probs, err)
			}
		}
		f := &fakePrinter{}
		run, err := PrintPDFs(context.Background(), fsys, lo, targets, f.print)
		if err != nil {
			t.Fatal(err)
		}
		if len(f.printed) != s.wantPrinted || len(run.Printed) != s.wantPrinted {
			t.Errorf("%s: printed %v, want %d", s.name, f.printed, s.wantPrinted)
		}
		build(t, fsys)
		if ok, _ := afero.Exists(fsys, pdfPath); ok != s.published {
			t.Errorf("%s: %s published = %v", s.name, pdfPath, ok)
		}
		if prints := o.cachedPrints(fsys, targets[0].PDF); len(prints) != 1 {
			t.Errorf("%s: the cache holds %v, want the one current print", s.name, prints)
		}
	}
}

// TestPrintTargetsUnknownPacket names the packets there are.
func TestPrintTargetsUnknownPacket(t *testing.T) {
	fsys := seedSite(t)
	build(t, fsys)
	_, err := PrintTargets(fsys, Options{Source: "site"}, []string{"no-such"}, false)
	if err == nil || !strings.Contains(err.Error(), `no packet "no-such"`) {
		t.Errorf("err = %v", err)
	}
}

// TestPacketPageLinksCurrentPDF: once the packet is printed, the next build
// publishes its PDF with the site and the packet page offers it for
// download; when a document of the packet changes, the build leaves both
// out (the old print would not match the page) and says so.
func TestPacketPageLinksCurrentPDF(t *testing.T) {
	fsys := seedSite(t)
	build(t, fsys)
	o := Options{Source: "site"}
	targets, err := PrintTargets(fsys, o, nil, false)
	if err != nil || len(targets) != 1 {
		t.Fatalf("%v %+v", err, targets)
	}
	page, pdfFile := "site/public/"+targets[0].Page, "site/public/"+targets[0].PDF
	hasLink := func() bool {
		return bytes.Contains(readFile(t, fsys, page), []byte(`class=packet-pdf`)) || bytes.Contains(readFile(t, fsys, page), []byte(`class="packet-pdf"`))
	}
	if hasLink() {
		t.Fatal("a download link before any print")
	}
	f := &fakePrinter{}
	if _, err := PrintPDFs(context.Background(), fsys, o, targets, f.print); err != nil {
		t.Fatal(err)
	}
	build(t, fsys)
	if !hasLink() {
		t.Error("the printed packet's page offers no download")
	}
	if ok, _ := afero.Exists(fsys, pdfFile); !ok {
		t.Error("the PDF is not published")
	}
	if probs, _, err := check.PDFs(fsys, "site/public"); err != nil || len(probs) != 0 {
		t.Errorf("check: %v %v", probs, err)
	}

	md := "site/content/xi-jin-ping-zong-shu-ji-kao-cha.md"
	write(t, fsys, md, append(readFile(t, fsys, md), "\n会议要求，各级党组织要认真组织学习。\n"...))
	var log bytes.Buffer
	res, err := Build(context.Background(), fsys, Options{Source: "site", Log: &log})
	if err != nil {
		t.Fatal(err)
	}
	// The pages made again without the link are counted once, as build
	// reports them.
	published := tree(t, fsys, "site/public")
	htmlPages := 0
	for p := range published {
		if strings.HasSuffix(p, ".html") {
			htmlPages++
		}
	}
	if res.Files != len(published) || res.HTMLPages != htmlPages || res.PDFs != 0 {
		t.Errorf("build reports %d files, %d pages, %d PDFs; public/ holds %d files, %d pages", res.Files, res.HTMLPages, res.PDFs, len(published), htmlPages)
	}
	if hasLink() || !strings.Contains(log.String(), "warning: "+targets[0].PDF+" not published") {
		t.Errorf("after a change: link %v, log %q", hasLink(), log.String())
	}
	if ok, _ := afero.Exists(fsys, pdfFile); ok {
		t.Error("a stale PDF is published")
	}
}
