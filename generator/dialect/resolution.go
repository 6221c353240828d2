package dialect

import "github.com/yuin/goldmark/ast"

// Resolution is what the site decided for the nodes of one document, keyed
// by the nodes of its tree (which nobody changes after parsing): the link
// stage makes it, the renderer reads it.
type Resolution struct {
	// WikiLinks are the [[links]] that resolve; the others show as
	// written.
	WikiLinks map[*WikiLink]Target
	// Links are Markdown links to content files (other.md#一、标题), with
	// the document URL they point to.
	Links map[*ast.Link]string
	// Terms are the term mentions to link, by the text node holding them,
	// in text order.
	Terms map[*ast.Text][]TermMention
}

// Target is where a [[link]] points.
type Target struct {
	Href string // relative to the page showing the document
	// Label is shown when the link has none of its own: 《title》¶12.
	Label string
}

// TermMention is a mention of a term inside a text node.
type TermMention struct {
	Start, Stop int // source offsets, inside the node's segment
	Href        string
}
