package main

import (
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/studysite/studysite/internal/browsertest"
)

// payloads try every context a string of content reaches: element text,
// attributes, URLs, JS strings, JSON inside <script>, templates.
var payloads = []string{
	`<img src=x onerror=alert(101)>`,
	`<script>alert(102)</script>`,
	`"><svg onload=alert(103)>`,
	`'-alert(104)-'`,
	`</script><script>alert(105)</script>`,
	`{{.Site}}<iframe srcdoc="<script>alert(106)</script>">`,
	`\u003cimg src=x onerror=alert(107)\u003e`,
}

// xssSite writes a site whose every field carries a payload: titles,
// subtitles, speakers, headings, paragraphs, tags, series, terms, glossary
// definitions, links, and a seed file name.
func xssSite(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	write := func(name, data string) {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	q := func(s string) string { return `'` + strings.ReplaceAll(s, `'`, `''`) + `'` }
	var toml strings.Builder
	toml.WriteString("title = " + tomlString("站点"+payloads[0]) + "\ndescription = " + tomlString(payloads[2]) + "\n")
	for i, p := range payloads {
		toml.WriteString("[[glossary]]\nterm = " + tomlString("术语"+string(rune('甲'+i))) + "\ndefinition = " + tomlString(p) + "\n")
		var md strings.Builder
		md.WriteString("---\ntitle: " + q("标题"+p) + "\nsubtitle: " + q(p) + "\nspeaker: " + q(p) + "\noccasion: " + q(p) +
			"\nsummary: " + q(p) + "\ntags: [" + q(p) + "]\nseries: " + q(p) + "\nterms: [" + q("提法"+p) + "]\nslug: x" + string(rune('a'+i)) + "\ndate: 2024-01-0" + string(rune('1'+i)) + "\n---\n\n")
		md.WriteString("## 一、" + p + "\n\n")
		md.WriteString("术语" + string(rune('甲'+i)) + "出现在这里，" + p + "。提法" + p + "也在这里。\n\n")
		md.WriteString("[链接](javascript:alert(108)) [[xa]] " + p + "\n")
		write("content/x"+string(rune('a'+i))+".md", md.String())
	}
	write("studysite.toml", toml.String())
	write("seeds/"+strings.NewReplacer("/", "", "\\", "").Replace(`<img src=x onerror=alert(109)>`)+".txt", "标题"+payloads[1]+"\n\n正文"+payloads[0]+"。\n")
	return dir
}

func tomlString(s string) string {
	return `"` + strings.NewReplacer(`\`, `\\`, `"`, `\"`).Replace(s) + `"`
}

// TestNoContentRunsScript builds the hostile site and opens every page in
// headless Chromium: no dialog may open, no payload may become an element,
// and no script may be refused (the pages' own scripts all run under the
// Content-Security-Policy).
func TestNoContentRunsScript(t *testing.T) {
	bin := binary(t)
	dir := xssSite(t)
	if _, stderr, code := run(t, bin, "build", "--source", dir); code != 0 {
		t.Fatalf("build: %s", stderr)
	}
	public := filepath.Join(dir, "public")
	var pages []string
	_ = filepath.WalkDir(public, func(p string, d fs.DirEntry, err error) error {
		if err == nil && strings.HasSuffix(p, ".html") {
			pages = append(pages, p)
		}
		return nil
	})
	if len(pages) < 10 {
		t.Fatalf("only %d pages built", len(pages))
	}
	b := browsertest.New(t)
	const probe = `(() => {
		const bad = [];
		for (const el of document.querySelectorAll("*")) {
			for (const a of el.attributes) {
				if (/^on/i.test(a.name)) bad.push(el.tagName + "[" + a.name + "]");
				if (/^(href|src|action)$/i.test(a.name) && /^\s*javascript:/i.test(a.value)) bad.push(el.tagName + "[" + a.name + "=" + a.value + "]");
			}
			if (/^(IFRAME|SVG|OBJECT|EMBED)$/i.test(el.tagName)) bad.push(el.tagName);
			if (el.tagName === "IMG" && el.getAttribute("src") === "x") bad.push("IMG src=x");
			if (el.tagName === "SCRIPT" && /alert/.test(el.textContent)) bad.push("SCRIPT " + el.textContent.slice(0, 40));
		}
		return bad;
	})()`
	for _, p := range pages {
		if err := chromedp.Do(b.Ctx, chromedp.Navigate(browsertest.FileURL(p))); err != nil {
			t.Fatalf("%s: %v", p, err)
		}
		bad, err := chromedp.Run(b.Ctx, chromedp.Evaluate[[]string](probe))
		if err != nil {
			t.Fatalf("%s: %v", p, err)
		}
		if len(bad) > 0 {
			t.Errorf("%s: payload elements %v", strings.TrimPrefix(p, public), bad)
		}
		// Escaped is not dropped: the document shows its payloads as text.
		if strings.HasSuffix(p, filepath.Join("docs", "xa", "index.html")) {
			text, err := chromedp.Run(b.Ctx, chromedp.Evaluate[string](`document.body.innerText`))
			if err != nil {
				t.Fatal(err)
			}
			if strings.Count(text, payloads[0]) < 3 {
				t.Errorf("docs/xa: payload shown %d times as text, want title, subtitle, heading, body…", strings.Count(text, payloads[0]))
			}
		}
	}
	// The search UI: queries that are payloads, and queries whose results
	// (titles, headings, snippets, filters) carry payloads.
	searchPage := browsertest.FileURL(filepath.Join(public, "search", "index.html"))
	for _, q := range append([]string{"标题", "术语", "提法", "出现在这里"}, payloads...) {
		if err := chromedp.Do(b.Ctx, chromedp.Navigate(searchPage+"?q="+url.QueryEscape(q))); err != nil {
			t.Fatal(err)
		}
		if err := chromedp.Do(b.Ctx, chromedp.Poll[chromedp.Void](`/^(找到|没有找到|搜索)/.test(document.querySelector(".search-status").textContent)`)); err != nil {
			t.Fatalf("search %q: no status: %v", q, err)
		}
		status, _ := chromedp.Run(b.Ctx, chromedp.Evaluate[string](`document.querySelector(".search-status").textContent`))
		if strings.HasPrefix(status, "找到") {
			// Results render after their snippets' text is loaded.
			if err := chromedp.Do(b.Ctx, chromedp.Poll[chromedp.Void](`document.querySelector(".search-results[data-ready='1']") !== null`)); err != nil {
				t.Fatalf("search %q: results never rendered: %v", q, err)
			}
		}
		bad, err := chromedp.Run(b.Ctx, chromedp.Evaluate[[]string](probe))
		if err != nil {
			t.Fatal(err)
		}
		if len(bad) > 0 {
			t.Errorf("search %q: payload elements %v", q, bad)
		}
		if strings.HasPrefix(status, "搜索") {
			t.Errorf("search %q: %s", q, status)
		}
		if q == "标题" {
			n, err := chromedp.Run(b.Ctx, chromedp.Evaluate[int](`document.querySelectorAll(".search-results a").length`))
			if err != nil || n == 0 {
				t.Errorf("search 标题 found %d results (%v, status %q); the hostile titles should be found", n, err, status)
			}
		}
	}
	if d := b.Dialogs(); len(d) > 0 {
		t.Errorf("dialogs opened: %v", d)
	}
	if errs := b.Errors(); len(errs) > 0 {
		t.Errorf("errors in pages: %v", errs)
	}
}
