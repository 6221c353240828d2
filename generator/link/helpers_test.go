package link

import (
	"bytes"
	"sort"
	"testing"

	"github.com/yuin/goldmark"
	"golang.org/x/net/html"

	"github.com/studysite/studysite/generator/config"
	"github.com/studysite/studysite/generator/content"
	"github.com/studysite/studysite/generator/dialect"
	"github.com/studysite/studysite/internal/htmltest"
)

// doc writes a content file: front matter lines, then the body.
func doc(slug, date string, fm string, body string) string {
	return "---\ntitle: 标题" + slug + "\nslug: " + slug + "\ndate: \"" + date + "\"\n" + fm + "---\n" + body
}

// parsePages parses files (name → text) in name order.
func parsePages(t *testing.T, files map[string]string) []*content.Page {
	t.Helper()
	names := make([]string, 0, len(files))
	for n := range files {
		names = append(names, n)
	}
	sort.Strings(names)
	var pages []*content.Page
	for _, n := range names {
		p, err := content.Parse(n, []byte(files[n]))
		if err != nil {
			t.Fatalf("parse %s: %v", n, err)
		}
		pages = append(pages, p)
	}
	return pages
}

// buildSite parses files (name → text) and links them.
func buildSite(t *testing.T, cfg config.Config, files map[string]string) (*Site, error) {
	t.Helper()
	return Build(cfg, parsePages(t, files))
}

func mustBuild(t *testing.T, cfg config.Config, files map[string]string) *Site {
	t.Helper()
	s, err := buildSite(t, cfg, files)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func glossaryConfig(terms ...string) config.Config {
	cfg := config.Default()
	for _, t := range terms {
		cfg.Glossary = append(cfg.Glossary, config.GlossaryEntry{Term: t})
	}
	return cfg
}

// anchor is a link as a reader sees it in the rendered body.
type anchor struct {
	Href, Class, Text string
	InHeading         bool
}

// anchors renders p's body with the dialect and what s decided for it, and
// lists its links but the ¶ permalinks every paragraph has.
func anchors(t *testing.T, s *Site, p *content.Page) []anchor {
	t.Helper()
	var buf bytes.Buffer
	md := goldmark.New(goldmark.WithExtensions(dialect.Extensions(dialect.WithResolution(s.Resolution(p)))...))
	if err := md.Renderer().Render(&buf, p.Body, p.AST); err != nil {
		t.Fatal(err)
	}
	root, err := html.Parse(&buf)
	if err != nil {
		t.Fatal(err)
	}
	var out []anchor
	var walk func(n *html.Node, inHeading bool)
	walk = func(n *html.Node, inHeading bool) {
		if n.Type == html.ElementNode {
			switch n.Data {
			case "h1", "h2", "h3", "h4", "h5", "h6":
				inHeading = true
			case "a":
				if htmltest.Attr(n, "class") == "pn" {
					return
				}
				out = append(out, anchor{Href: htmltest.Attr(n, "href"), Class: htmltest.Attr(n, "class"), Text: htmltest.TextOf(n), InHeading: inHeading})
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, inHeading)
		}
	}
	walk(root, false)
	return out
}

// termLinks lists the texts of the term links in a rendered body.
func termLinks(t *testing.T, s *Site, p *content.Page) []string {
	var out []string
	for _, a := range anchors(t, s, p) {
		if a.Class == "term" {
			out = append(out, a.Text)
		}
	}
	return out
}
