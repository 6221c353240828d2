package dialect

import (
	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

type treeTransformer struct{}

// NewTreeTransformer settles a document's tree once it is parsed, so that
// nothing changes it afterwards:
//   - headings get hierarchical ids (s1, s1-2, …) and paragraphs running
//     ids (p1, p2, …), see ids.go;
//   - a [[…]] inside a heading, a link or an image, or with a link in its
//     label, is text as written;
//   - contiguous runs of text are one node, so a wording is found wherever
//     a reader sees it (goldmark splits text at every character that might
//     open markup);
//   - table cells carry their alignment as a style.
func NewTreeTransformer() parser.ASTTransformer { return treeTransformer{} }

func (treeTransformer) Transform(doc *ast.Document, _ text.Reader, _ parser.Context) {
	inertWikiLinks(doc)
	mergeTexts(doc)
	number(doc)
	alignCells(doc)
}

// alignCells writes each aligned table cell's alignment as its style, once,
// as goldmark's table renderer would on every render.
func alignCells(doc ast.Node) {
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if c, ok := n.(*east.TableCell); ok && entering && c.Alignment != east.AlignNone {
			style := "text-align:" + c.Alignment.String()
			if v, ok := c.AttributeString("style"); ok {
				if b, ok := v.([]byte); ok {
					style = string(b) + ";" + style
				}
			}
			c.SetAttributeString("style", []byte(style))
		}
		return ast.WalkContinue, nil
	})
}

// inertWikiLinks turns each [[…]] that cannot be a link (inside a heading,
// a link or an image, or with a link in its label: a link holds no other)
// back into the text it was written as.
func inertWikiLinks(doc ast.Node) {
	var inert []*WikiLink
	depth := 0
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		switch n.Kind() {
		case ast.KindHeading, ast.KindLink, ast.KindImage:
			if entering {
				depth++
			} else {
				depth--
			}
		case KindWikiLink:
			if entering && (depth > 0 || holdsLink(n)) {
				inert = append(inert, n.(*WikiLink))
			}
		}
		return ast.WalkContinue, nil
	})
	for _, w := range inert {
		parent := w.Parent()
		if !w.HasLabel {
			parent.ReplaceChild(parent, w, ast.NewTextSegment(w.Source))
			continue
		}
		parent.InsertBefore(parent, w, ast.NewTextSegment(w.Opening()))
		for c := w.FirstChild(); c != nil; {
			next := c.NextSibling()
			parent.InsertBefore(parent, w, c)
			c = next
		}
		parent.ReplaceChild(parent, w, ast.NewTextSegment(w.Closing()))
	}
}

func holdsLink(n ast.Node) bool {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		if k := c.Kind(); k == ast.KindLink || k == ast.KindAutoLink || holdsLink(c) {
			return true
		}
	}
	return false
}

// mergeTexts joins runs of sibling Text nodes that are contiguous in the
// source into one node. The rendered HTML is unchanged: the joined node
// covers the same bytes.
func mergeTexts(doc ast.Node) {
	var parents []ast.Node
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		if SkipForText(n) {
			return ast.WalkSkipChildren, nil
		}
		if n.Type() == ast.TypeBlock || n.Kind() == ast.KindEmphasis {
			parents = append(parents, n)
		}
		return ast.WalkContinue, nil
	})
	for _, parent := range parents {
		for c := parent.FirstChild(); c != nil; {
			a, ok := c.(*ast.Text)
			if !ok {
				c = c.NextSibling()
				continue
			}
			next := c.NextSibling()
			for b, ok := next.(*ast.Text); ok && joinable(a, b); b, ok = next.(*ast.Text) {
				a.Segment.Stop = b.Segment.Stop
				a.SetSoftLineBreak(b.SoftLineBreak())
				a.SetHardLineBreak(b.HardLineBreak())
				next = b.NextSibling()
				parent.RemoveChild(parent, b)
			}
			c = next
		}
	}
}

func joinable(a, b *ast.Text) bool {
	return a.Segment.Stop == b.Segment.Start && !a.SoftLineBreak() && !a.HardLineBreak() &&
		a.IsRaw() == b.IsRaw() && a.Segment.Padding == 0 && b.Segment.Padding == 0 &&
		!a.Segment.ForceNewline && !b.Segment.ForceNewline
}

// SkipForText are the nodes whose text is never a term mention: code, raw
// HTML, links of any kind, images, and headings.
func SkipForText(n ast.Node) bool {
	switch n.Kind() {
	case ast.KindCodeSpan, ast.KindCodeBlock, ast.KindFencedCodeBlock, ast.KindHTMLBlock,
		ast.KindRawHTML, ast.KindLink, ast.KindAutoLink, ast.KindImage, ast.KindHeading, KindWikiLink:
		return true
	}
	return false
}
