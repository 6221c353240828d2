package search

import (
	"fmt"
	"testing"

	"github.com/mozillazg/go-pinyin"
)

// TestPinyinTokens: a title or heading is found by pinyin: each Han
// character gives "~syllable" for every reading (长 cháng and zhǎng) and
// "^initial" once per initial letter, at its position in the normalised
// text; a reading shared by two tones (创 chuāng, chuàng) is one token;
// other characters give none but keep their positions.
func TestPinyinTokens(t *testing.T) {
	args := pinyin.NewArgs()
	args.Heteronym = true
	for _, c := range []struct {
		text      string
		want      []Token
		syllables string
	}{
		{"长三角", []Token{{"~zhang", 0}, {"^z", 0}, {"~chang", 0}, {"^c", 0}, {"~san", 1}, {"^s", 1}, {"~jiao", 2}, {"^j", 2}, {"~jue", 2}, {"~lu", 2}, {"^l", 2}, {"~gu", 2}, {"^g", 2}}, "[chang gu jiao jue lu san zhang]"},
		{"G60科创走廊", []Token{{"~ke", 3}, {"^k", 3}, {"~chuang", 4}, {"^c", 4}, {"~zou", 5}, {"^z", 5}, {"~lang", 6}, {"^l", 6}}, "[chuang ke lang zou]"},
		{"  ＡＢ 五个中心", []Token{{"~wu", 3}, {"^w", 3}, {"~ge", 4}, {"^g", 4}, {"~gan", 4}, {"~zhong", 5}, {"^z", 5}, {"~xin", 6}, {"^x", 6}}, "[gan ge wu xin zhong]"},
		{"2023 GDP", nil, "[]"},
	} {
		seen := map[string]bool{}
		got := pinyinTokens(c.text, args, seen)
		if fmt.Sprint(got) != fmt.Sprint(c.want) {
			t.Errorf("pinyinTokens(%q)\n got %v\nwant %v", c.text, got, c.want)
		}
		if fmt.Sprint(sortedKeys(seen)) != c.syllables {
			t.Errorf("pinyinTokens(%q) saw the syllables %v, want %s", c.text, sortedKeys(seen), c.syllables)
		}
	}
}
