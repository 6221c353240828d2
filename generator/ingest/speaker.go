package ingest

import (
	"regexp"
	"strings"
	"unicode/utf8"
)

// The front matter's speaker is the person's name alone (李强, not
// 国务院总理 李强): the speakers pages group documents by it, and one person
// holds many offices over the years. The office is not lost: the whole
// line is listed in Report.Moved.

var (
	speakerLabelRe = regexp.MustCompile(`^(?:主讲人|报告人|讲话人|主讲|作者|撰稿|整理|执笔|记录)[：:]\s*`)
	// officeNameRe: an office followed by a name, written without a space.
	officeNameRe = regexp.MustCompile(`^\p{Han}{1,10}(?:书记|长|主任|主席|总理|委员|教授|记者|同志|代表)(\p{Han}{2,3})$`)
	// speakerTagRe: the speaker tag news sites put before a speech,
	// 【习近平】, on its own line or before the salutation on the same line.
	speakerTagRe = regexp.MustCompile(`^[【\[〔]\s*(\p{Han}(?:[ \t\x{3000}]*\p{Han}){1,3})\s*[】\]〕]`)
)

const surnames = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝习栗厉芮阚郁谌"

// speakerName reads the name off a speaker line: 主讲人：张三,
// 国务院总理　李　强, 李　强, 市委书记 李明, 市长王明, 习近平. A bare name
// must start with a common surname, so a short first line of text is not
// taken for one.
func speakerName(s string) (string, bool) {
	if runesOver(s, maxSpeakerRunes) || strings.ContainsAny(s, "。，；、！？,;!?0123456789") {
		return "", false
	}
	if m := speakerLabelRe.FindString(s); m != "" {
		s = s[len(m):]
		if name, ok := nameAtEnd(s); ok {
			return name, true
		}
		name := strings.Join(strings.FieldsFunc(s, isSpace), "")
		return name, name != ""
	}
	if strings.ContainsAny(s, "：:") {
		return "", false
	}
	return nameAtEnd(s)
}

// nameAtEnd finds the name after the offices of a speaker line. Names of
// two characters are often padded to the width of three with a space
// (李　强), and title blocks letter-space names (习　近　平); the name is
// given without the spaces.
func nameAtEnd(s string) (string, bool) {
	fields := strings.FieldsFunc(s, isSpace)
	n := len(fields)
	if n == 0 || n > 5 {
		return "", false
	}
	// Letter-spaced: 李　强, 习　近　平.
	k := n
	for k > 0 && n-k < 3 && utf8.RuneCountInString(fields[k-1]) == 1 {
		k--
	}
	if n-k >= 2 {
		if name := strings.Join(fields[k:], ""); isName(name) {
			return name, true
		}
	}
	last := fields[n-1]
	if m := officeNameRe.FindStringSubmatch(last); m != nil {
		return m[1], true
	}
	if isName(last) {
		return last, true
	}
	return "", false
}

// speakerTag splits 【习近平】 off the start of a line: the name, and the
// length in bytes of the tag in s.
func speakerTag(s string) (name string, n int, ok bool) {
	m := speakerTagRe.FindStringSubmatchIndex(s)
	if m == nil {
		return "", 0, false
	}
	name = strings.Join(strings.FieldsFunc(s[m[2]:m[3]], isSpace), "")
	return name, m[1], isName(name)
}

// isName: two to four Chinese characters, the first a common surname (or
// 欧阳, 司马, 诸葛, 上官 …).
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
