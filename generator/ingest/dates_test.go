package ingest

import (
	"testing"

	"github.com/studysite/studysite/generator/frontmatter"
)

// TestDateLines: the date under a title becomes the front matter's date
// only when that day exists, so the build can read every date the importer
// writes; a typo such as 2月30日 leaves the date to the file name.
func TestDateLines(t *testing.T) {
	cases := []struct{ line, name, want string }{
		{"（2024年2月29日）", "x.txt", "2024-02-29"},
		{"（2023年12月31日）", "x.txt", "2023-12-31"},
		{"2023年1月1日", "x.txt", "2023-01-01"},
		{"（2023年2月29日）", "x.txt", ""},
		{"（2023年2月30日）", "2023-03-01-x.txt", "2023-03-01"},
		{"（2023年4月31日）", "x.txt", ""},
		{"（2023年13月1日）", "x.txt", ""},
		{"（2023年1月0日）", "x.txt", ""},
		{"二〇二三年二月二十九日", "x.txt", ""},
		{"二〇二四年二月二十九日", "x.txt", "2024-02-29"},
		{"（1899年12月31日）", "x.txt", ""},
		{"（1900年1月1日）", "x.txt", "1900-01-01"},
		{"（2200年12月31日）", "x.txt", "2200-12-31"},
		{"（2201年1月1日）", "x.txt", ""},
	}
	for _, c := range cases {
		t.Run(c.line, func(t *testing.T) {
			res, err := Import("seeds/"+c.name, []byte("学习体会\n"+c.line+"\n\n正文。\n"), "", Options{})
			if err != nil {
				t.Fatal(err)
			}
			if res.Meta.Date != c.want {
				t.Errorf("date %q, want %q", res.Meta.Date, c.want)
			}
			if res.Meta.Date != "" {
				if _, err := frontmatter.ParseDate(res.Meta.Date); err != nil {
					t.Errorf("the build cannot read the date: %v", err)
				}
			}
		})
	}
	// A file name with an impossible date gives none either.
	if res, err := Import("seeds/2023-02-30-xuexi.txt", []byte("学习体会\n\n正文。\n"), "", Options{}); err != nil || res.Meta.Date != "" {
		t.Errorf("date %q from the file name 2023-02-30 (%v), want none", res.Meta.Date, err)
	}
}
