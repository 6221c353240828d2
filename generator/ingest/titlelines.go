package ingest

import (
	"regexp"
	"strings"
	"unicode/utf8"
)

// The kinds of line a title block is made of.

const salutationWord = `(?:同志们|同事们|同学们|朋友们|老师们|女士们|先生们|来宾们|校友们|同胞们|乡亲们|亲爱的[^，。：:、,！!\s]{1,12}|各位[^，。：:、,！!\s]{1,12}|尊敬的[^，。：:！!]{1,30})`

var (
	// subtitleRe: （传达稿） (讨论稿) 【征求意见稿】, and ——在……上的讲话.
	subtitleRe = regexp.MustCompile(`^(?:[（(【\[〔][^（()）]{1,24}[)）】\]〕]|[-—－─]{1,2}\s*\S.{0,60})$`)
	// dateLineRe: 2023年12月1日, （2023年12月1日）, 二〇二三年十二月一日, 2023-12-01, 2023.12.1.
	dateLineRe = regexp.MustCompile(`^[（(]?\s*(` +
		`([0-9０-９]{4})\s*年\s*([0-9０-９]{1,2})\s*月\s*([0-9０-９]{1,2})\s*日` +
		`|([〇零一二三四五六七八九]{4})\s*年\s*([一二三四五六七八九十]{1,3})\s*月\s*([一二三四五六七八九十]{1,3})\s*日` +
		`|([0-9]{4})[-./]([0-9]{1,2})[-./]([0-9]{1,2})` +
		`)\s*[)）]?$`)
	// salutationRe: a line that is only a salutation, also a list of them
	// (同志们，朋友们： 各位代表、各位来宾：).
	salutationRe = regexp.MustCompile(`^` + salutationWord + `(?:\s*[，、,]\s*` + salutationWord + `)*\s*[：:！!，,]$`)
	// salutationHeadRe: a salutation at the start of a line that goes on
	// with the first sentence (同志们： 现在，我代表……).
	salutationHeadRe = regexp.MustCompile(`^` + salutationWord + `(?:\s*[，、,]\s*` + salutationWord + `)*\s*[：:！!]`)
	// occasionLineRe: a line that only says where a speech was given (在……
	// 上的报告); under a title it is the subtitle, as ——在……上的报告 is.
	occasionLineRe = regexp.MustCompile(`^在\p{Han}.{1,40}?上的\p{Han}{0,4}?(?:讲话|报告|发言|致辞|演讲|讲稿|党课)$`)
	occasionRe     = regexp.MustCompile(`在(.{2,40}?)上(?:的\p{Han}{0,4}?(?:讲话|报告|发言|致辞|演讲|讲稿|党课)|$)`)
	// inlineDateRe finds a date inside a subtitle (——2024年3月5日在……上).
	inlineDateRe = regexp.MustCompile(`([0-9０-９]{4})\s*年\s*([0-9０-９]{1,2})\s*月\s*([0-9０-９]{1,2})\s*日`)
	// fullTextRe: the （全文） that news sites put after a title, alone on a
	// line or at the end of the title line.
	fullTextRe = regexp.MustCompile(`[（(【\[]\s*全\s*文\s*[)）】\]]$`)
	// datelineRe: the dateline of a news text, 新华社北京10月18日电,
	// 本报北京3月5日讯（记者 王明）.
	// datelineHeadRe: a dateline that the news text's first sentence
	// follows on the same line (新华社北京10月18日电　（记者　张伟）中国…).
	datelineHeadRe = regexp.MustCompile(`^\p{Han}{2,16}[0-9０-９一二三四五六七八九十]{1,3}[\s\x{3000}]*月[\s\x{3000}]*[0-9０-９一二三四五六七八九十]{1,3}[\s\x{3000}]*日[\s\x{3000}]*[电讯](?:[\s\x{3000}]*[（(][^（）()]{1,30}[)）])?`)
	datelineRe     = regexp.MustCompile(`^\p{Han}{2,16}[0-9０-９一二三四五六七八九十]{1,3}\s*月\s*[0-9０-９一二三四五六七八九十]{1,3}\s*日\s*[电讯](?:\s*[（(][^（）()]{1,30}[)）])?$`)
)

