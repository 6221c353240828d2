package link

import (
	"slices"

	"github.com/yuin/goldmark/ast"

	"github.com/studysite/studysite/generator/content"
	"github.com/studysite/studysite/generator/dialect"
)

// Cache keeps what BuildWith found in each page, so that linking again
// over mostly the same pages (studysite serve, after an edit) looks again
// only at the pages that changed and at those that depend on them. The
// Site it gives equals Build's over the same pages.
//
// A page is known by its pointer: parsed pages are never changed, so the
// same pointer is the same text. What is kept, and while what holds:
//   - a page's explicit links, and the copy of it with resolved paragraph
//     texts: while every slug and file it looked up names the same page
//     (or still none, and still is or is not a draft). The copy is the
//     same pointer from build to build, so the stages after this one see
//     an unchanged page as unchanged;
//   - a page's term occurrences and term mentions: while the glossary's
//     wordings and slugs and the termLinks mode are the same;
//   - the related documents of every page: while every page uses the same
//     terms in the same reading-order position (the ranking reads nothing
//     else).
//
// A Cache serves one sequence of builds, one at a time; a failed build
// leaves it as the last good one left it.
type Cache struct {
	explicit map[*content.Page]cachedExplicit // by the page handed in
	found    map[*content.Page]cachedFound    // by the page in the Site
	glossary glossaryKey
	related  cachedRelated
	// Resolved and Scanned count the pages of the last build whose
	// explicit links were resolved, and whose term occurrences were found,
	// again; RelatedKept says its related documents were kept.
	Resolved, Scanned int
	RelatedKept       bool
}

// NewCache gives an empty cache; see BuildWith.
func NewCache() *Cache { return &Cache{} }

type cachedExplicit struct {
	links explicitLinks
	page  *content.Page // the page in the Site: p, or its copy
}

type cachedFound struct {
	occ   []Occurrence
	terms map[*ast.Text][]dialect.TermMention
}

// glossaryKey is what finding and linking terms in a page read besides
// the page.
type glossaryKey struct {
	patterns []Pattern
	slugs    []string
	mode     string
}

func (a glossaryKey) equal(b glossaryKey) bool {
	return a.mode == b.mode && slices.Equal(a.patterns, b.patterns) && slices.Equal(a.slugs, b.slugs)
}

// cachedRelated is relatedDocs' input and output, by reading-order index.
type cachedRelated struct {
	termsOf [][]int
	terms   int
	related [][]Related
}

// lookup is one page an explicit link named: by slug or by content file,
// what the index gave, and whether a missing page was a draft.
type lookup struct {
	byFile bool
	key    string
	to     *content.Page
	draft  bool
}

// valid says whether every lookup of a page still gives what it gave.
func (ix *docIndex) valid(lookups []lookup) bool {
	for _, l := range lookups {
		if ix.pages(l.byFile)[l.key] != l.to || (l.to == nil && ix.drafts[l.key] != l.draft) {
			return false
		}
	}
	return true
}

// explicitOf gives the kept explicit links of p and its page in the Site,
// when they still hold.
func (c *Cache) explicitOf(p *content.Page, ix *docIndex) (cachedExplicit, bool) {
	if c == nil {
		return cachedExplicit{}, false
	}
	e, ok := c.explicit[p]
	if !ok || !ix.valid(e.links.lookups) {
		return cachedExplicit{}, false
	}
	return e, true
}

// foundIn gives the kept occurrences and mentions of the Site page p
// when the glossary is the one they were found with.
func (c *Cache) foundIn(p *content.Page, sameGlossary bool) (cachedFound, bool) {
	if c == nil || !sameGlossary {
		return cachedFound{}, false
	}
	f, ok := c.found[p]
	return f, ok
}

// relatedFor gives the kept related documents when the ranking's input is
// the same, with their pages and shared terms those of this build.
func (c *Cache) relatedFor(pages []*content.Page, terms []*Term, termsOf [][]int) ([][]Related, bool) {
	if c == nil || c.related.terms != len(terms) || len(c.related.termsOf) != len(termsOf) {
		return nil, false
	}
	for i := range termsOf {
		if !slices.Equal(termsOf[i], c.related.termsOf[i]) {
			return nil, false
		}
	}
	out := make([][]Related, len(c.related.related))
	for i, rs := range c.related.related {
		out[i] = make([]Related, len(rs))
		for k, r := range rs {
			r.Page = pages[r.idx]
			r.Shared = termsAt(terms, r.shared)
			out[i][k] = r
		}
	}
	return out, true
}

// keep replaces what the cache holds with what one good build found: the
// explicit links of each page handed in (ix names it by slug), the
// occurrences and mentions of each page of s, the ranking.
func (c *Cache) keep(ix *docIndex, s *Site, explicit []explicitLinks, occ [][]Occurrence, g glossaryKey, r cachedRelated) {
	c.explicit = make(map[*content.Page]cachedExplicit, len(s.Pages))
	c.found = make(map[*content.Page]cachedFound, len(s.Pages))
	for i, p := range s.Pages {
		c.explicit[ix.bySlug[p.Slug()]] = cachedExplicit{links: explicit[i], page: p}
		c.found[p] = cachedFound{occ: occ[i], terms: s.docs[i].resolution.Terms}
	}
	c.glossary, c.related = g, r
}
