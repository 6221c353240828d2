package search

import (
	"context"
	"fmt"
	"slices"
	"testing"

	"github.com/studysite/studysite/generator/config"
	"github.com/studysite/studysite/generator/content"
	"github.com/studysite/studysite/generator/link"
)

// noticeDoc is a short notice without terms: a paragraph before the
// first heading, and headings that go back up a level.
const noticeDoc = `---
title: 关于做好学习贯彻工作的通知
slug: tong-zhi
date: "2024-03-05"
---

各单位：

## 一、学习安排

### （一）集中学习

各支部集中学习一次。

### （二）专题研讨

围绕人民城市理念开展研讨。

## 二、工作要求

按时报送学习情况。
`

// TestPublishedEntries: the snippets search.js shows come from t/ rows of
// [anchor, heading path, text]: the title, each heading under the path of
// the headings above it, the front matter terms (only when there are
// any), then each paragraph under the path of its section. Written out by
// hand for a report with sub-headings and a notice without terms.
func TestPublishedEntries(t *testing.T) {
	var pages []*content.Page
	for _, d := range []struct{ file, text string }{{"content/report.md", reportDoc}, {"content/notice.md", noticeDoc}} {
		p, err := content.Parse(d.file, []byte(d.text))
		if err != nil {
			t.Fatal(err)
		}
		pages = append(pages, p)
	}
	site, err := link.Build(config.Config{}, pages)
	if err != nil {
		t.Fatal(err)
	}
	files, _, err := Build(context.Background(), site)
	if err != nil {
		t.Fatal(err)
	}
	p := readPublished(t, files)
	const (
		one   = "一、过去一年工作回顾"
		tech  = one + " › （一）科技创新"
		study = "一、学习安排"
	)
	for d, want := range [][][]string{
		{ // the report, the older document
			{"", "", "2023年长三角地区合作与发展工作报告"},
			{"s1", "", one},
			{"s1-1", one, "（一）科技创新"},
			{"s1-1-1", tech, "1.科创走廊"},
			{"s1-2", one, "（二）生态绿色"},
			{"s2", "", "二、2024年工作安排"},
			{"", "", "长三角一体化、五个中心"},
			{"p1", one, "2023年12月1日，长三角三省一市在上海召开座谈会，总结一体化发展成果。（掌声）"},
			{"p2", tech, "长三角G60科创走廊集聚高新技术企业超过4万家，5G网络覆盖所有县城。"},
			{"p3", tech + " › 1.科创走廊", "G60科创走廊九城市协同推进科技创新，5G网络建设提速。"},
			{"p4", one + " › （二）生态绿色", "11月28日至29日下午，长三角生态绿色一体化发展示范区执委会召开第3次全体会议。"},
			{"p5", "二、2024年工作安排", "坚持“十四五”规划确定的目标，推动长三角在科技创新上率先突破。"},
		},
		{ // the notice
			{"", "", "关于做好学习贯彻工作的通知"},
			{"s1", "", study},
			{"s1-1", study, "（一）集中学习"},
			{"s1-2", study, "（二）专题研讨"},
			{"s2", "", "二、工作要求"},
			{"p1", "", "各单位："},
			{"p2", study + " › （一）集中学习", "各支部集中学习一次。"},
			{"p3", study + " › （二）专题研讨", "围绕人民城市理念开展研讨。"},
			{"p4", "二、工作要求", "按时报送学习情况。"},
		},
	} {
		var got [][]string
		p.json(fmt.Sprintf("t/%d-0", d), &got)
		if !slices.EqualFunc(got, want, slices.Equal) {
			t.Errorf("document %d: t/%d-0 holds\n%q\nwant\n%q", d, d, got, want)
		}
	}
}
