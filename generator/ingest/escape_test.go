package ingest

import (
	"bytes"
	"html"
	"math/rand/v2"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
)

// contentDialect is the Markdown the site renders (content.Extensions).
var contentDialect = goldmark.New(goldmark.WithExtensions(extension.Table))

// renderIn renders escaped text where the importer writes it and returns
// the text a reader sees, or ok=false when goldmark made anything but text
// of it (a list, a link, emphasis, a second block …).
func renderIn(t testing.TB, escaped string, ctx escapeContext) (text string, ok bool) {
	var src, open, close string
	switch ctx {
	case inParagraph:
		src, open, close = escaped+"\n", "<p>", "</p>\n"
	case inHeading:
		src, open, close = "## "+escaped+"\n", "<h2>", "</h2>\n"
	case inCell:
		src = "| 表头 |\n| --- |\n| " + escaped + " |\n"
		open = "<table>\n<thead>\n<tr>\n<th>表头</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td>"
		close = "</td>\n</tr>\n</tbody>\n</table>\n"
	}
	var out bytes.Buffer
	if err := contentDialect.Convert([]byte(src), &out); err != nil {
		t.Fatal(err)
	}
	got := out.String()
	if !strings.HasPrefix(got, open) || !strings.HasSuffix(got, close) {
		return got, false
	}
	inner := got[len(open) : len(got)-len(close)]
	// goldmark escapes every < of text, so a < here is a tag.
	if strings.Contains(inner, "<") {
		return got, false
	}
	return html.UnescapeString(inner), true
}

// roundTrips checks that s, escaped for ctx, renders as exactly s.
func roundTrips(t *testing.T, s string, ctx escapeContext) {
	t.Helper()
	esc := escapeMarkdown(s, ctx)
	got, ok := renderIn(t, esc, ctx)
	if !ok || got != s {
		t.Errorf("context %d: %q escaped as %q renders as %q", ctx, s, esc, got)
	}
}

// markupPieces are what random lines are made of: every character
// Markdown gives a meaning, the places it gives them one, and Chinese text
// with its own punctuation around them.
var markupPieces = []string{
	"\\", "`", "``", "```", "~~~", "*", "**", "_", "__", "[", "]", "[[", "]]", "(", ")", "<", ">", "#", "##", "&", ";", "!",
	"-", "+", "=", "|", ":", "~", "~~", ".", ")", "1", "2.", "10)", "0", " ", "  ", "\t", "a", "Z", "x",
	"中", "文", "，", "。", "“", "”", "（", "）", "、", "　", "amp", "#x4E2D", "#20013", "nbsp", "copy",
	"http://x.cn", "a@b.cn", "div", "/p", "!--", "?", "script", "toc_nav_num", "1.总则", "GDP增长5.2%",
}

func randomLine(r *rand.Rand) string {
	var b strings.Builder
	for k := r.IntN(12); k >= 0; k-- {
		b.WriteString(markupPieces[r.IntN(len(markupPieces))])
	}
	return b.String()
}

// trimForContext drops what the context itself cannot keep: white space at
// the ends (Markdown trims it), and in a table cell runs of white space.
func trimForContext(s string, ctx escapeContext) string {
	if ctx == inCell {
		return strings.Join(strings.Fields(s), " ")
	}
	return strings.Trim(s, " \t")
}

// TestEscapeRoundTrip: for random lines of markup characters and Chinese,
// goldmark renders the escaped line as the line itself, as a paragraph, as
// a heading and as a table cell.
func TestEscapeRoundTrip(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 11))
	for i := 0; i < 20000 && !t.Failed(); i++ {
		line := randomLine(r)
		for _, ctx := range []escapeContext{inParagraph, inHeading, inCell} {
			if s := trimForContext(line, ctx); s != "" {
				roundTrips(t, s, ctx)
			}
		}
	}
}

