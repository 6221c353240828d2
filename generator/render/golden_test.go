package render

import (
	"bytes"
	"context"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/net/html"

	"github.com/studysite/studysite/generator/config"
	"github.com/studysite/studysite/generator/content"
	"github.com/studysite/studysite/generator/link"
	"github.com/studysite/studysite/generator/urls"
	"github.com/studysite/studysite/internal/htmltest"
	"github.com/studysite/studysite/themes"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// TestBodyGolden renders each testdata/*.md and compares the document body
// (headings with IDs, numbered paragraphs, tables, escaped raw HTML) with
// testdata/<name>.body.html. Run `go test ./generator/render -update` after
// an intended change and review the diff.
func TestBodyGolden(t *testing.T) {
	inputs, _ := filepath.Glob("testdata/*.md")
	if len(inputs) == 0 {
		t.Fatal("no golden inputs")
	}
	r, err := New(themes.Builtin("default"))
	if err != nil {
		t.Fatal(err)
	}
	for _, in := range inputs {
		t.Run(filepath.Base(in), func(t *testing.T) {
			data, err := os.ReadFile(in)
			if err != nil {
				t.Fatal(err)
			}
			page, err := content.Parse(in, data)
			if err != nil {
				t.Fatal(err)
			}
			site, err := link.Build(config.Default(), []*content.Page{page})
			if err != nil {
				t.Fatal(err)
			}
			files, err := r.Render(context.Background(), site)
			if err != nil {
				t.Fatal(err)
			}
			var docHTML []byte
			for _, f := range files {
				if f.Path == urls.Doc(page.Slug()) {
					docHTML = f.Data
				}
			}
			body := htmltest.One(t, htmltest.Parse(t, docHTML), ".doc-body")
			var got bytes.Buffer
			for c := body.FirstChild; c != nil; c = c.NextSibling {
				if err := html.Render(&got, c); err != nil {
					t.Fatal(err)
				}
			}
			golden := strings.TrimSuffix(in, ".md") + ".body.html"
			if *update {
				if err := os.WriteFile(golden, got.Bytes(), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run with -update to create it)", err)
			}
			if !bytes.Equal(got.Bytes(), want) {
				t.Errorf("body differs from %s (run with -update after checking):\n got: %s\nwant: %s", golden, got.Bytes(), want)
			}
		})
	}
}

// TestRawHTMLIsText: without markup.unsafeHTML, HTML in Markdown shows as
// text and never becomes an element.
func TestRawHTMLIsText(t *testing.T) {
	page, err := content.Parse("x.md", []byte("---\ntitle: t\nslug: t\n---\n\n<script>alert(1)</script>\n\n前 <img src=x onerror=alert(1)> 后\n"))
	if err != nil {
		t.Fatal(err)
	}
	site, _ := link.Build(config.Default(), []*content.Page{page})
	r, _ := New(themes.Builtin("default"))
	files, err := r.Render(context.Background(), site)
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range files {
		if f.Path != urls.Doc("t") {
			continue
		}
		n := htmltest.Parse(t, f.Data)
		body := htmltest.One(t, n, ".doc-body")
		if len(htmltest.All(t, body, "script, img")) != 0 {
			t.Error("raw HTML became elements")
		}
		text := htmltest.Text(t, body, ".pn")
		for _, want := range []string{"<script>alert(1)</script>", "<img src=x onerror=alert(1)>"} {
			if !strings.Contains(text, want) {
				t.Errorf("text %q does not show %q", text, want)
			}
		}
	}
}
