package link_test

import (
	"testing"

	"github.com/studysite/studysite/generator/link"
	"github.com/studysite/studysite/internal/corpus"
)

// BenchmarkLink measures the link stage alone on 2,000 documents (or the
// site in $STUDYSITE_BENCH_SITE), parsed once.
func BenchmarkLink(b *testing.B) {
	site, err := corpus.Load("../..", 2000)
	if err != nil {
		b.Fatal(err)
	}
	b.Logf("corpus: %s, %d documents, %d glossary entries", site.Origin, len(site.Names), len(site.Config.Glossary))
	// Build leaves its pages as they were, so one parse serves every run.
	pages, err := site.Parse()
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if _, err := link.Build(site.Config, pages); err != nil {
			b.Fatal(err)
		}
	}
}
