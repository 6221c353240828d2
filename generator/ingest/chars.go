package ingest

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

func isHan(r rune) bool { return unicode.Is(unicode.Han, r) }

// isCJKPunct is full-width and CJK punctuation: no space belongs next to it.
func isCJKPunct(r rune) bool {
	switch {
	case r >= 0x3001 && r <= 0x303F, r >= 0xFF01 && r <= 0xFF0F, r >= 0xFF1A && r <= 0xFF20,
		r >= 0xFF3B && r <= 0xFF40, r >= 0xFF5B && r <= 0xFF65:
		return true
	}
	return strings.ContainsRune("“”‘’…—·", r)
}

func isLatinWordRune(r rune) bool {
	return r < 0x2E80 && (unicode.IsLetter(r) || unicode.IsDigit(r))
}

func isSpace(r rune) bool {
	return r == ' ' || r == '\t' || r == '\u3000' || r == '\u00A0' || r == '\u2002' || r == '\u2003'
}

// trimSpace trims ASCII, ideographic and no-break spaces.
func trimSpace(s string) string {
	return strings.TrimFunc(s, func(r rune) bool { return isSpace(r) || unicode.IsSpace(r) })
}

// normalizeSpaces removes the spaces PDF extraction inserts: any run of white
// space next to full-width punctuation, and a single ASCII space between two
// Chinese characters. Spaces that are content stay: between Latin words,
// around numbers ("30 日"), and runs of ideographic spaces between fields.
func normalizeSpaces(s string) string {
	if !strings.ContainsFunc(s, isSpace) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	var prev rune
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		if !isSpace(r) {
			b.WriteString(s[i : i+n])
			prev = r
			i += n
			continue
		}
		j := i
		for j < len(s) {
			r2, n2 := utf8.DecodeRuneInString(s[j:])
			if !isSpace(r2) {
				break
			}
			j += n2
		}
		run := s[i:j]
		next, _ := utf8.DecodeRuneInString(s[j:])
		drop := isCJKPunct(prev) || isCJKPunct(next) || ((run == " " || run == "\u00A0") && isHan(prev) && isHan(next))
		if j == len(s) || i == 0 {
			drop = true
		}
		if !drop {
			b.WriteString(run)
		}
		i = j
	}
	return b.String()
}

// sentenceEnd holds the characters after which a paragraph may end. A block
// whose last character is not one of them continues in the next block: that
// is how a page break or a stray blank line splits a sentence in transcripts.
const sentenceEnd = "。！？!?…：:；;"

// closers end a sentence only after sentence-final punctuation (他说：“……。”)
// or when they close a whole-line bracket; “五个中心” mid-sentence does not.
const closers = "”’」』）)》"

func endsSentence(s string) bool {
	s = trimSpace(s)
	r, n := utf8.DecodeLastRuneInString(s)
	if strings.ContainsRune(sentenceEnd, r) {
		return true
	}
	if endsInPageRef(s) {
		return true // 9.如何坚持……？148-150
	}
	if !strings.ContainsRune(closers, r) {
		return false
	}
	if endsInStageNote(s) {
		return true // ……。（掌声）
	}
	before := s[:len(s)-n]
	for {
		p, m := utf8.DecodeLastRuneInString(before)
		if m == 0 {
			return true // the whole line is brackets
		}
		if strings.ContainsRune(closers, p) {
			before = before[:len(before)-m]
			continue
		}
		if strings.ContainsRune(sentenceEnd, p) {
			return true
		}
		break
	}
	first, _ := utf8.DecodeRuneInString(s)
	return strings.ContainsRune("“‘「『（(《", first) && strings.Count(s, string(r)) == 1
}

// needsSpace says whether two pieces of one paragraph joined across a line
// break need a space: only between Latin words.
func needsSpace(before, after string) bool {
	r1, _ := utf8.DecodeLastRuneInString(before)
	r2, _ := utf8.DecodeRuneInString(after)
	if unicode.IsDigit(r1) && unicode.IsDigit(r2) {
		return false // a number cut by the wrap
	}
	return (isLatinWordRune(r1) || strings.ContainsRune(",.;:!?)%", r1)) && (isLatinWordRune(r2) || r2 == '(')
}

func tail(s string, n int) string {
	i := len(s)
	for k := 0; k < n && i > 0; k++ {
		_, m := utf8.DecodeLastRuneInString(s[:i])
		i -= m
	}
	return s[i:]
}

func head(s string, n int) string {
	i := 0
	for k := 0; k < n && i < len(s); k++ {
		_, m := utf8.DecodeRuneInString(s[i:])
		i += m
	}
	return s[:i]
}

// runesOver reports whether s has more than n characters (invalid bytes
// counting one each, as utf8.RuneCountInString counts them), reading at
// most n+1 of them: lines are measured against small bounds, and a
// paragraph of a transcript can be thousands of characters long.
func runesOver(s string, n int) bool {
	if len(s) <= n { // a character takes a byte at least
		return false
	}
	count := 0
	for range s {
		if count++; count > n {
			return true
		}
	}
	return false
}
