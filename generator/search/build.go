package search

import (
	"github.com/studysite/studysite/generator/link"
	"github.com/studysite/studysite/generator/output"
)

// Build indexes a linked site and returns the index files to publish
// alongside the rendered pages. The glossary's terms and aliases lead the
// suggestions offered when a query finds nothing.
func Build(site *link.Site) ([]output.File, Stats) {
	ix := NewIndex(site.Pages)
	var glossary []string
	for _, t := range site.Terms {
		glossary = append(glossary, t.Name)
		glossary = append(glossary, t.Aliases...)
	}
	ix.Vocab = mergeVocab(glossary, ix.Vocab)
	return ix.Files()
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
