package render

import (
	"context"
	"strings"
	"testing"

	"github.com/spf13/afero"
	"golang.org/x/net/html"

	"github.com/studysite/studysite/generator/config"
	"github.com/studysite/studysite/generator/content"
	"github.com/studysite/studysite/generator/link"
	"github.com/studysite/studysite/internal/htmltest"
	"github.com/studysite/studysite/themes"
)

// packetLibrary is a 中共中央 国务院 意见 with sections and subsections, a
// 政府工作报告 that links to it, and a branch's study note, each as the
// importer writes them, with discussion questions on two of them.
var packetLibrary = map[string]string{
	"content/yi-jian.md": `---
title: 中共中央 国务院关于全面推进美丽中国建设的意见
date: "2023-12-27"
slug: yi-jian
questions:
  - 怎样理解“绿水青山就是金山银山”？
  - 本单位在节能降碳方面能做些什么？
---

## 一、新时代新征程开启全面推进美丽中国建设新篇章

建设美丽中国是全面建设社会主义现代化国家的重要目标，必须坚持高质量发展。

### （一）重要意义

以高品质生态环境支撑高质量发展，加快推进人与自然和谐共生的现代化。

## 二、加快发展方式绿色转型

推动产业结构、能源结构、交通运输结构优化调整。
`,
	"content/bao-gao.md": `---
title: 政府工作报告
subtitle: ——2024年3月5日在第十四届全国人民代表大会第二次会议上
date: "2024-03-05"
speaker: 国务院总理
slug: bao-gao
questions:
  - 结合报告，谈谈如何推动人民城市建设？
---

## 一、2023年工作回顾

过去一年，我们坚定不移推动高质量发展，深入践行人民城市理念。

## 二、2024年政府工作任务

落实[[yi-jian#p2]]的部署，建设美丽中国先行区。
`,
	"content/bi-ji.md": `---
title: 支部学习笔记
date: "2024-03-10"
slug: bi-ji
---

学习体会：人民城市人民建，人民城市为人民。
`,
}

func packetSite(t *testing.T, mutate func(*config.Config)) *link.Site {
	t.Helper()
	cfg := config.Default()
	cfg.Glossary = []config.GlossaryEntry{{Term: "高质量发展"}, {Term: "人民城市", Definition: "人民城市人民建，人民城市为人民。"}}
	mutate(&cfg)
	var pages []*content.Page
	for _, name := range []string{"content/bao-gao.md", "content/bi-ji.md", "content/yi-jian.md"} {
		p, err := content.Parse(name, []byte(packetLibrary[name]))
		if err != nil {
			t.Fatal(err)
		}
		pages = append(pages, p)
	}
	s, err := link.Build(cfg, pages)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func renderWith(t *testing.T, theme string, s *link.Site, pdfs map[string]bool) map[string]*html.Node {
	t.Helper()
	th, err := themes.Open(afero.NewMemMapFs(), "themes", theme)
	if err != nil {
		t.Fatal(err)
	}
	r, err := New(th)
	if err != nil {
		t.Fatal(err)
	}
	if pdfs != nil {
		r.SetPacketPDFs(pdfs)
	}
	files, err := r.Render(context.Background(), s)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]*html.Node{}
	for _, f := range files {
		if strings.HasSuffix(f.Path, ".html") {
			out[f.Path] = htmltest.Parse(t, f.Data)
		}
	}
	return out
}

func yes() *bool { b := true; return &b }
func no() *bool  { b := false; return &b }

// q1 is a packet with every part: the 意见 after the report it is cited
// in, notes after each document, A5, duplex, ¶ numbers.
func q1(c *config.Config) {
	c.Packets = []config.Packet{{
		Title: "第一季度集中学习材料", Slug: "q1", Slugs: []string{"bao-gao", "yi-jian"},
		Organiser: "中共某某局机关委员会", Date: "二〇二四年三月", Notice: "内部学习资料　注意保存",
		Notes: 1, NotesAfter: config.NotesAtEach, Paper: config.PaperA5, Duplex: true, NumbersSwitch: yes(),
	}}
}

