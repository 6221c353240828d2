package render

import (
	"strings"

	"github.com/studysite/studysite/generator/content"
	"github.com/studysite/studysite/generator/urls"
)

// DocLinksData is the cross-link block under a document: the terms it uses,
// related documents, backlinks and its tags, series and speaker.
type DocLinksData struct {
	Terms     []TermRef
	Related   []RelatedDoc
	Backlinks []BacklinkGroup
	Taxa      []TaxonomyGroup
	// Packets are the study packets that hold the document.
	Packets []PacketRef
}

// RelatedDoc is a related document with the terms it shares.
type RelatedDoc struct {
	DocLink
	Href   string    // URL relative to the document page
	Shared []TermRef // the rarest MaxShared shared terms
	More   int       // how many more terms the documents share
}

// MaxShared is how many shared terms a related document shows; the rarest
// say most about why the two belong together.
const MaxShared = 5

// BacklinkGroup is one document linking here, with where its links point.
type BacklinkGroup struct {
	DocLink
	Href  string // URL relative to the document page
	Links []BacklinkItem
}

// BacklinkItem is one link: from which paragraph of the other document
// (FromURL, FromN; empty outside a paragraph) to what part of this one
// (Target: "¶12", a heading, or "" for the whole document).
type BacklinkItem struct {
	FromURL   string // relative to the document page
	FromN     string
	Target    string
	TargetURL string // fragment only: #p12
}

// TaxonomyGroup is the entries of one taxonomy a document belongs to.
type TaxonomyGroup struct {
	Title   string
	URL     string
	Href    string // URL relative to the document page
	Entries []TaxonomyRef
}

// DocLinks gives the cross-link block of a document page, nil on other pages.
func (d *PageData) DocLinks() *DocLinksData { return d.docLinks(d.Root) }

// docLinks is DocLinks with every Href root + URL. A page's cache key
// takes it with root "" (no string to make per link): the key holds the
// page's Root, from which the Hrefs follow.
func (d *PageData) docLinks(root string) *DocLinksData {
	if d.site == nil || d.page == nil {
		return nil
	}
	s, p := d.site, d.page
	out := &DocLinksData{}
	// Links are made relative here, not with $.Rel in the template: a
	// reflective call per link is most of the cost of this block.
	rel := func(u string) string { return root + u }
	for _, tc := range s.DocTerms(p) {
		r := termRef(tc.Term)
		r.Count = tc.Count
		r.Href = rel(r.URL)
		out.Terms = append(out.Terms, r)
	}
	for _, r := range s.Related(p) {
		rd := RelatedDoc{DocLink: d.links.of(r.Page)}
		rd.Href = rel(rd.URL)
		for i, t := range r.Shared {
			if i == MaxShared {
				rd.More = len(r.Shared) - MaxShared
				break
			}
			tr := termRef(t)
			tr.Href = rel(tr.URL)
			rd.Shared = append(rd.Shared, tr)
		}
		out.Related = append(out.Related, rd)
	}
	for _, b := range s.Backlinks(p) {
		n := len(out.Backlinks)
		if n == 0 || out.Backlinks[n-1].URL != urls.Doc(b.From.Slug()) {
			g := BacklinkGroup{DocLink: d.links.of(b.From)}
			g.Href = rel(g.URL)
			out.Backlinks = append(out.Backlinks, g)
		}
		it := BacklinkItem{}
		if b.Paragraph != "" {
			it.FromURL = rel(urls.DocFragment(b.From.Slug(), b.Paragraph))
			it.FromN = strings.TrimPrefix(b.Paragraph, "p")
		}
		if b.Target != "" {
			it.TargetURL = "#" + b.Target
			it.Target = targetLabel(p.Headings, b.Target)
		}
		g := &out.Backlinks[len(out.Backlinks)-1]
		g.Links = append(g.Links, it)
	}
	for _, tx := range s.Taxonomies {
		var g TaxonomyGroup
		for _, e := range tx.Of(p) {
			u := e.URL(tx.Kind)
			g.Entries = append(g.Entries, TaxonomyRef{Name: e.Name, URL: u, Href: rel(u), Count: len(e.Pages)})
		}
		if len(g.Entries) > 0 {
			g.Title, g.URL = tx.Title, urls.TaxonomyIndex(tx.Kind)
			g.Href = rel(g.URL)
			out.Taxa = append(out.Taxa, g)
		}
	}
	for _, pr := range packetRefsOf(s, p, d.packetPDFs) {
		pr.Href = rel(pr.URL)
		out.Packets = append(out.Packets, pr)
	}
	if len(out.Terms)+len(out.Related)+len(out.Backlinks)+len(out.Taxa)+len(out.Packets) == 0 {
		return nil
	}
	return out
}

func targetLabel(hs []content.Heading, id string) string {
	if strings.HasPrefix(id, "p") {
		return "¶" + strings.TrimPrefix(id, "p")
	}
	for _, h := range hs {
		if h.ID == id {
			return h.Text
		}
	}
	return id
}
