package render

import (
	"strconv"

	"github.com/studysite/studysite/generator/link"
)

// TaxonomyData is a taxonomy page: the list of all tags (series, speakers)
// when Name is empty, else the documents of one of them.
type TaxonomyData struct {
	Kind    string // tags, series, speakers
	Title   string // 标签, 系列, 讲话人
	URL     string // the taxonomy's list page, root-relative
	Name    string
	Docs    []DocLink
	Entries []TaxonomyRef
}

// TaxonomyRef is a tag, series or speaker as other pages list it.
type TaxonomyRef struct {
	Name  string
	URL   string // root-relative
	Href  string // URL relative to the page showing it (set on document pages)
	Count int
}

func taxonomyIndexURL(kind string) string { return kind + "/index.html" }

func taxonomyPages(site *link.Site) []job {
	var jobs []job
	for _, tx := range site.Taxonomies {
		if len(tx.Entries) == 0 {
			continue
		}
		index := &TaxonomyData{Kind: tx.Kind, Title: tx.Title, URL: taxonomyIndexURL(tx.Kind)}
		for _, e := range tx.Entries {
			index.Entries = append(index.Entries, TaxonomyRef{Name: e.Name, URL: e.URL(tx.Kind), Count: len(e.Pages)})
			d := &TaxonomyData{Kind: tx.Kind, Title: tx.Title, URL: index.URL, Name: e.Name}
			for _, p := range e.Pages {
				d.Docs = append(d.Docs, linkOf(p))
			}
			jobs = append(jobs, job{path: e.URL(tx.Kind), kind: "taxonomy", data: &PageData{
				Title:       tx.Title + "：" + e.Name,
				Description: tx.Title + "“" + e.Name + "”下的" + strconv.Itoa(len(e.Pages)) + "篇材料",
				linkData:    linkData{Taxonomy: d}}})
		}
		jobs = append(jobs, job{path: index.URL, kind: "taxonomy", data: &PageData{
			Title: tx.Title, Description: "按" + tx.Title + "浏览全部材料", linkData: linkData{Taxonomy: index}}})
	}
	return jobs
}
