package config

import (
	"fmt"
	"strings"
)

// GlossaryEntry is one [[glossary]] table of studysite.toml: a formulation
// (提法) whose mentions are linked and indexed across the site.
type GlossaryEntry struct {
	// Term is the canonical wording, e.g. 人民城市.
	Term string `toml:"term"`
	// Aliases are other wordings that count as mentions of Term.
	Aliases []string `toml:"aliases"`
	// Definition is a short explanation shown on the term page; empty means
	// the page quotes the sentence where the corpus first uses the term.
	Definition string `toml:"definition"`
	// Category groups terms on the terms index (e.g. 发展理念).
	Category string `toml:"category"`
	// Slug overrides the URL name terms/<slug>/ (default: pinyin of Term).
	Slug string `toml:"slug"`
	// Exclude lists longer phrases that contain the term but are not a
	// mention of it (e.g. term 中心, exclude 中心城区): text matching an
	// exclusion is never linked or counted, for any term.
	Exclude []string `toml:"exclude"`
	// Disabled switches the term off, also when front matter lists it.
	Disabled bool `toml:"disabled"`
}

// Term link modes for Config.TermLinks.
const (
	TermLinksFirstPerSection  = "first-per-section"
	TermLinksFirstPerDocument = "first-per-document"
	TermLinksAll              = "all"
	TermLinksOff              = "off"
)

// Broken-link policies for Config.Links.
const (
	LinksError = "error"
	LinksWarn  = "warn"
)

func (c *Config) validateLinks() error {
	switch c.TermLinks {
	case "":
		c.TermLinks = TermLinksFirstPerSection
	case TermLinksFirstPerSection, TermLinksFirstPerDocument, TermLinksAll, TermLinksOff:
	default:
		return fmt.Errorf("termLinks %q: must be %q, %q, %q or %q", c.TermLinks,
			TermLinksFirstPerSection, TermLinksFirstPerDocument, TermLinksAll, TermLinksOff)
	}
	switch c.Links {
	case "":
		c.Links = LinksError
	case LinksError, LinksWarn:
	default:
		return fmt.Errorf("links %q: must be %q or %q", c.Links, LinksError, LinksWarn)
	}
	for i, g := range c.Glossary {
		g.Term = strings.TrimSpace(g.Term)
		if g.Term == "" {
			return fmt.Errorf("glossary entry %d: term is empty", i+1)
		}
		for _, a := range g.Aliases {
			if strings.TrimSpace(a) == "" {
				return fmt.Errorf("glossary entry %d (%s): an alias is empty", i+1, g.Term)
			}
		}
		for _, x := range g.Exclude {
			if !strings.Contains(x, g.Term) && !containsAny(x, g.Aliases) {
				return fmt.Errorf("glossary entry %d (%s): exclusion %q does not contain the term or an alias", i+1, g.Term, x)
			}
		}
		c.Glossary[i] = g
	}
	return nil
}

func containsAny(s string, subs []string) bool {
	for _, x := range subs {
		if x != "" && strings.Contains(s, x) {
			return true
		}
	}
	return false
}
