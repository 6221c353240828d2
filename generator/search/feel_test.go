package search_test

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/chromedp"

	"github.com/studysite/studysite/internal/browsertest"
)

// feelShapes are the query shapes readers type, as issue 16 lists them:
// place names and slogans of two to six characters, a single character, a
// long phrase, and Chinese mixed with digits, letters or quotes.
var feelShapes = []struct{ name, q string }{
	{"2 chars", "上海"},
	{"3 chars", "长三角"},
	{"4 chars", "人民城市"},
	{"6 chars", "中国式现代化"},
	{"1 char", "党"},
	{"8 chars", "长三角一体化发展"},
	{"date", "12月1日"},
	{"day+time", "29日下午"},
	{"quoted date", `"11月28日"`},
	{"letters+digits", "G60"},
	{"digit+letter", "5G"},
	{"quoted slogan", "“十四五”"},
}

// BenchmarkSearchFeel measures search as a reader feels it: a fresh
// browser profile opens a document page, clicks the header box and types
// the query, one keystroke every 100 ms (see keystrokes); the time runs from the last
// keystroke to the results drawn (the 150 ms debounce included). Warm is
// a second query typed into the same box afterwards. Each figure is the
// median of feelRuns runs, over HTTP on loopback and from file://, with
// the bytes of index files (and search.js) the cold query loaded.
//
// The site is the 2,000-document corpus (see corpusDir), or a built
// public/ folder named by STUDYSITE_FEEL_PUBLIC (for 20,000 documents).
// In the same run, Pagefind 1.6 indexes a copy of the site and is timed
// the same way (pagefind-*; see pagefindOnce), unless STUDYSITE_PAGEFIND=0
// or npx cannot fetch it. STUDYSITE_FEEL_RUNS sets the runs per median,
// STUDYSITE_FEEL_ONLY a list of the queries to run.
func BenchmarkSearchFeel(b *testing.B) {
	pub := os.Getenv("STUDYSITE_FEEL_PUBLIC")
	if pub == "" {
		pub = buildSite(b, corpusDir(b))
	}
	doc := firstDocPage(b, pub)
	bases := []struct{ name, base string }{
		{"http", browsertest.Serve(b, pub, "/study/")},
		{"file", browsertest.FileURL(pub) + "/"},
	}
	pfDir, why := pagefindSite(b, pub)
	if why != "" {
		b.Logf("no Pagefind figures: %s", why)
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if pfDir != "" {
			pfBase, served := countingServer(b, pfDir)
			for _, s := range feelShapes {
				if only := os.Getenv("STUDYSITE_FEEL_ONLY"); only != "" && !strings.Contains(only, s.q) {
					continue
				}
				var cold, warm, bytes []float64
				for run := 0; run < feelRuns; run++ {
					c, w, n, err := pagefindOnce(b, served, pfBase+doc, pfBase+"pagefind/pagefind.js", s.q)
					if err != nil {
						b.Fatalf("pagefind %s: %v", s.q, err)
					}
					cold, warm, bytes = append(cold, c), append(warm, w), append(bytes, float64(n))
				}
				b.ReportMetric(median(cold), "pagefind-cold-ms-"+metricName(s.q))
				b.ReportMetric(median(warm), "pagefind-warm-ms-"+metricName(s.q))
				b.ReportMetric(median(bytes), "pagefind-bytes-"+metricName(s.q))
			}
		}
		for _, base := range bases {
			for _, s := range feelShapes {
				if only := os.Getenv("STUDYSITE_FEEL_ONLY"); only != "" && !strings.Contains(only, s.q) {
					continue
				}
				var cold, warm, bytes []float64
				for run := 0; run < feelRuns; run++ {
					c, w, n, err := feelOnce(b, pub, base.base+doc, s.q)
					if err != nil {
						b.Fatalf("%s %s: %v", base.name, s.q, err)
					}
					cold, warm, bytes = append(cold, c), append(warm, w), append(bytes, float64(n))
				}
				b.ReportMetric(median(cold), fmt.Sprintf("cold-ms-%s-%s", base.name, metricName(s.q)))
				b.ReportMetric(median(warm), fmt.Sprintf("warm-ms-%s-%s", base.name, metricName(s.q)))
				if base.name == "http" {
					b.ReportMetric(median(bytes), "bytes-"+metricName(s.q))
				}
			}
		}
	}
}

// feelRuns is how many runs each median is of: STUDYSITE_FEEL_RUNS, else 5.
var feelRuns = func() int {
	if n, err := strconv.Atoi(os.Getenv("STUDYSITE_FEEL_RUNS")); err == nil && n > 0 {
		return n
	}
	return 5
}()

