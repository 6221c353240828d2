package render

import (
	"sort"
	"strconv"

	"github.com/studysite/studysite/generator/content"
	"github.com/studysite/studysite/generator/link"
	"github.com/studysite/studysite/generator/urls"
)

// ArchiveData is a page of the archive of all documents (archive/) or of
// one year's (years/2023/), newest first, ListPerPage a page.
type ArchiveData struct {
	Heading string // 全部材料, 2023年
	Total   int    // documents in the whole list, not only this page
	Docs    []DocLink
	Pager   *Pager
	// Years link every year's archive, newest first, with counts.
	Years []YearRef
	Year  int // the year shown; 0 on the archive of all documents
}

// YearRef is a year as the home page and the archive list it.
type YearRef struct {
	Year  int
	URL   string // root-relative
	Count int
}

// yearsOf lists the years of the documents, newest first, with counts.
func yearsOf(site *link.Site) []YearRef {
	count := map[int]int{}
	for _, p := range site.Pages {
		if !p.Date.IsZero() {
			count[p.Date.Year()]++
		}
	}
	out := make([]YearRef, 0, len(count))
	for y, n := range count {
		out = append(out, YearRef{Year: y, URL: urls.Year(y), Count: n})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Year > out[j].Year })
	return out
}

// archivePages are the numbered pages of all documents and of each year.
func archivePages(site *link.Site, links docLinkTable) []job {
	years := yearsOf(site)
	jobs := listJobs(site.Pages, links, urls.Archive, "archive", func(n int) *PageData {
		return &PageData{Title: "全部材料", Description: "按时间浏览全部" + strconv.Itoa(len(site.Pages)) + "篇材料",
			Archive: &ArchiveData{Heading: "全部材料", Total: len(site.Pages), Years: years}}
	})
	byYear := map[int][]*content.Page{}
	for _, p := range site.Pages {
		if !p.Date.IsZero() {
			byYear[p.Date.Year()] = append(byYear[p.Date.Year()], p)
		}
	}
	for _, y := range years {
		name := strconv.Itoa(y.Year) + "年"
		pages := byYear[y.Year]
		jobs = append(jobs, listJobs(pages, links, y.URL, "archive", func(n int) *PageData {
			return &PageData{Title: name + "的材料", Description: name + "的" + strconv.Itoa(len(pages)) + "篇材料",
				Archive: &ArchiveData{Heading: name, Total: len(pages), Years: years, Year: y.Year}}
		})...)
	}
	return jobs
}

// listJobs cuts pages into numbered list pages from first (…/index.html);
// data makes page n's PageData, whose Archive gets the page's documents
// and pager.
func listJobs(pages []*content.Page, links docLinkTable, first, kind string, data func(n int) *PageData) []job {
	n := pageCount(len(pages), ListPerPage)
	url := func(i int) string { return urls.ListPage(first, i) }
	jobs := make([]job, 0, n)
	for i := 1; i <= n; i++ {
		d := data(i)
		a := d.Archive
		for _, p := range pages[(i-1)*ListPerPage : min(i*ListPerPage, len(pages))] {
			a.Docs = append(a.Docs, links.of(p))
		}
		a.Pager = pagerFor(n, i, url)
		if i > 1 {
			d.Title += "（第" + strconv.Itoa(i) + "页）"
		}
		jobs = append(jobs, job{path: url(i), kind: kind, data: d})
	}
	return jobs
}
