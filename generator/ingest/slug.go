package ingest

import (
	"strings"
	"unicode"

	"github.com/mozillazg/go-pinyin"
)

// maxSlugLen bounds a slug so URLs stay short; cut at a syllable boundary.
const maxSlugLen = 40

// Slug makes a short ASCII slug from a title: the pinyin of its Chinese
// characters and the lower-cased Latin letters and digits, joined by hyphens.
func Slug(title string) string {
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
		case unicode.Is(unicode.Han, r):
			flush()
			if py := pinyin.SinglePinyin(r, args); len(py) > 0 && py[0] != "" {
				parts = append(parts, py[0])
			}
		default:
			flush()
		}
	}
	flush()
	var b strings.Builder
	for _, p := range parts {
		if b.Len() > 0 && b.Len()+1+len(p) > maxSlugLen {
			break
		}
		if b.Len() > 0 {
			b.WriteByte('-')
		}
		b.WriteString(p)
	}
	if b.Len() == 0 {
		return "doc"
	}
	return b.String()
}
