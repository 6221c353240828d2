package link_test

import (
	"testing"

	"github.com/studysite/studysite/generator/link"
	"github.com/studysite/studysite/internal/corpus"
)

// BenchmarkLink measures the link stage alone on 2,000 documents (or the
// site in $STUDYSITE_BENCH_SITE): parsing is outside the timer.
func BenchmarkLink(b *testing.B) {
	site, err := corpus.Load("../..", 2000)
	if err != nil {
		b.Fatal(err)
	}
	b.Logf("corpus: %s, %d documents, %d glossary entries", site.Origin, len(site.Names), len(site.Config.Glossary))
	for b.Loop() {
		b.StopTimer()
		pages, err := site.Parse()
		if err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		if _, err := link.Build(site.Config, pages); err != nil {
			b.Fatal(err)
		}
	}
}
