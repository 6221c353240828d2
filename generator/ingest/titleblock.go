package ingest

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// titleBlock reads the top of a document: title, subtitles, date and
// speaker go to the front matter and are listed in Report.Moved.
type titleBlock struct {
	lines []srcLine
	i     int // the next line to read
	doc   *Document
	rep   *Report
	subs  []string
}

// How real title blocks run (blank lines, indentation and CRLF aside):
//
//	决胜全面建成小康社会                          title, two lines
//	夺取新时代中国特色社会主义伟大胜利
//	——在中国共产党第十九次全国代表大会上的报告    subtitle, occasion
//	（2017年10月18日）                            date
//	习近平                                        speaker
//	同志们：                                      first paragraph
//
// and a news text: a headline, a dateline (新华社北京10月18日电) and
// 【习近平】 同志们： 现在，我代表…… on one line.

// readTitleBlock takes the title block off the top of the document into
// doc and returns the body's lines. The body starts at the salutation or
// the first sentence: a speaker tag before them on the same line is moved
// to the front matter, a salutation fused with the first sentence becomes
// a line of its own.
func readTitleBlock(lines []srcLine, doc *Document, rep *Report) []srcLine {
	tb := &titleBlock{lines: lines, doc: doc, rep: rep}
	tb.skip()
	// A rule drawn above the title (---, =====) is no part of it; it
	// stays in the text, first in the body.
	var rules []srcLine
	for tb.i < len(lines) && lines[tb.i].table == nil && lines[tb.i].level == 0 && isRuleLine(lines[tb.i].text) {
		rules = append(rules, lines[tb.i])
		tb.i++
		tb.skip()
	}
	if !tb.readTitle() {
		return withRules(rules, lines[tb.i:])
	}
	tb.readFields()
	doc.Subtitle = strings.Join(tb.subs, " ")
	if doc.Occasion == "" {
		if m := occasionRe.FindStringSubmatch(doc.Title); m != nil {
			doc.Occasion = m[1]
		}
	}
	return withRules(rules, tb.body())
}

// withRules puts the rule lines drawn above the title before the body.
func withRules(rules, body []srcLine) []srcLine {
	if len(rules) == 0 {
		return body
	}
	return append(rules, body...)
}

func (tb *titleBlock) skip() {
	for tb.i < len(tb.lines) && tb.lines[tb.i].removed != "" {
		tb.i++
	}
}

// next is the index of the first kept line after j, or len(lines).
func (tb *titleBlock) next(j int) int {
	for j++; j < len(tb.lines) && tb.lines[j].removed != ""; j++ {
	}
	return j
}

// nextLine is the first kept line after j, or nil.
func (tb *titleBlock) nextLine(j int) *srcLine {
	if k := tb.next(j); k < len(tb.lines) {
		return &tb.lines[k]
	}
	return nil
}

func (tb *titleBlock) move(reason string) {
	l := tb.lines[tb.i]
	tb.rep.Moved = append(tb.rep.Moved, RemovedLine{Line: l.line, Text: strings.Clone(l.source()), Reason: reason})
	tb.i++
	tb.skip()
}

// readTitle reads the title lines: a .docx Title style, else up to three
// title-like lines. All of them are the title when a subtitle, date,
// speaker or salutation follows; otherwise only those that continue a
// wrapped title. False when the document has no clear title line.
func (tb *titleBlock) readTitle() bool {
	var cands []int
	for j := tb.i; j < len(tb.lines) && len(cands) < 3; j = tb.next(j) {
		l := tb.lines[j]
		if tb.lines[tb.i].level == -1 {
			if l.level != -1 {
				break
			}
		} else if !isTitleLine(l) {
			break
		}
		if len(cands) > 0 && l.level != -1 && endsInExclamation(l.text) {
			break // a title may end with ！ or ？; its second line never does
		}
		if len(cands) > 0 && l.level != -1 {
			// A speaker, or a line too short to be a phrase of a title
			// that does not finish a wrapped one (……建设 / 的意见), is
			// not more title.
			_, speaker := speakerName(l.source())
			first, _ := utf8.DecodeRuneInString(l.text)
			prev := tb.lines[cands[len(cands)-1]]
			short := utf8.RuneCountInString(l.text) < 4 && !endsInConnective(prev.text) && !strings.ContainsRune(wrapStarts, first) && !wrapsLongLine(prev, l)
			// 在……上的报告 under the title is its subtitle.
			if speaker || short || occasionLineRe.MatchString(l.text) {
				break
			}
		}
		cands = append(cands, j)
	}
	if len(cands) == 0 {
		return false
	}
	n := len(cands)
	if after := tb.next(cands[n-1]); tb.lines[cands[0]].level != -1 && (after == len(tb.lines) || !isFieldLine(tb.lines[after], tb.nextLine(after))) {
		if tb.startsWrappedParagraph(cands[0]) {
			l := tb.lines[cands[0]]
			tb.rep.Warnings = append(tb.rep.Warnings, Warning{Line: l.line, Message: fmt.Sprintf("the first line (%s…) runs on into the next line like the text of a paragraph, so it is not taken for a title", head(l.text, 12))})
			return false
		}
		n = 1
		for n < len(cands) && continuesTitle(tb.lines[cands[n-1]], tb.lines[cands[n]]) {
			n++
		}
	}
	for k := 0; k < n; k++ {
		tb.addTitleLine()
	}
	return true
}

