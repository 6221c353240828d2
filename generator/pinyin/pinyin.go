// Package pinyin gives the pinyin syllables of Chinese names and titles,
// for the ASCII slugs of documents, terms and taxonomy pages. It reads one
// reading per character (go-pinyin) and fixes the polyphones of words that
// are common in study materials.
package pinyin

import (
	"strings"
	"unicode"

	"github.com/mozillazg/go-pinyin"
)

var pinyinArgs = pinyin.NewArgs()

// phraseReadings fix polyphones that go-pinyin, reading one character at a
// time, gets wrong in words common in study materials (长 is zhang alone,
// chang in 长三角).
var phraseReadings = []struct {
	text   string
	pinyin []string
}{
	{"长三角", []string{"chang", "san", "jiao"}},
	{"长江", []string{"chang", "jiang"}},
	{"长征", []string{"chang", "zheng"}},
	{"长期", []string{"chang", "qi"}},
	{"长效", []string{"chang", "xiao"}},
	{"重庆", []string{"chong", "qing"}},
	{"银行", []string{"yin", "hang"}},
	{"行业", []string{"hang", "ye"}},
	{"单位", []string{"dan", "wei"}},
	{"调研", []string{"diao", "yan"}},
	{"调查", []string{"diao", "cha"}},
}

// Syllables splits a name into lower-case pinyin syllables and runs of
// ASCII letters and digits; everything else separates.
func Syllables(name string) (parts []string) {
	skip := 0
	phraseAt := func(name string, i int) ([]string, bool) {
		if i < skip {
			return nil, false
		}
		for _, ph := range phraseReadings {
			if strings.HasPrefix(name[i:], ph.text) {
				skip = i + len(ph.text)
				return ph.pinyin, true
			}
		}
		return nil, false
	}
	var latin strings.Builder
	flush := func() {
		if latin.Len() > 0 {
			parts = append(parts, latin.String())
			latin.Reset()
		}
	}
	for i, r := range name {
		if rest, ok := phraseAt(name, i); ok {
			flush()
			parts = append(parts, rest...)
			continue
		}
		if skip > i {
			continue
		}
		switch {
		case r < 128 && (unicode.IsLetter(r) || unicode.IsDigit(r)):
			latin.WriteRune(unicode.ToLower(r))
		case r >= '０' && r <= '９':
			latin.WriteRune(r - '０' + '0')
		case unicode.Is(unicode.Han, r):
			flush()
			if py := pinyin.SinglePinyin(r, pinyinArgs); len(py) > 0 && py[0] != "" {
				parts = append(parts, py[0])
			}
		default:
			flush()
		}
	}
	flush()
	return parts
}
