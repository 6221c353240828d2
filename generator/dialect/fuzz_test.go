package dialect

import (
	"bytes"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
)

var anchorTag = regexp.MustCompile(`<a[ >]|</a>`)

// FuzzWikiLinkParser feeds any text to the dialect: it must never panic;
// every [[link]] must be one line of the source from [[ to ]], with a
// target free of brackets and bars, and never inside a heading, a link or
// an image; paragraphs are numbered p1, p2 … in order; rendered with every
// [[link]] resolved, no link is ever inside another.
func FuzzWikiLinkParser(f *testing.F) {
	for _, s := range []string{
		"见[[a]]和[[a#p1|标签]]。", "[[", "[[]]", "[[|]]", "[[#]]", "[[a|]]", "[[a|**b**]]", "[[a|x`y]]z`",
		"*x [[a|y*]] z*", "[x [[a]] y](u)", "[[a]](u)", "[[a]][[b]]", "[[[a]]]", "\\[[a]]", "## [[a|b]]",
		"![[[a]]](i.png)", "[[x]]\n\n[x]: /u", "| [[a|b]] | c |\n|---|---|\n| d | e |", "> - [[a|_b_]]",
		"[[a|<span>b</span>]]", "[[a|<https://x.org>]]", "[[a|b]]\\\nc", "人民城市[[a]]人民城市",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, md string) {
		src := []byte(md)
		doc := parse(md)
		para := 0
		_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
			if !entering {
				return ast.WalkContinue, nil
			}
			switch n := n.(type) {
			case *WikiLink:
				v := n.Source.Value(src)
				if !bytes.HasPrefix(v, []byte("[[")) || !bytes.HasSuffix(v, []byte("]]")) || bytes.ContainsRune(v, '\n') {
					t.Fatalf("link source %q is not one line from [[ to ]]", v)
				}
				if strings.ContainsAny(n.Target, "[]|\n") {
					t.Fatalf("target %q holds a bracket, a bar or a line break", n.Target)
				}
				if n.HasLabel && (n.Label.Start <= n.Source.Start+2 || n.Label.Stop != n.Source.Stop-2) {
					t.Fatalf("label %v is not inside %v", n.Label, n.Source)
				}
				for p := n.Parent(); p != nil; p = p.Parent() {
					if k := p.Kind(); k == ast.KindHeading || k == ast.KindLink || k == ast.KindImage {
						t.Fatalf("a [[link]] inside a %s", k)
					}
				}
			case *ast.Paragraph:
				para++
				if id := ID(n); id != "p"+strconv.Itoa(para) {
					t.Fatalf("paragraph %d has id %q", para, id)
				}
			}
			return ast.WalkContinue, nil
		})
		for _, res := range []*Resolution{nil, resolveAll(doc, src)} {
			var buf bytes.Buffer
			md := goldmark.New(goldmark.WithExtensions(Extensions(WithResolution(res))...))
			if err := md.Renderer().Render(&buf, src, doc); err != nil {
				t.Fatal(err)
			}
			depth := 0
			for _, tag := range anchorTag.FindAll(buf.Bytes(), -1) {
				if tag[1] == '/' {
					depth--
				} else if depth++; depth > 1 {
					t.Fatalf("a link inside a link:\n%s", buf.String())
				}
			}
		}
	})
}
