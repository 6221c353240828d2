package ingest

import (
	"archive/zip"
	"bytes"
	"strings"
	"testing"
)

// wordNS is the namespace of WordprocessingML.
const wordNS = `xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"`

// rawDocx zips a document.xml whose body is body and, unless styles is "",
// a styles.xml holding styles: the XML Word writes for what
// internal/docxtest does not make (outline levels, tabs, tracked changes).
func rawDocx(t testing.TB, body, styles string) []byte {
	t.Helper()
	files := []struct{ name, text string }{
		{"word/document.xml", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document ` + wordNS + `><w:body>` + body + `</w:body></w:document>`},
	}
	if styles != "" {
		files = append(files, struct{ name, text string }{"word/styles.xml", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:styles ` + wordNS + `>` + styles + `</w:styles>`})
	}
	var out bytes.Buffer
	zw := zip.NewWriter(&out)
	for _, f := range files {
		w, err := zw.Create(f.name)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.Write([]byte(f.text)); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return out.Bytes()
}

// wp is a paragraph of document.xml: its properties (pPr content) and runs.
func wp(pPr string, runs ...string) string {
	p := "<w:p>"
	if pPr != "" {
		p += "<w:pPr>" + pPr + "</w:pPr>"
	}
	return p + strings.Join(runs, "") + "</w:p>"
}

// wt is a run of text.
func wt(s string) string { return `<w:r><w:t xml:space="preserve">` + s + `</w:t></w:r>` }

