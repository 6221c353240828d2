package ingest

import (
	"fmt"
	"strconv"
	"strings"
	"testing"
)

// outline is a compact view of a body: "h2 text" or "p text" per block.
// checkOutline imports in as a .txt seed and checks its blocks, as
// outline writes them, against want.
func checkOutline(t *testing.T, in, want string) *Result {
	t.Helper()
	res, err := Import("seeds/x.txt", []byte(in), "", Options{})
	if err != nil {
		t.Fatal(err)
	}
	if got := outline(res.Doc); got != want {
		t.Errorf("got\n%swant\n%s", got, want)
	}
	return res
}

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
		{"一二、 is no number", "标题\n\n一二、三产业融合发展。\n", "p 一二、三产业融合发展。\n"},
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
		// A two-line running head under each page number: the second
		// line is two lines after the number.
		{"running head of two lines", "学习体会\n\n第一页第一段。\n第一页第二段。\n- 1 -\n内部资料\n市委办公室编\n第二页第一段。\n第二页第二段。\n- 2 -\n内部资料\n市委办公室编\n第三页第一段。\n第三页第二段。\n- 3 -\n内部资料\n市委办公室编\n第四页。\n",
			"p 第一页第一段。\np 第一页第二段。\np 第二页第一段。\np 第二页第二段。\np 第三页第一段。\np 第三页第二段。\np 第四页。\n"},
		// A running head with no page numbers near it: it cuts sentences.
		{"running head between sentences", "学习体会\n\n开头一段的正文讲的是要推动\n市委理论学习中心组学习材料\n高质量发展，第二段的正文讲的是\n市委理论学习中心组学习材料\n全面深化改革，第三段讲的是\n市委理论学习中心组学习材料\n扩大开放。\n",
			"p 开头一段的正文讲的是要推动高质量发展，第二段的正文讲的是全面深化改革，第三段讲的是扩大开放。\n"},
		// Under a page-edge head that goes (内部资料), a second head line
		// cuts the sentence the page before left open.
		{"second head line under a removed one", "学习体会\n\n第一页的正文讲到这里还没有讲完，要推动\n\f内部资料\n市委办公室编\n高质量发展取得了新的重大成效。\n第二页的正文讲到这里还要推动\n\f内部资料\n市委办公室编\n改革开放取得了新的重大成效。\n第三页的正文讲到这里还要推动\n\f内部资料\n市委办公室编\n科技创新取得了新的重大突破。\n",
			"p 第一页的正文讲到这里还没有讲完，要推动高质量发展取得了新的重大成效。\np 第二页的正文讲到这里还要推动改革开放取得了新的重大成效。\np 第三页的正文讲到这里还要推动科技创新取得了新的重大突破。\n"},
		// Blank lines between paragraphs: an indent is no paragraph rule
		// here, and a line after a full stop starts a paragraph.
		{"indents with blank lines", "标题\n\n　　第一段。\n\n　　第二段。\n\n第三行单独成段。\n第四行单独成段。\n\n　　第五段。\n",
			"p 第一段。\np 第二段。\np 第三行单独成段。\np 第四行单独成段。\np 第五段。\n"},
		// Nearly every line indented: the one that is not, after a full
		// stop, is a paragraph of its own.
		{"one unindented line among indented ones", "标题\n　　第一段。\n　　第二段。\n　　第三段。\n　　第四段。\n　　第五段。\n　　第六段。\n　　第七段。\n　　第八段。\n以上内容供参考。\n　　第九段。\n",
			"p 第一段。\np 第二段。\np 第三段。\np 第四段。\np 第五段。\np 第六段。\np 第七段。\np 第八段。\np 以上内容供参考。\np 第九段。\n"},
		{"half-width brackets and full-width digits", "标题\n\n(一)总体要求\n正文。\n１０．加强组织领导\n正文。\n（１９）压实责任\n正文。\n",
			"h2 (一)总体要求\np 正文。\nh3 １０．加强组织领导\np 正文。\nh4 （１９）压实责任\np 正文。\n"},
		{"a numbered sentence too long for a heading", "标题\n\n一、" + strings.Repeat("长", 65) + "。\n", "p 一、" + strings.Repeat("长", 65) + "。\n"},
		{"numbers with a leading zero", "标题\n\n01.总体要求\n正文。\n02.主要任务\n正文。\n", "h2 01.总体要求\np 正文。\nh2 02.主要任务\np 正文。\n"},
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
			checkOutline(t, c.in, c.want)
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
		{"speech", "坚定信心 实干争先\n——在全市经济工作会议上的讲话\n（2023年12月25日）\n市委书记 李明\n同志们：\n", "坚定信心 实干争先", "——在全市经济工作会议上的讲话", "2023-12-25", "李明", "全市经济工作会议"},
		{"date and occasion in the subtitle", "政府工作报告\n——2024年3月5日在第十四届全国人民代表大会第二次会议上\n国务院总理　李强\n各位代表：\n", "政府工作报告", "——2024年3月5日在第十四届全国人民代表大会第二次会议上", "2024-03-05", "李强", "第十四届全国人民代表大会第二次会议"},
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
		got = append(got, strconv.Itoa(w.Line)+":"+w.Message)
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
		"附件1:会议议程":         "附件1：会议议程",
		"时间:10点,地点:3楼":     "时间：10点，地点：3楼",
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
	// The third candidate: the initials of the rest of the title, each
	// syllable's first letter (zhan → z).
	if c := SlugCandidates("关于深入推进长三角一体化发展和生态环境保护的实施意见", ""); strings.Join(c, " ") != "shen-ru-tui-jin-chang-san-jiao shen-ru-tui-jin-chang-san-jiao-ythfzhsthjbhdssyj" {
		t.Errorf("candidates %q", c)
	}
	// However long the title, the initials part stays short.
	if c := SlugCandidates("关于深入学习贯彻习近平新时代中国特色社会主义思想和党的二十大精神以及二十届二中全会三中全会精神进一步全面深化改革推进中国式现代化的实施意见和工作方案", ""); len(c) != 2 || len(c[1])-len(c[0])-1 > 32 || len(c[1])-len(c[0])-1 < 20 {
		t.Errorf("candidates %q: want initials of 20 to 32 letters", c)
	}
	// A word longer than a slug is cut to the slug's length.
	if c := SlugCandidates("Supercalifragilisticexpialidocious学习体会", ""); c[0] != "supercalifragilisticexpialidocio" {
		t.Errorf("candidates %q", c)
	}
	// Dates as blog front matter writes them give the day only.
	for _, date := range []string{"2023-07-01T10:30:00+08:00", "2023-07-01 10:30:00", "2023-07-01", "2023-07-01T10:30:00Z"} {
		if c := SlugCandidates("学习两个结合的体会", date); len(c) < 2 || c[1] != c[0]+"-20230701" {
			t.Errorf("date %q: candidates %q", date, c)
		}
	}
	if c := SlugCandidates("学习两个结合的体会", "七月一日"); len(c) != 1 {
		t.Errorf("a date without digits: candidates %q", c)
	}
}

