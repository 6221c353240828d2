package link

import (
	"strconv"
	"strings"
	"unicode"

	"github.com/mozillazg/go-pinyin"
)

// maxNameSlugLen keeps terms/<slug>/ and tags/<slug>/ short; cut at a
// syllable boundary.
const maxNameSlugLen = 60

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

// syllables splits a name into lower-case pinyin syllables and runs of
// ASCII letters and digits; everything else separates.
func syllables(name string) (parts []string) {
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

// nameSlug is the URL name of a term or taxonomy entry: its pinyin joined
// by hyphens (人民城市 → ren-min-cheng-shi), or fallback when it has none.
func nameSlug(name, fallback string) string {
	var b strings.Builder
	for _, p := range syllables(name) {
		if b.Len() > 0 && b.Len()+1+len(p) > maxNameSlugLen {
			break
		}
		if b.Len() > 0 {
			b.WriteByte('-')
		}
		b.WriteString(p)
	}
	if b.Len() == 0 {
		return fallback
	}
	return b.String()
}

// sortKey orders names by pinyin, the order Chinese readers expect in an
// index (the name itself breaks ties between homophones).
func sortKey(name string) string {
	return strings.Join(syllables(name), " ") + "\x00" + name
}

// uniqueSlugs gives each name its slug; when two names share one, the
// later name in sort order gets -2, -3, …. preset holds slugs chosen in
// config, which are kept as they are.
func uniqueSlugs(names []string, preset map[string]string, fallback string) map[string]string {
	out := make(map[string]string, len(names))
	used := map[string]bool{}
	for _, n := range names {
		if s, ok := preset[n]; ok && s != "" {
			out[n] = s
			used[s] = true
		}
	}
	sorted := append([]string(nil), names...)
	sortByPinyin(sorted)
	for _, n := range sorted {
		if _, ok := out[n]; ok {
			continue
		}
		base := nameSlug(n, fallback)
		s := base
		for i := 2; used[s]; i++ {
			s = base + "-" + strconv.Itoa(i)
		}
		used[s] = true
		out[n] = s
	}
	return out
}

func sortByPinyin(names []string) {
	keys := make(map[string]string, len(names))
	for _, n := range names {
		keys[n] = sortKey(n)
	}
	sortStable(names, func(a, b string) bool { return keys[a] < keys[b] })
}

// Syllables is the pinyin of a name, one lower-case syllable per Chinese
// character, with runs of ASCII letters and digits kept as they are.
func Syllables(name string) []string { return syllables(name) }
