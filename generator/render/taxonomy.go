package render

import (
	"strconv"

	"github.com/studysite/studysite/generator/link"
	"github.com/studysite/studysite/generator/urls"
)

// TaxonomyData is a taxonomy page: the list of all tags (series, speakers)
// when Name is empty, else the documents of one of them.
type TaxonomyData struct {
	Kind    string // tags, series, speakers
	Title   string // 标签, 系列, 讲话人
	URL     string // the taxonomy's list page, root-relative
	Name    string
	Docs    []DocLink
	Total   int // documents of the entry, on all its pages
	Pager   *Pager
	Entries []TaxonomyRef
}

// TaxonomyRef is a tag, series or speaker as other pages list it.
type TaxonomyRef struct {
	Name  string
	URL   string // root-relative
	Href  string // URL relative to the page showing it (set on document pages)
	Count int
}

func taxonomyPages(site *link.Site, links docLinkTable) []job {
	var jobs []job
	for _, tx := range site.Taxonomies {
		if len(tx.Entries) == 0 {
			continue
		}
		index := &TaxonomyData{Kind: tx.Kind, Title: tx.Title, URL: urls.TaxonomyIndex(tx.Kind)}
		for _, e := range tx.Entries {
			index.Entries = append(index.Entries, TaxonomyRef{Name: e.Name, URL: e.URL(tx.Kind), Count: len(e.Pages)})
			// An entry's documents run ListPerPage a page: a tag of a
			// 20,000-document library may hold thousands.
			n := pageCount(len(e.Pages), ListPerPage)
			first := e.URL(tx.Kind)
			url := func(i int) string { return urls.ListPage(first, i) }
			for i := 1; i <= n; i++ {
				d := &TaxonomyData{Kind: tx.Kind, Title: tx.Title, URL: index.URL, Name: e.Name, Total: len(e.Pages), Pager: pagerFor(n, i, url)}
				for _, p := range e.Pages[(i-1)*ListPerPage : min(i*ListPerPage, len(e.Pages))] {
					d.Docs = append(d.Docs, links.of(p))
				}
				title := tx.Title + "：" + e.Name
				if i > 1 {
					title += "（第" + strconv.Itoa(i) + "页）"
				}
				jobs = append(jobs, job{path: url(i), kind: "taxonomy", data: &PageData{
					Title:       title,
					Description: tx.Title + "“" + e.Name + "”下的" + strconv.Itoa(len(e.Pages)) + "篇材料",
					linkData:    linkData{Taxonomy: d}}})
			}
		}
		jobs = append(jobs, job{path: index.URL, kind: "taxonomy", data: &PageData{
			Title: tx.Title, Description: "按" + tx.Title + "浏览全部材料", linkData: linkData{Taxonomy: index}}})
	}
	return jobs
}
