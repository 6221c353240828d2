package link

import (
	"fmt"
	"sort"
	"strings"
	"testing"

	"github.com/studysite/studysite/generator/config"
)

// Two documents of one day with one slug: the error is at the slug line of
// the file that comes later in content order and names the earlier one.
func TestDuplicateSlugOfOneDayNamesBothFiles(t *testing.T) {
	tests := []struct {
		name, date string
	}{
		{"dated", "2024-03-05"},
		{"undated", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			text := func(title string) string {
				fm := "---\ntitle: " + title + "\nslug: zheng-fu-gong-zuo-bao-gao\n"
				if tt.date != "" {
					fm += "date: \"" + tt.date + "\"\n"
				}
				return fm + "---\n\n政府工作报告正文。\n"
			}
			_, err := buildSite(t, config.Default(), map[string]string{
				"content/a-report.md": text("政府工作报告"),
				"content/b-report.md": text("政府工作报告（修订）"),
			})
			want := `content/b-report.md:3: slug "zheng-fu-gong-zuo-bao-gao" is already used by content/a-report.md`
			if err == nil || !strings.HasPrefix(err.Error(), want) {
				t.Fatalf("err = %v\nwant %s", err, want)
			}
		})
	}
}

// A document's terms list how often each is used, most frequent first,
// equal counts in pinyin order.
func TestDocTermsCountsAndOrder(t *testing.T) {
	// name → its pinyin, which orders equal counts
	glossary := map[string]string{"人民城市": "ren min cheng shi", "枫桥经验": "feng qiao jing yan", "一带一路": "yi dai yi lu", "中心": "zhong xin", "高质量发展": "gao zhi liang fa zhan"}
	body := "\n## 一、人民城市人民建\n\n人民城市人民建，人民城市为人民。坚持和发展新时代枫桥经验。（掌声）\n\n" +
		"## 二、开放\n\n共建一带一路，建设国际经济中心。枫桥经验要推广，人民城市要建好。\n\n高质量发展是首要任务。\n"
	var names []string
	for n := range glossary {
		names = append(names, n)
	}
	s := mustBuild(t, glossaryConfig(names...), map[string]string{"content/a.md": doc("a", "2024-03-05", "", body)})
	p := s.Pages[0]
	count := map[string]int{}
	for _, para := range p.Paragraphs {
		for _, n := range names {
			count[n] += strings.Count(para.Text, n)
		}
	}
	sort.Slice(names, func(i, j int) bool {
		if count[names[i]] != count[names[j]] {
			return count[names[i]] > count[names[j]]
		}
		return glossary[names[i]] < glossary[names[j]]
	})
	var want, got []string
	for _, n := range names {
		want = append(want, fmt.Sprintf("%s×%d", n, count[n]))
	}
	for _, tc := range s.DocTerms(p) {
		got = append(got, fmt.Sprintf("%s×%d", tc.Term.Name, tc.Count))
	}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("terms of the document = %q\nwant %q", got, want)
	}
	for _, term := range s.Terms {
		if term.Documents != 1 {
			t.Errorf("%s is in %d documents, want 1", term.Name, term.Documents)
		}
	}
}

// Broken links on one line are listed in the order they are written.
func TestBrokenLinksOnOneLineInTextOrder(t *testing.T) {
	_, err := buildSite(t, config.Default(), map[string]string{
		"content/a.md": doc("a", "2024-03-05", "", "\n学习[[er-shi-da]]、[[zheng-fu]]和[原文](san-zhong.md)。\n"),
	})
	if err == nil {
		t.Fatal("no error")
	}
	var order []string
	for _, line := range strings.Split(err.Error(), "\n") {
		for _, l := range []string{"er-shi-da", "zheng-fu", "san-zhong.md"} {
			if strings.Contains(line, l) {
				order = append(order, l)
			}
		}
	}
	if want := "er-shi-da zheng-fu san-zhong.md"; strings.Join(order, " ") != want {
		t.Errorf("error lists %q, want %q:\n%v", order, want, err)
	}
}
