package dialect

import (
	"strconv"
	"strings"

	"github.com/yuin/goldmark/ast"
)

// number sets the id attributes. goldmark's own heading ids keep only
// ASCII letters, so every Chinese heading would get id="heading"; section
// numbers are short, stable, and survive edits to the heading's wording.
// A level-1 heading in a body counts as a top section: the page title is
// the only h1 a reader sees.
func number(doc ast.Node) {
	var counters [7]int
	nPara := 0
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Heading:
			lvl := max(n.Level, 2)
			counters[lvl]++
			for i := lvl + 1; i < len(counters); i++ {
				counters[i] = 0
			}
			parts := make([]string, 0, lvl-1)
			for i := 2; i <= lvl; i++ {
				parts = append(parts, strconv.Itoa(counters[i]))
			}
			n.SetAttributeString("id", []byte("s"+strings.Join(parts, "-")))
			return ast.WalkSkipChildren, nil
		case *ast.Paragraph:
			nPara++
			n.SetAttributeString("id", []byte("p"+strconv.Itoa(nPara)))
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
}

// ID is the id the transformer gave a heading or paragraph ("" for none).
func ID(n ast.Node) string {
	v, _ := n.AttributeString("id")
	b, _ := v.([]byte)
	return string(b)
}

// sectionIDs is the parser.IDs of a document: any id goldmark makes on its
// own is unique and never the ASCII-only default; the transformer replaces
// heading ids with section numbers afterwards.
type sectionIDs struct {
	n    int
	used map[string]bool
}

func (s *sectionIDs) Generate(_ []byte, _ ast.NodeKind) []byte {
	for {
		s.n++
		id := "h" + strconv.Itoa(s.n)
		if !s.used[id] {
			s.Put([]byte(id))
			return []byte(id)
		}
	}
}

func (s *sectionIDs) Put(value []byte) {
	if s.used == nil {
		s.used = map[string]bool{}
	}
	s.used[string(value)] = true
}
