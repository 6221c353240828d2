package dialect

import (
	"bytes"
	"reflect"
	"strings"
	"testing"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"

	"github.com/studysite/studysite/internal/htmltest"
)

// parse parses src with the dialect.
func parse(src string) ast.Node {
	md := goldmark.New(goldmark.WithExtensions(Extensions()...))
	return md.Parser().Parse(text.NewReader([]byte(src)), parserContext())
}

// wikiLinks lists the [[links]] of a tree as target|label (label: the
// label's visible text, "-" when the link has none).
func wikiLinks(t *testing.T, doc ast.Node, src []byte) []string {
	t.Helper()
	var out []string
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if w, ok := n.(*WikiLink); ok && entering {
			label := "-"
			if w.HasLabel {
				label = visible(t, w, src)
			}
			out = append(out, w.Target+"|"+label)
		}
		return ast.WalkContinue, nil
	})
	return out
}

// visible is the text a reader sees in the HTML of n's children.
func visible(t *testing.T, n ast.Node, src []byte) string {
	t.Helper()
	// Inside a p, as on a page: an HTML parser drops the spaces that
	// start a document.
	buf := bytes.NewBufferString("<p>")
	r := goldmark.New(goldmark.WithExtensions(Extensions()...)).Renderer()
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		if err := r.Render(buf, src, c); err != nil {
			t.Fatal(err)
		}
	}
	buf.WriteString("</p>")
	return htmltest.TextOf(htmltest.One(t, htmltest.Parse(t, buf.Bytes()), "p"))
}

func TestWikiLinkParser(t *testing.T) {
	tests := []struct {
		name, md string
		want     []string
	}{
		{"document", "见[[shang-hai]]。", []string{"shang-hai|-"}},
		{"paragraph", "见[[shang-hai#p12]]。", []string{"shang-hai#p12|-"}},
		{"heading text", "见[[shang-hai#二、重点任务]]。", []string{"shang-hai#二、重点任务|-"}},
		{"this document", "上文[[#p3]]。", []string{"#p3|-"}},
		{"label", "见[[shang-hai|这篇讲话]]。", []string{"shang-hai|这篇讲话"}},
		{"label with markup", "见[[a|**重点**和`代码`]]。", []string{"a|重点和代码"}},
		{"label keeps later bars", "[[a|甲|乙]]", []string{"a|甲|乙"}},
		{"blank label", "[[a|  ]]", []string{"a|-"}},
		{"spaces trimmed from the target", "[[ a # p1 | 标签 ]]", []string{"a # p1| 标签 "}},
		{"two in a row", "[[a]][[b#p2]]", []string{"a|-", "b#p2|-"}},
		{"inside emphasis", "**人民[[a]]城市**", []string{"a|-"}},
		{"in a list item", "- 见[[a#p4]]", []string{"a#p4|-"}},
		{"in a table cell", "| 甲 | 乙 |\n|---|---|\n| [[a]] | 丙 |", []string{"a|-"}},
		{"in a quote", "> 引用[[b#p2|引文]]", []string{"b#p2|引文"}},
		{"brackets around one", "[[[a]]]", []string{"a|-"}},
		{"escaped", `\[[a]] \[\[a]]`, nil},
		{"in code", "`[[a]]`", nil},
		{"in a heading", "## 见[[a]]", nil},
		{"in a link's text", "[见[[a]]](https://example.org/)", nil},
		{"followed by a destination", "[[a]](https://example.org/)", nil},
		{"a reference definition wins", "[[x]]\n\n[x]: https://example.org/", nil},
		{"unclosed", "[[a 与 [[b", nil},
		{"unclosed at the end", "见[[甲乙", nil},
		{"one bracket at the end", "见[[甲]", nil},
		{"empty target at the end", "见[[]]", []string{"|-"}},
		{"empty target", "见[[]]。", []string{"|-"}},
		{"single bracket inside", "[[a]b]]", nil},
		{"across lines", "[[a\nb]]", nil},
		{"label swallowed by code", "[[a|x`y]]z`", nil},
		{"a link in the label", "[[a|见<https://example.org/>]]", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := wikiLinks(t, parse(tt.md), []byte(tt.md)); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("%q: links %q, want %q", tt.md, got, tt.want)
			}
		})
	}
}

// A [[link]] that is not one reads exactly as written: in a heading, in a
// link's text, or unresolved.
func TestWikiLinkReadsAsWritten(t *testing.T) {
	tests := []struct{ name, md, want string }{
		{"heading", "## 一、见[[a|**乙**]]", "一、见[[a|乙]]"},
		{"link text", "[见[[a]]](https://example.org/)", "见[[a]]"},
		{"unresolved", "见[[a]]与[[b|*乙*]]。", "见[[a]]与[[b|乙]]。"},
		{"unclosed label", "[[a|x`y]]z`", "[[a|xy]]z"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var buf bytes.Buffer
			src := []byte(tt.md)
			md := goldmark.New(goldmark.WithExtensions(Extensions()...))
			if err := md.Renderer().Render(&buf, src, parse(tt.md)); err != nil {
				t.Fatal(err)
			}
			if got := strings.TrimSpace(htmltest.Text(t, htmltest.Parse(t, buf.Bytes()), "a.pn")); got != tt.want {
				t.Errorf("%q reads %q, want %q", tt.md, got, tt.want)
			}
		})
	}
}
