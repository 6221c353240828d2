package ingest

// halfToFull are the half-width marks GB/T 15834 writes full width in
// Chinese text.
var halfToFull = map[rune]rune{',': '，', ';': '；', ':': '：', '?': '？', '!': '！', '(': '（', ')': '）'}

// fixPunctuation makes half-width punctuation next to a Chinese character
// full width, and straight double quotes around Chinese text curly. It is
// applied only when the user asks (--fix-punctuation) and counts its changes.
func fixPunctuation(s string) (string, int) {
	rs := []rune(s)
	n := 0
	hanNear := func(i int) bool {
		for _, j := range []int{i - 1, i + 1} {
			if j >= 0 && j < len(rs) && (isHan(rs[j]) || isCJKPunct(rs[j])) {
				return true
			}
		}
		return false
	}
	open := true
	for i, r := range rs {
		switch {
		case halfToFull[r] != 0 && hanNear(i):
			if (r == ':' || r == ',') && i > 0 && i+1 < len(rs) && isDigit(rs[i-1]) && isDigit(rs[i+1]) {
				continue // 10:30, 3,000
			}
			rs[i] = halfToFull[r]
			n++
		case r == '"' && hanNear(i):
			if open {
				rs[i] = '“'
			} else {
				rs[i] = '”'
			}
			open = !open
			n++
		}
	}
	if n == 0 {
		return s, 0
	}
	return string(rs), n
}

func isDigit(r rune) bool { return r >= '0' && r <= '9' }

// fixDocPunctuation applies fixPunctuation to every heading and paragraph
// (the title block keeps its original characters).
func fixDocPunctuation(doc *Document) int {
	total := 0
	for i := range doc.Blocks {
		if doc.Blocks[i].Kind == Table {
			continue
		}
		var n int
		doc.Blocks[i].Text, n = fixPunctuation(doc.Blocks[i].Text)
		total += n
	}
	return total
}