func TestDocxWordXML(t *testing.T) {
	cases := []struct {
		name, body, styles string
		title, want        string // want: the outline of the body
	}{
		{
			// Word's own styles.xml gives custom heading styles an outline
			// level (0 is heading 1); level 9 is body text. The headings are
			// not numbered: only their style makes them headings.
			name: "outline levels in styles.xml",
			body: wp("", wt("学习笔记")) +
				wp(`<w:pStyle w:val="BT1"/>`, wt("学习内容")) +
				wp(`<w:pStyle w:val="BT2"/>`, wt("原文摘抄")) +
				wp(`<w:pStyle w:val="Body9"/>`, wt("正文第一段。")),
			styles: `<w:style w:type="paragraph" w:styleId="BT1"><w:name w:val="My Heading"/><w:pPr><w:outlineLvl w:val="0"/></w:pPr></w:style>` +
				`<w:style w:type="paragraph" w:styleId="BT2"><w:name w:val="My Subheading"/><w:pPr><w:outlineLvl w:val="1"/></w:pPr></w:style>` +
				`<w:style w:type="paragraph" w:styleId="Body9"><w:name w:val="Body Text"/><w:pPr><w:outlineLvl w:val="9"/></w:pPr></w:style>`,
			title: "学习笔记",
			want:  "h2 学习内容\nh3 原文摘抄\np 正文第一段。\n",
		},
		{
			// A style without w:type is a paragraph style; a character
			// style named like a heading makes no heading.
			name: "style types",
			body: wp("", wt("学习笔记")) +
				wp(`<w:pStyle w:val="H"/>`, wt("学习内容")) +
				wp(`<w:pStyle w:val="HChar"/>`, wt("正文。")) +
				wp(`<w:pStyle w:val="Heading1Char"/>`, wt("第二段。")),
			styles: `<w:style w:styleId="H"><w:name w:val="heading 1"/></w:style>` +
				`<w:style w:type="character" w:styleId="HChar"><w:name w:val="heading 2"/></w:style>`,
			title: "学习笔记",
			want:  "h2 学习内容\np 正文。\np 第二段。\n",
		},
		{
			name: "outline level of a paragraph itself",
			body: wp("", wt("学习笔记")) +
				wp(`<w:outlineLvl w:val="0"/>`, wt("学习内容")) +
				wp(`<w:outlineLvl w:val="1"/>`, wt("原文摘抄")) +
				wp(`<w:outlineLvl w:val="9"/>`, wt("正文第一段。")),
			title: "学习笔记",
			want:  "h2 学习内容\nh3 原文摘抄\np 正文第一段。\n",
		},
		{
			// The only Heading 1, first in the document, is its title.
			name: "heading 1 as the title",
			body: wp(`<w:pStyle w:val="Heading1"/>`, wt("关于加强理论学习的通知")) +
				wp("", wt("各单位：")) +
				wp(`<w:pStyle w:val="Heading2"/>`, wt("一、总体要求")) +
				wp("", wt("认真学习。")),
			title: "关于加强理论学习的通知",
			want:  "p 各单位：\nh2 一、总体要求\np 认真学习。\n",
		},
		{
			// A tracked deletion (its text in w:delText, a deleted tab)
			// and a field code are not text; the field's result is.
			name: "tracked changes and fields",
			body: wp("", wt("学习笔记")) +
				wp("", wt("会议在"),
					`<w:del w:id="1" w:author="王明"><w:r><w:rPr><w:b/></w:rPr><w:tab/><w:delText>旧的</w:delText></w:r></w:del>`,
					wt("北京召开。"),
					`<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>`,
					wt("（见附件）"),
					`<w:r><w:fldChar w:fldCharType="end"/></w:r>`),
			title: "学习笔记",
			want:  "p 会议在北京召开。（见附件）\n",
		},
		{
			// Line breaks inside a heading: one heading, a space only
			// between Latin words; an empty heading paragraph is dropped.
			name: "breaks in headings",
			body: wp("", wt("学习笔记")) +
				wp(`<w:pStyle w:val="Heading2"/>`, wt("一、推动Belt and"), `<w:r><w:br/></w:r>`, wt("Road建设"), `<w:r><w:br/></w:r>`) +
				wp(`<w:pStyle w:val="Heading2"/>`, `<w:r><w:br/></w:r>`) +
				wp("", wt("甲"), `<w:r><w:br/><w:br/></w:r>`, wt("乙。")),
			title: "学习笔记",
			want:  "h2 一、推动Belt and Road建设\np 甲乙。\n",
		},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			data := rawDocx(t, c.body, c.styles)
			res, err := Import("seeds/x.docx", data, "", Options{})
			if err != nil {
				t.Fatal(err)
			}
			if got := outline(res.Doc); got != c.want || res.Doc.Title != c.title {
				t.Errorf("title %q, want %q; got\n%swant\n%s", res.Doc.Title, c.title, got, c.want)
			}
			checkFidelity(t, docxSource(t, data), res)
		})
	}
}

// TestDocxTableCells: the cells of a table as the Markdown table shows them.
func TestDocxTableCells(t *testing.T) {
	data := rawDocx(t, wp("", wt("学习安排"))+
		`<w:tbl><w:tr><w:tc>`+wp("", wt("时间"))+`</w:tc><w:tc>`+wp("", wt("内容"))+`</w:tc></w:tr>`+
		`<w:tr><w:tc>`+wp("", wt("10月8日"))+wp("", wt("9:00"))+`</w:tc><w:tc>`+wp("", wt("原文"), `<w:r><w:tab/></w:r>`, wt("学习"))+`</w:tc></w:tr></w:tbl>`, "")
	res, err := Import("seeds/x.docx", data, "", Options{})
	if err != nil {
		t.Fatal(err)
	}
	want := "| 时间 | 内容 |\n| --- | --- |\n| 10月8日 9:00 | 原文 学习 |\n"
	if res.Body != want {
		t.Errorf("body\n%swant\n%s", res.Body, want)
	}
}

