// Package link takes every loaded page and the configuration and gives the
// Site: pages in reading order, looked up by slug, with their neighbours,
// and the cross-links of the whole corpus — the glossary of formulations
// (提法) with every occurrence by paragraph, [[links]] and links to content
// files resolved, term mentions to link, backlinks, related documents and
// the tags/series/speaker taxonomies.
//
// Build is pure: it reads the pages and their trees and writes neither.
// What it decides for a document's nodes is a dialect.Resolution
// (Site.Resolution) that the renderer reads; a page whose paragraphs read
// differently once its [[links]] are resolved is a copy in the Site.
//
// All cross-page computation happens here, once, before rendering, so the
// render stage can treat each output file independently.
package link

import (
	"errors"
	"fmt"
	"slices"
	"sort"
	"sync/atomic"

	"github.com/studysite/studysite/generator/config"
	"github.com/studysite/studysite/generator/content"
	"github.com/studysite/studysite/generator/dialect"
	"github.com/studysite/studysite/internal/parallel"
)

// Site is the whole linked corpus that the render and search stages read.
type Site struct {
	Config config.Config
	Pages  []*content.Page // newest first; undated last; ties by slug
	// Terms is the glossary in pinyin order.
	Terms []*Term
	// Taxonomies are tags, series and speakers, in that order.
	Taxonomies []*Taxonomy
	// Packets are the study packets in configuration order (packets.go).
	Packets []*Packet
	// Warnings are broken links when Config.Links is "warn", and the
	// front matter terms the [terms] rule leaves out.
	Warnings []string

	bySlug    map[string]int
	termBySlg map[string]*Term
	docs      []docLinks // by page index
}

// docLinks is what the link stage knows about one document.
type docLinks struct {
	terms      []TermCount
	related    []Related
	backlinks  []Backlink
	resolution dialect.Resolution
}

// TermCount is a term a document uses and how often.
type TermCount struct {
	Term  *Term
	Count int
}

// Build links pages into a Site. It is a pure function: the pages handed
// in, their trees and their paragraphs are only read, so building twice
// over the same pages gives the same Site. A page whose paragraphs hold a
// resolved [[link]] appears in the Site as a copy whose paragraph text
// reads the link's label. Two pages with one slug are an error that
// names both files; so is a broken link, with its file and line, unless
// the config says links = "warn".
func Build(cfg config.Config, pages []*content.Page) (*Site, error) {
	return BuildWith(cfg, pages, nil)
}

// BuildWith is Build keeping what it finds in c for the next build, and
// taking from c what the last one found that still holds (see Cache); a
// nil c is Build.
func BuildWith(cfg config.Config, pages []*content.Page, c *Cache) (*Site, error) {
	if cfg.TermLinks == "" {
		cfg.TermLinks = config.TermLinksFirstPerSection
	}
	if cfg.Links == "" {
		cfg.Links = config.LinksError
	}
	s := &Site{Config: cfg, bySlug: map[string]int{}}
	ix := &docIndex{bySlug: map[string]*content.Page{}, byFile: map[string]*content.Page{}, drafts: map[string]bool{}}
	for _, p := range pages {
		if p.Meta.Draft {
			ix.drafts[p.Slug()] = true
			ix.drafts[p.File] = true
			continue
		}
		s.Pages = append(s.Pages, p)
	}
	sort.SliceStable(s.Pages, func(i, j int) bool {
		a, b := s.Pages[i], s.Pages[j]
		if !a.Date.Equal(b.Date) {
			return a.Date.After(b.Date)
		}
		return a.Slug() < b.Slug()
	})
	for i, p := range s.Pages {
		if j, dup := s.bySlug[p.Slug()]; dup {
			return nil, fmt.Errorf("%s:%d: slug %q is already used by %s; give one of them another slug in its front matter", p.File, p.SlugLine, p.Slug(), s.Pages[j].File)
		}
		s.bySlug[p.Slug()] = i
		ix.bySlug[p.Slug()] = p
		ix.byFile[p.File] = p
	}
	if err := s.crossLink(ix, c); err != nil {
		return nil, err
	}
	return s, nil
}

