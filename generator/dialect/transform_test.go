package dialect

import (
	"reflect"
	"testing"

	"github.com/yuin/goldmark/ast"
)

// TestTextRuns: text a reader sees as one run is one node, so the link
// stage finds a wording that goldmark's parser split at a character that
// might have opened markup; a line break or markup ends a run.
func TestTextRuns(t *testing.T) {
	tests := []struct {
		name, md string
		want     []string // the text nodes, in order
	}{
		{"brackets and stars", "人民[城市]建设*共享", []string{"人民[城市]建设*共享"}},
		{"inside emphasis", "**甲[乙]丙**", []string{"甲[乙]丙"}},
		{"in a list item", "- 甲_乙[丙", []string{"甲_乙[丙"}},
		{"a line break ends a run", "甲[乙\n丙]丁", []string{"甲[乙", "丙]丁"}},
		{"markup ends a run", "甲[乙*丙*丁]", []string{"甲[乙", "丙", "丁]"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := []byte(tt.md)
			var got []string
			_ = ast.Walk(parse(tt.md), func(n ast.Node, entering bool) (ast.WalkStatus, error) {
				if tx, ok := n.(*ast.Text); ok && entering {
					got = append(got, string(tx.Segment.Value(src)))
				}
				return ast.WalkContinue, nil
			})
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("%q: text nodes %q, want %q", tt.md, got, tt.want)
			}
		})
	}
}
