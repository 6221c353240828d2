// Package dialect is studysite's Markdown dialect as one goldmark
// extension: GFM tables, section and paragraph ids (s1, s1-2, p1 …),
// [[slug]] / [[slug#p12]] / [[slug|text]] links to other documents, ¶
// permalinks, and the links the site adds (term mentions, links to other
// content files).
//
// Parser side (pure: one document's bytes): the WikiLink inline parser
// (wikilink.go) and the tree transformer (transform.go; the ids it gives
// in ids.go). Renderer side (html.go): paragraphs with their ¶ permalink,
// and links drawn from a Resolution — what the site decided for this
// document's nodes (resolution.go), made by the link stage without
// touching the tree. Footnotes or 注释 would join here.
package dialect

import (
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/util"
)

// Option configures the dialect's renderer.
type Option func(*dialect)

// WithResolution renders a document with what the site decided for its
// nodes: [[links]] resolved, term mentions and links to content files.
// Without it, [[links]] show as written and no term is linked.
func WithResolution(r *Resolution) Option { return func(d *dialect) { d.resolution = r } }

type dialect struct{ resolution *Resolution }

// New is the dialect as a goldmark.Extender (without GFM tables; see
// Extensions).
func New(opts ...Option) goldmark.Extender {
	d := &dialect{}
	for _, o := range opts {
		o(d)
	}
	return d
}

// Extend registers the dialect's parsers, transformer and renderer.
func (d *dialect) Extend(m goldmark.Markdown) {
	m.Parser().AddOptions(
		// Before goldmark's link parser (200), which also starts at '['.
		parser.WithInlineParsers(util.Prioritized(NewWikiLinkParser(), 150)),
		parser.WithASTTransformers(util.Prioritized(NewTreeTransformer(), 100)),
	)
	m.Renderer().AddOptions(renderer.WithNodeRenderers(util.Prioritized(NewHTMLRenderer(d.resolution), 200)))
}

// Extensions are every goldmark extension of the content dialect: content
// parses with them, ingest counts with them and render renders with them,
// so all three agree.
func Extensions(opts ...Option) []goldmark.Extender {
	return []goldmark.Extender{extension.NewTable(cellAlignByTree), New(opts...)}
}

// NewRenderer is the HTML renderer that goldmark.New with Extensions(
// WithResolution(res)) renders with — goldmark's HTML, GFM tables, the
// dialect with res — plus the node renderers in more, with goldmark's HTML
// options opts. Building it costs a quarter of a whole goldmark.Markdown,
// whose parser a document rendered after parsing does not need.
func NewRenderer(res *Resolution, more []util.PrioritizedValue, opts ...renderer.Option) renderer.Renderer {
	nrs := append([]util.PrioritizedValue{
		util.Prioritized(html.NewRenderer(), 1000),
		util.Prioritized(extension.NewTableHTMLRenderer(cellAlignByTree), 500), // as Extensions registers it
		util.Prioritized(NewHTMLRenderer(res), 200),
	}, more...)
	r := renderer.NewRenderer(renderer.WithNodeRenderers(nrs...))
	r.AddOptions(opts...)
	return r
}

// cellAlignByTree leaves a table cell's alignment to the style attribute the
// tree transformer gives it: goldmark's own table renderer appends that
// attribute to the tree each time it renders, so a tree rendered twice (a
// rebuild) would say text-align twice.
var cellAlignByTree = extension.WithTableCellAlignMethod(extension.TableCellAlignNone)

// NewContext is the parser context a document is parsed in: any id goldmark
// makes on its own is unique and never the ASCII-only default.
func NewContext() parser.Context { return parser.NewContext(parser.WithIDs(&sectionIDs{})) }
