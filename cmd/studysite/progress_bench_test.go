package main

import (
	"context"
	"io"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/spf13/afero"

	"github.com/studysite/studysite/generator/site"
	"github.com/studysite/studysite/internal/corpus"
	"github.com/studysite/studysite/internal/sitetest"
)

// BenchmarkBuildProgress is a whole build in memory without a follower
// and with the progress bar drawing from the first moment (into
// io.Discard, as a terminal would take it): the bar must cost nothing
// measurable. The corpus is $STUDYSITE_CORPUS or the 2,000-document one
// when it is there, else the seed site.
func BenchmarkBuildProgress(b *testing.B) {
	fsys := afero.NewMemMapFs()
	dir, found, err := corpus.Generated(filepath.Join("..", ".."))
	if err != nil {
		b.Fatal(err)
	}
	if found {
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
	} else {
		sitetest.Write(b, fsys, "site", sitetest.Site{SeedAs: sitetest.SeedFile})
	}
	for _, withBar := range []bool{false, true} {
		name := map[bool]string{false: "none", true: "bar"}[withBar]
		b.Run(name, func(b *testing.B) {
			for b.Loop() {
				o := site.Options{Source: "site"}
				if withBar {
					bar := &barProgress{w: io.Discard, start: time.Now()}
					o.Progress, o.Log = bar, bar
				}
				if _, err := site.Build(context.Background(), fsys, o); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