func TestPacketPageContract(t *testing.T) {
	for _, theme := range []string{"default", "dangjian"} {
		t.Run(theme, func(t *testing.T) {
			page := renderWith(t, theme, packetSite(t, q1), nil)["packets/q1/index.html"]
			if page == nil {
				t.Fatal("packets/q1/index.html not built")
			}
			art := htmltest.One(t, page, "article.packet")
			for k, want := range map[string]string{"data-packet": "q1", "data-paper": "a5", "data-duplex": "true", "data-numbers": "true"} {
				if got := htmltest.Attr(art, k); got != want {
					t.Errorf("%s=%q, want %q", k, got, want)
				}
			}
			cover := htmltest.One(t, art, "section.packet-cover#cover")
			if txt := htmltest.Text(t, cover, ""); !strings.Contains(txt, "第一季度集中学习材料") || !strings.Contains(txt, "中共某某局机关委员会") ||
				!strings.Contains(txt, "内部学习资料") || !strings.Contains(txt, "二〇二四年三月") {
				t.Errorf("cover shows %q", txt)
			}
			// The parts in print order.
			var parts []string
			for c := art.FirstChild; c != nil; c = c.NextSibling {
				if c.Type == html.ElementNode {
					parts = append(parts, htmltest.Attr(c, "class")+"#"+htmltest.Attr(c, "id"))
				}
			}
			want := "packet-cover#cover packet-toc#contents packet-doc#d-bao-gao packet-notes#notes-d-bao-gao packet-doc#d-yi-jian packet-notes#notes-d-yi-jian packet-questions#questions packet-glossary#glossary"
			if strings.Join(parts, " ") != want {
				t.Errorf("parts\n got %s\nwant %s", strings.Join(parts, " "), want)
			}
			// Outline levels: part headings and document titles 1, the
			// documents' 一、 headings 2, （一） headings 3.
			var outline []string
			for _, h := range htmltest.All(t, art, "[data-outline]") {
				outline = append(outline, htmltest.Attr(h, "data-outline")+":"+htmltest.Text(t, h, ".pn"))
			}
			wantOutline := []string{"1:目录", "1:政府工作报告", "2:一、2023年工作回顾", "2:二、2024年政府工作任务", "1:学习笔记",
				"1:中共中央 国务院关于全面推进美丽中国建设的意见", "2:一、新时代新征程开启全面推进美丽中国建设新篇章", "3:（一）重要意义",
				"2:二、加快发展方式绿色转型", "1:学习笔记", "1:讨论题", "1:提法释义"}
			if strings.Join(outline, "|") != strings.Join(wantOutline, "|") {
				t.Errorf("outline\n got %v\nwant %v", outline, wantOutline)
			}
			// Ids are unique; inside a document they carry its prefix.
			ids := map[string]bool{}
			for _, n := range htmltest.All(t, page, "[id]") {
				id := htmltest.Attr(n, "id")
				if ids[id] {
					t.Errorf("id %q twice", id)
				}
				ids[id] = true
			}
			for _, doc := range htmltest.All(t, art, "section.packet-doc") {
				prefix := htmltest.Attr(doc, "id") + "-"
				for _, n := range htmltest.All(t, doc, "[id]") {
					if id := htmltest.Attr(n, "id"); !strings.HasPrefix(id, prefix) {
						t.Errorf("id %q inside %s lacks the prefix", id, prefix)
					}
				}
			}
			// Every in-page link and page reference names an element.
			for _, a := range htmltest.All(t, art, `a[href^="#"]`) {
				if id := strings.TrimPrefix(htmltest.Attr(a, "href"), "#"); !ids[id] {
					t.Errorf("link to #%s: no such id", id)
				}
			}
			refs := htmltest.All(t, art, "span.pageref")
			for _, r := range refs {
				if !ids[htmltest.Attr(r, "data-ref")] || r.FirstChild != nil {
					t.Errorf("page reference to %q: missing target or not empty", htmltest.Attr(r, "data-ref"))
				}
			}
			// The report's [[link]] to the 意见 stays in the packet.
			xref := htmltest.One(t, art, "#d-bao-gao a.xref")
			if htmltest.Attr(xref, "href") != "#d-yi-jian-p2" {
				t.Errorf("link to the other document of the packet: %q", htmltest.Attr(xref, "href"))
			}
			// The table of contents: titles and 一、 sections, in order,
			// each with a page reference.
			var toc []string
			for _, li := range htmltest.All(t, art, ".packet-toc li") {
				a := htmltest.All(t, li, "a")[0]
				toc = append(toc, htmltest.Text(t, a, "")+"→"+htmltest.Attr(htmltest.All(t, li, ".pageref")[0], "data-ref"))
			}
			wantTOC := "政府工作报告→d-bao-gao 一、2023年工作回顾→d-bao-gao-s1 二、2024年政府工作任务→d-bao-gao-s2 " +
				"中共中央 国务院关于全面推进美丽中国建设的意见→d-yi-jian 一、新时代新征程开启全面推进美丽中国建设新篇章→d-yi-jian-s1 " +
				"二、加快发展方式绿色转型→d-yi-jian-s2 讨论题→questions 提法释义→glossary"
			if strings.Join(toc, " ") != wantTOC {
				t.Errorf("table of contents\n got %s\nwant %s", strings.Join(toc, " "), wantTOC)
			}
		})
	}
}

