package ingest

import (
	"strconv"
	"strings"
	"testing"

	"github.com/studysite/studysite/generator/content"
)

// hexoHead is the front matter of a Hexo post as the blog's scaffold
// writes it.
const hexoHead = "---\ntitle: 支部学习心得\ndate: 2024-02-18 10:00:00\ncategories:\n  - 学习笔记\ntags:\n  - 三中全会\nlayout: post\ntoc: true\n---\n"

const hexoBody = "## 一、主要收获\n\n通过学习，深刻认识到改革的重要意义。\n"

// TestMarkdownSeedFrontMatterIsRecognised: however the editor saved it
// (BOM, blank lines, CRLF, a line of spaces), the front matter of a
// Markdown seed becomes the content file's front matter and never its body.
func TestMarkdownSeedFrontMatterIsRecognised(t *testing.T) {
	tests := []struct{ name, data string }{
		{"plain", hexoHead + "\n" + hexoBody},
		{"BOM", "\uFEFF" + hexoHead + "\n" + hexoBody},
		{"blank lines", "\n\n" + hexoHead + "\n" + hexoBody},
		{"BOM, blank lines, CRLF", "\uFEFF\r\n\r\n" + crlf(hexoHead+"\n"+hexoBody)},
		{"a line of spaces and tabs", " \t\n" + hexoHead + hexoBody},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := Import("seeds/xinde.md", []byte(tt.data), "", Options{})
			if err != nil {
				t.Fatal(err)
			}
			md, err := res.Markdown()
			if err != nil {
				t.Fatal(err)
			}
			page, err := content.Parse("content/xinde.md", md)
			if err != nil {
				t.Fatalf("the content file does not load: %v", err)
			}
			if page.Meta.Title != "支部学习心得" || page.Date.Format("2006-01-02") != "2024-02-18" || strings.Join(page.Meta.Tags, ",") != "三中全会,学习笔记" {
				t.Errorf("title %q, date %v, tags %q", page.Meta.Title, page.Date, page.Meta.Tags)
			}
			var toc []string
			for _, h := range page.Headings {
				toc = append(toc, h.Text)
			}
			if strings.Join(toc, "|") != "一、主要收获" || len(page.Paragraphs) != 1 {
				t.Errorf("TOC %q, %d paragraphs: the front matter leaked into the body:\n%s", toc, len(page.Paragraphs), res.Body)
			}
			for _, key := range []string{"layout: post", "toc: true"} {
				if !strings.Contains(string(md), key+"\n") || strings.Contains(res.Body, key) {
					t.Errorf("%q is not kept in the front matter:\n%s", key, md)
				}
			}
			if strings.Contains(string(md), "categories") {
				t.Errorf("categories, read as tags, is still in the file:\n%s", md)
			}
		})
	}
}

// TestSeedFrontMatterReport: the report lists each key studysite does not
// use and each key it maps, with its line in the seed; remote images are
// reported with theirs, local ones are not.
func TestSeedFrontMatterReport(t *testing.T) {
	data := "\uFEFF\n\n" + hexoHead + "\n" + hexoBody + "\n如图![示意图](https://img.example.com/a.png)所示，另见![本地图](images/b.png)。\n\n![](//cdn.example.com/c.png)\n"
	res, err := Import("seeds/xinde.md", []byte(data), "", Options{})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, w := range res.Report.Warnings {
		got = append(got, strings.Join(strings.Fields(w.Message)[:4], " ")+" @"+strconv.Itoa(w.Line))
	}
	want := []string{
		`front matter key "categories" @6`,
		`front matter key "layout" @10`,
		`front matter key "toc" @11`,
		"remote image https://img.example.com/a.png: the @18",
		"remote image //cdn.example.com/c.png: the @20",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("warnings\n got %q\nwant %q", got, want)
	}
}

