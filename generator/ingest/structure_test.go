package ingest

import (
	"strings"
	"testing"
)

// outline is a compact view of a body: "h2 text" or "p text" per block.
func outline(d *Document) string {
	var b strings.Builder
	for _, bl := range d.Blocks {
		switch bl.Kind {
		case Heading:
			b.WriteString("h" + string(rune('0'+bl.Level)) + " ")
		case Table:
			b.WriteString("t ")
		default:
			b.WriteString("p ")
		}
		b.WriteString(bl.Text + "\n")
	}
	return b.String()
}

func TestStructure(t *testing.T) {
	cases := []struct {
		name, in, want string
	}{
		{"levels", "标题\n\n一、甲\n（一）乙\n1. 丙\n2、丁\n（1）戊\n十二、己\n二十一、庚\n一百零八、辛\n",
			"h2 一、甲\nh3 （一）乙\nh4 1. 丙\nh4 2、丁\nh5 （1）戊\nh2 十二、己\nh2 二十一、庚\nh2 一百零八、辛\n"},
		{"chapters push numbered headings down", "标题\n\n第一章 总则\n第一节 目的\n一、甲\n", "h2 第一章 总则\nh3 第一节 目的\nh4 一、甲\n"},
		{"run-in heading", "标题\n\n（一）坚持稳中求进。全面贯彻新发展理念，\n推动高质量发展。\n",
			"h2 （一）坚持稳中求进。\np 全面贯彻新发展理念，推动高质量发展。\n"}, // its only style: ##
		{"too long to be a heading", "标题\n\n一、" + strings.Repeat("长", 90) + "。\n", "p 一、" + strings.Repeat("长", 90) + "。\n"},
		{"enumerations are not headings", "标题\n\n一是加强领导，二是压实责任。\n——强化督查；\n", "p 一是加强领导，二是压实责任。\np ——强化督查；\n"},
		{"numbered line mid-sentence", "标题\n\n推动一、\n二、三产业融合\n\n发展。\n", "p 推动一、二、三产业融合发展。\n"},
		{"heading does not swallow the next line", "标题\n\n一、总体要求\n要坚持\n\n稳中求进。\n", "h2 一、总体要求\np 要坚持稳中求进。\n"},
		{"page numbers", "标题\n\n要推动\n3\n高质量\n- 4 -\n发展\n— 5 —\n，全面\n第 6 页\n推进\n7/12\n改革\n第8页 共12页\n开放。\n",
			"p 要推动高质量发展，全面推进改革开放。\n"},
		{"running head", "报告\n\n正文第一段很长很长，\n市委办公室\n- 1 -\n接着写第二页，\n市委办公室\n- 2 -\n接着写第三页，\n市委办公室\n- 3 -\n完。\n",
			"p 正文第一段很长很长，接着写第二页，接着写第三页，完。\n"},
		{"spaces", "标题\n\n我们， 要在 2023 年底前完成 GDP 目标 ，推动 Belt and\nRoad 建设。\n",
			"p 我们，要在 2023 年底前完成 GDP 目标，推动 Belt and Road 建设。\n"},
		{"quote closes a term mid-sentence", "标题\n\n加快建设“五个中心”\n\n是党中央赋予的使命。\n", "p 加快建设“五个中心”是党中央赋予的使命。\n"},
		{"quotation ends a sentence", "标题\n\n他说：“要奋斗。”\n\n我们要落实。\n", "p 他说：“要奋斗。”\np 我们要落实。\n"},
		{"table of contents", "报告\n目  录\n一、总体要求……………3\n二、主要任务..........5\n\n一、总体要求\n正文。\n", "h2 一、总体要求\np 正文。\n"},
		{"minutes header fields", "会议纪要\n\n时间：2023年12月5日上午\n地点：市政府第一会议室\n主持：王明\n会议指出，要\n抓好落实。\n市政府办公室\n2023年12月6日\n",
			"p 时间：2023年12月5日上午\np 地点：市政府第一会议室\np 主持：王明\np 会议指出，要抓好落实。\np 市政府办公室\np 2023年12月6日\n"},
		{"heading wrapped at a comma", "标题\n\n一、坚持以人民为中心，\n推动高质量发展\n正文。\n", "h2 一、坚持以人民为中心，推动高质量发展\np 正文。\n"},
		{"salutation", "标题\n同志们：\n今天开会。\n", "p 同志们：\np 今天开会。\n"},
		{"indented PDF paragraphs", "标题\n\n　　第一段第一行，\n第一段第二行。\n到此为止。\n　　第二段。\n　　第三段开头\n结尾。\n",
			"p 第一段第一行，第一段第二行。到此为止。\np 第二段。\np 第三段开头结尾。\n"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			res, err := Import("seeds/x.txt", []byte(c.in), "", Options{})
			if err != nil {
				t.Fatal(err)
			}
			if got := outline(res.Doc); got != c.want {
				t.Errorf("got\n%swant\n%s", got, c.want)
			}
		})
	}
}

