package link

import (
	"errors"
	"fmt"
	"reflect"
	"strconv"
	"strings"
	"testing"

	"github.com/studysite/studysite/generator/config"
)

// target is a document with two sections and five paragraphs.
var target = doc("target", "2023-01-01", "", `
## 一、总体要求

第一段。

第二段。

## 二、重点任务

第三段。

第四段。

第五段。
`)

func TestExplicitLinksResolve(t *testing.T) {
	tests := []struct {
		name      string
		body      string
		wantHref  string
		wantText  string
		backlinks []Backlink
	}{
		{"wiki slug", "见[[target]]。", "../../docs/target/index.html", "《标题target》", []Backlink{{Paragraph: "p1"}}},
		{"wiki paragraph", "见[[target#p5]]。", "../../docs/target/index.html#p5", "《标题target》¶5", []Backlink{{Paragraph: "p1", Target: "p5"}}},
		{"wiki label", "见[[target#p2|这一段]]。", "../../docs/target/index.html#p2", "这一段", []Backlink{{Paragraph: "p1", Target: "p2"}}},
		{"wiki heading text", "见[[target#二、重点任务]]。", "../../docs/target/index.html#s2", "《标题target》二、重点任务", []Backlink{{Paragraph: "p1", Target: "s2"}}},
		{"wiki heading id", "见[[ target#s1 | 要求 ]]。", "../../docs/target/index.html#s1", " 要求 ", []Backlink{{Paragraph: "p1", Target: "s1"}}},
		{"same document", "见[[#p1]]。", "#p1", "¶1", nil},
		{"markdown file", "见[原文](target.md)。", "../../docs/target/index.html", "原文", []Backlink{{Paragraph: "p1"}}},
		{"markdown file and heading", "见[原文](./target.md#%E4%BA%8C%E3%80%81%E9%87%8D%E7%82%B9%E4%BB%BB%E5%8A%A1)。", "../../docs/target/index.html#s2", "原文", []Backlink{{Paragraph: "p1", Target: "s2"}}},
		{"markdown file and paragraph", "见[原文](target.md#p3)。", "../../docs/target/index.html#p3", "原文", []Backlink{{Paragraph: "p1", Target: "p3"}}},
		{"external link untouched", "见[网站](https://example.org/a.md)。", "https://example.org/a.md", "网站", nil},
		{"in a list item", "- 见[[target#p4]]", "../../docs/target/index.html#p4", "《标题target》¶4", []Backlink{{Target: "p4"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := mustBuild(t, config.Default(), map[string]string{
				"content/target.md": target,
				"content/from.md":   doc("from", "2023-06-01", "", "\n"+tt.body+"\n"),
			})
			from := s.Page("from")
			var got []anchor
			for _, a := range anchors(t, s, from) {
				if a.Class != "term" {
					got = append(got, a)
				}
			}
			if len(got) != 1 || got[0].Href != tt.wantHref || got[0].Text != tt.wantText {
				t.Fatalf("links = %+v, want one to %q reading %q", got, tt.wantHref, tt.wantText)
			}
			var bl []Backlink
			for _, b := range s.Backlinks(s.Page("target")) {
				if b.From != from {
					t.Errorf("backlink from %s", b.From.Slug())
				}
				b.From = nil
				bl = append(bl, b)
			}
			if !reflect.DeepEqual(bl, tt.backlinks) {
				t.Errorf("backlinks = %+v, want %+v", bl, tt.backlinks)
			}
		})
	}
}

func TestWikiLabelUpdatesParagraphText(t *testing.T) {
	s := mustBuild(t, config.Default(), map[string]string{
		"content/target.md": target,
		"content/from.md":   doc("from", "2023-06-01", "", "\n参见[[target#p2|第二段]]和[[target]]。\n"),
	})
	if got := s.Page("from").Paragraphs[0].Text; got != "参见第二段和《标题target》。" {
		t.Errorf("paragraph text = %q", got)
	}
}

func TestBrokenLinksFailWithFileAndLine(t *testing.T) {
	// The body starts on line 6 of the file (5 front matter lines + ---).
	tests := []struct {
		name string
		body string
		want string
	}{
		{"missing document", "\n正文。\n\n见[[nope]]。\n", "content/from.md:9: [[nope]]: no document with slug \"nope\""},
		{"missing paragraph", "\n见[[target#p99]]。\n", "content/from.md:7: [[target#p99]]: document \"target\" has no paragraph or heading \"p99\""},
		{"missing heading", "\n见[[target#三、保障]]。\n", "content/from.md:7: [[target#三、保障]]: document \"target\" has no paragraph or heading \"三、保障\""},
		{"missing file", "\n第一行\n见[这里](other.md)。\n", "content/from.md:8: link \"other.md\": no content file content/other.md"},
		{"missing heading in file", "\n见[这里](target.md#nope)。\n", "content/from.md:7: link \"target.md#nope\": content/target.md has no paragraph or heading \"nope\""},
		{"own missing paragraph", "\n见[这里](#p9)。\n", "content/from.md:7: link \"#p9\": this document has no paragraph or heading \"p9\""},
		{"draft", "\n见[[draft]]。\n", "content/from.md:7: [[draft]]: document \"draft\" is a draft and is not published"},
		// A link with no text holds no position of its own: its paragraph's
		// gives the line.
		{"link without text", "\n前文。\n\n[](gone.md)\n", "content/from.md:9: link \"gone.md\": no content file content/gone.md"},
		// The line is the one where the link's text starts, also when that
		// text wraps after its first letter.
		{"link text wrapped after one letter", "\n见[A\n股行情](gone.md)。\n", "content/from.md:7: link \"gone.md\": no content file content/gone.md"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			files := map[string]string{
				"content/target.md": target,
				"content/draft.md":  doc("draft", "2023-01-01", "draft: true\n", "\n草稿。\n"),
				"content/from.md":   doc("from", "2023-06-01", "", tt.body),
			}
			_, err := buildSite(t, config.Default(), files)
			if err == nil || err.Error() != tt.want {
				t.Fatalf("err = %v\nwant %s", err, tt.want)
			}
			var p Problem
			if !errors.As(err, &p) || p.File != "content/from.md" {
				t.Errorf("error does not unwrap to a Problem naming the file: %#v", err)
			}
			cfg := config.Default()
			cfg.Links = config.LinksWarn
			s, err := buildSite(t, cfg, files)
			if err != nil {
				t.Fatalf("links = warn: %v", err)
			}
			if len(s.Warnings) != 1 || !strings.HasPrefix(s.Warnings[0], tt.want) {
				t.Errorf("warnings = %q", s.Warnings)
			}
		})
	}
}

