package render

import (
	"strings"

	"github.com/studysite/studysite/generator/content"
)

// DocLinksData is the cross-link block under a document: the terms it uses,
// related documents, backlinks and its tags, series and speaker.
type DocLinksData struct {
	Terms     []TermRef
	Related   []RelatedDoc
	Backlinks []BacklinkGroup
	Taxa      []TaxonomyGroup
}

// RelatedDoc is a related document with the terms it shares.
type RelatedDoc struct {
	DocLink
	Shared []TermRef
}

// BacklinkGroup is one document linking here, with where its links point.
type BacklinkGroup struct {
	DocLink
	Links []BacklinkItem
}

// BacklinkItem is one link: from which paragraph of the other document
// (FromURL, FromN; empty outside a paragraph) to what part of this one
// (Target: "¶12", a heading, or "" for the whole document).
type BacklinkItem struct {
	FromURL   string
	FromN     string
	Target    string
	TargetURL string // fragment only: #p12
}

// TaxonomyGroup is the entries of one taxonomy a document belongs to.
type TaxonomyGroup struct {
	Title   string
	URL     string
	Entries []TaxonomyRef
}

// DocLinks gives the cross-link block of a document page, nil on other pages.
func (d *PageData) DocLinks() *DocLinksData {
	if d.site == nil || d.page == nil {
		return nil
	}
	s, p := d.site, d.page
	out := &DocLinksData{}
	for _, tc := range s.DocTerms(p) {
		r := termRef(tc.Term)
		r.Count = tc.Count
		out.Terms = append(out.Terms, r)
	}
	for _, r := range s.Related(p) {
		rd := RelatedDoc{DocLink: linkOf(r.Page)}
		for _, t := range r.Shared {
			rd.Shared = append(rd.Shared, termRef(t))
		}
		out.Related = append(out.Related, rd)
	}
	for _, b := range s.Backlinks(p) {
		n := len(out.Backlinks)
		if n == 0 || out.Backlinks[n-1].URL != DocURL(b.From.Slug()) {
			out.Backlinks = append(out.Backlinks, BacklinkGroup{DocLink: linkOf(b.From)})
		}
		it := BacklinkItem{}
		if b.Paragraph != "" {
			it.FromURL = DocURL(b.From.Slug()) + "#" + b.Paragraph
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
			g.Entries = append(g.Entries, TaxonomyRef{Name: e.Name, URL: e.URL(tx.Kind), Count: len(e.Pages)})
		}
		if len(g.Entries) > 0 {
			g.Title, g.URL = tx.Title, taxonomyIndexURL(tx.Kind)
			out.Taxa = append(out.Taxa, g)
		}
	}
	if len(out.Terms)+len(out.Related)+len(out.Backlinks)+len(out.Taxa) == 0 {
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
