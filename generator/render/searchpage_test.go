package render

import (
	"fmt"
	"maps"
	"slices"
	"strings"
	"testing"

	"github.com/studysite/studysite/generator/config"
	"github.com/studysite/studysite/internal/htmltest"
)

// TestSearchPageFiltersAndWaysIn: the search page's filters offer every
// tag and series of the documents (sorted, each once, none empty) and
// every year (newest first); its ways in, for readers without JavaScript,
// lead only to pages that exist: the archive with its count when there
// are documents, each year, the terms index when there are terms.
func TestSearchPageFiltersAndWaysIn(t *testing.T) {
	tests := []struct {
		name     string
		glossary []string
		docs     []string
	}{
		{"empty library", nil, nil},
		{"no terms, no series", nil, []string{
			"title: 政府工作报告\nslug: a\ndate: 2023-03-05\ntags: [经济, 民生]",
			"title: 传达稿\nslug: b\ndate: 2021-07-01\ntags: [党建]",
		}},
		{"series and terms", []string{"一段"}, []string{
			"title: 在全市干部大会上的讲话\nslug: a\ndate: 2024-01-10\ntags: [党建]\nseries: 专题学习",
			"title: 学习体会\nslug: b\ndate: 2022-05-01\nseries: 读书班",
			"title: 会议纪要\nslug: c\ndate: 2024-06-01\nseries: 专题学习\ntags: [作风建设, 党建]",
			"title: 无日期的传达稿\nslug: d",
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cfg := config.Default()
			for _, g := range tt.glossary {
				cfg.Glossary = append(cfg.Glossary, config.GlossaryEntry{Term: g})
			}
			site := testSite(t, cfg, tt.docs...)
			files := renderAll(t, "default", site)
			page := htmltest.Parse(t, []byte(files["search/index.html"]))

			var wantFilters []string
			tags, series, years := map[string]bool{}, map[string]bool{}, map[int]bool{}
			for _, p := range site.Pages {
				for _, tag := range p.Meta.Tags {
					tags[tag] = true
				}
				if s := p.Meta.Series; s != "" {
					series[s] = true
				}
				if !p.Date.IsZero() {
					years[p.Date.Year()] = true
				}
			}
			for _, tag := range slices.Sorted(maps.Keys(tags)) {
				wantFilters = append(wantFilters, "标签："+tag)
			}
			for _, s := range slices.Sorted(maps.Keys(series)) {
				wantFilters = append(wantFilters, "系列："+s)
			}
			var gotFilters []string
			for _, o := range htmltest.All(t, page, ".sr-filter-tag option") {
				if htmltest.Attr(o, "value") != "" {
					gotFilters = append(gotFilters, htmltest.TextOf(o))
				}
			}
			if strings.Join(gotFilters, ",") != strings.Join(wantFilters, ",") {
				t.Errorf("tag and series filters %q, want %q", gotFilters, wantFilters)
			}
			var wantYears []string
			for y := 2100; y >= 1900; y-- {
				if years[y] {
					wantYears = append(wantYears, fmt.Sprintf("%d年", y))
				}
			}
			var gotYears []string
			for _, o := range htmltest.All(t, page, ".sr-filter-year option") {
				if htmltest.Attr(o, "value") != "" {
					gotYears = append(gotYears, htmltest.TextOf(o))
				}
			}
			if strings.Join(gotYears, ",") != strings.Join(wantYears, ",") {
				t.Errorf("year filter %q, want %q", gotYears, wantYears)
			}

			ways := map[string]bool{}
			for _, a := range htmltest.All(t, page, ".search-all a") {
				text := htmltest.TextOf(a)
				ways[text] = true
				if _, ok := files[resolve("search/index.html", htmltest.Attr(a, "href"))]; !ok {
					t.Errorf("way in %q leads to %q, not a page", text, htmltest.Attr(a, "href"))
				}
			}
			archive := fmt.Sprintf("全部文档（%d 篇，按日期）", len(tt.docs))
			if ways[archive] != (len(tt.docs) > 0) {
				t.Errorf("ways in %v: %q shown %v with %d documents", ways, archive, ways[archive], len(tt.docs))
			}
			for y := range years {
				if !ways[fmt.Sprintf("%d年", y)] {
					t.Errorf("ways in %v lack the year %d", ways, y)
				}
			}
			if ways["提法"] != (len(site.Terms) > 0) {
				t.Errorf("ways in %v: 提法 shown %v with %d terms", ways, ways["提法"], len(site.Terms))
			}
			if len(tt.glossary) > 0 && len(site.Terms) == 0 {
				t.Fatal("the glossary's term is in no document: the case tests nothing")
			}
		})
	}
}
