package pdf

import (
	"context"
	_ "embed"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
	"github.com/spf13/afero"
)

// MaxPasses bounds the print–measure–fill loop. Page numbers settle in two
// passes unless filling them in reflows the table of contents, and duplex
// blank pages are placed from predicted shifts, so four is generous.
const MaxPasses = 5

// Options configure a Printer.
type Options struct {
	Chromium string    // the browser's executable (FindChromium)
	Date     time.Time // metadata date; zero: the newest <time datetime> of the page
	SiteURL  string    // the published site's address (baseURL): links to its pages point there
	Log      io.Writer // progress and warnings; nil for none
	Timeout  time.Duration
}

// Result is one printed page.
type Result struct {
	Page   string // slash path of the page in the site
	PDF    []byte
	Title  string
	Pages  int // pages of the PDF
	Passes int // prints it took until page numbers and blank pages settled
	Blanks int // duplex blank pages inserted
}

// Printer is one headless Chromium and the loopback server it reads the
// site from. It prints one page at a time; Close stops both.
type Printer struct {
	opt     Options
	srv     *siteServer
	ctx     context.Context
	cancel  []context.CancelFunc
	profile string
}

// Start serves site (the built public/ folder) and starts Chromium with a
// fresh profile and no network beyond the loopback.
func Start(ctx context.Context, site afero.Fs, opt Options) (*Printer, error) {
	if opt.Chromium == "" {
		return nil, ErrNoChromium
	}
	if opt.Timeout == 0 {
		opt.Timeout = 5 * time.Minute
	}
	srv, err := serveSite(site)
	if err != nil {
		return nil, err
	}
	// The profile is Chromium's own scratch space, outside the site.
	profile, err := os.MkdirTemp("", "studysite-chromium-")
	if err != nil {
		srv.close()
		return nil, fmt.Errorf("a profile folder for Chromium: %w", err)
	}
	p := &Printer{opt: opt, srv: srv, profile: profile}
	actx, cancelA := chromedp.NewExecAllocator(ctx,
		chromedp.ExecPath(opt.Chromium),
		chromedp.Headless,
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck,
		chromedp.UserDataDir(profile),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-extensions", true),
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.Flag("font-render-hinting", "none"),
	)
	bctx, cancelB := chromedp.NewContext(actx)
	p.ctx, p.cancel = bctx, []context.CancelFunc{cancelB, cancelA}
	if err := chromedp.Do(bctx); err != nil { // starts the browser
		p.Close()
		return nil, fmt.Errorf("starting %s: %w", opt.Chromium, err)
	}
	return p, nil
}

// Close stops Chromium and the server and removes the profile.
func (p *Printer) Close() {
	for _, c := range p.cancel {
		c()
	}
	p.srv.close()
	_ = os.RemoveAll(p.profile)
}

//go:embed prepare.js
var prepareJS string

//go:embed apply.js
var applyJS string

// pageFacts is what prepare.js reports of a page.
type pageFacts struct {
	Title   string         `json:"title"`
	Date    string         `json:"date"`
	Duplex  bool           `json:"duplex"`
	Outline []outlineEntry `json:"outline"`
	Refs    []string       `json:"refs"`
	Docs    []string       `json:"docs"`
}

type outlineEntry struct {
	ID    string `json:"id"`
	Level int    `json:"level"`
	Title string `json:"title"`
}

