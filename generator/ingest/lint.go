package ingest

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
)

var (
	// A lower-case Latin word between Chinese characters: "思路 and 模式".
	// Acronyms (GDP, 5G) and names in capitals are content.
	latinInHanRe = regexp.MustCompile(`\p{Han}[ \t]*([a-z]+(?:[ \t]+[a-z]+)*)[ \t]*\p{Han}`)
	// Half-width punctuation with a Chinese character on both sides.
	halfPunctRe = regexp.MustCompile(`\p{Han}[ \t]*([,;:?!])[ \t]*\p{Han}|\p{Han}\(|\)\p{Han}|\(\p{Han}[^()]*\)`)
)

// numberedBracketRe is an item number closed by a bracket at the start of
// a block (1】 as review sheets number points).
var numberedBracketRe = regexp.MustCompile(`^[0-9０-９]{1,3}】`)

var pairs = [...][2]string{{"“", "”"}, {"《", "》"}, {"（", "）"}, {"‘", "’"}, {"【", "】"}}

// countPairs counts each pair's opening and closing marks in s, in one
// pass (a paragraph is read once, not twice per pair). The marks are
// those of pairs, in its order (a test holds them together).
func countPairs(s string) (counts [len(pairs)][2]int) {
	for _, r := range s {
		switch r {
		case '“':
			counts[0][0]++
		case '”':
			counts[0][1]++
		case '《':
			counts[1][0]++
		case '》':
			counts[1][1]++
		case '（':
			counts[2][0]++
		case '）':
			counts[2][1]++
		case '‘':
			counts[3][0]++
		case '’':
			counts[3][1]++
		case '【':
			counts[4][0]++
		case '】':
			counts[4][1]++
		}
	}
	return counts
}

// hasASCIILower reports whether s holds a letter a–z: in UTF-8 those
// bytes only ever stand for themselves, so the bytes are scanned as they
// are, without decoding characters.
func hasASCIILower(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 'a' && s[i] <= 'z' {
			return true
		}
	}
	return false
}

// lint adds warnings about the body; it never changes text.
func lint(doc *Document, rep *Report) {
	warn := func(line int, format string, args ...any) {
		rep.Warnings = append(rep.Warnings, Warning{Line: line, Message: fmt.Sprintf(format, args...)})
	}
	// last: the number of the latest heading of each style in its
	// section; carried: the number it had when a higher heading reset it,
	// since review sheets number questions on across chapters (1.–3. under
	// 第一章, 4.–6. under 第二章).
	var last, carried [numStyles]int
	for _, bl := range doc.Blocks {
		if bl.Kind == Table {
			continue
		}
		t := bl.Text
		// The regular expressions are slow on long Chinese text; most
		// paragraphs have no ASCII letter or punctuation at all.
		hasLower := hasASCIILower(t)
		for _, m := range matchesIf(hasLower, latinInHanRe, t) {
			warn(bl.LineAt(m[2]), "Latin word %q inside Chinese text (%s): a conversion artefact? check the original", t[m[2]:m[3]], t[m[0]:m[1]])
		}
		for _, m := range matchIf(strings.ContainsAny(t, ",;:?!()"), halfPunctRe, t) {
			warn(bl.LineAt(m[0]), "half-width punctuation between Chinese characters (%s); --fix-punctuation makes it full width", t[m[0]:m[1]])
		}
		// A numbered item 1】 opens nothing.
		paired := t
		if strings.Contains(t, "】") {
			paired = numberedBracketRe.ReplaceAllString(t, "")
		}
		counts := countPairs(paired)
		for k, p := range pairs {
			if o, c := counts[k][0], counts[k][1]; o != c {
				warn(bl.Line, "unbalanced %s%s: %d opening, %d closing", p[0], p[1], o, c)
			}
		}
		// A numbered question too long to be a heading is a paragraph,
		// but it still takes its number in the sequence.
		m, ok := markOf(t)
		if !ok {
			continue
		}
		prev := last[m.style]
		if bl.Kind == Heading && m.number != prev+1 && m.number != 1 && !(prev == 0 && m.number == carried[m.style]+1) {
			warn(bl.Line, "heading number skips: %s", numberingGap(m, prev, carried[m.style], quoteStart(t, 16)))
		}
		last[m.style] = m.number
		for st := m.style + 1; st < numStyles; st++ {
			if last[st] != 0 {
				carried[st] = last[st]
			}
			last[st] = 0 // a new section restarts the numbering inside it
		}
	}
}

// numberingGap says in a clerk's words what is wrong with the number of
// heading quote: "21.依法治国的… follows 19. with no 20. between".
func numberingGap(m headingMark, prev, carried int, quote string) string {
	if prev == 0 {
		prev = carried
	}
	mark := func(n int) string { return numberMark(m.style, n) }
	switch {
	case prev == 0:
		return fmt.Sprintf("%s starts its numbering at %s, with no %s before it", quote, mark(m.number), mark(1))
	case m.number <= prev:
		return fmt.Sprintf("%s follows %s: the numbers go back", quote, mark(prev))
	case m.number == prev+2:
		return fmt.Sprintf("%s follows %s with no %s between", quote, mark(prev), mark(prev+1))
	}
	return fmt.Sprintf("%s follows %s with no %s to %s between", quote, mark(prev), mark(prev+1), mark(m.number-1))
}

// numberMark writes number n in a heading style: 3. 三、 （三） 第三章.
func numberMark(st headingStyle, n int) string {
	switch st {
	case stylePart:
		return "第" + chineseNumeral(n) + "部分"
	case styleSection:
		return "第" + chineseNumeral(n) + "节"
	case styleCN:
		return chineseNumeral(n) + "、"
	case styleParenCN:
		return "（" + chineseNumeral(n) + "）"
	case styleParenAr:
		return "（" + strconv.Itoa(n) + "）"
	}
	return strconv.Itoa(n) + "."
}

// chineseNumeral writes 1–999 as headings do: 三, 十二, 二十, 一百零八.
func chineseNumeral(n int) string {
	digits := []string{"零", "一", "二", "三", "四", "五", "六", "七", "八", "九"}
	var b strings.Builder
	if n >= 100 {
		b.WriteString(digits[n/100] + "百")
		n %= 100
		if n > 0 && n < 10 {
			b.WriteString("零")
		}
	}
	if n >= 10 {
		if n/10 > 1 || b.Len() > 0 {
			b.WriteString(digits[n/10])
		}
		b.WriteString("十")
		n %= 10
	}
	if n > 0 {
		b.WriteString(digits[n])
	}
	return b.String()
}

func matchesIf(ok bool, re *regexp.Regexp, s string) [][]int {
	if !ok {
		return nil
	}
	return re.FindAllStringSubmatchIndex(s, -1)
}

func matchIf(ok bool, re *regexp.Regexp, s string) [][]int {
	if !ok {
		return nil
	}
	return re.FindAllStringIndex(s, 4)
}

// quoteStart is the first n characters of s, with … when s goes on.
func quoteStart(s string, n int) string {
	if q := head(s, n); len(q) < len(s) {
		return q + "…"
	}
	return s
}