func TestPacketQuestionsAndGlossary(t *testing.T) {
	page := renderWith(t, "default", packetSite(t, q1), nil)["packets/q1/index.html"]
	var qs []string
	for _, li := range htmltest.All(t, page, ".packet-questions li") {
		qs = append(qs, htmltest.Text(t, li, ""))
	}
	want := "结合报告，谈谈如何推动人民城市建设？|怎样理解“绿水青山就是金山银山”？|本单位在节能降碳方面能做些什么？"
	if strings.Join(qs, "|") != want {
		t.Errorf("questions %q, want the report's then the 意见's", strings.Join(qs, "|"))
	}
	type entry struct{ term, text, first string }
	var got []entry
	for _, dt := range htmltest.All(t, page, ".packet-glossary dt") {
		dd := dt.NextSibling
		for dd != nil && dd.Type != html.ElementNode {
			dd = dd.NextSibling
		}
		first := htmltest.One(t, dd, ".gloss-first a")
		got = append(got, entry{htmltest.Text(t, dt, ""), strings.TrimSpace(htmltest.Text(t, dd, ".gloss-first")), htmltest.Attr(first, "href")})
		ref := htmltest.One(t, dd, ".pageref")
		if "#"+htmltest.Attr(ref, "data-ref") != htmltest.Attr(first, "href") {
			t.Errorf("%s: page reference to %q, link to %q", htmltest.Text(t, dt, ""), htmltest.Attr(ref, "data-ref"), htmltest.Attr(first, "href"))
		}
	}
	// Pinyin order; a definition from the glossary, else the sentence of
	// the packet's first use: the report comes first in this packet.
	wantG := []entry{
		{"高质量发展", "过去一年，我们坚定不移推动高质量发展，深入践行人民城市理念。", "#d-bao-gao-p1"},
		{"人民城市", "人民城市人民建，人民城市为人民。", "#d-bao-gao-p1"},
	}
	if len(got) != len(wantG) {
		t.Fatalf("glossary %+v, want %+v", got, wantG)
	}
	for i := range got {
		if got[i] != wantG[i] {
			t.Errorf("glossary entry %d: %+v, want %+v", i+1, got[i], wantG[i])
		}
	}
	// The paragraph a glossary entry points to holds the term.
	p := htmltest.One(t, page, "#d-bao-gao-p1")
	if !strings.Contains(htmltest.Text(t, p, ".pn"), "高质量发展") {
		t.Error("the first use link points at a paragraph without the term")
	}
}

func TestPacketSwitchesAndLinks(t *testing.T) {
	off := func(c *config.Config) {
		q1(c)
		c.Packets = append(c.Packets, config.Packet{Title: "学习笔记汇编", Slug: "bare", Slugs: []string{"bi-ji"},
			TOCSwitch: no(), GlossarySwitch: no(), QuestionsSwitch: no(), Notes: 3})
	}
	site := packetSite(t, off)
	plain := renderWith(t, "default", site, nil)
	bare := plain["packets/bare/index.html"]
	for _, sel := range []string{".packet-toc", ".packet-glossary", ".packet-questions"} {
		if len(htmltest.All(t, bare, sel)) != 0 {
			t.Errorf("switched off, yet %s is there", sel)
		}
	}
	if n := len(htmltest.All(t, bare, "#notes .notes-page")); n != 3 {
		t.Errorf("%d notes pages at the end, want 3", n)
	}
	if htmltest.Attr(htmltest.One(t, bare, "article.packet"), "data-paper") != "a4" {
		t.Error("paper defaults to a4")
	}
	// No PDF link unless the build knows a current PDF.
	if len(htmltest.All(t, plain["packets/q1/index.html"], "a.packet-pdf")) != 0 {
		t.Error("a PDF link without a PDF")
	}
	withPDF := renderWith(t, "default", site, map[string]bool{"q1": true})
	a := htmltest.One(t, withPDF["packets/q1/index.html"], "a.packet-pdf")
	if htmltest.Attr(a, "href") != "../q1.pdf" || !hasAttr(a, "download") {
		t.Errorf("PDF link %v", a.Attr)
	}
	if len(htmltest.All(t, withPDF["packets/bare/index.html"], "a.packet-pdf")) != 0 {
		t.Error("a PDF link on a packet without a PDF")
	}
	idx := withPDF["packets/index.html"]
	var listed []string
	for _, li := range htmltest.All(t, idx, ".packets-item") {
		listed = append(listed, htmltest.Text(t, li, ""))
	}
	if len(listed) != 2 || !strings.Contains(listed[0], "第一季度集中学习材料") || !strings.Contains(listed[0], "PDF") || strings.Contains(listed[1], "PDF") {
		t.Errorf("packets index lists %q", listed)
	}
	if htmltest.Attr(htmltest.All(t, idx, ".packets-item a.packet-pdf")[0], "href") != "../packets/q1.pdf" {
		t.Error("index PDF link is not relative to packets/index.html")
	}
	// The header links the packets index, relative to each page; a
	// document page names the packets that hold it.
	doc := plain["docs/bao-gao/index.html"]
	if h := htmltest.Attr(htmltest.One(t, doc, ".site-nav a:last-child"), "href"); h != "../../packets/index.html" {
		t.Errorf("header link %q", h)
	}
	if h := htmltest.Attr(htmltest.One(t, plain["index.html"], ".site-nav a:last-child"), "href"); h != "packets/index.html" {
		t.Errorf("home header link %q", h)
	}
	in := htmltest.One(t, doc, ".doc-packets a")
	if htmltest.Attr(in, "href") != "../../packets/q1/index.html" || htmltest.Text(t, in, "") != "第一季度集中学习材料" {
		t.Errorf("document page links %v", in.Attr)
	}
	if len(htmltest.All(t, plain["docs/bi-ji/index.html"], ".doc-packets a")) != 1 {
		t.Error("bi-ji is in one packet")
	}
}