func TestTitleBlock(t *testing.T) {
	cases := []struct {
		name, in                                 string
		title, subtitle, date, speaker, occasion string
	}{
		{"two-line title", "关于深入推进长三角一体化发展的\n实施意见\n\n一、总体要求\n", "关于深入推进长三角一体化发展的实施意见", "", "", "", ""},
		{"title across a blank line after a connective", "习近平总书记重要讲话精神和\n\n座谈会精神\n\n（传达稿）\n\n正文。\n", "习近平总书记重要讲话精神和座谈会精神", "（传达稿）", "", "", ""},
		{"speech", "坚定信心 实干争先\n——在全市经济工作会议上的讲话\n（2023年12月25日）\n市委书记 李明\n同志们：\n", "坚定信心 实干争先", "——在全市经济工作会议上的讲话", "2023-12-25", "市委书记 李明", "全市经济工作会议"},
		{"date and occasion in the subtitle", "政府工作报告\n——2024年3月5日在第十四届全国人民代表大会第二次会议上\n国务院总理　李强\n各位代表：\n", "政府工作报告", "——2024年3月5日在第十四届全国人民代表大会第二次会议上", "2024-03-05", "国务院总理 李强", "第十四届全国人民代表大会第二次会议"},
		{"chinese date", "会议纪要\n二〇二三年十二月五日\n正文。\n", "会议纪要", "", "2023-12-05", "", ""},
		{"short line is a speaker, not more title", "学习体会\n张三\n正文。\n", "学习体会", "", "", "张三", ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			res, err := Import("seeds/x.txt", []byte(c.in), "", Options{})
			if err != nil {
				t.Fatal(err)
			}
			d := res.Doc
			got := []string{d.Title, d.Subtitle, d.Date, d.Speaker, d.Occasion}
			want := []string{c.title, c.subtitle, c.date, c.speaker, c.occasion}
			if strings.Join(got, "|") != strings.Join(want, "|") {
				t.Errorf("got  %q\nwant %q", got, want)
			}
		})
	}
}

// A text that starts with its first heading has no title line: the title
// comes from the file name, with a warning, and no text is lost.
func TestNoTitleLine(t *testing.T) {
	in := "一、总体要求\n要坚持稳中求进。\n"
	res, err := Import("seeds/2023-12-01-学习提纲.txt", []byte(in), "", Options{})
	if err != nil {
		t.Fatal(err)
	}
	if res.Doc.Title != "学习提纲" || len(res.Report.Warnings) == 0 || !strings.Contains(res.Report.Warnings[0].Message, "no title") {
		t.Errorf("title %q, warnings %v", res.Doc.Title, res.Report.Warnings)
	}
	if got := outline(res.Doc); got != "h2 一、总体要求\np 要坚持稳中求进。\n" {
		t.Errorf("got %s", got)
	}
	checkFidelity(t, textLines(in), res)
}

