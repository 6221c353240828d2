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
	// lastItem: the circled number (①…⑳) of the last list item of the open
	// paragraph that began a line or followed a colon; 0 for none.
	lastItem int
	// headingOpen: the last heading may go on in the next line: it ended
	// at a comma, or (headingIndented) it began indented in indented text
	// and has no full stop, so an unindented line after it is its rest.
	headingOpen, headingIndented bool
	// indentMode: paragraphs in this text start with an indent, so a line
	// without one continues the paragraph even after a full stop.
	indentMode bool
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
	flagBoilerplate(body, rep)
	b := &builder{doc: doc, rep: rep, indentMode: usesIndent(body)}
	for i, l := range body {
		if l.removed != "" {
			continue
		}
		b.add(l, nextKept(body, i))
	}
	b.flush()
	nestLevels(doc.Blocks)
	return doc
}

// nextKept is the text of the first line after i that stays in the body.
// Each call passes only removed lines, so the walk is linear in all.
func nextKept(lines []srcLine, i int) string {
	for _, l := range lines[i+1:] {
		if l.removed == "" {
			return l.text
		}
	}
	return ""
}

// fieldRe: a "label：value" line of a minutes header (时间：… 地点：… 主持：…).
var fieldRe = regexp.MustCompile(`^(?:时间|日期|地点|主持|主持人|出席|列席|参加|参会|出席人员|列席人员|参加人员|参会人员|缺席|请假|记录|记录人|议题|会议议题|主题|主讲|主讲人|报告人|联系人|电话|附件)[：:]\s*\S`)

// columnLabelRe: a line that is only the label of a news column or
// section (【二十大时光】, 【专家解读】): a block of its own, not the start
// of the paragraph under it.
var columnLabelRe = regexp.MustCompile(`^【[^【】]{0,20}\p{Han}[^【】]{0,20}】$`)

// isSalutationLine, isDateLine and isColumnLabel are the regular
// expressions' matches, the last character looked at first: a regular
// expression costs in proportion to the whole line, and most lines are
// paragraphs that end in none of the characters these do.
func isSalutationLine(s string) bool {
	return endsInAny(s, "：:！!，,") && salutationRe.MatchString(s)
}

func isDateLine(s string) bool {
	return endsInAny(s, "日)）0123456789 \t\n\f\r") && dateLineRe.MatchString(s)
}

func isColumnLabel(s string) bool {
	return strings.HasPrefix(s, "【") && strings.HasSuffix(s, "】") && columnLabelRe.MatchString(s)
}

// endsInAny reports whether the last character of s is one of chars
// (none of which is U+FFFD, what an empty or broken end decodes to).
func endsInAny(s, chars string) bool {
	r, _ := utf8.DecodeLastRuneInString(s)
	return strings.ContainsRune(chars, r)
}

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

func (b *builder) add(l srcLine, next string) {
	switch {
	case l.table != nil:
		b.flush()
		t := *l.table
		b.doc.Blocks = append(b.doc.Blocks, t)
		return
	case l.level > 0:
		b.flush()
		b.headingOpen = false
		b.heading(l.level, l.text, l.line)
		return
	}
	text := l.text
	if b.headingOpen && b.continuesHeading(l) {
		b.extendHeading(l)
		return
	}
	b.headingOpen = false
	// A stage note on a line of its own, or cut in two by a page break
	// (（掌 / 19 / 声）), closes the paragraph it follows.
	if b.cur != nil && (isStageNote(text) || opensStageNote(text, next)) {
		b.extend(l, text)
		return
	}
	// A salutation, a date line (the date under a signature), a column
	// label, a rule (-----) or a web page's footer stands alone: nothing
	// joins onto it and it joins nothing.
	if l.boilerplate || isSalutationLine(text) || isDateLine(text) || isColumnLabel(text) || isRuleLine(text) {
		b.flush()
		b.open(text, l.line)
		b.flush()
		return
	}
	if (l.blankBefore() && startsBlock(text, b.curLast)) || isChapterLine(l) || b.nextItem(text, next) {
		b.flush() // whatever the paragraph before ends with
	}
	if m, ok := markOf(text); ok && !b.midSentence() {
		if h, rest, ok := splitHeading(text); ok {
			h = keepSpaceAfterNumber(m, h, l.source())
			b.flush()
			b.heading(ladderLevel(m.style), h, l.line)
			if rest != "" {
				b.open(rest, l.line)
			} else {
				b.headingIndented = b.indentMode && l.indent
				b.headingOpen = endsInComma(h) || b.headingIndented && !endsSentence(h)
			}
			return
		}
	}
	if b.cur != nil && b.continues(l) {
		b.extend(l, text)
		return
	}
	b.flush()
	b.open(text, l.line)
	b.curTrail = l.trail
}

// continuesHeading: line l is the rest of the heading before it, which
// a wrap cut (（三）……推动产业结 / 构优化升级。): the heading ended at a
// comma, or in indented text l is not indented and begins no block.
func (b *builder) continuesHeading(l srcLine) bool {
	if l.breakBefore {
		return false
	}
	if _, numbered := markOf(l.text); numbered {
		return false
	}
	h := b.doc.Blocks[len(b.doc.Blocks)-1]
	return endsInComma(h.Text) || b.headingIndented && !l.indent && !startsBlock(l.text, h.Text)
}

