package link

import (
	"bytes"
	"sort"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"
)

// mergeTexts joins runs of sibling Text nodes that are contiguous in the
// source into one node. goldmark splits text at every character that might
// open markup ([, *, …), so “[[slug]]” or a term next to a bracket arrives
// in pieces; joined, a wording is found wherever a reader sees it. The
// rendered HTML is unchanged: the joined node covers the same bytes.
func mergeTexts(root ast.Node) {
	var parents []ast.Node
	_ = ast.Walk(root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		if skipForText(n) {
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

// skipForText are the nodes whose text is never a mention or a [[link]]:
// code, raw HTML, existing links and images, and headings.
func skipForText(n ast.Node) bool {
	switch n.Kind() {
	case ast.KindCodeSpan, ast.KindCodeBlock, ast.KindFencedCodeBlock, ast.KindHTMLBlock,
		ast.KindRawHTML, ast.KindLink, ast.KindAutoLink, ast.KindImage, ast.KindHeading:
		return true
	}
	return false
}

// cut is a piece of a Text node to replace by a link.
type cut struct {
	start, end int // source offsets inside the node's segment
	link       *ast.Link
}

// replaceText replaces t by the text between cuts and the cuts' links.
// The last piece keeps t's line-break flags.
func replaceText(t *ast.Text, cuts []cut) {
	parent := t.Parent()
	pos := t.Segment.Start
	for _, c := range cuts {
		if c.start > pos {
			parent.InsertBefore(parent, t, piece(t, pos, c.start, false))
		}
		parent.InsertBefore(parent, t, c.link)
		pos = c.end
	}
	if pos < t.Segment.Stop || t.SoftLineBreak() || t.HardLineBreak() {
		parent.InsertBefore(parent, t, piece(t, pos, t.Segment.Stop, true))
	}
	parent.RemoveChild(parent, t)
}

func piece(t *ast.Text, start, stop int, last bool) *ast.Text {
	p := ast.NewTextSegment(text.NewSegment(start, stop))
	p.SetRaw(t.IsRaw())
	if last {
		p.SetSoftLineBreak(t.SoftLineBreak())
		p.SetHardLineBreak(t.HardLineBreak())
	}
	return p
}

// newLink makes a link node with a class and the given children.
func newLink(dest, class string, children ...ast.Node) *ast.Link {
	l := ast.NewLink()
	l.Destination = []byte(dest)
	l.SetAttributeString("class", []byte(class))
	for _, c := range children {
		l.AppendChild(l, c)
	}
	return l
}

// lines maps body offsets to file lines.
type lines struct {
	starts []int // offsets where a line begins
	first  int   // file line of offset 0
}

func newLines(body []byte, first int) lines {
	l := lines{starts: []int{0}, first: first}
	for i := bytes.IndexByte(body, '\n'); i >= 0; {
		l.starts = append(l.starts, i+1)
		j := bytes.IndexByte(body[i+1:], '\n')
		if j < 0 {
			break
		}
		i += 1 + j
	}
	return l
}

func (l lines) at(offset int) int {
	return l.first + sort.SearchInts(l.starts, offset+1) - 1
}

// nodeOffset is the source offset where an inline or block node starts.
func nodeOffset(n ast.Node) (int, bool) {
	if t, ok := n.(*ast.Text); ok {
		return t.Segment.Start, true
	}
	if n.Type() == ast.TypeBlock {
		if ls := n.Lines(); ls != nil && ls.Len() > 0 {
			return ls.At(0).Start, true
		}
	}
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		if off, ok := nodeOffset(c); ok {
			return off, true
		}
	}
	return 0, false
}
