package search

import (
	"fmt"
	"reflect"
	"testing"
	"time"

	"github.com/studysite/studysite/generator/content"
	"github.com/studysite/studysite/generator/frontmatter"
)

// TestSearchTies: a document whose title holds the term comes first,
// then one whose heading does (a heading before its paragraphs);
// where the ranking's weights tie, results come newest
// document first, and a document's hits in reading order; a paragraph's
// hits count by how often it holds the term, the first paragraph's too.
func TestSearchTies(t *testing.T) {
	page := func(slug string, year int, paras ...string) *content.Page {
		p := &content.Page{File: "content/" + slug + ".md", Meta: frontmatter.FrontMatter{Title: fmt.Sprintf("%d年工作报告", year), Slug: slug},
			Date: time.Date(year, 1, 20, 0, 0, 0, 0, time.UTC)}
		for k, text := range paras {
			p.Paragraphs = append(p.Paragraphs, content.Paragraph{N: k + 1, ID: fmt.Sprintf("p%d", k+1), Text: text})
		}
		return p
	}
	titled := func(p *content.Page, title string) *content.Page { p.Meta.Title = title; return p }
	headed := func(p *content.Page, heading string) *content.Page {
		p.Headings = []content.Heading{{Level: 2, ID: "s1", Text: heading}}
		return p
	}
	ix := NewIndex([]*content.Page{ // newest first, as the site orders them
		page("bao-gao-2024", 2024, "推动长三角一体化发展。", "加快建设现代化产业体系。", "长三角生态绿色一体化发展示范区建设提速。"),
		page("bao-gao-2023", 2023, "深化长三角一体化。", "长三角三省一市协同推进长三角一体化。"),
		headed(page("bao-gao-2022", 2022, "长三角一体化发展取得新成效。"), "一、长三角一体化"),
		titled(page("bao-gao-2021", 2021, "推进区域协调发展。"), "2021年长三角地区合作与发展工作报告"),
	})
	// a title holding the term ranks its document first, however old;
	// entry 0 is the title: paragraph p1 is entry 1; a paragraph holding
	// the term twice comes before one holding it once
	want := []string{"bao-gao-2021 0×1", "bao-gao-2022 1×1 2×1", "bao-gao-2024 1×1 3×1", "bao-gao-2023 2×2 1×1"}
	// Search gathers documents from a map: the same order every time
	for range 10 {
		var got []string
		for _, r := range ix.Search("长三角") {
			s := ix.Docs[r.Doc].Slug
			for _, h := range r.Hits {
				s += fmt.Sprintf(" %d×%d", h.Entry, h.Count)
			}
			got = append(got, s)
		}
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("Search(长三角) = %q, want %q", got, want)
		}
	}
}
