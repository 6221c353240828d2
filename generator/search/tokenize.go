package search

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// The tokenisation specification, implemented identically here and in
// themes/default/assets/search/10-tokenize.js, and checked on both sides against
// testdata/tokens.json:
//
//  1. Display text: runs of white space become one space; leading and
//     trailing space go. Positions count code points of this text.
//  2. Normalised text: fullwidth ASCII (U+FF01–FF5E) becomes ASCII, A–Z
//     become a–z. This maps one code point to one, so positions agree.
//  3. Tokens, scanning left to right, at code point position i:
//     a Han character c gives the n-grams of Han characters starting at
//     i, for n = 1 to MaxGram (the unigram "c", the bigram "cd" when the
//     next character is Han too, and so on while they are);
//     a word (a run of a–z0–9) gives the word itself at its start, and
//     ">p" for each prefix p of 1 to MaxPrefix characters.
//  4. Boundary tokens, where Chinese meets a word with nothing between
//     (dates such as 12月1日, 29日下午, names such as G60科创走廊, 5G网络):
//     a Han run that starts right after a word character gives "<h" for
//     each of its first 1 to MaxGram-1 characters h, at the run's start;
//     a Han run that ends right before a word character gives "$h" for
//     each of its last 1 to MaxGram-1 characters h, at where h starts
//     (both after the run's first n-grams); a word that starts right
//     after a Han character gives "}p" for each prefix p of 1 to MaxPrefix
//     characters, at its start (after its ">p"). They carry positions, so
//     a term mixing Chinese with digits or letters is pinned piece by
//     piece from the index alone, without reading any text.
//
// Everything else (punctuation, other scripts, space) separates tokens.

// MaxPrefix is the longest word prefix indexed for type-ahead.
const MaxPrefix = 16

// MaxGram is the longest Han n-gram indexed. Only MaxGram-grams carry
// positions: a query of up to MaxGram characters is one token's entries
// and counts, and a longer one is MaxGram-grams at fixed offsets, so an
// eight-character phrase needs two lists. Shorter n-grams hold no
// positions, which pays for most of the longer ones' size.
const MaxGram = 4

// Token is one token and the code point position it starts at.
type Token struct {
	Text string
	Pos  int
}

// isSpace lists the characters that collapse into one space; the JS side
// lists the same set.
func isSpace(r rune) bool {
	switch r {
	case ' ', '\t', '\n', '\r', '\f', '\v', 0x00A0, 0x3000:
		return true
	}
	return false
}

// IsHan reports whether r is a Chinese character (Unicode script Han).
func IsHan(r rune) bool { return unicode.Is(unicode.Han, r) }

func isWord(r rune) bool { return r >= 'a' && r <= 'z' || r >= '0' && r <= '9' }

// Display collapses white space (rule 1).
func Display(s string) string {
	if isDisplay(s) {
		return s // most paragraphs: no copy
	}
	return collapseSpace(s)
}