// TestSeedFrontMatterErrorsNameTheLine: the line of a broken front matter
// counts the blank lines before it.
func TestSeedFrontMatterErrorsNameTheLine(t *testing.T) {
	tests := []struct{ name, data, want string }{
		{"bad date after blank lines", "\n\n---\ntitle: t\ndate: 2024-02-30\n---\n正文\n", "line 5: "},
		{"YAML syntax", "\uFEFF\n---\ntitle: [未闭合\ntags: x\n---\n正文\n", "line "},
		{"wrong type", "\n---\ntitle: t\ntags: {a: 1}\n---\n正文\n", "line 4: "},
		{"not closed", "\n\n---\ntitle: t\n正文\n", "line 3: "},
		// The line is named once, counting the blank lines before +++.
		{"TOML not closed", "\n\n+++\ntitle = 't'\n正文\n", "line 3: TOML front matter is not closed"},
		{"txt with broken front matter", "---\ntitle: 学习\ndate: 明天\n---\n正文。\n", "line 3: "},
		{"txt with only front matter", "---\ntitle: 学习\n---\n\n", "the file has no text"},
		{"txt with only front matter, no final line end", "---\ntitle: 学习\n---", "the file has no text"},
	}
	for _, tt := range tests {
		name := "seeds/x.md"
		if strings.HasPrefix(tt.name, "txt") {
			name = "seeds/x.txt"
		}
		_, err := Import(name, []byte(tt.data), "", Options{})
		if err == nil || !strings.HasPrefix(err.Error(), tt.want) {
			t.Errorf("%s: error %v, want it to start with %q", tt.name, err, tt.want)
		}
	}
}

// TestTextThatIsNotFrontMatter: a .txt that starts with a --- rule, or
// whose block between --- lines names nothing studysite reads, is text.
func TestTextThatIsNotFrontMatter(t *testing.T) {
	tests := []string{
		"---\n来源：某某市委组织部\n---\n\n关于开展“学习身边榜样”活动的倡议书\n\n全市广大党员干部：\n\n现倡议如下。\n",
		"---\n主持: 张三\n记录: 李四\n---\n\n支部委员会会议纪要\n\n会议研究了发展党员工作。\n",
		"---\n\n关于做好年度考核工作的通知\n\n各支部：\n\n请于月底前报送。\n",
	}
	for _, in := range tests {
		res, err := Import("seeds/x.txt", []byte(in), "", Options{})
		if err != nil {
			t.Fatalf("%q: %v", in, err)
		}
		for _, m := range res.Report.Moved {
			if m.Reason == "front matter" {
				t.Errorf("%q: line %d read as front matter", in, m.Line)
			}
		}
		if res.ExtraFrontMatter != nil || len(res.Meta.Tags) > 0 {
			t.Errorf("%q: front matter keys %q, tags %q", in, res.ExtraFrontMatter, res.Meta.Tags)
		}
		assertFaithful(t, []byte(in))
	}
}

// TestTextFrontMatterTakesPrecedence: the front matter of a .txt names the
// title; a subtitle and date under it in the text still go to the front
// matter, and a title the text repeats is not a paragraph.
func TestTextFrontMatterTakesPrecedence(t *testing.T) {
	tests := []struct {
		name, in                 string
		title, subtitle, speaker string
		firstPara                string
	}{
		{"title repeated in the text", "---\ntitle: 在全市组织工作会议上的讲话\nauthor: 李明\n---\n\n在全市组织工作会议上的讲话\n\n（2024年1月5日）\n\n同志们：\n\n现在我讲几点意见。\n",
			"在全市组织工作会议上的讲话", "", "李明", "同志们："},
		{"a title with spaces at its ends, quoted", "---\ntitle: \" 学习 笔记 \"\n---\n\n一、内容\n\n正文。\n", " 学习 笔记 ", "", "", "正文。"},
		{"a title that looks like a page number", "---\ntitle: 3\n---\n\n正文。\n", "3", "", "", "正文。"},
		{"subtitle under the front matter", "---\ntitle: 党课讲稿\n---\n（讨论稿）\n\n一、学习的意义\n\n学习是立身之本。\n",
			"党课讲稿", "（讨论稿）", "", "学习是立身之本。"},
	}
	// Terms and a slug in the front matter of a .txt are the content
	// file's; a slug handed in (decided by an earlier import) wins.
	in := "---\ntitle: 学习笔记\nterms: [新质生产力]\nslug: xuexi-biji\n---\n\n推进“高质量发展”。\n"
	for _, slug := range []string{"", "kept"} {
		res, err := Import("seeds/x.txt", []byte(in), slug, Options{})
		if err != nil {
			t.Fatal(err)
		}
		want := "xuexi-biji"
		if slug != "" {
			want = slug
		}
		if strings.Join(res.Meta.Terms, ",") != "新质生产力" || res.Meta.Slug != want {
			t.Errorf("slug handed in %q: terms %q, slug %q, want [新质生产力], %q", slug, res.Meta.Terms, res.Meta.Slug, want)
		}
	}
	for _, tt := range tests {
		res, err := Import("seeds/x.txt", []byte(tt.in), "", Options{})
		if err != nil {
			t.Fatal(err)
		}
		m := res.Meta
		if m.Title != tt.title || m.Subtitle != tt.subtitle || m.Speaker != tt.speaker {
			t.Errorf("%s: title %q subtitle %q speaker %q", tt.name, m.Title, m.Subtitle, m.Speaker)
		}
		if first := firstParagraph(res.Doc); first != tt.firstPara {
			t.Errorf("%s: first paragraph %q, want %q", tt.name, first, tt.firstPara)
		}
		assertFaithful(t, []byte(tt.in))
	}
}

