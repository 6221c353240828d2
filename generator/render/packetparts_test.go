package render

import (
	"strings"
	"testing"

	"golang.org/x/net/html"

	"github.com/studysite/studysite/generator/config"
	"github.com/studysite/studysite/internal/htmltest"
)

// byID is the element of root with the given id, nil when none.
func byID(root *html.Node, id string) *html.Node {
	if root.Type == html.ElementNode && htmltest.Attr(root, "id") == id {
		return root
	}
	for c := root.FirstChild; c != nil; c = c.NextSibling {
		if n := byID(c, id); n != nil {
			return n
		}
	}
	return nil
}

// TestPacketNotesNamedByTheirDocument: notes pages after each document are
// named, for a screen reader, 学习笔记 and the title of the document they
// follow; notes at the end are named 学习笔记 alone; a packet asking for no
// notes pages has none, wherever they would go.
func TestPacketNotesNamedByTheirDocument(t *testing.T) {
	titles := map[string]string{"bao-gao": "政府工作报告", "yi-jian": "中共中央 国务院关于全面推进美丽中国建设的意见"}
	tests := []struct {
		name  string
		notes int
		after config.NotesAfter
		// want is each notes section's accessible name, in page order.
		want []string
	}{
		{"none after each", 0, config.NotesAtEach, nil},
		{"none at the end", 0, config.NotesAtEnd, nil},
		{"two after each", 2, config.NotesAtEach, []string{"学习笔记 " + titles["bao-gao"], "学习笔记 " + titles["yi-jian"]}},
		{"one at the end", 1, config.NotesAtEnd, []string{"学习笔记"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			site := packetSite(t, func(c *config.Config) {
				q1(c)
				c.Packets[0].Notes, c.Packets[0].NotesAfter = tt.notes, tt.after
			})
			page := renderWith(t, "default", site, nil)["packets/q1/index.html"]
			if page == nil {
				t.Fatal("packets/q1/index.html not built")
			}
			var got []string
			for _, sec := range htmltest.All(t, page, "section.packet-notes") {
				var names []string
				for _, id := range strings.Fields(htmltest.Attr(sec, "aria-labelledby")) {
					el := byID(page, id)
					if el == nil {
						t.Errorf("notes section %s labelled by #%s, which is not on the page", htmltest.Attr(sec, "id"), id)
						continue
					}
					names = append(names, htmltest.TextOf(el))
				}
				got = append(got, strings.Join(names, " "))
				if pages := len(htmltest.All(t, sec, ".notes-page")); pages != tt.notes {
					t.Errorf("notes section %s has %d pages, want %d", htmltest.Attr(sec, "id"), pages, tt.notes)
				}
			}
			if strings.Join(got, "|") != strings.Join(tt.want, "|") {
				t.Errorf("notes sections named %q, want %q", got, tt.want)
			}
		})
	}
}

// TestPacketQuestionsSkipBlank: the 讨论题 part lists, under each
// document's title, its questions that say something; a document whose
// questions are all blank gets no heading there, and a packet none of
// whose documents has a question has no 讨论题 part.
func TestPacketQuestionsSkipBlank(t *testing.T) {
	doc := func(slug, title, questions string) string {
		return "---\ntitle: " + title + "\nslug: " + slug + "\ndate: \"2024-03-05\"\nquestions: " + questions + "\n---\n\n## 一、总体要求\n\n会议强调，（掌声）要把学习成果转化为工作成效。\n"
	}
	tests := []struct {
		name string
		docs map[string]string
		want []string // questions part: "title: q1 / q2" per document
	}{
		{"one blank, one asked", map[string]string{
			"a": doc("a", "传达稿", `["  ", ""]`),
			"b": doc("b", "政府工作报告", `["怎样理解高质量发展？", " ", "本单位能做些什么？"]`),
		}, []string{"政府工作报告: 怎样理解高质量发展？ / 本单位能做些什么？"}},
		{"all blank", map[string]string{
			"a": doc("a", "传达稿", `[" "]`),
		}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cfg := config.Default()
			var slugs []string
			files := map[string]string{}
			for slug, text := range tt.docs {
				files["content/"+slug+".md"] = text
				slugs = append(slugs, slug)
			}
			cfg.Packets = []config.Packet{{Title: "集中学习材料", Slug: "q", Slugs: slugs}}
			page := renderWith(t, "default", linkSite(t, cfg, files), nil)["packets/q/index.html"]
			if page == nil {
				t.Fatal("packets/q/index.html not built")
			}
			var got []string
			for _, sec := range htmltest.All(t, page, "section.packet-questions") {
				for _, h := range htmltest.All(t, sec, "h2.questions-doc") {
					var qs []string
					if ol := h.NextSibling; ol != nil {
						for ol != nil && ol.Type != html.ElementNode {
							ol = ol.NextSibling
						}
						if ol != nil && ol.Data == "ol" {
							for _, li := range htmltest.All(t, ol, "li") {
								qs = append(qs, htmltest.TextOf(li))
							}
						}
					}
					got = append(got, htmltest.TextOf(h)+": "+strings.Join(qs, " / "))
				}
			}
			if strings.Join(got, "|") != strings.Join(tt.want, "|") {
				t.Errorf("讨论题 lists %q, want %q", got, tt.want)
			}
			if has := len(htmltest.All(t, page, "section.packet-questions")) > 0; has != (len(tt.want) > 0) {
				t.Errorf("讨论题 part present %v, want %v", has, len(tt.want) > 0)
			}
		})
	}
}