// TestEscapeOnlyWhereNeeded: text that Markdown reads as text keeps every
// character as it is; markup gets one backslash where it needs one.
func TestEscapeOnlyWhereNeeded(t *testing.T) {
	tests := []struct {
		ctx     escapeContext
		in, out string
	}{
		{inParagraph, "变量名 toc_nav_num 不需要转义", "变量名 toc_nav_num 不需要转义"},
		{inParagraph, "1.总则", "1.总则"},
		{inParagraph, "2023年1. 加强组织领导", "2023年1. 加强组织领导"},
		{inParagraph, "GDP增长5.2%，CPI上涨0.2%", "GDP增长5.2%，CPI上涨0.2%"},
		{inParagraph, "5*3=15，乘号", "5*3=15，乘号"},
		{inParagraph, "5*3=15，a*b", `5\*3=15，a\*b`},
		{inParagraph, "中_文_字", "中_文_字"},
		{inParagraph, "[注]见附件", "[注]见附件"},
		{inParagraph, "3 < 5，且 7 > 2", "3 < 5，且 7 > 2"},
		{inParagraph, "A&B 公司与 C&D 公司", "A&B 公司与 C&D 公司"},
		{inParagraph, "&foo; 不是实体", "&foo; 不是实体"},
		{inParagraph, "#话题# 与 C#", "#话题# 与 C#"},
		{inParagraph, "——强化责任", "——强化责任"},
		{inParagraph, "=== 分隔 ===", "=== 分隔 ==="},
		{inParagraph, `C:\Windows\system32`, `C:\Windows\system32`},
		{inParagraph, "一个`反引号", "一个`反引号"},
		{inParagraph, "单`与双``不成对", "单`与双``不成对"}, // runs of different lengths open no code span
		{inParagraph, "~~删除线~~不是本站语法", "~~删除线~~不是本站语法"},
		{inParagraph, "**加粗**", `\*\*加粗\*\*`},
		{inParagraph, "，_强调_。", `，\_强调\_。`},
		{inParagraph, "a*b*c", `a\*b\*c`},
		{inParagraph, "1. 总则", `1\. 总则`},
		{inParagraph, "2) 目标", `2\) 目标`},
		{inParagraph, "# 井号", `\# 井号`},
		{inParagraph, "> 引用", `\> 引用`},
		{inParagraph, "- 3 -", `\- 3 -`},
		{inParagraph, "+ 加号", `\+ 加号`},
		{inParagraph, "***", `\***`},
		{inParagraph, "```go", "\\`\\`\\`go"},
		{inParagraph, "~~~ 波浪线", `\~~~ 波浪线`},
		{inParagraph, "见[链接](http://x)", `见[链接\](http://x)`},
		{inParagraph, "[[slug]]", `\[\[slug]]`},
		{inParagraph, "<b>标签</b>", `\<b>标签\</b>`},
		{inParagraph, "<div 开头", `\<div 开头`},
		{inParagraph, "&amp; 与 &#20013;", `\&amp; 与 \&#20013;`},
		{inParagraph, "版权符号&#xA9;与逗号&#XFF0C;", `版权符号\&#xA9;与逗号\&#XFF0C;`},
		{inParagraph, "&#xAG; 与 &#x; 不是实体", "&#xAG; 与 &#x; 不是实体"},
		{inParagraph, "&#; 不是实体，&#9; 是", `&#; 不是实体，\&#9; 是`},
		{inParagraph, "XML 里的换行写作&#xA;", `XML 里的换行写作\&#xA;`},
		{inParagraph, "`代码`", "\\`代码\\`"},
		{inParagraph, `\*`, `\\*`},
		{inParagraph, `\*强调*`, `\\\*强调\*`},
		{inParagraph, "[1]: 注释", `\[1]: 注释`},
		{inHeading, "1.总则", "1.总则"},
		{inHeading, "1. 总则", "1. 总则"},
		{inHeading, "# 井号", "# 井号"},
		{inHeading, "C#", "C#"},
		{inHeading, "第 3 #", `第 3 \#`},
		{inHeading, "toc_nav_num", "toc_nav_num"},
		{inCell, "交流研讨 | 发言", `交流研讨 \| 发言`},
		{inCell, "1. 总则", "1. 总则"},
	}
	for _, tt := range tests {
		if got := escapeMarkdown(tt.in, tt.ctx); got != tt.out {
			t.Errorf("context %d: %q escaped as %q, want %q", tt.ctx, tt.in, got, tt.out)
		}
		roundTrips(t, tt.in, tt.ctx)
	}
}

// FuzzEscapeMarkdown: any line, escaped, renders as itself.
func FuzzEscapeMarkdown(f *testing.F) {
	for _, s := range []string{"**加粗**", "1. 总则", "[[slug]]", "<b>x</b>", "&amp;", "toc_nav_num", "## 标题 #", "`a``b`", "，_强调_。"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) || strings.ContainsAny(s, "\r\n\x00\v\f") {
			return
		}
		for _, ctx := range []escapeContext{inParagraph, inHeading, inCell} {
			if s := trimForContext(s, ctx); s != "" {
				roundTrips(t, s, ctx)
			}
		}
	})
}