// After a blank line, a line that begins with a block mark starts a block
// whatever the line before ends with; without the blank line, or for an
// enumeration cut in two, the sentence goes on.
func TestBlockMarks(t *testing.T) {
	cases := []struct {
		name, in, want string
	}{
		{"chapter after a list without punctuation", "笔记\n\n第一章　总论\n③坚持新发展理念\n\n第二章　分论\n", "h2 第一章　总论\np ③坚持新发展理念\nh2 第二章　分论\n"},
		{"section", "笔记\n\n第一章 总论\n要点如下\n\n第二节 方法\n", "h2 第一章 总论\np 要点如下\nh3 第二节 方法\n"},
		{"numbered question after an answer", "提纲\n\n1.什么是新发展理念？\n答：创新、协调、绿色、开放、共享\n\n2.如何贯彻新发展理念？\n",
			"h2 1.什么是新发展理念？\np 答：创新、协调、绿色、开放、共享\nh2 2.如何贯彻新发展理念？\n"},
		{"N、 and full-width digits", "提纲\n\n１、第一题\n答案没有句号\n\n２、第二题\n", "h2 １、第一题\np 答案没有句号\nh2 ２、第二题\n"},
		{"（N） and （一）", "提纲\n\n（1）甲\n说明\n\n（2）乙\n补充\n\n（一）丙\n", "h2 （1）甲\np 说明\nh2 （2）乙\np 补充\nh2 （一）丙\n"},
		{"一、 after a blank line", "笔记\n\n一、理论意义\n是最新理论成果\n\n二、实践意义\n", "h2 一、理论意义\np 是最新理论成果\nh2 二、实践意义\n"},
		{"a long question is a paragraph of its own", "提纲\n\n前一题的答案\n\n5." + strings.Repeat("长", 70) + "？\n答：要点。\n",
			"p 前一题的答案\np 5." + strings.Repeat("长", 70) + "？\np 答：要点。\n"},
		{"circled items after a blank line", "提纲\n\n答：要点如下\n\n①坚持党的领导\n\n②坚持人民至上\n", "p 答：要点如下\np ①坚持党的领导\np ②坚持人民至上\n"},
		{"circled items, one a line", "提纲\n\n我学习了以下几个方面\n①加强党的领导\n②坚持以人民为中心\n③进入新发展阶段\n",
			"p 我学习了以下几个方面\np ①加强党的领导\np ②坚持以人民为中心\np ③进入新发展阶段\n"},
		{"circled items after 答：", "提纲\n\n答：①是历史的选择\n②是人民的选择\n", "p 答：①是历史的选择\np ②是人民的选择\n"},
		{"a first circled number a wrap put first stays", "笔记\n\n要抓好\n①政治建设、②思想建设三方面工作。\n", "p 要抓好①政治建设、②思想建设三方面工作。\n"},
		{"a circled number a wrap put first stays", "笔记\n\n分为①政治建设、②思想建设、\n③组织建设三方面\n", "p 分为①政治建设、②思想建设、③组织建设三方面\n"},
		{"1】 and 【2】", "提纲\n\n1】两个确立：历史结论\n\n【2】两个维护：政治要求\n", "p 1】两个确立：历史结论\np 【2】两个维护：政治要求\n"},
		{"—— bullets", "笔记\n\n要抓好以下工作\n\n——梳理项目清单\n——健全调度机制\n", "p 要抓好以下工作\np ——梳理项目清单\np ——健全调度机制\n"},
		{"a dash a wrap put first stays", "讲话\n\n这就是我们的初心\n——为人民谋幸福。\n", "p 这就是我们的初心——为人民谋幸福。\n"},
		{"附：", "提纲\n\n答：毫不动摇发展公有制经济\n\n附：易混概念\n", "p 答：毫不动摇发展公有制经济\np 附：易混概念\n"},
		{"enumeration cut by a blank line", "标题\n\n推动一、\n\n二、三产业融合\n\n发展。\n", "p 推动一、二、三产业融合发展。\n"},
		{"marks after a page break still need a sentence end", "标题\n\n增长了\n- 3 -\n1.5倍，要推动\n- 4 -\n2、3号线建设。\n", "p 增长了1.5倍，要推动2、3号线建设。\n"},
		{"chapter line without a blank line", "笔记\n\n必须长期坚持、不断丰富发展\n第二章　全面领导\n正如本书\n第二章所述，要坚持。\n",
			"p 必须长期坚持、不断丰富发展\nh2 第二章　全面领导\np 正如本书第二章所述，要坚持。\n"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			res := checkOutline(t, c.in, c.want)
			checkFidelity(t, textLines(c.in), res)
		})
	}
}

