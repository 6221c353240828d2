package render

import (
	"html/template"

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
}

// producers list every kind of page the site has. Each stage that adds page
// kinds (terms, taxonomies, search …) adds one function here, in its own file.
var producers = []func(*link.Site) []job{
	homePages,
	notFoundPages,
	docPages,
	searchPages,
}

// funcs are the template functions every template may call.
var funcs = template.FuncMap{}

func homePages(site *link.Site) []job {
	var docs []DocLink
	for _, p := range site.Pages {
		docs = append(docs, linkOf(p))
	}
	return []job{{path: "index.html", kind: "home", data: &PageData{Docs: docs}}}
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
