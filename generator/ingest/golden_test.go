package ingest

import (
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// fixture is one test document: a UTF-8 file in testdata/ turned into the
// bytes a user would have (another encoding, CRLF, a .docx) by Go code.
type fixture struct {
	name   string // golden files: testdata/<name>.golden.md, .report.json
	source string // file in testdata/ (UTF-8 text)
	as     string // the name the importer sees (decides the format)
	make   func(t testing.TB, utf8 string) []byte
	opt    Options
}

func fixtures() []fixture {
	asIs := func(_ testing.TB, s string) []byte { return []byte(s) }
	// bomCRLF: saved by Windows Notepad or Typora on Windows.
	bomCRLF := func(_ testing.TB, s string) []byte { return append([]byte("\xEF\xBB\xBF"), crlf(s)...) }
	return append(append(structFixtures(), qaFixtures()...), []fixture{
		{"gzbg-runin", "gzbg-runin.txt", "seeds/2024-03-05-gzbg.txt", asIs, Options{}},
		{"ddh-levels", "ddh-levels.txt", "seeds/ddh.txt", func(_ testing.TB, s string) []byte { return append([]byte("\xEF\xBB\xBF"), s...) }, Options{}},
		{"dangke-pdf", "dangke-pdf.txt", "seeds/dangke.txt", asIs, Options{}},
		{"jiyao-gbk", "jiyao-gbk.txt", "seeds/jiyao.txt", func(t testing.TB, s string) []byte { return toGBK(t, crlf(s)) }, Options{}},
		{"tigang-utf16", "tigang-utf16.txt", "seeds/tigang.txt", func(t testing.TB, s string) []byte { return toUTF16(t, s, false) }, Options{}},
		{"tigang-utf16be-fixed", "tigang-utf16.txt", "seeds/tigang.txt", func(t testing.TB, s string) []byte { return toUTF16(t, strings.ReplaceAll(s, "\n", "\r"), true) }, Options{FixPunctuation: true}},
		{"xuexi-md", "xuexi-md.md", "seeds/xuexi.md", asIs, Options{}},
		{"xuexi-docx", "", "seeds/2023-10-08-xuexi.docx", func(t testing.TB, _ string) []byte { return studyNotesDocx(t) }, Options{}},
		{"title-ddh", "title-ddh.txt", "seeds/ddh19.txt", func(_ testing.TB, s string) []byte { return []byte(crlf(s)) }, Options{}},
		{"title-gzbg", "title-gzbg.txt", "seeds/gzbg-2024.txt", asIs, Options{}},
		{"title-yijian", "title-yijian.txt", "seeds/meili-zhongguo.txt", func(_ testing.TB, s string) []byte { return []byte(crlf(s)) }, Options{}},
		{"title-news", "title-news.txt", "seeds/2017-10-18-xinhua.txt", asIs, Options{}},
		{"title-quanwen", "title-quanwen.txt", "seeds/xiaoqing.txt", func(_ testing.TB, s string) []byte { return []byte(crlf(s)) }, Options{}},
		{"title-yijian-docx", "", "seeds/meili-zhongguo.docx", func(t testing.TB, _ string) []byte { return opinionDocx(t) }, Options{}},
		{"md-hexo-blog", "md-hexo-blog.md", "seeds/2024-02-18-sanzhong-xinde.md", bomCRLF, Options{}},
		{"md-hugo-note", "md-hugo-note.md", "seeds/liangge-queli.md", asIs, Options{}},
		{"md-txt-frontmatter", "md-txt-frontmatter.txt", "seeds/dangke-biaozhunhua.txt", bomCRLF, Options{}},
	}...)
}

// studyNotesDocx is a 学习笔记 as Word saves it: a Title paragraph, headings
// in Chinese Word's style ids, a line break, a table.
func studyNotesDocx(t testing.TB) []byte {
	return buildDocx(t, []testPara{
		{Style: "a3", Text: "“两个结合”专题学习笔记"},
		{Text: "（第三期）"},
		{Style: "1", Text: "一、学习内容"},
		{Text: "认真学习了习近平总书记在文化传承发展座谈会上的重要讲话，"},
		{Text: "深刻理解“第二个结合”是又一次的思想解放。"},
		{Style: "2", Text: "（一）原文摘抄"},
		{Text: "在五千多年中华文明深厚基础上开辟和发展中国特色社会主义，\n把马克思主义基本原理同中国具体实际、同中华优秀传统文化相结合是必由之路。"},
		{Style: "Heading2", Text: "（二）学习安排"},
		{Table: [][]string{{"时间", "内容", "形式"}, {"10月8日", "原文学习", "集中学习"}, {"10月15日", "交流研讨 | 发言", "小组讨论"}}},
		{Style: "1", Text: "二、心得体会"},
		{Text: "要坚持守正创新，推动中华优秀传统文化创造性转化、创新性发展。"},
	}, map[string]string{"a3": "Title", "1": "heading 1", "2": "heading 2", "Heading2": "标题 2"})
}

func TestGolden(t *testing.T) {
	for _, f := range fixtures() {
		t.Run(f.name, func(t *testing.T) {
			var text string
			if f.source != "" {
				b, err := os.ReadFile(filepath.Join("testdata", f.source))
				if err != nil {
					t.Fatal(err)
				}
				text = string(b)
			}
			data := f.make(t, text)
			res, err := Import(f.as, data, "", f.opt)
			if err != nil {
				t.Fatalf("Import: %v", err)
			}
			md, err := res.Markdown()
			if err != nil {
				t.Fatal(err)
			}
			rep, err := json.MarshalIndent(res.Report, "", "  ")
			if err != nil {
				t.Fatal(err)
			}
			golden(t, f.name+".golden.md", md)
			golden(t, f.name+".report.json", append(rep, '\n'))
			if f.opt.FixPunctuation || res.Report.Format == "markdown" {
				return // fixing punctuation changes characters on purpose
			}
			var src []numbered
			if res.Report.Format == "docx" {
				src = docxSource(t, data)
			} else {
				decoded, _, err := Decode(data, "")
				if err != nil {
					t.Fatal(err)
				}
				src = textLines(decoded)
			}
			checkFidelity(t, src, res)
		})
	}
}

func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if string(want) != string(got) {
		t.Errorf("%s differs from the golden file (go test -update rewrites it; review the diff):\n%s", name, got)
	}
}
