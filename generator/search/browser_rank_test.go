package search_test

import (
	"encoding/json"
	"fmt"
	"math/rand"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/studysite/studysite/generator/search"
	"github.com/studysite/studysite/internal/browsertest"
)

// jsDoc is a result as search.js gives it: the document, its class and
// its hits' entries (document × search.EntryStride + number within it).
type jsDoc struct {
	D     int   `json:"d"`
	Class int   `json:"score"`
	Hits  []int `json:"hits"`
}

type jsResult struct {
	Docs []jsDoc `json:"docs"`
	Done bool    `json:"done"`
}

// jsSearch runs __ssSearch(q) in the page: the first results (need 8)
// or, with need 0, the whole ranking.
func jsSearch(t *testing.T, b *browsertest.Browser, q string, need int) jsResult {
	t.Helper()
	n := "Infinity"
	if need > 0 {
		n = fmt.Sprint(need)
	}
	js := fmt.Sprintf(`window.__ssSearch(%s, null, %s).then(r => ({done: !!r.done, docs: r.docs.map(x => ({d: x.d, score: x.score, hits: x.hits.map(h => h.e).sort((a, b) => a - b)}))}))`, jsString(q), n)
	r, err := chromedp.Run(b.Ctx, chromedp.Evaluate[jsResult](js, chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatalf("%q: %v", q, err)
	}
	return r
}

// expectedRanking is the ranking README describes, from a brute-force scan
// of every entry's text: the documents holding every term of q, by the
// weight of their best hit (title 100, heading or terms 20, paragraph 1),
// then newest (highest number) first, each with its hits' entries.
func expectedRanking(ix *search.Index, q string) []jsDoc {
	weight := map[int]int{search.KindTitle: 100, search.KindHeading: 20, search.KindTerms: 20, search.KindParagraph: 1}
	terms := search.ParseQuery(q)
	byDoc := map[int]map[int]bool{}
	termsIn := map[int]int{}
	for _, tm := range terms {
		seen := map[int]bool{}
		for _, e := range bruteForce(ix, tm.Text) {
			d := ix.Entries[e].Doc
			if byDoc[d] == nil {
				byDoc[d] = map[int]bool{}
			}
			byDoc[d][e] = true
			if !seen[d] {
				seen[d] = true
				termsIn[d]++
			}
		}
	}
	var out []jsDoc
	for d, es := range byDoc {
		if termsIn[d] < len(terms) {
			continue
		}
		x := jsDoc{D: d}
		for e := range es {
			x.Class = max(x.Class, weight[ix.Entries[e].Kind])
			x.Hits = append(x.Hits, d*search.EntryStride+e-ix.Docs[d].FirstEntry)
		}
		slices.Sort(x.Hits)
		out = append(out, x)
	}
	slices.SortFunc(out, func(a, b jsDoc) int {
		if a.Class != b.Class {
			return b.Class - a.Class
		}
		return b.D - a.D
	})
	return out
}

// TestBrowserRecall: the JS engine finds every paragraph a brute-force
// scan finds for random substrings of the seed site's paragraphs and of a
// 1,100-document site shuffled from the seed (whose long lists are split,
// whose postings need multi-byte numbers and whose filter numbers come in
// three blocks), ranks the documents as README says, and its first
// results, drawn from the lists' first parts, are exactly the first of
// that ranking, however the query is shaped.
func TestBrowserRecall(t *testing.T) {
	browsertest.Need(t)
	shuffled := buildSite(t, syntheticSite(t, 2*search.DocsPerBlock+100))
	b := browsertest.New(t)
	for _, pub := range []string{buildSeed(t), shuffled} {
		name := filepath.Base(filepath.Dir(pub))
		ix := search.NewIndex(loadPages(t, filepath.Dir(pub)))
		if err := chromedp.Do(b.Ctx, chromedp.Navigate(browsertest.FileURL(pub)+"/search/index.html")); err != nil {
			t.Fatal(err)
		}
		rng := rand.New(rand.NewSource(5))
		shapes := []string{"上海", "长三角", "人民城市", "中国式现代化", "党", "长三角一体化发展", "12月1日", "29日下午", `"11月28日"`, "11", "11月2", "上海 长三角", "长三角 人民城市 党"}
		qs := append(shapes, append(randomQueries(rng, ix, 40), mixedQueries(rng, ix, 30)...)...)
		fromFirstParts := map[string]bool{}
		for _, q := range qs {
			want := expectedRanking(ix, q)
			all := jsSearch(t, b, q, 0)
			if !all.Done {
				t.Errorf("%s: %q: the whole ranking is not marked done", name, q)
			}
			if fmt.Sprint(all.Docs) != fmt.Sprint(want) {
				t.Errorf("%s: %q: JS ranks [document class entries]\n%v\nbrute force\n%v", name, q, clip(all.Docs), clip(want))
				continue
			}
			first := jsSearch(t, b, q, 8)
			if len(first.Docs) < min(8, len(want)) || len(first.Docs) > len(want) || fmt.Sprint(first.Docs) != fmt.Sprint(want[:len(first.Docs)]) {
				t.Errorf("%s: %q: first results %v are not the first of the ranking %v", name, q, clip(first.Docs), clip(want))
			}
			if !first.Done {
				fromFirstParts[q] = true
			}
		}
		if name != filepath.Base(filepath.Dir(shuffled)) {
			continue
		}
		// the split is exercised: these shapes were answered from first parts
		for _, q := range []string{"上海", "长三角", "长三角一体化发展", "12月1日", "29日下午", `"11月28日"`} {
			if !fromFirstParts[q] {
				t.Errorf("%s: %q loaded whole lists for its first results", name, q)
			}
		}
	}
}

// clip shortens a ranking for a message.
func clip(ds []jsDoc) []jsDoc {
	return ds[:min(len(ds), 5)]
}

// TestBrowserMatchTable: search.js finds and ranks the shared table's
// queries in its documents as the table says (the Go side: TestMatchTable).
func TestBrowserMatchTable(t *testing.T) {
	raw, err := os.ReadFile("testdata/tokens.json")
	if err != nil {
		t.Fatal(err)
	}
	var tb struct {
		MatchDocs [][]string        `json:"matchDocs"`
		Match     []json.RawMessage `json:"match"`
	}
	if err := json.Unmarshal(raw, &tb); err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	if err := os.MkdirAll(filepath.Join(dir, "content"), 0o755); err != nil {
		t.Fatal(err)
	}
	for i, d := range tb.MatchDocs {
		md := fmt.Sprintf("---\ntitle: %q\nslug: doc-%d\ndate: \"2020-01-%02d\"\n---\n\n%s\n", d[0], i, i+1, strings.Join(d[1:], "\n\n"))
		if err := os.WriteFile(filepath.Join(dir, "content", fmt.Sprintf("doc-%d.md", i)), []byte(md), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	pub := buildSite(t, dir)
	b := browsertest.New(t)
	if err := chromedp.Do(b.Ctx, chromedp.Navigate(browsertest.FileURL(pub)+"/search/index.html")); err != nil {
		t.Fatal(err)
	}
	for _, c := range tb.Match {
		var q string
		var want []json.RawMessage
		var pair []json.RawMessage
		if json.Unmarshal(c, &pair) != nil || json.Unmarshal(pair[0], &q) != nil || json.Unmarshal(pair[1], &want) != nil {
			t.Fatalf("bad match case %s", c)
		}
		js := fmt.Sprintf(`window.__ssSearch(%s, null, Infinity).then(r => JSON.stringify(r.docs.map(x => [x.d, x.score, x.hits.map(h => [h.e %% %d, h.c])])))`, jsString(q), search.EntryStride)
		got, err := chromedp.Run(b.Ctx, chromedp.Evaluate[string](js, chromedp.EvalAwaitPromise))
		if err != nil {
			t.Fatal(err)
		}
		wb, _ := json.Marshal(want)
		if want == nil {
			wb = []byte("[]")
		}
		if got != string(wb) {
			t.Errorf("%q: search.js gives %s, the table %s", q, got, wb)
		}
	}
}

// TestBrowserResultsStayPut: on the search page, results drawn from the
// lists' first parts stay where they are when the rest of the lists
// arrives (loaded when the reader asks for more; nothing drawn is removed), they are the first of the whole
// ranking, the count shown is never more than the truth and ends exact,
// and 显示更多结果 appends the next of the ranking below them.
func TestBrowserResultsStayPut(t *testing.T) {
	browsertest.Need(t)
	dir := syntheticSite(t, 2*search.DocsPerBlock+100)
	pub := buildSite(t, dir)
	ix := search.NewIndex(loadPages(t, dir))
	b := browsertest.New(t)
	const watch = `(() => {
  const list = document.querySelector('.search-results'), status = document.querySelector('.search-status');
  window.__stay = {removed: 0, statuses: [], ready: false};
  new MutationObserver((ms) => {
    if (list.dataset.ready) window.__stay.ready = true;
    ms.forEach((m) => m.removedNodes.forEach((n) => { if (window.__stay.ready && n.classList && n.classList.contains('sr-item')) window.__stay.removed++; }));
  }).observe(list, {childList: true, attributes: true});
  new MutationObserver(() => window.__stay.statuses.push(status.textContent)).observe(status, {childList: true, characterData: true, subtree: true});
  return true;
})()`
	type state struct {
		Removed  int      `json:"removed"`
		Statuses []string `json:"statuses"`
		Links    []string `json:"links"`
	}
	read := func() state {
		s, err := chromedp.Run(b.Ctx, chromedp.Evaluate[state](`({removed: window.__stay.removed, statuses: window.__stay.statuses, links: Array.from(document.querySelectorAll('.search-results .sr-item .sr-title')).map(a => a.href)})`))
		if err != nil {
			t.Fatal(err)
		}
		return s
	}
	for _, q := range []string{"长三角", "长三角一体化发展", "上海 长三角"} {
		want := expectedRanking(ix, q)
		hits := 0
		for _, x := range want {
			hits += len(x.Hits)
		}
		if len(want) <= 20 {
			t.Fatalf("%q finds %d documents: too few to page", q, len(want))
		}
		slugAt := func(i int) string { return "/docs/" + ix.Docs[want[i].D].Slug + "/" }
		if err := chromedp.Do(b.Ctx, chromedp.Navigate(browsertest.FileURL(pub)+"/search/index.html")); err != nil {
			t.Fatal(err)
		}
		if _, err := chromedp.Run(b.Ctx, chromedp.Evaluate[bool](watch)); err != nil {
			t.Fatal(err)
		}
		if err := typeInto(b.Ctx, "search-page-input", q); err != nil {
			t.Fatal(err)
		}
		if _, err := chromedp.Run(b.Ctx, chromedp.Poll[bool](`!!document.querySelector('.search-results[data-ready] .sr-more button')`)); err != nil {
			t.Fatalf("%q: the first results and 显示更多结果 never came: %v", q, err)
		}
		// The rest of the lists loads after the first results when the
		// count is not exact, else when the reader asks for more than the
		// first parts hold: page on until the whole ranking is in.
		for page := 2; ; page++ {
			if err := chromedp.Do(b.Ctx, chromedp.Click(chromedp.CSS(".sr-more button"))); err != nil {
				t.Fatal(err)
			}
			if _, err := chromedp.Run(b.Ctx, chromedp.Poll[bool](fmt.Sprintf(`document.querySelectorAll('.search-results .sr-item').length === %d`, min(10*page, len(want))))); err != nil {
				t.Fatalf("%q: 显示更多结果 did not show page %d: %v", q, page, err)
			}
			if all, _ := chromedp.Run(b.Ctx, chromedp.Evaluate[bool](`document.querySelector('.search-results').dataset.all === '1'`)); all {
				break
			}
			if 10*page >= len(want) {
				t.Fatalf("%q: all %d results shown and the whole ranking is not marked in", q, len(want))
			}
		}
		s := read()
		if s.Removed != 0 {
			t.Errorf("%q: %d drawn results were removed", q, s.Removed)
		}
		for i, link := range s.Links {
			if !strings.Contains(link, slugAt(i)) {
				t.Errorf("%q: result %d links %s, the ranking has %s", q, i+1, link, slugAt(i))
				break
			}
		}
		exact := fmt.Sprintf("找到 %d 篇文档，%d 处。", len(want), hits)
		var shown []string
		for _, st := range s.Statuses {
			var n int
			switch {
			case st == "" || st == "搜索中……" || st == exact:
			case strings.HasPrefix(st, "至少找到 "):
				if _, err := fmt.Sscanf(st, "至少找到 %d 篇文档", &n); err != nil || n > len(want) {
					t.Errorf("%q: status %q, but %d documents", q, st, len(want))
				}
			default:
				t.Errorf("%q: status %q, want %q or 至少找到 …", q, st, exact)
			}
			if st != "" {
				shown = append(shown, st)
			}
		}
		if len(shown) == 0 || shown[len(shown)-1] != exact {
			t.Errorf("%q: statuses %q do not end with %q", q, shown, exact)
		}
		t.Logf("%q: statuses %q", q, shown)
	}
}