// crossLink resolves explicit links, finds every term occurrence, links
// term mentions and ranks related documents. Pages are processed in
// parallel; every result is stored by page index and merged in reading
// order, so the outcome does not depend on scheduling.
func (s *Site) crossLink(ix *docIndex, c *Cache) error {
	n := len(s.Pages)
	explicit := make([]explicitLinks, n)
	var resolved atomic.Int64
	parallel.Chunks(n, func(lo, hi int) {
		for i := lo; i < hi; i++ {
			if kept, ok := c.explicitOf(s.Pages[i], ix); ok {
				explicit[i], s.Pages[i] = kept.links, kept.page
				continue
			}
			resolved.Add(1)
			explicit[i] = ix.resolveExplicit(s.Pages[i])
			s.Pages[i] = withTexts(s.Pages[i], explicit[i].texts)
		}
	})
	if err := s.reportProblems(explicit); err != nil {
		return err
	}
	s.docs = make([]docLinks, n)
	for i, ex := range explicit {
		s.docs[i].resolution = dialect.Resolution{WikiLinks: ex.wiki, Links: ex.links}
		for _, o := range ex.out {
			j := s.bySlug[o.to.Slug()]
			s.docs[j].backlinks = append(s.docs[j].backlinks, Backlink{From: s.Pages[i], Paragraph: o.paragraph, Target: o.target})
		}
	}

	terms, patterns, warnings, err := buildGlossary(s.Config, s.Pages)
	if err != nil {
		return err
	}
	s.Warnings = append(s.Warnings, warnings...)
	glossary := glossaryKey{patterns: patterns, slugs: make([]string, len(terms)), mode: s.Config.TermLinks}
	for i, t := range terms {
		glossary.slugs[i] = t.Slug
	}
	sameGlossary := c != nil && glossary.equal(c.glossary)
	m := NewMatcher(patterns)
	occ := make([][]Occurrence, n)
	var scanned atomic.Int64
	parallel.Chunks(n, func(lo, hi int) {
		for i := lo; i < hi; i++ {
			if kept, ok := c.foundIn(s.Pages[i], sameGlossary); ok {
				occ[i], s.docs[i].resolution.Terms = kept.occ, kept.terms
				continue
			}
			scanned.Add(1)
			occ[i] = findOccurrences(s.Pages[i], m)
			s.docs[i].resolution.Terms = linkTerms(s.Pages[i], m, terms, s.Config.TermLinks, occ[i])
		}
	})
	termsOf := make([][]int, n)
	for i, os := range occ {
		counts := map[int]int{}
		for _, o := range os {
			t := terms[o.term]
			t.Occurrences = append(t.Occurrences, o)
			if counts[o.term] == 0 {
				t.Documents++
				termsOf[i] = append(termsOf[i], o.term)
			}
			counts[o.term]++
		}
		sort.Ints(termsOf[i])
		for _, t := range termsOf[i] {
			s.docs[i].terms = append(s.docs[i].terms, TermCount{Term: terms[t], Count: counts[t]})
		}
		sort.SliceStable(s.docs[i].terms, func(a, b int) bool {
			x, y := s.docs[i].terms[a], s.docs[i].terms[b]
			if x.Count != y.Count {
				return x.Count > y.Count
			}
			return x.Term.sortKey < y.Term.sortKey
		})
	}
	for _, t := range terms {
		t.FirstUse = firstUse(t.Occurrences)
	}
	related, relatedKept := c.relatedFor(s.Pages, terms, termsOf)
	if !relatedKept {
		related = relatedDocs(s.Pages, terms, termsOf)
	}
	for i := range s.docs {
		s.docs[i].related = related[i]
	}
	s.Terms = append([]*Term(nil), terms...)
	sort.SliceStable(s.Terms, func(i, j int) bool { return s.Terms[i].sortKey < s.Terms[j].sortKey })
	s.termBySlg = make(map[string]*Term, len(terms))
	for _, t := range terms {
		s.termBySlg[t.Slug] = t
	}
	s.Taxonomies = buildTaxonomies(s.Pages)
	warnings, err = s.buildPackets()
	if err != nil {
		return err
	}
	s.Warnings = append(s.Warnings, warnings...)
	if c != nil {
		c.keep(ix, s, explicit, occ, glossary, cachedRelated{termsOf: termsOf, terms: len(terms), related: related})
		c.Resolved, c.Scanned, c.RelatedKept = int(resolved.Load()), int(scanned.Load()), relatedKept
	}
	return nil
}

