package link

import (
	"fmt"
	"strings"

	"github.com/studysite/studysite/generator/config"
	"github.com/studysite/studysite/generator/content"
	"github.com/studysite/studysite/generator/termrule"
)

// Term is one formulation (提法) of the glossary with every place the corpus
// uses it.
type Term struct {
	Name       string
	Slug       string // terms/<slug>/
	Aliases    []string
	Definition string // from config; may be empty
	Category   string
	// FromConfig is true for [[glossary]] entries, false for terms only
	// front matter lists.
	FromConfig bool
	// Occurrences in reading order: documents newest first, paragraphs in
	// order.
	Occurrences []Occurrence
	// Documents is how many documents use the term.
	Documents int
	// FirstUse is the first occurrence in the oldest document that uses
	// the term (undated documents count as newest); nil when unused.
	FirstUse *Occurrence
	sortKey  string
}

// Occurrence is one mention of a term in a paragraph.
type Occurrence struct {
	Page      *content.Page
	Paragraph int // index into Page.Paragraphs
	// Start and End are byte offsets of the wording in the paragraph's
	// Text; Form is that wording (the term or one of its aliases).
	Start, End int
	Form       string
	term       int // index into Site.Terms
}

// Para is the paragraph the occurrence is in.
func (o Occurrence) Para() content.Paragraph { return o.Page.Paragraphs[o.Paragraph] }

// buildGlossary merges the [[glossary]] entries of the config with the
// terms front matter lists. A config entry claims its term and aliases;
// a front matter term with the same wording joins it. Disabled entries
// remove their wordings altogether. Front matter terms that the [terms]
// rule leaves out (目标, “2024年”) make no term: content imported before the
// rule existed lists them; the warning names them.
func buildGlossary(cfg config.Config, pages []*content.Page) ([]*Term, []Pattern, []string, error) {
	claimed := map[string]int{} // wording → term index
	disabled := map[string]bool{}
	var terms []*Term
	var excludes []string
	preset := map[string]string{}
	for i, g := range cfg.Glossary {
		if g.Disabled {
			disabled[g.Term] = true
			for _, a := range g.Aliases {
				disabled[a] = true
			}
			continue
		}
		if g.Slug != "" {
			if err := content.ValidSlug(g.Slug); err != nil {
				return nil, nil, nil, fmt.Errorf("%s: glossary entry %d (%s): slug %q %w", config.FileName, i+1, g.Term, g.Slug, err)
			}
			for name, s := range preset {
				if s == g.Slug {
					return nil, nil, nil, fmt.Errorf("%s: glossary entries %s and %s both use slug %q", config.FileName, name, g.Term, g.Slug)
				}
			}
			preset[g.Term] = g.Slug
		}
		idx := len(terms)
		for _, w := range append([]string{g.Term}, g.Aliases...) {
			if j, dup := claimed[w]; dup {
				return nil, nil, nil, fmt.Errorf("%s: glossary entry %d (%s): %q is already a wording of %s", config.FileName, i+1, g.Term, w, terms[j].Name)
			}
			claimed[w] = idx
		}
		terms = append(terms, &Term{Name: g.Term, Aliases: g.Aliases, Definition: strings.TrimSpace(g.Definition), Category: g.Category, FromConfig: true})
		excludes = append(excludes, g.Exclude...)
	}
	rule := termrule.New(cfg.Terms.Settings())
	var left leftOutTerms
	for _, p := range pages {
		for _, t := range p.Meta.Terms {
			t = strings.TrimSpace(t)
			if t == "" || disabled[t] {
				continue
			}
			if _, ok := claimed[t]; ok {
				continue
			}
			if why := rule.Judge(t); why != "" {
				left.add(t, p.File)
				continue
			}
			claimed[t] = len(terms)
			terms = append(terms, &Term{Name: t})
		}
	}
	names := make([]string, len(terms))
	for i, t := range terms {
		names[i] = t.Name
	}
	slugs := uniqueSlugs(names, preset, "term")
	for _, t := range terms {
		t.Slug = slugs[t.Name]
		t.sortKey = sortKey(t.Name)
	}
	var patterns []Pattern
	for i, t := range terms {
		patterns = append(patterns, Pattern{Text: t.Name, Term: i})
		for _, a := range t.Aliases {
			patterns = append(patterns, Pattern{Text: a, Term: i})
		}
	}
	for _, x := range excludes {
		patterns = append(patterns, Pattern{Text: x, Term: -1})
	}
	var warnings []string
	if !rule.Off() {
		warnings = left.warnings()
	}
	return terms, patterns, warnings, nil
}
