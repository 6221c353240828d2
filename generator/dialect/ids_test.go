package dialect

import (
	"strings"
	"testing"

	"github.com/yuin/goldmark/ast"
)

// TestSectionIDsUnique: an ID goldmark asks for is never one already used.
func TestSectionIDsUnique(t *testing.T) {
	var ids sectionIDs
	ids.Put([]byte("h2"))
	ids.Put([]byte("h3"))
	var got []string
	for i := 0; i < 3; i++ {
		got = append(got, string(ids.Generate([]byte("x"), ast.KindHeading)))
	}
	if strings.Join(got, " ") != "h1 h4 h5" {
		t.Errorf("generated %v, want h1 h4 h5 (h2, h3 taken)", got)
	}
}
