package frontmatter

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
)

// yamlHints turn the YAML library's messages into what a clerk who edited a
// content file by hand can act on. Matched by substring of the message.
var yamlHints = []struct{ contains, hint string }{
	{"unexpected end of stream", `a quotation mark " or ' is opened and not closed: close it at the end of the value`},
	{"found a tab character", "indent with spaces, not tabs"},
	{"did not find expected key", "check the indentation: every key starts at the left edge, and every list item `  - …` of a list at the same column"},
	{"did not find expected '-' indicator", "check the indentation: every list item `  - …` of a list starts at the same column"},
	{"mapping values are not allowed", "a value that contains `: ` must be quoted, e.g. title: \"关于: 某事\""},
	{"could not find expected ':'", "a line is missing its `key: ` or a quoted value runs over several lines"},
	{"into []string", "this key takes a list: write it as [甲, 乙] or one `  - 甲` per line"},
	{"!!map into string", "a value that contains `: ` must be quoted, e.g. - \"如何理解: 某事\""},
	{"!!seq into string", "this key takes one value, not a list"},
	{"already defined", "a key appears twice: keep one of them"},
}

// errUnclosedQuote is the message for a value whose quotation mark is
// opened and never closed.
var errUnclosedQuote = errors.New(`the quotation mark " or ' opened on this line is not closed: close it at the end of the value`)

// isSyntaxError: the YAML could not be read at all (as opposed to a value
// of the wrong type, which names its own line rightly).
func isSyntaxError(err error) bool {
	msg := err.Error()
	return !strings.Contains(msg, "cannot unmarshal") && !strings.Contains(msg, "already defined") &&
		!strings.Contains(msg, "no title") && !strings.Contains(msg, "not a date")
}

func withHint(err error) error {
	msg := err.Error()
	for _, h := range yamlHints {
		if strings.Contains(msg, h.contains) {
			return fmt.Errorf("%w (%s)", err, h.hint)
		}
	}
	return err
}

// unclosedQuoteLine is the line (1-based within fm) of the first value that
// opens a quotation mark and does not close it on its line; 0 when none.
// YAML reports such a mistake at the end of the front matter, far from it.
func unclosedQuoteLine(fm []byte) int {
	for i, line := range bytes.Split(fm, []byte("\n")) {
		s := strings.TrimSpace(string(line))
		s = strings.TrimSpace(strings.TrimPrefix(s, "- "))
		if k := strings.Index(s, ": "); k > 0 && !strings.HasPrefix(s, `"`) && !strings.HasPrefix(s, "'") {
			s = strings.TrimSpace(s[k+2:])
		}
		if len(s) == 0 {
			continue
		}
		if q := s[0]; (q == '"' || q == '\'') && (len(s) == 1 || s[len(s)-1] != q) {
			return i + 1
		}
	}
	return 0
}

// listIndentError finds list items of one list that start at different
// columns. YAML reads `- 甲` followed by a deeper `  - 乙` as one item
// "甲 - 乙" without a word, so a mis-indented terms list would silently
// become one strange term; every list of the content model is a flat list
// of strings, so differing columns are always a slip.
func listIndentError(fm []byte) error {
	prevIndent, prevLine := -1, 0
	for i, line := range bytes.Split(fm, []byte("\n")) {
		s := strings.TrimRight(string(line), "\r")
		t := strings.TrimLeft(s, " ")
		if t != "-" && !strings.HasPrefix(t, "- ") {
			if strings.TrimSpace(s) != "" {
				prevIndent = -1
			}
			continue
		}
		indent := len(s) - len(t)
		if prevIndent >= 0 && indent != prevIndent {
			return &LineError{Line: i + 2, Err: fmt.Errorf("this list item starts at column %d, the one on line %d at column %d (%s)",
				indent+1, prevLine+2, prevIndent+1, "every item `- …` of a list starts at the same column")}
		}
		prevIndent, prevLine = indent, i
	}
	return nil
}

// errNoTitle is the message for a missing or empty title.
var errNoTitle = errors.New("front matter has no title (write the document's title after `title: `)")
