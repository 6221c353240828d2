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
	occasionRe   = regexp.MustCompile(`在(.{2,40}?)上(?:的(?:讲话|报告|发言|致辞|主旨演讲|讲稿|党课)|$)`)
	// inlineDateRe finds a date inside a subtitle (——2024年3月5日在……上).
	inlineDateRe = regexp.MustCompile(`([0-9]{4})\s*年\s*([0-9]{1,2})\s*月\s*([0-9]{1,2})\s*日`)
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
		rep.Moved = append(rep.Moved, RemovedLine{Line: lines[i].line, Text: strings.Clone(lines[i].source()), Reason: reason})
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
		title = append(title, titleSpaces(l.source()))
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
			if m := inlineDateRe.FindStringSubmatch(l.text); m != nil && doc.Date == "" {
				doc.Date = parseDate(m[0])
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

// isSpeakerLike: 主讲人：张三, or a name with perhaps an office before it
// (省委书记 张三, 市长王明, 张三). A bare name must start with a common
// surname, so a short first line of text is not taken for one.
func isSpeakerLike(s string) bool {
	if utf8.RuneCountInString(s) > maxSpeakerRunes || strings.ContainsAny(s, "。，；、！？,;!?0123456789") {
		return false
	}
	if speakerLabelRe.MatchString(s) {
		return true
	}
	if strings.ContainsAny(s, "：:") {
		return false
	}
	fields := strings.FieldsFunc(s, isSpace)
	if len(fields) > 3 {
		return false
	}
	if officeNameRe.MatchString(fields[len(fields)-1]) {
		return true
	}
	return isName(fields[len(fields)-1])
}

// officeNameRe: an office followed by a name, written without a space.
var officeNameRe = regexp.MustCompile(`^\p{Han}{1,10}(?:书记|长|主任|主席|总理|委员|教授|记者|同志|代表)(\p{Han}{2,3})$`)

const surnames = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝"

// isName: two to four Chinese characters, the first a common surname (or
// 欧阳, 司马, 诸葛, 上官 …), possibly with a space inside (张 三).
func isName(s string) bool {
	rs := []rune(s)
	if len(rs) < 2 || len(rs) > 4 {
		return false
	}
	for _, r := range rs {
		if !isHan(r) {
			return false
		}
	}
	for _, c := range []string{"欧阳", "司马", "诸葛", "上官", "东方", "夏侯", "慕容", "司徒"} {
		if strings.HasPrefix(s, c) {
			return true
		}
	}
	return strings.ContainsRune(surnames, rs[0]) && len(rs) <= 3
}

// titleSpaces removes the spaces a title line has from wrapping or PDF
// extraction (after 和, next to punctuation) but keeps the space that
// separates two phrases of a title (坚定信心 实干争先).
func titleSpaces(raw string) string {
	s := normalizeSpaces(raw)
	if s == raw || !strings.ContainsFunc(raw, isSpace) {
		return s
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