// Print prints the page at slash path pagePath of the site. info holds
// extra entries for the PDF's information dictionary (InfoKeyPage).
func (p *Printer) Print(ctx context.Context, pagePath string, info map[string]string) (*Result, error) {
	tctx, cancel := chromedp.NewContext(p.ctx) // a new tab per page
	defer cancel()
	tctx, cancelT := context.WithTimeout(tctx, p.opt.Timeout)
	defer cancelT()
	stop := context.AfterFunc(ctx, cancelT)
	defer stop()

	resp, err := chromedp.RunResponse(tctx, chromedp.Navigate(p.srv.url(pagePath)))
	if err != nil {
		return nil, fmt.Errorf("%s: loading in Chromium: %w", pagePath, err)
	}
	if resp != nil && resp.Status >= 400 {
		return nil, fmt.Errorf("%s: the site has no such page (HTTP %d); run studysite build first", pagePath, resp.Status)
	}
	// Fonts first: a page printed before its fonts load lays out in a
	// fallback font and its page numbers do not hold. The page is laid out
	// for print first, so fonts only the print stylesheet names load too.
	if _, err := chromedp.Call(tctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: "print"}); err != nil {
		return nil, fmt.Errorf("%s: laying out for print: %w", pagePath, err)
	}
	if _, err := chromedp.Run(tctx, chromedp.Evaluate[bool](`document.fonts.ready.then(() => true)`, chromedp.EvalAwaitPromise)); err != nil {
		return nil, fmt.Errorf("%s: waiting for fonts: %w", pagePath, err)
	}
	siteURL, err := json.Marshal(p.opt.SiteURL)
	if err != nil {
		return nil, err
	}
	facts, err := chromedp.Run(tctx, chromedp.Evaluate[pageFacts](strings.Replace(prepareJS, "SITEURL", string(siteURL), 1)))
	if err != nil {
		return nil, fmt.Errorf("%s: reading the page: %w", pagePath, err)
	}
	res := &Result{Page: pagePath, Title: facts.Title}
	var pdf []byte
	var dests map[string]int
	settled := false
	blanked := map[string]bool{}
	for res.Passes < MaxPasses {
		res.Passes++
		pdf, err = chromedp.Run(tctx, chromedp.PrintToPDF(printOptions))
		if err != nil {
			return nil, fmt.Errorf("%s: printing (pass %d): %w", pagePath, res.Passes, err)
		}
		var pages int
		dests, pages, err = namedDestinations(pdf)
		if err != nil {
			return nil, fmt.Errorf("%s: reading back the printed PDF (pass %d): %w", pagePath, res.Passes, err)
		}
		res.Pages = pages
		plan := planPass(facts, dests, blanked)
		changed, err := p.apply(tctx, plan)
		if err != nil {
			return nil, fmt.Errorf("%s: filling page numbers: %w", pagePath, err)
		}
		if !changed {
			settled = true
			break
		}
		if res.Passes == MaxPasses {
			break // the PDF in hand is the last print, with the blank pages counted so far
		}
		for _, id := range plan.toggle {
			blanked[id] = !blanked[id]
		}
	}
	if !settled && p.opt.Log != nil {
		fmt.Fprintf(p.opt.Log, "warning: %s: page numbers still moved after %d passes; the table of contents may be off by a page\n", pagePath, MaxPasses)
	}
	for _, b := range blanked {
		if b {
			res.Blanks++
		}
	}
	date := p.opt.Date
	if date.IsZero() && facts.Date != "" {
		date, _ = time.Parse("2006-01-02", facts.Date[:10])
	}
	out, err := finish(pdf, facts.Title, date, facts.Outline, info)
	if err != nil {
		return nil, fmt.Errorf("%s: writing outline and metadata: %w", pagePath, err)
	}
	res.PDF = out
	return res, nil
}

// printOptions: paper from CSS @page, no browser header or footer, the
// theme's backgrounds (rules, seals), tagged, streamed (a packet of fifty
// documents is tens of megabytes, too big to hand over in one message).
func printOptions(pp *page.PrintToPDFParams) {
	t := true
	f := false
	pp.PreferCSSPageSize = &t
	pp.DisplayHeaderFooter = &f
	pp.PrintBackground = &t
	pp.GenerateTaggedPDF = &t
	pp.TransferMode = page.PrintToPDFTransferModeReturnAsStream
}

func (p *Printer) apply(ctx context.Context, plan passPlan) (bool, error) {
	pages, err := json.Marshal(plan.refPages)
	if err != nil {
		return false, err
	}
	toggle, err := json.Marshal(plan.toggle)
	if err != nil {
		return false, err
	}
	js := strings.NewReplacer("PAGES", string(pages), "TOGGLE", string(toggle)).Replace(applyJS)
	return chromedp.Run(ctx, chromedp.Evaluate[bool](js))
}
