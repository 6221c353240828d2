package ingest

import "testing"

// qaFixtures are the shapes a QA pass over real transcripts found broken:
// a page printed from a browser to PDF (its header and footer on every
// page), a 政府工作报告 out of pdftotext with wrapped headings, a news
// report with its dateline on the first paragraph's line, a review sheet
// with a question too long to be a heading, and a study note with rules
// drawn around its title.
func qaFixtures() []fixture {
	// pdfText stands in for pdftotext: the fixture is its output.
	pdfText := Options{PDFText: func(pdf []byte) ([]byte, error) { return pdf, nil }}
	asIs := func(_ testing.TB, s string) []byte { return []byte(s) }
	return []fixture{
		{"qa-print-headfoot", "qa-print-headfoot.txt", "seeds/dushuban-fudao.pdf", asIs, pdfText},
		{"qa-gzbg-pdf-wrap", "qa-gzbg-pdf-wrap.txt", "seeds/2025-01-14-gzbg.pdf", asIs, pdfText},
		{"qa-news-dateline", "qa-news-dateline.txt", "seeds/xinhua-fanxiang.txt", func(t testing.TB, s string) []byte { return toGBK(t, crlf(s)) }, Options{}},
		{"qa-review-numbering", "qa-review-numbering.txt", "seeds/fuxi-tigang-2024.txt", func(_ testing.TB, s string) []byte { return []byte(crlf(s)) }, Options{}},
		{"qa-rule-lines", "qa-rule-lines.txt", "seeds/xinde.txt", func(_ testing.TB, s string) []byte { return []byte(crlf(s)) }, Options{}},
	}
}
