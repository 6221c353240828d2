package link

import (
	"errors"
	"strings"
	"testing"

	"github.com/studysite/studysite/generator/config"
	"github.com/studysite/studysite/generator/content"
)

// FuzzCrossLink feeds any document body to the link stage next to a
// target document: it must never panic, every failure must be a broken
// link naming the file and a line inside it, and every occurrence must
// point at its wording inside its paragraph.
func FuzzCrossLink(f *testing.F) {
	for _, s := range []string{
		"见[[t#p1]]和[[t|标签]]，人民城市。",
		"[[", "[[]]", "[[#]]", "[[t#]]", "[[|]]", "[[ t # p1 | x ]]",
		"[a](t.md#一、甲)", "[a](../t.md)", "[a](%zz.md)", "[a](#p9)",
		"**人民[[t]]城市**", "`[[x]]` \\[\\[x]]", "- [[t#s1]]\n- 人民城市",
		"> 引用[[t#p2]]中国式现代化\n\n| a | b |\n|---|---|\n| [[t]] | 人民城市 |",
	} {
		f.Add(s)
	}
	target := "---\ntitle: 目标\nslug: t\n---\n\n## 一、甲\n\n第一段人民城市。\n\n第二段。\n"
	f.Fuzz(func(t *testing.T, body string) {
		from, err := content.Parse("content/f.md", []byte("---\ntitle: 来源\nslug: f\n---\n"+body))
		if err != nil {
			return
		}
		tp, err := content.Parse("content/t.md", []byte(target))
		if err != nil {
			t.Fatal(err)
		}
		cfg := glossaryConfig("人民城市", "中国式现代化", "现代化")
		cfg.TermLinks = config.TermLinksAll
		lines := strings.Count(body, "\n") + 5
		s, err := Build(cfg, []*content.Page{from, tp})
		if err != nil {
			var p Problem
			if !errors.As(err, &p) || p.File != "content/f.md" || p.Line < 5 || p.Line > lines {
				t.Fatalf("error %q is not a broken link in content/f.md lines 5–%d", err, lines)
			}
			return
		}
		for _, term := range s.Terms {
			for _, o := range term.Occurrences {
				if o.Para().Text[o.Start:o.End] != o.Form {
					t.Fatalf("occurrence %+v does not point at its wording", o)
				}
			}
		}
		// A term link covers part of a wording, inside its text node, in
		// text order.
		for node, ms := range s.Resolution(from).Terms {
			last := node.Segment.Start
			for _, m := range ms {
				if m.Start < last || m.Stop <= m.Start || m.Stop > node.Segment.Stop {
					t.Fatalf("term link %+v outside its text node %v or out of order", m, node.Segment)
				}
				if part := string(from.Body[m.Start:m.Stop]); !strings.Contains("人民城市 中国式现代化", part) {
					t.Fatalf("term link over %q, not part of a wording", part)
				}
				last = m.Stop
			}
		}
	})
}