// Heading levels follow the nesting of the styles a text uses: the
// outermost is ##, each style under it one more, whatever styles of the
// full ladder the text leaves out.
func TestHeadingNesting(t *testing.T) {
	cases := []struct {
		name, in, want string
	}{
		{"only 第X章 and 1.", "笔记\n\n第一章 总论\n1. 甲\n2. 乙\n第二章 分论\n1. 丙\n", "h2 第一章 总论\nh3 1. 甲\nh3 2. 乙\nh2 第二章 分论\nh3 1. 丙\n"},
		{"only 一、 and （1）", "报告\n\n一、甲\n（1）乙\n（2）丙\n二、丁\n", "h2 一、甲\nh3 （1）乙\nh3 （2）丙\nh2 二、丁\n"},
		{"第X章, 第X节, 一、", "笔记\n\n第一章 总论\n第一节 目的\n一、甲\n二、乙\n第二节 方法\n", "h2 第一章 总论\nh3 第一节 目的\nh4 一、甲\nh4 二、乙\nh3 第二节 方法\n"},
		{"the full ladder keeps its levels", "报告\n\n第一部分 回顾\n一、甲\n（一）乙\n1. 丙\n（1）丁\n", "h2 第一部分 回顾\nh3 一、甲\nh4 （一）乙\nh5 1. 丙\nh6 （1）丁\n"},
		{"a section that leaves a style out", "报告\n\n一、甲\n（一）乙\n1. 丙\n二、丁\n1. 戊\n", "h2 一、甲\nh3 （一）乙\nh4 1. 丙\nh2 二、丁\nh3 1. 戊\n"},
		{"a style first seen lower", "报告\n\n1. 引言\n一、甲\n1. 乙\n", "h2 1. 引言\nh2 一、甲\nh3 1. 乙\n"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			checkOutline(t, c.in, c.want)
		})
	}
}