func TestAllBrokenLinksReported(t *testing.T) {
	_, err := buildSite(t, config.Default(), map[string]string{
		"content/b.md": doc("b", "2023-06-01", "", "\n[[x]]\n"),
		"content/a.md": doc("a", "2023-06-01", "", "\n[[y]]\n\n[[z]]\n"),
	})
	if err == nil {
		t.Fatal("no error")
	}
	lines := strings.Split(err.Error(), "\n")
	want := []string{"content/a.md:7:", "content/a.md:9:", "content/b.md:7:"}
	if len(lines) != len(want) {
		t.Fatalf("error lines = %q", lines)
	}
	for i, w := range want {
		if !strings.HasPrefix(lines[i], w) {
			t.Errorf("line %d = %q, want prefix %q", i, lines[i], w)
		}
	}
}

func TestEscapedOrCodeWikiLinkIsText(t *testing.T) {
	s := mustBuild(t, config.Default(), map[string]string{
		"content/a.md": doc("a", "2023-06-01", "", "\n`[[nope]]` 和 \\[\\[nope]] 不是链接。\n"),
	})
	if as := anchors(t, s, s.Pages[0]); len(as) != 0 {
		t.Errorf("anchors = %+v, want none", as)
	}
}

// A link to a fragment of the same document: a heading named by its text
// resolves to the heading's id; a fragment that is neither ours nor a
// heading (#top, #) is left as written.
func TestOwnFragmentLinks(t *testing.T) {
	tests := []struct {
		name, body, wantHref string
	}{
		{"heading text", "见[上文](#一、开头)。", "#s1"},
		{"percent-encoded heading text", "见[上文](#%E4%B8%80%E3%80%81%E5%BC%80%E5%A4%B4)。", "#s1"},
		{"paragraph id", "见[上文](#p1)。", "#p1"},
		{"someone else's fragment", "见[顶部](#top)。", "#top"},
		{"bare #", "见[顶部](#)。", "#"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := mustBuild(t, config.Default(), map[string]string{
				"content/a.md": doc("a", "2023-06-01", "", "\n## 一、开头\n\n第一段。\n\n"+tt.body+"\n"),
			})
			var got []string
			for _, a := range anchors(t, s, s.Pages[0]) {
				if a.Text == "上文" || a.Text == "顶部" {
					got = append(got, a.Href)
				}
			}
			if !reflect.DeepEqual(got, []string{tt.wantHref}) {
				t.Errorf("links = %q, want one to %q", got, tt.wantHref)
			}
		})
	}
}

// A site imported with hundreds of broken links gets an error a reader can
// take in: the first maxProblems, then how many more.
func TestBrokenLinksCappedWithCount(t *testing.T) {
	tests := []struct {
		broken    int
		wantLines int
		wantLast  string
	}{
		{maxProblems, maxProblems, `content/a.md:` + strconv.Itoa(6+2*maxProblems-1) + `: [[nope50]]: no document with slug "nope50"`},
		{maxProblems + 3, maxProblems + 1, "… and 3 more broken links"},
	}
	for _, tt := range tests {
		t.Run(strconv.Itoa(tt.broken), func(t *testing.T) {
			var body strings.Builder
			for i := 1; i <= tt.broken; i++ {
				fmt.Fprintf(&body, "\n[[nope%d]]\n", i)
			}
			_, err := buildSite(t, config.Default(), map[string]string{"content/a.md": doc("a", "2023-06-01", "", body.String())})
			if err == nil {
				t.Fatal("no error")
			}
			lines := strings.Split(err.Error(), "\n")
			if len(lines) != tt.wantLines || lines[len(lines)-1] != tt.wantLast {
				t.Errorf("%d error lines ending %q, want %d ending %q", len(lines), lines[len(lines)-1], tt.wantLines, tt.wantLast)
			}
		})
	}
}
