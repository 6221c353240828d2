package main

import (
	"bytes"
	"context"
	"io/fs"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/spf13/afero"

	"github.com/studysite/studysite/generator/site"
	"github.com/studysite/studysite/internal/sitetest"
)

// summaryFigures are what the summary line says, or what the output
// folder holds.
type summaryFigures struct {
	documents, pages, terms, searchFiles, warnings int
	bytes                                          int64
}

// summaryPatterns read the line back, one per language.
var summaryPatterns = map[lang]*regexp.Regexp{
	langEN: regexp.MustCompile(`^built ([\d,]+) documents?: ([\d,]+) pages?, ([\d,]+) terms?, ([\d,]+) search files?, ([\d.]+) (B|kB|MB|GB) into (\S+) in (\S+?)(?: \(([\d,]+) warnings?\))?$`),
	langZH: regexp.MustCompile(`^已构建 (\d+) 篇文档：(\d+) 个页面、(\d+) 个提法、(\d+) 个搜索文件，共 ([\d.]+) (B|kB|MB|GB)，输出到 (\S+)，用时 (\S+?)(?:（(\d+) 条注意）)?$`),
}

func parseSummary(t *testing.T, l lang, line string) (got summaryFigures, size float64, unit, dest string) {
	t.Helper()
	m := summaryPatterns[l].FindStringSubmatch(line)
	if m == nil {
		t.Fatalf("summary %q does not read as a %v summary", line, l)
	}
	num := func(s string) int {
		if s == "" {
			return 0
		}
		n, err := strconv.Atoi(strings.ReplaceAll(s, ",", ""))
		if err != nil {
			t.Fatalf("%q in %q: %v", s, line, err)
		}
		return n
	}
	got = summaryFigures{documents: num(m[1]), pages: num(m[2]), terms: num(m[3]), searchFiles: num(m[4]), warnings: num(m[9])}
	size, err := strconv.ParseFloat(m[5], 64)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := time.ParseDuration(m[8]); err != nil {
		t.Errorf("time %q in %q: %v", m[8], line, err)
	}
	return got, size, m[6], m[7]
}

// observed counts the output folder and the log: the figures a clerk
// could count by hand, without the build's own counters.
func observed(t *testing.T, fsys afero.Fs, dest string, log string, documents int) summaryFigures {
	t.Helper()
	o := summaryFigures{documents: documents, warnings: strings.Count(log, "warning: ")}
	err := afero.Walk(fsys, dest, func(p string, info fs.FileInfo, err error) error {
		if err != nil || info.IsDir() {
			return err
		}
		rel := strings.TrimPrefix(p, dest+"/")
		o.bytes += info.Size()
		switch {
		case strings.HasSuffix(rel, ".html"):
			o.pages++
			if parts := strings.Split(rel, "/"); len(parts) == 3 && parts[0] == "terms" {
				o.terms++ // terms/<term>/index.html
			}
		case strings.HasPrefix(rel, "search/"):
			o.searchFiles++
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return o
}

func TestSummaryLine(t *testing.T) {
	const oneDoc = "---\ntitle: 一篇\ndate: 2024-01-02\n---\n\n## 一\n\n正文。\n"
	tests := []struct {
		name      string
		site      sitetest.Site
		documents int
	}{
		{"the repository's site", sitetest.Site{RepoContent: true, RepoConfig: true}, -1},
		{"one document, one warning", sitetest.Site{Config: "title = \"x\"\nnot_a_setting = 1\n",
			Files: map[string]string{"content/one.md": oneDoc}}, 1},
		{"two documents, two warnings", sitetest.Site{Config: "title = \"x\"\nnot_a_setting = 1\nnor_this = 2\n",
			Files: map[string]string{"content/one.md": oneDoc, "content/two.md": strings.Replace(oneDoc, "一篇", "两篇", 1)}}, 2},
	}
	for _, tt := range tests {
		fsys := afero.NewMemMapFs()
		sitetest.Write(t, fsys, "site", tt.site)
		var log bytes.Buffer
		res, err := site.Build(context.Background(), fsys, site.Options{Source: "site", Log: &log})
		if err != nil {
			t.Fatalf("%s: build: %v", tt.name, err)
		}
		documents := tt.documents
		if documents < 0 {
			mds, _ := afero.Glob(fsys, "site/content/*.md")
			documents = len(mds)
		}
		want := observed(t, fsys, "site/public", log.String(), documents)
		for _, l := range []lang{langEN, langZH} {
			t.Run(tt.name+"/"+[]string{"en", "zh"}[l], func(t *testing.T) {
				line := summaryLine(l, res, "site/public", 1234*time.Millisecond)
				t.Log(line)
				got, size, unit, dest := parseSummary(t, l, line)
				wantBytes := want.bytes
				want.bytes, got.bytes = 0, 0
				if got != want {
					t.Errorf("%q\nsays   %+v\nfolder %+v", line, got, want)
				}
				want.bytes = wantBytes
				scale := map[string]float64{"B": 1, "kB": 1e3, "MB": 1e6, "GB": 1e9}[unit]
				if diff := size*scale - float64(wantBytes); diff > scale/20 || diff < -scale/20 {
					t.Errorf("%q: %g %s, but the folder holds %d bytes", line, size, unit, wantBytes)
				}
				if dest != "site/public" {
					t.Errorf("%q names %q, not site/public", line, dest)
				}
			})
		}
	}
}

// The English forms: one of each, and thousands grouped.
func TestSummaryLineEnglishForms(t *testing.T) {
	tests := []struct {
		res  site.Result
		want string
	}{
		{site.Result{Pages: 1, HTMLPages: 1, Terms: 1, SearchFiles: 1, Bytes: 999, Warnings: 1},
			"built 1 document: 1 page, 1 term, 1 search file, 999 B into out in 5ms (1 warning)"},
		{site.Result{Pages: 2000, HTMLPages: 10213, Terms: 412, SearchFiles: 12959, Bytes: 412_345_678, Warnings: 3},
			"built 2,000 documents: 10,213 pages, 412 terms, 12,959 search files, 412.3 MB into out in 5ms (3 warnings)"},
		{site.Result{Pages: 0, Bytes: 1500},
			"built 0 documents: 0 pages, 0 terms, 0 search files, 1.5 kB into out in 5ms"},
	}
	for _, tt := range tests {
		if got := summaryLine(langEN, &tt.res, "out", 5*time.Millisecond); got != tt.want {
			t.Errorf("got  %q\nwant %q", got, tt.want)
		}
	}
	zh := summaryLine(langZH, &tests[1].res, "out", 4321*time.Millisecond)
	if want := "已构建 2000 篇文档：10213 个页面、412 个提法、12959 个搜索文件，共 412.3 MB，输出到 out，用时 4.3s（3 条注意）"; zh != want {
		t.Errorf("got  %q\nwant %q", zh, want)
	}
}
