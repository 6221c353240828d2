package link

import (
	"strings"
	"testing"
	"time"

	"github.com/studysite/studysite/generator/config"
)

// branchLibrary is a branch's study library: a party-congress report, two
// 政府工作报告 of a series, an economic work conference, an undated study
// note and a draft, tagged the way branches tag them.
func branchLibrary() map[string]string {
	return map[string]string{
		"content/er-shi-da.md": doc("er-shi-da", "2022-10-16", "tags: [党的建设, 经济]\nquestions:\n  - 怎样理解中国式现代化的中国特色？\n",
			"\n## 一、过去五年的工作和新时代十年的伟大变革\n\n十年来，我们坚持高质量发展。\n\n## 二、新时代新征程中国共产党的使命任务\n\n以中国式现代化全面推进中华民族伟大复兴。\n"),
		"content/zheng-fu-2023.md": doc("zheng-fu-2023", "2023-03-05", "tags: [经济]\nseries: 政府工作报告\n",
			"\n## 一、过去一年和五年工作回顾\n\n推动高质量发展取得新成效。\n"),
		"content/zheng-fu-2024.md": doc("zheng-fu-2024", "2024-03-05", "tags: [经济, 民生]\nseries: 政府工作报告\n",
			"\n## 一、2023年工作回顾\n\n中国式现代化迈出坚实步伐。\n\n高质量发展扎实推进。\n"),
		"content/jing-ji-hui-yi.md": doc("jing-ji-hui-yi", "2023-12-11", "tags: [经济]\n",
			"\n会议指出，必须把坚持高质量发展作为新时代的硬道理。\n"),
		"content/zhi-bu-bi-ji.md": "---\ntitle: 支部学习笔记\nslug: zhi-bu-bi-ji\ntags: [党的建设]\n---\n\n学习体会：中国式现代化是人口规模巨大的现代化。\n",
		"content/cao-gao.md":      doc("cao-gao", "2024-04-01", "draft: true\ntags: [经济]\n", "\n尚未定稿。\n"),
	}
}

func day(s string) config.PacketDate {
	t, _ := time.Parse("2006-01-02", s)
	return config.PacketDate{Time: t}
}

func slugsOf(pk *Packet) string {
	var s []string
	for _, p := range pk.Pages {
		s = append(s, p.Slug())
	}
	return strings.Join(s, " ")
}

func TestPacketSelection(t *testing.T) {
	newest := func(n int) config.Packets { return config.Packets{Newest: &n} }
	tests := []struct {
		name     string
		packets  []config.Packet
		settings config.Packets
		want     []string // documents of each packet, in print order
		wantSlug []string
		warning  string
	}{
		{name: "slugs in the listed order",
			packets: []config.Packet{{Title: "第一次集中学习", Slugs: []string{"zheng-fu-2024", "er-shi-da", "zhi-bu-bi-ji"}}},
			want:    []string{"zheng-fu-2024 er-shi-da zhi-bu-bi-ji"}, wantSlug: []string{"di-yi-ci-ji-zhong-xue-xi"}},
		{name: "a tag, oldest first, drafts left out",
			packets: []config.Packet{{Title: "经济", Slug: "jj", Tag: "经济"}},
			want:    []string{"er-shi-da zheng-fu-2023 jing-ji-hui-yi zheng-fu-2024"}},
		{name: "tag, series and date range must all hold",
			packets: []config.Packet{{Title: "今年的报告", Tag: "经济", Series: "政府工作报告", From: day("2024-01-01")}},
			want:    []string{"zheng-fu-2024"}},
		{name: "the last day of the range is in; undated documents are out",
			packets: []config.Packet{{Title: "二〇二三年", From: day("2023-01-01"), To: day("2023-12-11")}},
			want:    []string{"zheng-fu-2023 jing-ji-hui-yi"}},
		{name: "order newest",
			packets: []config.Packet{{Title: "经济", Tag: "经济", Order: config.OrderNewest}},
			want:    []string{"zheng-fu-2024 jing-ji-hui-yi zheng-fu-2023 er-shi-da"}},
		{name: "without a condition every document, undated last",
			packets: []config.Packet{{Title: "全部"}},
			want:    []string{"er-shi-da zheng-fu-2023 jing-ji-hui-yi zheng-fu-2024 zhi-bu-bi-ji"}},
		{name: "default packet holds the 10 newest",
			want: []string{"zheng-fu-2024 jing-ji-hui-yi zheng-fu-2023 er-shi-da zhi-bu-bi-ji"}, wantSlug: []string{"zui-xin-cai-liao"}},
		{name: "default packet of the N newest", settings: newest(2),
			want: []string{"zheng-fu-2024 jing-ji-hui-yi"}},
		{name: "newest = 0: no default packet", settings: newest(0), want: nil},
		{name: "an empty selection warns",
			packets: []config.Packet{{Title: "民生", Tag: "民生", Series: "无此系列", Line: 12}},
			want:    []string{""}, warning: `studysite.toml:12: packet "min-sheng": selects no document`},
		{name: "two packets with one title get distinct slugs",
			packets: []config.Packet{{Title: "学习"}, {Title: "学习", Tag: "民生"}},
			want:    []string{"er-shi-da zheng-fu-2023 jing-ji-hui-yi zheng-fu-2024 zhi-bu-bi-ji", "zheng-fu-2024"}, wantSlug: []string{"xue-xi", "xue-xi-2"}},
		{name: "a title's slug steps past a configured one, -2, -3, -4",
			packets:  []config.Packet{{Title: "学习", Tag: "民生"}, {Title: "学习", Tag: "民生"}, {Title: "学习", Tag: "民生"}, {Title: "专题", Slug: "xue-xi-2", Tag: "民生"}},
			want:     []string{"zheng-fu-2024", "zheng-fu-2024", "zheng-fu-2024", "zheng-fu-2024"},
			wantSlug: []string{"xue-xi", "xue-xi-3", "xue-xi-4", "xue-xi-2"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cfg := config.Default()
			cfg.Packets, cfg.PacketSettings = tt.packets, tt.settings
			s := mustBuild(t, cfg, branchLibrary())
			if len(s.Packets) != len(tt.want) {
				t.Fatalf("%d packets, want %d", len(s.Packets), len(tt.want))
			}
			for i, pk := range s.Packets {
				if got := slugsOf(pk); got != tt.want[i] {
					t.Errorf("packet %d holds %q, want %q", i+1, got, tt.want[i])
				}
				if i < len(tt.wantSlug) && pk.Slug != tt.wantSlug[i] {
					t.Errorf("packet %d slug %q, want %q", i+1, pk.Slug, tt.wantSlug[i])
				}
			}
			warned := strings.Join(s.Warnings, "\n")
			if tt.warning != "" && !strings.Contains(warned, tt.warning) {
				t.Errorf("warnings %q, want %q", warned, tt.warning)
			}
			if tt.warning == "" && strings.Contains(warned, "selects no document") {
				t.Errorf("unexpected warning %q", warned)
			}
		})
	}
}

