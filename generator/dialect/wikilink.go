package dialect

import (
	"bytes"
	"strings"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// KindWikiLink is the node kind of a [[…]] link.
var KindWikiLink = ast.NewNodeKind("WikiLink")

// WikiLink is a [[slug]], [[slug#p12]], [[slug#一、标题]], [[#s2]] or
// [[slug|label]] link. Which document it names is the site's business:
// the link stage resolves it (Resolution.WikiLinks).
type WikiLink struct {
	ast.BaseInline
	// Source is the whole [[…]] as written.
	Source text.Segment
	// Target is the part before |, spaces trimmed: slug, slug#fragment,
	// #fragment.
	Target string
	// Label is the part after |; HasLabel is false when there is none or
	// it is blank, and the site chooses the label.
	Label    text.Segment
	HasLabel bool
}

// Kind implements ast.Node.
func (n *WikiLink) Kind() ast.NodeKind { return KindWikiLink }

// Dump implements ast.Node.
func (n *WikiLink) Dump(source []byte, level int) {
	ast.DumpHelper(n, source, level, map[string]string{"Target": n.Target, "Label": string(n.Label.Value(source))}, nil)
}

// Slug and Fragment split the target at its first #: [[a#p2]] is a, p2;
// [[#s1]] is "", s1 (this document).
func (n *WikiLink) Slug() string {
	s, _, _ := strings.Cut(n.Target, "#")
	return strings.TrimSpace(s)
}

// Fragment is the part of the target after its first #, as written.
func (n *WikiLink) Fragment() string {
	_, f, _ := strings.Cut(n.Target, "#")
	return f
}

type wikiLinkParser struct{}

// NewWikiLinkParser parses [[…]] on one line: the target holds no [, ],
// | or line break, the label no [, ] or line break. [[x]](url) is left to
// goldmark's link parser, which makes it a link whose text is [x].
func NewWikiLinkParser() parser.InlineParser { return wikiLinkParser{} }

func (wikiLinkParser) Trigger() []byte { return []byte{'['} }

func (wikiLinkParser) Parse(_ ast.Node, block text.Reader, _ parser.Context) ast.Node {
	line, seg := block.PeekLine()
	end, pipe, ok := scanWikiLink(line)
	if !ok {
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
	block.Advance(end)
	return n
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
