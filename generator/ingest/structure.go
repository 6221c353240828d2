package ingest

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// sentenceEnd holds the characters after which a paragraph may end. A block
// whose last character is not one of them continues in the next block: that
// is how a page break or a stray blank line splits a sentence in transcripts.
const sentenceEnd = "。！？!?…”’」』）)：:；;"

var (
	headingL2  = regexp.MustCompile(`^[一二三四五六七八九十百零〇两]+、`)
	subtitleRe = regexp.MustCompile(`^[（(].{1,30}[)）]$`)
)

// maxHeadingRunes is the longest line still taken as a heading: longer lines
// that start with 一、 are sentences that happen to begin with a numeral.
const maxHeadingRunes = 60

// sourceBlock is a run of non-blank lines.
type sourceBlock struct {
	text string
	line int
}

// splitBlocks cuts text at blank lines; lines inside a block are joined as
// hard-wrapped text.
func splitBlocks(text string) []sourceBlock {
	var blocks []sourceBlock
	var cur []string
	start := 0
	flush := func() {
		if len(cur) > 0 {
			blocks = append(blocks, sourceBlock{text: joinWrapped(cur), line: start})
			cur = nil
		}
	}
	for i, l := range strings.Split(text, "\n") {
		if strings.TrimSpace(l) == "" {
			flush()
			continue
		}
		if len(cur) == 0 {
			start = i + 1
		}
		cur = append(cur, strings.TrimSpace(l))
	}
	flush()
	return blocks
}

// joinWrapped joins hard-wrapped lines: no space between Chinese characters,
// one space between Latin words.
func joinWrapped(lines []string) string {
	var b strings.Builder
	for i, l := range lines {
		if i > 0 && needsSpace(b.String(), l) {
			b.WriteByte(' ')
		}
		b.WriteString(l)
	}
	return b.String()
}

func needsSpace(before, after string) bool {
	r1, _ := utf8.DecodeLastRuneInString(before)
	r2, _ := utf8.DecodeRuneInString(after)
	return isLatin(r1) && isLatin(r2)
}

func isLatin(r rune) bool {
	return r < 0x2E80 && (unicode.IsLetter(r) || unicode.IsDigit(r) || strings.ContainsRune(",.;:!?)", r))
}

func isHan(r rune) bool { return unicode.Is(unicode.Han, r) }

// removeSpacesBetweenHan drops spaces that PDF extraction put between two
// Chinese characters (the seed's title has one); spaces next to Latin letters
// or digits are content and stay.
func removeSpacesBetweenHan(s string) string {
	rs := []rune(s)
	var b strings.Builder
	for i, r := range rs {
		if r == ' ' || r == '\u3000' {
			j := i
			for j < len(rs) && (rs[j] == ' ' || rs[j] == '\u3000') {
				j++
			}
			if i > 0 && j < len(rs) && isHan(rs[i-1]) && isHan(rs[j]) {
				continue
			}
		}
		b.WriteRune(r)
	}
	return b.String()
}

func endsSentence(s string) bool {
	r, _ := utf8.DecodeLastRuneInString(strings.TrimSpace(s))
	return strings.ContainsRune(sentenceEnd, r)
}

func isHeading(s string) bool {
	return headingL2.MatchString(s) && utf8.RuneCountInString(s) <= maxHeadingRunes && !strings.ContainsAny(s, "。；")
}

// Structure recovers title, subtitle, headings and paragraphs from decoded text.
func Structure(text string, rep *Report) *Document {
	doc := &Document{}
	blocks := splitBlocks(text)
	i := 0
	// Title block: lines up to the first subtitle, heading or sentence.
	var title []string
	for i < len(blocks) && len(title) < 2 {
		b := blocks[i].text
		if subtitleRe.MatchString(b) || isHeading(b) || endsSentence(b) {
			break
		}
		title = append(title, b)
		i++
	}
	doc.Title = removeSpacesBetweenHan(strings.Join(title, ""))
	if i < len(blocks) && subtitleRe.MatchString(blocks[i].text) {
		doc.Subtitle = blocks[i].text
		i++
	}
	for ; i < len(blocks); i++ {
		b := blocks[i]
		if isHeading(b.text) {
			doc.Blocks = append(doc.Blocks, Block{Kind: Heading, Level: 2, Text: b.text, Line: b.line})
			continue
		}
		n := len(doc.Blocks)
		if n > 0 && doc.Blocks[n-1].Kind == Paragraph && !endsSentence(doc.Blocks[n-1].Text) {
			prev := &doc.Blocks[n-1]
			rep.Joins = append(rep.Joins, Join{Line: b.line, Before: tail(prev.Text, 8), After: head(b.text, 8)})
			if needsSpace(prev.Text, b.text) {
				prev.Text += " "
			}
			prev.Text += b.text
			continue
		}
		doc.Blocks = append(doc.Blocks, Block{Kind: Paragraph, Text: b.text, Line: b.line})
	}
	return doc
}

func tail(s string, n int) string {
	rs := []rune(s)
	if len(rs) > n {
		rs = rs[len(rs)-n:]
	}
	return string(rs)
}

func head(s string, n int) string {
	rs := []rune(s)
	if len(rs) > n {
		rs = rs[:n]
	}
	return string(rs)
}
