package content

import (
	"bufio"
	"bytes"
	"html"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/yuin/goldmark/ast"
	gmhtml "github.com/yuin/goldmark/renderer/html"

	"github.com/studysite/studysite/generator/dialect"
)

// PlainText is the text a reader sees in a node: inline markup dropped,
// backslash escapes and character references (\_, &amp;) resolved as
// goldmark resolves them on the page, a soft line break between two Chinese
// characters dropped (browsers would show a space there; content files keep
// one paragraph per line anyway). Summaries, meta descriptions, feed
// entries, the table of contents and search text are made from it, so they
// never show Markdown the page does not.
//
// A [[link]] reads as written; see ResolvedText for the text once the site
// has resolved it.
func PlainText(n ast.Node, source []byte) string { return ResolvedText(n, source, nil) }

// ResolvedText is PlainText with the [[links]] the site resolved reading as
// their label: label(w) gives the site's label of a resolved link without
// one of its own, ok false for an unresolved link (read as written).
func ResolvedText(n ast.Node, source []byte, label func(*dialect.WikiLink) (string, bool)) string {
	var b strings.Builder
	var unresolvedLabels []*dialect.WikiLink
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			if k := len(unresolvedLabels); k > 0 && c == unresolvedLabels[k-1] {
				closing := unresolvedLabels[k-1].Closing()
				writeRendered(&b, closing.Value(source))
				unresolvedLabels = unresolvedLabels[:k-1]
			}
			return ast.WalkContinue, nil
		}
		switch c := c.(type) {
		case *ast.Text:
			if c.IsRaw() {
				b.Write(c.Segment.Value(source))
			} else {
				writeRendered(&b, c.Segment.Value(source))
			}
			if c.SoftLineBreak() || c.HardLineBreak() {
				b.WriteByte('\n')
			}
		case *ast.String:
			if c.IsCode() || c.IsRaw() {
				b.Write(c.Value)
			} else {
				writeRendered(&b, c.Value)
			}
		case *ast.CodeSpan:
			for ch := c.FirstChild(); ch != nil; ch = ch.NextSibling() {
				if t, ok := ch.(*ast.Text); ok {
					b.Write(t.Segment.Value(source))
				}
			}
			return ast.WalkSkipChildren, nil
		case *ast.RawHTML:
			if IsHTMLComment(c.Segments.Value(source)) {
				break // not shown, see IsHTMLComment
			}
			for i := 0; i < c.Segments.Len(); i++ {
				seg := c.Segments.At(i)
				b.Write(seg.Value(source))
			}
		case *ast.AutoLink:
			b.Write(c.Label(source))
		case *dialect.WikiLink:
			// Unresolved, it reads as written; resolved, as its label
			// (its children) or the site's.
			l, ok := resolvedLabel(c, label)
			switch {
			case !c.HasLabel && ok:
				b.WriteString(l)
			case !c.HasLabel:
				writeRendered(&b, c.Source.Value(source))
			case !ok:
				opening := c.Opening()
				writeRendered(&b, opening.Value(source))
				unresolvedLabels = append(unresolvedLabels, c)
				return ast.WalkContinue, nil
			default:
				return ast.WalkContinue, nil
			}
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	return joinSoftBreaks(b.String())
}

func resolvedLabel(w *dialect.WikiLink, label func(*dialect.WikiLink) (string, bool)) (string, bool) {
	if label == nil {
		return "", false
	}
	return label(w)
}

// writeRendered writes Markdown text as the page shows it: goldmark's own
// HTML writer resolves escapes and references (and replaces NUL), and the
// HTML it writes is decoded back to text.
func writeRendered(b *strings.Builder, md []byte) {
	if bytes.IndexByte(md, '\\') < 0 && bytes.IndexByte(md, '&') < 0 && bytes.IndexByte(md, 0) < 0 {
		b.Write(md)
		return
	}
	var out bytes.Buffer
	w := bufio.NewWriter(&out)
	gmhtml.DefaultWriter.Write(w, md)
	_ = w.Flush() // writes to a bytes.Buffer do not fail
	b.WriteString(html.UnescapeString(out.String()))
}

// IsHTMLComment reports whether raw HTML is one comment and nothing else,
// such as the <!-- more --> of a blog post: browsers never show it, so
// neither the page nor its plain text does, even with raw HTML shown as
// text.
func IsHTMLComment(raw []byte) bool {
	t := bytes.TrimSpace(raw)
	return len(t) >= len("<!---->") && bytes.HasPrefix(t, []byte("<!--")) && bytes.Index(t[2:], []byte("-->")) == len(t)-5
}

// BreakReadsAsSpace says how a line break inside a paragraph reads between
// the characters last and first: as a space between words, as nothing
// beside a Chinese character (a hard-wrapped transcript's lines join).
func BreakReadsAsSpace(last, first rune) bool {
	return !unicode.Is(unicode.Han, last) && !unicode.Is(unicode.Han, first)
}

func joinSoftBreaks(s string) string {
	if !strings.Contains(s, "\n") {
		return s
	}
	var b strings.Builder
	for i, part := range strings.Split(s, "\n") {
		if i > 0 {
			last, _ := utf8.DecodeLastRuneInString(b.String())
			first, _ := utf8.DecodeRuneInString(part)
			if BreakReadsAsSpace(last, first) {
				b.WriteByte(' ')
			}
		}
		b.WriteString(part)
	}
	return b.String()
}
