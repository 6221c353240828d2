package render

import (
	"html/template"
	"net/url"
	"strings"
	"time"

	"github.com/studysite/studysite/generator/config"
	"github.com/studysite/studysite/generator/content"
	"github.com/studysite/studysite/generator/urls"
)

// PageData is what every template receives.
type PageData struct {
	Site        config.Config
	Kind        string // home, doc, 404
	Title       string // page part of <title>; empty on the home page
	Description string
	Root        string // relative path from this page to the site root: "", "../../"
	Docs        []DocLink
	Doc         *DocData
	Search      *SearchData // the search page's filters
	Archive     *ArchiveData
	Home        *HomeData
	// Packet is a packet page; PacketsIndex the packets index.
	Packet       *PacketData
	PacketsIndex *PacketsIndexData
	// HasPackets says whether the site has packets, so the header links
	// the packets index.
	HasPackets bool
	// HasTerms says whether the site has a terms index to link.
	HasTerms   bool
	packetPDFs map[string]bool
	// Path is the page's file, relative to the site root.
	Path string
	// InlineAssets asks the layout to put CSS and JS into the page itself:
	// 404.html is served at any depth of a site, where relative asset links
	// would break; with a baseURL its links are absolute instead.
	InlineAssets bool
	assets       map[string]string
	inline       map[string]string
	linkData     // terms, taxonomies and a document's cross-links (terms.go)
}

// Canonical is the absolute URL of the page when the site has a baseURL.
func (d *PageData) Canonical() string {
	if d.Site.BaseURL == "" || d.Kind == "404" {
		return ""
	}
	return d.Site.BaseURL + urls.Folder(d.Path)
}

// AssetIf is like Asset for an optional asset: "" when the theme lacks it.
func (d *PageData) AssetIf(name string) string {
	if _, ok := d.assets[name]; !ok {
		return ""
	}
	return d.Asset(name)
}

// InlineCSS is the text of a stylesheet of the theme, for a <style>
// element; "" when the theme lacks it.
func (d *PageData) InlineCSS(name string) template.CSS { return template.CSS(d.inline[name]) }

// InlineIcon is the theme's favicon.svg as a data: URL, for a page that
// links no files (the 404 page): without an icon the browser asks the
// server for /favicon.ico, which is not there. "" when the theme lacks it.
func (d *PageData) InlineIcon() template.URL {
	svg, ok := d.inline["favicon.svg"]
	if !ok {
		return ""
	}
	return template.URL("data:image/svg+xml," + url.PathEscape(svg))
}

// InlineJS is the text of a script of the theme, for a <script> element.
func (d *PageData) InlineJS(name string) template.JS { return template.JS(d.inline[name]) }

// CollectionRef is the list a document's breadcrumbs lead to: its
// series, else its year, else the archive.
type CollectionRef struct{ URL, Name string }

// Rel turns a site-root-relative path into one relative to this page, so the
// same files work at /, under a subpath and from file://.
func (d *PageData) Rel(path string) string { return d.Root + path }

// Asset returns the relative URL of a theme asset by its unfingerprinted
// name ("style.css" → "../../assets/style.1a2b3c4d.css").
func (d *PageData) Asset(name string) string {
	if p, ok := d.assets[name]; ok {
		return d.Root + p
	}
	return d.Root + urls.Asset(name)
}

// Date is a document date shown in Chinese.
type Date struct{ t time.Time }

// ISO is the date for a datetime attribute.
func (d Date) ISO() string { return d.t.Format("2006-01-02") }

// MarshalText gives the date as ISO shows it: what a page's cache key
// (cache.go) reads of it.
func (d Date) MarshalText() ([]byte, error) { return []byte(d.ISO()), nil }

// Chinese is the date as readers write it: 2023年12月1日.
func (d Date) Chinese() string { return d.t.Format("2006年1月2日") }

func dateOf(p *content.Page) *Date {
	if p.Date.IsZero() {
		return nil
	}
	return &Date{p.Date}
}

// DocLink is a document as other pages list it.
type DocLink struct {
	Title    string
	Subtitle string
	Date     *Date
	URL      string // root-relative
	Summary  string // one line for lists
}

// DocData is a document page.
type DocData struct {
	DocLink
	Speaker    string
	Occasion   string
	Source     string
	Collection *CollectionRef
	TOC        []*TOCItem
	Body       template.HTML
	Prev, Next *DocLink
}

// TOCItem is a heading with the headings under it.
type TOCItem struct {
	ID, Text string
	Level    int
	Children []*TOCItem
}

func linkOf(p *content.Page) DocLink {
	return DocLink{
		Title:    typeset(p.Meta.Title),
		Subtitle: typeset(p.Meta.Subtitle),
		Date:     dateOf(p),
		URL:      urls.Doc(p.Slug()),
		Summary:  typeset(summaryOf(p, summaryRunes)),
	}
}

// summaryRunes is the length of a one-line summary on list pages.
const summaryRunes = 60

// summaryOf is the front matter summary, else the start of the first
// paragraph, cut to n characters.
func summaryOf(p *content.Page, n int) string {
	if s := strings.TrimSpace(p.Meta.Summary); s != "" {
		return s
	}
	if len(p.Paragraphs) > 0 {
		return truncate(p.Paragraphs[0].Text, n)
	}
	return ""
}

// typeset applies the text rules of docs/typography.md that need characters: a
// word joiner (U+2060) before each "——" so a dash never starts a line.
func typeset(s string) string {
	if !strings.Contains(s, "——") {
		return s
	}
	var b strings.Builder
	prev := rune(0)
	rs := []rune(s)
	for i, r := range rs {
		if r == '—' && i+1 < len(rs) && rs[i+1] == '—' && prev != '\u2060' && prev != '—' {
			b.WriteRune('\u2060')
		}
		b.WriteRune(r)
		prev = r
	}
	return b.String()
}

// buildTOC nests flat headings by level; a heading that skips a level
// nests under the nearest shallower one.
func buildTOC(hs []content.Heading) []*TOCItem {
	var root []*TOCItem
	var stack []*TOCItem
	for _, h := range hs {
		it := &TOCItem{ID: h.ID, Text: h.Text, Level: h.Level}
		for len(stack) > 0 && stack[len(stack)-1].Level >= h.Level {
			stack = stack[:len(stack)-1]
		}
		if len(stack) == 0 {
			root = append(root, it)
		} else {
			parent := stack[len(stack)-1]
			parent.Children = append(parent.Children, it)
		}
		stack = append(stack, it)
	}
	return root
}

// docLinkTable is each page of a Render as lists show it, made once per
// page (and kept by a Cache from one Render to the next): lists,
// neighbours, related documents and packets show a page by its DocLink,
// whose summary is cut from the page's first paragraph.
type docLinkTable map[*content.Page]DocLink

// of is p's DocLink.
func (t docLinkTable) of(p *content.Page) DocLink {
	if l, ok := t[p]; ok {
		return l
	}
	return linkOf(p)
}