func firstParagraph(d *Document) string {
	for _, b := range d.Blocks {
		if b.Kind == Paragraph {
			return b.Text
		}
	}
	return ""
}

// TestSeedFrontMatterIdempotent: importing the content file written from a
// blog post gives the same file, kept keys included.
func TestSeedFrontMatterIdempotent(t *testing.T) {
	for _, data := range []string{"\n\n" + hexoHead + "\n" + hexoBody, "---\ntitle: 学习\ncategories: 党课\nsource_url: https://x.example.com/1\n---\n\n一、意义\n\n学习。\n"} {
		name := "seeds/a.md"
		if !strings.HasPrefix(data, "\n") {
			name = "seeds/a.txt"
		}
		first, err := Import(name, []byte(data), "", Options{})
		if err != nil {
			t.Fatal(err)
		}
		md1, _ := first.Markdown()
		second, err := Import("seeds/a.md", md1, "", Options{})
		if err != nil {
			t.Fatal(err)
		}
		md2, _ := second.Markdown()
		strip := func(md []byte) string {
			var keep []string
			for _, l := range strings.Split(string(md), "\n") {
				if !strings.HasPrefix(l, "source:") && !strings.HasPrefix(l, "source_sha256:") && !strings.HasPrefix(l, "content_sha256:") {
					keep = append(keep, l)
				}
			}
			return strings.Join(keep, "\n")
		}
		if strip(md1) != strip(md2) {
			t.Errorf("re-import changed the file:\n%s\n---\n%s", md1, md2)
		}
	}
}

// TestSeedDatesInBlogForms: the dates Hugo, Hexo and Jekyll write are the
// document's date.
func TestSeedDatesInBlogForms(t *testing.T) {
	for _, date := range []string{"2024-02-18", "2024-02-18T10:00:00+08:00", "2024-02-18T23:30:00-05:00", "2024-02-18 10:00:00", "2024-02-18 10:00", `"2024-02-18"`} {
		res, err := Import("seeds/post.md", []byte("\n---\ntitle: 心得\ndate: "+date+"\n---\n\n正文。\n"), "", Options{})
		if err != nil {
			t.Fatalf("%s: %v", date, err)
		}
		md, _ := res.Markdown()
		page, err := content.Parse("content/post.md", md)
		if err != nil {
			t.Fatalf("%s: %v", date, err)
		}
		if got := page.Date.Format("2006-01-02"); got != "2024-02-18" {
			t.Errorf("date: %s is read as %s", date, got)
		}
	}
}

