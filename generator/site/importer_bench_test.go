package site

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/spf13/afero"
)

// BenchmarkImportCorpus imports a folder of raw transcripts in memory:
// $STUDYSITE_TXT_CORPUS, e.g. the txt/ folder of
// gencorpus.py --format both (2,000 documents).
func BenchmarkImportCorpus(b *testing.B) {
	dir := os.Getenv("STUDYSITE_TXT_CORPUS")
	if dir == "" {
		b.Skip("set STUDYSITE_TXT_CORPUS to a folder of .txt transcripts")
	}
	src := afero.NewMemMapFs()
	files, err := filepath.Glob(filepath.Join(dir, "*.txt"))
	if err != nil || len(files) == 0 {
		b.Fatalf("no .txt files in %s", dir)
	}
	var size int64
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		size += int64(len(data))
		_ = afero.WriteFile(src, filepath.Join("site", SeedsDir, filepath.Base(f)), data, 0o644)
	}
	b.SetBytes(size)
	b.ResetTimer()
	for b.Loop() {
		fsys := afero.NewCopyOnWriteFs(src, afero.NewMemMapFs())
		if _, err := Import(context.Background(), fsys, Options{Source: "site"}, ImportOptions{}); err != nil {
			b.Fatal(err)
		}
	}
}
