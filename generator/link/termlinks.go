package link

import (
	"github.com/yuin/goldmark/ast"

	"github.com/studysite/studysite/generator/config"
	"github.com/studysite/studysite/generator/content"
	"github.com/studysite/studysite/generator/dialect"
	"github.com/studysite/studysite/generator/urls"
)

// linkTerms finds the mentions of glossary terms in p's body to link to
// the term pages, by the text node holding them, as the termLinks mode says:
// only in running text, never in headings, links, code or raw HTML; one
// mention is never two terms.
//
// A block of text (a paragraph, a tight list item, a table cell) is read as
// a whole, as its reader reads it: 中国式**现代化** is one mention of
// 中国式现代化, linked in both of its text nodes, not a mention of 现代化.
// Text the reader sees but that is never linked (a link, code) breaks the
// block's text there, so no mention reaches into it.
//
// occ are p's occurrences (findOccurrences, in paragraph order): where a
// paragraph's linkable text is its whole plain text, which is most
// paragraphs, its occurrences are its matches and it is not scanned again.
func linkTerms(p *content.Page, m *Matcher, terms []*Term, mode string, occ []Occurrence) map[*ast.Text][]dialect.TermMention {
	if mode == config.TermLinksOff || len(terms) == 0 {
		return nil
	}
	type seenKey struct {
		section string
		term    int
	}
	seen := map[seenKey]bool{}
	section := ""
	para := -1 // index of the last paragraph walked into
	var out map[*ast.Text][]dialect.TermMention
	var text blockText
	var buf []Match
	var found []termMatch
	next := 0 // the first of occ not yet passed
	pats := m.Patterns()
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
		}
		if !holdsText(n) {
			return ast.WalkContinue, nil
		}
		text.read(n, p.Body)
		found = found[:0]
		if n.Kind() == ast.KindParagraph && para < len(p.Paragraphs) && text.String() == p.Paragraphs[para].Text {
			for next < len(occ) && occ[next].Paragraph < para {
				next++
			}
			for ; next < len(occ) && occ[next].Paragraph == para; next++ {
				found = append(found, termMatch{occ[next].Start, occ[next].End, occ[next].term})
			}
		} else {
			buf = m.FindAll(buf[:0], text.String())
			for _, mt := range buf {
				if ti := pats[mt.Pattern].Term; ti >= 0 { // else an exclusion: not a mention
					found = append(found, termMatch{mt.Start, mt.End, ti})
				}
			}
		}
		for _, mt := range found {
			ti := mt.term
			if mode != config.TermLinksAll {
				k := seenKey{section, ti}
				if seen[k] {
					continue
				}
				seen[k] = true
			}
			href := urls.FromBody(urls.Term(terms[ti].Slug))
			for _, part := range text.parts(mt.start, mt.end) {
				if out == nil {
					out = map[*ast.Text][]dialect.TermMention{}
				}
				out[part.node] = append(out[part.node], dialect.TermMention{Start: part.start, Stop: part.stop, Href: href})
			}
		}
		return ast.WalkSkipChildren, nil
	})
	return out
}

// holdsText reports whether n is a block of inline content: a paragraph,
// the text of a tight list item, a table cell.
func holdsText(n ast.Node) bool {
	c := n.FirstChild()
	return n.Type() == ast.TypeBlock && c != nil && c.Type() == ast.TypeInline
}

// termMatch is a mention of terms[term] at [start, end) of a block's text.
type termMatch struct{ start, end, term int }
