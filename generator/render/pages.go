package render

import (
	"html/template"
	"strconv"

	"github.com/studysite/studysite/generator/content"
	"github.com/studysite/studysite/generator/link"
	"github.com/studysite/studysite/generator/urls"
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
// Term pages, the dearest to make, come from the Cache (Renderer.Render).
var producers = []func(*link.Site, docLinkTable) []job{
	homePages,
	archivePages,
	notFoundPages,
	docPages,
	taxonomyPages,
	searchPages,
}

// funcs are the template functions every template may call.
var funcs = template.FuncMap{}

// collectionsOf says which list each document's breadcrumbs lead to: its
// series, else its year's archive, else the archive of all documents.
func collectionsOf(site *link.Site) map[string]*CollectionRef {
	refs := map[string]*CollectionRef{}
	var series *link.Taxonomy
	for _, tx := range site.Taxonomies {
		if tx.Kind == "series" {
			series = tx
		}
	}
	for _, p := range site.Pages {
		switch {
		case series != nil && len(series.Of(p)) > 0:
			e := series.Of(p)[0]
			refs[p.Slug()] = &CollectionRef{URL: e.URL("series"), Name: e.Name}
		case !p.Date.IsZero():
			refs[p.Slug()] = &CollectionRef{URL: urls.Year(p.Date.Year()), Name: strconv.Itoa(p.Date.Year()) + "年"}
		default:
			refs[p.Slug()] = &CollectionRef{URL: urls.Archive, Name: "全部材料"}
		}
	}
	return refs
}

func notFoundPages(*link.Site, docLinkTable) []job {
	return []job{{path: urls.NotFound, kind: "404", data: &PageData{Title: "找不到页面", Description: "这个地址没有页面：可以从首页、提法索引或搜索找到要读的材料"}}}
}

func docPages(site *link.Site, _ docLinkTable) []job {
	jobs := make([]job, 0, len(site.Pages))
	for _, p := range site.Pages {
		jobs = append(jobs, job{path: urls.Doc(p.Slug()), kind: "doc", page: p})
	}
	return jobs
}
