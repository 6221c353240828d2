package site

import (
	"bytes"
	"context"
	"path"
	"strings"
	"testing"

	"github.com/studysite/studysite/internal/htmltest"
)

// TestIncrementalPacketPDFs: served by the incremental builder (studysite
// serve), a printed packet is offered for download while its documents are
// unchanged; once one of them is edited, no page links the old print and
// the print is not among the files, as with a plain build.
func TestIncrementalPacketPDFs(t *testing.T) {
	fsys := seedSite(t)
	build(t, fsys)
	o := Options{Source: "site"}
	targets, err := PrintTargets(fsys, o, nil, false)
	if err != nil || len(targets) != 1 {
		t.Fatalf("%v %+v", err, targets)
	}
	if _, err := PrintPDFs(context.Background(), fsys, o, targets, (&fakePrinter{}).print); err != nil {
		t.Fatal(err)
	}
	build(t, fsys)
	pdfFile := targets[0].PDF
	md := "content/xi-jin-ping-zong-shu-ji-kao-cha.md"
	b := &Incremental{Fs: fsys, Options: o}
	for _, step := range []struct {
		name      string
		edit      func() []string
		published bool
	}{
		{"printed, nothing changed", func() []string { return nil }, true},
		{"a document of the packet edited", func() []string {
			write(t, fsys, "site/"+md, append(readFile(t, fsys, "site/"+md), "\n会议要求，各级党组织要认真组织学习。\n"...))
			return []string{md}
		}, false},
		{"another build without a print", func() []string { return []string{md} }, false},
	} {
		got, err := b.Build(context.Background(), step.edit())
		if err != nil {
			t.Fatalf("%s: %v", step.name, err)
		}
		hasPDF, hasPage := false, false
		var links []string // pages with a download link, and where it points
		for _, f := range got.Files {
			hasPDF = hasPDF || f.Path == pdfFile
			hasPage = hasPage || f.Path == targets[0].Page
			if !strings.HasSuffix(f.Path, ".html") || !bytes.Contains(f.Data, []byte("packet-pdf")) {
				continue
			}
			for _, a := range htmltest.All(t, htmltest.Parse(t, f.Data), "a.packet-pdf") {
				links = append(links, f.Path+" → "+path.Join(path.Dir(f.Path), htmltest.Attr(a, "href")))
			}
		}
		if !hasPage {
			t.Errorf("%s: no %s among the %d files", step.name, targets[0].Page, len(got.Files))
		}
		if hasPDF != step.published {
			t.Errorf("%s: %s among the files: %v, want %v", step.name, pdfFile, hasPDF, step.published)
		}
		want := map[bool]int{false: 0, true: 2}[step.published] // the packet's page and the list of packets
		if len(links) != want {
			t.Errorf("%s: download links %v, want %d", step.name, links, want)
		}
		for _, l := range links {
			if !strings.HasSuffix(l, " → "+pdfFile) {
				t.Errorf("%s: a link to another file: %s", step.name, l)
			}
		}
		if got.Result.PDFs != map[bool]int{false: 0, true: 1}[step.published] {
			t.Errorf("%s: %d PDFs reported", step.name, got.Result.PDFs)
		}
	}
}
