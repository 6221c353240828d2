package render

import "github.com/studysite/studysite/generator/link"

// searchPages is the search page, search/index.html. It lists every
// document as a plain link so it is useful without JavaScript; search.js
// replaces the list with results for ?q=….
func searchPages(site *link.Site) []job {
	docs := make([]DocLink, 0, len(site.Pages))
	for _, p := range site.Pages {
		docs = append(docs, linkOf(p))
	}
	return []job{{path: "search/index.html", kind: "search", data: &PageData{Title: "搜索", Docs: docs}}}
}
