package pinyin

import (
	"strings"
	"testing"
)

func TestSyllables(t *testing.T) {
	tests := []struct{ in, want string }{
		{"人民城市", "ren min cheng shi"},
		{"长三角一体化", "chang san jiao yi ti hua"}, // 长 alone reads zhang
		{"重庆银行", "chong qing yin hang"},
		{"2023年G20峰会", "2023 nian g20 feng hui"},
		{"２０２４年", "2024 nian"},
		{"１９４９年", "1949 nian"}, // full-width digits at both ends of the range
		{"“五个中心”：建设", "wu ge zhong xin jian she"},
		{"王𪛖明", "wang ming"}, // a rare character go-pinyin has no reading for is left out
		{"", ""},
	}
	for _, tt := range tests {
		if got := strings.Join(Syllables(tt.in), " "); got != tt.want {
			t.Errorf("Syllables(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
