package themes_test

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/studysite/studysite/internal/browsertest"
)

// pageKinds are the page types checked in every theme: path under the site
// root, and a name for messages and screenshot files.
var pageKinds = []struct{ name, path string }{
	{"home", "index.html"},
	{"doc", seedDoc},
	{"404", "docs/no/such/page/"},
	{"terms", "terms/index.html"},
	{"term", "terms/wu-ge-zhong-xin/index.html"},
	{"series", "series/zhu-ti-jiao-yu-xue-xi-cai-liao/index.html"},
	{"speakers", "speakers/index.html"},
	{"archive", "archive/index.html"},
	{"year", "years/2023/index.html"},
	{"search", "search/index.html?q=%E9%95%BF%E4%B8%89%E8%A7%92"},
	{"packets", "packets/index.html"},
	{"packet", "packets/q4/index.html"},
	{"packet-a5", "packets/a5/index.html"},
}

type axeResult struct {
	Violations []struct {
		ID    string `json:"id"`
		Help  string `json:"help"`
		Nodes []struct {
			Target         []any  `json:"target"`
			FailureSummary string `json:"failureSummary"`
		} `json:"nodes"`
	} `json:"violations"`
	Passes []struct {
		ID string `json:"id"`
	} `json:"passes"`
}

// TestAccessibility runs axe-core (node_modules/axe-core, pinned by
// package-lock.json) on every page type in both themes, in light and dark
// colours, at desktop and phone width, and wants no violations.
func TestAccessibility(t *testing.T) {
	axe, err := os.ReadFile(nodeTool(t, "axe-core/axe.min.js"))
	if err != nil {
		t.Fatal(err)
	}
	for _, theme := range builtinThemes {
		public := buildSeedSite(t, theme, "")
		srv := serveLikeNginx(t, public, "/study/")
		t.Run(theme, func(t *testing.T) {
			b := browsertest.New(t)
			for _, scheme := range []string{"light", "dark"} {
				for _, width := range []int64{1280, 375} {
					for _, pk := range pageKinds {
						url := srv.URL + "/study/" + pk.path
						err := chromedp.Do(b.Ctx,
							chromedp.EmulateViewport(width, 900),
							chromedp.Navigate(url),
							chromedp.Evaluate[chromedp.Void](`localStorage.setItem("studysite.scheme", "`+scheme+`")`),
							chromedp.Reload(),
							chromedp.WaitVisible(chromedp.CSS("main")),
							chromedp.Evaluate[chromedp.Void](string(axe)))
						if err != nil {
							t.Fatal(err)
						}
						raw, err := chromedp.Run(b.Ctx, chromedp.Evaluate[[]byte](
							`axe.run(document, {resultTypes: ["violations"]}).then(r => ({violations: r.violations, passes: r.passes}))`,
							chromedp.EvalAwaitPromise))
						if err != nil {
							t.Fatal(err)
						}
						var res axeResult
						if err := json.Unmarshal(raw, &res); err != nil {
							t.Fatal(err)
						}
						if len(res.Passes) == 0 {
							t.Errorf("%s %s %dpx: axe ran no checks", pk.name, scheme, width)
						}
						for _, v := range res.Violations {
							for _, n := range v.Nodes {
								t.Errorf("%s %s %dpx: %s (%s) at %v: %s", pk.name, scheme, width, v.ID, v.Help, n.Target, n.FailureSummary)
							}
						}
					}
				}
			}
			if errs := b.Errors(); len(errs) > 0 {
				t.Errorf("console errors: %v", errs)
			}
		})
	}
}

