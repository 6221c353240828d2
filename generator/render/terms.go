package render

import (
	"html"
	"html/template"
	"sort"
	"strconv"
	"strings"
	"unicode"

	"github.com/studysite/studysite/generator/content"
	"github.com/studysite/studysite/generator/link"
	"github.com/studysite/studysite/generator/urls"
)

// linkData is the part of PageData that the cross-link pages fill: a term
// page, the terms index, a taxonomy page; on a document page, the site and
// page let the "doc-links" partial ask for related documents and backlinks.
type linkData struct {
	Term      *TermData
	TermIndex *TermIndexData
	Taxonomy  *TaxonomyData
	site      *link.Site
	page      *content.Page
	links     docLinkTable
}

// KWICWidth is how many characters of context a term page shows on each
// side of an occurrence.
const KWICWidth = 30

// TermRef is a term as other pages list it.
type TermRef struct {
	Name     string
	URL      string // root-relative
	Href     string // URL relative to the page showing the reference
	Count    int    // occurrences (in the site, or in one document)
	Docs     int    // documents using it
	Category string
}

// TermData is a term page.
type TermData struct {
	TermRef
	Aliases    []string
	Definition string
	// Quote is the sentence where the corpus first uses the term, shown
	// when the glossary gives no definition.
	Quote *Quote
	// Groups are this page's documents: a term used in more than
	// TermDocsPerPage documents gets more pages.
	Groups []TermDocGroup
	Pager  *Pager
}

// TermDocsPerPage bounds how many documents one term page lists, so a term
// used across thousands of speeches does not make a page of megabytes.
const TermDocsPerPage = 50

// TermLinesPerPage bounds its occurrence lines (about 330 bytes each), so
// a term said a dozen times in every speech still makes pages under 100 KB.
const TermLinesPerPage = 200

// Pager links the pages of a term's occurrences.
type Pager struct {
	Current    int
	Pages      []PagerLink
	Prev, Next string // root-relative, "" at the ends
}

// PagerLink is one page of a pager, or a gap (…) standing for the pages
// between the numbers shown.
type PagerLink struct {
	N   int
	URL string
	Gap bool
}

// TermDocGroup is one document's occurrences of a term.
type TermDocGroup struct {
	Doc   DocLink
	Href  string // Doc.URL relative to the term page
	Count int
	Lines []KWICLine
	// LinesHTML is Lines as <li> elements. A term used across a large
	// corpus has tens of thousands of lines; writing them here rather than
	// through a template range is several times faster. A theme that wants
	// other markup ranges over Lines instead.
	LinesHTML template.HTML
}

// KWICLine is one occurrence in context, linking to its paragraph.
type KWICLine struct {
	URL string // root-relative: docs/<slug>/index.html#p12
	// Href is URL relative to the term page, ready for href: a term page
	// has thousands of lines, and one template call less per line counts.
	Href                 string
	N                    int // paragraph number
	Before, Match, After string
}

// Quote is a sentence quoted from a document paragraph.
type Quote struct {
	Text string
	URL  string // root-relative, to the paragraph
	N    int    // paragraph number
	Doc  DocLink
}

// TermIndexData is the terms index: the same terms by pinyin and by count.
type TermIndexData struct {
	ByPinyin []TermLetter
	ByCount  []TermRef
}

// TermLetter is the terms whose pinyin starts with Letter.
type TermLetter struct {
	Letter string
	Terms  []TermRef
}

func termRef(t *link.Term) TermRef {
	return TermRef{Name: t.Name, URL: urls.Term(t.Slug), Count: len(t.Occurrences), Docs: t.Documents, Category: t.Category}
}

func paragraphURL(o link.Occurrence) string {
	return urls.DocFragment(o.Page.Slug(), o.Para().ID)
}

func termPages(site *link.Site, c *Cache) []job {
	if len(site.Terms) == 0 {
		return nil
	}
	jobs := make([]job, 0, len(site.Terms)+1)
	idx := &TermIndexData{}
	for _, t := range site.Terms {
		for i, d := range c.termPage(t) {
			jobs = append(jobs, job{path: urls.TermPage(t.Slug, i+1), kind: "term", data: d})
		}
		r := termRef(t)
		letter := initial(t.Name)
		if n := len(idx.ByPinyin); n == 0 || idx.ByPinyin[n-1].Letter != letter {
			idx.ByPinyin = append(idx.ByPinyin, TermLetter{Letter: letter})
		}
		idx.ByPinyin[len(idx.ByPinyin)-1].Terms = append(idx.ByPinyin[len(idx.ByPinyin)-1].Terms, r)
		idx.ByCount = append(idx.ByCount, r)
	}
	// site.Terms is in pinyin order, so a stable sort keeps pinyin order
	// among terms with the same count.
	sort.SliceStable(idx.ByCount, func(i, j int) bool { return idx.ByCount[i].Count > idx.ByCount[j].Count })
	jobs = append(jobs, job{path: urls.TermsIndex, kind: "terms", data: &PageData{
		Title: "提法索引", Description: "全部提法及其出现次数", linkData: linkData{TermIndex: idx}}})
	return jobs
}

