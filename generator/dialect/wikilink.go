package dialect

import (
	"bytes"
	"strings"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// KindWikiLink is the node kind of a [[…]] link.
var KindWikiLink = ast.NewNodeKind("WikiLink")

// WikiLink is a [[slug]], [[slug#p12]], [[slug#一、标题]], [[#s2]] or
// [[slug|label]] link. A label is Markdown like a link's text: its
// inline nodes are the WikiLink's children. Which document the link names
// is the site's business: the link stage resolves it
// (Resolution.WikiLinks).
type WikiLink struct {
	ast.BaseInline
	// Source is the whole [[…]] as written.
	Source text.Segment
	// Target is the part before |, spaces trimmed: slug, slug#fragment,
	// #fragment.
	Target string
	// Label is the part after | as written; HasLabel is false when there
	// is none or it is blank, and the site chooses the label.
	Label    text.Segment
	HasLabel bool
}

// Kind implements ast.Node.
func (n *WikiLink) Kind() ast.NodeKind { return KindWikiLink }

// Dump implements ast.Node.
func (n *WikiLink) Dump(source []byte, level int) {
	ast.DumpHelper(n, source, level, map[string]string{"Target": n.Target, "Label": string(n.Label.Value(source))}, nil)
}

// Slug is the part of the target before its first #, spaces trimmed:
// [[a#p2]] is a; [[#s1]] is "" (this document).
func (n *WikiLink) Slug() string {
	s, _, _ := strings.Cut(n.Target, "#")
	return strings.TrimSpace(s)
}

// Fragment is the part of the target after its first #, as written.
func (n *WikiLink) Fragment() string {
	_, f, _ := strings.Cut(n.Target, "#")
	return f
}

// Opening is the [[target| before a label, as written.
func (n *WikiLink) Opening() text.Segment { return text.NewSegment(n.Source.Start, n.Label.Start) }

// Closing is the ]] after a label.
func (n *WikiLink) Closing() text.Segment { return text.NewSegment(n.Label.Stop, n.Source.Stop) }

// openWikiLink is a [[target| whose label is being parsed.
type openWikiLink struct {
	node   *WikiLink
	bottom ast.Node // the last delimiter before it
}

var openWikiLinksKey = parser.NewContextKey()

type wikiLinkParser struct{}

// NewWikiLinkParser parses [[…]] on one line: the target holds no [, ],
// | or line break, the label no [, ] or line break. [[x]](url) is left to
// goldmark's link parser, which makes it a link whose text is [x]. Like a
// link's text, a label is parsed as Markdown up to its ]]; a label whose
// ]] a code span or raw HTML swallows was no label, and reads as written.
func NewWikiLinkParser() parser.InlineParser { return wikiLinkParser{} }

func (wikiLinkParser) Trigger() []byte { return []byte{'[', ']'} }

func (wikiLinkParser) Parse(_ ast.Node, block text.Reader, pc parser.Context) ast.Node {
	line, seg := block.PeekLine()
	if len(line) > 0 && line[0] == ']' {
		return closeLabel(block, seg, pc)
	}
	end, pipe, ok := scanWikiLink(line)
	if !ok {
		return nil
	}
	if _, isRef := pc.Reference(util.ToLinkReference(line[2 : end-2])); isRef {
		// [[x]] under a [x]: url definition is CommonMark's link [x] in
		// brackets, as it always was.
		return nil
	}
	n := &WikiLink{Source: text.NewSegment(seg.Start, seg.Start+end)}
	targetEnd := end - 2
	if pipe >= 0 {
		targetEnd = pipe
		n.Label = text.NewSegment(seg.Start+pipe+1, seg.Start+end-2)
		n.HasLabel = len(bytes.TrimSpace(line[pipe+1:end-2])) > 0
	}
	n.Target = strings.TrimSpace(string(line[2:targetEnd]))
	if !n.HasLabel {
		block.Advance(end)
		return n
	}
	// The label's inline nodes follow as siblings until closeLabel
	// takes them in.
	open, _ := pc.Get(openWikiLinksKey).([]openWikiLink)
	pc.Set(openWikiLinksKey, append(open, openWikiLink{node: n, bottom: pc.LastDelimiter()}))
	block.Advance(pipe + 1)
	return n
}

// closeLabel ends the label of the open [[link]] whose ]] is here.
func closeLabel(block text.Reader, seg text.Segment, pc parser.Context) ast.Node {
	open, _ := pc.Get(openWikiLinksKey).([]openWikiLink)
	if len(open) == 0 {
		return nil
	}
	top := open[len(open)-1]
	if top.node.Label.Stop != seg.Start {
		return nil
	}
	pc.Set(openWikiLinksKey, open[:len(open)-1])
	parser.ProcessDelimiters(top.bottom, pc)
	n := top.node
	parent := n.Parent()
	for c := n.NextSibling(); c != nil; {
		next := c.NextSibling()
		parent.RemoveChild(parent, c)
		n.AppendChild(n, c)
		c = next
	}
	// Returned, it goes back where it was: every node after it is
	// now its child.
	parent.RemoveChild(parent, n)
	block.Advance(2)
	return n
}

// CloseBlock turns a [[target| whose ]] never came back into text.
func (wikiLinkParser) CloseBlock(_ ast.Node, _ text.Reader, pc parser.Context) {
	open, _ := pc.Get(openWikiLinksKey).([]openWikiLink)
	for _, o := range open {
		o.node.Parent().ReplaceChild(o.node.Parent(), o.node, ast.NewTextSegment(o.node.Opening()))
	}
	pc.Set(openWikiLinksKey, nil)
}

// scanWikiLink finds a [[…]] at the start of line: end is the offset just
// past its ]], pipe the offset of its | (-1 without a label).
func scanWikiLink(line []byte) (end, pipe int, ok bool) {
	if len(line) < 4 || line[0] != '[' || line[1] != '[' {
		return 0, 0, false
	}
	pipe = -1
	for i := 2; i < len(line); i++ {
		switch c := line[i]; {
		case c == '[' || c == '\n':
			return 0, 0, false
		case c == '|' && pipe < 0:
			pipe = i
		case c == ']':
			if i+1 >= len(line) || line[i+1] != ']' {
				return 0, 0, false
			}
			if i+2 < len(line) && line[i+2] == '(' {
				return 0, 0, false
			}
			return i + 2, pipe, true
		}
	}
	return 0, 0, false
}
