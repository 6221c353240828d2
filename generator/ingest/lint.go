package ingest

import (
	"fmt"
	"regexp"
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

var pairs = [][2]string{{"“", "”"}, {"《", "》"}, {"（", "）"}, {"‘", "’"}, {"【", "】"}}

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
		hasLower := strings.ContainsFunc(t, func(r rune) bool { return r >= 'a' && r <= 'z' })
		for _, m := range matchesIf(hasLower, latinInHanRe, t) {
			warn(bl.LineAt(m[2]), "Latin word %q inside Chinese text (%s): a conversion artefact? check the original", t[m[2]:m[3]], t[m[0]:m[1]])
		}
		for _, m := range matchIf(strings.ContainsAny(t, ",;:?!()"), halfPunctRe, t) {
			warn(bl.LineAt(m[0]), "half-width punctuation between Chinese characters (%s); --fix-punctuation makes it full width", t[m[0]:m[1]])
		}
		// A numbered item 1】 opens nothing.
		paired := numberedBracketRe.ReplaceAllString(t, "")
		for _, p := range pairs {
			if o, c := strings.Count(paired, p[0]), strings.Count(paired, p[1]); o != c {
				warn(bl.Line, "unbalanced %s%s: %d opening, %d closing", p[0], p[1], o, c)
			}
		}
		if bl.Kind != Heading {
			continue
		}
		m, ok := markOf(t)
		if !ok {
			continue
		}
		if want := last[m.style] + 1; m.number != want && m.number != 1 && !(last[m.style] == 0 && m.number == carried[m.style]+1) {
			warn(bl.Line, "heading number skips: %s comes after number %d of this level (expected %d)", head(t, 8), last[m.style], want)
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
