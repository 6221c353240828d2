package render

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/xml"
	"strings"
	"time"

	"github.com/studysite/studysite/generator/link"
	"github.com/studysite/studysite/generator/output"
	"github.com/studysite/studysite/generator/urls"
)

// siteFiles make the files of the site that are not themed pages. Each
// returns its files; a stage that adds such files adds one function here.
var siteFiles = []func(*link.Site) ([]output.File, error){
	sitemap,
	atomFeed,
	robots,
	noJekyll,
}

// pageURL is a page's address in the sitemap and feed: absolute from the
// baseURL when there is one, else relative to the site root.
func pageURL(site *link.Site, root string) string {
	return site.Config.BaseURL + urls.Folder(root)
}

type urlset struct {
	XMLName xml.Name     `xml:"urlset"`
	NS      string       `xml:"xmlns,attr"`
	URLs    []sitemapURL `xml:"url"`
}

type sitemapURL struct {
	Loc     string `xml:"loc"`
	LastMod string `xml:"lastmod,omitempty"`
}

// sitemap lists every page for search engines. The sitemap protocol needs
// absolute URLs, so a site without a baseURL gets none.
func sitemap(site *link.Site) ([]output.File, error) {
	if site.Config.BaseURL == "" {
		return nil, nil
	}
	set := urlset{NS: "http://www.sitemaps.org/schemas/sitemap/0.9"}
	set.URLs = append(set.URLs, sitemapURL{Loc: pageURL(site, urls.Home)})
	for _, p := range site.Pages {
		u := sitemapURL{Loc: pageURL(site, urls.Doc(p.Slug()))}
		if !p.Date.IsZero() {
			u.LastMod = p.Date.Format("2006-01-02")
		}
		set.URLs = append(set.URLs, u)
	}
	data, err := marshalXML(set)
	return []output.File{{Path: urls.Sitemap, Data: data}}, err
}

type atomFeedXML struct {
	XMLName  xml.Name    `xml:"feed"`
	NS       string      `xml:"xmlns,attr"`
	Lang     string      `xml:"xml:lang,attr"`
	Title    string      `xml:"title"`
	Subtitle string      `xml:"subtitle,omitempty"`
	ID       string      `xml:"id"`
	Updated  string      `xml:"updated"`
	Links    []atomLink  `xml:"link"`
	Author   atomAuthor  `xml:"author"`
	Entries  []atomEntry `xml:"entry"`
}

type atomLink struct {
	Href string `xml:"href,attr"`
	Rel  string `xml:"rel,attr,omitempty"`
	Type string `xml:"type,attr,omitempty"`
}

type atomAuthor struct {
	Name string `xml:"name"`
}

type atomEntry struct {
	Title   string   `xml:"title"`
	ID      string   `xml:"id"`
	Updated string   `xml:"updated"`
	Link    atomLink `xml:"link"`
	Summary string   `xml:"summary,omitempty"`
}

// feedEntries is how many of the newest documents the feed carries.
const feedEntries = 50

// atomFeed is an Atom feed of the newest documents. Without a baseURL its
// links are relative to the feed, which Atom allows; IDs are URNs derived
// from the slugs, so they stay the same wherever the site is deployed.
func atomFeed(site *link.Site) ([]output.File, error) {
	f := atomFeedXML{
		NS:       "http://www.w3.org/2005/Atom",
		Lang:     site.Config.Language,
		Title:    site.Config.Title,
		Subtitle: site.Config.Description,
		ID:       urn("site:" + site.Config.Title),
		Updated:  feedTime(site.Config.SourceDate),
		Author:   atomAuthor{Name: site.Config.Title},
	}
	f.Links = []atomLink{
		{Href: pageURL(site, urls.Feed), Rel: "self", Type: "application/atom+xml"},
		{Href: pageURL(site, urls.Home), Rel: "alternate", Type: "text/html"},
	}
	if f.Links[1].Href == "" {
		f.Links[1].Href = "./"
	}
	for i, p := range site.Pages {
		if i == feedEntries {
			break
		}
		if i == 0 && !p.Date.IsZero() {
			f.Updated = feedTime(p.Date)
		}
		updated := p.Date
		if updated.IsZero() {
			updated = site.Config.SourceDate
		}
		f.Entries = append(f.Entries, atomEntry{
			Title:   p.Meta.Title,
			ID:      urn("doc:" + p.Slug()),
			Updated: feedTime(updated),
			Link:    atomLink{Href: pageURL(site, urls.Doc(p.Slug())), Rel: "alternate", Type: "text/html"},
			Summary: summaryOf(p, 200),
		})
	}
	data, err := marshalXML(f)
	return []output.File{{Path: urls.Feed, Data: data}}, err
}

// feedTime is a document date at midnight Beijing time; an undated
// document gets a fixed date so the feed stays byte-identical.
func feedTime(t time.Time) string {
	if t.IsZero() {
		// No date anywhere (and no SOURCE_DATE_EPOCH): a fixed one, never
		// the clock, so rebuilds are byte-identical.
		return "2000-01-01T00:00:00+08:00"
	}
	return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.FixedZone("CST", 8*3600)).Format(time.RFC3339)
}

func urn(s string) string {
	sum := sha256.Sum256([]byte(s))
	h := hex.EncodeToString(sum[:16])
	return "urn:uuid:" + h[0:8] + "-" + h[8:12] + "-" + h[12:16] + "-" + h[16:20] + "-" + h[20:32]
}

func marshalXML(v any) ([]byte, error) {
	var b bytes.Buffer
	b.WriteString(xml.Header)
	enc := xml.NewEncoder(&b)
	enc.Indent("", " ")
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	b.WriteByte('\n')
	return b.Bytes(), nil
}

// robots allows every crawler and points them at the sitemap when there is
// one.
func robots(site *link.Site) ([]output.File, error) {
	var b strings.Builder
	b.WriteString("User-agent: *\nAllow: /\n")
	if site.Config.BaseURL != "" {
		b.WriteString("\nSitemap: " + site.Config.BaseURL + urls.Sitemap + "\n")
	}
	return []output.File{{Path: urls.Robots, Data: []byte(b.String())}}, nil
}

// noJekyll tells GitHub Pages to serve the files as they are.
func noJekyll(*link.Site) ([]output.File, error) {
	return []output.File{{Path: urls.NoJekyll, Data: nil}}, nil
}
