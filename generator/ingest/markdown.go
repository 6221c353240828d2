package ingest

import (
	"regexp"
	"strings"
)

var (
	orderedListStart = regexp.MustCompile(`^(\d{1,9})([.)])`)
	entityLike       = regexp.MustCompile(`&(#?[0-9A-Za-z]+;)`)
)

// EscapeMarkdown makes text render as itself: characters that Markdown would
// read as markup get a backslash. Chinese text rarely has any, so content
// files stay easy to edit by hand.
func EscapeMarkdown(text string) string {
	if !strings.ContainsAny(text, "\\`*_[]<>#~&+-=|:!0123456789") {
		return text
	}
	var b strings.Builder
	b.Grow(len(text) + 8)
	for _, r := range text {
		switch r {
		case '\\', '`', '*', '_', '[', ']', '<', '>', '#', '~':
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	s := b.String()
	if strings.Contains(s, "&") {
		s = entityLike.ReplaceAllString(s, `\&$1`)
	}
	if m := orderedListStart.FindStringSubmatchIndex(s); m != nil {
		s = s[:m[4]] + `\` + s[m[4]:]
	}
	if s != "" && strings.ContainsRune("+-=|:", rune(s[0])) {
		s = `\` + s
	}
	return s
}

// escapeCell escapes a table cell: Markdown, and the | that ends a cell.
func escapeCell(text string) string {
	return strings.ReplaceAll(EscapeMarkdown(strings.Join(strings.Fields(text), " ")), "|", `\|`)
}

// Body renders the document's blocks as Markdown: one line per paragraph,
// headings as ## lines, tables as pipe tables, a blank line between blocks.
func (d *Document) Body() string {
	var b strings.Builder
	for i, bl := range d.Blocks {
		if i > 0 {
			b.WriteString("\n")
		}
		switch bl.Kind {
		case Heading:
			b.WriteString(strings.Repeat("#", bl.Level))
			b.WriteByte(' ')
			b.WriteString(EscapeMarkdown(bl.Text))
		case Table:
			writeTable(&b, bl.Rows)
			continue
		default:
			b.WriteString(EscapeMarkdown(bl.Text))
		}
		b.WriteString("\n")
	}
	return b.String()
}

func writeTable(b *strings.Builder, rows [][]string) {
	cols := 0
	for _, r := range rows {
		cols = max(cols, len(r))
	}
	for i, r := range rows {
		b.WriteString("|")
		for c := 0; c < cols; c++ {
			cell := ""
			if c < len(r) {
				cell = escapeCell(r[c])
			}
			b.WriteString(" " + cell + " |")
		}
		b.WriteString("\n")
		if i == 0 {
			b.WriteString("|" + strings.Repeat(" --- |", cols) + "\n")
		}
	}
}
