package link

import (
	"github.com/yuin/goldmark/ast"

	"github.com/studysite/studysite/generator/config"
	"github.com/studysite/studysite/generator/content"
	"github.com/studysite/studysite/generator/dialect"
	"github.com/studysite/studysite/generator/urls"
)

// linkTerms finds the mentions of glossary terms in p's body to link to
// the term pages, by the text node holding them, as the termLinks mode says: only in running text, never in
// headings, links, code or raw HTML; one mention is never two terms.
//
// paraTerms lists, by paragraph index, the terms each paragraph mentions
// (from findOccurrences): a paragraph whose terms have all been linked in
// this section is not scanned again, which is most paragraphs of a long
// document in the first-per-… modes.
func linkTerms(p *content.Page, m *Matcher, terms []*Term, mode string, paraTerms [][]int) map[*ast.Text][]dialect.TermMention {
	if mode == config.TermLinksOff || len(terms) == 0 {
		return nil
	}
	type seenKey struct {
		section string
		term    int
	}
	seen := map[seenKey]bool{}
	section := ""
	para := -1        // index of the paragraph being walked
	skipPara := false // every term of this paragraph is already linked
	var out map[*ast.Text][]dialect.TermMention
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
		if dialect.SkipForText(n) {
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
		var mentions []dialect.TermMention
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
			mentions = append(mentions, dialect.TermMention{Start: t.Segment.Start + mt.Start, Stop: t.Segment.Start + mt.End, Href: urls.FromBody(urls.Term(terms[ti].Slug))})
		}
		if len(mentions) > 0 {
			if out == nil {
				out = map[*ast.Text][]dialect.TermMention{}
			}
			out[t] = mentions
		}
		return ast.WalkContinue, nil
	})
	return out
}
