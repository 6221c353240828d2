package link

import (
	"github.com/yuin/goldmark/ast"

	"github.com/studysite/studysite/generator/config"
	"github.com/studysite/studysite/generator/content"
)

// TermURL is the site-root-relative URL of a term page.
func TermURL(slug string) string { return "terms/" + slug + "/index.html" }

// linkTerms turns mentions of glossary terms in p's body into links to the
// term pages, as the termLinks mode says: only in running text, never in
// headings, links, code or raw HTML; one mention is never two terms.
//
// paraTerms lists, by paragraph index, the terms each paragraph mentions
// (from findOccurrences): a paragraph whose terms have all been linked in
// this section is not scanned again, which is most paragraphs of a long
// document in the first-per-… modes.
func linkTerms(p *content.Page, m *Matcher, terms []*Term, mode string, paraTerms [][]int) {
	if mode == config.TermLinksOff || len(terms) == 0 {
		return
	}
	type seenKey struct {
		section string
		term    int
	}
	seen := map[seenKey]bool{}
	section := ""
	para := -1        // index of the paragraph being walked
	skipPara := false // every term of this paragraph is already linked
	var work []struct {
		t    *ast.Text
		cuts []cut
	}
	var buf []Match
	pats := m.Patterns()
	body := unsafeString(p.Body)
	_ = ast.Walk(p.AST, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		if h, ok := n.(*ast.Heading); ok {
			if id, ok := h.AttributeString("id"); ok {
				if b, ok := id.([]byte); ok && mode == config.TermLinksFirstPerSection {
					section = string(b)
				}
			}
		}
		if skipForText(n) {
			return ast.WalkSkipChildren, nil
		}
		if n.Kind() == ast.KindParagraph {
			para++
			skipPara = false
			if mode != config.TermLinksAll && para < len(paraTerms) {
				skipPara = true
				for _, ti := range paraTerms[para] {
					if !seen[seenKey{section, ti}] {
						skipPara = false
						break
					}
				}
			}
			if skipPara {
				return ast.WalkSkipChildren, nil
			}
		}
		t, ok := n.(*ast.Text)
		if !ok {
			return ast.WalkContinue, nil
		}
		buf = m.FindAll(buf[:0], body[t.Segment.Start:t.Segment.Stop])
		var cuts []cut
		for _, mt := range buf {
			ti := pats[mt.Pattern].Term
			if ti < 0 {
				continue // an exclusion: not a mention
			}
			if mode != config.TermLinksAll {
				k := seenKey{section, ti}
				if seen[k] {
					continue
				}
				seen[k] = true
			}
			start, end := t.Segment.Start+mt.Start, t.Segment.Start+mt.End
			label := piece(t, start, end, false)
			l := newLink("../../"+TermURL(terms[ti].Slug), "term", label)
			cuts = append(cuts, cut{start: start, end: end, link: l})
		}
		if len(cuts) > 0 {
			work = append(work, struct {
				t    *ast.Text
				cuts []cut
			}{t, cuts})
		}
		return ast.WalkContinue, nil
	})
	for _, w := range work {
		replaceText(w.t, w.cuts)
	}
}
