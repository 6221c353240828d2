package ingest

import "strings"

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
			b.WriteString(EscapeHeading(bl.Text))
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
