// Package link takes every loaded page and the configuration and gives the
// Site: pages in reading order, looked up by slug, with their neighbours.
// All cross-page computation happens here, once, before rendering, so the
// render stage can treat each output file independently.
package link

import (
	"fmt"
	"sort"

	"github.com/studysite/studysite/generator/config"
	"github.com/studysite/studysite/generator/content"
)

// Site is the whole linked corpus that the render and search stages read.
type Site struct {
	Config config.Config
	Pages  []*content.Page // newest first; undated last; ties by slug
	bySlug map[string]int
}

// Build links pages into a Site. Two pages with one slug are an error that
// names both files.
func Build(cfg config.Config, pages []*content.Page) (*Site, error) {
	s := &Site{Config: cfg, bySlug: map[string]int{}}
	for _, p := range pages {
		if !p.Meta.Draft {
			s.Pages = append(s.Pages, p)
		}
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
			return nil, fmt.Errorf("%s: slug %q is already used by %s; give one of them another slug in its front matter", p.File, p.Slug(), s.Pages[j].File)
		}
		s.bySlug[p.Slug()] = i
	}
	return s, nil
}

// Page returns the page with a slug, or nil.
func (s *Site) Page(slug string) *content.Page {
	if i, ok := s.bySlug[slug]; ok {
		return s.Pages[i]
	}
	return nil
}

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
