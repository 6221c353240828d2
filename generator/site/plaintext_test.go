package site

import (
	"bytes"
	"compress/flate"
	"encoding/json"
	"encoding/xml"
	"io"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/spf13/afero"
	"golang.org/x/text/encoding/simplifiedchinese"

	"github.com/studysite/studysite/internal/htmltest"
)

// markupNote is a hand-written content file of a study group: its first
// paragraph and headings hold every kind of inline Markdown a clerk types.
const markupNote = `---
title: 第三党支部学习笔记
date: 2024-03-08
slug: xue-xi-bi-ji
---

本期学习**全面深化改革**的部署，重点是 toc\_nav\_num 式的[目录编号](https://example.org/toc)规范、` + "`studysite build`" + ` 命令和“研发&amp;产出”指标。

## 一、toc\_nav\_num 的**用法**

<!-- more -->

编号规则见![编号示意图](https://example.org/bianhao.png)，A&amp;B 两组分别讨论。

## 1\. 总则

各支部按 \*季度\* 报送。
`

// markupSigns are what a reader never sees on the page of markupNote.
var markupSigns = []string{"**", `\_`, `\*`, `\.`, "](", "`", "&amp;", "<!--", "![", "https://"}

// TestPlainTextsShowNoMarkdown builds a site from a hand-written content
// file and reads every place plain text of it reaches a reader: the home
// page summary, the meta description, the table of contents, the feed
// entry and the search index's text files.
func TestPlainTextsShowNoMarkdown(t *testing.T) {
	fsys := afero.NewMemMapFs()
	_ = afero.WriteFile(fsys, "site/content/xue-xi-bi-ji.md", []byte(markupNote), 0o644)
	build(t, fsys)
	const firstWords = "本期学习全面深化改革的部署，重点是 toc_nav_num 式的目录编号规范、studysite build 命令和“研发&产出”指标。"

	home := htmltest.Parse(t, readFile(t, fsys, "site/public/index.html"))
	summary := htmltest.TextOf(htmltest.One(t, home, ".doc-item-summary"))
	doc := htmltest.Parse(t, readFile(t, fsys, "site/public/docs/xue-xi-bi-ji/index.html"))
	description := htmltest.Attr(htmltest.One(t, doc, `meta[name="description"]`), "content")
	var toc []string
	for _, a := range htmltest.All(t, doc, "nav.toc a") {
		toc = append(toc, htmltest.TextOf(a))
	}
	var feed struct {
		Entries []struct {
			Summary string `xml:"summary"`
		} `xml:"entry"`
	}
	if err := xml.Unmarshal(readFile(t, fsys, "site/public/feed.xml"), &feed); err != nil || len(feed.Entries) != 1 {
		t.Fatalf("feed.xml: %v, %d entries", err, len(feed.Entries))
	}
	search := searchTexts(t, fsys)

	checks := []struct {
		where, got, want string
	}{
		{"home page summary", summary, truncatedTo(firstWords, 60)},
		{"meta description", description, truncatedTo(firstWords, 80)},
		{"feed entry", feed.Entries[0].Summary, firstWords},
		{"table of contents", strings.Join(toc, " | "), "一、toc_nav_num 的用法 | 1. 总则"},
		{"search text", strings.Join(search, "\n"), strings.Join([]string{"第三党支部学习笔记", "一、toc_nav_num 的用法", "1. 总则", firstWords,
			"编号规则见编号示意图，A&B 两组分别讨论。", "各支部按 *季度* 报送。"}, "\n")},
	}
	// The page itself: the remote image is a link reading its alt text,
	// and nothing on the page requests another site.
	for _, img := range htmltest.All(t, doc, "img") {
		if src := htmltest.Attr(img, "src"); strings.Contains(src, "//") {
			t.Errorf("the page loads %s", src)
		}
	}
	remote := htmltest.One(t, doc, "a.remote-image")
	if href, text := htmltest.Attr(remote, "href"), htmltest.TextOf(remote); href != "https://example.org/bianhao.png" || text != "编号示意图" {
		t.Errorf("remote image: link %q reading %q", href, text)
	}
	if body := htmltest.TextOf(htmltest.One(t, doc, "article")); strings.Contains(body, "more") {
		t.Errorf("the page shows the <!-- more --> comment: %q", body)
	}

	for _, c := range checks {
		if c.got != c.want {
			t.Errorf("%s:\n got %q\nwant %q", c.where, c.got, c.want)
		}
		for _, m := range markupSigns {
			if strings.Contains(c.got, m) {
				t.Errorf("%s shows %q: %q", c.where, m, c.got)
			}
		}
	}
}

