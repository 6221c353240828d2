// Package serve is `studysite serve`: it builds a site folder into memory,
// serves it over HTTP on the loopback address, watches the folder's inputs
// (seeds/, content/, themes/, studysite.toml) and, after each settled batch
// of changes, rebuilds through a Builder and reloads every open tab by
// Server-Sent Events. A failed build keeps the last good site served and
// shows its error over the page until a build succeeds.
//
// The reload script exists only in served responses: it is appended to each
// HTML page as it is sent, as a same-origin script file that the pages'
// Content-Security-Policy ('self') already allows. Built output never
// holds it.
package serve

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"path/filepath"
	"time"

	"github.com/spf13/afero"
)

// Options configure Run.
type Options struct {
	// Root is the site folder to watch.
	Root string
	// Fs is where Root is, for telling the build's own writes from edits;
	// it is the disk (afero.NewOsFs) outside tests, since the watch is.
	Fs afero.Fs
	// Builder makes the site: IncrementalBuilder redoes what an edit
	// touches, FullBuilder rebuilds everything.
	Builder Builder
	// Addr is the host:port to listen on ("127.0.0.1:1313").
	Addr string
	// AnyPortIfTaken listens on a free port of the same host when Addr's
	// port is taken (a second serve, a studysite.exe double-clicked twice)
	// rather than fail; the Listening event gives the address.
	AnyPortIfTaken bool
	// Debounce is how long the inputs must stay unchanged before a
	// rebuild; 0 means DefaultDebounce.
	Debounce time.Duration
	// Report receives what happens, for the terminal; nil drops it.
	Report func(Event)
}

// DefaultDebounce waits out the burst of events one save makes (write,
// rename, chmod of a temporary file) without being felt.
const DefaultDebounce = 20 * time.Millisecond

// Event is something Run reports: one of Listening, Built, BuildFailed,
// WatchFailed.
type Event interface{ event() }

// Listening says the server accepts requests at URL.
type Listening struct{ URL string }

// Built says a build succeeded and the tabs were told to reload.
type Built struct {
	Changed  []string // nil for the first build
	Result   *BuildResult
	Duration time.Duration
}

// BuildFailed says a build failed; the last good site is still served.
type BuildFailed struct {
	Changed  []string
	Err      error
	Duration time.Duration
}

// WatchFailed is a problem of the file watch itself.
type WatchFailed struct{ Err error }

func (Listening) event()   {}
func (Built) event()       {}
func (BuildFailed) event() {}
func (WatchFailed) event() {}

// Run builds, serves and watches until ctx ends (Ctrl-C), then stops the
// server cleanly: open event streams end with ctx, and requests in flight
// get a few seconds to finish. A failed first build is reported and
// served as an error page that reloads once a build succeeds.
func Run(ctx context.Context, o Options) error {
	if o.Debounce == 0 {
		o.Debounce = DefaultDebounce
	}
	report := o.Report
	if report == nil {
		report = func(Event) {}
	}
	root, err := filepath.Abs(o.Root)
	if err != nil {
		return err
	}
	ln, err := net.Listen("tcp", o.Addr)
	if err != nil && o.AnyPortIfTaken && addrInUse(err) {
		if host, _, serr := net.SplitHostPort(o.Addr); serr == nil {
			ln, err = net.Listen("tcp", net.JoinHostPort(host, "0"))
		}
	}
	if err != nil {
		return fmt.Errorf("%s: %w", o.Addr, err)
	}
	// Watch before the first build, so an edit made during it is not missed.
	w, err := newWatcher(root, o.Debounce)
	if err != nil {
		_ = ln.Close()
		return fmt.Errorf("%s: watching for changes: %w", o.Root, err)
	}
	defer w.close()

	l := newLive()
	srv := &http.Server{
		Handler:           &handler{live: l},
		ReadHeaderTimeout: 10 * time.Second,
		BaseContext:       func(net.Listener) context.Context { return ctx },
	}
	served := make(chan error, 1)
	go func() { served <- srv.Serve(ln) }()

	loop := &rebuildLoop{fs: o.Fs, builder: o.Builder, live: l, report: report, root: root}
	loop.build(ctx, nil)
	report(Listening{URL: "http://" + ln.Addr().String() + "/"})

	batches := make(chan []string)
	watchCtx, stopWatch := context.WithCancel(ctx)
	defer stopWatch()
	go w.run(watchCtx, batches)
	for {
		select {
		case <-ctx.Done():
			shutdownCtx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
			defer cancel()
			return srv.Shutdown(shutdownCtx)
		case err := <-served:
			if errors.Is(err, http.ErrServerClosed) {
				return nil
			}
			return err
		case err := <-w.errs:
			report(WatchFailed{Err: err})
		case changed := <-batches:
			if changed = loop.edits(changed); len(changed) > 0 {
				loop.build(ctx, changed)
			}
		}
	}
}
