package render

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/studysite/studysite/generator/config"
	"github.com/studysite/studysite/internal/htmltest"
	"golang.org/x/net/html"
)

// pagerWant is what the pager of page current of n shows, by the rule the
// README gives: the first and the last page, pagerWindow pages either side
// of the current one, an ellipsis for each run of pages left out.
func pagerWant(n, current int) []string {
	shown := map[int]bool{1: true, n: true}
	for d := -pagerWindow; d <= pagerWindow; d++ {
		if p := current + d; p >= 1 && p <= n {
			shown[p] = true
		}
	}
	var nums []int
	for p := range shown {
		nums = append(nums, p)
	}
	slices.Sort(nums)
	var out []string
	for i, p := range nums {
		if i > 0 && p != nums[i-1]+1 {
			out = append(out, "…")
		}
		out = append(out, strconv.Itoa(p))
	}
	return out
}

// pagerShown is what a reader sees of a page's pager, in order: page
// numbers and ellipses, the current page marked with brackets; and the
// hrefs of its previous, next and numbered links.
func pagerShown(t *testing.T, nav *html.Node) (shown []string, prev, next string, numbered map[string]string) {
	t.Helper()
	numbered = map[string]string{}
	for c := nav.FirstChild; c != nil; c = c.NextSibling {
		if c.Type != html.ElementNode {
			continue
		}
		text := htmltest.TextOf(c)
		switch {
		case htmltest.Attr(c, "rel") == "prev":
			prev = htmltest.Attr(c, "href")
		case htmltest.Attr(c, "rel") == "next":
			next = htmltest.Attr(c, "href")
		case htmltest.Attr(c, "aria-current") == "page":
			shown = append(shown, "["+text+"]")
		case c.Data == "a":
			shown = append(shown, text)
			numbered[text] = htmltest.Attr(c, "href")
		default:
			shown = append(shown, text)
		}
	}
	return shown, prev, next, numbered
}

// TestListPagers: the archive and a tag list ListPerPage documents a page;
// every page's pager shows the first, the last and the pages near the
// current one, each number leading to the page of that number, 上一页 and
// 下一页 to its neighbours; pages after the first say their number in the
// title; no page is empty, and a list that fits one page has no pager.
func TestListPagers(t *testing.T) {
	for _, docs := range []int{1, ListPerPage - 1, ListPerPage, ListPerPage + 1, 2 * ListPerPage, 9 * ListPerPage} {
		t.Run(strconv.Itoa(docs), func(t *testing.T) {
			var fm []string
			for i := 0; i < docs; i++ {
				fm = append(fm, fmt.Sprintf("title: 第%d篇——在全市干部大会上的讲话\nslug: d%d\ndate: %d-%02d-%02d\ntags: [党建]",
					i, i, 2000+i%20, 1+i%12, 1+i%28))
			}
			files := renderAll(t, "default", testSite(t, config.Default(), fm...))
			wantPages := 0
			for left := docs; left > 0; left -= ListPerPage {
				wantPages++
			}
			for _, first := range []string{"archive/index.html", "tags/dang-jian/index.html"} {
				checkListPages(t, files, first, docs, wantPages)
			}
		})
	}
}

// checkListPages follows 下一页 from first through a list of docs
// documents that should take wantPages pages.
func checkListPages(t *testing.T, files map[string]string, first string, docs, wantPages int) {
	t.Helper()
	var paths []string
	numberedOf := map[string]map[string]string{}
	prevOf := map[string]string{}
	listed := 0
	var firstTitle string
	for page, n := first, 1; page != ""; n++ {
		if n > wantPages {
			t.Errorf("%s: page %d (%s) follows, want %d pages", first, n, page, wantPages)
			return
		}
		data, ok := files[page]
		if !ok {
			t.Fatalf("%s: page %d (%s) missing", first, n, page)
		}
		paths = append(paths, page)
		root := htmltest.Parse(t, []byte(data))
		items := len(htmltest.All(t, root, ".doc-list a"))
		if items == 0 || items > ListPerPage {
			t.Errorf("%s lists %d documents, want 1 to %d", page, items, ListPerPage)
		}
		listed += items
		title := htmltest.TextOf(htmltest.One(t, root, "title"))
		if n == 1 {
			firstTitle = title
		} else if want := strings.Replace(firstTitle, " - ", "（第"+strconv.Itoa(n)+"页） - ", 1); title != want {
			t.Errorf("%s: title %q, want %q", page, title, want)
		}
		navs := htmltest.All(t, root, ".page-nav")
		if wantPages == 1 {
			if len(navs) != 0 {
				t.Errorf("%s: a pager on a list of one page", page)
			}
			break
		}
		if len(navs) != 1 {
			t.Fatalf("%s: %d pagers, want 1", page, len(navs))
		}
		shown, prev, next, numbered := pagerShown(t, navs[0])
		want := pagerWant(wantPages, n)
		for i, s := range want {
			if s == strconv.Itoa(n) {
				want[i] = "[" + s + "]"
			}
		}
		if strings.Join(shown, " ") != strings.Join(want, " ") {
			t.Errorf("%s: pager shows %q, want %q", page, strings.Join(shown, " "), strings.Join(want, " "))
		}
		numberedOf[page] = numbered
		if (prev != "") != (n > 1) {
			t.Errorf("%s: 上一页 %q on page %d", page, prev, n)
		}
		prevOf[page] = prev
		if (next != "") != (n < wantPages) {
			t.Errorf("%s: 下一页 %q on page %d of %d", page, next, n, wantPages)
		}
		page = ""
		if next != "" {
			page = resolve(paths[len(paths)-1], next)
		}
	}
	if listed != docs {
		t.Errorf("%s: its pages list %d documents, want %d", first, listed, docs)
	}
	if len(paths) != wantPages {
		t.Errorf("%s: %d pages, want %d", first, len(paths), wantPages)
	}
	for i, page := range paths {
		if i > 0 && resolve(page, prevOf[page]) != paths[i-1] {
			t.Errorf("%s: 上一页 leads to %s, want %s", page, resolve(page, prevOf[page]), paths[i-1])
		}
		for num, href := range numberedOf[page] {
			k, err := strconv.Atoi(num)
			if err != nil || k < 1 || k > len(paths) || resolve(page, href) != paths[k-1] {
				t.Errorf("%s: link %q leads to %s, want page %s", page, num, resolve(page, href), num)
			}
		}
	}
}
