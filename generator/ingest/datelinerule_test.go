package ingest

import "testing"

// TestDatelineAndLabels: a news dateline with the report's first sentence
// on its line goes to the subtitle and the sentence opens the body; a
// column label is a block of its own; a rule drawn around a title stays in
// the text and out of the title.
func TestDatelineAndLabels(t *testing.T) {
	tests := []struct {
		name            string
		in              string
		title, subtitle string
		outline         string
	}{
		{"dateline and credit before the first sentence",
			"某地干部群众热议党的二十大报告\r\n新华社北京10月18日电　（记者　张伟　李娜）连日来，党的二十大报告在各地引起热烈反响。\r\n　　大家表示，报告鼓舞人心。\r\n",
			"某地干部群众热议党的二十大报告", "新华社北京10月18日电（记者　张伟　李娜）",
			"p 连日来，党的二十大报告在各地引起热烈反响。\np 大家表示，报告鼓舞人心。\n"},
		{"本报 dateline without a credit",
			"乡村振兴迈出坚实步伐\n\n本报北京3月5日讯　今年的政府工作报告对乡村振兴作出部署。\n",
			"乡村振兴迈出坚实步伐", "本报北京3月5日讯",
			"p 今年的政府工作报告对乡村振兴作出部署。\n"},
		{"dateline on its own line",
			"习近平在会议上的讲话引起热烈反响\n新华社北京10月18日电\n中国共产党第二十次全国代表大会16日上午开幕。\n",
			"习近平在会议上的讲话引起热烈反响", "新华社北京10月18日电",
			"p 中国共产党第二十次全国代表大会16日上午开幕。\n"},
		{"a column label above a paragraph",
			"习近平在会议上的讲话引起热烈反响\n新华社北京10月18日电\n中国共产党第二十次全国代表大会16日上午开幕。\n\n【二十大时光】\n广大干部群众表示，要更加紧密地团结。\n",
			"习近平在会议上的讲话引起热烈反响", "新华社北京10月18日电",
			"p 中国共产党第二十次全国代表大会16日上午开幕。\np 【二十大时光】\np 广大干部群众表示，要更加紧密地团结。\n"},
		{"an item number in brackets still starts its point",
			"复习要点\n\n【1】坚持党的全面领导\n是中国特色社会主义最本质的特征。\n",
			"复习要点", "",
			"p 【1】坚持党的全面领导是中国特色社会主义最本质的特征。\n"},
		{"rules around the title",
			"---\r\n学习贯彻党的二十大精神心得体会\r\n=====\r\n\r\n　　通过学习，我深刻认识到“两个确立”的决定性意义。\r\n\r\n******\r\n\r\n　　下一步，我将把学习成果转化为工作动力。\r\n",
			"学习贯彻党的二十大精神心得体会", "",
			"p ---\np =====\np 通过学习，我深刻认识到“两个确立”的决定性意义。\np ******\np 下一步，我将把学习成果转化为工作动力。\n"},
		{"a rule of dashes above a title with a blank line",
			"——————————\n\n政府工作报告学习笔记\n\n今年的报告提出了多项新举措。\n",
			"政府工作报告学习笔记", "",
			"p ——————————\np 今年的报告提出了多项新举措。\n"},
		{"a rule of dashes under the title",
			"学习笔记\n——————————\n今天学习了党的二十大报告。\n",
			"学习笔记", "",
			"p ——————————\np 今天学习了党的二十大报告。\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := Import("seeds/news.txt", []byte(tt.in), "", Options{})
			if err != nil {
				t.Fatal(err)
			}
			if res.Doc.Title != tt.title || res.Doc.Subtitle != tt.subtitle {
				t.Errorf("title %q, subtitle %q; want %q, %q", res.Doc.Title, res.Doc.Subtitle, tt.title, tt.subtitle)
			}
			if got := outline(res.Doc); got != tt.outline {
				t.Errorf("got\n%swant\n%s", got, tt.outline)
			}
			assertFaithful(t, []byte(tt.in))
		})
	}
}
