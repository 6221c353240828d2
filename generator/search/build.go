package search

import (
	"github.com/studysite/studysite/generator/link"
	"github.com/studysite/studysite/generator/output"
)

// Build indexes a linked site and returns the index files to publish
// alongside the rendered pages.
func Build(site *link.Site) ([]output.File, Stats) {
	return NewIndex(site.Pages).Files()
}