// TestMarkdownSeedTitleForms: a Hugo post with TOML front matter (+++) and
// a note that starts with its title as # 标题 give their titles; the
// heading leaves the body (the page shows the title as its one h1), and
// the report lists it as moved.
func TestMarkdownSeedTitleForms(t *testing.T) {
	for _, tt := range []struct {
		name, in          string
		title, date, tags string
		bodyStart         string
		moved             string
	}{
		{name: "hugo toml", in: "+++\ntitle = \"学习二十届三中全会精神\"\ndate = 2024-07-20T09:00:00+08:00\ntags = [\"学习\", \"三中全会\"]\ndraft = false\ntoc = true\n+++\n\n## 一、主要内容\n\n全会审议通过了决定。\n",
			title: "学习二十届三中全会精神", date: "2024-07-20", tags: "学习 三中全会", bodyStart: "## 一、主要内容"},
		{name: "toml after BOM and blank line, CRLF", in: "\xEF\xBB\xBF\r\n+++\r\ntitle = '支部学习'\r\n+++\r\n正文。\r\n",
			title: "支部学习", bodyStart: "正文。"},
		{name: "toml with a blank line inside", in: "+++\ntitle = \"支部学习\"\n\ntags = [\"党课\"]\n+++\n正文。\n",
			title: "支部学习", tags: "党课", bodyStart: "正文。"},
		{name: "h1 title", in: "# 学习笔记：两个确立\n\n## 一、内涵\n\n正文。\n", title: "学习笔记：两个确立", bodyStart: "## 一、内涵", moved: "1:# 学习笔记：两个确立"},
		{name: "h1 after blank lines", in: "\n\n# 学习笔记 #\n正文。\n", title: "学习笔记", bodyStart: "正文。", moved: "3:# 学习笔记"},
		{name: "h2 first is not a title", in: "## 一、内涵\n\n正文。\n", title: "x", bodyStart: "## 一、内涵"},
		{name: "front matter wins over h1", in: "---\ntitle: 甲\n---\n\n# 乙\n\n正文。\n", title: "甲", bodyStart: "# 乙"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			res, err := Import("seeds/x.md", []byte(tt.in), "", Options{})
			if err != nil {
				t.Fatal(err)
			}
			if res.Meta.Title != tt.title || tt.date != "" && !strings.HasPrefix(res.Meta.Date, tt.date) || strings.Join(res.Meta.Tags, " ") != tt.tags {
				t.Errorf("title %q date %q tags %q", res.Meta.Title, res.Meta.Date, res.Meta.Tags)
			}
			if !strings.HasPrefix(res.Body, tt.bodyStart) {
				t.Errorf("body starts %q, want %q", res.Body, tt.bodyStart)
			}
			moved := ""
			for _, m := range res.Report.Moved {
				moved = strconv.Itoa(m.Line) + ":" + m.Text
			}
			if moved != tt.moved {
				t.Errorf("moved %q, want %q", moved, tt.moved)
			}
			if _, err := res.Markdown(); err != nil {
				t.Fatal(err)
			}
		})
	}
	if _, err := Import("seeds/x.md", []byte("+++\ntitle = \"未闭合\n+++\n正文。\n"), "", Options{}); err == nil || !strings.Contains(err.Error(), "TOML") {
		t.Errorf("bad TOML: %v", err)
	}
}

// TestMarkdownSeedWithoutTitle: a Markdown seed that gives no title is
// titled after its file, and the warning names the line to fix; a title
// handed in by the caller (a slug decided earlier) wins over the file's.
func TestMarkdownSeedWithoutTitle(t *testing.T) {
	for _, tt := range []struct{ name, in, warning, body string }{
		{"YAML without title", "\n---\ntags: [学习]\n---\n正文。\n", "2:the front matter has no title: the title is the file name", "正文。\n"},
		{"TOML without title", "\n\n+++\ntags = ['学习']\n+++\n正文。\n", "3:the front matter has no title: the title is the file name", "正文。\n"},
		{"only a comment", "---\n# 备注\n---\n正文。\n", "1:the front matter has no title: the title is the file name", "正文。\n"},
		{"no front matter", "正文。\n", "1:no front matter: the title is the file name", "正文。\n"},
		{"an empty h1", "# #\n正文。\n", "1:no front matter: the title is the file name", "# #\n正文。\n"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			res, err := Import("seeds/2024-01-02-xuexi.md", []byte(tt.in), "", Options{})
			if err != nil {
				t.Fatal(err)
			}
			var warnings []string
			for _, w := range res.Report.Warnings {
				warnings = append(warnings, strconv.Itoa(w.Line)+":"+w.Message)
			}
			if res.Meta.Title != "xuexi" || res.Meta.Date != "2024-01-02" || strings.Join(warnings, "\n") != tt.warning || res.Body != tt.body {
				t.Errorf("title %q, date %q, warnings %q, body %q; want xuexi, 2024-01-02, %q, %q", res.Meta.Title, res.Meta.Date, warnings, res.Body, tt.warning, tt.body)
			}
		})
	}
	res, err := Import("seeds/x.md", []byte("---\ntitle: 学习\nslug: from-file\n---\n正文。\n"), "kept-slug", Options{})
	if err != nil || res.Meta.Slug != "kept-slug" {
		t.Errorf("slug %q (%v), want the one handed in", res.Meta.Slug, err)
	}
}

