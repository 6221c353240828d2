package ingest

import (
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/yuin/goldmark/util"
)

// escapeContext is where an escaped text goes: block syntax (lists, quotes,
// headings, fences) is only read at the start of a paragraph line, a
// heading's text can end in a closing sequence of #, and a table cell ends at
// a |.
type escapeContext int

const (
	inParagraph escapeContext = iota
	inHeading
	inCell
)

// EscapeMarkdown makes one line of text render as itself in a paragraph of
// its own: a backslash goes only before a character CommonMark (or
// studysite's [[link]] syntax) would otherwise read as markup. Content
// files are edited by hand and their text ends up in search snippets, so
// `toc_nav_num`, `1.总则` and `GDP增长5.2%` stay as they are. The text must
// hold no line break; white space at its ends is not kept by Markdown.
func EscapeMarkdown(text string) string { return escapeMarkdown(text, inParagraph) }

// EscapeHeading escapes the text of an ATX heading (what follows "## ").
func EscapeHeading(text string) string { return escapeMarkdown(text, inHeading) }

// escapeCell escapes a table cell: Markdown, and the | that ends a cell.
func escapeCell(text string) string {
	return escapeMarkdown(strings.Join(strings.Fields(text), " "), inCell)
}

func escapeMarkdown(s string, ctx escapeContext) string {
	if !mayNeedEscape(s, ctx) {
		return s
	}
	var at []int // byte offsets that get a backslash before them
	mark := func(i int) { at = append(at, i) }
	inlineEscapes(s, mark)
	switch ctx {
	case inParagraph:
		blockStartEscapes(s, mark)
	case inHeading:
		closingHashEscape(s, mark)
	case inCell:
		for i := 0; i < len(s); i++ {
			if s[i] == '|' {
				mark(i)
			}
		}
	}
	if len(at) == 0 {
		return s
	}
	sort.Ints(at)
	var b strings.Builder
	b.Grow(len(s) + len(at))
	prev := 0
	for k, i := range at {
		if k > 0 && at[k-1] == i {
			continue
		}
		b.WriteString(s[prev:i])
		b.WriteByte('\\')
		prev = i
	}
	b.WriteString(s[prev:])
	return b.String()
}

// mayNeedEscape is a quick test that lets most Chinese text through
// untouched.
func mayNeedEscape(s string, ctx escapeContext) bool {
	if s == "" {
		return false
	}
	if strings.ContainsAny(s, "\\`*_[]<&") {
		return true
	}
	switch ctx {
	case inParagraph:
		first := strings.TrimLeft(s, " \t")
		return first != "" && strings.IndexByte("#>-+~0123456789", first[0]) >= 0
	case inHeading:
		return strings.HasSuffix(strings.TrimRight(s, " \t"), "#")
	default:
		return strings.IndexByte(s, '|') >= 0
	}
}

// inlineEscapes marks what inline Markdown would read as markup anywhere in
// a line: escapes, entities, code spans, emphasis, links, HTML, autolinks.
func inlineEscapes(s string, mark func(int)) {
	// One pass, also over a 200,000-character line: where the last > is,
	// and whether a [ came before.
	lastGT := strings.LastIndexByte(s, '>')
	bracketBefore := false
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '\\':
			// A backslash escapes only ASCII punctuation.
			if i+1 < len(s) && util.IsPunct(s[i+1]) {
				mark(i)
			}
		case '&':
			if isCharacterReference(s[i:]) {
				mark(i)
			}
		case '<':
			// Raw HTML and autolinks need a closing >.
			if i+1 < len(s) && opensTagOrAutolink(s[i+1]) && lastGT > i {
				mark(i)
			}
		case '[':
			// [[ … ]] is a link between documents in studysite; both
			// brackets need a backslash for it to read as text.
			if i > 0 && s[i-1] == '[' || i+1 < len(s) && s[i+1] == '[' {
				mark(i)
			}
			bracketBefore = true
		case ']':
			// Without link reference definitions (a paragraph line never
			// starts one, see blockStartEscapes) only ]( closes a link.
			if i+1 < len(s) && s[i+1] == '(' && bracketBefore {
				mark(i)
			}
		}
	}
	codeSpanEscapes(s, mark)
	emphasisEscapes(s, '*', mark)
	emphasisEscapes(s, '_', mark)
}

// isCharacterReference reports whether s starts with an entity or numeric
// character reference that goldmark would decode (&amp; &#20013; &#x4E2D;).
func isCharacterReference(s string) bool {
	// The longest entity name has 31 letters: look no further.
	semi := strings.IndexByte(s[:min(len(s), 40)], ';')
	if semi < 2 {
		return false
	}
	name := s[1:semi]
	switch {
	case name[0] == '#' && len(name) > 1 && (name[1] == 'x' || name[1] == 'X'):
		return len(name) >= 3 && len(name) <= 8 && allBytes(name[2:], isHexByte)
	case name[0] == '#':
		return len(name) >= 2 && len(name) <= 8 && allBytes(name[1:], isDigitByte)
	default:
		if !allBytes(name, isAlnumByte) {
			return false
		}
		_, ok := util.LookUpHTML5EntityByName(name)
		return ok
	}
}

// opensTagOrAutolink: the character after < that may start an HTML tag,
// comment, declaration, processing instruction, or an autolink (a URL
// scheme, or the local part of an e-mail address).
func opensTagOrAutolink(c byte) bool {
	return isAlnumByte(c) || strings.IndexByte("/!?.#$%&'*+=^_`{|}~-", c) >= 0
}