// TestNotFoundPage serves the site as nginx or GitHub Pages would, answering
// a missing address at any depth with 404.html, and follows its home link:
// with a baseURL (absolute links) and without (the script finds the home).
func TestNotFoundPage(t *testing.T) {
	for _, withBase := range []bool{false, true} {
		t.Run(fmt.Sprintf("baseURL=%v", withBase), func(t *testing.T) {
			// The server must exist before the build to know its address.
			dir := t.TempDir()
			srv := serveLikeNginx(t, dir, "/study/")
			base := ""
			if withBase {
				base = srv.URL + "/study/"
			}
			public := buildSeedSite(t, "dangjian", base)
			if err := os.Remove(dir); err != nil {
				t.Fatal(err)
			}
			if err := os.Rename(public, dir); err != nil {
				t.Fatal(err)
			}
			b := browsertest.New(t)
			for _, missing := range []string{"nothing.html", "docs/gone/", "docs/a/b/c/d.html", "tags/x/", "a/b/c/d.html"} {
				err := chromedp.Do(b.Ctx, chromedp.Navigate(srv.URL+"/study/"+missing), chromedp.WaitVisible(chromedp.CSS(".notfound")))
				if err != nil {
					t.Fatal(err)
				}
				// Without baseURL and without a site folder in the address the
				// script asks the folders above for the root; wait for its answer.
				if !withBase && (missing == "nothing.html" || strings.HasPrefix(missing, "a/")) {
					if _, err := chromedp.Run(b.Ctx, chromedp.Poll[bool](`document.querySelector("a.home-link").getAttribute("data-home") === "found"`, chromedp.WithPollingTimeout(5*time.Second))); err != nil {
						t.Errorf("%s: the script never found the site root: %v", missing, err)
					}
				}
				// The reading controls work: 大 enlarges the text, ◐ sets a scheme.
				err = chromedp.Do(b.Ctx, chromedp.Click(chromedp.CSS(`button.fs[data-fs="l"]`)), chromedp.Click(chromedp.CSS(`button.scheme`)))
				fs, _ := chromedp.Run(b.Ctx, chromedp.Evaluate[string](`document.documentElement.getAttribute("data-fs") || ""`))
				scheme, _ := chromedp.Run(b.Ctx, chromedp.Evaluate[string](`document.documentElement.getAttribute("data-scheme") || ""`))
				if err != nil || fs != "l" || scheme == "" {
					t.Errorf("%s: 字号 大 and ◐ do nothing (data-fs %q, data-scheme %q, %v)", missing, fs, scheme, err)
				}
				_, _ = chromedp.Run(b.Ctx, chromedp.Evaluate[bool](`localStorage.clear(), true`))
				// The header's search box is styled like on every other page.
				border, _ := chromedp.Run(b.Ctx, chromedp.Evaluate[string](`getComputedStyle(document.querySelector("#search-input")).borderTopLeftRadius`))
				if border != "4px" {
					t.Errorf("%s: header search box unstyled (border radius %q, want 4px as search.css sets)", missing, border)
				}
				// Styled: the stylesheet applied (the header band is not transparent).
				bg, _ := chromedp.Run(b.Ctx, chromedp.Evaluate[string](`getComputedStyle(document.querySelector(".site-header")).backgroundColor`))
				if bg == "rgba(0, 0, 0, 0)" || bg == "" {
					t.Errorf("%s: 404 page unstyled (header background %q)", missing, bg)
				}
				// The header's site title and search box lead to the site too.
				for sel, want := range map[string]string{
					`document.querySelector(".site-title").href`:                 srv.URL + "/study/index.html",
					`document.querySelector(".site-header .search-form").action`: srv.URL + "/study/search/index.html",
				} {
					if got, _ := chromedp.Run(b.Ctx, chromedp.Evaluate[string](sel)); got != want {
						t.Errorf("%s: %s = %q, want %q", missing, sel, got, want)
					}
				}
				err = chromedp.Do(b.Ctx, chromedp.Click(chromedp.CSS(".notfound a.home-link")), chromedp.WaitVisible(chromedp.CSS(".home-title")))
				if err != nil {
					t.Fatalf("%s: following the home link: %v", missing, err)
				}
				loc, _ := chromedp.Run(b.Ctx, chromedp.Location())
				if strings.TrimSuffix(loc, "index.html") != srv.URL+"/study/" {
					t.Errorf("%s: home link led to %s", missing, loc)
				}
			}
			for _, f := range b.Failures() {
				if !strings.HasPrefix(f, "HTTP 404") {
					t.Errorf("failed request: %s", f)
				}
			}
			if errs := b.Errors(); len(errs) > 0 {
				t.Errorf("console errors: %v", errs)
			}
		})
	}
}

// screenshotKinds are the pages TestScreenshots takes: home, a document
// and a packet page (the preview people print from).
var screenshotKinds = []struct{ name, path string }{pageKinds[0], pageKinds[1], {"packet", "packets/q4/index.html"}}

// TestScreenshots writes the home, document and packet pages at phone and desktop
// width in both themes to the screenshot folder, for a person to look at,
// and checks the pages do not scroll sideways.
func TestScreenshots(t *testing.T) {
	out := outDir(t)
	for _, theme := range builtinThemes {
		public := buildSeedSite(t, theme, "")
		b := browsertest.New(t)
		for _, width := range []int64{375, 1280} {
			for _, pk := range screenshotKinds {
				err := chromedp.Do(b.Ctx,
					chromedp.EmulateViewport(width, 900),
					chromedp.Navigate(browsertest.FileURL(filepath.Join(public, filepath.FromSlash(pk.path)))),
					chromedp.WaitVisible(chromedp.CSS("main")),
					chromedp.Sleep(100*time.Millisecond))
				if err != nil {
					t.Fatal(err)
				}
				over, _ := chromedp.Run(b.Ctx, chromedp.Evaluate[int](`document.documentElement.scrollWidth - innerWidth`))
				if over > 0 {
					t.Errorf("%s %s %dpx: the page scrolls sideways by %dpx", theme, pk.name, width, over)
				}
				png, err := chromedp.Run(b.Ctx, chromedp.FullScreenshot(100))
				if err != nil {
					t.Fatal(err)
				}
				view, err := chromedp.Run(b.Ctx, chromedp.CaptureScreenshot())
				if err != nil {
					t.Fatal(err)
				}
				for suffix, data := range map[string][]byte{"": png, "-window": view} {
					name := filepath.Join(out, fmt.Sprintf("%s-%s-%d%s.png", theme, pk.name, width, suffix))
					if err := os.WriteFile(name, data, 0o644); err != nil {
						t.Fatal(err)
					}
				}
			}
		}
	}
}
