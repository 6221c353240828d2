package search

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/studysite/studysite/generator/content"
	"github.com/studysite/studysite/generator/frontmatter"
	"github.com/studysite/studysite/generator/link"
)

// TestSuggestionsWithinMaxVocab: a library with more headings than the
// suggestion list holds publishes MaxVocab suggestions, the glossary's
// terms and aliases first, then every front matter term, then headings
// without their numbers; none twice.
func TestSuggestionsWithinMaxVocab(t *testing.T) {
	numbers := []string{"一", "二", "三", "四", "五", "六", "七", "八", "九", "十"}
	var pages []*content.Page
	headings := map[string]bool{}
	for d := range 3 {
		p := &content.Page{File: fmt.Sprintf("content/report-%d.md", d),
			Meta: frontmatter.FrontMatter{Title: fmt.Sprintf("%d年政府工作报告", 2021+d), Slug: fmt.Sprintf("report-%d", d),
				Terms: []string{"五个中心", fmt.Sprintf("第%d个五年规划", 14+d)}},
			Date: time.Date(2021+d, 1, 20, 0, 0, 0, 0, time.UTC)}
		for h := range 1000 {
			text := fmt.Sprintf("推进第%d批%d项重点工程建设", d+1, h+1)
			// one heading in three repeats another document's
			if h%3 == 0 {
				text = fmt.Sprintf("推进第%d批%d项重点工程建设", 1, h+1)
			}
			headings[text] = true
			p.Headings = append(p.Headings, content.Heading{Level: 2, ID: fmt.Sprintf("s%d", h+1), Text: numbers[h%10] + "、" + text})
			p.Paragraphs = append(p.Paragraphs, content.Paragraph{N: h + 1, ID: fmt.Sprintf("p%d", h+1), Text: "加快建设。", Section: fmt.Sprintf("s%d", h+1)})
		}
		pages = append([]*content.Page{p}, pages...)
	}
	glossary := []*link.Term{{Name: "人民城市", Aliases: []string{"人民城市人民建"}}, {Name: "长三角一体化", Aliases: []string{"长三角"}}, {Name: "五个中心"}}
	files, _, err := Build(context.Background(), &link.Site{Pages: pages, Terms: glossary})
	if err != nil {
		t.Fatal(err)
	}
	var vocab []string
	readPublished(t, files).json("vocab", &vocab)
	if len(vocab) != MaxVocab {
		t.Fatalf("%d suggestions, want MaxVocab (%d) of the %d headings and terms", len(vocab), MaxVocab, len(headings)+len(glossary)+5)
	}
	want := []string{"人民城市", "人民城市人民建", "长三角一体化", "长三角"}
	if !slices.Equal(vocab[:len(want)+1], append(want, "五个中心")) {
		t.Errorf("suggestions start %q, want the glossary's terms and aliases %q", vocab[:len(want)+1], want)
	}
	for _, term := range []string{"第14个五年规划", "第15个五年规划", "第16个五年规划"} {
		if !slices.Contains(vocab[:len(want)+4], term) {
			t.Errorf("front matter term %q is not among the first suggestions %q", term, vocab[:len(want)+4])
		}
	}
	seen := map[string]bool{}
	for i, w := range vocab {
		if seen[w] {
			t.Errorf("suggestion %d %q twice", i, w)
		}
		seen[w] = true
		if i >= len(want)+4 && !headings[w] {
			t.Errorf("suggestion %d %q is no heading without its number", i, w)
		}
		for _, n := range numbers {
			if strings.HasPrefix(w, n+"、") {
				t.Errorf("suggestion %d %q keeps its number", i, w)
			}
		}
	}
}
