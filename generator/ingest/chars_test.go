package ingest

import (
	"testing"
	"unicode/utf8"
)

func TestRunesOver(t *testing.T) {
	for _, c := range []struct {
		s    string
		n    int
		want bool
	}{
		{"", 0, false},
		{"a", 0, true},
		{"长三角", 3, false},
		{"长三角", 2, true},
		{"长三角一体化发展", 7, true},
		{"ab\xffc", 4, false}, // an invalid byte counts one
		{"ab\xffc", 3, true},
		{"一二", 1, true},
	} {
		if got := runesOver(c.s, c.n); got != c.want {
			t.Errorf("runesOver(%q, %d) = %v, want %v", c.s, c.n, got, c.want)
		}
	}
}

// FuzzRunesOver checks runesOver against counting every character.
func FuzzRunesOver(f *testing.F) {
	f.Add("长三角一体化", 5)
	f.Add("a\xffb", 2)
	f.Fuzz(func(t *testing.T, s string, n int) {
		if n < 0 || n > 1<<20 {
			return
		}
		if got, want := runesOver(s, n), utf8.RuneCountInString(s) > n; got != want {
			t.Fatalf("runesOver(%q, %d) = %v, want %v", s, n, got, want)
		}
	})
}

func TestCountPairsCountsEveryPairsMarks(t *testing.T) {
	for k, p := range pairs {
		s := "正文" + p[0] + p[0] + "中间" + p[1] + "。"
		counts := countPairs(s)
		for j := range pairs {
			want := [2]int{}
			if j == k {
				want = [2]int{2, 1}
			}
			if counts[j] != want {
				t.Errorf("countPairs(%q)[%d] = %v, want %v", s, j, counts[j], want)
			}
		}
	}
}

func TestHasASCIILower(t *testing.T) {
	for s, want := range map[string]bool{"": false, "长三角": false, "G60": false, "5g网络": true, "ＡＢＣ": false, "abc": true} {
		if got := hasASCIILower(s); got != want {
			t.Errorf("hasASCIILower(%q) = %v, want %v", s, got, want)
		}
	}
}

// FuzzLineShortcuts checks that looking at a line's last (or first)
// character first changes no match of the regular expressions.
func FuzzLineShortcuts(f *testing.F) {
	for _, s := range []string{"同志们：", "同志们，朋友们：", "各位代表、各位来宾：", "2023年12月1日", "（2023年12月1日）", "二〇二三年十二月一日 ", "2023-12-01", "【学习贴士】", "【注】正文", "今天讲三点意见。", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := isSalutationLine(s), salutationRe.MatchString(s); got != want {
			t.Errorf("isSalutationLine(%q) = %v, the expression says %v", s, got, want)
		}
		if got, want := isDateLine(s), dateLineRe.MatchString(s); got != want {
			t.Errorf("isDateLine(%q) = %v, the expression says %v", s, got, want)
		}
		if got, want := isColumnLabel(s), columnLabelRe.MatchString(s); got != want {
			t.Errorf("isColumnLabel(%q) = %v, the expression says %v", s, got, want)
		}
	})
}