// TestDocxSizeLimit: a document.xml of exactly the size limit is read; one
// byte more is refused as a zip bomb.
func TestDocxSizeLimit(t *testing.T) {
	data := rawDocx(t, wp("", wt("学习笔记"))+wp("", wt("正文。")), "")
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	size := int64(zr.File[0].UncompressedSize64)
	old := maxDocxXML
	defer func() { maxDocxXML = old }()
	for _, c := range []struct {
		limit int64
		ok    bool
	}{{size, true}, {size - 1, false}} {
		maxDocxXML = c.limit
		res, err := Import("seeds/x.docx", data, "", Options{})
		if c.ok && (err != nil || outline(res.Doc) != "p 正文。\n") {
			t.Errorf("limit %d, document.xml %d bytes: %v", c.limit, size, err)
		}
		if !c.ok && (err == nil || !strings.Contains(err.Error(), "zip bomb")) {
			t.Errorf("limit %d, document.xml %d bytes: err %v, want a zip bomb", c.limit, size, err)
		}
	}
}

// TestDocxBrokenXML: a document.xml that is not well-formed is refused,
// naming the part; a broken styles.xml only loses the styles' names.
func TestDocxBrokenXML(t *testing.T) {
	_, err := Import("seeds/x.docx", rawDocx(t, wp("", wt("学习笔记"))+"<w:p><w:r>", ""), "", Options{})
	if err == nil || !strings.Contains(err.Error(), "word/document.xml") || !Unreadable(err) {
		t.Errorf("err %v, want one naming word/document.xml", err)
	}
	res, err := Import("seeds/x.docx", rawDocx(t, wp("", wt("学习笔记"))+wp(`<w:pStyle w:val="Heading2"/>`, wt("一、内容"))+wp("", wt("正文。")), "<w:style"), "", Options{})
	if err != nil {
		t.Fatal(err)
	}
	if got, want := outline(res.Doc), "h2 一、内容\np 正文。\n"; got != want {
		t.Errorf("got\n%swant\n%s", got, want)
	}
}

// TestDocxMergedCells: a row with fewer cells than the widest (Word writes
// merged cells as one w:tc) gets empty cells, so the table stays a table.
func TestDocxMergedCells(t *testing.T) {
	data := buildDocx(t, []testPara{{Text: "学习安排"}, {Table: [][]string{{"时间", "内容", "形式"}, {"10月8日", "原文学习"}, {"10月15日", "交流研讨", "小组讨论"}}}}, nil)
	res, err := Import("seeds/x.docx", data, "", Options{})
	if err != nil {
		t.Fatal(err)
	}
	want := "| 时间 | 内容 | 形式 |\n| --- | --- | --- |\n| 10月8日 | 原文学习 |  |\n| 10月15日 | 交流研讨 | 小组讨论 |\n"
	if res.Body != want {
		t.Errorf("body\n%swant\n%s", res.Body, want)
	}
}

// TestDocxTables: each table of a document is a table of its own rows; a
// table element without rows (some converters leave one) is dropped.
func TestDocxTables(t *testing.T) {
	table := func(rows ...[]string) string {
		s := "<w:tbl><w:tblPr/><w:tblGrid/>"
		for _, r := range rows {
			s += "<w:tr>"
			for _, c := range r {
				s += "<w:tc>" + wp("", wt(c)) + "</w:tc>"
			}
			s += "</w:tr>"
		}
		return s + "</w:tbl>"
	}
	data := rawDocx(t, wp("", wt("学习安排"))+
		table([]string{"时间", "内容"}, []string{"10月8日", "原文学习"})+
		wp("", wt("第二阶段："))+
		table()+
		table([]string{"时间", "形式"}, []string{"10月15日", "小组讨论"}), "")
	res, err := Import("seeds/x.docx", data, "", Options{})
	if err != nil {
		t.Fatal(err)
	}
	want := "| 时间 | 内容 |\n| --- | --- |\n| 10月8日 | 原文学习 |\n\n第二阶段：\n\n| 时间 | 形式 |\n| --- | --- |\n| 10月15日 | 小组讨论 |\n"
	if res.Body != want || res.Report.Tables != 2 {
		t.Errorf("%d tables, body\n%swant 2 tables,\n%s", res.Report.Tables, res.Body, want)
	}
}
