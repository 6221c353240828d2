package render

import (
	"fmt"
	"sort"

	"github.com/studysite/studysite/generator/link"
	"github.com/studysite/studysite/generator/urls"
)

// HomeData is the home page: what is new, then the ways into the library.
// Every list is bounded, so the page weighs the same at 20 documents and
// at 20,000; the archive pages list everything.
type HomeData struct {
	Latest []DocLink // the newest HomeLatest documents
	Total  int       // documents in the site
	// Ways in, each with a link to its full list when cut short.
	Series   []TaxonomyRef
	Tags     []TaxonomyRef
	Speakers []TaxonomyRef
	// More* say the list above was cut to HomeListMax (the most used).
	MoreSeries, MoreTags, MoreSpeakers bool
	Years                              []YearRef
	Terms                              []TermRef
	MoreTerms                          bool
	Packets                            []PacketRef
}

// HomeLatest is how many of the newest documents the home page shows.
const HomeLatest = 12

// HomeListMax bounds each list of ways in (series, tags, speakers, terms).
const HomeListMax = 24

func homePages(site *link.Site, links docLinkTable) []job {
	h := &HomeData{Total: len(site.Pages), Years: yearsOf(site)}
	for _, p := range site.Pages[:min(HomeLatest, len(site.Pages))] {
		h.Latest = append(h.Latest, links.of(p))
	}
	for _, tx := range site.Taxonomies {
		refs, more := topEntries(tx)
		switch tx.Kind {
		case "series":
			h.Series, h.MoreSeries = refs, more
		case "tags":
			h.Tags, h.MoreTags = refs, more
		case "speakers":
			h.Speakers, h.MoreSpeakers = refs, more
		}
	}
	terms := make([]TermRef, 0, len(site.Terms))
	for _, t := range site.Terms {
		terms = append(terms, termRef(t))
	}
	// The most used first; site.Terms is in pinyin order, kept among equals.
	sort.SliceStable(terms, func(i, j int) bool { return terms[i].Count > terms[j].Count })
	h.Terms, h.MoreTerms = terms[:min(HomeListMax, len(terms))], len(terms) > HomeListMax
	for _, pk := range site.Packets {
		h.Packets = append(h.Packets, packetRef(pk, nil))
	}
	return []job{{path: urls.Home, kind: "home", data: &PageData{Home: h, Description: homeDescription(site)}}}
}

// topEntries are a taxonomy's HomeListMax entries with the most documents,
// then in the taxonomy's order; more says some were left out.
func topEntries(tx *link.Taxonomy) ([]TaxonomyRef, bool) {
	refs := make([]TaxonomyRef, 0, len(tx.Entries))
	for _, e := range tx.Entries {
		refs = append(refs, TaxonomyRef{Name: e.Name, URL: e.URL(tx.Kind), Count: len(e.Pages)})
	}
	more := len(refs) > HomeListMax
	if more {
		sort.SliceStable(refs, func(i, j int) bool { return refs[i].Count > refs[j].Count })
		refs = refs[:HomeListMax]
	}
	return refs, more
}

// homeDescription is the site's own description, else one that says what
// the library holds (search engines and link previews show it).
func homeDescription(site *link.Site) string {
	if site.Config.Description != "" {
		return site.Config.Description
	}
	return fmt.Sprintf("%s：%d篇学习材料，按时间、系列、标签、年份和提法浏览，全文搜索", site.Config.Title, len(site.Pages))
}
