package render

import (
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/util"

	"github.com/studysite/studysite/generator/content"
	"github.com/studysite/studysite/generator/dialect"
)

// newBodyRenderer builds the renderer of one document body: the content
// dialect with what the site decided for its links (res). unsafeHTML lets
// raw HTML in Markdown through; otherwise it is shown as text, so a
// transcript that quotes markup can never inject it into the site.
func newBodyRenderer(unsafeHTML bool, res *dialect.Resolution) renderer.Renderer {
	var opts []renderer.Option
	if unsafeHTML {
		opts = append(opts, html.WithUnsafe())
	}
	return dialect.NewRenderer(res, []util.PrioritizedValue{util.Prioritized(&bodyRenderer{unsafe: unsafeHTML}, 100)}, opts...)
}

// bodyRenderer renders remote images as links and, unless raw HTML is
// allowed, raw HTML as escaped text: what the site allows, not the
// dialect.
type bodyRenderer struct{ unsafe bool }

func (r *bodyRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(ast.KindImage, r.image)
	if !r.unsafe {
		reg.Register(ast.KindRawHTML, r.rawHTML)
		reg.Register(ast.KindHTMLBlock, r.htmlBlock)
	}
}

func (r *bodyRenderer) rawHTML(w util.BufWriter, source []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
	if entering {
		raw := n.(*ast.RawHTML)
		if content.IsHTMLComment(raw.Segments.Value(source)) {
			return ast.WalkSkipChildren, nil
		}
		for i := 0; i < raw.Segments.Len(); i++ {
			seg := raw.Segments.At(i)
			_, _ = w.Write(util.EscapeHTML(seg.Value(source)))
		}
	}
	return ast.WalkSkipChildren, nil
}

func (r *bodyRenderer) htmlBlock(w util.BufWriter, source []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkContinue, nil
	}
	lines := n.Lines()
	// A comment (Hexo's and Hugo's <!-- more -->) is invisible in a
	// browser; showing it as text would show the reader Markdown source.
	if b := n.(*ast.HTMLBlock); b.HTMLBlockType == ast.HTMLBlockType2 {
		var src []byte
		for i := 0; i < lines.Len(); i++ {
			seg := lines.At(i)
			src = append(src, seg.Value(source)...)
		}
		if b.HasClosure() {
			closure := b.ClosureLine
			src = append(src, closure.Value(source)...)
		}
		if content.IsHTMLComment(src) {
			return ast.WalkSkipChildren, nil
		}
	}
	// A div, not a p: it is not a numbered paragraph of the document.
	_, _ = w.WriteString(`<div class="raw-html">`)
	for i := 0; i < lines.Len(); i++ {
		seg := lines.At(i)
		_, _ = w.Write(util.EscapeHTML(seg.Value(source)))
	}
	if b := n.(*ast.HTMLBlock); b.HasClosure() {
		_, _ = w.Write(util.EscapeHTML(b.ClosureLine.Value(source)))
	}
	_, _ = w.WriteString("</div>\n")
	return ast.WalkSkipChildren, nil
}
