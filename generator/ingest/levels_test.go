package ingest

import (
	"math/rand/v2"
	"os"
	"path/filepath"
	"testing"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"
)

// renderedHeadingLevels are the levels of the headings goldmark reads in a
// Markdown body, in order.
func renderedHeadingLevels(body string) []int {
	src := []byte(body)
	var levels []int
	doc := goldmark.New().Parser().Parse(text.NewReader(src))
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if h, ok := n.(*ast.Heading); ok && entering {
			levels = append(levels, h.Level)
		}
		return ast.WalkContinue, nil
	})
	return levels
}

// levelSkip finds the first heading whose level is more than one below the
// heading before it, or a first heading that is not ##: ok is false and at
// is its index.
func levelSkip(levels []int) (at int, ok bool) {
	prev := 1 // the title, which the page renders as <h1>
	for i, l := range levels {
		if l > prev+1 || (i == 0 && l != 2) {
			return i, false
		}
		prev = l
	}
	return 0, true
}

// TestHeadingLevelsNeverSkip: in every fixture and in many random
// transcripts the body's first heading is ## and no heading is more than
// one level below the heading before it (the Nu HTML checker reports a
// skipped level as an error).
func TestHeadingLevelsNeverSkip(t *testing.T) {
	check := func(t *testing.T, name, body string) {
		t.Helper()
		levels := renderedHeadingLevels(body)
		if i, ok := levelSkip(levels); !ok {
			t.Errorf("%s: heading %d has level %d after %v", name, i+1, levels[i], levels[:i])
		}
	}
	for _, f := range fixtures() {
		var src string
		if f.source != "" {
			b, err := os.ReadFile(filepath.Join("testdata", f.source))
			if err != nil {
				t.Fatal(err)
			}
			src = string(b)
		}
		res, err := Import(f.as, f.make(t, src), "", f.opt)
		if err != nil {
			t.Fatalf("%s: %v", f.name, err)
		}
		check(t, f.name, res.Body)
	}
	r := rand.New(rand.NewPCG(3, 4))
	for i := 0; i < 1000; i++ {
		in := randomTranscript(r)
		res, err := Import("seeds/x.txt", []byte(in), "", Options{})
		if err != nil {
			continue
		}
		check(t, in, res.Body)
		if t.Failed() {
			return
		}
	}
}

// A Word file whose headings skip a style (heading 1, then heading 3) gets
// levels without a gap too.
func TestDocxHeadingsNest(t *testing.T) {
	data := buildDocx(t, []testPara{
		{Style: "a3", Text: "学习笔记"},
		{Style: "1", Text: "学习内容"},
		{Style: "3", Text: "原文摘抄"},
		{Text: "正文。"},
		{Style: "1", Text: "心得体会"},
	}, map[string]string{"a3": "Title", "1": "heading 1", "3": "heading 3"})
	res, err := Import("seeds/x.docx", data, "", Options{})
	if err != nil {
		t.Fatal(err)
	}
	if got, want := outline(res.Doc), "h2 学习内容\nh3 原文摘抄\np 正文。\nh2 心得体会\n"; got != want {
		t.Errorf("got\n%swant\n%s", got, want)
	}
}

func TestLevelSkip(t *testing.T) {
	cases := []struct {
		levels []int
		ok     bool
	}{
		{nil, true}, {[]int{2, 3, 4, 2, 3}, true}, {[]int{2, 3, 3, 2}, true},
		{[]int{2, 5, 6}, false}, {[]int{3}, false}, {[]int{2, 3, 2, 4}, false},
	}
	for _, c := range cases {
		if _, ok := levelSkip(c.levels); ok != c.ok {
			t.Errorf("levelSkip(%v) ok = %v, want %v", c.levels, ok, c.ok)
		}
	}
}
