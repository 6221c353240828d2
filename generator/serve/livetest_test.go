package serve

import (
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
	"github.com/spf13/afero"

	"github.com/studysite/studysite/generator/site"
	"github.com/studysite/studysite/internal/browsertest"
)

// liveSite is a site folder served by Run for a test, with a Chromium tab.
type liveSite struct {
	t      testing.TB
	dir    string
	url    string
	events chan Event
	b      *browsertest.Browser
	loaded chan struct{} // a DOMContentLoaded of the tab
	// started is when the browser started.
	started time.Time
}

// startLive serves dir (a site folder) on a free loopback port until the
// test ends, and opens a browser on it.
func startLive(t testing.TB, dir string) *liveSite {
	t.Helper()
	ls := &liveSite{t: t, dir: dir, events: make(chan Event, 64), loaded: make(chan struct{}, 16)}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() {
		done <- Run(ctx, Options{
			Root:    dir,
			Fs:      afero.NewOsFs(),
			Builder: NewIncrementalBuilder(afero.NewOsFs(), site.Options{Source: dir}),
			Addr:    "127.0.0.1:0",
			Report: func(ev Event) {
				select {
				case ls.events <- ev:
				default: // nobody reads past the first build
				}
			},
		})
	}()
	t.Cleanup(func() {
		cancel()
		if err := <-done; err != nil {
			t.Errorf("serve stopped with %v", err)
		}
	})
	for ls.url == "" {
		switch ev := ls.next().(type) {
		case Listening:
			ls.url = ev.URL
		case BuildFailed:
			t.Fatalf("first build failed: %v", ev.Err)
		}
	}
	ls.newBrowser()
	return ls
}

// newBrowser opens a fresh Chromium for the next steps (a browsertest
// browser lives two minutes, less than ten edits of a big site take).
func (ls *liveSite) newBrowser() {
	t := ls.t
	t.Helper()
	if ls.b != nil {
		ls.b.Close()
	}
	ls.b = browsertest.New(t)
	ls.started = time.Now()
	ls.loaded = make(chan struct{}, 16)
	loaded := ls.loaded
	err := chromedp.Listen(ls.b.Ctx, func(ev any) {
		if _, ok := ev.(*page.EventDomContentEventFired); ok {
			select {
			case loaded <- struct{}{}:
			default:
			}
		}
	})
	if err != nil {
		t.Fatal(err)
	}
}

// next is the next event Run reports.
func (ls *liveSite) next() Event {
	ls.t.Helper()
	select {
	case ev := <-ls.events:
		return ev
	case <-time.After(2 * time.Minute):
		ls.t.Fatal("serve reported nothing for two minutes")
		return nil
	}
}

// write saves a file of the site and gives the time it did, in the
// browser's clock (milliseconds since the epoch).
func (ls *liveSite) write(rel, data string) float64 {
	ls.t.Helper()
	for {
		select {
		case <-ls.loaded: // forget loads before this save
			continue
		default:
		}
		break
	}
	at := float64(time.Now().UnixMicro()) / 1000
	if err := os.WriteFile(filepath.Join(ls.dir, filepath.FromSlash(rel)), []byte(data), 0o644); err != nil {
		ls.t.Fatal(err)
	}
	return at
}

// waitReload waits for the tab to load a page again and gives when its
// DOMContentLoaded began, in milliseconds since the epoch.
func (ls *liveSite) waitReload() float64 {
	ls.t.Helper()
	select {
	case <-ls.loaded:
	case <-ls.b.Ctx.Done():
		ls.t.Fatal("the page did not reload")
	}
	at, err := chromedp.Run(ls.b.Ctx, chromedp.Evaluate[float64](`performance.timeOrigin + performance.getEntriesByType('navigation')[0].domContentLoadedEventStart`))
	if err != nil {
		ls.t.Fatal(err)
	}
	return at
}

func (ls *liveSite) eval(js string) string {
	ls.t.Helper()
	s, err := chromedp.Run(ls.b.Ctx, chromedp.Evaluate[string](js))
	if err != nil {
		ls.t.Fatalf("%s: %v", js, err)
	}
	return s
}

func (ls *liveSite) open(path string) {
	ls.t.Helper()
	if err := chromedp.Do(ls.b.Ctx, chromedp.Navigate(ls.url+path)); err != nil {
		ls.t.Fatal(err)
	}
	// The reload script is connected once it has been told the state:
	// an edit made before that would reload nothing.
	if _, err := chromedp.Run(ls.b.Ctx, chromedp.Poll[bool](`window.studysiteLive === 'connected'`)); err != nil {
		ls.t.Fatalf("the reload script did not connect: %v", err)
	}
}

// pollOverlay waits for the build error to show in the open tab.
func (ls *liveSite) pollOverlay() {
	ls.t.Helper()
	if _, err := chromedp.Run(ls.b.Ctx, chromedp.Poll[bool](`!!document.getElementById('studysite-build-error')`)); err != nil {
		ls.t.Fatalf("no error shown over the page: %v", err)
	}
}
