package render

import (
	"sort"

	"github.com/studysite/studysite/generator/link"
)

// SearchData is what the search page's filters offer: every tag and
// series (sorted) and every year (newest first) of the documents.
type SearchData struct {
	Tags, Series []string
	Years        []int
}

// searchPages is the search page, search/index.html. It lists every
// document as a plain link so it is useful without JavaScript; search.js
// replaces the list with results for ?q=….
func searchPages(site *link.Site) []job {
	docs := make([]DocLink, 0, len(site.Pages))
	tags, series, years := map[string]bool{}, map[string]bool{}, map[int]bool{}
	for _, p := range site.Pages {
		docs = append(docs, linkOf(p))
		for _, t := range p.Meta.Tags {
			tags[t] = true
		}
		if p.Meta.Series != "" {
			series[p.Meta.Series] = true
		}
		if !p.Date.IsZero() {
			years[p.Date.Year()] = true
		}
	}
	var sd SearchData
	for t := range tags {
		sd.Tags = append(sd.Tags, t)
	}
	for s := range series {
		sd.Series = append(sd.Series, s)
	}
	for y := range years {
		sd.Years = append(sd.Years, y)
	}
	sort.Strings(sd.Tags)
	sort.Strings(sd.Series)
	sort.Sort(sort.Reverse(sort.IntSlice(sd.Years)))
	return []job{{path: "search/index.html", kind: "search", data: &PageData{Title: "搜索", Docs: docs, Search: &sd}}}
}
