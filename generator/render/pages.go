package render

import (
	"html/template"
	"strconv"
	"strings"

	"github.com/studysite/studysite/generator/content"
	"github.com/studysite/studysite/generator/link"
)

// job is one HTML page to render: its output path, the template kind that
// renders it, and either ready data or the document it shows.
type job struct {
	path string
	kind string
	data *PageData
	page *content.Page
	// packet is a packet page's packet; its documents are rendered in
	// the worker, like a document page's body.
	packet *link.Packet
}

// producers list every kind of page the site has. Each stage that adds page
// kinds (terms, taxonomies, search …) adds one function here, in its own file.
var producers = []func(*link.Site) []job{
	homePages,
	notFoundPages,
	docPages,
	termPages,
	taxonomyPages,
	searchPages,
}

// funcs are the template functions every template may call.
var funcs = template.FuncMap{}

func homePages(site *link.Site) []job {
	var docs []DocLink
	for _, p := range site.Pages {
		docs = append(docs, linkOf(p))
	}
	cols, _ := collectionsOf(site)
	return []job{{path: "index.html", kind: "home", data: &PageData{Docs: docs, Collections: cols, Description: site.Config.Description}}}
}

// collectionsOf groups the documents by series, else by year, in reading
// order (newest first); it also says which collection each slug is in.
func collectionsOf(site *link.Site) ([]Collection, map[string]*CollectionRef) {
	var cols []Collection
	index := map[string]int{}
	refs := map[string]*CollectionRef{}
	for _, p := range site.Pages {
		name := collectionName(p)
		i, ok := index[name]
		if !ok {
			i = len(cols)
			index[name] = i
			cols = append(cols, Collection{ID: "c" + strconv.Itoa(i+1), Name: name})
		}
		cols[i].Docs = append(cols[i].Docs, linkOf(p))
		refs[p.Slug()] = &CollectionRef{ID: cols[i].ID, Name: name}
	}
	return cols, refs
}

func collectionName(p *content.Page) string {
	if s := strings.TrimSpace(p.Meta.Series); s != "" {
		return s
	}
	if p.Date.IsZero() {
		return "未注明日期"
	}
	return strconv.Itoa(p.Date.Year()) + "年"
}

func notFoundPages(*link.Site) []job {
	return []job{{path: "404.html", kind: "404", data: &PageData{Title: "找不到页面"}}}
}

func docPages(site *link.Site) []job {
	jobs := make([]job, 0, len(site.Pages))
	for _, p := range site.Pages {
		jobs = append(jobs, job{path: DocURL(p.Slug()), kind: "doc", page: p})
	}
	return jobs
}