// TestSeedFrontMatterMappedKeys: a blog key mapped onto a studysite key
// sets it unless the front matter sets it itself, or its value is not of
// a form that maps; then it stays in the content file, and the report says
// so at its line. A category path ([学习, 党课]) gives each of its tags once.
func TestSeedFrontMatterMappedKeys(t *testing.T) {
	tests := []struct {
		name, in                      string
		speaker, summary, tags, extra string
		draft                         bool
		warnings                      []string
	}{
		{"set by the front matter itself",
			"---\ntitle: 学习\ntags: 党课\nauthor: 王明\nspeaker: 李强\ndescription: 摘要\nsummary: 已有摘要\npublished: false\ncategories: [[学习, 党课], 党课]\n---\n正文。\n",
			"李强", "已有摘要", "党课 学习", "author: 王明\ndescription: 摘要\n", true,
			[]string{`4:front matter key "author" is kept in the content file: speaker is already set`,
				`6:front matter key "description" is kept in the content file: summary is already set`,
				`8:front matter key "published" is read as draft`,
				`9:front matter key "categories" is read as tags`}},
		{"values that do not map",
			"---\ntitle: 学习\npublished: 也许\nauthor: {name: 王明}\nexcerpt: [一, 二]\ncategory: ~\n---\n正文。\n",
			"", "", "", "published: 也许\nauthor: {name: 王明}\nexcerpt: [一, 二]\n", false,
			[]string{`3:front matter key "published" is kept in the content file: draft is already set`,
				`4:front matter key "author" is kept in the content file: speaker is already set`,
				`5:front matter key "excerpt" is kept in the content file: summary is already set`,
				`6:front matter key "category" is read as tags`}},
		{"mapped",
			"---\ntitle: 学习\nauthor: 王明\nexcerpt: 摘要\npublished: true\ntags: [学习]\ncategory: 学习\n---\n正文。\n",
			"王明", "摘要", "学习", "", false,
			[]string{`3:front matter key "author" is read as speaker`,
				`4:front matter key "excerpt" is read as summary`,
				`5:front matter key "published" is read as draft`,
				`7:front matter key "category" is read as tags`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := Import("seeds/x.md", []byte(tt.in), "", Options{})
			if err != nil {
				t.Fatal(err)
			}
			m := res.Meta
			if m.Speaker != tt.speaker || m.Summary != tt.summary || strings.Join(m.Tags, " ") != tt.tags || string(res.ExtraFrontMatter) != tt.extra || m.Draft != tt.draft {
				t.Errorf("speaker %q summary %q tags %q draft %v kept %q;\nwant %q %q %q %v %q", m.Speaker, m.Summary, m.Tags, m.Draft, res.ExtraFrontMatter, tt.speaker, tt.summary, tt.tags, tt.draft, tt.extra)
			}
			var warnings []string
			for _, w := range res.Report.Warnings {
				warnings = append(warnings, strconv.Itoa(w.Line)+":"+w.Message)
			}
			if strings.Join(warnings, "\n") != strings.Join(tt.warnings, "\n") {
				t.Errorf("warnings\n%s\nwant\n%s", strings.Join(warnings, "\n"), strings.Join(tt.warnings, "\n"))
			}
		})
	}
}
