package link

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// The keyword-in-context line shows up to width characters on each side,
// and … only where it cut text away.
func TestKWICCutsOnlyWhatIsLonger(t *testing.T) {
	const width = 6
	tests := []struct {
		name, before, after string
	}{
		{"both sides exactly the width", "一二三四五六", "七八九十百千"},
		{"both sides one longer", "〇一二三四五六", "七八九十百千万"},
		{"both sides shorter", "一二", "三"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := mustBuild(t, glossaryConfig("人民城市"), map[string]string{"content/a.md": doc("a", "2023-12-01", "", "\n"+tt.before+"人民城市"+tt.after+"\n")})
			k := s.Terms[0].Occurrences[0].Context(width)
			wantBefore, wantAfter := tt.before, tt.after
			if n := utf8.RuneCountInString(tt.before); n > width {
				wantBefore = "…" + string([]rune(tt.before)[n-width:])
			}
			if utf8.RuneCountInString(tt.after) > width {
				wantAfter = string([]rune(tt.after)[:width]) + "…"
			}
			if k.Before != wantBefore || k.Match != "人民城市" || k.After != wantAfter {
				t.Errorf("context = %+v, want %q 人民城市 %q", k, wantBefore, wantAfter)
			}
		})
	}
}

// A term page without a definition quotes the sentence of the first use:
// from after the mark that closes the sentence before to the mark that
// closes its own, that mark included.
func TestFirstUseQuotesItsSentence(t *testing.T) {
	exact := strings.Repeat("甲", 70) + "人民城市" + strings.Repeat("乙", maxQuote-70-len([]rune("人民城市"))-1) + "。"
	tests := []struct {
		name      string
		paragraph string
		want      string
	}{
		{"the mark right after the term", "前文。我们要建设人民城市。后文还有一句。", "我们要建设人民城市。"},
		{"a paragraph opening with a mark", "。人民城市是重要理念。后文。", "人民城市是重要理念。"},
		{"an ASCII question mark", "前文。何谓人民城市建设?后文。", "何谓人民城市建设?"},
		{"an ASCII exclamation mark after ASCII", "前文。人民城市 is great! 后文。", "人民城市 is great!"},
		{"a sentence of exactly maxQuote characters", "开头。" + exact + "结尾。", exact},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if !strings.Contains(tt.paragraph, tt.want) {
				t.Fatalf("bad case: %q is not in the paragraph", tt.want)
			}
			s := mustBuild(t, glossaryConfig("人民城市"), map[string]string{"content/a.md": doc("a", "2023-12-01", "", "\n"+tt.paragraph+"\n")})
			if got := s.Terms[0].FirstUse.Sentence(); got != tt.want {
				t.Errorf("quote = %q (%d characters), want %q", got, utf8.RuneCountInString(got), tt.want)
			}
		})
	}
}
