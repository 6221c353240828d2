package render

import (
	"bytes"
	"testing"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/text"

	"github.com/studysite/studysite/generator/dialect"
	"github.com/studysite/studysite/internal/htmltest"
)

// TestLocalImageTitle: a local image keeps the title its Markdown gives
// (the reader's tooltip), quotes and all, and has no title attribute when
// the Markdown gives none.
func TestLocalImageTitle(t *testing.T) {
	tests := []struct {
		md        string
		wantTitle string
		hasTitle  bool
	}{
		{`![会议现场](images/xianchang.jpg "2024年3月5日，人民大会堂")`, "2024年3月5日，人民大会堂", true},
		{`![图表](images/tu.png '“十四五”规划主要指标')`, "“十四五”规划主要指标", true},
		{`![引号](images/q.png "他说\"好\"")`, `他说"好"`, true},
		{"![现场照片](images/xianchang.jpg)", "", false},
	}
	parser := goldmark.New(goldmark.WithExtensions(dialect.Extensions()...)).Parser()
	body := newBodyRenderer(false, nil)
	for _, tt := range tests {
		t.Run(tt.md, func(t *testing.T) {
			src := []byte(tt.md)
			var out bytes.Buffer
			if err := body.Render(&out, src, parser.Parse(text.NewReader(src))); err != nil {
				t.Fatal(err)
			}
			img := htmltest.One(t, htmltest.Parse(t, out.Bytes()), "img")
			has := false
			for _, a := range img.Attr {
				has = has || a.Key == "title"
			}
			if has != tt.hasTitle || htmltest.Attr(img, "title") != tt.wantTitle {
				t.Errorf("title attribute %v %q, want %v %q\n%s", has, htmltest.Attr(img, "title"), tt.hasTitle, tt.wantTitle, out.String())
			}
		})
	}
}
