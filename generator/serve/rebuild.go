package serve

import (
	"context"
	"path/filepath"
	"time"

	"github.com/spf13/afero"

	"github.com/studysite/studysite/generator/site"
)

// BuildResult is what a successful build reports.
type BuildResult = site.Result

// rebuildLoop runs the builds, one at a time, and remembers which files
// the last build wrote itself.
type rebuildLoop struct {
	fs      afero.Fs
	builder Builder
	live    *live
	report  func(Event)
	root    string
	// wrote are the files the last build wrote (content imported from an
	// edited seed), by slash path, as they were when it ended.
	wrote map[string]fileStamp
}

func (r *rebuildLoop) build(ctx context.Context, changed []string) {
	start := time.Now()
	built, err := r.builder.Build(ctx, changed)
	if ctx.Err() != nil {
		return // stopping: a build cut short is no failure to show
	}
	if err != nil {
		r.wrote = nil
		r.live.failed(err)
		r.report(BuildFailed{Changed: changed, Err: err, Duration: time.Since(start)})
		return
	}
	r.wrote = map[string]fileStamp{}
	if r.fs != nil {
		for _, p := range built.Wrote {
			if st, ok := stampOf(r.fs, filepath.Join(r.root, filepath.FromSlash(p))); ok {
				r.wrote[p] = st
			}
		}
	}
	r.live.succeeded(built.Site)
	r.report(Built{Changed: changed, Result: built.Result, Duration: time.Since(start)})
}

// edits leaves out of the first batch after a build the files that build
// wrote itself and nobody touched since: importing an edited seed rewrites
// its content file, which must not set off a second build. Only the first
// batch: later, a file whose bytes come back to the same (an edit undone
// after a failed build) is an edit.
func (r *rebuildLoop) edits(changed []string) []string {
	defer func() { r.wrote = nil }()
	var out []string
	for _, rel := range changed {
		if was, ok := r.wrote[rel]; ok {
			if now, ok := stampOf(r.fs, filepath.Join(r.root, filepath.FromSlash(rel))); ok && now == was {
				continue
			}
		}
		out = append(out, rel)
	}
	return out
}
