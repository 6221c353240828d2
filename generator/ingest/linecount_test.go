package ingest

import (
	"strconv"
	"strings"
	"testing"
)

// TestLineNumbersAfterFormFeeds: pdftotext starts each page with a form
// feed; editors do not count it as a line end, so the report's line
// numbers must not drift by one per page.
func TestLineNumbersAfterFormFeeds(t *testing.T) {
	page1 := "学习贯彻党的二十大精神专题辅导报告\n\n　　第一部分内容完整，这是第一页的正文。\n1\n"
	page2 := "\f　　第二部分内容完整，这是第二页的正文。\n2\n"
	page3 := "\f　　第三部分有错误,这里用了半角逗号。\n3\n\f"
	tests := []struct {
		name        string
		in          string
		wantRemoved string // line:text of removed lines
		wantWarning int    // line of the half-width comma warning
	}{
		{"LF", page1 + page2 + page3, "4:1 6:2 8:3", 7},
		{"CRLF", strings.ReplaceAll(page1+page2+page3, "\n", "\r\n"), "4:1 6:2 8:3", 7},
		{"form feed on a line of its own", strings.ReplaceAll(page1+page2+page3, "\f", "\f\n"), "4:1 7:2 10:3", 9},
		{"form feed after the page number", strings.ReplaceAll(page1+page2+page3, "\n\f", "\f\n"), "4:1 6:2 8:3", 7},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := Import("seeds/fudao.txt", []byte(tt.in), "", Options{})
			if err != nil {
				t.Fatal(err)
			}
			var removed []string
			for _, r := range res.Report.Removed {
				removed = append(removed, strconv.Itoa(r.Line)+":"+r.Text)
			}
			if got := strings.Join(removed, " "); got != tt.wantRemoved {
				t.Errorf("removed %s, want %s", got, tt.wantRemoved)
			}
			var warned []int
			for _, w := range res.Report.Warnings {
				if strings.Contains(w.Message, "half-width") {
					warned = append(warned, w.Line)
				}
			}
			if len(warned) != 1 || warned[0] != tt.wantWarning {
				t.Errorf("half-width warning on lines %v, want %d", warned, tt.wantWarning)
			}
			assertFaithful(t, []byte(tt.in))
		})
	}
}
