package main

import (
	"io"
	"os"
	"sync"
	"sync/atomic"
	"time"

	"github.com/schollz/progressbar/v3"
	"golang.org/x/term"

	"github.com/studysite/studysite/generator/site"
)

// barAfter is how long a build runs before its progress bar appears. A
// small site builds in well under a second: a bar that flashes for a
// moment tells a clerk nothing and leaves terminal noise. A second is
// also past the point where a wait feels like a hang. A stage that starts
// later shows its bar at its first tick. STUDYSITE_PROGRESS_AFTER (a Go
// duration) changes it, for the tests and for anyone who wants the bar
// at once.
const barAfter = time.Second

// barTick is how often the bar reads the stage's counter.
const barTick = 100 * time.Millisecond

// barProgress draws the stages of a build (site.Progress) as a progress
// bar on a terminal. The build only advances a counter; the bar reads it
// from its own goroutine every barTick, so a page costs no lock. It is
// also the build's log: a warning clears the bar's line before it is
// printed, so the two do not run together.
type barProgress struct {
	w     io.Writer
	start time.Time
	after time.Duration

	mu    sync.Mutex // the bar and the terminal line
	bar   *progressbar.ProgressBar
	stage site.Stage
	total int64
	done  *atomic.Int64

	stop, stopped chan struct{}
}

// newBarProgress gives a bar on stderr when stderr is a terminal outside
// CI, else nil: in a pipe, a file or a CI log the build prints its plain
// lines only.
func newBarProgress(stderr io.Writer, getenv func(string) string, start time.Time) *barProgress {
	f, ok := stderr.(*os.File)
	if !ok || !term.IsTerminal(int(f.Fd())) || getenv("CI") != "" || getenv("TERM") == "dumb" {
		return nil
	}
	after := barAfter
	if v := getenv("STUDYSITE_PROGRESS_AFTER"); v != "" {
		if d, err := time.ParseDuration(v); err == nil {
			after = d
		}
	}
	return &barProgress{w: stderr, start: start, after: after}
}

func (p *barProgress) Begin(stage site.Stage, total int64, done *atomic.Int64) {
	p.mu.Lock()
	p.stage, p.total, p.done = stage, total, done
	p.mu.Unlock()
	p.draw() // a stage that starts late shows at once
	p.stop, p.stopped = make(chan struct{}), make(chan struct{})
	go p.follow(p.stop, p.stopped)
}

func (p *barProgress) End(site.Stage) {
	close(p.stop)
	<-p.stopped
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.bar != nil {
		_ = p.bar.Clear() // the line is the next stage's, or the summary's
		p.bar = nil
	}
}

func (p *barProgress) follow(stop <-chan struct{}, stopped chan<- struct{}) {
	defer close(stopped)
	t := time.NewTicker(barTick)
	defer t.Stop()
	for {
		select {
		case <-stop:
			return
		case <-t.C:
			p.draw()
		}
	}
}

func (p *barProgress) draw() {
	p.mu.Lock()
	defer p.mu.Unlock()
	if time.Since(p.start) < p.after {
		return
	}
	n := p.done.Load()
	if p.bar == nil {
		p.bar = progressbar.NewOptions64(p.total,
			progressbar.OptionSetWriter(p.w),
			progressbar.OptionSetDescription(stageWords(p.stage)),
			progressbar.OptionShowCount(),
			progressbar.OptionSetWidth(30),
			progressbar.OptionSpinnerType(14),
			progressbar.OptionSetRenderBlankState(true),
		)
	}
	// StageRender's total is the last build's count, an estimate.
	if p.total >= 0 && n > p.bar.GetMax64() {
		p.bar.ChangeMax64(n)
	}
	_ = p.bar.Set64(n)
}

// Write prints a warning (or any log line) above the bar.
func (p *barProgress) Write(b []byte) (int, error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.bar != nil {
		_ = p.bar.Clear()
	}
	return p.w.Write(b)
}

func stageWords(s site.Stage) string {
	switch s {
	case site.StageImport:
		return msgStageImport.String()
	case site.StageParse:
		return msgStageParse.String()
	case site.StageRender:
		return msgStageRender.String()
	}
	return msgStageFallback.String()
}
