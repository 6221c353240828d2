package search_test

import (
	"context"
	"encoding/json"
	"fmt"
	"maps"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
	"github.com/spf13/afero"

	"github.com/studysite/studysite/generator/content"
	"github.com/studysite/studysite/generator/search"
	"github.com/studysite/studysite/generator/site"
	"github.com/studysite/studysite/internal/browsertest"
)

// xssDoc is a second document whose text carries markup, to check it is
// shown as text.
const xssDoc = "---\ntitle: 测试文档\nslug: xss-test\ndate: \"2020-05-04\"\nterms: [\"枫桥经验\", \"人民城市\"]\n---\n\n## 一、标记\n\n这一段写着 `<img src=x onerror=alert(1)>` 和 &lt;script&gt; 字样，只应显示为文字。\n"

// buildSeed builds the repository's seed site plus xssDoc into a temp dir.
func buildSeed(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	must := func(err error) {
		if err != nil {
			t.Fatal(err)
		}
	}
	must(os.MkdirAll(filepath.Join(dir, "content"), 0o755))
	ents, err := os.ReadDir("../../content")
	must(err)
	for _, e := range ents {
		b, err := os.ReadFile(filepath.Join("../../content", e.Name()))
		must(err)
		must(os.WriteFile(filepath.Join(dir, "content", e.Name()), b, 0o644))
	}
	cfg, err := os.ReadFile("../../studysite.toml")
	must(err)
	must(os.WriteFile(filepath.Join(dir, "studysite.toml"), cfg, 0o644))
	must(os.WriteFile(filepath.Join(dir, "content", "xss-test.md"), []byte(xssDoc), 0o644))
	return buildSite(t, dir)
}

// buildSite builds the site folder dir on disk and gives its public/.
func buildSite(t testing.TB, dir string) string {
	t.Helper()
	if _, err := site.Build(context.Background(), afero.NewOsFs(), site.Options{Source: dir}); err != nil {
		t.Fatal(err)
	}
	return filepath.Join(dir, "public")
}

// typeInto sets the text box with id to q and fires its input event, as
// an input method delivers Chinese.
func typeInto(ctx context.Context, id, q string) error {
	_, err := chromedp.Run(ctx, chromedp.Evaluate[bool](fmt.Sprintf(`(() => { const i = document.getElementById(%s); i.value = %s; i.dispatchEvent(new Event('input')); return true; })()`, jsString(id), jsString(q))))
	return err
}

type result struct {
	Status  string     `json:"status"`
	Docs    int        `json:"docs"`
	Titles  []string   `json:"titles"`
	Marks   []string   `json:"marks"`
	Links   []string   `json:"links"`
	Imgs    int        `json:"imgs"`
	Suggest []string   `json:"suggest"`
	Snips   []string   `json:"snips"`
	Hits    [][]string `json:"-"`
}

const collect = `(() => {
  const q = s => Array.from(document.querySelectorAll(s));
  return {
    status: document.querySelector('.search-status').textContent,
    docs: q('.search-results .sr-item').length,
    titles: q('.search-results .sr-title').map(a => a.textContent),
    marks: q('.search-results .sr-snip mark').map(m => m.textContent),
    links: q('.search-results .sr-link').map(a => a.href),
    snips: q('.search-results .sr-snip').map(a => a.textContent),
    imgs: q('main img').length,
    suggest: q('.sr-suggest-term').map(a => a.textContent),
  };
})()`

// waitDone waits until the page has answered the query (results or none).
const waitDone = `.search-status:not(:empty)`

