package search

import (
	"context"
	"strings"
	"testing"

	"github.com/studysite/studysite/generator/content"
	"github.com/studysite/studysite/generator/frontmatter"
)

// TestDocumentTooLong: a document of more entries than search.js can
// number (EntryStride − 1) stops the index with an error naming the file,
// how many it has and the limit; one entry fewer is indexed. Hundreds of
// megabytes: not under -short, which make mutate runs.
func TestDocumentTooLong(t *testing.T) {
	if testing.Short() {
		t.Skip("a document of a million paragraphs")
	}
	for _, c := range []struct {
		paras int // with the title: the entries
		err   string
	}{
		{EntryStride - 2, ""},
		{EntryStride - 1, "content/huge.md: 1048576 paragraphs and headings, more than search can number (1048575)"},
	} {
		p := &content.Page{File: "content/huge.md", Meta: frontmatter.FrontMatter{Title: "汇编", Slug: "huge"},
			Paragraphs: make([]content.Paragraph, c.paras)}
		_, err := BuildIndex(context.Background(), []*content.Page{p})
		if c.err == "" && err != nil || c.err != "" && (err == nil || !strings.Contains(err.Error(), c.err)) {
			t.Errorf("%d paragraphs: error %v, want %q", c.paras, err, c.err)
		}
	}
}
