package dialect

import (
	"bytes"
	"strings"
	"testing"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"

	"github.com/studysite/studysite/internal/htmltest"
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

// TestSectionNumbers: the ids a reader cites (s2-1, p3) as the rendered
// page carries them, in document order.
func TestSectionNumbers(t *testing.T) {
	tests := []struct {
		name, md string
		want     string // the ids of the page's headings and paragraphs
	}{
		{"sections and subsections", "## 一\n\n甲\n\n### 甲\n\n### 乙\n\n## 二\n\n### 丙\n\n乙",
			"s1 p1 s1-1 s1-2 s2 s2-1 p2"},
		{"a level-1 heading is a top section", "# 一\n\n## 二\n\n### 三", "s1 s2 s2-1"},
		{"a new section restarts every deeper count", "## 一\n\n### 甲\n\n#### 子\n\n## 二\n\n### 甲\n\n#### 子",
			"s1 s1-1 s1-1-1 s2 s2-1 s2-1-1"},
		{"paragraphs count across sections", "甲\n\n## 一\n\n乙\n\n丙", "p1 s1 p2 p3"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var buf bytes.Buffer
			src := []byte(tt.md)
			md := goldmark.New(goldmark.WithExtensions(Extensions()...))
			if err := md.Renderer().Render(&buf, src, parse(tt.md)); err != nil {
				t.Fatal(err)
			}
			var ids []string
			for _, n := range htmltest.All(t, htmltest.Parse(t, buf.Bytes()), "h1, h2, h3, h4, h5, h6, p") {
				ids = append(ids, htmltest.Attr(n, "id"))
			}
			if got := strings.Join(ids, " "); got != tt.want {
				t.Errorf("ids %q, want %q\n%s", got, tt.want, buf.String())
			}
		})
	}
}
