package ingest

import (
	"strings"
	"unicode"

	"github.com/mozillazg/go-pinyin"
)

// Slug lengths: the short slug most documents get, and the longer one used
// when the short one is taken. Cut at a syllable boundary.
const (
	shortSlugLen = 32
	longSlugLen  = 60
)

// slugPrefixes open many titles and say nothing about the document, so the
// slug leaves them out (关于……的通知 → the part that differs).
var slugPrefixes = []string{"深入学习贯彻", "认真学习贯彻", "学习贯彻", "学习宣传贯彻", "关于"}

// Slug makes a short ASCII slug from a title: the pinyin of its Chinese
// characters and the lower-cased Latin letters and digits, joined by hyphens.
func Slug(title string) string { return SlugCandidates(title)[0] }

// SlugCandidates are slugs for a title from the shortest up; they differ only
// when the title is long. There is always at least one.
func SlugCandidates(title string) []string {
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
	short, long := cut(parts, shortSlugLen), cut(parts, longSlugLen)
	if short == long {
		return []string{short}
	}
	return []string{short, long}
}

func slugParts(title string) []string {
	args := pinyin.NewArgs()
	var parts []string
	var latin strings.Builder
	flush := func() {
		if latin.Len() > 0 {
			parts = append(parts, latin.String())
			latin.Reset()
		}
	}
	for _, r := range title {
		switch {
		case r < 128 && (unicode.IsLetter(r) || unicode.IsDigit(r)):
			latin.WriteRune(unicode.ToLower(r))
		case r >= '０' && r <= '９':
			latin.WriteRune(r - '０' + '0')
		case isHan(r):
			flush()
			if py := pinyin.SinglePinyin(r, args); len(py) > 0 && py[0] != "" {
				parts = append(parts, py[0])
			}
		default:
			flush()
		}
	}
	flush()
	return parts
}

func cut(parts []string, maxLen int) string {
	var b strings.Builder
	for _, p := range parts {
		if b.Len() > 0 && b.Len()+1+len(p) > maxLen {
			break
		}
		if b.Len() > 0 {
			b.WriteByte('-')
		}
		if len(p) > maxLen {
			p = p[:maxLen]
		}
		b.WriteString(p)
	}
	return b.String()
}
