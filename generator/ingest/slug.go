package ingest

import (
	"strings"

	"github.com/studysite/studysite/generator/pinyin"
)

// shortSlugLen bounds the slug most documents get.
const (
	shortSlugLen = 32
)

// slugPrefixes open many titles and say nothing about the document, so the
// slug leaves them out (关于……的通知 → the part that differs).
var slugPrefixes = []string{"深入学习贯彻", "认真学习贯彻", "学习贯彻", "学习宣传贯彻", "关于"}

// SlugCandidates are slugs for a title, to be tried in order until one is
// free: the short slug; the short slug and the date (…-20231201); the short
// slug and the initials of the rest of the title (…-ythfzzth), which tells
// apart titles that share a long beginning. There is always at least one.
func SlugCandidates(title, date string) []string {
	t := strings.TrimLeft(title, "“”\"《》 ")
	for _, p := range slugPrefixes {
		if rest := strings.TrimPrefix(t, p); rest != t && len([]rune(rest)) >= 4 {
			t = rest
			break
		}
	}
	parts := slugParts(t)
	if len(parts) == 0 {
		return []string{"doc"}
	}
	short, used := cut(parts, shortSlugLen)
	if used > 1 && used < len(parts) && fillers[parts[used-1]] {
		short, used = cut(parts[:used-1], shortSlugLen) // not …-de
	}
	cands := []string{short}
	if day := slugDate(date); day != "" {
		cands = append(cands, short+"-"+day)
	}
	if used < len(parts) {
		var initials strings.Builder
		for _, p := range parts[used:] {
			if initials.Len()+len(p) > maxInitials && initials.Len() > 0 {
				break
			}
			if len(p) > 1 && !isPinyin(p) {
				initials.WriteString(p) // a Latin word or number stays whole
			} else {
				initials.WriteByte(p[0])
			}
		}
		cands = append(cands, short+"-"+initials.String())
	}
	return cands
}

// slugDate is the calendar day of a front matter date as eight digits
// (2023-07-01T10:30:00+08:00 → 20230701), or "" when it has none: a slug
// holds only a–z, 0–9 and hyphens.
func slugDate(date string) string {
	var digits strings.Builder
	for _, r := range date {
		if r >= '0' && r <= '9' {
			digits.WriteRune(r)
			if digits.Len() == 8 {
				return digits.String()
			}
		} else if r == 'T' || r == ' ' {
			break
		}
	}
	return ""
}

// fillers (的 和 与 及 之 在) make a poor last word of a cut slug.
var fillers = map[string]bool{"de": true, "he": true, "yu": true, "ji": true, "zhi": true, "zai": true}

// maxInitials bounds the initials part of a long slug.
const maxInitials = 32

// isPinyin: a syllable from go-pinyin (lower-case letters only, and the
// caller only asks about parts that came from Chinese characters or words).
func isPinyin(p string) bool {
	for _, r := range p {
		if r < 'a' || r > 'z' {
			return false
		}
	}
	return true
}

func slugParts(title string) []string { return pinyin.Syllables(title) }

// cut joins parts with hyphens up to maxLen bytes and says how many it used.
func cut(parts []string, maxLen int) (string, int) {
	var b strings.Builder
	used := 0
	for _, p := range parts {
		if b.Len() > 0 && b.Len()+1+len(p) > maxLen {
			break
		}
		used++
		if b.Len() > 0 {
			b.WriteByte('-')
		}
		if len(p) > maxLen {
			p = p[:maxLen]
		}
		b.WriteString(p)
	}
	return b.String(), used
}
