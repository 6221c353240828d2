package link

import (
	"net/url"
	"testing"

	"github.com/studysite/studysite/generator/config"
)

// A link to a content file may name it as written or percent-encoded, as
// editors write it; a destination with a query is a URL and is left alone,
// even when it ends in .md.
func TestLinksToAContentFileByItsName(t *testing.T) {
	const file = "政府工作报告.md"
	tests := []struct {
		name, dest string
		wantHref   string // the page's URL, or for a URL left alone its query
	}{
		{"the file name as written", file, "../../docs/zheng-fu/index.html"},
		{"the file name percent-encoded", url.PathEscape(file), "../../docs/zheng-fu/index.html"},
		{"a query naming a file", "?download=" + file, "?download=" + file},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, err := buildSite(t, config.Default(), map[string]string{
				"content/" + file: doc("zheng-fu", "2024-03-05", "", "\n推动高质量发展取得新成效。\n"),
				"content/from.md": doc("from", "2024-03-06", "", "\n学习[报告原文]("+tt.dest+")。\n"),
			})
			if err != nil {
				t.Fatal(err)
			}
			as := anchors(t, s, s.Page("from"))
			if len(as) != 1 || as[0].Text != "报告原文" {
				t.Fatalf("links = %+v, want one reading 报告原文", as)
			}
			href, err := url.PathUnescape(as[0].Href)
			if err != nil || href != tt.wantHref {
				t.Errorf("link to %q goes to %q, want %q", tt.dest, as[0].Href, tt.wantHref)
			}
		})
	}
}