func median(xs []float64) float64 {
	sort.Float64s(xs)
	return xs[len(xs)/2]
}

// metricName makes a query usable in a benchmark metric's unit (no spaces).
func metricName(q string) string {
	return strings.NewReplacer(`"`, "q", "“", "q", "”", "", " ", "_").Replace(q)
}

// firstDocPage names the first document page of a built site.
func firstDocPage(t testing.TB, pub string) string {
	ents, err := os.ReadDir(filepath.Join(pub, "docs"))
	if err != nil || len(ents) == 0 {
		t.Fatalf("no document pages in %s: %v", pub, err)
	}
	return "docs/" + ents[0].Name() + "/index.html"
}

// feelTimer, put into the page, notes the time of each input event on the
// header box and the time the drop-down is next drawn complete.
const feelTimer = `(() => {
  const box = document.getElementById('search-input'), drop = () => document.querySelector('.search-drop');
  window.__feel = {t0: 0, t1: 0};
  box.addEventListener('input', () => { window.__feel.t0 = performance.now(); window.__feel.t1 = 0; }, true);
  new MutationObserver(() => {
    const d = drop();
    // the results of the query typed, not of a part of it drawn late
    const a = d && d.querySelector('a.sr-title');
    if (d && d.dataset.ready && !window.__feel.t1 && window.__feel.t0 && (!a || a.href.includes('hl=' + encodeURIComponent(box.value))))
      requestAnimationFrame(() => { window.__feel.t1 = performance.now(); });
  }).observe(document.body, {subtree: true, childList: true, attributes: true, attributeFilter: ['data-ready']});
  return true;
})()`

// feelOnce times q cold (the first query in a fresh browser profile) and
// warm (the second query on a page of another fresh profile, after a
// query of another shape) and gives the bytes the cold one loaded.
func feelOnce(b *testing.B, pub, pageURL, q string) (cold, warm float64, bytes int, err error) {
	open := func() (*browsertest.Browser, error) {
		br := browsertest.New(b)
		if err := chromedp.Do(br.Ctx, chromedp.Navigate(pageURL), chromedp.WaitReady(chromedp.ID("search-input"))); err != nil {
			return nil, err
		}
		_, err := chromedp.Run(br.Ctx, chromedp.Evaluate[bool](feelTimer))
		return br, err
	}
	br, err := open()
	if err != nil {
		return
	}
	before := len(br.Requests())
	if cold, err = typeAndWait(br.Ctx, q, true); err != nil {
		return
	}
	bytes = indexBytes(pub, br.Requests()[before:])
	for _, u := range br.Requests()[before:] {
		if strings.Contains(u, "/assets/search") && strings.HasSuffix(u, ".js") {
			if fi, e := os.Stat(filepath.Join(pub, strings.TrimPrefix(u[strings.Index(u, "/assets/"):], "/"))); e == nil {
				bytes += int(fi.Size())
			}
		}
	}
	// warm: another query first (one that shares no token with q)
	if br, err = open(); err != nil {
		return
	}
	first := "人民城市"
	if strings.ContainsAny(q, "人民城市") {
		first = "长三角"
	}
	if _, err = typeAndWait(br.Ctx, first, true); err != nil {
		return
	}
	warm, err = typeAndWait(br.Ctx, q, false)
	return
}

// keystrokes splits q as a reader enters it: letters, digits and ASCII
// marks key by key, and each run of Chinese (with its punctuation) as one
// commit of the input method, which is what reaches the page.
func keystrokes(q string) []string {
	var out []string
	for _, r := range q {
		if r < 0x80 || len(out) == 0 || out[len(out)-1][0] < 0x80 {
			out = append(out, string(r))
		} else {
			out[len(out)-1] += string(r)
		}
	}
	return out
}

// typeAndWait clicks the header box (first) or clears it, types q one
// character every 100 ms and waits for the results drawn.
func typeAndWait(ctx context.Context, q string, first bool) (float64, error) {
	if first {
		if err := chromedp.Do(ctx, chromedp.Click(chromedp.ID("search-input"))); err != nil {
			return 0, err
		}
	} else if _, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`(() => { const i = document.getElementById('search-input'); i.focus(); i.select(); return true; })()`)); err != nil {
		return 0, err
	}
	for _, k := range keystrokes(q) {
		time.Sleep(100 * time.Millisecond)
		if _, err := chromedp.Call(ctx, input.InsertText, input.InsertTextParams{Text: k}); err != nil {
			return 0, err
		}
	}
	var ms float64
	for i := 0; i < 400; i++ {
		v, err := chromedp.Run(ctx, chromedp.Evaluate[float64](`window.__feel.t1 ? window.__feel.t1 - window.__feel.t0 : -1`))
		if err != nil {
			return 0, err
		}
		if v >= 0 {
			ms = v
			return ms, nil
		}
		time.Sleep(20 * time.Millisecond)
	}
	return 0, fmt.Errorf("%s: no results drawn within 8 s", q)
}

