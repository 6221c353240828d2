package ingest

import (
	"fmt"
	"strings"
	"testing"
	"unicode/utf8"
)

// titleFields is what the page shows of a title block, and the body's
// first paragraphs.
type titleFields struct {
	title, subtitle, date, speaker, occasion string
	first                                    []string // the starts of the first body blocks
}

func fieldsOf(res *Result, want titleFields) titleFields {
	d := res.Doc
	f := titleFields{title: d.Title, subtitle: d.Subtitle, date: d.Date, speaker: d.Speaker, occasion: d.Occasion}
	for k := 0; k < len(want.first) && k < len(d.Blocks); k++ {
		// The start only: how the paragraph goes on is not the title
		// block's business.
		f.first = append(f.first, head(d.Blocks[k].Text, utf8.RuneCountInString(want.first[k])))
	}
	return f
}

func (f titleFields) String() string {
	return fmt.Sprintf("title %q\nsubtitle %q\ndate %q\nspeaker %q\noccasion %q\nbody %q", f.title, f.subtitle, f.date, f.speaker, f.occasion, f.first)
}

// titleClasses are the title blocks of the fixtures: the file, how many
// of its first lines are the title block, and what the page must show.
var titleClasses = []struct {
	fixture, as string
	blockLines  int
	want        titleFields
}{
	{"title-ddh.txt", "seeds/ddh19.txt", 5, titleFields{
		"决胜全面建成小康社会 夺取新时代中国特色社会主义伟大胜利", "——在中国共产党第十九次全国代表大会上的报告", "2017-10-18", "习近平", "中国共产党第十九次全国代表大会",
		[]string{"同志们：", "现在，我代表第十八届中央委员会向大会作报告。"}}},
	{"title-gzbg.txt", "seeds/gzbg-2024.txt", 3, titleFields{
		"政府工作报告", "——2024年3月5日在第十四届全国人民代表大会第二次会议上", "2024-03-05", "李强", "第十四届全国人民代表大会第二次会议",
		[]string{"各位代表：", "现在，我代表国务院，向大会报告政府工作，请予审议，并请全国政协委员提出意见。"}}},
	{"title-yijian.txt", "seeds/meili-zhongguo.txt", 3, titleFields{
		"中共中央 国务院关于全面推进美丽中国建设的意见", "", "2023-12-27", "", "",
		[]string{"建设美丽中国是全面建设社会主义现代化国家的重要目标，是实现中华民族伟大复兴中国梦的重要内容。为全面推进美丽中国建设，加快推进人与自然和谐共生的现代化，现提出如下意见。"}}},
	{"title-news.txt", "seeds/2017-10-18-xinhua.txt", 2, titleFields{
		"习近平：决胜全面建成小康社会 夺取新时代中国特色社会主义伟大胜利", "——在中国共产党第十九次全国代表大会上的报告 新华社北京10月18日电", "2017-10-18", "习近平", "中国共产党第十九次全国代表大会",
		[]string{"同志们：", "现在，我代表第十八届中央委员会向大会作报告。"}}},
	{"title-quanwen.txt", "seeds/xiaoqing.txt", 3, titleFields{
		"在庆祝某某大学建校一百二十周年大会上的讲话", "（全文）", "2024-05-04", "王明", "庆祝某某大学建校一百二十周年大会",
		[]string{"老师们、同学们、校友们：", "今天，我们在这里隆重集会，热烈庆祝学校建校一百二十周年。（掌声）"}}},
}

// layout is a way a title block is typed: blank lines between its lines,
// an indentation, line ends.
type layout struct {
	blanks int
	indent string
	crlf   bool
}

func (l layout) String() string {
	return fmt.Sprintf("%d blank lines, indent %q, crlf %v", l.blanks, l.indent, l.crlf)
}

func layouts() []layout {
	var out []layout
	for blanks := 0; blanks <= 3; blanks++ {
		for _, indent := range []string{"", "　　", "    ", "\t"} {
			for _, crlf := range []bool{false, true} {
				out = append(out, layout{blanks, indent, crlf})
			}
		}
	}
	return out
}

// relayout types the first n non-blank lines of text in layout l and
// keeps the rest of the text as it is.
func relayout(text string, n int, l layout) string {
	lines := strings.Split(text, "\n")
	var block []string
	k := 0
	for ; k < len(lines) && len(block) < n; k++ {
		if t := trimSpace(lines[k]); t != "" {
			block = append(block, l.indent+t)
		}
	}
	sep := "\n" + strings.Repeat("\n", l.blanks)
	out := strings.Join(block, sep) + sep + strings.TrimLeft(strings.Join(lines[k:], "\n"), "\n")
	if l.crlf {
		out = crlf(out)
	}
	return out
}

