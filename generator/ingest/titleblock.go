package ingest

import (
	"fmt"
	"regexp"
	"strings"
	"unicode/utf8"
)

var (
	// subtitleRe: （传达稿） (讨论稿) 【征求意见稿】, and ——在……上的讲话.
	subtitleRe = regexp.MustCompile(`^(?:[（(【\[〔][^（()）]{1,24}[)）】\]〕]|[-—－─]{1,2}\s*\S.{0,60})$`)
	// dateLineRe: 2023年12月1日, （2023年12月1日）, 二〇二三年十二月一日, 2023-12-01, 2023.12.1.
	dateLineRe = regexp.MustCompile(`^[（(]?\s*(` +
		`([0-9]{4})\s*年\s*([0-9]{1,2})\s*月\s*([0-9]{1,2})\s*日` +
		`|([〇零一二三四五六七八九]{4})\s*年\s*([一二三四五六七八九十]{1,3})\s*月\s*([一二三四五六七八九十]{1,3})\s*日` +
		`|([0-9]{4})[-./]([0-9]{1,2})[-./]([0-9]{1,2})` +
		`)\s*[)）]?$`)
	salutationRe = regexp.MustCompile(`^(?:同志们|同事们|同学们|朋友们|老师们|女士们、先生们|各位[^，。：:]{1,12}|尊敬的[^，。]{1,30})[：:！!，,]$`)
	occasionRe   = regexp.MustCompile(`在(.{2,40}?)上的(?:讲话|报告|发言|致辞|主旨演讲|讲稿|党课)`)
)

// titleConnectives cannot end a title, so a title line ending in one
// continues on the next line even after a blank line.
const titleConnectives = "和与及暨的在之、"

// Longest lines of a title block.
const (
	maxTitleRunes   = 50
	maxSpeakerRunes = 24
)

// readTitleBlock takes the title, subtitles, date and speaker lines off the
// top of the document into doc and returns the index of the first body
// line. The lines it takes are listed in rep.Moved.
func readTitleBlock(lines []srcLine, doc *Document, rep *Report) int {
	i := 0
	skip := func() {
		for i < len(lines) && lines[i].removed != "" {
			i++
		}
	}
	move := func(reason string) {
		rep.Moved = append(rep.Moved, RemovedLine{Line: lines[i].line, Text: lines[i].source(), Reason: reason})
		i++
		skip()
	}
	skip()
	// Title: a .docx Title style, else the first line and a continuation.
	var title []string
	for i < len(lines) && len(title) < 3 {
		l := lines[i]
		if l.table != nil || l.level > 0 {
			break
		}
		if len(title) > 0 && l.level != -1 {
			prev := title[len(title)-1]
			last, _ := utf8.DecodeLastRuneInString(prev)
			if l.breakBefore && !strings.ContainsRune(titleConnectives, last) {
				break
			}
			// A short second line is a speaker, not the rest of the title.
			if !isTitleLike(l.text) || (utf8.RuneCountInString(l.text) < 5 && !strings.ContainsRune(titleConnectives, last)) {
				break
			}
		} else if l.level != -1 && !isTitleLike(l.text) {
			break
		}
		title = append(title, l.text)
		move("title")
		if l.level == -1 && (i >= len(lines) || lines[i].level != -1) {
			break
		}
	}
	for k, t := range title {
		if k > 0 && needsSpace(doc.Title, t) {
			doc.Title += " "
		}
		doc.Title += t
	}
	doc.Title = normalizeSpaces(doc.Title)
	if len(title) == 0 {
		return i
	}
	var subs []string
	for i < len(lines) {
		l := lines[i]
		if l.table != nil || l.level > 0 {
			break
		}
		switch {
		case doc.Date == "" && dateLineRe.MatchString(l.text):
			doc.Date = parseDate(l.text)
			move("date")
		case len(subs) < 3 && subtitleRe.MatchString(l.text) && !salutationRe.MatchString(l.text):
			subs = append(subs, l.text)
			if m := occasionRe.FindStringSubmatch(l.text); m != nil && doc.Occasion == "" {
				doc.Occasion = m[1]
			}
			move("subtitle")
		case doc.Speaker == "" && isSpeakerLike(l.text):
			doc.Speaker = strings.Join(strings.FieldsFunc(l.source(), isSpace), " ") // 市长 王明 keeps its space
			move("speaker")
		default:
			doc.Subtitle = strings.Join(subs, " ")
			if doc.Occasion == "" {
				if m := occasionRe.FindStringSubmatch(doc.Title); m != nil {
					doc.Occasion = m[1]
				}
			}
			return i
		}
	}
	doc.Subtitle = strings.Join(subs, " ")
	return i
}

// isTitleLike: a short line that is not a sentence, heading or salutation.
func isTitleLike(s string) bool {
	if utf8.RuneCountInString(s) > maxTitleRunes || salutationRe.MatchString(s) || dateLineRe.MatchString(s) {
		return false
	}
	if _, ok := markOf(s); ok {
		return false
	}
	if strings.HasPrefix(s, "（") || strings.HasPrefix(s, "(") || strings.HasPrefix(s, "—") {
		return false
	}
	r, _ := utf8.DecodeLastRuneInString(s)
	return !strings.ContainsRune("。；;，,", r) && !strings.Contains(s, "。")
}

// isSpeakerLike: a short line of a name, perhaps with an office before it
// (省委书记 张三), or 主讲人：张三.
func isSpeakerLike(s string) bool {
	if utf8.RuneCountInString(s) > maxSpeakerRunes || salutationRe.MatchString(s) {
		return false
	}
	if _, ok := markOf(s); ok {
		return false
	}
	if strings.ContainsAny(s, "：:") && !speakerLabelRe.MatchString(s) {
		return false
	}
	return !strings.ContainsAny(s, "。，；、！？,;!?0123456789")
}

var speakerLabelRe = regexp.MustCompile(`^(?:主讲人|报告人|讲话人|主讲|作者|撰稿|整理|执笔|记录)[：:]`)

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
	if y < 1900 || y > 2200 || mo < 1 || mo > 12 || d < 1 || d > 31 {
		return ""
	}
	return fmt.Sprintf("%04d-%02d-%02d", y, mo, d)
}