// truncatedTo is the first n characters of s and an ellipsis, as lists and
// descriptions cut a summary; the test only needs to know where the cut
// falls, not how it is marked.
func truncatedTo(s string, n int) string {
	rs := []rune(s)
	if len(rs) <= n {
		return s
	}
	return string(rs[:n]) + "…"
}

var payloadRe = regexp.MustCompile(`__ss\("([^"]+)",(\d+),"([^"]*)"\)`)

// searchTexts reads the text of every entry in the search index's text
// files search/t/0-K.js, decoding them as search.js does (see
// generator/search/payload.go): base85, DEFLATE with the preset dictionary
// search/d.js, then GB18030 or UTF-8 JSON rows [anchor, path, text].
func searchTexts(t *testing.T, fsys afero.Fs) []string {
	t.Helper()
	payload := func(name string, dict []byte) []byte {
		m := payloadRe.FindSubmatch(readFile(t, fsys, "site/public/search/"+name+".js"))
		if m == nil {
			t.Fatalf("search/%s.js: no payload", name)
		}
		want, _ := strconv.Atoi(string(m[2]))
		raw, err := io.ReadAll(flate.NewReaderDict(bytes.NewReader(unbase85(m[3])), dict))
		if err != nil || len(raw) != want {
			t.Fatalf("search/%s.js: %v (%d bytes, want %d)", name, err, len(raw), want)
		}
		return raw
	}
	var dict []byte
	if ok, _ := afero.Exists(fsys, "site/public/search/d.js"); ok {
		dict = payload("d", nil)
	}
	var texts []string
	// the site's one document is document 0; its text files are t/0-K
	for k := 0; ; k++ {
		if ok, _ := afero.Exists(fsys, "site/public/search/t/0-"+strconv.Itoa(k)+".js"); !ok {
			break
		}
		raw := payload("t/0-"+strconv.Itoa(k), dict)
		body := raw[1:]
		if raw[0] == 'g' {
			var err error
			if body, err = simplifiedchinese.GB18030.NewDecoder().Bytes(body); err != nil {
				t.Fatal(err)
			}
		}
		var rows [][]string
		if err := json.Unmarshal(body, &rows); err != nil {
			t.Fatalf("search/t/0-%d.js: %v", k, err)
		}
		for _, r := range rows {
			texts = append(texts, r[2])
		}
	}
	if len(texts) == 0 {
		t.Fatal("no search text files")
	}
	return texts
}

// unbase85 inverts generator/search's base85: digits '#'…'w' with '~'
// for '\\', groups of five digits for four bytes, a last short group of
// n+1 digits for n bytes.
func unbase85(s []byte) []byte {
	var out []byte
	for len(s) > 0 {
		n := min(len(s), 5)
		var v uint32
		for i := 0; i < 5; i++ {
			d := uint32(84) // pad as Ascii85 does
			if i < n {
				c := s[i]
				if c == '~' {
					c = '\\'
				}
				d = uint32(c - 35)
			}
			v = v*85 + d
		}
		out = append(out, byte(v>>24), byte(v>>16), byte(v>>8), byte(v))[:len(out)+n-1]
		s = s[n:]
	}
	return out
}
