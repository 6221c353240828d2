package link

import (
	"github.com/yuin/goldmark/ast"

	"github.com/studysite/studysite/generator/content"
)

// refreshParagraphs recomputes the plain text of paragraphs whose [[links]]
// became links, so occurrences, quotes and search see the label a reader
// sees rather than the [[slug|label]] markup.
func refreshParagraphs(p *content.Page, changed map[ast.Node]bool) {
	if len(changed) == 0 {
		return
	}
	i := 0
	_ = ast.Walk(p.AST, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n.Kind() {
		case ast.KindHeading:
			return ast.WalkSkipChildren, nil
		case ast.KindParagraph:
			if changed[n] && i < len(p.Paragraphs) {
				p.Paragraphs[i].Text = content.PlainText(n, p.Body)
			}
			i++
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
}