// addTitleLine moves the current line into the title; a ——subtitle and a
// （全文） on the same line go to the subtitle.
func (tb *titleBlock) addTitleLine() {
	tl := splitTitleLine(tb.lines[tb.i].source())
	t := titleSpaces(tl.title)
	if tb.doc.Title != "" {
		tb.doc.Title += titleSeparator(tb.doc.Title, t, tb.doc.Title+t)
	}
	tb.doc.Title += t
	reason := "title"
	if tl.subtitle != "" {
		tb.addSubtitle(tl.subtitle)
		reason = "title and subtitle"
	}
	if tl.fullText != "" {
		// （全文） says the text is complete; it is not part of the title.
		// It stays in the text, in the subtitle beside the title.
		tb.subs = append(tb.subs, normalizeSpaces(tl.fullText))
		reason += "; （全文） kept in the subtitle, not the title"
	}
	tb.move(reason)
}

func (tb *titleBlock) addSubtitle(s string) {
	tb.subs = append(tb.subs, s)
	if m := occasionRe.FindStringSubmatch(s); m != nil && tb.doc.Occasion == "" {
		tb.doc.Occasion = m[1]
	}
	if m := inlineDateRe.FindStringSubmatch(s); m != nil && tb.doc.Date == "" {
		tb.doc.Date = parseDate(m[0])
	}
}

// readFields reads subtitles, the date, the speaker, （全文） and a
// dateline, in any order, up to the first line of the body.
func (tb *titleBlock) readFields() {
	for tb.i < len(tb.lines) {
		l := tb.lines[tb.i]
		if l.table != nil || l.level != 0 {
			return
		}
		name, nameOK := speakerName(l.source())
		tag, tagLen, tagOK := speakerTag(l.source())
		tagOK = tagOK && tb.doc.Speaker == ""
		switch {
		case tagOK && trimSpace(l.source()[tagLen:]) == "":
			tb.doc.Speaker = tag
			tb.move("speaker")
		case fullTextRe.MatchString(l.text) && utf8.RuneCountInString(l.text) <= 4:
			tb.subs = append(tb.subs, l.text)
			tb.move("（全文）: kept in the subtitle, not the title")
		case tb.doc.Date == "" && dateLineRe.MatchString(l.text):
			tb.doc.Date = parseDate(l.text)
			tb.move("date")
		case datelineHeadRe.MatchString(l.source()):
			// The dateline goes to the subtitle; the rest of the line is
			// the first paragraph.
			n := len(datelineHeadRe.FindString(l.source()))
			tb.subs = append(tb.subs, normalizeSpaces(trimSpace(l.source()[:n])))
			if trimSpace(l.source()[n:]) == "" {
				tb.move("dateline, in the subtitle")
				continue
			}
			tb.moveLineHead(n, "dateline, in the subtitle")
			return
		case datelineRe.MatchString(l.text):
			tb.subs = append(tb.subs, l.text)
			tb.move("dateline, in the subtitle")
		case len(tb.subs) > 0 && isDashOnly(l.text) && !isDashLine(tb.subs[len(tb.subs)-1]):
			// pdftotext -layout may print the dash of ——在……上的报告
			// on a line of its own, after the words.
			tb.subs[len(tb.subs)-1] = l.text + tb.subs[len(tb.subs)-1]
			tb.move("subtitle")
		case len(tb.subs) < 4 && isSubtitle(l.text, tb.nextLine(tb.i)):
			tb.addSubtitle(l.text)
			tb.move("subtitle")
		case tb.doc.Speaker == "" && nameOK:
			tb.doc.Speaker = name
			tb.move("speaker")
		default:
			if tagOK {
				tb.doc.Speaker = tag
				tb.moveLineHead(tagLen, "speaker tag")
			}
			return
		}
	}
}

