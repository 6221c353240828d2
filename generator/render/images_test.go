package render

import (
	"bytes"
	"strings"
	"testing"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/text"

	"github.com/studysite/studysite/generator/dialect"

	"github.com/studysite/studysite/internal/htmltest"
)

// TestRemoteImagesAndComments: the body of a page requests nothing from
// another site and shows no comment; everything else a reader would see
// stays.
func TestRemoteImagesAndComments(t *testing.T) {
	tests := []struct {
		name, md string
		links    []string // href → text of a.remote-image
		imgs     []string // src of img
		text     string   // visible text of the body
	}{
		{"remote image", "如图![公报要点](https://img.example.com/a.png)所示。", []string{"https://img.example.com/a.png→公报要点"}, nil, "如图公报要点所示。"},
		{"protocol-relative, no alt", "![](//cdn.example.com/b.png)", []string{"//cdn.example.com/b.png→//cdn.example.com/b.png"}, nil, "//cdn.example.com/b.png"},
		{"remote image inside a link", "[![图标](https://x.example.com/i.png)专题](https://www.12371.cn/)", nil, nil, "图标专题"},
		{"local image", "![现场照片](images/xianchang.jpg)", nil, []string{"images/xianchang.jpg"}, ""},
		{"more marker", "摘要段。\n\n<!-- more -->\n\n正文段。", nil, nil, "摘要段。正文段。"},
		{"inline comment", "正文<!-- 待核实 -->继续。", nil, nil, "正文继续。"},
		{"comment and text on one line", "<!-- 注 --> 这段要显示", nil, nil, "<!-- 注 --> 这段要显示"},
	}
	parser := goldmark.New(goldmark.WithExtensions(dialect.Extensions()...)).Parser()
	body := newBodyRenderer(false, nil)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := []byte(tt.md)
			doc := parser.Parse(text.NewReader(src))
			var out bytes.Buffer
			if err := body.Render(&out, src, doc); err != nil {
				t.Fatal(err)
			}
			page := htmltest.Parse(t, out.Bytes())
			var links, imgs []string
			for _, a := range htmltest.All(t, page, "a.remote-image") {
				links = append(links, htmltest.Attr(a, "href")+"→"+htmltest.TextOf(a))
			}
			for _, img := range htmltest.All(t, page, "img") {
				imgs = append(imgs, htmltest.Attr(img, "src"))
			}
			if strings.Join(links, " ") != strings.Join(tt.links, " ") || strings.Join(imgs, " ") != strings.Join(tt.imgs, " ") {
				t.Errorf("links %q, images %q\n%s", links, imgs, out.String())
			}
			// The ¶ permalinks the dialect gives every paragraph are not
			// the text under test.
			for _, pn := range htmltest.All(t, page, "a.pn") {
				pn.Parent.RemoveChild(pn)
			}
			if got := strings.ReplaceAll(htmltest.TextOf(page), "\n", ""); got != tt.text {
				t.Errorf("text %q, want %q\n%s", got, tt.text, out.String())
			}
			if len(htmltest.All(t, page, "a a")) > 0 {
				t.Errorf("a link inside a link:\n%s", out.String())
			}
		})
	}
}