func query(t *testing.T, b *browsertest.Browser, base, q string) result {
	t.Helper()
	url := base + "search/index.html?q=" + strings.ReplaceAll(strings.ReplaceAll(q, "\"", "%22"), " ", "%20")
	url = strings.ReplaceAll(url, "#", "%23")
	if err := chromedp.Do(b.Ctx, chromedp.Navigate(url)); err != nil {
		t.Fatal(err)
	}
	if err := chromedp.Do(b.Ctx, chromedp.WaitVisible(chromedp.CSS(waitDone))); err != nil {
		t.Fatalf("%s: no answer: %v", q, err)
	}
	if _, err := chromedp.Run(b.Ctx, chromedp.Poll[bool](`document.querySelector('.search-results').dataset.ready === '1' || document.querySelector('.search-status').textContent.includes('没有找到')`)); err != nil {
		t.Fatalf("%s: results never rendered: %v", q, err)
	}
	r, err := chromedp.Run(b.Ctx, chromedp.Evaluate[result](collect))
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// landing clicks the first result and returns the text of the element the
// URL's fragment names and whether it is highlighted as the target.
func landing(t *testing.T, b *browsertest.Browser, sel string) (text string, highlighted bool, hash string) {
	t.Helper()
	if err := chromedp.Do(b.Ctx, chromedp.Click(chromedp.CSS(sel))); err != nil {
		t.Fatal(err)
	}
	if err := waitDoc(b); err != nil {
		t.Fatal(err)
	}
	type land struct {
		Text   string `json:"text"`
		Target bool   `json:"target"`
		Hash   string `json:"hash"`
	}
	l, err := chromedp.Run(b.Ctx, chromedp.Evaluate[land](`(() => { const id = decodeURIComponent(location.hash.slice(1)); const e = id ? document.getElementById(id) : document.querySelector('h1'); return {text: e ? e.textContent : '', target: !!(e && e.classList.contains('target')), hash: id}; })()`))
	if err != nil {
		t.Fatal(err)
	}
	return l.Text, l.Target, l.Hash
}

func TestBrowserSearch(t *testing.T) {
	browsertest.Need(t)
	pub := buildSeed(t)
	bases := map[string]string{
		"file": browsertest.FileURL(pub) + "/",
		"http": browsertest.Serve(t, pub, "/study/"),
	}
	cases := []struct {
		q        string
		mark     string // the first highlight
		landIn   string // the paragraph (or title) clicked to contains this
		wantNone bool
		title    bool // click the first result (a title hit) rather than the first paragraph
	}{
		{q: "长三角", mark: "长三角", landIn: "长三角"},
		{q: "人民城市", mark: "人民城市", landIn: "人民城市"},
		{q: "五个中心", mark: "五个中心", landIn: "五个中心"},
		{q: "枫桥经验", mark: "枫桥经验", landIn: "枫桥经验"},
		{q: "长三角", mark: "长三角", landIn: "长三角", title: true},
		{q: "csj", mark: "长三角", landIn: "长三角", title: true},
		{q: "changsanjiao", mark: "长三角", landIn: "长三角", title: true},
		{q: "浦东新区 张江科学城", mark: "", landIn: "张江科学城"},
		{q: `"人民城市理念"`, mark: "人民城市理念", landIn: "人民城市理念"},
		{q: "枫桥经验推广", wantNone: true},
		{q: "长三角 量子纠缠", wantNone: true},
		{q: "<img src=x onerror=alert(1)>", mark: "<img", landIn: "<img src=x onerror=alert(1)>"},
		{q: `"<img src=x onerror=alert(1)>"`, mark: "<img src=x onerror=alert(1)>", landIn: "<img src=x onerror=alert(1)>"},
	}
	for name, base := range bases {
		t.Run(name, func(t *testing.T) {
			b := browsertest.New(t)
			if err := chromedp.Do(b.Ctx, chromedp.Navigate(base+"index.html")); err != nil {
				t.Fatal(err)
			}
			for _, c := range cases {
				r := query(t, b, base, c.q)
				if r.Imgs != 0 {
					t.Errorf("%s: %d <img> elements appeared in the page", c.q, r.Imgs)
				}
				if c.wantNone {
					if r.Docs != 0 || !strings.Contains(r.Status, "没有找到") {
						t.Errorf("%s: want no results, got %d (%q)", c.q, r.Docs, r.Status)
					}
					if len(r.Suggest) == 0 {
						t.Errorf("%s: no suggestions offered", c.q)
					}
					continue
				}
				if r.Docs == 0 || len(r.Marks) == 0 {
					t.Errorf("%s: no results or no highlight: %+v", c.q, r)
					continue
				}
				if c.mark != "" && r.Marks[0] != c.mark {
					t.Errorf("%s: first highlight %q, want %q", c.q, r.Marks[0], c.mark)
				}
				for _, s := range r.Snips {
					if n := len([]rune(s)); n > 84 {
						t.Errorf("%s: snippet of %d characters", c.q, n)
					}
				}
				sel := `.search-results .sr-link[href*="#"]`
				if c.title {
					sel = ".search-results .sr-link"
				}
				text, hl, hash := landing(t, b, sel)
				if c.title && hash != "" {
					t.Errorf("%s: first result links to #%s, want the document's title", c.q, hash)
				}
				if !strings.Contains(text, c.landIn) {
					t.Errorf("%s: clicking the first result landed on #%s %q, which lacks %q", c.q, hash, text, c.landIn)
				}
				if strings.HasPrefix(hash, "p") && !hl {
					t.Errorf("%s: landed paragraph #%s is not highlighted", c.q, hash)
				}
			}
			if errs := b.Errors(); len(errs) > 0 {
				t.Errorf("console errors: %v", errs)
			}
			for _, f := range b.Failures() {
				if !strings.HasSuffix(f, "/favicon.ico") { // Chromium asks every HTTP server for one
					t.Errorf("failed request: %s", f)
				}
			}
			for _, u := range b.Requests() {
				if strings.HasPrefix(u, "http") && !strings.HasPrefix(u, base) && !strings.HasSuffix(u, "/favicon.ico") {
					t.Errorf("request outside the site: %s", u)
				}
			}
		})
	}
}

// TestBrowserHeaderBox types into the header box of a document page.
func TestBrowserHeaderBox(t *testing.T) {
	browsertest.Need(t)
	pub := buildSeed(t)
	b := browsertest.New(t)
	url := browsertest.FileURL(pub) + "/docs/xi-jin-ping-zong-shu-ji-kao-cha-shang/index.html"
	err := chromedp.Do(b.Ctx,
		chromedp.Navigate(url),
		chromedp.WaitReady(chromedp.ID("search-input")),
		chromedp.KeyEvent("/"),
	)
	if err != nil {
		t.Fatal(err)
	}
	focused, err := chromedp.Run(b.Ctx, chromedp.Evaluate[string](`document.activeElement.id`))
	if err != nil || focused != "search-input" {
		t.Fatalf("/ focused %q (%v), want the search box", focused, err)
	}
	err = chromedp.Do(b.Ctx,
		chromedp.Func(func(ctx context.Context, _ *chromedp.Target) error {
			return typeInto(ctx, "search-input", "人民城市理念")
		}),
		chromedp.WaitVisible(chromedp.CSS(".search-drop[data-ready] .sr-link")),
		// Let the debounced search settle, so the arrows walk the final list.
		chromedp.Func(func(ctx context.Context, _ *chromedp.Target) error { return settleDrop(ctx) }),
		chromedp.KeyEvent(kb.ArrowDown), // the document's title
		chromedp.KeyEvent(kb.ArrowDown), // its first hit
		chromedp.KeyEvent(kb.Enter),
	)
	if err == nil {
		err = waitDoc(b)
	}
	if err != nil {
		t.Fatal(err)
	}
	var text string
	for i := 0; i < 40 && !strings.Contains(text, "人民城市理念"); i++ {
		text, err = chromedp.Run(b.Ctx, chromedp.Evaluate[string](`(() => { const e = document.getElementById(decodeURIComponent(location.hash.slice(1))); return e && e.classList.contains('target') ? e.textContent : ''; })()`))
		if err != nil {
			t.Fatal(err)
		}
		time.Sleep(50 * time.Millisecond)
	}
	if !strings.Contains(text, "人民城市理念") {
		t.Errorf("arrow + Enter landed on %q, want a highlighted paragraph with 人民城市理念", text)
	}
}

// TestBrowserTokenTable runs the JS tokeniser over testdata/tokens.json,
// the table the Go tokeniser is tested on.
func TestBrowserTokenTable(t *testing.T) {
	browsertest.Need(t)
	pub := buildSeed(t)
	table, err := os.ReadFile("testdata/tokens.json")
	if err != nil {
		t.Fatal(err)
	}
	b := browsertest.New(t)
	if err := chromedp.Do(b.Ctx, chromedp.Navigate(browsertest.FileURL(pub)+"/search/index.html")); err != nil {
		t.Fatal(err)
	}
	js := `(async (tb) => {
  const T = window.__ssTok, M = await T.more(), bad = [], eq = (a, b) => JSON.stringify(a) === JSON.stringify(b);
  tb.display.forEach(([i, w]) => { const g = T.display(i); if (g !== w) bad.push(['display', i, g, w]); });
  tb.normalize.forEach(([i, w]) => { const g = T.normalize(i); if (g !== w) bad.push(['normalize', i, g, w]); });
  tb.tokens.forEach(([i, w]) => { const g = M.tokens(i); if (!eq(g, w)) bad.push(['tokens', i, g, w]); });
  tb.query.forEach(([i, w]) => { const g = T.parseQuery(i); if (!eq(g, w)) bad.push(['query', i, g, w]); });
  tb.plan.forEach(([i, at, w, ex]) => { const g = T.plan(i); if (!eq([g.at, g.within, g.exact], [at, w, ex])) bad.push(['plan', i, g, at, w, ex]); });
  tb.shard.forEach(([i, n, w]) => { const g = T.shardOf(i, n); if (g !== w) bad.push(['shard', i, g, w]); });
  return JSON.stringify(bad);
})(` + string(table) + `)`
	bad, err := chromedp.Run(b.Ctx, chromedp.Evaluate[string](js, chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatal(err)
	}
	if bad != "[]" {
		t.Errorf("search.js disagrees with testdata/tokens.json: %s", bad)
	}
}

func jsString(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}

// waitDoc waits until a document page has loaded; evaluation fails while
// the old page is torn down, so it retries.
// settleDrop waits until the header's result list has stopped changing
// (the same links over 300 ms).
func settleDrop(ctx context.Context) error {
	prev := ""
	for i := 0; i < 40; i++ {
		cur, err := chromedp.Run(ctx, chromedp.Evaluate[string](`Array.from(document.querySelectorAll(".search-drop .sr-link")).map(a => a.href).join(" ")`))
		if err != nil {
			return err
		}
		if cur != "" && cur == prev {
			return nil
		}
		prev = cur
		time.Sleep(300 * time.Millisecond)
	}
	return fmt.Errorf("the result list kept changing")
}

func waitDoc(b *browsertest.Browser) error {
	var last error
	for i := 0; i < 100; i++ {
		ok, err := chromedp.Run(b.Ctx, chromedp.Evaluate[bool](`location.pathname.includes('/docs/') && document.readyState === 'complete'`))
		if err == nil && ok {
			return nil
		}
		last = err
		time.Sleep(50 * time.Millisecond)
	}
	return fmt.Errorf("no document page loaded: %v", last)
}

// TestBrowserFilters: on a 300-document site with tags, series and
// years, the search page offers every tag, series and year, and each
// filter leaves exactly the matching documents that have them.
func TestBrowserFilters(t *testing.T) {
	browsertest.Need(t)
	dir := syntheticSite(t, 300)
	pub := buildSite(t, dir)
	pages := loadPages(t, dir)
	ix := search.NewIndex(pages)
	const q = "长三角"
	hitDocs := map[int]bool{}
	for e := range ix.Match(string(search.Normalize(q))) {
		hitDocs[ix.Entries[e].Doc] = true
	}
	// the index numbers documents oldest first, pages come newest first
	page := func(d int) *content.Page { return pages[len(pages)-1-d] }
	tags, series, years := map[string]bool{}, map[string]bool{}, map[string]bool{}
	for _, p := range pages {
		for _, tg := range p.Meta.Tags {
			tags["t:"+tg] = true
		}
		if p.Meta.Series != "" {
			series["s:"+p.Meta.Series] = true
		}
		if !p.Date.IsZero() {
			years[fmt.Sprint(p.Date.Year())] = true
		}
	}
	if len(tags) < 2 || len(series) < 1 || len(years) < 2 {
		t.Fatalf("the test site needs tags, series and years: %d, %d, %d", len(tags), len(series), len(years))
	}
	want := func(value string) int {
		n := 0
		for d := range hitDocs {
			p := page(d)
			ok := false
			switch {
			case value == "":
				ok = true
			case strings.HasPrefix(value, "t:"):
				ok = slices.Contains(p.Meta.Tags, value[2:])
			case strings.HasPrefix(value, "s:"):
				ok = p.Meta.Series == value[2:]
			default:
				ok = !p.Date.IsZero() && fmt.Sprint(p.Date.Year()) == value
			}
			if ok {
				n++
			}
		}
		return n
	}

	b := browsertest.New(t)
	if err := chromedp.Do(b.Ctx, chromedp.Navigate(browsertest.FileURL(pub)+"/search/index.html?q="+url.QueryEscape(q))); err != nil {
		t.Fatal(err)
	}
	if _, err := chromedp.Run(b.Ctx, chromedp.Poll[bool](`document.querySelector('.search-results').dataset.ready === '1' && !document.querySelector('.search-filters').hidden`)); err != nil {
		t.Fatal(err)
	}
	offered, err := chromedp.Run(b.Ctx, chromedp.Evaluate[map[string][]string](`({tag: Array.from(document.querySelectorAll('.sr-filter-tag option')).map(o => o.value).filter(Boolean), year: Array.from(document.querySelectorAll('.sr-filter-year option')).map(o => o.value).filter(Boolean)})`))
	if err != nil {
		t.Fatal(err)
	}
	if got, w := strings.Join(offered["tag"], " "), strings.Join(append(slices.Sorted(maps.Keys(tags)), slices.Sorted(maps.Keys(series))...), " "); got != w {
		t.Errorf("tag and series filter offers %q, want %q", got, w)
	}
	if got, w := len(offered["year"]), len(years); got != w {
		t.Errorf("year filter offers %d years, want %d", got, w)
	}
	choose := func(sel, value string) {
		t.Helper()
		js := fmt.Sprintf(`(() => { const s = document.querySelector(%q); document.querySelector('.search-results').removeAttribute('data-ready'); s.value = %q; s.dispatchEvent(new Event('change', {bubbles: true})); return true; })()`, sel, value)
		if _, err := chromedp.Run(b.Ctx, chromedp.Evaluate[bool](js)); err != nil {
			t.Fatal(err)
		}
		// the count is final once the whole lists are in (until then it
		// says 至少)
		if _, err := chromedp.Run(b.Ctx, chromedp.Poll[bool](`document.querySelector('.search-results').dataset.ready === '1' && document.querySelector('.search-status').textContent.startsWith('找到') || document.querySelector('.search-status').textContent.includes('没有找到')`)); err != nil {
			t.Fatal(err)
		}
	}
	status := func() string {
		s, err := chromedp.Run(b.Ctx, chromedp.Evaluate[string](`document.querySelector('.search-status').textContent`))
		if err != nil {
			t.Fatal(err)
		}
		return s
	}
	for _, c := range []struct{ sel, value string }{
		{".sr-filter-tag", offered["tag"][0]},
		{".sr-filter-tag", slices.Sorted(maps.Keys(series))[0]},
		{".sr-filter-tag", ""},
		{".sr-filter-year", offered["year"][len(offered["year"])-1]},
	} {
		choose(c.sel, c.value) // (the tag filter is back to all before the year)
		value := c.value
		n := want(value)
		if got := status(); !strings.HasPrefix(got, fmt.Sprintf("找到 %d 篇文档", n)) {
			t.Errorf("filter %q: status %q, want %d documents", value, got, n)
		}
	}
}

// TestBrowserRetriesAfterFailedLoad: when an index file cannot be loaded
// (here the text dictionary, as on a flaky connection), the search page
// shows no results, and the same search once the file is back shows
// them, without reloading the page.
func TestBrowserRetriesAfterFailedLoad(t *testing.T) {
	browsertest.Need(t)
	pub := buildSeed(t)
	dict := filepath.Join(pub, "search", "d.js")
	if err := os.Rename(dict, dict+".away"); err != nil {
		t.Fatal(err)
	}
	b := browsertest.New(t)
	if err := chromedp.Do(b.Ctx, chromedp.Navigate(browsertest.FileURL(pub)+"/search/index.html")); err != nil {
		t.Fatal(err)
	}
	if err := typeInto(b.Ctx, "search-page-input", "长三角"); err != nil {
		t.Fatal(err)
	}
	// the search has finished once it says it failed
	if _, err := chromedp.Run(b.Ctx, chromedp.Poll[bool](`document.querySelector('.search-status').textContent.includes('搜索出错')`, chromedp.WithPollingTimeout(20*time.Second))); err != nil {
		st, _ := chromedp.Run(b.Ctx, chromedp.Evaluate[string](`document.querySelector('.search-status').textContent`))
		t.Fatalf("the search without the dictionary never reported its failure (status %q): %v", st, err)
	}
	shown, err := chromedp.Run(b.Ctx, chromedp.Evaluate[int](`document.querySelectorAll('.search-results .sr-item').length`))
	if err != nil {
		t.Fatal(err)
	}
	if shown != 0 {
		t.Fatalf("%d results shown without the dictionary, want none", shown)
	}
	if err := os.Rename(dict+".away", dict); err != nil {
		t.Fatal(err)
	}
	if err := typeInto(b.Ctx, "search-page-input", "长三角"); err != nil {
		t.Fatal(err)
	}
	if _, err := chromedp.Run(b.Ctx, chromedp.Poll[bool](`document.querySelector('.search-results').dataset.ready === '1' && document.querySelectorAll('.search-results .sr-item').length > 0`, chromedp.WithPollingTimeout(20*time.Second))); err != nil {
		t.Errorf("no results once the dictionary is back: %v", err)
	}
}

// TestBrowserMoreResultsKeepsFocus: pressing Enter on "显示更多结果"
// shows ten more results and puts the keyboard focus on the first of
// them, so arrow keys go on from there.
func TestBrowserMoreResultsKeepsFocus(t *testing.T) {
	browsertest.Need(t)
	pub := buildSite(t, syntheticSite(t, 300))
	b := browsertest.New(t)
	page := browsertest.FileURL(pub) + "/search/index.html?q=" + url.QueryEscape("长三角")
	if err := chromedp.Do(b.Ctx, chromedp.Navigate(page)); err != nil {
		t.Fatal(err)
	}
	if _, err := chromedp.Run(b.Ctx, chromedp.Poll[bool](`document.querySelector('.search-results').dataset.ready === '1' && !!document.querySelector('.sr-more button')`, chromedp.WithPollingTimeout(20*time.Second))); err != nil {
		t.Fatalf("no 显示更多结果 button: %v", err)
	}
	if err := chromedp.Do(b.Ctx, chromedp.Focus(chromedp.CSS(".sr-more button")), chromedp.KeyEvent(kb.Enter)); err != nil {
		t.Fatal(err)
	}
	if _, err := chromedp.Run(b.Ctx, chromedp.Poll[bool](`document.querySelectorAll('.search-results .sr-item').length > 10`, chromedp.WithPollingTimeout(20*time.Second))); err != nil {
		t.Fatalf("Enter on the button showed no more results: %v", err)
	}
	where, err := chromedp.Run(b.Ctx, chromedp.Evaluate[int](`(() => { const a = document.activeElement, items = [...document.querySelectorAll('.search-results .sr-item')]; return a && a.tagName === 'A' ? items.findIndex(li => li.contains(a)) : -1; })()`))
	if err != nil {
		t.Fatal(err)
	}
	if where != 10 {
		t.Errorf("focus is in result %d after more results (-1: not on a link), want 10, the first new one", where)
	}
}

// TestBrowserOneSyllable: one pinyin syllable of three letters or more
// finds the titles and headings with a character of that reading (考察: kao), as
// typing "shanghai" passes through "shang"; two letters stay words.
func TestBrowserOneSyllable(t *testing.T) {
	browsertest.Need(t)
	pub := buildSeed(t)
	b := browsertest.New(t)
	if err := chromedp.Do(b.Ctx, chromedp.Navigate(browsertest.FileURL(pub)+"/search/index.html")); err != nil {
		t.Fatal(err)
	}
	for q, want := range map[string]bool{"shang": true, "shanghai": true, "kao": true, "qqq": false} {
		n, err := chromedp.Run(b.Ctx, chromedp.Evaluate[int](fmt.Sprintf(`window.__ssSearch(%s).then(r => r.docs.length)`, jsString(q)), chromedp.EvalAwaitPromise))
		if err != nil {
			t.Fatal(err)
		}
		if (n > 0) != want {
			t.Errorf("%q finds %d documents, want some: %v", q, n, want)
		}
	}
}
