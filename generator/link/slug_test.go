package link

import (
	"strings"
	"testing"

	"github.com/studysite/studysite/generator/config"
	"github.com/studysite/studysite/generator/pinyin"
)

// longestWholeSyllables is the documented rule for a term page's folder,
// computed plainly: the most leading syllables, joined by hyphens, that fit
// in maxNameSlugLen bytes, and never fewer than one.
func longestWholeSyllables(name string) string {
	syl := pinyin.Syllables(name)
	for k := len(syl); k > 1; k-- {
		if s := strings.Join(syl[:k], "-"); len(s) <= maxNameSlugLen {
			return s
		}
	}
	return syl[0]
}

func TestLongTermSlugsKeepWholeSyllables(t *testing.T) {
	ascii := func(n int) string { return strings.Repeat("x", n) }
	tests := []struct {
		name string
		term string
	}{
		// x…x-zhong is 60 bytes: kept whole.
		{"exactly the limit", ascii(maxNameSlugLen-len("-zhong")) + "中"},
		{"one byte over", ascii(maxNameSlugLen-len("-zhong")+1) + "中"},
		{"two bytes over", ascii(maxNameSlugLen-len("-zhong")+2) + "中"},
		{"a long formulation", "坚持以人民为中心的发展思想推动高质量发展实现全体人民共同富裕的现代化"},
		{"one word longer than the limit", strings.Repeat("ab", maxNameSlugLen)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := mustBuild(t, glossaryConfig(tt.term), map[string]string{"content/a.md": doc("a", "2023-12-01", "", "\n"+tt.term+"。\n")})
			want := longestWholeSyllables(tt.term)
			if got := s.Terms[0].Slug; got != want {
				t.Errorf("slug of %s = %q (%d bytes), want %q (%d bytes)", tt.term, got, len(got), want, len(want))
			}
			if s.Term(want) != s.Terms[0] {
				t.Errorf("the term is not found by its slug %q", want)
			}
		})
	}
}

// A slug set in the glossary is the term page's folder; an empty one means
// the pinyin.
func TestGlossarySlugIsKept(t *testing.T) {
	cfg := config.Default()
	cfg.Glossary = []config.GlossaryEntry{{Term: "长三角一体化", Slug: "chang-san-jiao"}, {Term: "人民城市", Slug: ""}}
	s := mustBuild(t, cfg, map[string]string{"content/a.md": doc("a", "2023-12-01", "", "\n推进长三角一体化，建设人民城市。\n")})
	for slug, name := range map[string]string{"chang-san-jiao": "长三角一体化", "ren-min-cheng-shi": "人民城市"} {
		if term := s.Term(slug); term == nil || term.Name != name {
			t.Errorf("term at %q = %+v, want %s", slug, term, name)
		}
	}
}