// The textbook pages after a review question stay on its heading line.
func TestPageRefTail(t *testing.T) {
	cases := []struct{ in, want string }{
		{"9.如何坚持和完善社会主义基本经济制度？148-150", "h2 9.如何坚持和完善社会主义基本经济制度？148-150\n"},
		{"2.新时代我国社会主要矛盾是什么？P25", "h2 2.新时代我国社会主要矛盾是什么？P25\n"},
		{"7.为什么说党的领导是最本质的特征？（P70—72）", "h2 7.为什么说党的领导是最本质的特征？（P70—72）\n"},
		{"8.如何坚持党的领导制度体系？第75页", "h2 8.如何坚持党的领导制度体系？第75页\n"},
		{"（一）坚持稳中求进。2023年经济回升向好。", "h2 （一）坚持稳中求进。\np 2023年经济回升向好。\n"},
	}
	for _, c := range cases {
		res, err := Import("seeds/x.txt", []byte("提纲\n\n"+c.in+"\n"), "", Options{})
		if err != nil {
			t.Fatal(err)
		}
		if got := outline(res.Doc); got != c.want {
			t.Errorf("%s:\ngot\n%swant\n%s", c.in, got, c.want)
		}
	}
}

// TestLintQuietOnReviewSheets: questions numbered on across chapters and
// points numbered 1】 are how review sheets are written, not slips; a
// question number that really skips still warns.
func TestLintQuietOnReviewSheets(t *testing.T) {
	sheet := "期末复习提纲\n\n第一章 总论\n\n1.什么是两个确立？\n答：略。\n\n2.什么是两个维护？\n答：略。\n\n" +
		"第二章 经济\n\n3.如何理解新发展理念？\n答：略。\n\n5.如何构建新发展格局？\n答：略。\n\n1】要点一：坚持党的领导\n"
	res, err := Import("seeds/tigang.txt", []byte(sheet), "", Options{})
	if err != nil {
		t.Fatal(err)
	}
	var skips []string
	for _, w := range res.Report.Warnings {
		if strings.Contains(w.Message, "unbalanced") {
			t.Errorf("line %d: %s", w.Line, w.Message)
		}
		if strings.Contains(w.Message, "skips") {
			skips = append(skips, strconv.Itoa(w.Line)+":"+w.Message)
		}
	}
	if len(skips) != 1 || !strings.HasPrefix(skips[0], "16:heading number skips: 5.") {
		t.Errorf("skip warnings %q, want only question 5 after 3", skips)
	}
}

