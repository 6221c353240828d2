package themes_test

import (
	"encoding/json"
	"fmt"
	"math"
	"path/filepath"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/studysite/studysite/internal/browsertest"
)

// open shows a page of public at the given window width.
func open(t *testing.T, b *browsertest.Browser, public, path string, width, height int64) {
	t.Helper()
	err := chromedp.Do(b.Ctx,
		chromedp.EmulateViewport(width, height),
		chromedp.Navigate(browsertest.FileURL(filepath.Join(public, filepath.FromSlash(path)))),
		chromedp.WaitVisible(chromedp.CSS("main")))
	if err != nil {
		t.Fatal(err)
	}
}

// TestDocumentLeftEdge: on a document page the body text, the 本文提法 block
// under it and the footer start at one left edge, at phone, tablet and
// desktop width, with and without the sidebar table of contents.
func TestDocumentLeftEdge(t *testing.T) {
	for _, theme := range builtinThemes {
		public := buildSeedSite(t, theme, "")
		b := browsertest.New(t)
		for _, width := range []int64{375, 800, 1280, 1600} {
			open(t, b, public, seedDoc, width, 900)
			raw, err := chromedp.Run(b.Ctx, chromedp.Evaluate[[]byte](`({
				body: document.querySelector(".doc-body p").getBoundingClientRect().left,
				links: document.querySelector(".doc-links > *").getBoundingClientRect().left,
				footer: document.querySelector(".site-footer p").getBoundingClientRect().left,
				toc: !!document.querySelector(".doc.has-toc")})`))
			if err != nil {
				t.Fatal(err)
			}
			var got struct {
				Body, Links, Footer float64
				TOC                 bool
			}
			if err := json.Unmarshal(raw, &got); err != nil {
				t.Fatal(err)
			}
			if math.Abs(got.Links-got.Body) > 1 || math.Abs(got.Footer-got.Body) > 1 {
				t.Errorf("%s %dpx (toc %v): body text starts at x=%.1f, 本文提法 at %.1f, footer at %.1f",
					theme, width, got.TOC, got.Body, got.Links, got.Footer)
			}
		}
	}
}

// TestFooterAtBottom: on a page shorter than the window the footer ends at
// the window's bottom edge instead of floating under the content.
func TestFooterAtBottom(t *testing.T) {
	public := buildSeedSite(t, "default", "")
	b := browsertest.New(t)
	for _, width := range []int64{375, 1280} {
		open(t, b, public, "404.html", width, 1400)
		gap, err := chromedp.Run(b.Ctx, chromedp.Evaluate[float64](`innerHeight - document.querySelector(".site-footer").getBoundingClientRect().bottom`))
		if err != nil {
			t.Fatal(err)
		}
		if math.Abs(gap) > 1 {
			t.Errorf("404 page at %dpx: the footer ends %.0fpx above the window's bottom", width, gap)
		}
	}
}

// hsl is a CSS rgb() colour as hue (degrees), saturation and lightness (0..1).
type hsl struct{ h, s, l float64 }

func parseRGB(t *testing.T, css string) hsl {
	t.Helper()
	var r, g, b float64
	if _, err := fmt.Sscanf(css, "rgb(%g, %g, %g)", &r, &g, &b); err != nil {
		t.Fatalf("colour %q: %v", css, err)
	}
	r, g, b = r/255, g/255, b/255
	hi, lo := math.Max(r, math.Max(g, b)), math.Min(r, math.Min(g, b))
	c := hsl{l: (hi + lo) / 2}
	if d := hi - lo; d > 0 {
		c.s = d / (1 - math.Abs(2*c.l-1))
		switch hi {
		case r:
			c.h = math.Mod((g-b)/d+6, 6) * 60
		case g:
			c.h = ((b-r)/d + 2) * 60
		default:
			c.h = ((r-g)/d + 4) * 60
		}
	}
	return c
}

// TestDarkColours: in dark mode titles are not a light pink or salmon (hue
// near red, light, saturated: what dangjian's red turned into), and a cited
// paragraph's highlight is not a dark yellow-green (olive: hue 40–90°, dark)
// — it must read as a highlight, clearly apart from the page's background.
func TestDarkColours(t *testing.T) {
	for _, theme := range builtinThemes {
		public := buildSeedSite(t, theme, "")
		b := browsertest.New(t)
		open(t, b, public, seedDoc+"#p3", 1280, 900)
		_, err := chromedp.Run(b.Ctx, chromedp.Evaluate[bool](`document.documentElement.setAttribute("data-scheme", "dark"), true`))
		if err != nil {
			t.Fatal(err)
		}
		time.Sleep(1200 * time.Millisecond) // the highlight fades in over 1 s
		for _, sel := range []string{".doc-title", ".doc-body h2"} {
			css, err := chromedp.Run(b.Ctx, chromedp.Evaluate[string](fmt.Sprintf(`getComputedStyle(document.querySelector(%q)).color`, sel)))
			if err != nil {
				t.Fatal(err)
			}
			if c := parseRGB(t, css); (c.h < 25 || c.h > 330) && c.s > .5 && c.l > .6 {
				t.Errorf("%s dark: %s is pink/salmon %s", theme, sel, css)
			}
		}
		mark, err := chromedp.Run(b.Ctx, chromedp.Evaluate[string](`getComputedStyle(document.getElementById("p3")).backgroundColor`))
		if err != nil {
			t.Fatal(err)
		}
		bg, _ := chromedp.Run(b.Ctx, chromedp.Evaluate[string](`getComputedStyle(document.body).backgroundColor`))
		m, page := parseRGB(t, mark), parseRGB(t, bg)
		if m.h >= 40 && m.h <= 90 && m.l < .35 {
			t.Errorf("%s dark: the cited paragraph's highlight is olive %s", theme, mark)
		}
		if math.Abs(m.l-page.l) < .08 && m.s < .3 {
			t.Errorf("%s dark: the cited paragraph's highlight %s hardly differs from the page %s", theme, mark, bg)
		}
	}
}
