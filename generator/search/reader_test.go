package search_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"github.com/studysite/studysite/internal/browsertest"
)

// reportDoc is a government work report as the importer writes it: a
// date line, numbered headings, and the region's name in most paragraphs,
// with dates, G60 and 5G mixed into the Chinese.
const reportDoc = `---
title: 2023年长三角地区合作与发展工作报告
slug: chang-san-jiao-gong-zuo-bao-gao
date: "2023-12-01"
---

## 一、过去一年工作回顾

2023年12月1日，长三角三省一市在上海召开座谈会，总结一体化发展成果。

长三角G60科创走廊集聚高新技术企业超过4万家，5G网络覆盖所有县城。

11月28日至29日下午，长三角生态绿色一体化发展示范区执委会召开第3次全体会议。

## 二、2024年工作安排

坚持“十四五”规划确定的目标，推动长三角在科技创新上率先突破。

深化长三角公共服务便利共享，长三角居民在区域内异地就医直接结算。

加强长三角生态环境共保联治，长三角跨界水体联保专项方案落地见效。
`

// buildReaderSite builds the seed site with reportDoc beside it.
func buildReaderSite(t *testing.T) string {
	t.Helper()
	pub := buildSeed(t)
	dir := filepath.Dir(pub)
	if err := os.WriteFile(filepath.Join(dir, "content", "report.md"), []byte(reportDoc), 0o644); err != nil {
		t.Fatal(err)
	}
	return buildSite(t, dir)
}

