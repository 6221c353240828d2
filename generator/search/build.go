package search

import (
	"context"
	"time"

	"github.com/studysite/studysite/generator/link"
	"github.com/studysite/studysite/generator/output"
)

// Build indexes a linked site and returns the index files to publish
// alongside the rendered pages. The glossary's terms and aliases lead the
// suggestions offered when a query finds nothing. It stops with ctx's
// error when ctx is cancelled.
func Build(ctx context.Context, site *link.Site) ([]output.File, Stats, error) {
	return build(ctx, site, nil)
}

// BuildTo is Build handing the index files to emit as they are made
// (from several goroutines, the manifest last) instead of keeping them,
// so that a build need not hold the whole index at once.
func BuildTo(ctx context.Context, site *link.Site, emit func([]output.File) error) (Stats, error) {
	_, st, err := build(ctx, site, emit)
	return st, err
}

func build(ctx context.Context, site *link.Site, emit func([]output.File) error) ([]output.File, Stats, error) {
	start := time.Now()
	ix, err := BuildIndex(ctx, site.Pages)
	if err != nil {
		return nil, Stats{}, err
	}
	ix.Vocab = mergeVocab(glossary(site), ix.Vocab)
	indexTime := time.Since(start)
	files, st, err := ix.filesConsuming(ctx, emit)
	st.Index = indexTime
	return files, st, err
}

// mergeVocab puts first before rest, without duplicates, within MaxVocab.
func mergeVocab(first, rest []string) []string {
	seen := map[string]bool{}
	out := []string{}
	for _, list := range [][]string{first, rest} {
		for _, w := range list {
			if w = Display(w); w != "" && !seen[w] && len(out) < MaxVocab {
				seen[w] = true
				out = append(out, w)
			}
		}
	}
	return out
}
