package ingest

import (
	"strings"
	"testing"
)

// bodyOf imports in as a .txt seed and gives its Markdown body.
func bodyOf(t *testing.T, in string) string {
	t.Helper()
	res, err := Import("seeds/x.txt", []byte(in), "", Options{})
	if err != nil {
		t.Fatal(err)
	}
	return res.Body
}

// TestSpacesNextToFullWidthPunctuation: text copied out of a PDF has
// spaces around full-width punctuation, which the body drops, at the first
// and last mark of each range of full-width and CJK punctuation; next to a
// full-width letter or digit, which is no punctuation, a space stays.
func TestSpacesNextToFullWidthPunctuation(t *testing.T) {
	cases := []struct{ mark, want string }{
		{"、", "GDP、CPI"}, // U+3001, the first CJK punctuation mark
		{"〿", "GDP〿CPI"}, // U+303F, the last of the block
		{"！", "GDP！CPI"}, // U+FF01
		{"／", "GDP／CPI"}, // U+FF0F
		{"：", "GDP：CPI"}, // U+FF1A
		{"＠", "GDP＠CPI"}, // U+FF20
		{"［", "GDP［CPI"}, // U+FF3B
		{"｀", "GDP｀CPI"}, // U+FF40
		{"｛", "GDP｛CPI"}, // U+FF5B
		{"･", "GDP･CPI"}, // U+FF65
		{"０", "GDP ０ CPI"},
		{"Ｚ", "GDP Ｚ CPI"},
		{"ｦ", "GDP ｦ CPI"}, // U+FF66, a half-width katakana after the range
	}
	for _, c := range cases {
		t.Run(c.mark, func(t *testing.T) {
			if got := bodyOf(t, "关于指标的说明\n\nGDP "+c.mark+" CPI\n"); strings.TrimSpace(got) != c.want {
				t.Errorf("body %q, want %q", got, c.want)
			}
		})
	}
}
