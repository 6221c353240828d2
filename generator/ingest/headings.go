package ingest

import (
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"
)

// headingStyle is a way of numbering headings, from the outermost in.
type headingStyle int

const (
	stylePart    headingStyle = iota // 第一部分 第一章 第一篇 第一编
	styleSection                     // 第一节
	styleCN                          // 一、
	styleParenCN                     // （一）
	styleArabic                      // 1. 1、 1．
	styleParenAr                     // （1）
	numStyles
)

var styleNames = [numStyles]string{"第一部分", "第一节", "一、", "（一）", "1.", "（1）"}

const cnDigits = "零〇一二三四五六七八九十百两"

var headingRes = [numStyles]*regexp.Regexp{
	regexp.MustCompile(`^第([` + cnDigits + `]+|[0-9０-９]+)(部分|章|篇|编)`),
	regexp.MustCompile(`^第([` + cnDigits + `]+|[0-9０-９]+)节`),
	regexp.MustCompile(`^([` + cnDigits + `]+)、`),
	regexp.MustCompile(`^[（(]([` + cnDigits + `]+)[）)]`),
	regexp.MustCompile(`^([0-9０-９]{1,2})(?:[、．]|\.(?:[^0-9０-９]|$))`),
	regexp.MustCompile(`^[（(]([0-9０-９]{1,2})[）)]`),
}

// headingMark is a numbered line's style, number and where its text starts.
type headingMark struct {
	style  headingStyle
	number int
	rest   string // the text after the number
}

// markOf finds a heading number at the start of a line.
func markOf(s string) (headingMark, bool) {
	if s == "" {
		return headingMark{}, false
	}
	c := s[0]
	for st := headingStyle(0); st < numStyles; st++ {
		switch st {
		case stylePart, styleSection:
			if !strings.HasPrefix(s, "第") {
				continue
			}
		case styleArabic:
			if !(c >= '0' && c <= '9') && !strings.HasPrefix(s, "\uFF10") && !(c == 0xEF) {
				continue
			}
		case styleParenCN, styleParenAr:
			if c != '(' && !strings.HasPrefix(s, "（") {
				continue
			}
		}
		m := headingRes[st].FindStringSubmatchIndex(s)
		if m == nil {
			continue
		}
		num := parseNumeral(s[m[2]:m[3]])
		if num <= 0 {
			continue
		}
		end := m[1]
		if st == styleArabic && strings.HasPrefix(s[m[3]:], ".") {
			end = m[3] + 1
		}
		return headingMark{style: st, number: num, rest: s[end:]}, true
	}
	return headingMark{}, false
}

// parseNumeral reads 1–999 written in Arabic (also full-width) or Chinese
// numerals: 一 十 十一 二十 二十一 三十五 一百零八.
func parseNumeral(s string) int {
	var ascii strings.Builder
	for _, r := range s {
		if r >= '０' && r <= '９' {
			r = r - '０' + '0'
		}
		ascii.WriteRune(r)
	}
	if n, err := strconv.Atoi(ascii.String()); err == nil {
		return n
	}
	digit := map[rune]int{'零': 0, '〇': 0, '一': 1, '二': 2, '两': 2, '三': 3, '四': 4, '五': 5, '六': 6, '七': 7, '八': 8, '九': 9}
	total, cur := 0, 0
	for _, r := range s {
		switch r {
		case '十':
			if cur == 0 {
				cur = 1
			}
			total += cur * 10
			cur = 0
		case '百':
			if cur == 0 {
				cur = 1
			}
			total += cur * 100
			cur = 0
		default:
			d, ok := digit[r]
			if !ok {
				return -1
			}
			cur = cur*10 + d
			if cur > 9 && total == 0 && !strings.ContainsAny(s, "十百") {
				return -1 // 一二三 is not a number
			}
		}
	}
	n := total + cur
	if n > 999 {
		return -1
	}
	return n
}

// Limits for what reads as a heading rather than a sentence.
const (
	maxHeadingRunes = 60 // a whole line taken as a heading
	maxRunInRunes   = 80 // the first sentence of a run-in heading
)

