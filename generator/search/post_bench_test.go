package search

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/studysite/studysite/generator/content"
	"github.com/studysite/studysite/internal/corpus"
)

// BenchmarkPostings tokenises and posts the 2,000-document corpus on
// every CPU: the largest stage of an index build.
func BenchmarkPostings(b *testing.B) {
	src, found, err := corpus.Generated(filepath.Join("..", ".."))
	if err != nil || !found {
		b.Skipf("no 2,000-document corpus (%v)", err)
	}
	files, err := filepath.Glob(filepath.Join(src, "*.md"))
	if err != nil {
		b.Fatal(err)
	}
	var pages []*content.Page
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		p, err := content.Parse(filepath.Base(f), data)
		if err != nil {
			b.Fatal(err)
		}
		pages = append(pages, p)
	}
	docs, entries, err := collect(pages)
	if err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for b.Loop() {
		if _, _, err := post(context.Background(), docs, entries, 2); err != nil {
			b.Fatal(err)
		}
	}
}
