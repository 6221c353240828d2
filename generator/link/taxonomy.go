package link

import (
	"strings"

	"github.com/studysite/studysite/generator/content"
	"github.com/studysite/studysite/generator/urls"
)

// Taxonomy is one way front matter groups documents: tags, series or
// speaker.
type Taxonomy struct {
	Kind    string // URL folder: tags, series, speakers
	Title   string // 标签, 系列, 讲话人
	Entries []*TaxonomyEntry
	byName  map[string]*TaxonomyEntry
	values  func(*content.Page) []string
}

// Of returns the entries p belongs to, in p's front matter order.
func (tx *Taxonomy) Of(p *content.Page) []*TaxonomyEntry {
	var out []*TaxonomyEntry
	for _, v := range tx.values(p) {
		if e := tx.byName[strings.TrimSpace(v)]; e != nil && !containsEntry(out, e) {
			out = append(out, e)
		}
	}
	return out
}

func containsEntry(es []*TaxonomyEntry, e *TaxonomyEntry) bool {
	for _, x := range es {
		if x == e {
			return true
		}
	}
	return false
}

// TaxonomyEntry is one tag, series or speaker with its documents.
type TaxonomyEntry struct {
	Name  string
	Slug  string
	Pages []*content.Page
}

// URL is the site-root-relative URL of the entry's list page.
func (e *TaxonomyEntry) URL(kind string) string { return urls.TaxonomyEntry(kind, e.Slug) }

// taxonomyKinds are the taxonomies in the order pages show them.
var taxonomyKinds = []struct {
	kind, title string
	values      func(*content.Page) []string
	oldestFirst bool
}{
	{"tags", "标签", func(p *content.Page) []string { return p.Meta.Tags }, false},
	// A series is read in order, so its list runs oldest first.
	{"series", "系列", func(p *content.Page) []string { return one(p.Meta.Series) }, true},
	{"speakers", "讲话人", func(p *content.Page) []string { return one(p.Meta.Speaker) }, false},
}

func one(s string) []string {
	if strings.TrimSpace(s) == "" {
		return nil
	}
	return []string{s}
}

// buildTaxonomies groups pages (in reading order) by tags, series and speaker;
// entries sort by pinyin.
func buildTaxonomies(pages []*content.Page) []*Taxonomy {
	var out []*Taxonomy
	for _, k := range taxonomyKinds {
		byName := map[string]*TaxonomyEntry{}
		tx := &Taxonomy{Kind: k.kind, Title: k.title, byName: byName, values: k.values}
		var names []string
		for _, p := range pages {
			seen := map[string]bool{}
			for _, v := range k.values(p) {
				v = strings.TrimSpace(v)
				if v == "" || seen[v] {
					continue
				}
				seen[v] = true
				e := byName[v]
				if e == nil {
					e = &TaxonomyEntry{Name: v}
					byName[v] = e
					names = append(names, v)
				}
				e.Pages = append(e.Pages, p)
			}
		}
		slugs := uniqueSlugs(names, nil, "entry")
		sortByPinyin(names)
		for _, n := range names {
			e := byName[n]
			e.Slug = slugs[n]
			if k.oldestFirst {
				for i, j := 0, len(e.Pages)-1; i < j; i, j = i+1, j-1 {
					e.Pages[i], e.Pages[j] = e.Pages[j], e.Pages[i]
				}
			}
			tx.Entries = append(tx.Entries, e)
		}
		out = append(out, tx)
	}
	return out
}