// Each class of title block gives the same front matter and body start
// however its lines are spaced, indented and ended.
func TestTitleBlockLayouts(t *testing.T) {
	for _, c := range titleClasses {
		text := mustRead(t, "testdata/"+c.fixture)
		for _, l := range layouts() {
			t.Run(c.fixture+"/"+l.String(), func(t *testing.T) {
				in := relayout(text, c.blockLines, l)
				res, err := Import(c.as, []byte(in), "", Options{})
				if err != nil {
					t.Fatal(err)
				}
				if got := fieldsOf(res, c.want); got.String() != c.want.String() {
					t.Errorf("got\n%v\nwant\n%v\ninput:\n%s", got, c.want, in)
				}
				decoded, _, _ := Decode([]byte(in), "")
				checkFidelity(t, textLines(decoded), res)
			})
		}
	}
}

// A Word file and a text file of the same document give the same title
// block, whether Word has the title in one paragraph, two, a Title style
// or with a line break.
func TestTitleDocxMatchesText(t *testing.T) {
	styles := map[string]string{"a3": "Title"}
	cases := []struct {
		name  string
		text  string
		paras []testPara
	}{
		{"organs separated by a space", "中共中央 国务院关于全面推进美丽中国建设的意见\n\n（2023年12月27日）\n\n建设美丽中国是重要目标。\n",
			[]testPara{{Text: "中共中央 国务院关于全面推进美丽中国建设的意见"}, {Text: "（2023年12月27日）"}, {Text: "建设美丽中国是重要目标。"}}},
		{"ideographic space, Title style", "中共中央　国务院关于全面推进美丽中国建设的意见\n（2023年12月27日）\n建设美丽中国是重要目标。\n",
			[]testPara{{Style: "a3", Text: "中共中央　国务院关于全面推进美丽中国建设的意见"}, {Text: "（2023年12月27日）"}, {Text: "建设美丽中国是重要目标。"}}},
		{"two paragraphs", "中共中央　国务院\n\n关于全面推进美丽中国建设的意见\n\n（2023年12月27日）\n\n建设美丽中国是重要目标。\n",
			[]testPara{{Text: "中共中央　国务院"}, {Text: "关于全面推进美丽中国建设的意见"}, {Text: "（2023年12月27日）"}, {Text: "建设美丽中国是重要目标。"}}},
		{"line break in a Title paragraph", "中共中央  国务院\n关于全面推进美丽中国建设的意见\n（2023年12月27日）\n建设美丽中国是重要目标。\n",
			[]testPara{{Style: "a3", Text: "中共中央  国务院\n关于全面推进美丽中国建设的意见"}, {Text: "（2023年12月27日）"}, {Text: "建设美丽中国是重要目标。"}}},
		{"slogan title in two Title paragraphs", "决胜全面建成小康社会\n夺取新时代中国特色社会主义伟大胜利\n——在中国共产党第十九次全国代表大会上的报告\n习　近　平\n同志们：\n现在，我代表中央委员会作报告。\n",
			[]testPara{{Style: "a3", Text: "决胜全面建成小康社会"}, {Style: "a3", Text: "夺取新时代中国特色社会主义伟大胜利"}, {Text: "——在中国共产党第十九次全国代表大会上的报告"}, {Text: "习　近　平"}, {Text: "同志们："}, {Text: "现在，我代表中央委员会作报告。"}}},
		{"——subtitle in a Title paragraph of its own", "坚定信心 实干争先\n——在全市干部大会上的讲话\n\n同志们：\n\n现在我讲几点意见。\n",
			[]testPara{{Style: "a3", Text: "坚定信心 实干争先"}, {Style: "a3", Text: "——在全市干部大会上的讲话"}, {Text: "同志们："}, {Text: "现在我讲几点意见。"}}},
		{"（全文） in a Title paragraph of its own", "关于加强理论学习的决定\n（全文）\n\n各单位：\n\n现将有关事项通知如下。\n",
			[]testPara{{Style: "a3", Text: "关于加强理论学习的决定"}, {Style: "a3", Text: "（全文）"}, {Text: "各单位："}, {Text: "现将有关事项通知如下。"}}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			txt, err := Import("seeds/x.txt", []byte(c.text), "", Options{})
			if err != nil {
				t.Fatal(err)
			}
			data := buildDocx(t, c.paras, styles)
			doc, err := Import("seeds/x.docx", data, "", Options{})
			if err != nil {
				t.Fatal(err)
			}
			all := titleFields{first: []string{strings.Repeat("长", 200), strings.Repeat("长", 200)}}
			a, b := fieldsOf(txt, all), fieldsOf(doc, all)
			if a.String() != b.String() {
				t.Errorf(".txt gives\n%v\n.docx gives\n%v", a, b)
			}
			if strings.Contains(a.title, "  ") || strings.Contains(a.title, "　") || a.title == "" {
				t.Errorf("title %q: want one ASCII space between phrases", a.title)
			}
			checkFidelity(t, docxSource(t, data), doc)
		})
	}
}