// pagefindSite indexes a copy of the built site (its own index files
// left out) with Pagefind 1.6 through npx, as scripts/compare-pagefind.sh
// does, and gives the copy's folder, or "" (and why) when npx or the
// package cannot be had.
func pagefindSite(b *testing.B, pub string) (string, string) {
	if os.Getenv("STUDYSITE_PAGEFIND") == "0" {
		return "", "STUDYSITE_PAGEFIND=0"
	}
	dir := filepath.Join(b.TempDir(), "pf")
	cp := exec.Command("cp", "-r", pub, dir)
	if out, err := cp.CombinedOutput(); err != nil {
		return "", fmt.Sprintf("copying the site: %v %s", err, out)
	}
	ents, _ := os.ReadDir(filepath.Join(dir, "search"))
	for _, e := range ents {
		if e.Name() != "index.html" {
			_ = os.RemoveAll(filepath.Join(dir, "search", e.Name()))
		}
	}
	pf := exec.Command("npx", "--yes", "pagefind@1.6.0", "--site", dir)
	if out, err := pf.CombinedOutput(); err != nil {
		return "", fmt.Sprintf("pagefind: %v %s", err, out)
	}
	return dir, ""
}

// pagefindOnce times Pagefind's JS API as its UI uses it, on a fresh
// profile over HTTP (Pagefind needs fetch and WebAssembly, so no file://):
// the library is imported and initialised when the box is focused; from
// the last keystroke, the same 150 ms wait, then the search and the data
// of the first five results (what its UI shows first). Warm is q as the
// second query on the page of another fresh profile.
func pagefindOnce(b *testing.B, served *atomic.Int64, pageURL, pfURL, q string) (cold, warm float64, bytes int, err error) {
	br := browsertest.New(b)
	if err = chromedp.Do(br.Ctx, chromedp.Navigate(pageURL)); err != nil {
		return
	}
	before := served.Load()
	run := func(q string, first bool) (float64, error) {
		init := ""
		if first {
			init = `window.__pf = import(` + jsString(pfURL) + `).then(async pf => { await pf.options({}); await pf.init(); return pf; });`
		}
		ks := len(keystrokes(q))
		return chromedp.Run(br.Ctx, chromedp.Evaluate[float64](fmt.Sprintf(`(async () => {
  %s
  for (let i = 0; i < %d; i++) await new Promise(r => setTimeout(r, 100));
  const t0 = performance.now();
  await new Promise(r => setTimeout(r, 150));
  const pf = await window.__pf, res = await pf.search(%s);
  await Promise.all(res.results.slice(0, 5).map(r => r.data()));
  return performance.now() - t0;
})()`, init, ks, jsString(q)), chromedp.EvalAwaitPromise))
	}
	if cold, err = run(q, true); err != nil {
		return
	}
	bytes = int(served.Load() - before)
	// warm: a fresh profile, another query first, then q
	br = browsertest.New(b)
	if err = chromedp.Do(br.Ctx, chromedp.Navigate(pageURL)); err != nil {
		return
	}
	first := "人民城市"
	if strings.ContainsAny(q, "人民城市") {
		first = "长三角"
	}
	if _, err = run(first, true); err != nil {
		return
	}
	warm, err = run(q, false)
	return
}

// countingServer serves dir under /study/ and counts the bytes of
// /pagefind/ files it sends: Pagefind fetches them in a web worker, whose
// requests the page's own network events do not show.
func countingServer(b *testing.B, dir string) (string, *atomic.Int64) {
	var n atomic.Int64
	files := http.StripPrefix("/study", http.FileServer(http.Dir(dir)))
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if strings.Contains(r.URL.Path, "/pagefind/") {
			w = countingWriter{w, &n}
		}
		files.ServeHTTP(w, r)
	}))
	b.Cleanup(srv.Close)
	return srv.URL + "/study/", &n
}

type countingWriter struct {
	http.ResponseWriter
	n *atomic.Int64
}

func (c countingWriter) Write(p []byte) (int, error) {
	c.n.Add(int64(len(p)))
	return c.ResponseWriter.Write(p)
}