// titleConnectives cannot end a title, so a title line ending in one
// continues on the next line even after a blank line.
const titleConnectives = "和与及暨的在之、"

// wrapStarts cannot start a phrase of a title: a line starting with one is
// the rest of the line before (……建设 / 的意见).
const wrapStarts = "的之和与及暨而并、"

// Longest lines of a title block.
const (
	maxTitleRunes   = 50
	maxSpeakerRunes = 24
	// A news headline may carry its subtitle: 标题——在……上的讲话.
	maxHeadlineRunes = maxTitleRunes + 60
)

// titleLine is a title line cut into the title and what real documents
// put after it on the same line.
type titleLine struct {
	title    string // as the source has it, spaces and all
	subtitle string // ——在……上的报告, or ""
	fullText string // （全文）, or ""
}

// splitTitleLine cuts a trailing （全文） and a ——subtitle off a title line.
func splitTitleLine(raw string) titleLine {
	var tl titleLine
	if m := fullTextRe.FindStringIndex(raw); m != nil {
		tl.fullText = raw[m[0]:]
		raw = trimSpace(raw[:m[0]])
	}
	if k := strings.Index(raw, "——"); k >= 0 {
		if sub := normalizeSpaces(trimSpace(raw[k:])); subtitleRe.MatchString(sub) {
			tl.subtitle = sub
			raw = trimSpace(raw[:k])
		}
	}
	tl.title = raw
	return tl
}

// isTitleLine: the line, once （全文） and a ——subtitle are cut off, is a
// title.
func isTitleLine(l srcLine) bool {
	if l.table != nil || l.level != 0 || runesOver(l.text, maxHeadlineRunes) {
		return false
	}
	return isTitleLike(normalizeSpaces(splitTitleLine(l.source()).title))
}

// isTitleLike: a short line that is not a sentence, heading or salutation.
// A colon may only follow a name at the start, as in a news headline
// (习近平：……); anywhere else it starts a sentence (同志们：现在……) or is
// a field of a minutes header (时间：……).
func isTitleLike(s string) bool {
	if s == "" || runesOver(s, maxTitleRunes) || salutationRe.MatchString(s) || salutationHeadRe.MatchString(s) || dateLineRe.MatchString(s) || datelineRe.MatchString(s) {
		return false
	}
	if _, ok := markOf(s); ok || isRuleLine(s) {
		return false
	}
	if strings.HasPrefix(s, "（") || strings.HasPrefix(s, "(") || strings.HasPrefix(s, "—") || strings.HasPrefix(s, "【") || strings.HasPrefix(s, "[") {
		return false
	}
	if k := strings.IndexAny(s, "：:"); k >= 0 && (fieldRe.MatchString(s) || !isName(s[:k]) || strings.ContainsAny(s[k+1:], "：:，,")) {
		return false
	}
	r, _ := utf8.DecodeLastRuneInString(s)
	return !strings.ContainsRune("。；;，,：:", r) && !strings.Contains(s, "。")
}

// isSubtitle: a subtitle as title blocks have them — （传达稿）, ——在……上的
// 讲话 — and not what looks like one in a body: a stage note （掌声）, a
// sentence set off by a dash (——为人民谋幸福。), or the first of a list of
// —— items (next, the line after it, is one too).
func isSubtitle(t string, next *srcLine) bool {
	if occasionLineRe.MatchString(t) {
		return true
	}
	if !subtitleRe.MatchString(t) || isStageNote(t) || salutationRe.MatchString(t) || isRuleLine(t) {
		return false
	}
	if !isDashLine(t) {
		return true
	}
	r, _ := utf8.DecodeLastRuneInString(t)
	if strings.ContainsRune("。！？；!?;", r) {
		return false
	}
	return next == nil || !isDashLine(next.text)
}