// TestRepeatedWrappedLineIsText: a sentence a speech repeats wraps the same
// way each time in PDF text; its middle line is text, not a running head,
// while a short line repeated at the page breaks is one.
func TestRepeatedWrappedLineIsText(t *testing.T) {
	refrain := "　　我们要牢记，人民对美好生活的向往就是我们的奋斗目标，要把\n以人民为中心的发展思想落实到经济社会发展各个环节，让群众有\n实实在在的获得感。\n"
	var b strings.Builder
	b.WriteString("讲话\n\n")
	for page := 1; page <= 4; page++ {
		b.WriteString(refrain)
		b.WriteString("　　这是第" + string(rune('一'+page-1)) + "部分的内容，我们一定要认真\n")
		b.WriteString("- " + strconv.Itoa(page) + " -\n某某市委办公室\n")
		b.WriteString("学习领会。\n")
	}
	res, err := Import("seeds/x.txt", []byte(b.String()), "", Options{})
	if err != nil {
		t.Fatal(err)
	}
	if n := strings.Count(res.Body, "以人民为中心的发展思想落实到经济社会发展各个环节"); n != 4 {
		t.Errorf("the repeated sentence is in the body %d times, want 4:\n%s", n, res.Body)
	}
	heads := 0
	for _, r := range res.Report.Removed {
		if r.Reason == "running head/foot" && r.Text == "某某市委办公室" {
			heads++
		}
	}
	if heads != 4 || strings.Contains(res.Body, "某某市委办公室") {
		t.Errorf("running head removed %d times, want 4:\n%s", heads, res.Body)
	}
}

// TestBlockString: a block as a debugging line shows its kind, level,
// source line and (for a paragraph, cut) text.
func TestBlockString(t *testing.T) {
	res := checkOutline(t, "标题\n\n一、总体要求\n\n要坚持稳中求进工作总基调，完整准确全面贯彻新发展理念。\n", "h2 一、总体要求\np 要坚持稳中求进工作总基调，完整准确全面贯彻新发展理念。\n")
	var got []string
	for _, b := range res.Doc.Blocks {
		got = append(got, b.String())
	}
	want := []string{"h2@3 一、总体要求", "paragraph@5 要坚持稳中求进工作总基调，完整准确全面贯"}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got %q, want %q", got, want)
	}
	if Table.String() != "table" {
		t.Errorf("Table.String() = %q", Table.String())
	}
}

// TestAlternatingRunningHeads: a book prints one running head on odd
// pages and another on even ones, so each is on half the pages only; next
// to the page number (the line after it, or the one or two lines before
// it) each is still a running head, and the title, when it is one of them,
// stays the title.
func TestAlternatingRunningHeads(t *testing.T) {
	heads := []string{"学习读本", "党的创新理论"}
	page := func(layout string, k int) string {
		body := fmt.Sprintf("第%d页的第一段。\n第%d页的第二段。\n", k, k)
		head := heads[k%len(heads)]
		switch layout {
		case "head after the number":
			return fmt.Sprintf("- %d -\n%s\n%s", k, head, body)
		case "foot before the number":
			return fmt.Sprintf("%s%s\n- %d -\n", body, head, k)
		default: // a foot, then a line every page has, then the number
			return fmt.Sprintf("%s%s\n内部资料\n- %d -\n", body, head, k)
		}
	}
	for _, layout := range []string{"head after the number", "foot before the number", "foot two lines before the number", "the title as a head"} {
		t.Run(layout, func(t *testing.T) {
			title, pages := "学习体会", 6
			if layout == "the title as a head" {
				// Three heads in turn on nine pages, the title one of them:
				// it is on four pages of ten, too few for a page-edge head.
				heads = []string{"学习读本", "党的创新理论", "理论学习"}
				title, layout, pages = "学习读本", "head after the number", 9
			}
			in, want := title+"\n\n", ""
			for k := 1; k <= pages; k++ {
				in += page(layout, k)
				want += fmt.Sprintf("p 第%d页的第一段。\np 第%d页的第二段。\n", k, k)
			}
			if res := checkOutline(t, in, want); res.Doc.Title != title {
				t.Errorf("title %q, want %q", res.Doc.Title, title)
			}
		})
	}
}
