package ingest

import (
	"fmt"
	"regexp"
	"strings"
	"unicode"
)

// boilerplateRes are the footers text copied from a web page brings along.
// Each is one that study materials arrive with; a line is flagged, never
// removed, because a wrong guess would lose text.
var boilerplateRes = []*regexp.Regexp{
	// Wikisource and other libraries of public-domain texts.
	regexp.MustCompile(`(?i)^public domain\.?$`),
	// Creative Commons licence notices: (CC BY-SA 4.0), CC 4.0 BY-SA,
	// Licensed under ….
	regexp.MustCompile(`(?i)\bCC[ -](?:[0-9.]+[ -])?(?:BY|0)\b`),
	regexp.MustCompile(`(?i)^(?:this work is |text is available |content is )?licensed under\b`),
	// The footer of a page saved from a wiki: Retrieved from "https://…".
	regexp.MustCompile(`(?i)^retrieved from\b`),
	// Chinese news sites and blogs: 本文来源：人民网, （责任编辑：王某）,
	// 版权所有 © …, 版权声明：本文为博主原创文章…
	regexp.MustCompile(`^[(（【\[]?\s*(?:本文来源|文章来源|责任编辑|版权声明)\s*[：:]`),
	regexp.MustCompile(`版权所有|(?i:all rights reserved)`),
	// The byline of a news page or blog: 发布时间：2023-10-16 来源：…,
	// 发布于 2023-11-02 21:15 阅读量 1.2k.
	regexp.MustCompile(`^(?:发布时间\s*[：:]|发布于\s*[0-9])`),
}

// maxBoilerplateRunes: a footer is one short line; a longer line that
// mentions 版权所有 is a sentence about copyright.
const maxBoilerplateRunes = 60

// boilerplateWords: every footer above has a Latin letter or one of these;
// checking for them first spares the regular expressions nearly every line.
var boilerplateWords = []string{"来源", "编辑", "版权", "发布"}

func isBoilerplate(s string) bool {
	if runesOver(s, maxBoilerplateRunes) {
		return false
	}
	hint := strings.ContainsFunc(s, func(r rune) bool { return r < 0x80 && unicode.IsLetter(r) })
	for _, w := range boilerplateWords {
		hint = hint || strings.Contains(s, w)
	}
	if !hint {
		return false
	}
	for _, re := range boilerplateRes {
		if re.MatchString(s) {
			return true
		}
	}
	return false
}

// flagBoilerplate marks the body lines that are probably a web page's
// footer and warns about each, naming the line.
func flagBoilerplate(lines []srcLine, rep *Report) {
	for i := range lines {
		l := &lines[i]
		if l.removed != "" || l.table != nil || l.level != 0 || !isBoilerplate(l.text) {
			continue
		}
		l.boilerplate = true
		rep.Warnings = append(rep.Warnings, Warning{Line: l.line, Message: fmt.Sprintf("probable non-content (web page boilerplate): %s", l.source())})
	}
}
