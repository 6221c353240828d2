package render

import (
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/util"

	"github.com/studysite/studysite/generator/content"
	"github.com/studysite/studysite/generator/dialect"
)

// image renders a local image as goldmark does, and a remote one as a link
// reading its alt text: pages make no request to another site (the
// Content-Security-Policy forbids it too), and a reader can still follow
// the link to see the image.
func (r *bodyRenderer) image(w util.BufWriter, source []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkContinue, nil
	}
	n := node.(*ast.Image)
	dest := util.URLEscape(n.Destination, true)
	if !r.unsafe && html.IsDangerousURL(dest) {
		dest = nil
	}
	alt := []byte(content.PlainText(n, source))
	if content.IsRemoteURL(string(n.Destination)) {
		if len(alt) == 0 {
			alt = n.Destination
		}
		if insideLink(n) {
			// A link cannot hold another: the outer link's text it is.
			_, _ = w.Write(util.EscapeHTML(alt))
			return ast.WalkSkipChildren, nil
		}
		_, _ = w.WriteString(`<a class="remote-image" href="`)
		_, _ = w.Write(util.EscapeHTML(dest))
		_, _ = w.WriteString(`">`)
		_, _ = w.Write(util.EscapeHTML(alt))
		_, _ = w.WriteString("</a>")
		return ast.WalkSkipChildren, nil
	}
	_, _ = w.WriteString(`<img src="`)
	_, _ = w.Write(util.EscapeHTML(dest))
	_, _ = w.WriteString(`" alt="`)
	_, _ = w.Write(util.EscapeHTML(alt))
	_ = w.WriteByte('"')
	if n.Title != nil {
		_, _ = w.WriteString(` title="`)
		html.DefaultWriter.Write(w, n.Title)
		_ = w.WriteByte('"')
	}
	_ = w.WriteByte('>')
	return ast.WalkSkipChildren, nil
}

func insideLink(n ast.Node) bool {
	for p := n.Parent(); p != nil; p = p.Parent() {
		if p.Kind() == ast.KindLink || p.Kind() == ast.KindAutoLink || p.Kind() == dialect.KindWikiLink {
			return true
		}
	}
	return false
}
