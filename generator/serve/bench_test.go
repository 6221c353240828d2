package serve

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/studysite/studysite/internal/corpus"
)

// The authoring loop as felt in the browser, on the 2,000-document corpus
// ($STUDYSITE_CORPUS, a folder of content .md files, or generated into
// .cache/ as generator/site's benchmarks do): from the moment a file is
// saved to the DOMContentLoaded of the reloaded page, both on the
// browser's clock, with the IncrementalBuilder `studysite serve` uses.
// Run with -benchtime 20x for twenty edits; the median is reported as
// ms/edit-median, with the fastest and the slowest.

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

// corpusSite copies the corpus and the repository's studysite.toml into a
// new site folder and gives it and the first document's slug.
func corpusSite(b *testing.B) (dir, first string) {
	b.Helper()
	src := corpusDir(b)
	dir = b.TempDir()
	if err := os.MkdirAll(filepath.Join(dir, "content"), 0o755); err != nil {
		b.Fatal(err)
	}
	entries, err := os.ReadDir(src)
	if err != nil {
		b.Fatal(err)
	}
	for _, e := range entries {
		if !strings.HasSuffix(e.Name(), ".md") {
			continue
		}
		data, err := os.ReadFile(filepath.Join(src, e.Name()))
		if err != nil {
			b.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, "content", e.Name()), data, 0o644); err != nil {
			b.Fatal(err)
		}
		if first == "" {
			first = strings.TrimSuffix(e.Name(), ".md")
		}
	}
	cfg, err := os.ReadFile(filepath.Join("..", "..", "studysite.toml"))
	if err != nil {
		b.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "studysite.toml"), cfg, 0o644); err != nil {
		b.Fatal(err)
	}
	return dir, first
}

func benchEdits(b *testing.B, edit func(dir, first string, i int) (rel, data string)) {
	dir, first := corpusSite(b)
	ls := startLive(b, dir)
	var ms []float64
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		b.StopTimer()
		// One tab for the session, as an author keeps it; a new browser
		// only before the test harness's two-minute limit of one runs out
		// (a browser starting beside the build would slow it).
		if time.Since(ls.started) > time.Minute {
			ls.newBrowser()
		}
		ls.open("docs/" + first + "/")
		b.StartTimer()
		rel, data := edit(dir, first, i)
		saved := ls.write(rel, data)
		loaded := ls.waitReload()
		ms = append(ms, loaded-saved)
	}
	b.StopTimer()
	slices.Sort(ms)
	b.ReportMetric(ms[len(ms)/2], "ms/edit-median")
	b.ReportMetric(ms[0], "ms/edit-min")
	b.ReportMetric(ms[len(ms)-1], "ms/edit-max")
}

// BenchmarkServeContentEdit: one sentence added to one document.
func BenchmarkServeContentEdit(b *testing.B) {
	var original []byte
	benchEdits(b, func(dir, first string, i int) (string, string) {
		rel := "content/" + first + ".md"
		if original == nil {
			var err error
			if original, err = os.ReadFile(filepath.Join(dir, rel)); err != nil {
				b.Fatal(err)
			}
		}
		return rel, string(original) + fmt.Sprintf("\n第%d次修改补充的一句话。\n", i+1)
	})
}

// BenchmarkServeConfigEdit: the site's title changed in studysite.toml.
func BenchmarkServeConfigEdit(b *testing.B) {
	var original []byte
	benchEdits(b, func(dir, _ string, i int) (string, string) {
		if original == nil {
			var err error
			if original, err = os.ReadFile(filepath.Join(dir, "studysite.toml")); err != nil {
				b.Fatal(err)
			}
		}
		return "studysite.toml", fmt.Sprintf("title = \"学习材料 %d\"\n", i+1) + strings.Replace(string(original), "title = ", "# title = ", 1)
	})
}
