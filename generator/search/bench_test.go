package search_test

import (
	"context"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"
	"github.com/spf13/afero"

	"github.com/studysite/studysite/generator/config"
	"github.com/studysite/studysite/generator/content"
	"github.com/studysite/studysite/generator/link"
	"github.com/studysite/studysite/generator/search"
	"github.com/studysite/studysite/generator/site"
	"github.com/studysite/studysite/internal/browsertest"
)

// linkedCorpus is the 2,000-document corpus, parsed and linked.
func linkedCorpus(b *testing.B) *link.Site {
	b.Helper()
	dir := corpusDir(b)
	pages, err := site.LoadContent(context.Background(), afero.NewOsFs(), site.Options{Source: dir})
	if err != nil {
		b.Fatal(err)
	}
	s, err := link.Build(config.Config{}, pages)
	if err != nil {
		b.Fatal(err)
	}
	return s
}

// BenchmarkIndexBuild indexes the 2,000-document corpus and reports the
// size of the written index.
func BenchmarkIndexBuild(b *testing.B) {
	s := linkedCorpus(b)
	b.ResetTimer()
	var st search.Stats
	for i := 0; i < b.N; i++ {
		var err error
		if _, st, err = search.Build(context.Background(), s); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(st.Bytes), "index-bytes")
	b.ReportMetric(float64(st.Shards), "shards")
	b.ReportMetric(float64(st.Rests), "rest-files")
	b.ReportMetric(float64(st.Files), "files")
	b.ReportMetric(float64(st.ManifestBytes), "manifest-bytes")
}

// BenchmarkQueryChromium builds the corpus site and runs 20 queries each
// of 2, 4 and 8 Chinese characters in headless Chromium from file://, each
// on a fresh page with nothing cached. It reports the median time of the
// 60 queries once the page has loaded the manifest and is idle, as a
// reader typing finds it (median-ms), the same including the manifest for a query
// issued the moment the page opens (median-ms-fresh), and per length the
// median and largest bytes of index files loaded to show the first page
// of results (manifest, shards, metadata and text). median-ms-http is
// median-ms over HTTP (a Go file server under /study/), and
// median-ms-session the queries typed one after another on one open page.
func BenchmarkQueryChromium(b *testing.B) {
	dir := corpusDir(b)
	pub := buildSite(b, dir)
	ix := search.NewIndex(loadPages(b, dir))
	page := browsertest.FileURL(pub) + "/search/index.html"
	httpPage := browsertest.Serve(b, pub, "/study/") + "search/index.html"
	queries := map[int][]string{}
	for _, n := range []int{2, 4, 8} {
		queries[n] = fixedQueries(ix, n, 20)
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		var times, fresh, overHTTP, session []float64
		for _, n := range []int{2, 4, 8} {
			br := browsertest.New(b) // one per length: the harness gives each browser two minutes
			if _, err := chromedp.Call(br.Ctx, network.SetCacheDisabled, network.SetCacheDisabledParams{CacheDisabled: true}); err != nil {
				b.Fatal(err)
			}
			var sizes []int
			var byLen []float64
			for _, q := range queries[n] {
				before := len(br.Requests())
				if err := chromedp.Do(br.Ctx, chromedp.Navigate(page)); err != nil {
					b.Fatal(err)
				}
				ms, err := timeSearch(br, q, "")
				if err != nil {
					b.Fatal(err)
				}
				fresh = append(fresh, ms)
				// the same query on a page that has its manifest, nothing else
				ms, err = readyQuery(br, page, q)
				if err != nil {
					b.Fatal(err)
				}
				times = append(times, ms)
				byLen = append(byLen, ms)
				ms, err = readyQuery(br, httpPage, q)
				if err != nil {
					b.Fatal(err)
				}
				overHTTP = append(overHTTP, ms)
				// the first page of results: what the search page loads to show them
				if err := typeInto(br.Ctx, "search-page-input", q); err != nil {
					b.Fatal(err)
				}
				if _, err := chromedp.Run(br.Ctx, chromedp.Poll[bool](`document.querySelector('.search-results').dataset.ready === '1' || document.querySelector('.search-status').textContent.includes('没有找到')`)); err != nil {
					b.Fatal(err)
				}
				sizes = append(sizes, indexBytes(pub, br.Requests()[before:]))
			}
			// a reader's session: one page, the queries one after another
			// (shards an earlier query loaded are not loaded again)
			if err := chromedp.Do(br.Ctx, chromedp.Navigate(page)); err != nil {
				b.Fatal(err)
			}
			for _, q := range queries[n] {
				ms, err := timeSearch(br, q, "await window.__ssReady();")
				if err != nil {
					b.Fatal(err)
				}
				session = append(session, ms)
			}
			sort.Ints(sizes)
			sort.Float64s(byLen)
			b.ReportMetric(byLen[len(byLen)/2], fmt.Sprintf("median-ms-%dchar", n))
			b.ReportMetric(float64(sizes[len(sizes)/2]), fmt.Sprintf("bytes-%dchar", n))
			b.ReportMetric(float64(sizes[len(sizes)-1]), fmt.Sprintf("maxbytes-%dchar", n))
		}
		sort.Float64s(times)
		sort.Float64s(fresh)
		sort.Float64s(overHTTP)
		sort.Float64s(session)
		b.ReportMetric(session[len(session)/2], "median-ms-session")
		b.ReportMetric(times[len(times)/2], "median-ms")
		b.ReportMetric(overHTTP[len(overHTTP)/2], "median-ms-http")
		b.ReportMetric(fresh[len(fresh)/2], "median-ms-fresh")
	}
}