// moveLineHead moves the start of the current line (its first n bytes: a
// speaker tag, a dateline) to the front matter; the rest of the line stays.
func (tb *titleBlock) moveLineHead(n int, reason string) {
	l := &tb.lines[tb.i]
	raw := l.source()
	tb.rep.Moved = append(tb.rep.Moved, RemovedLine{Line: l.line, Text: strings.Clone(trimSpace(raw[:n])), Reason: reason})
	l.raw = trimSpace(raw[n:])
	l.text = normalizeSpaces(l.raw)
	l.lead = false
}

// body is the lines from the current one on. A salutation fused with the
// first sentence (同志们： 现在，我代表……) is split off, so it is the first
// paragraph as when it has a line of its own.
func (tb *titleBlock) body() []srcLine {
	if tb.i >= len(tb.lines) || tb.i == 0 {
		return tb.lines[tb.i:]
	}
	l := tb.lines[tb.i]
	if l.table != nil || l.level != 0 || salutationRe.MatchString(l.text) {
		return tb.lines[tb.i:]
	}
	raw := l.source()
	m := salutationHeadRe.FindString(raw)
	if m == "" || trimSpace(raw[len(m):]) == "" {
		return tb.lines[tb.i:]
	}
	sal, rest := l, l
	sal.raw, sal.text, sal.trail = m, normalizeSpaces(m), false
	rest.raw = trimSpace(raw[len(m):])
	rest.text, rest.lead, rest.breakBefore, rest.indent = normalizeSpaces(rest.raw), false, false, false
	// The line before is a title-block line the document no longer
	// needs: its slot takes the salutation, so the body is not copied.
	tb.lines[tb.i-1], tb.lines[tb.i] = sal, rest
	return tb.lines[tb.i-1:]
}

// continuesTitle: line l is the rest of the title line prev, wrapped.
func continuesTitle(prev, l srcLine) bool {
	if l.level == -1 && prev.level == -1 {
		return true
	}
	if endsInConnective(prev.text) {
		return true
	}
	return !l.breakBefore && (utf8.RuneCountInString(l.text) >= 5 || wrapsLongLine(prev, l))
}

// wrapsLongLine: l is the last word or two of a long title line that the
// page width cut off (……伟大胜 / 利): no break between them.
func wrapsLongLine(prev, l srcLine) bool {
	return !l.breakBefore && utf8.RuneCountInString(prev.text) >= 15 && utf8.RuneCountInString(l.text) < 4
}

func endsInExclamation(s string) bool {
	r, _ := utf8.DecodeLastRuneInString(s)
	return strings.ContainsRune("！？!?", r)
}

func endsInConnective(s string) bool {
	r, _ := utf8.DecodeLastRuneInString(s)
	return strings.ContainsRune(titleConnectives, r)
}

// startsWrappedParagraph: line j and the line after it are as long as
// each other and nothing separates them, as the lines of a hard-wrapped
// paragraph are; taking j for the title would cut a sentence.
func (tb *titleBlock) startsWrappedParagraph(j int) bool {
	k := tb.next(j)
	if k >= len(tb.lines) {
		return false
	}
	a, b := tb.lines[j], tb.lines[k]
	if b.breakBefore || b.table != nil || b.level != 0 {
		return false
	}
	na, nb := utf8.RuneCountInString(a.text), utf8.RuneCountInString(b.text)
	return na >= 15 && nb >= na-2 && nb <= na+2
}

// parseDate turns a matched date line into YYYY-MM-DD, or "" for an
// impossible date.
func parseDate(s string) string {
	m := dateLineRe.FindStringSubmatch(s)
	var y, mo, d int
	switch {
	case m[2] != "":
		y, mo, d = parseNumeral(m[2]), parseNumeral(m[3]), parseNumeral(m[4])
	case m[5] != "":
		for _, r := range m[5] {
			y = y*10 + max(0, strings.IndexRune("〇一二三四五六七八九", r)/len("一"))
		}
		mo, d = parseNumeral(m[6]), parseNumeral(m[7])
	default:
		y, mo, d = parseNumeral(m[8]), parseNumeral(m[9]), parseNumeral(m[10])
	}
	if y < 1900 || y > 2200 || mo < 1 || mo > 12 || d < 1 || !isDay(y, mo, d) {
		return ""
	}
	return fmt.Sprintf("%04d-%02d-%02d", y, mo, d)
}