// collapseSpace is Display's copying path.
func collapseSpace(s string) string {
	var b strings.Builder
	space := false
	for _, r := range s {
		if isSpace(r) {
			space = b.Len() > 0
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(r)
	}
	return b.String()
}

// isDisplay reports whether Display(s) is s: no white space but single
// spaces between other characters, and valid UTF-8 (Display writes
// U+FFFD for a byte that is not).
func isDisplay(s string) bool {
	prevSpace := true // a leading space is collapsed away
	for _, r := range s {
		if r == utf8.RuneError {
			return false
		}
		space := isSpace(r)
		if space && (r != ' ' || prevSpace) {
			return false
		}
		prevSpace = space
	}
	return !prevSpace || s == ""
}

// Fold applies rule 2 to each code point.
func Fold(r rune) rune {
	if r >= 0xFF01 && r <= 0xFF5E {
		r -= 0xFEE0
	}
	if r >= 'A' && r <= 'Z' {
		r += 'a' - 'A'
	}
	return r
}

// Normalize is Display then Fold, as code points.
func Normalize(s string) []rune { return appendNormalized(nil, s) }

// appendNormalized appends Normalize(s) to dst, in one pass and without
// the display string: the indexer normalises every entry into one buffer.
func appendNormalized(dst []rune, s string) []rune {
	start, space := len(dst), false
	for _, r := range s {
		if isSpace(r) {
			space = len(dst) > start
			continue
		}
		if space {
			dst = append(dst, ' ')
			space = false
		}
		dst = append(dst, Fold(r))
	}
	return dst
}

// Tokens gives the tokens of a text (rule 3).
func Tokens(s string) []Token {
	rs := Normalize(s)
	han := make([]bool, len(rs))
	for i, r := range rs {
		han[i] = IsHan(r)
	}
	out := make([]Token, 0, MaxGram*len(rs)) // enough for Chinese text
	scanTokens(rs, han, func(mark rune, from, to, pos int) {
		text := string(rs[from:to])
		if mark != 0 {
			text = string(mark) + text
		}
		out = append(out, Token{text, pos})
	})
	return out
}

// scanTokens walks the tokens of normalised text rs (han: which of its
// characters are Han) in the order Tokens gives them, calling emit with
// each token as a mark ('<', '$', '>', '}', or 0 for none) followed by
// the characters rs[from:to], and its position. Indexing calls it
// directly, to name tokens without making a string for each.
func scanTokens(rs []rune, han []bool, emit func(mark rune, from, to, pos int)) {
	for i := 0; i < len(rs); i++ {
		switch {
		case han[i]:
			for j := i + 1; j <= i+MaxGram && j <= len(rs) && han[j-1]; j++ {
				emit(0, i, j, i)
			}
			if i == 0 || !han[i-1] {
				j := i
				for j < len(rs) && han[j] {
					j++
				}
				n := min(MaxGram-1, j-i)
				if i > 0 && isWord(rs[i-1]) {
					for k := 1; k <= n; k++ {
						emit('<', i, i+k, i)
					}
				}
				if j < len(rs) && isWord(rs[j]) {
					for k := 1; k <= n; k++ {
						emit('$', j-k, j, j-k)
					}
				}
			}
		case isWord(rs[i]):
			j := i
			for j < len(rs) && isWord(rs[j]) {
				j++
			}
			emit(0, i, j, i)
			for k := 1; k <= j-i && k <= MaxPrefix; k++ {
				emit('>', i, i+k, i)
			}
			if i > 0 && han[i-1] {
				for k := 1; k <= j-i && k <= MaxPrefix; k++ {
					emit('}', i, i+k, i)
				}
			}
			i = j - 1
		}
	}
}

// Positional reports whether a token's postings carry positions: Han
// MaxGram-grams, whole words and pinyin syllables/initials do; shorter
// Han n-grams and word prefixes only carry counts. Boundary tokens (rule
// 4) carry positions.
func Positional(tok string) bool {
	if tok == "" {
		return false
	}
	switch tok[0] {
	case '>':
		return false
	case '~', '^', '<', '$', '}':
		return true
	}
	if r, _ := utf8.DecodeRuneInString(tok); IsHan(r) {
		return utf8.RuneCountInString(tok) == MaxGram
	}
	return true
}

// Term is one part of a query: a quoted phrase or a space-separated word.
type Term struct {
	Text   string // normalised
	Phrase bool   // was quoted
}

// ParseQuery splits a query into terms: "…" (straight or curly quotes)
// is one exact phrase, other text splits at spaces. Terms are normalised.
func ParseQuery(q string) []Term {
	rs := Normalize(q)
	var terms []Term
	var cur []rune
	inQuote := false
	flush := func(phrase bool) {
		t := strings.TrimSpace(string(cur))
		if t != "" {
			terms = append(terms, Term{Text: Display(t), Phrase: phrase})
		}
		cur = cur[:0]
	}
	for _, r := range rs {
		switch {
		case r == '"' || r == '“' || r == '”':
			flush(inQuote)
			inQuote = !inQuote
		case r == ' ' && !inQuote:
			flush(false)
		default:
			cur = append(cur, r)
		}
	}
	flush(inQuote)
	return terms
}
