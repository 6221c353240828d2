package ingest

import (
	"strings"
	"unicode/utf8"
)

// srcLine is one line of the source after decoding, or one paragraph of a
// .docx file.
type srcLine struct {
	text   string // trimmed, PDF spaces removed
	raw    string // trimmed as in the source (what reports quote)
	line   int    // 1-based line (paragraph for .docx)
	indent bool   // began with indentation (a paragraph start in PDF text)
	// lead and trail: the white space the line had before trimming, which
	// is content when a join puts a Latin word or number next to it.
	lead, trail bool
	// breakBefore: a blank line, page break, removed line or (.docx) a new
	// paragraph separates this line from the one before.
	breakBefore bool
	// afterRemoved: the line before was a page number or running head, so
	// the break before this line is a page break, not the writer's blank
	// line.
	afterRemoved bool
	// pageBreak: a form feed comes between this line and the one before.
	pageBreak bool
	// boilerplate: a web page's licence or source footer (see boilerplate.go).
	boilerplate bool
	removed     string // why the line is not in the body ("" if it is)
	level       int    // .docx: heading level from the paragraph style; -1 title
	table       *Block // .docx: a table
}

// blankBefore: the writer separated this line from the one before (a blank
// line, a new .docx paragraph), rather than a page break.
func (l srcLine) blankBefore() bool { return l.breakBefore && !l.afterRemoved && !l.pageBreak }

// splitLines cuts decoded text into non-blank lines, noting indentation and
// blank lines before each. Lines are counted at LF only, as editors count
// them: a form feed (a page break in pdftotext output) starts a new source
// line with the same line number and marks it pageBreak.
func splitLines(text string) []srcLine {
	var out []srcLine
	blank, page := true, false
	n := 0
	for len(text) > 0 || n == 0 {
		n++
		var l string
		if i := strings.IndexByte(text, '\n'); i >= 0 {
			l, text = text[:i], text[i+1:]
		} else {
			l, text = text, ""
		}
		for k, piece := range strings.Split(l, "\f") {
			if k > 0 {
				blank, page = true, true
			}
			t := trimSpace(piece)
			if t == "" {
				blank = true
				continue
			}
			r, _ := utf8.DecodeRuneInString(piece)
			last, _ := utf8.DecodeLastRuneInString(strings.TrimRight(piece, "\r"))
			out = append(out, srcLine{
				text:        normalizeSpaces(t),
				raw:         t,
				line:        n,
				indent:      isSpace(r),
				lead:        r == ' ' || r == '\t',
				trail:       last == ' ' || last == '\t',
				breakBefore: blank,
				pageBreak:   page,
			})
			blank, page = false, false
		}
		if text == "" {
			break
		}
	}
	return out
}
