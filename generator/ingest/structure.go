package ingest

import (
	"fmt"
	"regexp"
	"strings"
	"unicode/utf8"
)

// builder assembles body blocks from source lines.
type builder struct {
	doc *Document
	rep *Report
	cur *strings.Builder // the open paragraph, nil when none
	// curLine: where the open paragraph started; curLast: its last piece.
	curLine  int
	curLast  string
	curTrail bool
	starts   []lineStart
	// headingOpen: the last heading ended at a comma, so it wrapped.
	headingOpen bool
	// indentMode: paragraphs in this text start with an indent, so a line
	// without one continues the paragraph even after a full stop.
	indentMode bool
	styles     [numStyles]bool // heading styles seen in the text
}

// Structure recovers title block, headings and paragraphs from source lines.
func structure(lines []srcLine, rep *Report) *Document {
	doc := &Document{}
	markArtefacts(lines)
	for _, l := range lines {
		if l.removed != "" {
			rep.Removed = append(rep.Removed, RemovedLine{Line: l.line, Text: strings.Clone(l.source()), Reason: l.removed})
		}
	}
	body := readTitleBlock(lines, doc, rep)
	b := &builder{doc: doc, rep: rep, indentMode: usesIndent(body)}
	for _, l := range body {
		if m, ok := markOf(l.text); ok && l.removed == "" {
			b.styles[m.style] = true
		}
	}
	for _, l := range body {
		if l.removed != "" {
			continue
		}
		b.add(l)
	}
	b.flush()
	return doc
}

// fieldRe: a "label：value" line of a minutes header (时间：… 地点：… 主持：…).
var fieldRe = regexp.MustCompile(`^(?:时间|日期|地点|主持|主持人|出席|列席|参加|参会|出席人员|列席人员|参加人员|参会人员|缺席|请假|记录|记录人|议题|会议议题|主题|主讲|主讲人|报告人|联系人|电话|附件)[：:]\s*\S`)

// usesIndent is true for text where paragraphs start indented and wrapped
// lines do not: many indented and many plain lines, few blank lines.
func usesIndent(lines []srcLine) bool {
	var indented, plain, breaks int
	for _, l := range lines {
		if l.removed != "" || l.table != nil || l.level != 0 {
			continue
		}
		if l.indent {
			indented++
		} else {
			plain++
		}
		if l.breakBefore {
			breaks++
		}
	}
	n := indented + plain
	return n >= 4 && indented*10 >= n && plain*10 >= n*3 && breaks*4 < n
}

func (b *builder) add(l srcLine) {
	switch {
	case l.table != nil:
		b.flush()
		t := *l.table
		b.doc.Blocks = append(b.doc.Blocks, t)
		return
	case l.level > 0:
		b.flush()
		b.headingOpen = false
		b.heading(min(l.level, 6), l.text, l.line)
		return
	}
	text := l.text
	// A heading wrapped at a comma goes on in the next line.
	if b.headingOpen {
		b.headingOpen = false
		if _, numbered := markOf(text); !l.breakBefore && !numbered {
			h := &b.doc.Blocks[len(b.doc.Blocks)-1]
			b.rep.Unwrapped++
			if needsSpace(h.Text, text) {
				h.Text += " "
			}
			h.Text += text
			if hh, rest, ok := splitHeading(h.Text); ok && rest != "" {
				h.Text = hh
				b.open(rest, l.line)
			} else {
				b.headingOpen = endsInComma(h.Text)
			}
			return
		}
	}
	// A salutation or a date line (the date under a signature) stands
	// alone: nothing joins onto it and it joins nothing.
	if salutationRe.MatchString(text) || dateLineRe.MatchString(text) {
		b.flush()
		b.open(text, l.line)
		b.flush()
		return
	}
	if m, ok := markOf(text); ok && !b.midSentence() {
		if h, rest, ok := splitHeading(text); ok {
			h = keepSpaceAfterNumber(m, h, l.source())
			b.flush()
			b.heading(b.level(m.style), h, l.line)
			if rest != "" {
				b.open(rest, l.line)
			} else {
				b.headingOpen = endsInComma(h)
			}
			return
		}
	}
	if b.cur != nil && b.continues(l) {
		if l.breakBefore {
			b.rep.Joins = append(b.rep.Joins, Join{Line: l.line, Before: strings.Clone(tail(b.curLast, 8)), After: strings.Clone(head(text, 8))})
		} else {
			b.rep.Unwrapped++
		}
		// A hard wrap dropped the space between two Latin words; across a
		// blank line or page break only the source's own space counts.
		if (!l.breakBefore && needsSpace(b.curLast, text)) || b.keepsSpace(l, text) {
			b.cur.WriteByte(' ')
		}
		b.starts = append(b.starts, lineStart{b.cur.Len(), l.line})
		b.cur.WriteString(text)
		b.curLast, b.curTrail = text, l.trail
		return
	}
	b.flush()
	b.open(text, l.line)
	b.curTrail = l.trail
}