// splitHeading decides whether a numbered line is a heading. It returns the
// heading text and the rest of the line, which follows as a paragraph (a
// run-in heading: "（一）坚持稳中求进。全面贯彻……"). ok is false for a
// numbered sentence that is too long to be a heading.
func splitHeading(s string) (heading, rest string, ok bool) {
	if i := firstSentenceEnd(s); i >= 0 && i < len(s) {
		h := s[:i]
		if runesOver(h, maxRunInRunes) {
			return "", "", false
		}
		if rest := trimSpace(s[i:]); !pageRefRe.MatchString(rest) {
			return h, rest, true
		}
		// 9.如何坚持……基本经济制度？148-150: the textbook pages the
		// question refers to belong to it.
	}
	if runesOver(s, maxHeadingRunes) {
		return "", "", false
	}
	return s, "", true
}

// firstSentenceEnd is the byte offset just after the first 。！？ (and any
// closing quote after it), or -1.
func firstSentenceEnd(s string) int {
	for i, r := range s {
		if r == '。' || r == '！' || r == '？' {
			j := i + utf8.RuneLen(r)
			for j < len(s) {
				q, n := utf8.DecodeRuneInString(s[j:])
				if !strings.ContainsRune("”’」』", q) {
					break
				}
				j += n
			}
			return j
		}
	}
	return -1
}

// pageRefRe: the textbook pages after a review question: 148-150, P23,
// （P148—150）, 第148页.
var pageRefRe = regexp.MustCompile(`^[（(【\[]?\s*(?:[Pp]{1,2}\.?|第)?\s*[0-9０-９]{1,4}(?:\s*[-－—–~～至、,，]\s*[Pp]?[0-9０-９]{1,4})*\s*页?\s*[）)】\]]?$`)

// endsInPageRef: s is a question or sentence followed by the textbook pages
// it refers to (……？148-150), which ends it as its punctuation would.
func endsInPageRef(s string) bool {
	s = tail(s, 16)
	i := strings.LastIndexAny(s, "？?。！!")
	if i < 0 {
		return false
	}
	_, n := utf8.DecodeRuneInString(s[i:])
	rest := trimSpace(s[i+n:])
	return rest != "" && pageRefRe.MatchString(rest)
}

// blockMarkRe: marks that begin a block but not a heading: circled
// numbers (①…⑳), 1】 and 【1】 of exam sheets, —— bullets, and the 附：
// (附件1：) that puts an appendix after a document.
var blockMarkRe = regexp.MustCompile(`^(?:[①-⑳]|【?[0-9０-９]{1,3}】|——|附(?:件|录|表)?\s*[0-9０-９]{0,2}\s*[：:])`)

// startsBlock: line s begins with a mark that, after a blank line, starts a
// block of its own whatever the line before, before, ends with; except
// where before ends with 一、 and s goes on with 二、: that is an
// enumeration (一、二、三产业) a break cut in two.
func startsBlock(s, before string) bool {
	if _, ok := markOf(s); ok {
		return !enumerationCut(before)
	}
	return blockMarkRe.MatchString(s)
}

// enumerationCutRe: text that ends in the middle of 一、二、三产业.
var enumerationCutRe = regexp.MustCompile(`[` + cnDigits + `]、$`)

func enumerationCut(before string) bool {
	return enumerationCutRe.MatchString(tail(before, 2))
}

// circledNumber is n for a line that begins with the circled number n
// (①…⑳), else 0.
func circledNumber(s string) int {
	r, _ := utf8.DecodeRuneInString(s)
	if r >= '①' && r <= '⑳' {
		return int(r-'①') + 1
	}
	return 0
}

// listItemNumber is n when line s begins the list item ⓝ: at its start or
// after a colon (答：①……). Else 0.
func listItemNumber(s string) int {
	if n := circledNumber(s); n > 0 {
		return n
	}
	if i := strings.IndexAny(head(s, 8), "：:"); i >= 0 { // 答：① 参考答案：①
		_, n := utf8.DecodeRuneInString(s[i:])
		return circledNumber(s[i+n:])
	}
	return 0
}
