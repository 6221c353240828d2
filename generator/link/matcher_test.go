package link

import (
	"reflect"
	"testing"
)

func TestMatcherFindAll(t *testing.T) {
	pats := []Pattern{
		{Text: "现代化", Term: 0},
		{Text: "中国式现代化", Term: 1},
		{Text: "五个中心", Term: 2},
		{Text: "中心", Term: 3},
		{Text: "中心城区", Term: -1}, // exclusion
		{Text: "一带一路", Term: 4},
		{Text: "丝绸之路经济带", Term: 4}, // alias
		{Text: "发展格局", Term: 5},
		{Text: "新发展", Term: 6},
		{Text: "GDP", Term: 7},
		{Text: "5G", Term: 8},
	}
	m := NewMatcher(pats)
	tests := []struct {
		name string
		text string
		want []string // matched wordings in order; "-" marks an exclusion
	}{
		{"longest wins over contained term", "推进中国式现代化建设", []string{"中国式现代化"}},
		{"contained term alone", "城市治理现代化", []string{"现代化"}},
		{"both, separately", "中国式现代化和现代化", []string{"中国式现代化", "现代化"}},
		{"next to quotes", "加快建设“五个中心”，", []string{"五个中心"}},
		{"next to book title marks and full stop", "《一带一路》。一带一路！", []string{"一带一路", "一带一路"}},
		{"at start and end", "中心在中心", []string{"中心", "中心"}},
		{"exclusion swallows the term", "中心城区和五个中心", []string{"-", "五个中心"}},
		{"alias", "丝绸之路经济带建设", []string{"丝绸之路经济带"}},
		{"leftmost wins an overlap", "新发展格局", []string{"新发展"}},
		{"no match", "习近平总书记强调", nil},
		{"ASCII term needs word boundaries", "GDP增长，GDPR不算，aGDP不算", []string{"GDP"}},
		{"ASCII term next to Chinese", "5G基站", []string{"5G"}},
		{"ASCII term inside digits", "15G", nil},
		{"after a stray lead byte of three", "\xe4中心", []string{"中心"}},
		{"after a stray lead byte of four", "\xf0中心", []string{"中心"}},
		{"after a cut-off sequence", "\xe4\xb8中心", []string{"中心"}},
		{"empty", "", nil},
		{"invalid UTF-8 does not stop the scan", "\xff中心", []string{"中心"}},
		{"a byte that starts no sequence hides no term", "\xf8中心", []string{"中心"}},
		{"term after one ASCII letter", "a中心", []string{"中心"}},
		{"term after three ASCII digits", "第100个五个中心", []string{"五个中心"}},
		{"ASCII term after Chinese", "全年GDP增长5.2%", []string{"GDP"}},
		{"ASCII term ends the text", "稳定增长的GDP", []string{"GDP"}},
		{"text cut after the first byte of its last character", "中心\xe4", []string{"中心"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, mt := range m.FindAll(nil, tt.text) {
				if tt.text[mt.Start:mt.End] != m.Patterns()[mt.Pattern].Text {
					t.Fatalf("match %+v covers %q, not its pattern %q", mt, tt.text[mt.Start:mt.End], m.Patterns()[mt.Pattern].Text)
				}
				w := tt.text[mt.Start:mt.End]
				if m.Patterns()[mt.Pattern].Term < 0 {
					w = "-"
				}
				got = append(got, w)
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("FindAll(%q) = %q, want %q", tt.text, got, tt.want)
			}
		})
	}
}

// An ASCII term only matches where the bytes on either side are not ASCII
// letters or digits: the first and last byte of each range joins a word,
// the byte just outside it separates.
func TestMatcherWordBoundaryAtEachRangeEnd(t *testing.T) {
	m := NewMatcher([]Pattern{{Text: "GDP", Term: 0}})
	tests := []struct {
		neighbour string
		joins     bool
	}{
		{"a", true}, {"z", true}, {"A", true}, {"Z", true}, {"0", true}, {"9", true},
		{"`", false}, {"{", false}, {"@", false}, {"[", false}, {"/", false}, {":", false},
	}
	for _, tt := range tests {
		for _, text := range []string{"增长" + tt.neighbour + "GDP，", "增长GDP" + tt.neighbour + "，"} {
			t.Run(text, func(t *testing.T) {
				found := len(m.FindAll(nil, text)) == 1
				if found == tt.joins {
					t.Errorf("GDP found in %q: %v; %q joins a word: %v", text, found, tt.neighbour, tt.joins)
				}
			})
		}
	}
}

func TestMatcherDuplicatePatternFirstWins(t *testing.T) {
	m := NewMatcher([]Pattern{{Text: "人民城市", Term: 0}, {Text: "人民城市", Term: -1}, {Text: "", Term: 3}})
	if got := len(m.Patterns()); got != 1 {
		t.Fatalf("patterns = %d, want 1", got)
	}
	ms := m.FindAll(nil, "人民城市理念")
	if len(ms) != 1 || m.Patterns()[ms[0].Pattern].Term != 0 {
		t.Fatalf("matches = %+v, want the term (first pattern)", ms)
	}
}

// FuzzMatcher checks the matcher's invariants on any text: matches are in
// order, do not overlap, and cover exactly their pattern's text.
func FuzzMatcher(f *testing.F) {
	for _, s := range []string{"中国式现代化", "“五个中心”", "GDPR", "\xe4\xb8", "中心城区中心"} {
		f.Add(s)
	}
	m := NewMatcher([]Pattern{{Text: "现代化", Term: 0}, {Text: "中国式现代化", Term: 1}, {Text: "中心", Term: 2}, {Text: "中心城区", Term: -1}, {Text: "GDP", Term: 3}, {Text: "a", Term: 4}})
	f.Fuzz(func(t *testing.T, s string) {
		prev := 0
		for _, mt := range m.FindAll(nil, s) {
			if mt.Start < prev || mt.End <= mt.Start || mt.End > len(s) {
				t.Fatalf("bad match %+v after %d in %q", mt, prev, s)
			}
			if s[mt.Start:mt.End] != m.Patterns()[mt.Pattern].Text {
				t.Fatalf("match %+v is %q", mt, s[mt.Start:mt.End])
			}
			prev = mt.End
		}
	})
}