// keepsSpace: the source had a space at the join next to a Latin word or a
// number ("30 | 日", "思路 and | 模式"); that space is content.
func (b *builder) keepsSpace(l srcLine, text string) bool {
	if !b.curTrail && !l.lead {
		return false
	}
	r1, _ := utf8.DecodeLastRuneInString(b.curLast)
	r2, _ := utf8.DecodeRuneInString(text)
	if isCJKPunct(r1) || isCJKPunct(r2) {
		return false
	}
	return isLatinWordRune(r1) || isLatinWordRune(r2)
}

// midSentence: the open paragraph stops without sentence-final punctuation.
func (b *builder) midSentence() bool {
	return b.cur != nil && !endsSentence(b.curLast)
}

// continues says whether line l goes on with the open paragraph.
func (b *builder) continues(l srcLine) bool {
	if len(b.starts) == 1 && fieldRe.MatchString(b.curLast) {
		// 时间：…  地点：…  one field a line, unless its value wraps
		// at a comma.
		r, _ := utf8.DecodeLastRuneInString(b.curLast)
		return strings.ContainsRune("，、,", r)
	}
	if b.midSentence() {
		return true
	}
	return b.indentMode && !l.breakBefore && !l.indent
}

func (b *builder) open(text string, line int) {
	b.cur = &strings.Builder{}
	b.cur.WriteString(text)
	b.curLine, b.curLast, b.curTrail = line, text, false
	b.starts = []lineStart{{0, line}}
}

func (b *builder) flush() {
	if b.cur == nil {
		return
	}
	b.doc.Blocks = append(b.doc.Blocks, Block{Kind: Paragraph, Text: b.cur.String(), Line: b.curLine, starts: b.starts})
	b.cur = nil
}

func endsInComma(s string) bool {
	r, _ := utf8.DecodeLastRuneInString(s)
	return strings.ContainsRune("，、,", r)
}

func (b *builder) heading(level int, text string, line int) {
	b.headingOpen = false
	// Clone: a substring would keep the whole decoded file in memory.
	b.doc.Blocks = append(b.doc.Blocks, Block{Kind: Heading, Level: level, Text: strings.Clone(text), Line: line})
}

// level maps a numbering style to a Markdown level: 一、 ##, （一） ###,
// 1. ####, （1） #####; 第一部分/第一章 and 第一节 take the levels above
// and push the others down when the text uses them.
func (b *builder) level(st headingStyle) int {
	outer := 0
	if b.styles[stylePart] {
		outer++
	}
	if b.styles[styleSection] {
		outer++
	}
	var l int
	switch st {
	case stylePart:
		l = 2
	case styleSection:
		l = 2
		if b.styles[stylePart] {
			l = 3
		}
	default:
		l = 2 + outer + int(st-styleCN)
	}
	return min(l, 6)
}

func (k BlockKind) String() string {
	switch k {
	case Heading:
		return "heading"
	case Table:
		return "table"
	}
	return "paragraph"
}

func (bl Block) String() string {
	if bl.Kind == Heading {
		return fmt.Sprintf("h%d@%d %s", bl.Level, bl.Line, bl.Text)
	}
	return fmt.Sprintf("%s@%d %s", bl.Kind, bl.Line, head(bl.Text, 20))
}

// keepSpaceAfterNumber puts back the space the source had between 第一部分
// (第一章, 第一节) and the heading's words, which normalizeSpaces took for a
// PDF artefact between two Chinese characters.
func keepSpaceAfterNumber(m headingMark, h, raw string) string {
	if m.style != stylePart && m.style != styleSection {
		return h
	}
	num := strings.TrimSuffix(h, m.rest)
	if len(num) == len(h) || !strings.HasPrefix(raw, num) {
		return h
	}
	r, _ := utf8.DecodeRuneInString(raw[len(num):])
	if !isSpace(r) || m.rest == "" {
		return h
	}
	return num + " " + m.rest
}

// source is the line as the source has it (trimmed).
func (l srcLine) source() string {
	if l.raw != "" {
		return l.raw
	}
	return l.text
}
