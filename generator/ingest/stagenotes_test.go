package ingest

import (
	"strings"
	"testing"
)

// A stage note ends its paragraph: the heading after it is a heading, the
// line after it a new paragraph, and a note cut by a page number is put
// together again with the number reported as removed.
func TestStageNotes(t *testing.T) {
	cases := []struct {
		name, in, want string
	}{
		{"full-width before 二、", "讲话\n\n我们要团结奋斗。（掌声）\n二、下一步工作\n", "p 我们要团结奋斗。（掌声）\nh2 二、下一步工作\n"},
		{"half-width before （一）", "讲话\n\n一、总体要求\n要坚持稳中求进。(掌声)\n（一）稳增长\n",
			"h2 一、总体要求\np 要坚持稳中求进。(掌声)\nh3 （一）稳增长\n"},
		{"spaces from PDF extraction", "讲话\n\n向同志们表示感谢！（ 掌声， 持久掌声）\n三、几点要求\n", "p 向同志们表示感谢！（掌声，持久掌声）\nh2 三、几点要求\n"},
		{"half-width with spaces", "讲话\n\n向同志们表示感谢！( 掌声 )\n四、几点要求\n", "p 向同志们表示感谢！( 掌声 )\nh2 四、几点要求\n"},
		{"laughter, then a new paragraph", "讲话\n\n日子好不好过，关键看干得怎么样。（笑声）\n从外部看，机遇大于挑战。\n",
			"p 日子好不好过，关键看干得怎么样。（笑声）\np 从外部看，机遇大于挑战。\n"},
		{"other wordings", "讲话\n\n甲。（鼓掌）\n一、甲\n乙。（热烈掌声）\n二、乙\n丙。（长时间热烈鼓掌）\n三、丙\n丁。（全场起立鼓掌）\n四、丁\n",
			"p 甲。（鼓掌）\nh2 一、甲\np 乙。（热烈掌声）\nh2 二、乙\np 丙。（长时间热烈鼓掌）\nh2 三、丙\np 丁。（全场起立鼓掌）\nh2 四、丁\n"},
		{"cut by a page number", "讲话\n\n让发展成果惠及全县人民。（ 掌\n19\n声）\n（四）防范风险\n",
			"p 让发展成果惠及全县人民。（掌声）\nh2 （四）防范风险\n"},
		{"cut by a wrap", "讲话\n\n奋力开创新局面！（长时间热\n烈鼓掌）\n二、结束语\n", "p 奋力开创新局面！（长时间热烈鼓掌）\nh2 二、结束语\n"},
		{"on a line of its own", "讲话\n\n表示衷心的感谢！\n（掌声）\n二、形势\n", "p 表示衷心的感谢！（掌声）\nh2 二、形势\n"},
		{"cut on a line of its own", "讲话\n\n表示衷心的感谢！\n（ 掌\n- 19 -\n声）\n二、形势\n", "p 表示衷心的感谢！（掌声）\nh2 二、形势\n"},
		{"ends an indented paragraph", "讲话\n\n　　第一段第一行，\n第一段第二行。（掌声）\n第二段不缩进也是新段。\n　　第三段开头\n结尾。\n　　第四段。\n",
			"p 第一段第一行，第一段第二行。（掌声）\np 第二段不缩进也是新段。\np 第三段开头结尾。\np 第四段。\n"},
		{"cut, then an unindented line in indented text", "讲话\n\n　　第一段第一行，\n第一段第二行。（ 掌\n- 3 -\n声）\n第二段不缩进也是新段。\n　　第三段开头\n结尾。\n　　第四段。\n",
			"p 第一段第一行，第一段第二行。（掌声）\np 第二段不缩进也是新段。\np 第三段开头结尾。\np 第四段。\n"},
		{"inside a line it ends nothing", "讲话\n\n他说到这里，（笑声）大家都\n笑了。\n", "p 他说到这里，（笑声）大家都笑了。\n"},
		{"cut before its closing bracket", "讲话\n\n表示衷心的感谢！\n（热烈掌声\n）\n二、形势\n", "p 表示衷心的感谢！（热烈掌声）\nh2 二、形势\n"},
		{"cut at the end of the file", "讲话\n\n表示衷心的感谢！\n（掌\n", "p 表示衷心的感谢！\np （掌\n"},
		{"a bracket that is not a note", "讲话\n\n要落实《条例》（试行\n稿）的规定。\n", "p 要落实《条例》（试行稿）的规定。\n"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			res := checkOutline(t, c.in, c.want)
			checkFidelity(t, textLines(c.in), res)
		})
	}
}

// The page number that cut a stage note is reported as removed, with its
// line, and the note's two halves as one join.
func TestStageNoteCutReport(t *testing.T) {
	in := "讲话\n\n让发展成果惠及全县人民。（ 掌\n19\n声）\n（四）防范风险\n"
	res, err := Import("seeds/x.txt", []byte(in), "", Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Report.Removed) != 1 || res.Report.Removed[0].Line != 4 || res.Report.Removed[0].Reason != "page number" {
		t.Errorf("removed %+v, want line 4 as a page number", res.Report.Removed)
	}
	if len(res.Report.Joins) != 1 || res.Report.Joins[0].Line != 5 || !strings.HasSuffix(res.Report.Joins[0].Before, "（掌") {
		t.Errorf("joins %+v, want one at line 5 after （掌", res.Report.Joins)
	}
}