// termPage gives the pages of a term: definition or first-use quote, then
// its occurrences grouped by document, TermDocsPerPage documents a page.
func termPage(t *link.Term) []*PageData { return termPageWith(t, kwicLine, linkOf) }

// kwicLine is one occurrence as a term page lists it, Href left empty.
func kwicLine(o link.Occurrence) KWICLine {
	k := o.Context(KWICWidth)
	return KWICLine{URL: paragraphURL(o), N: o.Para().N, Before: k.Before, Match: k.Match, After: k.After}
}

// termPageWith is termPage with the lines and document links given by
// line and doc (a Cache keeps them from one build to the next).
func termPageWith(t *link.Term, line func(link.Occurrence) KWICLine, doc func(*content.Page) DocLink) []*PageData {
	var quote *Quote
	if t.Definition == "" && t.FirstUse != nil {
		o := *t.FirstUse
		quote = &Quote{Text: o.Sentence(), URL: paragraphURL(o), N: o.Para().N, Doc: doc(o.Page)}
	}
	var groups []TermDocGroup
	for _, o := range t.Occurrences {
		if n := len(groups); n == 0 || groups[n-1].Doc.URL != urls.Doc(o.Page.Slug()) {
			groups = append(groups, TermDocGroup{Doc: doc(o.Page)})
		}
		g := &groups[len(groups)-1]
		g.Lines = append(g.Lines, line(o))
		g.Count++
	}
	hrefs := func(page []TermDocGroup, root string) {
		var b strings.Builder
		for i := range page {
			b.Reset()
			for j := range page[i].Lines {
				l := &page[i].Lines[j]
				l.Href = root + l.URL
				writeKWIC(&b, l)
			}
			page[i].Href = root + page[i].Doc.URL
			page[i].LinesHTML = template.HTML(b.String())
		}
	}
	desc := t.Definition
	if desc == "" {
		desc = "“" + t.Name + "”在" + strconv.Itoa(t.Documents) + "篇材料中出现" + strconv.Itoa(len(t.Occurrences)) + "次"
	}
	chunks := termChunks(groups)
	n := len(chunks)
	url := func(i int) string { return urls.TermPage(t.Slug, i) }
	pages := make([]*PageData, n)
	for i := range pages {
		d := &TermData{TermRef: termRef(t), Aliases: t.Aliases, Definition: t.Definition, Quote: quote}
		d.Groups = chunks[i]
		hrefs(d.Groups, urls.Root(urls.TermPage(t.Slug, i+1)))
		title := t.Name
		d.Pager = pagerFor(n, i+1, url)
		if i > 0 {
			title += "（第" + strconv.Itoa(i+1) + "页）"
		}
		pages[i] = &PageData{Title: title, Description: desc, linkData: linkData{Term: d}}
	}
	return pages
}

// termChunks cuts a term's document groups into pages of at most
// TermDocsPerPage documents and TermLinesPerPage lines; a document with
// more lines than that continues on the next page under its title again.
func termChunks(groups []TermDocGroup) [][]TermDocGroup {
	var pages [][]TermDocGroup
	var cur []TermDocGroup
	lines := 0
	for _, g := range groups {
		for len(g.Lines) > 0 {
			if len(cur) == TermDocsPerPage || (lines > 0 && lines+len(g.Lines) > TermLinesPerPage) {
				pages, cur, lines = append(pages, cur), nil, 0
			}
			take := min(len(g.Lines), TermLinesPerPage-lines)
			part := g
			part.Lines = g.Lines[:take:take]
			cur = append(cur, part)
			lines += take
			g.Lines = g.Lines[take:]
		}
	}
	if len(cur) > 0 || len(pages) == 0 {
		pages = append(pages, cur)
	}
	return pages
}

// writeKWIC writes one line: the paragraph number, the context with the
// wording in <mark>, all one link to the paragraph.
func writeKWIC(b *strings.Builder, l *KWICLine) {
	b.WriteString(`<li><a href="`)
	b.WriteString(html.EscapeString(l.Href))
	b.WriteString(`"><span class="kwic-n">¶`)
	b.WriteString(strconv.Itoa(l.N))
	b.WriteString(`</span><span class="kwic-before">`)
	b.WriteString(html.EscapeString(l.Before))
	b.WriteString(`</span><mark>`)
	b.WriteString(html.EscapeString(l.Match))
	b.WriteString(`</mark><span class="kwic-after">`)
	b.WriteString(html.EscapeString(l.After))
	b.WriteString("</span></a></li>\n")
}

// initial is the index letter of a name: the first letter of its pinyin.
func initial(name string) string {
	for _, s := range link.Syllables(name) {
		r := []rune(s)[0]
		if unicode.IsLetter(r) {
			return strings.ToUpper(string(r))
		}
		return "#"
	}
	return "#"
}
