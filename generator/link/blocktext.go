package link

import (
	"strings"
	"unicode/utf8"

	"github.com/yuin/goldmark/ast"

	"github.com/studysite/studysite/generator/content"
	"github.com/studysite/studysite/generator/dialect"
)

// blockText is the linkable text of one block (a paragraph, say): its text
// nodes' Markdown in reading order, joined over emphasis and line breaks as
// content.PlainText joins them, with a NUL where text that is never linked
// (a link, code, raw HTML) stands, so that no match runs into it. It
// remembers which bytes came from which text node, to hand the matches
// back as positions in the source.
type blockText struct {
	b       strings.Builder
	pieces  []textPiece
	pending bool // a line break waits to be joined to the text after it
}

// textPiece is the text of one node: at is its place in the block's text,
// source its place in the Markdown.
type textPiece struct {
	node   *ast.Text
	at     int
	source int
	size   int
}

// textPart is the part of a match inside one text node, in source offsets.
type textPart struct {
	node        *ast.Text
	start, stop int
}

// separator stands for text that is never linked; no term contains it.
const separator = "\x00"

// read makes the block's text from its inline content.
func (t *blockText) read(block ast.Node, source []byte) {
	t.b.Reset()
	t.pieces = t.pieces[:0]
	t.pending = false
	_ = ast.Walk(block, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering || n == block {
			return ast.WalkContinue, nil
		}
		text, ok := n.(*ast.Text)
		if !ok {
			if dialect.SkipForText(n) || n.Kind() == ast.KindString {
				t.pending = false
				t.b.WriteString(separator)
				return ast.WalkSkipChildren, nil
			}
			return ast.WalkContinue, nil
		}
		value := text.Segment.Value(source)
		t.joinBreak(value)
		t.pieces = append(t.pieces, textPiece{node: text, at: t.b.Len(), source: text.Segment.Start, size: len(value)})
		t.b.Write(value)
		t.pending = text.SoftLineBreak() || text.HardLineBreak()
		return ast.WalkContinue, nil
	})
}

// joinBreak writes the line break before next as content.PlainText reads
// it (content.BreakReadsAsSpace).
func (t *blockText) joinBreak(next []byte) {
	if !t.pending {
		return
	}
	t.pending = false
	last, _ := utf8.DecodeLastRuneInString(t.b.String())
	first, _ := utf8.DecodeRune(next)
	if content.BreakReadsAsSpace(last, first) {
		t.b.WriteByte(' ')
	}
}

// String is the block's text.
func (t *blockText) String() string { return t.b.String() }

// parts maps [start, end) of the block's text to the text nodes it covers.
func (t *blockText) parts(start, end int) []textPart {
	var out []textPart
	for _, p := range t.pieces {
		lo, hi := max(start, p.at), min(end, p.at+p.size)
		if lo < hi {
			out = append(out, textPart{node: p.node, start: p.source + lo - p.at, stop: p.source + hi - p.at})
		}
	}
	return out
}