// readyQuery opens page, waits for the manifest and for the browser to be
// idle (done laying out the page, as it is when a reader starts typing),
// and times query q.
func readyQuery(br *browsertest.Browser, page, q string) (float64, error) {
	if err := chromedp.Do(br.Ctx, chromedp.Navigate(page)); err != nil {
		return 0, err
	}
	if _, err := chromedp.Run(br.Ctx, chromedp.Poll[bool](`typeof window.__ssReady === "function"`)); err != nil {
		return 0, fmt.Errorf("%s: %w", page, err)
	}
	return timeSearch(br, q, "await window.__ssReady(); await new Promise(r => requestIdleCallback(r, {timeout: 1000}));")
}

// timeSearch runs the JS before, then times query q on the open page.
func timeSearch(br *browsertest.Browser, q, before string) (float64, error) {
	return chromedp.Run(br.Ctx, chromedp.Evaluate[float64](fmt.Sprintf(`(async () => {
  %s
  const t0 = performance.now();
  await window.__ssSearch(%s);
  return performance.now() - t0;
})()`, before, jsString(q)), chromedp.EvalAwaitPromise))
}

// fixedQueries takes n-character substrings at evenly spread paragraphs.
func fixedQueries(ix *search.Index, n, count int) []string {
	var out []string
	for i := 0; len(out) < count && i < len(ix.Entries); i += len(ix.Entries)/count/2 + 1 {
		rs := search.Normalize(ix.Entries[i].Text)
		for k := 0; k+n <= len(rs); k += 7 {
			ok := true
			for _, r := range rs[k : k+n] {
				ok = ok && search.IsHan(r)
			}
			if ok {
				out = append(out, string(rs[k:k+n]))
				break
			}
		}
	}
	return out
}

// indexBytes sums the on-disk size of the index files among urls, which
// are file:// addresses under pub or HTTP ones under any prefix.
func indexBytes(pub string, urls []string) int {
	seen := map[string]bool{}
	total := 0
	for _, u := range urls {
		p, err := url.Parse(u)
		if err != nil {
			continue
		}
		k := strings.LastIndex(p.Path, "/search/")
		if k < 0 || strings.HasSuffix(p.Path, ".html") {
			continue
		}
		name := p.Path[k+len("/search/"):]
		if seen[name] {
			continue
		}
		seen[name] = true
		if fi, err := os.Stat(filepath.Join(pub, "search", filepath.FromSlash(name))); err == nil {
			total += int(fi.Size())
		}
	}
	return total
}

// BenchmarkStateEdit is one edit through a search.State on the corpus: a
// sentence added to a paragraph of the middle document, then State.Build.
// It reports how many files were deflated again and how many documents
// tokenised.
func BenchmarkStateEdit(b *testing.B) {
	s := linkedCorpus(b)
	st := search.NewState()
	if _, _, err := st.Build(context.Background(), s); err != nil {
		b.Fatal(err)
	}
	mid := len(s.Pages) / 2
	original := s.Pages[mid]
	var stats search.Stats
	for i := 0; b.Loop(); i++ {
		p := *original
		p.Paragraphs = append([]content.Paragraph(nil), p.Paragraphs...)
		p.Paragraphs[0].Text += fmt.Sprintf("第%d次修改补充的一句话。", i+1)
		s.Pages[mid] = &p
		var err error
		if _, stats, err = st.Build(context.Background(), s); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(stats.Deflated), "files-deflated")
	b.ReportMetric(float64(stats.Files), "files")
	b.ReportMetric(float64(st.Tokenised), "docs-tokenised")
}