// withTexts is p, or when some of its paragraphs read differently once
// their [[links]] are resolved, a copy of p with those texts: occurrences,
// quotes and search see the label a reader sees rather than the markup.
func withTexts(p *content.Page, texts map[int]string) *content.Page {
	if len(texts) == 0 {
		return p
	}
	cp := *p
	cp.Paragraphs = slices.Clone(p.Paragraphs)
	for i, t := range texts {
		cp.Paragraphs[i].Text = t
	}
	return &cp
}

// maxProblems bounds the broken links one error lists: enough to fix a
// batch, short enough to read.
const maxProblems = 50

// reportProblems fails on broken links, or turns them into warnings.
// Problems are sorted by file and line.
func (s *Site) reportProblems(explicit []explicitLinks) error {
	var all []Problem
	for _, ex := range explicit {
		all = append(all, ex.problems...)
	}
	sort.SliceStable(all, func(i, j int) bool {
		if all[i].File != all[j].File {
			return all[i].File < all[j].File
		}
		return all[i].Line < all[j].Line
	})
	if s.Config.Links == config.LinksWarn {
		for _, p := range all {
			s.Warnings = append(s.Warnings, p.Error()+" (links = \"warn\")")
		}
		return nil
	}
	var errs []error
	for i, p := range all {
		if i == maxProblems {
			errs = append(errs, fmt.Errorf("… and %d more broken links", len(all)-maxProblems))
			break
		}
		errs = append(errs, p)
	}
	return errors.Join(errs...)
}

// firstUse is the first occurrence in the oldest dated document, or in the
// first undated one when none is dated. occ is in reading order (newest
// first, undated last).
func firstUse(occ []Occurrence) *Occurrence {
	var best *Occurrence
	for i := range occ {
		o := &occ[i]
		switch {
		case best == nil:
			best = o
		case o.Page == best.Page:
		case o.Page.Date.IsZero():
		case best.Page.Date.IsZero() || !o.Page.Date.After(best.Page.Date):
			best = o
		}
	}
	return best
}

// Page returns the page with a slug, or nil.
func (s *Site) Page(slug string) *content.Page {
	if i, ok := s.bySlug[slug]; ok {
		return s.Pages[i]
	}
	return nil
}

// Term returns the term with a slug, or nil.
func (s *Site) Term(slug string) *Term { return s.termBySlg[slug] }

// Neighbours returns the pages before and after p in reading order (nil at the ends).
func (s *Site) Neighbours(p *content.Page) (prev, next *content.Page) {
	i, ok := s.bySlug[p.Slug()]
	if !ok {
		return nil, nil
	}
	if i > 0 {
		prev = s.Pages[i-1]
	}
	if i+1 < len(s.Pages) {
		next = s.Pages[i+1]
	}
	return prev, next
}

func (s *Site) doc(p *content.Page) *docLinks {
	i, ok := s.bySlug[p.Slug()]
	if !ok || s.docs == nil || s.Pages[i] != p {
		return nil
	}
	return &s.docs[i]
}

// DocTerms lists the glossary terms p uses, most frequent first.
func (s *Site) DocTerms(p *content.Page) []TermCount {
	if d := s.doc(p); d != nil {
		return d.terms
	}
	return nil
}

// Related lists up to MaxRelated documents sharing p's rarer terms.
func (s *Site) Related(p *content.Page) []Related {
	if d := s.doc(p); d != nil {
		return d.related
	}
	return nil
}

// Resolution is what the site decided for the nodes of p's tree: its
// [[links]], links to content files and term mentions, for the renderer.
// p is one of s.Pages (a page handed to Build may have a copy there); for
// any other page nothing is resolved.
func (s *Site) Resolution(p *content.Page) *dialect.Resolution {
	if d := s.doc(p); d != nil {
		return &d.resolution
	}
	return &dialect.Resolution{}
}

// Backlinks lists the links from other documents to p, in reading order of
// the linking documents and in their text order.
func (s *Site) Backlinks(p *content.Page) []Backlink {
	if d := s.doc(p); d != nil {
		return d.backlinks
	}
	return nil
}
