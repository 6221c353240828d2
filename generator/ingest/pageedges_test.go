package ingest

import (
	"strings"
	"testing"
)

// TestPageEdges: what is removed as a running head or foot, and what
// title is found, for pages printed from a browser or a word processor
// and for texts that only look like them.
func TestPageEdges(t *testing.T) {
	zhHead := "2026/12/1 15:10                     政府工作报告全文"
	zhFoot := "https://www.example.gov.cn/zhengce/2024-03/12/content_6939153.htm                     %d/2"
	tests := []struct {
		name      string
		in        string
		wantTitle string
		removed   []string // texts removed as running head/foot
	}{
		{"Chrome in Chinese, two pages",
			zhHead + "\n            政府工作报告\n   各位代表：\n   现在，我代表国务院，向大会报告政府工作，请予\n审议。\n" + strings.Replace(zhFoot, "%d", "1", 1) +
				"\n\f" + zhHead + "\n   今年发展主要预期目标是：国内生产总值增长5%左右。\n" + strings.Replace(zhFoot, "%d", "2", 1) + "\n\f",
			"政府工作报告",
			[]string{zhHead, strings.Replace(zhFoot, "%d", "1", 1), zhHead, strings.Replace(zhFoot, "%d", "2", 1)}},
		{"Chrome in English without form feeds (copied out of a PDF viewer)",
			"十九大报告\n\n12/1/26, 3:10 PM                      十九大报告\n    现在，我代表第十八届中央委员会向大会作报告。\nfile:///C:/Users/admin/Desktop/report.html           1/2\n" +
				"12/1/26, 3:10 PM                      十九大报告\n    我们要坚持“两个维护”。\nfile:///C:/Users/admin/Desktop/report.html           2/2\n",
			"十九大报告",
			[]string{"12/1/26, 3:10 PM                      十九大报告", "file:///C:/Users/admin/Desktop/report.html           1/2",
				"12/1/26, 3:10 PM                      十九大报告", "file:///C:/Users/admin/Desktop/report.html           2/2"}},
		{"running title with the year on three pages",
			"某县2024年工作要点\n\n　　一、总体要求\n　　坚持稳中求进工作总基调，推动高质量发展。\n某县人民政府办公室2024年第1期\n" +
				"\f　　二、重点任务\n　　扎实推进乡村全面振兴，着力保障和改善民生。\n某县人民政府办公室2024年第2期\n" +
				"\f　　三、保障措施\n　　加强组织领导，压实工作责任。\n某县人民政府办公室2024年第3期\n",
			"某县2024年工作要点",
			[]string{"某县人民政府办公室2024年第1期", "某县人民政府办公室2024年第2期", "某县人民政府办公室2024年第3期"}},
		{"running title whose issue numbers end in 8, 9 and 0",
			"某县2024年工作要点\n\n　　一、总体要求\n　　坚持稳中求进工作总基调，推动高质量发展。\n某县人民政府办公室简报第18期\n" +
				"\f　　二、重点任务\n　　扎实推进乡村全面振兴，着力保障和改善民生。\n某县人民政府办公室简报第19期\n" +
				"\f　　三、保障措施\n　　加强组织领导，压实工作责任。\n某县人民政府办公室简报第20期\n",
			"某县2024年工作要点",
			[]string{"某县人民政府办公室简报第18期", "某县人民政府办公室简报第19期", "某县人民政府办公室简报第20期"}},
		{"the same in full-width digits",
			"某县2024年工作要点\n\n　　一、总体要求\n　　坚持稳中求进工作总基调，推动高质量发展。\n某县人民政府办公室简报第１８期\n" +
				"\f　　二、重点任务\n　　扎实推进乡村全面振兴，着力保障和改善民生。\n某县人民政府办公室简报第１９期\n" +
				"\f　　三、保障措施\n　　加强组织领导，压实工作责任。\n某县人民政府办公室简报第２０期\n",
			"某县2024年工作要点",
			[]string{"某县人民政府办公室简报第１８期", "某县人民政府办公室简报第１９期", "某县人民政府办公室简报第２０期"}},
		{"one printed page",
			zhHead + "\n            政府工作报告\n   各位代表：\n   现在，我代表国务院，向大会报告政府工作。\n" + strings.Replace(zhFoot, "%d/2", "1/1", 1) + "\n",
			"政府工作报告",
			[]string{zhHead, strings.Replace(zhFoot, "%d/2", "1/1", 1)}},
		{"a note that starts with its date and time",
			"2024/3/5 15:10\n\n今天认真学习了政府工作报告。\n\f明天继续学习。\n",
			"print", nil},
		{"a note dated under its title and a blog post that ends with its address",
			"学习政府工作报告笔记\n2024/3/5 15:10\n\n今天认真学习了政府工作报告。\n\n原文见：\nhttps://www.gov.cn/yaowen/liebiao/202403/content_6936260.htm\n",
			"学习政府工作报告笔记", nil},
		{"an address inside a sentence at a page edge",
			"学习资料汇编\n\n　　相关文件可在 https://www.example.gov.cn/ 下载。\n\f　　第二页的正文。\n",
			"学习资料汇编", nil},
		{"applause at the end of two pages is the speech",
			"在全市干部大会上的讲话\n\n　　同志们，这次会议十分重要。\n（掌声）\n\f　　我们要真抓实干，埋头苦干。\n（掌声）\n",
			"在全市干部大会上的讲话", nil},
		{"one page that ends with its title",
			"学习贯彻党的二十大精神\n\n　　认真学习，深刻领会。\n\n学习贯彻党的二十大精神\n",
			"学习贯彻党的二十大精神", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := Import("seeds/print.pdf", []byte(tt.in), "", Options{PDFText: func(b []byte) ([]byte, error) { return b, nil }})
			if err != nil {
				t.Fatal(err)
			}
			if res.Doc.Title != tt.wantTitle {
				t.Errorf("title %q, want %q", res.Doc.Title, tt.wantTitle)
			}
			var got []string
			for _, r := range res.Report.Removed {
				if r.Reason == "running head/foot" {
					got = append(got, r.Text)
				}
			}
			if strings.Join(got, "\n") != strings.Join(tt.removed, "\n") {
				t.Errorf("removed as running head/foot\n%q\nwant\n%q", got, tt.removed)
			}
			assertFaithful(t, []byte(tt.in))
		})
	}
}
