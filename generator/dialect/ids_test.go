package dialect

import (
	"reflect"
	"testing"

	"github.com/yuin/goldmark/ast"
)

func TestIDs(t *testing.T) {
	tests := []struct {
		name, md string
		want     []string // kind:id in document order
	}{
		{"sections and paragraphs", "## 一\n\n甲\n\n### 1\n\n乙\n\n### 2\n\n## 二\n\n丙", []string{"h:s1", "p:p1", "h:s1-1", "p:p2", "h:s1-2", "h:s2", "p:p3"}},
		{"a level-1 heading counts as a level-2 one", "# 甲\n\n## 乙\n\n# 丙", []string{"h:s1", "h:s2", "h:s3"}},
		{"a skipped level counts from zero", "## 一\n\n#### 深\n\n段", []string{"h:s1", "h:s1-0-1", "p:p1"}},
		{"paragraphs in quotes and loose lists", "> 引\n\n- 甲\n\n- 乙", []string{"p:p1", "p:p2", "p:p3"}},
		{"tight list items are no paragraphs", "- 甲\n- 乙", nil},
		{"before the first heading", "序\n\n## 一", []string{"p:p1", "h:s1"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			_ = ast.Walk(parse(tt.md), func(n ast.Node, entering bool) (ast.WalkStatus, error) {
				if !entering {
					return ast.WalkContinue, nil
				}
				switch n.Kind() {
				case ast.KindHeading:
					got = append(got, "h:"+ID(n))
				case ast.KindParagraph:
					got = append(got, "p:"+ID(n))
				}
				return ast.WalkContinue, nil
			})
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("ids %q, want %q", got, tt.want)
			}
		})
	}
}
