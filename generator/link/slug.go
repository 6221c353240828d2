package link

import (
	"slices"
	"strconv"
	"strings"

	"github.com/studysite/studysite/generator/pinyin"
)

// maxNameSlugLen keeps terms/<slug>/ and tags/<slug>/ short; cut at a
// syllable boundary.
const maxNameSlugLen = 60

// nameSlug is the URL name of a term or taxonomy entry: its pinyin joined
// by hyphens (人民城市 → ren-min-cheng-shi), or fallback when it has none.
func nameSlug(name, fallback string) string {
	var b strings.Builder
	for _, p := range pinyin.Syllables(name) {
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
	return strings.Join(pinyin.Syllables(name), " ") + "\x00" + name
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
	slices.SortStableFunc(names, func(a, b string) int { return strings.Compare(keys[a], keys[b]) })
}

// Syllables is the pinyin of a name, one lower-case syllable per Chinese
// character, with runs of ASCII letters and digits kept as they are.
func Syllables(name string) []string { return pinyin.Syllables(name) }