// axeClean runs axe-core on the open page and reports every violation.
func axeClean(t *testing.T, b *browsertest.Browser, what string) {
	t.Helper()
	axe, err := os.ReadFile(filepath.Join("..", "..", "node_modules", "axe-core", "axe.min.js"))
	if err != nil {
		if os.Getenv("STUDYSITE_SKIP_BROWSER") == "1" {
			t.Log("axe-core missing: accessibility check skipped")
			return
		}
		t.Fatalf("axe-core is missing: run `npm ci` at the top of the repository: %v", err)
	}
	if err := chromedp.Do(b.Ctx, chromedp.Evaluate[chromedp.Void](string(axe))); err != nil {
		t.Fatal(err)
	}
	raw, err := chromedp.Run(b.Ctx, chromedp.Evaluate[[]byte](`axe.run(document, {resultTypes: ["violations"]}).then(r => r.violations.map(v => v.id + ": " + v.help + " at " + v.nodes.map(n => n.target.join(" ")).join(", ")))`, chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatal(err)
	}
	var vs []string
	if err := json.Unmarshal(raw, &vs); err != nil {
		t.Fatal(err)
	}
	for _, v := range vs {
		t.Errorf("%s: axe: %s", what, v)
	}
}

func evalJS[T any](t *testing.T, b *browsertest.Browser, js string) T {
	t.Helper()
	v, err := chromedp.Run(b.Ctx, chromedp.Evaluate[T](js, chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatalf("%s: %v", js, err)
	}
	return v
}

func poll(t *testing.T, b *browsertest.Browser, cond, what string) {
	t.Helper()
	if _, err := chromedp.Run(b.Ctx, chromedp.Poll[bool](cond, chromedp.WithPollingTimeout(10*time.Second))); err != nil {
		t.Fatalf("%s: %v", what, err)
	}
}

// TestBrowserResultsReadersUse: on the search page, one search box; a
// result's dates read 2023年12月1日; 本文另有 N 处 opens to exactly N more
// paragraphs from the keyboard and closes again; a mixed term (a date) is
// found; the page a result opens marks every occurrence, steps through
// them with 下一处/上一处 and clears them, leaving the text as it was; axe
// finds nothing on either page.
func TestBrowserResultsReadersUse(t *testing.T) {
	browsertest.Need(t)
	pub := buildReaderSite(t)
	for name, base := range map[string]string{"file": browsertest.FileURL(pub) + "/", "http": browsertest.Serve(t, pub, "/study/")} {
		t.Run(name, func(t *testing.T) {
			b := browsertest.New(t)
			r := query(t, b, base, "长三角")
			if r.Docs == 0 {
				t.Fatalf("长三角: no results (%q)", r.Status)
			}
			boxes := evalJS[int](t, b, `Array.from(document.querySelectorAll('input[type=search]')).filter(i => i.offsetParent !== null).length`)
			if boxes != 1 {
				t.Errorf("search page shows %d search boxes, want 1", boxes)
			}
			dates := evalJS[[]string](t, b, `Array.from(document.querySelectorAll('.search-results time')).map(t => t.textContent + '|' + t.dateTime)`)
			for _, d := range dates {
				if !regexp.MustCompile(`^\d{4}年\d{1,2}月\d{1,2}日\|\d{4}-\d\d-\d\d$`).MatchString(d) {
					t.Errorf("result date %q, want 2023年12月1日 with an ISO datetime", d)
				}
			}
			if len(dates) == 0 {
				t.Error("no dates shown in the results")
			}

			// 本文另有 N 处, from the keyboard
			type others struct {
				N, Shown int
				Expanded string
			}
			state := `(() => { const btn = document.querySelector('.sr-others'); if (!btn) return null; const li = btn.closest('.sr-item');
  return {N: +(btn.textContent.match(/\d+/) || [0])[0], Shown: Array.from(li.querySelectorAll('.sr-hit-more')).filter(x => !x.hidden).length, Expanded: btn.getAttribute('aria-expanded')}; })()`
			before := evalJS[*others](t, b, state)
			if before == nil {
				t.Fatal("no 本文另有 N 处 on a query found in many paragraphs")
			}
			if before.Expanded != "false" || before.Shown != 0 {
				t.Errorf("before: %+v, want collapsed", *before)
			}
			axeClean(t, b, "search page")
			if err := chromedp.Do(b.Ctx, chromedp.Focus(chromedp.CSS(".sr-others")), chromedp.KeyEvent(kb.Enter)); err != nil {
				t.Fatal(err)
			}
			poll(t, b, `document.querySelector('.sr-others').getAttribute('aria-expanded') === 'true'`, "expanding")
			after := evalJS[*others](t, b, state)
			if after.Shown != before.N {
				t.Errorf("本文另有 %d 处 opened %d paragraphs", before.N, after.Shown)
			}
			if f := evalJS[string](t, b, `document.activeElement.className`); f != "sr-others" {
				t.Errorf("focus moved to %q, want it kept on the button", f)
			}
			axeClean(t, b, "search page, expanded")
			if err := chromedp.Do(b.Ctx, chromedp.KeyEvent(kb.Enter)); err != nil {
				t.Fatal(err)
			}
			poll(t, b, `document.querySelector('.sr-others').getAttribute('aria-expanded') === 'false'`, "collapsing")
			if again := evalJS[*others](t, b, state); again.Shown != 0 {
				t.Errorf("collapsed, still %d paragraphs shown", again.Shown)
			}

			// a date, from the index
			r = query(t, b, base, "12月1日")
			if r.Docs == 0 || len(r.Marks) == 0 || r.Marks[0] != "12月1日" {
				t.Errorf("12月1日: %d results, marks %v", r.Docs, r.Marks)
			}

			// the page a result opens
			r = query(t, b, base, "长三角")
			link := evalJS[string](t, b, `Array.from(document.querySelectorAll('.sr-link')).map(a => a.href).find(h => h.includes('chang-san-jiao-gong-zuo-bao-gao') && h.includes('#p'))`)
			if link == "" {
				t.Fatal("no paragraph result in the report")
			}
			plain := strings.Split(strings.Split(link, "?")[0], "#")[0]
			if err := chromedp.Do(b.Ctx, chromedp.Navigate(plain)); err != nil {
				t.Fatal(err)
			}
			waitDoc(b)
			// The document's own text: the 引用本段 bar that a cited paragraph
			// gets (site.js) is not part of it.
			const docText = `(() => { const d = document.querySelector('.doc-body').cloneNode(true); d.querySelectorAll('.cite-bar').forEach(e => e.remove()); return d.textContent; })()`
			text := evalJS[string](t, b, docText)
			want := strings.Count(text, "长三角")
			if err := chromedp.Do(b.Ctx, chromedp.Navigate(link)); err != nil {
				t.Fatal(err)
			}
			poll(t, b, `!!document.querySelector('.hl-bar')`, "highlight bar")
			type hl struct {
				Marks, Cur int
				Pos        string
				InTarget   bool
			}
			hstate := `(() => { const ms = Array.from(document.querySelectorAll('mark.hl')), c = document.querySelector('mark.hl-cur'), tg = document.getElementById(decodeURIComponent(location.hash.slice(1)));
  return {Marks: ms.length, Cur: ms.indexOf(c), Pos: document.querySelector('.hl-pos').textContent, InTarget: !!(tg && c && tg.contains(c))}; })()`
			h := evalJS[hl](t, b, hstate)
			if h.Marks != want {
				t.Errorf("%d occurrences marked, the text has %d", h.Marks, want)
			}
			if !h.InTarget {
				t.Errorf("the current occurrence is not in the paragraph the result linked to: %+v", h)
			}
			if marks := evalJS[[]string](t, b, `Array.from(document.querySelectorAll('mark.hl')).map(m => m.textContent)`); len(marks) > 0 && marks[0] != "长三角" {
				t.Errorf("marked %q, want 长三角", marks[0])
			}
			axeClean(t, b, "document page with highlights")
			click := func(label string) {
				t.Helper()
				if err := chromedp.Do(b.Ctx, chromedp.Evaluate[chromedp.Void](`Array.from(document.querySelectorAll('.hl-bar button')).find(x => x.textContent === `+jsString(label)+`).click()`)); err != nil {
					t.Fatal(err)
				}
			}
			click("下一处")
			next := evalJS[hl](t, b, hstate)
			if next.Cur != (h.Cur+1)%h.Marks || !strings.Contains(next.Pos, "第 ") {
				t.Errorf("下一处: from %d to %d (%q)", h.Cur, next.Cur, next.Pos)
			}
			click("上一处")
			click("上一处")
			prev := evalJS[hl](t, b, hstate)
			if prev.Cur != (h.Cur-1+h.Marks)%h.Marks {
				t.Errorf("上一处 twice from %d: at %d", next.Cur, prev.Cur)
			}
			click("清除高亮")
			left := evalJS[hl](t, b, `({Marks: document.querySelectorAll('mark.hl').length, Cur: document.querySelectorAll('.hl-bar').length, Pos: location.search})`)
			if left.Marks != 0 || left.Cur != 0 || strings.Contains(left.Pos, "hl=") {
				t.Errorf("after 清除高亮: %+v", left)
			}
			if got := evalJS[string](t, b, docText); got != text {
				t.Error("the text after clearing differs from the text before highlighting")
			}
			for _, e := range b.Errors() {
				// axe reads stylesheets by XMLHttpRequest, which file:// refuses;
				// search.js never uses it
				if !strings.Contains(e, "XMLHttpRequest") {
					t.Errorf("console error: %s", e)
				}
			}
		})
	}
}
