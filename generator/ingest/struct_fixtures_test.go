package ingest

import "testing"

// structFixtures are the texts whose paragraph structure is hard: a speech
// copied out of a PDF with stage notes and page numbers, a study note and an
// exam review sheet with chapters, numbered questions and circled items, a
// 工作方案 numbered with only 一、 and （1）, and a blog post with its web
// page footer. Each comes in the bytes its class
// arrives in.
func structFixtures() []fixture {
	return []fixture{
		{"struct-jianghua-pdf", "struct-jianghua-pdf.txt", "seeds/2023-12-28-jianghua.txt", func(_ testing.TB, s string) []byte { return []byte(crlf(s)) }, Options{}},
		{"struct-xuexi-biji", "struct-xuexi-biji.txt", "seeds/xuexi-biji.txt", func(t testing.TB, s string) []byte { return toGBK(t, crlf(s)) }, Options{}},
		{"struct-fuxi-tigang", "struct-fuxi-tigang.txt", "seeds/fuxi-tigang.txt", func(_ testing.TB, s string) []byte { return append([]byte("\xEF\xBB\xBF"), s...) }, Options{}},
		{"struct-fangan-levels", "struct-fangan-levels.txt", "seeds/fangan.txt", func(t testing.TB, s string) []byte { return toGBK(t, s) }, Options{}},
		{"struct-web-boke", "struct-web-boke.txt", "seeds/web-boke.txt", func(_ testing.TB, s string) []byte { return []byte(s) }, Options{}},
	}
}