// opinionDocx is a 中共中央 国务院 意见 as Word saves it: the issuing organs
// and the title in one Title paragraph, separated by a space.
func opinionDocx(t testing.TB) []byte {
	return buildDocx(t, []testPara{
		{Style: "a3", Text: "中共中央 国务院关于全面推进美丽中国建设的意见"},
		{Text: "（2023年12月27日）"},
		{Text: "　　建设美丽中国是全面建设社会主义现代化国家的重要目标。为全面推进美丽中国建设，现提出如下意见。"},
		{Style: "1", Text: "一、总体要求"},
		{Text: "　　以习近平新时代中国特色社会主义思想为指导，统筹推进各项工作。"},
	}, map[string]string{"a3": "Title", "1": "heading 1"})
}

// Speaker lines as title blocks have them; the front matter keeps the
// name, the office stays in the report's moved line.
func TestSpeakerName(t *testing.T) {
	cases := []struct{ line, want string }{
		{"国务院总理　李　强", "李强"},
		{"李　强", "李强"},
		{"市委书记 李明", "李明"},
		{"市长王明", "王明"},
		{"校党委书记　王　明", "王明"},
		{"主讲人：张三", "张三"},
		{"主讲人：市委党校 张三丰教授", "市委党校张三丰教授"}, // no name at the end: the label's whole value
		{"主讲人：", ""},
		{"欧阳明", "欧阳明"},
		{"司马光远", "司马光远"},
		{"王小明明", ""}, // four characters without a two-character surname
		{"习近平", "习近平"},
		{"习　近　平", "习近平"},
		{"中共中央总书记 国家主席 中央军委主席 习近平", "习近平"},
		{"中共中央 政治局 常委 国务院总理 李强", "李强"}, // five fields, the most a speaker line has
		{"中共中央　国务院", ""},
		{"经济运行", ""},
		{"同志们：", ""},
		{"王府井大街改造", ""},
		{"2024年3月5日", ""},
	}
	for _, c := range cases {
		got, ok := speakerName(c.line)
		if got != c.want || ok != (c.want != "") {
			t.Errorf("speakerName(%q) = %q, %v; want %q", c.line, got, ok, c.want)
		}
	}
}

// The title never takes the salutation or part of a sentence. When the
// top of a file is not clearly a title block, the title is the file name
// (with a warning naming the line) and the text stays whole in the body.
func TestTitleNeverCutsText(t *testing.T) {
	cases := []struct {
		name, in  string
		title     string
		firstPara string
		warns     bool
	}{
		{"fused speaker tag without a headline", "【习近平】 同志们： 现在， 我代表第十八届中央委员\n会向大会作报告。\n这次大会十分重要。\n",
			"某报告", "【习近平】同志们：现在，我代表第十八届中央委员会向大会作报告。", true},
		{"hard-wrapped paragraph at the top", "　　五年来，我们统筹推进经济建设政治建设文化建设社会建设\n生态文明建设和党的建设，解决了许多长期想解决而没有\n解决的难题。\n",
			"某报告", "五年来，我们统筹推进经济建设政治建设文化建设社会建设生态文明建设和党的建设，解决了许多长期想解决而没有解决的难题。", true},
		{"unpunctuated wrapped lines of one width", "我们要坚持以习近平新时代中国特色社会主义思想为指导全面\n贯彻党的二十大精神深入落实各项决策部署扎实推进高质量\n发展。\n",
			"某报告", "我们要坚持以习近平新时代中国特色社会主义思想为指导全面贯彻党的二十大精神深入落实各项决策部署扎实推进高质量发展。", true},
		{"a first line that starts with a colon", "：以下为会议精神传达要点\n\n正文。\n", "某报告", "：以下为会议精神传达要点正文。", true},
		{"minutes header right under the title", "会议纪要\n时间：2023年12月5日上午\n地点：市政府第一会议室\n主持：王明\n会议指出，要抓好落实。\n", "会议纪要", "时间：2023年12月5日上午", false},
		{"salutation list after a title", "在全市干部大会上的讲话\n同志们，朋友们：\n今天开会。\n", "在全市干部大会上的讲话", "同志们，朋友们：", false},
		{"salutation fused with the first sentence", "在全市干部大会上的讲话\n\n同志们： 今天， 我们召开大会。\n", "在全市干部大会上的讲话", "同志们：", false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			res, err := Import("seeds/某报告.txt", []byte(c.in), "", Options{})
			if err != nil {
				t.Fatal(err)
			}
			if res.Doc.Title != c.title {
				t.Errorf("title %q, want %q", res.Doc.Title, c.title)
			}
			if len(res.Doc.Blocks) == 0 || res.Doc.Blocks[0].Text != c.firstPara {
				t.Errorf("body %q, want it to start with %q", outline(res.Doc), c.firstPara)
			}
			if warned := len(res.Report.Warnings) > 0 && res.Report.Warnings[0].Line == 1; warned != c.warns {
				t.Errorf("warnings %v, want a warning on line 1: %v", res.Report.Warnings, c.warns)
			}
			checkFidelity(t, textLines(c.in), res)
		})
	}
}

