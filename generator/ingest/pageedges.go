package ingest

import (
	"regexp"
	"strings"
)

// Running heads and feet found at page edges: pdftotext keeps the header
// and footer a browser's "Print to PDF" adds to every page (the date and
// time and the page's title on top, its address and N/M below), and so do
// printed Word documents with a running title. Their digits change from
// page to page, and a short document has only two or three pages, so
// markArtefacts' count of identical lines misses them.

// browserStampRe: the date and time a browser prints at the top of a page
// (12/1/26, 3:10 PM; 2026/12/1 15:10; 2026/12/1 下午3:10), or the address
// it prints at the bottom (file:///C:/…, https://…).
var browserStampRe = regexp.MustCompile(`^(?:` +
	`[0-9]{1,4}[/.-][0-9]{1,2}[/.-][0-9]{1,4},?\s*(?:上午|下午)?\s*[0-9]{1,2}:[0-9]{2}(?::[0-9]{2})?(?:\s*[AaPp]\.?[Mm]\.?)?(?:\s|$)` +
	`|(?:file|https?)://\S+` +
	`)`)

// pageOfRe: the N/M a browser prints at the end of its footer.
var pageOfRe = regexp.MustCompile(`(?:^|\s)[0-9]{1,4}\s*/\s*[0-9]{1,4}$`)

// maxEdgeRunes: longer lines at a page edge are text, not a head or foot
// (a browser footer holds a whole file path, hence more than maxRunningRunes).
const maxEdgeRunes = 160

// isBrowserStamp: line text is a browser's print header or footer. A
// clear one has the date and time with the page title after it, or the
// address with N/M after it; a date and time or an address alone is one
// only where it repeats (a note may well start with its date, or a blog
// post end with its address).
func isBrowserStamp(text string) (stamp, clear bool) {
	if runesOver(text, maxEdgeRunes) {
		return false, false
	}
	m := browserStampRe.FindString(text)
	if m == "" {
		return false, false
	}
	alone := trimSpace(m) == text
	if strings.Contains(m, "://") {
		// An address inside a sentence is text.
		withPage := pageOfRe.MatchString(text)
		return alone || withPage, withPage
	}
	return true, !alone
}

// edgeKey is a line's text with digits and spaces dropped, so the head of
// page 2 matches the head of page 3.
func edgeKey(text string) string {
	var b strings.Builder
	for _, r := range text {
		switch {
		case r >= '0' && r <= '9', r >= '０' && r <= '９':
			b.WriteByte('#')
		case isSpace(r):
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// markPageEdges marks as "running head/foot" the lines next to page
// breaks (the start and end of the file, a form feed, a page number) that
// repeat on most pages once digits are ignored, and a browser's print
// header or footer next to a page break or repeated.
func markPageEdges(lines []srcLine) {
	kept := func(i int) bool {
		return lines[i].removed == "" && lines[i].table == nil && lines[i].level == 0
	}
	var edges []int
	pages := 0
	addEdge := func(i int) {
		if i >= 0 && i < len(lines) && kept(i) && (len(edges) == 0 || edges[len(edges)-1] != i) {
			edges = append(edges, i)
		}
	}
	// A page starts at the file's start, at a form feed and after a page
	// number; the edges are the nearest kept lines on either side.
	prevKept := -1
	for i := range lines {
		if lines[i].removed == "page number" {
			addEdge(prevKept)
			continue
		}
		if !kept(i) {
			continue
		}
		if prevKept < 0 || lines[i].pageBreak || hasPageNumber(lines[prevKept+1:i]) {
			addEdge(prevKept)
			addEdge(i)
			pages++
		}
		prevKept = i
	}
	addEdge(prevKept)
	if pages == 0 {
		return
	}
	isEdge := map[int]bool{}
	byKey := map[string][]int{}
	for _, i := range edges {
		isEdge[i] = true
		byKey[edgeKey(lines[i].text)] = append(byKey[edgeKey(lines[i].text)], i)
	}
	repeats := map[string]int{}
	for i := range lines {
		if stamp, _ := isBrowserStamp(lines[i].text); stamp && kept(i) {
			repeats[edgeKey(lines[i].text)]++
		}
	}
	title := firstBodyCandidate(lines)
	var heads []int
	for key, at := range byKey {
		t := lines[at[0]].text
		if pages < 2 || len(at) < 2 || len(at)*2 <= pages || runesOver(t, maxEdgeRunes) || endsSentence(t) || isStageNote(t) {
			continue
		}
		if _, numbered := markOf(t); numbered && !pageOfRe.MatchString(key) {
			continue
		}
		heads = append(heads, at...)
	}
	for i := range lines {
		if stamp, clear := isBrowserStamp(lines[i].text); stamp && kept(i) && (clear && isEdge[i] || repeats[edgeKey(lines[i].text)] >= 2) {
			heads = append(heads, i)
		}
	}
	// Decide first, then mark, so the result does not depend on map order.
	for _, i := range heads {
		if stamp, _ := isBrowserStamp(lines[i].text); i == title && !stamp {
			continue // the title itself, repeated as the running head
		}
		lines[i].removed = "running head/foot"
	}
}

func hasPageNumber(lines []srcLine) bool {
	for _, l := range lines {
		if l.removed == "page number" {
			return true
		}
	}
	return false
}
