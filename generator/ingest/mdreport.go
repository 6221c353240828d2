package ingest

import (
	"bytes"
	"fmt"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	extast "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/text"

	"github.com/studysite/studysite/generator/content"
)

var markdownParser = goldmark.New(goldmark.WithExtensions(content.Extensions...)).Parser()

// reportMarkdownBody counts a Markdown body's headings, paragraphs and
// tables as the site will number them, and warns about every remote image:
// the site makes no request to another site, so such an image is shown as
// its alt text linking to it. bodyLine is the seed's line of body[0].
func reportMarkdownBody(body []byte, bodyLine int, rep *Report) {
	doc := markdownParser.Parse(text.NewReader(body))
	lineAt := func(off int) int { return bodyLine + bytes.Count(body[:off], []byte("\n")) }
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Heading:
			rep.Headings[n.Level]++
		case *ast.Paragraph:
			rep.Paragraphs++
		case *ast.Image:
			if content.IsRemoteURL(string(n.Destination)) {
				rep.Warnings = append(rep.Warnings, Warning{Line: lineAt(startOf(n)), Message: fmt.Sprintf(
					"remote image %s: the site requests nothing from other sites, so the page shows its alt text “%s” as a link to it", n.Destination, content.PlainText(n, body))})
			}
		case *extast.Table:
			rep.Tables++
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
}

// startOf is the offset of the first source text in or before an inline
// node, for its line.
func startOf(n ast.Node) int {
	for c := n; c != nil; c = c.Parent() {
		for t := c.FirstChild(); t != nil; t = t.NextSibling() {
			if tx, ok := t.(*ast.Text); ok {
				return tx.Segment.Start
			}
		}
		if c.Type() == ast.TypeBlock && c.Lines().Len() > 0 {
			return c.Lines().At(0).Start
		}
	}
	return 0
}