// （全文） is left out of the title, kept in the subtitle and reported,
// whether it ends the title line or has a line of its own.
func TestFullTextMark(t *testing.T) {
	for _, in := range []string{
		"在全市干部大会上的讲话（全文）\n（2024年1月5日）\n同志们：\n",
		"在全市干部大会上的讲话\n\n(全文)\n\n（2024年1月5日）\n同志们：\n",
		"在全市干部大会上的讲话 【全文】\r\n\r\n（2024年1月5日）\r\n同志们：\r\n",
	} {
		res, err := Import("seeds/x.txt", []byte(in), "", Options{})
		if err != nil {
			t.Fatal(err)
		}
		d := res.Doc
		if d.Title != "在全市干部大会上的讲话" || !strings.Contains(d.Subtitle, "全文") || d.Date != "2024-01-05" || outline(d) != "p 同志们：\n" {
			t.Errorf("%q: got\n%v", in, fieldsOf(res, titleFields{first: []string{"同志们："}}))
		}
		reported := false
		for _, m := range res.Report.Moved {
			reported = reported || strings.Contains(m.Text, "全文") && strings.Contains(m.Reason, "全文")
		}
		if !reported {
			t.Errorf("%q: （全文） not reported: %v", in, res.Report.Moved)
		}
		decoded, _, _ := Decode([]byte(in), "")
		checkFidelity(t, textLines(decoded), res)
	}
}

// Title lines joined as the title is printed on one line: a wrapped title
// without a space, the phrases of a slogan title with one.
func TestTitleLines(t *testing.T) {
	cases := []struct{ name, in, title, speaker string }{
		{"slogan of two short phrases", "坚定信心\n\n实干争先\n\n——在全市经济工作会议上的讲话\n\n同志们：\n", "坚定信心 实干争先", ""},
		{"slogan, second phrase starting with 为", "高举中国特色社会主义伟大旗帜\n为全面建设社会主义现代化国家而团结奋斗\n——在中国共产党第二十次全国代表大会上的报告\n（2022年10月16日）\n习近平\n同志们：\n",
			"高举中国特色社会主义伟大旗帜 为全面建设社会主义现代化国家而团结奋斗", "习近平"},
		{"wrapped before 的意见", "中共中央 国务院关于全面推进美丽中国建设\n的意见\n\n（2023年12月27日）\n\n正文。\n", "中共中央 国务院关于全面推进美丽中国建设的意见", ""},
		{"wrapped before the document type", "全国人民代表大会常务委员会\n\n\n工作报告\n\n——2024年3月8日在第十四届全国人民代表大会第二次会议上\n\n全国人民代表大会常务委员会委员长　赵乐际\n\n各位代表：\n",
			"全国人民代表大会常务委员会工作报告", "赵乐际"},
		{"three wrapped title lines", "　　关于深入推进\n\n　　长三角一体化发展的\n\n　　实施意见\n（2023年2月10日）\n正文。\n", "关于深入推进长三角一体化发展的实施意见", ""},
		{"a Latin word between spaces", "学习 GDP 核算方法\n\n正文。\n", "学习 GDP 核算方法", ""},
		// pdftotext leaves a space after 》; the title is printed without it.
		{"space after a closing title mark", "关于《中共中央关于进一步全面深化改革 推进中国式现代化的决定》 的说明\n\n（2024年7月15日）\n\n正文。\n", "关于《中共中央关于进一步全面深化改革 推进中国式现代化的决定》的说明", ""},
		{"speaker tag on a line of its own", "习近平在全国科技大会上的讲话\n\n【习　近　平】\n\n同志们，朋友们：\n", "习近平在全国科技大会上的讲话", "习近平"},
		{"page number inside the title block", "决胜全面建成小康社会\n\n- 1 -\n\n夺取新时代中国特色社会主义伟大胜利\n（2017年10月18日）\n同志们：\n", "决胜全面建成小康社会 夺取新时代中国特色社会主义伟大胜利", ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			res, err := Import("seeds/x.txt", []byte(c.in), "", Options{})
			if err != nil {
				t.Fatal(err)
			}
			if res.Doc.Title != c.title || res.Doc.Speaker != c.speaker {
				t.Errorf("title %q speaker %q, want %q %q; body %q", res.Doc.Title, res.Doc.Speaker, c.title, c.speaker, outline(res.Doc))
			}
			checkFidelity(t, textLines(c.in), res)
		})
	}
}
