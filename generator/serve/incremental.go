package serve

import (
	"context"
	"sync"

	"github.com/spf13/afero"

	"github.com/studysite/studysite/generator/site"
)

// IncrementalBuilder rebuilds with site.Incremental: after an edit to one
// content file it parses that file again and renders and minifies only the
// pages whose data changed, keeping the rest in memory; a change to
// studysite.toml or themes/ reads the configuration and theme again, and a
// change under seeds/ imports (with all of import's hand-edit safety). The
// files it serves are those `studysite build` would write, byte for byte.
type IncrementalBuilder struct {
	mu    sync.Mutex
	state site.Incremental
}

// NewIncrementalBuilder builds the site folder of o on fsys.
func NewIncrementalBuilder(fsys afero.Fs, o site.Options) *IncrementalBuilder {
	return &IncrementalBuilder{state: site.Incremental{Fs: fsys, Options: o}}
}

// Build implements Builder.
func (b *IncrementalBuilder) Build(ctx context.Context, changed []string) (*Output, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	built, err := b.state.Build(ctx, changed)
	if err != nil {
		return nil, err
	}
	files := make(map[string][]byte, len(built.Files))
	for _, f := range built.Files {
		files[f.Path] = f.Data
	}
	return &Output{Site: NewSnapshot(files), Result: built.Result, Wrote: importWrites(built.Result)}, nil
}

// Stats say how much of the last build was redone.
func (b *IncrementalBuilder) Stats() site.IncrementalStats {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.state.Stats
}
