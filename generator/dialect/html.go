package dialect

import (
	"strconv"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// HTMLRenderer renders the dialect: numbered paragraphs with their ¶
// permalink, [[links]], term links and links to content files. Links are
// written by goldmark's own link and text renderers, so a link the site
// adds looks exactly like one written in Markdown.
type HTMLRenderer struct {
	resolution *Resolution
	base       *html.Renderer
	text       renderer.NodeRendererFunc
	str        renderer.NodeRendererFunc
	link       renderer.NodeRendererFunc
}

// NewHTMLRenderer renders with what the site decided for one document (nil:
// nothing resolved).
func NewHTMLRenderer(r *Resolution) renderer.NodeRenderer {
	if r == nil {
		r = &Resolution{}
	}
	return &HTMLRenderer{resolution: r, base: html.NewRenderer().(*html.Renderer)}
}

// SetOption passes goldmark's HTML options (unsafe, XHTML …) to the
// renderer this one delegates to.
func (r *HTMLRenderer) SetOption(name renderer.OptionName, value any) {
	r.base.SetOption(name, value)
}

// RegisterFuncs implements renderer.NodeRenderer.
func (r *HTMLRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	r.base.RegisterFuncs(captured{r})
	reg.Register(ast.KindParagraph, r.paragraph)
	reg.Register(KindWikiLink, r.wikiLink)
	if len(r.resolution.Terms) > 0 {
		reg.Register(ast.KindText, r.textWithTerms)
	}
	if len(r.resolution.Links) > 0 {
		reg.Register(ast.KindLink, r.resolvedLink)
	}
}

// captured keeps goldmark's own renderers of text, strings and links.
type captured struct{ r *HTMLRenderer }

func (c captured) Register(k ast.NodeKind, f renderer.NodeRendererFunc) {
	switch k {
	case ast.KindText:
		c.r.text = f
	case ast.KindString:
		c.r.str = f
	case ast.KindLink:
		c.r.link = f
	}
}

func (r *HTMLRenderer) paragraph(w util.BufWriter, _ []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		_, _ = w.WriteString("</p>\n")
		return ast.WalkContinue, nil
	}
	id := ID(n)
	_, _ = w.WriteString("<p")
	if id != "" {
		num, _ := strconv.Atoi(id[1:])
		_, _ = w.WriteString(` id="`)
		_, _ = w.Write(util.EscapeHTML([]byte(id)))
		_, _ = w.WriteString(`"><a class="pn" href="#`)
		_, _ = w.Write(util.EscapeHTML([]byte(id)))
		_, _ = w.WriteString(`" title="第`)
		_, _ = w.WriteString(strconv.Itoa(num))
		_, _ = w.WriteString(`段">`)
		_, _ = w.WriteString(strconv.Itoa(num))
		_, _ = w.WriteString("</a>")
		return ast.WalkContinue, nil
	}
	_, _ = w.WriteString(">")
	return ast.WalkContinue, nil
}

// wikiLink writes a resolved [[link]] as a link of class xref, an
// unresolved one as the text it was written as.
func (r *HTMLRenderer) wikiLink(w util.BufWriter, source []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
	wl := n.(*WikiLink)
	t, ok := r.resolution.WikiLinks[wl]
	switch {
	case !ok && !wl.HasLabel:
		if entering {
			_, _ = r.text(w, source, ast.NewTextSegment(wl.Source), true)
		}
		return ast.WalkSkipChildren, nil
	case !ok && entering:
		_, _ = r.text(w, source, ast.NewTextSegment(wl.Opening()), true)
	case !ok:
		_, _ = r.text(w, source, ast.NewTextSegment(wl.Closing()), true)
	case !wl.HasLabel:
		if entering {
			s := ast.NewString([]byte(t.Label))
			s.SetRaw(true)
			r.writeLink(w, source, t.Href, "xref", s)
		}
		return ast.WalkSkipChildren, nil
	default:
		// The label is the node's children, rendered between.
		_, _ = r.link(w, source, newLink(t.Href, "xref"), entering)
	}
	return ast.WalkContinue, nil
}

func newLink(href, class string) *ast.Link {
	l := ast.NewLink()
	l.Destination = []byte(href)
	l.SetAttributeString("class", []byte(class))
	return l
}

// writeLink writes a link with a class around one label node.
func (r *HTMLRenderer) writeLink(w util.BufWriter, source []byte, href, class string, label ast.Node) {
	l := newLink(href, class)
	_, _ = r.link(w, source, l, true)
	if s, ok := label.(*ast.String); ok {
		_, _ = r.str(w, source, s, true)
	} else {
		_, _ = r.text(w, source, label, true)
	}
	_, _ = r.link(w, source, l, false)
}

// textWithTerms writes a text node with its term mentions as links of
// class term; the text after the last mention keeps the node's line break.
func (r *HTMLRenderer) textWithTerms(w util.BufWriter, source []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
	t := n.(*ast.Text)
	ms, ok := r.resolution.Terms[t]
	if !ok || !entering {
		return r.text(w, source, n, entering)
	}
	pos := t.Segment.Start
	for _, m := range ms {
		if m.Start > pos {
			_, _ = r.text(w, source, piece(t, pos, m.Start, false), true)
		}
		r.writeLink(w, source, m.Href, "term", piece(t, m.Start, m.Stop, false))
		pos = m.Stop
	}
	if pos < t.Segment.Stop || t.SoftLineBreak() || t.HardLineBreak() {
		_, _ = r.text(w, source, piece(t, pos, t.Segment.Stop, true), true)
	}
	return ast.WalkContinue, nil
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

// resolvedLink writes a link to a content file with the document URL the
// site gave it.
func (r *HTMLRenderer) resolvedLink(w util.BufWriter, source []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
	href, ok := r.resolution.Links[n.(*ast.Link)]
	if !ok || !entering {
		return r.link(w, source, n, entering)
	}
	l := n.(*ast.Link)
	shown := ast.NewLink()
	shown.Destination, shown.Title = []byte(href), l.Title
	for _, a := range l.Attributes() {
		shown.SetAttribute(a.Name, a.Value)
	}
	return r.link(w, source, shown, true)
}
