package ingest

import (
	"errors"
	"strings"
	"testing"
)

func TestDocxErrors(t *testing.T) {
	big := strings.Repeat("很长的段落。", 20000)
	cases := []struct {
		name  string
		data  func(t *testing.T) []byte
		limit int64
		want  string
	}{
		{"not a zip", func(*testing.T) []byte { return []byte("plain text") }, 0, "not a Word .docx file"},
		{"zip without document.xml", func(t *testing.T) []byte {
			b := buildDocx(t, nil, nil)
			return []byte(strings.Replace(string(b), "word/document.xml", "word/documenX.xml", -1))
		}, 0, "no word/document.xml"},
		{"zip bomb", func(t *testing.T) []byte { return buildDocx(t, []testPara{{Text: big}}, nil) }, 64 << 10, "zip bomb"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if c.limit > 0 {
				old := maxDocxXML
				maxDocxXML = c.limit
				defer func() { maxDocxXML = old }()
			}
			_, err := Import("seeds/x.docx", c.data(t), "", Options{})
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Errorf("err %v, want %q", err, c.want)
			}
			if c.name == "not a zip" && !errors.Is(err, ErrNotDocx) {
				t.Errorf("err %v does not wrap ErrNotDocx", err)
			}
		})
	}
}

// Without styles.xml, Chinese Word's style ids ("1", "2") and English ones
// ("Heading2") still give heading levels.
func TestDocxStyleIDs(t *testing.T) {
	data := buildDocx(t, []testPara{
		{Text: "会议纪要"},
		{Style: "1", Text: "一、会议内容"},
		{Text: "会议听取了汇报。"},
		{Style: "Heading2", Text: "（一）具体\n事项"},
		{Style: "2", Text: "（二）其他"},
		{Style: "9", Text: "附注"}, // heading 9, the last Word has
	}, nil)
	res, err := Import("seeds/x.docx", data, "", Options{})
	if err != nil {
		t.Fatal(err)
	}
	want := "h2 一、会议内容\np 会议听取了汇报。\nh3 （一）具体事项\nh3 （二）其他\nh4 附注\n"
	if got := outline(res.Doc); got != want || res.Doc.Title != "会议纪要" {
		t.Errorf("title %q, got\n%swant\n%s", res.Doc.Title, got, want)
	}
	checkFidelity(t, docxSource(t, data), res)
}

// TestDocxTitleParagraphs: every paragraph in Word's Title style is the
// title, also one that ends with ！, a short one, and two long lines of
// one paragraph, which in a .txt would read as a wrapped sentence.
func TestDocxTitleParagraphs(t *testing.T) {
	cases := []struct {
		name  string
		paras []testPara
		title string
	}{
		{"second line ends with ！", []testPara{{Style: "a3", Text: "奋进新征程"}, {Style: "a3", Text: "建功新时代！"}, {Text: "同志们："}}, "奋进新征程 建功新时代！"},
		{"a short second line", []testPara{{Style: "a3", Text: "市委办公室工作"}, {Style: "a3", Text: "简报"}, {Text: "各单位："}}, "市委办公室工作简报"},
		{"two long lines of one paragraph", []testPara{{Style: "a3", Text: "高举中国特色社会主义伟大旗帜为全面建设\n社会主义现代化国家而团结奋斗的工作报告"}, {Text: "同志们："}}, "高举中国特色社会主义伟大旗帜为全面建设社会主义现代化国家而团结奋斗的工作报告"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			res, err := Import("seeds/x.docx", buildDocx(t, c.paras, map[string]string{"a3": "Title"}), "", Options{})
			if err != nil {
				t.Fatal(err)
			}
			if res.Doc.Title != c.title {
				t.Errorf("title %q, want %q", res.Doc.Title, c.title)
			}
		})
	}
}