func TestDefaultPacket(t *testing.T) {
	for _, tt := range []struct {
		name    string
		newest  int
		want    string // documents of 最新材料; "" for no packet
		headers int
	}{
		{"the newest of the site", 10, "支部学习笔记 政府工作报告 中共中央 国务院关于全面推进美丽中国建设的意见", 1},
		{"newest = 2", 2, "支部学习笔记 政府工作报告", 1},
		{"newest = 0: no packet, no link", 0, "", 0},
	} {
		t.Run(tt.name, func(t *testing.T) {
			n := tt.newest
			files := renderWith(t, "dangjian", packetSite(t, func(c *config.Config) { c.PacketSettings.Newest = &n }), nil)
			if got := len(htmltest.All(t, files["docs/bi-ji/index.html"], `.site-nav a[href$="packets/index.html"]`)); got != tt.headers {
				t.Errorf("%d header links to packets, want %d", got, tt.headers)
			}
			page := files["packets/zui-xin-cai-liao/index.html"]
			if tt.want == "" {
				if page != nil || files["packets/index.html"] != nil {
					t.Error("packet pages without packets")
				}
				return
			}
			if page == nil {
				t.Fatal("no default packet")
			}
			var titles []string
			for _, h := range htmltest.All(t, page, ".packet-doc .doc-title") {
				titles = append(titles, htmltest.Text(t, h, ""))
			}
			if strings.Join(titles, " ") != tt.want {
				t.Errorf("最新材料 holds %q, want %q", strings.Join(titles, " "), tt.want)
			}
		})
	}
}

func hasAttr(n *html.Node, key string) bool {
	for _, a := range n.Attr {
		if a.Key == key {
			return true
		}
	}
	return false
}

// TestCoverDate: a packet's date reads as the site's other dates do, and a
// date in words stays as written.
func TestCoverDate(t *testing.T) {
	for in, want := range map[string]string{"2023-12-15": "2023年12月15日", "2024.3.5": "2024年3月5日", "二〇二四年三月": "二〇二四年三月", "": ""} {
		if got := coverDate(in); got != want {
			t.Errorf("coverDate(%q) = %q, want %q", in, got, want)
		}
	}
}

// A packet page's meta description says how many documents it holds,
// after its subtitle when it has one.
func TestPacketPageDescription(t *testing.T) {
	tests := []struct {
		subtitle, want string
	}{
		{"", "2篇材料"},
		{"供党支部集中学习使用", "供党支部集中学习使用，2篇材料"},
	}
	for _, tt := range tests {
		t.Run(tt.want, func(t *testing.T) {
			page := renderWith(t, "default", packetSite(t, func(c *config.Config) {
				q1(c)
				c.Packets[0].Subtitle = tt.subtitle
			}), nil)["packets/q1/index.html"]
			if page == nil {
				t.Fatal("packets/q1/index.html not built")
			}
			if got := htmltest.Attr(htmltest.One(t, page, `meta[name="description"]`), "content"); got != tt.want {
				t.Errorf("description = %q, want %q", got, tt.want)
			}
		})
	}
}
