package link

import (
	"bytes"
	"sort"

	"github.com/yuin/goldmark/ast"
)

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
