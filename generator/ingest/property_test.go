package ingest

import (
	"math/rand/v2"
	"strings"
	"testing"
)

// pieces that transcripts are made of, including the awkward ones: page
// numbers, running heads, Markdown's special characters, Latin words,
// spaces PDF extraction leaves, numbered lines mid-sentence.
var pieces = []string{
	"习近平总书记强调，", "要坚持稳中求进工作总基调。", "推动高质量发展", "“五个中心”", "一、总体要求", "（一）坚持党的领导。全面贯彻落实。",
	"1. 加强组织", "（1）细化措施", "第一部分 工作回顾", "第三节 任务", "二十一、", "一是", "——强化责任；", "同志们：",
	"- 3 -", "第 2 页", "3/12", "12", "党课讲稿", "（传达稿）", "（2023年12月1日）", "Belt and Road", "30 日", "我们， 要",
	"*强调*", "_下划线_", "# 井号", "> 引用", "1) 列表", "+ 加号", "| 表格 | 列 |", "---", "===", "<b>标签</b>", "&amp;", "\\反斜杠",
	"`代码`", "[链接](http://x)", "![图](x.png)", "~~删除~~", "  ", "\t", "　　", "。", "，", "”", "）", "", "GDP增长5.2%", "http://example.com",
	"思路 and 模式", "(half)", "a,b", "…", "！", "？", "《纲要》", "【注】",
}

// randomTranscript strings pieces into lines, blank lines and page breaks.
func randomTranscript(r *rand.Rand) string {
	var b strings.Builder
	lines := 1 + r.IntN(40)
	for i := 0; i < lines; i++ {
		for k := r.IntN(5); k >= 0; k-- {
			b.WriteString(pieces[r.IntN(len(pieces))])
		}
		switch r.IntN(6) {
		case 0:
			b.WriteString("\n\n")
		case 1:
			b.WriteString("\r\n")
		case 2:
			b.WriteString("\n- " + string(rune('1'+r.IntN(9))) + " -\n")
		default:
			b.WriteString("\n")
		}
	}
	return b.String()
}

// TestFidelityProperty: for many random transcripts, the body renders to
// exactly the input's text minus the lines the report lists. A refused
// input proves nothing, so the share of refused ones is bounded: a change
// that refused more would otherwise pass by checking less.
func TestFidelityProperty(t *testing.T) {
	const n, maxRefused = 2000, 20 // 1%; none is today
	r := rand.New(rand.NewPCG(1, 2))
	refused := 0
	for i := 0; i < n; i++ {
		in := randomTranscript(r)
		if !assertFaithful(t, []byte(in)) {
			refused++
		}
		if t.Failed() {
			t.Fatalf("input %d:\n%q", i, in)
		}
	}
	t.Logf("%d of %d inputs refused", refused, n)
	if refused > maxRefused {
		t.Errorf("%d of %d random transcripts refused, more than %d", refused, n, maxRefused)
	}
}

// assertFaithful checks one input; it gives false when Import refused it
// (nothing written, nothing to compare).
func assertFaithful(t *testing.T, data []byte) bool {
	t.Helper()
	res, err := Import("seeds/x.txt", data, "", Options{})
	if err != nil {
		return false
	}
	decoded, _, err := Decode(data, "")
	if err != nil {
		t.Fatalf("Import accepted what Decode refuses: %v", err)
	}
	checkFidelity(t, textLines(decoded), res)
	if _, err := res.Markdown(); err != nil {
		t.Fatalf("Markdown: %v", err)
	}
	return true
}

// FuzzImport: import never panics, and what it accepts it renders faithfully.
// The seed corpus is testdata/fuzz/FuzzImport plus the fixtures.
func FuzzImport(f *testing.F) {
	for _, fx := range fixtures() {
		if fx.source != "" && fx.as[len(fx.as)-4:] == ".txt" {
			f.Add(fx.make(f, mustRead(f, "testdata/"+fx.source)))
		}
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		assertFaithful(t, data)
		_, _ = Import("seeds/x.docx", data, "", Options{}) // must not panic
		_, _ = Import("seeds/x.md", data, "", Options{})
	})
}
