package render

import "testing"

func TestTruncate(t *testing.T) {
	tests := []struct {
		s    string
		n    int
		want string
	}{
		{"", 3, ""},
		{"一二", 2, "一二"},
		{"一二", 3, "一二"},
		{"一二三四", 2, "一二…"},
		{"ab——cd", 3, "ab—…"},
		{"ab\xffcdef", 4, "ab\uFFFDc…"}, // a bad byte shows as the replacement character
		{"ab\xff", 5, "ab\xff"},         // not cut: left as it is
	}
	for _, tt := range tests {
		if got := truncate(tt.s, tt.n); got != tt.want {
			t.Errorf("truncate(%q, %d) = %q, want %q", tt.s, tt.n, got, tt.want)
		}
	}
}
