package render

import (
	"fmt"
	"sort"

	"github.com/studysite/studysite/generator/link"
	"github.com/studysite/studysite/generator/urls"
)

// SearchData is what the search page's filters offer: every tag and
// series (sorted) and every year (newest first) of the documents; and,
// for a reader without JavaScript, the ways into the library.
type SearchData struct {
	Tags, Series []string
	Years        []int
	WaysIn       []WayIn
}

// WayIn is a list page of the library: the archive, a year, the terms
// index, a taxonomy index.
type WayIn struct {
	Text, URL string // URL root-relative
}

// searchPages is the search page, search/index.html. Without JavaScript it
// links the archive, the years, the terms and the taxonomies (a list of
// every document would grow with the library: 385 KB at 2,000
// documents); search.js shows results for ?q=… in their place.
func searchPages(site *link.Site, _ docLinkTable) []job {
	tags, series, years := map[string]bool{}, map[string]bool{}, map[int]bool{}
	for _, p := range site.Pages {
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
	if len(site.Pages) > 0 {
		sd.WaysIn = append(sd.WaysIn, WayIn{Text: fmt.Sprintf("全部文档（%d 篇，按日期）", len(site.Pages)), URL: urls.Archive})
	}
	for _, y := range sd.Years {
		sd.WaysIn = append(sd.WaysIn, WayIn{Text: fmt.Sprintf("%d年", y), URL: urls.Year(y)})
	}
	if len(site.Terms) > 0 {
		sd.WaysIn = append(sd.WaysIn, WayIn{Text: "提法", URL: urls.TermsIndex})
	}
	for _, tx := range site.Taxonomies {
		if len(tx.Entries) > 0 {
			sd.WaysIn = append(sd.WaysIn, WayIn{Text: tx.Title, URL: urls.TaxonomyIndex(tx.Kind)})
		}
	}
	return []job{{path: urls.Search, kind: "search", data: &PageData{Title: "搜索", Search: &sd,
		Description: fmt.Sprintf("在%d篇学习材料的全文、标题和提法中搜索", len(site.Pages))}}}
}
