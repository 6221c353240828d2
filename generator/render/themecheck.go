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
func TemplatesNeeded(site *link.Site) []string {
	kinds := map[string]bool{}
	for _, produce := range producers {
		for _, j := range produce(site) {
			kinds[j.kind] = true
		}
	}
	for _, j := range (&Renderer{}).packetPages(site) {
		kinds[j.kind] = true
	}
	delete(kinds, "archive")
	var files []string
	for kind := range kinds {
		files = append(files, "templates/"+kind+".html")
	}
	sort.Strings(files)
	return append([]string{"templates/base.html"}, files...)
}
