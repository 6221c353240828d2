package render

import (
	"sort"

	"github.com/studysite/studysite/generator/link"
)

// TemplatesNeeded lists the theme templates the pages of site are rendered
// through, from the top of the theme: templates/base.html, then
// templates/<kind>.html for every kind of page the site has, sorted. The
// build checks them all before rendering (themes.CheckTemplates), so a
// theme lacking one fails with one message naming every missing file
// instead of halfway through. templates/archive.html is not needed: a theme
// without it gets no archive pages (see Render).
//
// It decides from the site's contents what the producers would make,
// without making the pages' data (55 ms at 2,000 documents, too slow for
// a rebuild in serve); TestTemplatesNeededMatchesPages holds the two
// together.
func TemplatesNeeded(site *link.Site) []string {
	kinds := append([]string{"search"}, requiredKinds...)
	if len(site.Terms) > 0 {
		kinds = append(kinds, "term", "terms")
	}
	for _, tx := range site.Taxonomies {
		if len(tx.Entries) > 0 {
			kinds = append(kinds, "taxonomy")
			break
		}
	}
	if len(site.Packets) > 0 {
		kinds = append(kinds, "packet", "packets")
	}
	files := make([]string, 0, len(kinds))
	for _, kind := range kinds {
		files = append(files, "templates/"+kind+".html")
	}
	sort.Strings(files)
	return append([]string{"templates/base.html"}, files...)
}
