// Package browsertest runs tests against built pages in a real headless
// Chromium (Debian's chromium package), through chromedp.
//
// Tests that need the browser call New. STUDYSITE_SKIP_BROWSER=1 skips
// them and says so, whether or not a Chromium is installed: for machines
// that cannot have one, and for runs that repeat the tests many times
// (make mutate). Otherwise a missing Chromium fails the test with how to
// install one.
package browsertest

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	cdplog "github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
)

// Browser is one headless Chromium for a test, with what its pages logged.
type Browser struct {
	Ctx context.Context

	mu       sync.Mutex
	errors   []string // console errors and uncaught exceptions
	failures []string // requests that failed
	requests []string // every URL requested
	dialogs  []string // alert/confirm/prompt messages (each dismissed)
	stop     func()
}

// ExecPath finds Chromium.
func ExecPath() string {
	if p := os.Getenv("CHROMIUM"); p != "" {
		return p
	}
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	return ""
}

// Need skips t when STUDYSITE_SKIP_BROWSER=1 and fails it when there is
// no Chromium, and gives Chromium's path. A browser test that builds a
// large site first calls it before: skipped, it costs nothing (make
// mutate runs the package's tests once per mutant with browsers off).
func Need(t testing.TB) string {
	t.Helper()
	if os.Getenv("STUDYSITE_SKIP_BROWSER") == "1" {
		t.Skip("STUDYSITE_SKIP_BROWSER=1: browser test skipped")
	}
	exe := ExecPath()
	if exe == "" {
		t.Fatal("no Chromium found: install it (Debian: apt-get install chromium) or set STUDYSITE_SKIP_BROWSER=1 to skip browser tests")
	}
	return exe
}

// New starts a headless Chromium with a fresh profile for t and stops it at
// the end of the test.
func New(t testing.TB) *Browser {
	t.Helper()
	exe := Need(t)
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(exe),
		chromedp.Headless,
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck,
		chromedp.UserDataDir(t.TempDir()),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("allow-file-access-from-files", false),
		chromedp.WindowSize(1280, 900),
	}
	actx, cancelA := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelC := chromedp.NewContext(actx)
	ctx, cancelT := context.WithTimeout(ctx, 2*time.Minute)
	b := &Browser{Ctx: ctx}
	lerr := chromedp.Listen(ctx, func(ev any) {
		b.mu.Lock()
		defer b.mu.Unlock()
		switch ev := ev.(type) {
		case *runtime.EventConsoleAPICalled:
			if ev.Type == runtime.ConsoleAPICalledTypeError {
				var parts []string
				for _, a := range ev.Args {
					parts = append(parts, string(a.Value))
				}
				b.errors = append(b.errors, "console.error: "+strings.Join(parts, " "))
			}
		case *runtime.EventExceptionThrown:
			d := ev.ExceptionDetails
			msg := d.Text
			if d.Exception != nil && d.Exception.Description != "" {
				msg = d.Exception.Description
			}
			b.errors = append(b.errors, "exception: "+msg)
		case *network.EventRequestWillBeSent:
			b.requests = append(b.requests, ev.Request.URL)
		case *network.EventResponseReceived:
			// Chromium asks for /favicon.ico by itself when a page names no
			// icon; that request is the browser's, not the page's.
			if ev.Response != nil && ev.Response.Status >= 400 && !strings.HasSuffix(ev.Response.URL, "/favicon.ico") {
				b.failures = append(b.failures, fmt.Sprintf("HTTP %d %s", ev.Response.Status, ev.Response.URL))
			}
		case *page.EventJavascriptDialogOpening:
			b.dialogs = append(b.dialogs, string(ev.Type)+": "+ev.Message)
			// A dialog blocks the page; answer it from outside the listener.
			go func() {
				_, _ = chromedp.Call(ctx, page.HandleJavaScriptDialog, page.HandleJavaScriptDialogParams{Accept: false})
			}()
		case *cdplog.EventEntryAdded:
			// Content-Security-Policy refusals and other browser-side errors
			// are reported here, not on the console API.
			if ev.Entry != nil && ev.Entry.Level == cdplog.EntryLevelError && ev.Entry.Source != cdplog.EntrySourceNetwork {
				b.errors = append(b.errors, "browser: "+ev.Entry.Text)
			}
		case *network.EventLoadingFailed:
			if !ev.Canceled {
				b.failures = append(b.failures, ev.ErrorText+" ("+string(ev.RequestID)+")")
			}
		}
	})
	if lerr != nil {
		cancelT()
		cancelC()
		cancelA()
		t.Fatalf("starting Chromium %s: %v", exe, lerr)
	}
	if _, err := chromedp.Call(ctx, cdplog.Enable, cdp.Empty{}); err != nil {
		cancelT()
		cancelC()
		cancelA()
		t.Fatalf("starting Chromium %s: %v", exe, err)
	}
	if err := chromedp.Do(ctx, chromedp.Navigate("about:blank")); err != nil {
		cancelT()
		cancelC()
		cancelA()
		t.Fatalf("starting Chromium %s: %v", exe, err)
	}
	b.stop = func() { cancelT(); cancelC(); cancelA() }
	t.Cleanup(b.Close)
	return b
}

// Close stops the browser before the end of the test: a benchmark that
// starts one per round must not leave the earlier ones running beside
// what it measures. Closing twice does nothing more.
func (b *Browser) Close() { b.stop() }

// Errors returns console errors and uncaught exceptions seen so far.
func (b *Browser) Errors() []string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return append([]string(nil), b.errors...)
}

// Failures returns the requests that failed so far, and HTTP responses
// with an error status.
func (b *Browser) Failures() []string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return append([]string(nil), b.failures...)
}

// Dialogs returns the JavaScript dialogs pages opened so far: any at all
// means some script ran that should not have.
func (b *Browser) Dialogs() []string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return append([]string(nil), b.dialogs...)
}

// Requests returns every URL the pages asked for so far.
func (b *Browser) Requests() []string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return append([]string(nil), b.requests...)
}

// Serve serves dir over HTTP under prefix (such as "/study/") and returns
// the URL of the prefix; the server stops at the end of the test.
func Serve(t testing.TB, dir, prefix string) string {
	t.Helper()
	if !strings.HasPrefix(prefix, "/") {
		prefix = "/" + prefix
	}
	if !strings.HasSuffix(prefix, "/") {
		prefix += "/"
	}
	mux := http.NewServeMux()
	mux.Handle(prefix, http.StripPrefix(strings.TrimSuffix(prefix, "/"), http.FileServer(http.Dir(dir))))
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	return srv.URL + prefix
}

// FileURL is the file:// URL of an absolute path.
func FileURL(path string) string {
	return "file://" + path
}