func TestDateFromFileName(t *testing.T) {
	for name, want := range map[string]string{
		"seeds/2023-12-01-shanghai.txt": "2023-12-01", "seeds/20240305gzbg.txt": "2024-03-05",
		"seeds/doc-00001.txt": "", "seeds/2023-13-45-x.txt": "",
	} {
		res, err := Import(name, []byte("标题\n\n正文。\n"), "", Options{})
		if err != nil {
			t.Fatal(err)
		}
		if res.Doc.Date != want {
			t.Errorf("%s: date %q, want %q", name, res.Doc.Date, want)
		}
	}
}

func TestLint(t *testing.T) {
	res, err := Import("seeds/x.txt", []byte("标题\n\n一、甲\n创新思路 and 模式，推动GDP增长,落实(试行)办法。\n三、丙\n“未闭合的引号。\n《纲要》和（括号\n正文接着写，\n\n这里有 the 错误。\n"), "", Options{})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		`4:Latin word "and"`, "4:half-width punctuation", "5:heading number skips", "6:unbalanced “”", "7:unbalanced （）",
		`10:Latin word "the"`, // in a paragraph joined from line 8
	}
	var got []string
	for _, w := range res.Report.Warnings {
		got = append(got, itoa(w.Line)+":"+w.Message)
	}
	for _, w := range want {
		found := false
		for _, g := range got {
			found = found || strings.HasPrefix(g, w)
		}
		if !found {
			t.Errorf("no warning %q in %q", w, got)
		}
	}
	if strings.Contains(strings.Join(got, "\n"), `"GDP"`) {
		t.Errorf("GDP (an acronym) flagged: %q", got)
	}
	if !strings.Contains(res.Body, "增长,落实(试行)") {
		t.Errorf("lint changed the text: %s", res.Body)
	}
}

func TestFixPunctuation(t *testing.T) {
	cases := map[string]string{
		"增长,落实(试行)办法":      "增长，落实（试行）办法",
		"他说:\"好\";然后?对!":   "他说：“好”；然后？对！",
		"时间10:30,共3,000人":  "时间10:30，共3,000人",
		"GDP, CPI and PPI": "GDP, CPI and PPI",
	}
	for in, want := range cases {
		if got, _ := fixPunctuation(in); got != want {
			t.Errorf("fixPunctuation(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestTerms(t *testing.T) {
	res, err := Import("seeds/x.txt", []byte("标题\n\n建设“五个中心”，推进“一带一路”，坚持“枫桥经验”。他说：“我们要把这件事情办好，办实。”再提“五个中心”。\n"), "", Options{})
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(res.Doc.Terms, ","); got != "五个中心,一带一路,枫桥经验" {
		t.Errorf("terms %q", got)
	}
}

func TestSlug(t *testing.T) {
	cases := []struct{ title, date, want string }{
		{"政府工作报告", "", "zheng-fu-gong-zuo-bao-gao"},
		{"关于全市安全生产工作的会议纪要", "", "quan-shi-an-quan-sheng-chan-gong"},
		{"学习贯彻“两个结合”的体会", "", "liang-ge-jie-he-de-ti-hui"},
		{"2024年GDP报告", "", "2024-nian-gdp-bao-gao"},
		{"！！！", "", "doc"},
	}
	for _, c := range cases {
		if got := SlugCandidates(c.title, c.date)[0]; got != c.want {
			t.Errorf("slug(%s) = %q, want %q", c.title, got, c.want)
		}
	}
	long := SlugCandidates("习近平总书记考察上海重要讲话精神和深入推进长三角一体化发展座谈会精神", "2023-12-01")
	if len(long) != 3 || long[1] != long[0]+"-20231201" || !strings.HasPrefix(long[2], long[0]+"-") {
		t.Errorf("candidates %q", long)
	}
	for _, s := range long {
		if len(s) > 70 || strings.Trim(s, "abcdefghijklmnopqrstuvwxyz0123456789-") != "" {
			t.Errorf("slug %q is not short ASCII", s)
		}
	}
}
