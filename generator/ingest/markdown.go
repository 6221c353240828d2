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
	var b strings.Builder
	for _, r := range text {
		switch r {
		case '\\', '`', '*', '_', '[', ']', '<', '>', '#', '~':
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	s := entityLike.ReplaceAllString(b.String(), `\&$1`)
	if m := orderedListStart.FindStringSubmatchIndex(s); m != nil {
		s = s[:m[4]] + `\` + s[m[4]:]
	}
	if s != "" && strings.ContainsRune("+-=|:", rune(s[0])) {
		s = `\` + s
	}
	return s
}

// Body renders the document's blocks as Markdown: one line per paragraph,
// headings as ## lines, a blank line between blocks.
func (d *Document) Body() string {
	var b strings.Builder
	for i, bl := range d.Blocks {
		if i > 0 {
			b.WriteString("\n")
		}
		if bl.Kind == Heading {
			b.WriteString(strings.Repeat("#", bl.Level))
			b.WriteByte(' ')
		}
		b.WriteString(EscapeMarkdown(bl.Text))
		b.WriteString("\n")
	}
	return b.String()
}
