package ingest

import (
	"regexp"
	"strings"
	"unicode/utf8"
)

// pageNumberRe matches the page-number lines of text copied out of a PDF or
// printed document: 3, - 3 -, — 3 —, ·3·, 第 3 页, 第3页 共12页, 3/12, Page 3.
var pageNumberRe = regexp.MustCompile(`^(?:` +
	`[0-9０-９]{1,4}` +
	`|[-－—–─·•]{1,2}\s*[0-9０-９]{1,4}\s*[-－—–─·•]{1,2}` +
	`|第\s*[0-9０-９一二三四五六七八九十百]{1,4}\s*页(?:\s*[,，/／]?\s*共\s*[0-9０-９]{1,4}\s*页)?` +
	`|[0-9０-９]{1,4}\s*[/／]\s*[0-9０-９]{1,4}` +
	`|(?i:page)\s*[0-9]{1,4}(?:\s*(?i:of)\s*[0-9]{1,4})?` +
	`)$`)

// tocRe matches the lines of a printed table of contents: a heading, dot
// leaders and a page number (一、总体要求……3), and the 目录 line itself.
var tocRe = regexp.MustCompile(`^(?:目\s*录|.{1,80}?(?:…{2,}|\.{4,}|·{4,}|．{4,}|-{4,})\s*[0-9０-９]{1,4})$`)

// maxPageNumberBytes bounds what pageNumberRe can match (第 一百二十 页 共
// 一百二十 页 is the longest), so the expression runs only on short lines.
const maxPageNumberBytes = 64

// mayBeTOCLine: the line has what tocRe needs (目录, or dot leaders); the
// expression backtracks over every long line otherwise.
func mayBeTOCLine(t string) bool {
	return strings.HasPrefix(t, "目") || strings.Contains(t, "……") || strings.Contains(t, "....") ||
		strings.Contains(t, "····") || strings.Contains(t, "．．．．") || strings.Contains(t, "----")
}

// Running heads: a short line seen at least minRepeats times that sits at
// page breaks (next to a page number, or cutting a sentence in two).
const (
	minRepeats      = 3
	maxRunningRunes = 40
)

// markArtefacts marks page numbers and running heads as removed. A line
// after a removed one counts as after a break.
func markArtefacts(lines []srcLine) {
	for i := range lines {
		if lines[i].table != nil || lines[i].level != 0 {
			continue
		}
		switch t := lines[i].text; {
		case len(t) <= maxPageNumberBytes && pageNumberRe.MatchString(t):
			lines[i].removed = "page number"
		case mayBeTOCLine(t) && tocRe.MatchString(t):
			lines[i].removed = "table of contents"
		}
	}
	markPageEdges(lines)
	count := map[string][]int{}
	for i, l := range lines {
		if l.removed == "" && l.table == nil && !runesOver(l.text, maxRunningRunes) {
			count[l.text] = append(count[l.text], i)
		}
	}
	var heads [][]int
	for text, at := range count {
		if len(at) < minRepeats || endsSentence(text) {
			continue
		}
		if _, numbered := markOf(text); numbered {
			continue
		}
		atBreak := 0
		for _, i := range at {
			if nearPageNumber(lines, i) || cutsSentence(lines, i) {
				atBreak++
			}
		}
		if atBreak*2 < len(at) {
			continue
		}
		heads = append(heads, at)
	}
	// Decide first, then mark, so the result does not depend on map order.
	for _, at := range heads {
		for k, i := range at {
			if k == 0 && i == firstBodyCandidate(lines) {
				continue // the title itself, repeated as the running head
			}
			lines[i].removed = "running head/foot"
		}
	}
	for i := 1; i < len(lines); i++ {
		if lines[i-1].removed != "" {
			lines[i].breakBefore, lines[i].afterRemoved = true, true
		}
	}
}

func firstBodyCandidate(lines []srcLine) int {
	for i, l := range lines {
		if l.removed == "" {
			return i
		}
	}
	return -1
}

func nearPageNumber(lines []srcLine, i int) bool {
	for _, j := range []int{i - 2, i - 1, i + 1, i + 2} {
		if j >= 0 && j < len(lines) && lines[j].removed == "page number" {
			return true
		}
	}
	return false
}

// cutsSentence: the nearest kept line before i stops mid-sentence, and
// line i is not simply the next line of a hard-wrapped paragraph (as long
// as the line before it: a sentence repeated in a text wraps the same way
// each time, and is text, not a running head). It looks a few lines back
// only, so many repeated lines cost linear time.
func cutsSentence(lines []srcLine, i int) bool {
	for j := i - 1; j >= 0 && j >= i-4; j-- {
		if lines[j].removed == "" && lines[j].text != lines[i].text {
			prev, cur := utf8.RuneCountInString(lines[j].text), utf8.RuneCountInString(lines[i].text)
			if prev >= 15 && cur >= prev-2 {
				return false
			}
			return !endsSentence(lines[j].text)
		}
	}
	return false
}
