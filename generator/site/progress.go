package site

import "sync/atomic"

// Stage names a long part of a build that Options.Progress follows.
type Stage string

// The stages a build reports, in the order it runs them.
const (
	// StageImport counts seeds read (and imported when new or changed).
	StageImport Stage = "import"
	// StageParse counts content files parsed.
	StageParse Stage = "parse"
	// StageRender counts the files of the output made and written as
	// they are made: pages, assets and search index files side by side.
	StageRender Stage = "render"
)

// Progress follows a build's stages. A stage calls Begin once, with how
// many units it will do (-1 when that is not known beforehand; for
// StageRender it is the last build's file count when there was one, an
// estimate) and the counter it advances as it goes, and End when it
// stops, with the counter at its final value. The follower reads the
// counter when it likes: a unit of work costs the build one atomic add
// and no lock or call. Begin and End are called from one goroutine, one
// stage at a time.
type Progress interface {
	Begin(stage Stage, total int64, done *atomic.Int64)
	End(stage Stage)
}

// begin starts following a stage with its own counter.
func (o Options) begin(stage Stage, total int64) *atomic.Int64 {
	done := &atomic.Int64{}
	o.beginWith(stage, total, done)
	return done
}

// beginWith starts following a stage whose counter exists already.
func (o Options) beginWith(stage Stage, total int64, done *atomic.Int64) {
	if o.Progress != nil {
		o.Progress.Begin(stage, total, done)
	}
}

func (o Options) end(stage Stage) {
	if o.Progress != nil {
		o.Progress.End(stage)
	}
}
