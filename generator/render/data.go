package render

import (
	"html/template"
	"strings"
	"time"

	"github.com/studysite/studysite/generator/config"
	"github.com/studysite/studysite/generator/content"
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
	assets      map[string]string
	linkData    // terms, taxonomies and a document's cross-links (terms.go)
}

// Rel turns a site-root-relative path into one relative to this page, so the
// same files work at /, under a subpath and from file://.
func (d *PageData) Rel(path string) string { return d.Root + path }

// Asset returns the relative URL of a theme asset by its unfingerprinted
// name ("style.css" → "../../assets/style.1a2b3c4d.css").
func (d *PageData) Asset(name string) string {
	if p, ok := d.assets[name]; ok {
		return d.Root + p
	}
	return d.Root + "assets/" + name
}

// Date is a document date shown in Chinese.
type Date struct{ t time.Time }

// ISO is the date for a datetime attribute.
func (d Date) ISO() string { return d.t.Format("2006-01-02") }

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
}

// DocData is a document page.
type DocData struct {
	DocLink
	Speaker    string
	Source     string
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

// DocURL is the root-relative URL of a document page.
func DocURL(slug string) string { return "docs/" + slug + "/index.html" }

func linkOf(p *content.Page) DocLink {
	return DocLink{Title: p.Meta.Title, Subtitle: p.Meta.Subtitle, Date: dateOf(p), URL: DocURL(p.Slug())}
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

func rootOf(path string) string {
	return strings.Repeat("../", strings.Count(path, "/"))
}
