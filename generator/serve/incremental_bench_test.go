package serve

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"github.com/spf13/afero"

	"github.com/studysite/studysite/generator/site"
)

// BenchmarkIncrementalBuilder is the builder alone, without the browser or
// the watch: one sentence added to one document of the corpus, to the new
// set of files served. The medians are reported (wall and CPU time, and
// each stage's wall time: render and search run side by side), with how
// many pages were rendered and files minified again.
func BenchmarkIncrementalBuilder(b *testing.B) {
	dir, first := corpusSite(b)
	builder := NewIncrementalBuilder(afero.NewOsFs(), site.Options{Source: dir})
	if _, err := builder.Build(context.Background(), nil); err != nil {
		b.Fatal(err)
	}
	rel := "content/" + first + ".md"
	original, err := os.ReadFile(filepath.Join(dir, rel))
	if err != nil {
		b.Fatal(err)
	}
	var ms, cpu, parse, link, render, search, publish []float64
	var st site.IncrementalStats
	for i := 0; b.Loop(); i++ {
		data := string(original) + fmt.Sprintf("\n第%d次修改补充的一句话。\n", i+1)
		if err := os.WriteFile(filepath.Join(dir, rel), []byte(data), 0o644); err != nil {
			b.Fatal(err)
		}
		start, startCPU := time.Now(), cpuTime()
		if _, err := builder.Build(context.Background(), []string{rel}); err != nil {
			b.Fatal(err)
		}
		ms = append(ms, float64(time.Since(start).Microseconds())/1000)
		cpu = append(cpu, float64((cpuTime()-startCPU).Microseconds())/1000)
		st = builder.Stats()
		for _, d := range []struct {
			to *[]float64
			t  time.Duration
		}{{&parse, st.Times.Parse}, {&link, st.Times.Link}, {&render, st.Times.Render}, {&search, st.Times.Search}, {&publish, st.Times.Publish}} {
			*d.to = append(*d.to, float64(d.t.Microseconds())/1000)
		}
	}
	median := func(xs []float64) float64 { slices.Sort(xs); return xs[len(xs)/2] }
	b.ReportMetric(median(ms), "ms/edit-median")
	b.ReportMetric(median(cpu), "cpu-ms/edit-median")
	b.ReportMetric(median(parse), "ms/parse")
	b.ReportMetric(median(link), "ms/link")
	b.ReportMetric(median(render), "ms/render")
	b.ReportMetric(median(search), "ms/search")
	b.ReportMetric(median(publish), "ms/publish")
	b.ReportMetric(float64(st.Rendered), "pages-rendered")
	b.ReportMetric(float64(st.Minified), "files-minified")
}
