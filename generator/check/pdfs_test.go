package check

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"github.com/spf13/afero"

	"github.com/studysite/studysite/generator/pdf"
)

// onePagePDF is a minimal one-page PDF whose information dictionary
// records key as the page it was printed from.
func onePagePDF(key string) []byte {
	objs := []string{
		"<</Type /Catalog /Pages 2 0 R>>",
		"<</Type /Pages /Kids [3 0 R] /Count 1>>",
		"<</Type /Page /Parent 2 0 R /MediaBox [0 0 595 842]>>",
		"<</" + pdf.InfoKeyPage + "(" + key + ")/Title (packet)>>",
	}
	var b bytes.Buffer
	b.WriteString("%PDF-1.4\n")
	offsets := make([]int, len(objs))
	for i, o := range objs {
		offsets[i] = b.Len()
		fmt.Fprintf(&b, "%d 0 obj\n%s\nendobj\n", i+1, o)
	}
	xref := b.Len()
	fmt.Fprintf(&b, "xref\n0 %d\n0000000000 65535 f\r\n", len(objs)+1)
	for _, off := range offsets {
		fmt.Fprintf(&b, "%010d 00000 n\r\n", off)
	}
	fmt.Fprintf(&b, "trailer\n<</Size %d /Root 1 0 R /Info 4 0 R>>\nstartxref\n%d\n%%%%EOF\n", len(objs)+1, xref)
	return b.Bytes()
}

func TestPDFs(t *testing.T) {
	page := []byte(`<!doctype html><title>学习材料</title><article class="packet" data-packet="q1"><h1>学习材料</h1></article>`)
	page = bytes.Replace(page, []byte("<h1>"), []byte(`<p class="packet-tools"><button type="button">打印</button></p><h1>`), 1)
	// As the minifier publishes it: the space before the link kept.
	withLink := bytes.Replace(page, []byte("</button></p>"), []byte(`</button> <a class=packet-pdf href=../q1.pdf download>下载PDF</a></p>`), 1)
	changed := bytes.Replace(page, []byte("<h1>学习材料"), []byte("<h1>学习材料（修订）"), 1)
	cases := []struct {
		name  string
		files map[string][]byte
		want  string // in the one problem; "" for none
		found int    // PDFs the check counts (default 1)
	}{
		{"current", map[string][]byte{"packets/q1/index.html": page, "packets/q1.pdf": onePagePDF(pdf.PageKey(page))}, "", 0},
		{"current once the page links to it", map[string][]byte{"packets/q1/index.html": withLink, "packets/q1.pdf": onePagePDF(pdf.PageKey(page))}, "", 0},
		{"document PDF current", map[string][]byte{"docs/a/index.html": page, "docs/a/a.pdf": onePagePDF(pdf.PageKey(page))}, "", 0},
		{"page changed since printing", map[string][]byte{"packets/q1/index.html": changed, "packets/q1.pdf": onePagePDF(pdf.PageKey(page))}, "stale", 0},
		{"not a PDF", map[string][]byte{"packets/q1/index.html": page, "packets/q1.pdf": []byte("<html>error page</html>")}, "not a PDF", 0},
		{"page gone", map[string][]byte{"packets/q1.pdf": onePagePDF(pdf.PageKey(page))}, "no longer has", 0},
		// A file a document links (docs/a/attachment.pdf) is the author's,
		// not a print: left alone, and the next PDF is still checked.
		{"a document's own PDF passed over", map[string][]byte{"docs/a/index.html": page, "docs/a/attachment.pdf": []byte("not printed by us"), "docs/b/index.html": page, "docs/b/b.pdf": []byte("<html>error page</html>")}, "docs/b/b.pdf", 2},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			fsys := afero.NewMemMapFs()
			for name, data := range tc.files {
				if err := afero.WriteFile(fsys, "public/"+name, data, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			probs, n, err := PDFs(fsys, "public")
			if err != nil {
				t.Fatal(err)
			}
			if want := max(tc.found, 1); n != want {
				t.Errorf("counted %d PDFs, want %d", n, want)
			}
			switch {
			case tc.want == "" && len(probs) != 0:
				t.Errorf("problems %v, want none", probs)
			case tc.want != "" && (len(probs) != 1 || !strings.Contains(probs[0].String(), tc.want)):
				t.Errorf("problems %v, want one saying %q", probs, tc.want)
			}
		})
	}
}

// TestPDFsAllChecked: a problem with one PDF does not end the check; each
// PDF after it gets its own verdict.
func TestPDFsAllChecked(t *testing.T) {
	fsys := afero.NewMemMapFs()
	for name, data := range map[string][]byte{
		"packets/a.pdf": []byte("<html>error page</html>"),
		"packets/b.pdf": onePagePDF("x"),
		"packets/c.pdf": []byte("<html>error page</html>"),
	} {
		if err := afero.WriteFile(fsys, "public/"+name, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	probs, n, err := PDFs(fsys, "public")
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, p := range probs {
		got = append(got, p.Page+": "+p.Reason)
	}
	want := []string{"packets/a.pdf: not a PDF file", "packets/b.pdf: printed from a page the site no longer has", "packets/c.pdf: not a PDF file"}
	if n != 3 || strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("%d PDFs, problems:\n%s\nwant 3 PDFs, problems:\n%s", n, strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
