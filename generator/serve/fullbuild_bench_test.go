package serve

import (
	"context"
	"testing"

	"github.com/spf13/afero"

	"github.com/studysite/studysite/generator/site"
)

// BenchmarkFullBuilder is one whole rebuild as serve does it, without the
// browser: site.Build into memory, and the snapshot of its output.
func BenchmarkFullBuilder(b *testing.B) {
	dir, _ := corpusSite(b)
	builder := FullBuilder{Fs: afero.NewOsFs(), Options: site.Options{Source: dir}}
	for b.Loop() {
		if _, err := builder.Build(context.Background(), nil); err != nil {
			b.Fatal(err)
		}
	}
}