// isDashOnly: a line of one or two dashes and nothing else.
func isDashOnly(t string) bool {
	return t != "" && utf8.RuneCountInString(t) <= 2 && strings.Trim(t, "-—－─") == ""
}

func isDashLine(t string) bool {
	r, _ := utf8.DecodeRuneInString(t)
	return strings.ContainsRune("-—－─", r)
}

// isFieldLine: a line that only a title block has (subtitle, date,
// speaker, （全文）, dateline) or that starts the body after one (a
// salutation). A title-like line followed by one is part of the title.
func isFieldLine(l srcLine, next *srcLine) bool {
	if l.table != nil || l.level != 0 {
		return false
	}
	t := l.text
	if dateLineRe.MatchString(t) || fullTextRe.MatchString(t) && utf8.RuneCountInString(t) <= 4 || datelineRe.MatchString(t) ||
		salutationRe.MatchString(t) || salutationHeadRe.MatchString(t) || isSubtitle(t, next) {
		return true
	}
	if _, _, ok := speakerTag(t); ok {
		return true
	}
	if datelineHeadRe.MatchString(l.source()) {
		return true
	}
	_, ok := speakerName(l.source())
	return ok
}

// docTypeEnds: the last words of a document title (……工作报告,
// ……的意见). A line ending in one finishes the title before it rather than
// starting a second phrase.
var docTypeEndRe = regexp.MustCompile(`(?:报告|意见|通知|决定|决议|讲话|纪要|方案|规划|纲要|提纲|办法|条例|规定|精神|体会|笔记|发言|致辞|总结|公报|建议|通报|批复|函)$`)

// titleSeparator is what goes between two title lines. A wrapped title
// (关于……的 / 实施意见, 中共中央 国务院 / 关于……) is joined without a space;
// two phrases of a slogan title (决胜全面建成小康社会 / 夺取……伟大胜利)
// with one, as the title is printed on one line.
func titleSeparator(prev, next, whole string) string {
	if needsSpace(prev, next) {
		return " "
	}
	last, _ := utf8.DecodeLastRuneInString(prev)
	first, _ := utf8.DecodeRuneInString(next)
	switch {
	case !isHan(last) || !isHan(first),
		strings.ContainsRune(titleConnectives, last), strings.ContainsRune(wrapStarts, first),
		strings.Contains(whole, "关于"), docTypeEndRe.MatchString(next),
		utf8.RuneCountInString(prev) < 4 || utf8.RuneCountInString(next) < 4:
		return ""
	}
	return " "
}

// titleSpaces removes the spaces a title line has from wrapping or PDF
// extraction (after 和, next to punctuation) but keeps the space that
// separates two phrases of a title (坚定信心 实干争先, 中共中央 国务院), as
// one ASCII space whatever the source had (　, two spaces), so a .docx and
// a .txt of one document give the same title.
func titleSpaces(raw string) string {
	if !strings.ContainsFunc(raw, isSpace) {
		return raw
	}
	var b strings.Builder
	rs := []rune(raw)
	for i := 0; i < len(rs); i++ {
		if !isSpace(rs[i]) {
			b.WriteRune(rs[i])
			continue
		}
		j := i
		for j < len(rs) && isSpace(rs[j]) {
			j++
		}
		if i > 0 && j < len(rs) && isHan(rs[i-1]) && isHan(rs[j]) && !strings.ContainsRune(titleConnectives, rs[i-1]) {
			b.WriteByte(' ')
		} else if i > 0 && j < len(rs) && !isCJKPunct(rs[i-1]) && !isCJKPunct(rs[j]) && !(isHan(rs[i-1]) && isHan(rs[j])) {
			b.WriteByte(' ')
		}
		i = j - 1
	}
	return b.String()
}

// isRuleLine: a line of only dashes, equals signs or asterisks (---,
// =====, ******, ——————): a separator a writer drew, never part of a title.
// Two dashes alone are the dash of a subtitle (see isDashOnly).
func isRuleLine(s string) bool {
	return strings.Trim(s, "-=*_~#＊＝－—─━～ \t\u3000") == "" && utf8.RuneCountInString(s) >= 3
}