// codeSpanEscapes: a run of backticks opens a code span only where a run of
// the same length follows; then every backtick gets a backslash.
func codeSpanEscapes(s string, mark func(int)) {
	if strings.Count(s, "`") < 2 {
		return
	}
	seen := map[int]bool{}
	pair := false
	for i := 0; i < len(s); {
		if s[i] != '`' {
			i++
			continue
		}
		j := i
		for j < len(s) && s[j] == '`' {
			j++
		}
		if seen[j-i] {
			pair = true
			break
		}
		seen[j-i] = true
		i = j
	}
	if !pair {
		return
	}
	for i := 0; i < len(s); i++ {
		if s[i] == '`' {
			mark(i)
		}
	}
}

// delimiterRun is a run of * or _ and whether CommonMark lets it open or
// close emphasis.
type delimiterRun struct {
	start, end        int
	canOpen, canClose bool
}

// emphasisEscapes marks every run of c that could pair with another: one
// that can open with a later one that can close, and the other way round.
// The flanking rules are goldmark's own (util.IsPunctRune, IsSpaceRune), so
// 中_文 and toc_nav_num keep their underscores.
func emphasisEscapes(s string, c byte, mark func(int)) {
	if strings.IndexByte(s, c) < 0 {
		return
	}
	var runs []delimiterRun
	for i := 0; i < len(s); {
		if s[i] != c {
			i++
			continue
		}
		j := i
		for j < len(s) && s[j] == c {
			j++
		}
		before, after := ' ', ' ' // line ends count as white space
		if i > 0 {
			before, _ = utf8.DecodeLastRuneInString(s[:i])
		}
		if j < len(s) {
			after, _ = utf8.DecodeRuneInString(s[j:])
		}
		bp, bs := util.IsPunctRune(before), util.IsSpaceRune(before)
		ap, as := util.IsPunctRune(after), util.IsSpaceRune(after)
		left := !as && (!ap || bs || bp)
		right := !bs && (!bp || as || ap)
		r := delimiterRun{start: i, end: j, canOpen: left, canClose: right}
		if c == '_' {
			r.canOpen = left && (!right || bp)
			r.canClose = right && (!left || ap)
		}
		runs = append(runs, r)
		i = j
	}
	closerAfter := make([]bool, len(runs)+1)
	for k := len(runs) - 1; k >= 0; k-- {
		closerAfter[k] = closerAfter[k+1] || runs[k].canClose
	}
	openerBefore := false
	for k, r := range runs {
		if r.canOpen && closerAfter[k+1] || r.canClose && openerBefore {
			for i := r.start; i < r.end; i++ {
				mark(i)
			}
		}
		openerBefore = openerBefore || r.canOpen
	}
}

// blockStartEscapes marks what would make a paragraph line something else:
// an ATX heading, a block quote, a list item, a thematic break, a code
// fence, an HTML block or a link reference definition.
func blockStartEscapes(s string, mark func(int)) {
	p := len(s) - len(strings.TrimLeft(s, " \t"))
	if p == len(s) {
		return
	}
	rest := s[p:]
	endsMarker := func(n int) bool { return n == len(rest) || rest[n] == ' ' || rest[n] == '\t' }
	switch c := rest[0]; {
	case c == '#':
		n := len(rest) - len(strings.TrimLeft(rest, "#"))
		if n <= 6 && endsMarker(n) {
			mark(p)
		}
	case c == '>':
		mark(p)
	case c == '-' || c == '+' || c == '*':
		if endsMarker(1) {
			mark(p)
		}
	case c == '`' || c == '~':
		// Every backtick of a fence: one left over could pair with a
		// later run of the same length as a code span.
		n := len(rest) - len(strings.TrimLeft(rest, string(c)))
		for i := 0; n >= 3 && i < n; i++ {
			if i == 0 || c == '`' {
				mark(p + i)
			}
		}
	case c == '<':
		if len(rest) > 1 && (isLetterByte(rest[1]) || strings.IndexByte("/!?", rest[1]) >= 0) {
			mark(p)
		}
	case c == '[':
		if strings.Contains(rest, "]:") {
			mark(p)
		}
	case isDigitByte(c):
		n := len(rest) - len(strings.TrimLeft(rest, "0123456789"))
		if n <= 9 && n < len(rest) && (rest[n] == '.' || rest[n] == ')') && endsMarker(n+1) {
			mark(p + n)
		}
	}
	if isThematicBreak(rest) {
		mark(p)
	}
}

// isThematicBreak: three or more of one of - * _ and nothing but spaces.
func isThematicBreak(s string) bool {
	c := s[0]
	if c != '-' && c != '*' && c != '_' {
		return false
	}
	n := 0
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case c:
			n++
		case ' ', '\t':
		default:
			return false
		}
	}
	return n >= 3
}

// closingHashEscape: "## 标题 #" ends in a closing sequence that Markdown
// drops, and a heading of only #s is empty.
func closingHashEscape(s string, mark func(int)) {
	t := strings.TrimRight(s, " \t")
	n := len(t) - len(strings.TrimRight(t, "#"))
	if n == 0 {
		return
	}
	if n == len(t) || t[len(t)-n-1] == ' ' || t[len(t)-n-1] == '\t' {
		mark(len(t) - n)
	}
}

func allBytes(s string, f func(byte) bool) bool {
	for i := 0; i < len(s); i++ {
		if !f(s[i]) {
			return false
		}
	}
	return true
}

func isDigitByte(c byte) bool  { return c >= '0' && c <= '9' }
func isLetterByte(c byte) bool { return c|0x20 >= 'a' && c|0x20 <= 'z' }
func isAlnumByte(c byte) bool  { return isDigitByte(c) || isLetterByte(c) }
func isHexByte(c byte) bool    { return isDigitByte(c) || c|0x20 >= 'a' && c|0x20 <= 'f' }
