package dialect

import (
	"bytes"
	"reflect"
	"strings"
	"testing"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"

	"github.com/studysite/studysite/internal/htmltest"
)

// resolveAll decides as a site would: [[a…]] resolves, other targets do
// not; every 人民城市 in running text is a term mention; links to a.md go to
// a's page.
func resolveAll(doc ast.Node, src []byte) *Resolution {
	r := &Resolution{WikiLinks: map[*WikiLink]Target{}, Links: map[*ast.Link]string{}, Terms: map[*ast.Text][]TermMention{}}
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *WikiLink:
			if n.Slug() == "a" {
				r.WikiLinks[n] = Target{Href: "../../docs/a/index.html", Label: "《甲》"}
			}
		case *ast.Link:
			if string(n.Destination) == "a.md" {
				r.Links[n] = "../../docs/a/index.html"
			}
		case *ast.Text:
			v := n.Segment.Value(src)
			for off := 0; ; {
				i := bytes.Index(v[off:], []byte("人民城市"))
				if i < 0 {
					break
				}
				start := n.Segment.Start + off + i
				r.Terms[n] = append(r.Terms[n], TermMention{Start: start, Stop: start + len("人民城市"), Href: "../../terms/rmcs/index.html"})
				off += i + len("人民城市")
			}
		}
		if SkipForText(n) {
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	return r
}

type anchor struct{ Href, Class, Text string }

func TestRenderResolved(t *testing.T) {
	tests := []struct {
		name, md string
		links    []anchor // every link but the ¶ permalinks
		text     string   // what the paragraph reads, without its ¶ number
	}{
		{"document, site's label", "见[[a]]。", []anchor{{"../../docs/a/index.html", "xref", "《甲》"}}, "见《甲》。"},
		{"own label with markup", "见[[a|**重点**]]。", []anchor{{"../../docs/a/index.html", "xref", "重点"}}, "见重点。"},
		{"unresolved stays as written", "见[[b|乙]]和[[b]]。", nil, "见[[b|乙]]和[[b]]。"},
		{"terms around a link", "人民城市[[a]]人民城市", []anchor{
			{"../../terms/rmcs/index.html", "term", "人民城市"}, {"../../docs/a/index.html", "xref", "《甲》"}, {"../../terms/rmcs/index.html", "term", "人民城市"}}, "人民城市《甲》人民城市"},
		{"term inside a sentence", "建设人民城市，人民城市为人民。", []anchor{
			{"../../terms/rmcs/index.html", "term", "人民城市"}, {"../../terms/rmcs/index.html", "term", "人民城市"}}, "建设人民城市，人民城市为人民。"},
		{"no term inside a label", "[[a|人民城市]]", []anchor{{"../../docs/a/index.html", "xref", "人民城市"}}, "人民城市"},
		{"link to a content file", `见[原文](a.md "标题")与[网站](https://example.org/)。`, []anchor{
			{"../../docs/a/index.html", "", "原文"}, {"https://example.org/", "", "网站"}}, "见原文与网站。"},
		{"escapes in a label", `[[a|甲\*乙 &amp; 丙]]`, []anchor{{"../../docs/a/index.html", "xref", "甲*乙 & 丙"}}, "甲*乙 & 丙"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := []byte(tt.md)
			doc := parse(tt.md)
			md := goldmark.New(goldmark.WithExtensions(Extensions(WithResolution(resolveAll(doc, src)))...))
			var buf bytes.Buffer
			if err := md.Renderer().Render(&buf, src, doc); err != nil {
				t.Fatal(err)
			}
			page := htmltest.Parse(t, buf.Bytes())
			p := htmltest.One(t, page, "p#p1")
			pn := htmltest.One(t, p, "a.pn")
			if htmltest.Attr(pn, "href") != "#p1" || htmltest.TextOf(pn) != "1" {
				t.Errorf("¶ permalink %q reading %q, want #p1 reading 1", htmltest.Attr(pn, "href"), htmltest.TextOf(pn))
			}
			var got []anchor
			for _, a := range htmltest.All(t, p, "a:not(.pn)") {
				got = append(got, anchor{htmltest.Attr(a, "href"), htmltest.Attr(a, "class"), htmltest.TextOf(a)})
			}
			if !reflect.DeepEqual(got, tt.links) {
				t.Errorf("links %+v, want %+v\n%s", got, tt.links, buf.String())
			}
			if text := strings.TrimSpace(htmltest.Text(t, p, "a.pn")); text != tt.text {
				t.Errorf("reads %q, want %q", text, tt.text)
			}
			if len(htmltest.All(t, page, "a a")) > 0 {
				t.Errorf("a link inside a link:\n%s", buf.String())
			}
		})
	}
}

// NewRenderer renders exactly as the dialect's goldmark.Markdown does: it
// lists the extensions' node renderers a second time, and must not drift.
func TestNewRendererMatchesExtensions(t *testing.T) {
	md := "## 一、表\n\n| 甲 | 乙 |\n|:--|--:|\n| [[a]] | 人民城市 |\n\n见[[a|**重点**]]与[原文](a.md)，人民城市。\n\n- [ ] 项\n\n```go\nx\n```\n\n<b>raw</b>"
	src := []byte(md)
	doc := parse(md)
	res := resolveAll(doc, src)
	var want, got bytes.Buffer
	if err := goldmark.New(goldmark.WithExtensions(Extensions(WithResolution(res))...)).Renderer().Render(&want, src, doc); err != nil {
		t.Fatal(err)
	}
	if err := NewRenderer(res, nil).Render(&got, src, doc); err != nil {
		t.Fatal(err)
	}
	if got.String() != want.String() {
		t.Errorf("NewRenderer:\n%s\nthe extensions:\n%s", got.String(), want.String())
	}
	for _, part := range []string{`<td style="text-align:right">`, "<table>", `class="xref"`, `class="term"`, `<strong>重点</strong>`} {
		if !strings.Contains(want.String(), part) {
			t.Errorf("the sample lacks %s, so the comparison proves little:\n%s", part, want.String())
		}
	}
}
