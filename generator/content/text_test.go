package content

import (
	"testing"

	"github.com/yuin/goldmark/ast"

	"github.com/studysite/studysite/generator/dialect"
)

// TestPlainTextIsWhatTheReaderSees: a hand-written content file's markup,
// escapes and character references never reach the plain text that
// summaries, the table of contents and search are made from.
func TestPlainTextIsWhatTheReaderSees(t *testing.T) {
	tests := []struct{ body, heading, para string }{
		{"## 一、**加粗**的标题\n\n要**全面**贯彻。\n", "一、加粗的标题", "要全面贯彻。"},
		{"## 1\\. 总则\n\n变量 toc\\_nav\\_num 和 a\\*b\\*c。\n", "1. 总则", "变量 toc_nav_num 和 a*b*c。"},
		{"## 见[附件](fujian.md)\n\n详见[《纲要》](https://example.org/x)第三章。\n", "见附件", "详见《纲要》第三章。"},
		{"## `code` 标题\n\n运行 `studysite build` 即可。\n", "code 标题", "运行 studysite build 即可。"},
		{"## A&amp;B\n\n研发投入&amp;产出，&#20013;&#x6587;，&copy; 2024。\n", "A&B", "研发投入&产出，中文，© 2024。"},
		{"## \\# 井号 \\#\n\n\\[\\[不是链接]]与 \\<b>标签\\</b>。\n", "# 井号 #", "[[不是链接]]与 <b>标签</b>。"},
		{"## 二、图\n\n如图![示意图](https://example.org/a.png)所示。\n", "二、图", "如图示意图所示。"},
		{"## 三、说明\n\n正文<!-- 作者注：待核实 -->继续。\n", "三、说明", "正文继续。"},
		{"## 四、反斜杠\n\n路径 C:\\Windows\\Fonts 与 \\\\ 号。\n", "四、反斜杠", `路径 C:\Windows\Fonts 与 \ 号。`},
		// Raw HTML is shown as text by default, so the text has it.
		{"## 五、标签\n\n正文<b>粗</b>字。\n", "五、标签", "正文<b>粗</b>字。"},
		{"## 五、标签\n\n正文<span class=\"k\">重点</span>。\n", "五、标签", "正文<span class=\"k\">重点</span>。"},
		// A line break inside a paragraph joins Chinese directly and
		// Latin words with a space, as the page reads.
		{"## 六、换行\n\n要坚持\n稳中求进，Belt and\nRoad，GDP\n增长。\n", "六、换行", "要坚持稳中求进，Belt and Road，GDP增长。"},
		{"## Go\n\nGo\nlang 与\n中文。\n", "Go", "Go lang 与中文。"},
		// A character reference or a NUL first in a run of text.
		{"## &amp;符号\n\n&amp;开头。\n", "&符号", "&开头。"},
		{"## 七、空字符\n\n\x00开头，中\x00间。\n", "七、空字符", "\uFFFD开头，中\uFFFD间。"},
		// The shortest comment is a comment too.
		{"## 八、空注释\n\n正文<!---->继续。\n", "八、空注释", "正文继续。"},
	}
	for _, tt := range tests {
		p, err := Parse("content/t.md", []byte("---\ntitle: t\nslug: t\n---\n\n"+tt.body))
		if err != nil {
			t.Fatal(err)
		}
		if len(p.Headings) != 1 || len(p.Paragraphs) != 1 {
			t.Fatalf("%q: %d headings, %d paragraphs", tt.body, len(p.Headings), len(p.Paragraphs))
		}
		if got := p.Headings[0].Text; got != tt.heading {
			t.Errorf("%q: heading text %q, want %q", tt.body, got, tt.heading)
		}
		if got := p.Paragraphs[0].Text; got != tt.para {
			t.Errorf("%q: paragraph text %q, want %q", tt.body, got, tt.para)
		}
	}
}

func TestIsRemoteURL(t *testing.T) {
	for _, u := range []string{"https://example.org/a.png", "HTTP://x.cn/b.jpg", "//cdn.example.org/c.gif", " ftp://x/y"} {
		if !IsRemoteURL(u) {
			t.Errorf("%q is remote", u)
		}
	}
	for _, u := range []string{"images/a.png", "../a.png", "/a.png", "data:image/png;base64,AAAA", "a.png#https://x"} {
		if IsRemoteURL(u) {
			t.Errorf("%q is not remote", u)
		}
	}
}

// TestResolvedText: before the site resolves them, [[links]] read as
// written; resolved, as their own label or the site's; unresolved ones
// still as written.
func TestResolvedText(t *testing.T) {
	body := "见[[a]]、[[a#p2|**这一段**]]、[[b|乙\\*丙]]、[[b|**乙**丙]]和[[b]]。\n"
	p, err := Parse("content/t.md", []byte("---\ntitle: t\nslug: t\n---\n\n"+body))
	if err != nil {
		t.Fatal(err)
	}
	if got, want := p.Paragraphs[0].Text, "见[[a]]、[[a#p2|这一段]]、[[b|乙*丙]]、[[b|乙丙]]和[[b]]。"; got != want {
		t.Errorf("parsed text %q, want %q", got, want)
	}
	var para ast.Node
	_ = ast.Walk(p.AST, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if n.Kind() == ast.KindParagraph && para == nil {
			para = n
		}
		return ast.WalkContinue, nil
	})
	onlyA := func(w *dialect.WikiLink) (string, bool) { return "《甲》", w.Slug() == "a" }
	if got, want := ResolvedText(para, p.Body, onlyA), "见《甲》、这一段、[[b|乙*丙]]、[[b|乙丙]]和[[b]]。"; got != want {
		t.Errorf("resolved text %q, want %q", got, want)
	}
}
