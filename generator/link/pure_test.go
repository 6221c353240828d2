package link

import (
	"bytes"
	"fmt"
	"reflect"
	"strings"
	"testing"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"

	"github.com/studysite/studysite/generator/config"
	"github.com/studysite/studysite/generator/content"
	"github.com/studysite/studysite/generator/dialect"
)

// pureFiles link to each other in every way: [[links]] with and without
// labels, links to content files, a link to this document, term mentions,
// and (for links = "warn") broken links.
var pureFiles = map[string]string{
	"content/a.md": doc("a", "2023-01-01", "tags: [\"甲\"]\n", "\n## 一、总体要求\n\n人民城市第一段[[b#p1]]。\n\n见[原文](b.md#二、重点任务)和[[#p1|上一段]]。\n"),
	"content/b.md": doc("b", "2023-02-01", "", "\n## 一、开头\n\n中国式现代化[[a]]与[[a#s1|**要求**]]。\n\n## 二、重点任务\n\n人民城市[[a#p2]]中国式现代化。\n"),
	"content/c.md": doc("c", "2023-03-01", "", "\n坏链[[nope]]和[[a#p9]]，[x](gone.md)。人民城市。\n"),
}

func pureConfig() config.Config {
	cfg := glossaryConfig("人民城市", "中国式现代化")
	cfg.Links = config.LinksWarn
	cfg.TermLinks = config.TermLinksAll
	return cfg
}

// snapshot is everything a page holds, its tree node by node included.
func snapshot(p *content.Page) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s %#v %v %q %d %d\n%#v\n%#v\n%#v\n", p.File, p.Meta, p.Date, p.Body, p.BodyLine, p.SlugLine, p.Headings, p.Paragraphs, p.Warnings)
	depth := 0
	_ = ast.Walk(p.AST, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			depth--
			return ast.WalkContinue, nil
		}
		depth++
		fmt.Fprintf(&b, "%s%s", strings.Repeat(" ", depth), n.Kind())
		for _, a := range n.Attributes() {
			fmt.Fprintf(&b, " %s=%v", a.Name, a.Value)
		}
		switch n := n.(type) {
		case *ast.Text:
			fmt.Fprintf(&b, " %v soft=%v hard=%v raw=%v", n.Segment, n.SoftLineBreak(), n.HardLineBreak(), n.IsRaw())
		case *ast.String:
			fmt.Fprintf(&b, " %q", n.Value)
		case *ast.Link:
			fmt.Fprintf(&b, " %q %q", n.Destination, n.Title)
		case *dialect.WikiLink:
			fmt.Fprintf(&b, " %v %q %v %v", n.Source, n.Target, n.Label, n.HasLabel)
		}
		b.WriteByte('\n')
		return ast.WalkContinue, nil
	})
	return b.String()
}

// TestBuildLeavesItsPagesUnchanged: link reads its pages, their trees and
// paragraphs, and writes none of them.
func TestBuildLeavesItsPagesUnchanged(t *testing.T) {
	pages := parsePages(t, pureFiles)
	var before []string
	for _, p := range pages {
		before = append(before, snapshot(p))
	}
	s, err := Build(pureConfig(), pages)
	if err != nil {
		t.Fatal(err)
	}
	if len(s.Warnings) == 0 {
		t.Fatal("the broken links gave no warning")
	}
	for i, p := range pages {
		if after := snapshot(p); after != before[i] {
			t.Errorf("%s changed by linking:\nbefore:\n%s\nafter:\n%s", p.File, before[i], after)
		}
	}
}

// view is what readers get from a Site: every body as HTML, paragraph
// texts, backlinks, terms with their occurrences, taxonomies, warnings.
func view(t *testing.T, s *Site) string {
	t.Helper()
	var b strings.Builder
	for _, p := range s.Pages {
		md := goldmark.New(goldmark.WithExtensions(dialect.Extensions(dialect.WithResolution(s.Resolution(p)))...))
		var body bytes.Buffer
		if err := md.Renderer().Render(&body, p.Body, p.AST); err != nil {
			t.Fatal(err)
		}
		fmt.Fprintf(&b, "== %s\n%s", p.Slug(), body.String())
		for _, para := range p.Paragraphs {
			fmt.Fprintf(&b, "%s: %s\n", para.ID, para.Text)
		}
		for _, bl := range s.Backlinks(p) {
			fmt.Fprintf(&b, "backlink %s#%s → #%s\n", bl.From.Slug(), bl.Paragraph, bl.Target)
		}
		for _, tc := range s.DocTerms(p) {
			fmt.Fprintf(&b, "term %s ×%d\n", tc.Term.Name, tc.Count)
		}
		for _, r := range s.Related(p) {
			fmt.Fprintf(&b, "related %s %.3f", r.Page.Slug(), r.Score)
			for _, t := range r.Shared {
				fmt.Fprintf(&b, " %s", t.Name)
			}
			b.WriteByte('\n')
		}
	}
	for _, term := range s.Terms {
		fmt.Fprintf(&b, "== term %s %s in %d documents\n", term.Name, term.Slug, term.Documents)
		if o := term.FirstUse; o != nil {
			fmt.Fprintf(&b, "first used %s ¶%d\n", o.Page.Slug(), o.Para().N)
		}
		for _, o := range term.Occurrences {
			fmt.Fprintf(&b, "%s ¶%d %q\n", o.Page.Slug(), o.Para().N, o.Context(10))
		}
	}
	for _, tx := range s.Taxonomies {
		for _, e := range tx.Entries {
			fmt.Fprintf(&b, "%s %s %d\n", tx.Kind, e.Name, len(e.Pages))
		}
	}
	fmt.Fprintf(&b, "%q\n", s.Warnings)
	return b.String()
}

// TestBuildTwiceGivesTheSameSite: a second build over the same pages (as
// serve's rebuilds do) finds every link and backlink the first found.
func TestBuildTwiceGivesTheSameSite(t *testing.T) {
	pages := parsePages(t, pureFiles)
	first, err := Build(pureConfig(), pages)
	if err != nil {
		t.Fatal(err)
	}
	second, err := Build(pureConfig(), pages)
	if err != nil {
		t.Fatal(err)
	}
	v1, v2 := view(t, first), view(t, second)
	if v1 != v2 {
		t.Errorf("the second build differs:\nfirst:\n%s\nsecond:\n%s", v1, v2)
	}
	for _, want := range []string{`class="xref"`, `class="term"`, "backlink b#p2 → #p2", "backlink a#p1 → #p1", "backlink a#p2 → #s2"} {
		if !strings.Contains(v1, want) {
			t.Errorf("the site lacks %q, so this test proves nothing:\n%s", want, v1)
		}
	}
}

// A page whose [[link]] resolves reads its label in the Site; the page
// handed in keeps the text as written.
func TestResolvedTextIsTheSitesOwn(t *testing.T) {
	pages := parsePages(t, pureFiles)
	s, err := Build(pureConfig(), pages)
	if err != nil {
		t.Fatal(err)
	}
	got := []string{s.Page("b").Paragraphs[0].Text, pages[1].Paragraphs[0].Text}
	want := []string{"中国式现代化《标题a》与要求。", "中国式现代化[[a]]与[[a#s1|要求]]。"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("site and input texts %q, want %q", got, want)
	}
}
