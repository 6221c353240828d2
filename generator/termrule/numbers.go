package termrule

import (
	"strings"
	"unicode/utf8"
)

// numberReason tells a number (“2024”, “二〇二四”, “第一”) and a number with a
// unit or measure word (“2024年”, “5%”, “三个”, “百年”) from the numbered
// formulations that read like them: N个X (四个全面, 两个维护, 第二个结合),
// a number and a noun (三农, 一带一路, 十年禁渔), and the five-year plans,
// whose numerals are not one number (十四五, 十三五). "" means neither.
func numberReason(s string) string {
	s = strings.TrimPrefix(s, "第")
	num := leadingNumber(s)
	if num == "" {
		return ""
	}
	if !wellFormed(num) {
		return "" // 十四五: a plan, not a quantity
	}
	rest := s[len(num):]
	if rest == "" {
		return ReasonNumber
	}
	rest = strings.TrimSuffix(rest, "左右")
	for _, approx := range []string{"多", "余", "几"} {
		rest = strings.TrimPrefix(rest, approx)
	}
	if rest == "" || units[rest] {
		return ReasonNumberUnit
	}
	// Formulations count in Chinese numerals (四个全面); digits and a unit
	// start a quantity, whatever follows: “1个工作日”, “5.5%以内”.
	if r, _ := utf8.DecodeRuneInString(num); strings.ContainsRune(arabicDigits, r) {
		if u, _ := utf8.DecodeRuneInString(rest); units[string(u)] {
			return ReasonNumberUnit
		}
	}
	return ""
}

// units are what may follow a number in a quote that is only a quantity:
// time, counts, measure words, money, percent.
var units = set(`年 月 日 号 时 点 分 秒 岁 周 天 次 倍 个 名 人 位 家 户 所 座 项 条 件 种 类 批 轮 场 届 期 元 角 万 亿 大
	% ％ ‰ 米 里 斤 吨 亩 年代 年来 年间 个月 周年 公里 公斤 千米 平方米 百分点 个百分点 万元 亿元 万人 多年`)

const (
	arabicDigits  = "0123456789０１２３４５６７８９.．,，+＋"
	chineseDigits = "〇零一二两三四五六七八九"
	chinesePlaces = "十百千万亿"
)

// leadingNumber is the longest prefix of s written in digits or Chinese
// numerals (one script, not mixed).
func leadingNumber(s string) string {
	end := 0
	if r, _ := utf8.DecodeRuneInString(s); strings.ContainsRune(arabicDigits, r) && r != '.' && r != ',' {
		for i, r := range s {
			if !strings.ContainsRune(arabicDigits, r) {
				break
			}
			end = i + utf8.RuneLen(r)
		}
		return s[:end]
	}
	for i, r := range s {
		if !strings.ContainsRune(chineseDigits+chinesePlaces, r) {
			break
		}
		end = i + utf8.RuneLen(r)
	}
	return s[:end]
}

// wellFormed: the numerals are one number: Arabic digits, a Chinese
// number with place words (二十, 一百零八, 三千), or a year read digit by
// digit (二〇二四). Two bare digits in a row without 〇 (十四五, 十三五)
// are not one number.
func wellFormed(num string) bool {
	r, _ := utf8.DecodeRuneInString(num)
	if !strings.ContainsRune(chineseDigits+chinesePlaces, r) {
		return true
	}
	if strings.ContainsRune(num, '〇') {
		return true
	}
	prevDigit := false
	for _, r := range num {
		digit := strings.ContainsRune(chineseDigits, r) && r != '零'
		if digit && prevDigit {
			return false
		}
		prevDigit = digit
	}
	return true
}

func set(words string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(words) {
		m[w] = true
	}
	return m
}
