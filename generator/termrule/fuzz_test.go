package termrule

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzJudge: Judge never panics, and what it keeps without the allow list
// is at least minLength long, holds no sentence punctuation and is short
// or an enumeration of short items.
func FuzzJudge(f *testing.F) {
	for _, s := range []string{"四个全面", "目标", "2024年", "一张床、一间房、一套房", "十四五", "“", "第", "１０个百分点", "关于", "、、"} {
		f.Add(s, 2)
	}
	f.Fuzz(func(t *testing.T, s string, min int) {
		r := New(Settings{MinLength: min % 20, StopWords: []string{"组合拳"}})
		if r.Judge(s) != "" {
			return
		}
		s = strings.TrimSpace(s)
		n := utf8.RuneCountInString(s)
		want := r.min
		if n < want || strings.ContainsAny(s, sentenceMarks) || (n > MaxLength && !isEnumeration(s)) || builtinStop[s] || s == "组合拳" {
			t.Errorf("kept %q (minLength %d)", s, r.min)
		}
	})
}
