package site

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/spf13/afero"

	"github.com/studysite/studysite/internal/corpus"
)

// corpusDir returns a folder of Markdown documents for whole-build
// benchmarks (see corpus.Generated).
func corpusDir(b *testing.B) string {
	b.Helper()
	dir, found, err := corpus.Generated(filepath.Join("..", ".."))
	if err != nil {
		b.Fatal(err)
	}
	if !found {
		b.Skip("no corpus: set STUDYSITE_CORPUS to a folder of content .md files")
	}
	return dir
}

// loadCorpus copies a corpus of content files into a MemMapFs site.
func loadCorpus(b *testing.B, dir string) afero.Fs {
	b.Helper()
	fsys := afero.NewMemMapFs()
	entries, err := os.ReadDir(dir)
	if err != nil {
		b.Fatal(err)
	}
	for _, e := range entries {
		data, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			b.Fatal(err)
		}
		_ = afero.WriteFile(fsys, "site/content/"+e.Name(), data, 0o644)
	}
	return fsys
}

// BenchmarkBuildSeed is a whole build of the seed site, import included.
func BenchmarkBuildSeed(b *testing.B) {
	seed := readSeed(b)
	for b.Loop() {
		fsys := afero.NewMemMapFs()
		_ = afero.WriteFile(fsys, "site/seeds/"+seedFile, seed, 0o644)
		if _, err := Build(context.Background(), fsys, Options{Source: "site"}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkBuildCorpus is a whole build of the 2,000-document corpus in
// memory (no disk): load, link, render, minify, publish.
func BenchmarkBuildCorpus(b *testing.B) {
	fsys := loadCorpus(b, corpusDir(b))
	b.ResetTimer()
	for b.Loop() {
		if _, err := Build(context.Background(), fsys, Options{Source: "site"}); err != nil {
			b.Fatal(err)
		}
	}
}
