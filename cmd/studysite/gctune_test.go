package main

import (
	"os"
	"path/filepath"
	"testing"
)

func TestLibrarySizeCountsContentAndSeeds(t *testing.T) {
	for _, c := range []struct {
		name  string
		files map[string]int // path → size
		want  int64
	}{
		{"no site", nil, 0},
		{"content and seeds", map[string]int{"content/a.md": 100, "content/b.md": 50, "seeds/x.txt": 7}, 157},
		{"other folders and nested files do not count", map[string]int{"content/a.md": 10, "public/index.html": 1000, "content/.backup/a.md": 500, "themes/t/x.css": 9}, 10},
	} {
		t.Run(c.name, func(t *testing.T) {
			dir := t.TempDir()
			for name, size := range c.files {
				p := filepath.Join(dir, filepath.FromSlash(name))
				if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(p, make([]byte, size), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			if got := librarySize(dir); got != c.want {
				t.Errorf("librarySize = %d, want %d", got, c.want)
			}
		})
	}
}