// extendHeading joins line l onto the heading before it. A first sentence
// that ends in l makes the rest of l a paragraph (a run-in heading); a
// heading that grows too long with no sentence end was a numbered
// paragraph all along.
func (b *builder) extendHeading(l srcLine) {
	h := &b.doc.Blocks[len(b.doc.Blocks)-1]
	joined := h.Text
	if needsSpace(h.Text, l.text) {
		joined += " "
	}
	joined += l.text
	hh, rest, ok := splitHeading(joined)
	if !ok {
		was := *h
		b.doc.Blocks = b.doc.Blocks[:len(b.doc.Blocks)-1]
		b.headingOpen = false
		b.open(was.Text, was.Line)
		b.extend(l, l.text)
		return
	}
	b.rep.Unwrapped++
	h.Text = hh
	if rest != "" {
		b.headingOpen = false
		b.open(rest, l.line)
		return
	}
	b.headingOpen = endsInComma(h.Text) || b.headingIndented && !endsSentence(h.Text)
}

// extend continues the open paragraph with line l.
func (b *builder) extend(l srcLine, text string) {
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
	if n := listItemNumber(text); n > 0 {
		b.lastItem = n
	}
}

// nextItem: line text is an item of a list, not the rest of a sentence:
// ② after a ① that began a line (or followed 答：), ① when the next line
// begins with ②, a —— bullet after a —— bullet. A ③ or —— inside a
// sentence that a wrap put at the start of a line has none of these.
func (b *builder) nextItem(text, next string) bool {
	if b.cur == nil {
		return false
	}
	if strings.HasPrefix(text, "——") {
		return strings.HasPrefix(b.cur.String(), "——")
	}
	n := circledNumber(text)
	return (n > 1 && n == b.lastItem+1) || (n == 1 && circledNumber(next) == 2)
}

// isChapterLine: 第二章 (第三节, 第一部分), a space and a short title
// without punctuation. Prose never puts a space after 第二章, so the line is
// a heading even right after a line that stops mid-sentence.
func isChapterLine(l srcLine) bool {
	m, ok := markOf(l.source())
	if !ok || (m.style != stylePart && m.style != styleSection) {
		return false
	}
	r, _ := utf8.DecodeRuneInString(m.rest)
	title := trimSpace(m.rest)
	return isSpace(r) && title != "" && !runesOver(title, maxHeadingRunes) &&
		!strings.ContainsAny(title, "。，；！？：,;!?")
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

// midSentence: the open paragraph stops without sentence-final punctuation
// or a stage note (which a page break may have cut: （掌 / 声）).
func (b *builder) midSentence() bool {
	return b.cur != nil && !endsSentence(b.curLast) && !endsInStageNote(b.cur.String())
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
	if endsInStageNote(b.cur.String()) {
		return false // the applause ends the paragraph even in indented text
	}
	return b.indentMode && !l.breakBefore && !l.indent
}

func (b *builder) open(text string, line int) {
	b.cur = &strings.Builder{}
	b.cur.WriteString(text)
	b.curLine, b.curLast, b.curTrail = line, text, false
	b.starts = []lineStart{{0, line}}
	b.lastItem = listItemNumber(text)
}

func (b *builder) flush() {
	if b.cur == nil {
		return
	}
	b.doc.Blocks = append(b.doc.Blocks, Block{Kind: Paragraph, Text: b.cur.String(), Line: b.curLine, starts: b.starts})
	b.cur = nil
}

func endsInComma(s string) bool { return endsInAny(s, "，、,") }

func (b *builder) heading(level int, text string, line int) {
	b.headingOpen = false
	// Clone: a substring would keep the whole decoded file in memory.
	b.doc.Blocks = append(b.doc.Blocks, Block{Kind: Heading, Level: level, Text: strings.Clone(text), Line: line})
}

// level is where a numbering style sits on the full ladder: 第一部分 ##,
// 第一节 ###, 一、 ####, （一） #####, 1. ######, （1） #######. nestLevels
// then closes the gaps of the styles a text does not use.
func ladderLevel(st headingStyle) int {
	return 2 + int(st)
}

// nestLevels makes the headings an outline without skipped levels: a
// heading is one level below the nearest heading before it that sits higher
// on the ladder (its parent), or ## without one. A text that uses the whole
// ladder keeps it; one with only 第一章 and 1. gets ## and ###.
func nestLevels(blocks []Block) {
	type open struct{ ladder, level int }
	var parents []open
	for i := range blocks {
		h := &blocks[i]
		if h.Kind != Heading {
			continue
		}
		for len(parents) > 0 && parents[len(parents)-1].ladder >= h.Level {
			parents = parents[:len(parents)-1]
		}
		level := 2
		if len(parents) > 0 {
			level = parents[len(parents)-1].level + 1
		}
		parents = append(parents, open{h.Level, level})
		h.Level = min(level, 6)
	}
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
	if r, _ := utf8.DecodeRuneInString(m.rest); isSpace(r) {
		return h // an ideographic space, which normalizeSpaces keeps
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