func TestPacketUnknownSlug(t *testing.T) {
	tests := []struct{ name, slug, want string }{
		{"a slug no document has", "er-shi-er-da", `studysite.toml:7: packet "q1": no document has the slug "er-shi-er-da"`},
		{"a draft is not published", "cao-gao", `no document has the slug "cao-gao"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cfg := config.Default()
			cfg.Packets = []config.Packet{{Title: "一季度", Slug: "q1", Line: 7, Slugs: []string{"er-shi-da", tt.slug}}}
			_, err := buildSite(t, cfg, branchLibrary())
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("error %v, want %q", err, tt.want)
			}
		})
	}
}

func TestPacketGlossaryFirstUse(t *testing.T) {
	cfg := glossaryConfig("高质量发展", "中国式现代化", "人民城市")
	// Print order puts the 2024 report first: its first mention counts,
	// though the site's first use is in the 2022 report.
	cfg.Packets = []config.Packet{{Title: "甲", Slug: "a", Slugs: []string{"zheng-fu-2024", "er-shi-da"}}}
	s := mustBuild(t, cfg, branchLibrary())
	pk := s.Packets[0]
	var got []string
	for _, pt := range pk.Terms {
		got = append(got, pt.Term.Name+"@"+pt.First.Page.Slug()+"#"+pt.First.Para().ID)
	}
	// Pinyin order: gao before zhong; 人民城市 occurs nowhere.
	want := "高质量发展@zheng-fu-2024#p2 中国式现代化@zheng-fu-2024#p1"
	if strings.Join(got, " ") != want {
		t.Errorf("glossary %q, want %q", strings.Join(got, " "), want)
	}
	held := s.PacketsOf(s.Page("er-shi-da"))
	if len(held) != 1 || held[0].Slug != "a" {
		t.Errorf("er-shi-da is in %v, want packet a", held)
	}
	if len(s.PacketsOf(s.Page("jing-ji-hui-yi"))) != 0 {
		t.Error("jing-ji-hui-yi is in no packet")
	}
}

// A packet's glossary points at the first use in print order: the first
// document of the packet using the term, at its first mention there — also
// when that document mentions it again later in the same paragraph, or at
// a smaller offset of a later paragraph.
func TestPacketGlossaryFirstMentionInItsDocument(t *testing.T) {
	const term = "高质量发展"
	texts := map[string]string{
		"content/hui-yi.md": doc("hui-yi", "2023-12-11", "",
			"\n## 一、今年经济工作\n\n会议认为，今年以来我们坚持"+term+"，又以"+term+"为首要任务，"+term+"取得新成效。\n\n"+term+"是新时代的硬道理。（掌声）\n"),
		"content/bao-gao.md": doc("bao-gao", "2024-03-05", "", "\n## 一、回顾\n\n推动"+term+"。\n"),
	}
	cfg := glossaryConfig(term)
	cfg.Packets = []config.Packet{{Title: "甲", Slug: "a", Slugs: []string{"hui-yi", "bao-gao"}}}
	s := mustBuild(t, cfg, texts)
	pk := s.Packets[0]
	if len(pk.Terms) != 1 {
		t.Fatalf("packet glossary = %+v, want %s", pk.Terms, term)
	}
	// The first mention, found plainly: the packet's first document, its
	// first paragraph holding the term, the first offset there.
	first := pk.Pages[0]
	wantPara, wantStart := -1, -1
	for i, p := range first.Paragraphs {
		if j := strings.Index(p.Text, term); j >= 0 {
			wantPara, wantStart = i, j
			break
		}
	}
	got := pk.Terms[0].First
	if got.Page != first || got.Paragraph != wantPara || got.Start != wantStart {
		t.Errorf("first use = %s paragraph %d at %d, want %s paragraph %d at %d", got.Page.Slug(), got.Paragraph, got.Start, first.Slug(), wantPara, wantStart)
	}
}
