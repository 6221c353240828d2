package site

import (
	"context"
	"runtime"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/spf13/afero"

	"github.com/studysite/studysite/internal/sitetest"
)

// stageRecord is what a follower saw of one stage.
type stageRecord struct {
	stage        Stage
	total, final int64
	backwards    bool // a count lower than one read before
}

// recordingProgress reads each stage's counter as often as it can from
// its own goroutine, as the CLI's bar does on a timer.
type recordingProgress struct {
	stages []*stageRecord
	stop   chan struct{}
	wg     sync.WaitGroup
	done   *atomic.Int64
}

func (p *recordingProgress) Begin(stage Stage, total int64, done *atomic.Int64) {
	rec := &stageRecord{stage: stage, total: total}
	p.stages = append(p.stages, rec)
	p.stop, p.done = make(chan struct{}), done
	p.wg.Add(1)
	go func(stop chan struct{}) {
		defer p.wg.Done()
		last := int64(0)
		for {
			n := done.Load()
			rec.backwards = rec.backwards || n < last
			last = n
			select {
			case <-stop:
				return
			default:
				runtime.Gosched()
			}
		}
	}(p.stop)
}

func (p *recordingProgress) End(stage Stage) {
	close(p.stop)
	p.wg.Wait()
	rec := p.stages[len(p.stages)-1]
	if rec.stage != stage {
		panic("End(" + string(stage) + ") ends " + string(rec.stage))
	}
	rec.final = p.done.Load()
}

func TestProgressFollowsEveryStage(t *testing.T) {
	const doc = "---\ntitle: 一篇\ndate: 2024-01-02\n---\n\n## 一\n\n正文。\n"
	fsys := afero.NewMemMapFs()
	sitetest.Write(t, fsys, "site", sitetest.Site{SeedAs: seedFile, Config: "title = \"x\"\n",
		Files: map[string]string{"content/a.md": doc, "content/b.md": doc, "seeds/other.txt": "另一篇讲话\n\n正文一段。\n"}})
	tests := []struct {
		name string
		opt  Options
		// the render stage's total: unknown on a first build, then the
		// last build's file count
		renderTotalFromLast bool
		stamp               string // written over the stamp before the build, when set
	}{
		{"first build", Options{Source: "site", Cache: true}, false, ""},
		{"again, from the stamp", Options{Source: "site", Cache: true, Rebuild: true}, true, ""},
		{"a stamp that does not parse", Options{Source: "site", Cache: true, Rebuild: true}, false, "{not json"},
		{"a stamp with no file count (an older studysite's)", Options{Source: "site", Cache: true, Rebuild: true}, false, `{"Inputs":"x","Output":"y","Pages":3}`},
	}
	var last *Result
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.stamp != "" {
				if err := afero.WriteFile(fsys, "site/"+StampFile, []byte(tt.stamp), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			p := &recordingProgress{}
			tt.opt.Progress = p
			res, err := Build(context.Background(), fsys, tt.opt)
			if err != nil {
				t.Fatal(err)
			}
			seeds, _ := afero.Glob(fsys, "site/seeds/*")
			contents, _ := afero.Glob(fsys, "site/content/*.md")
			renderTotal := int64(-1)
			if tt.renderTotalFromLast {
				renderTotal = int64(last.Files)
			}
			want := []stageRecord{
				{stage: StageImport, total: int64(len(seeds)), final: int64(len(seeds))},
				{stage: StageParse, total: int64(len(contents)), final: int64(len(contents))},
				{stage: StageRender, total: renderTotal, final: int64(res.Files)},
			}
			if len(p.stages) != len(want) {
				t.Fatalf("%d stages followed, want %d", len(p.stages), len(want))
			}
			for i, w := range want {
				got := *p.stages[i]
				if got.backwards {
					t.Errorf("%s: the count went down", got.stage)
				}
				got.backwards = false
				if got != w {
					t.Errorf("stage %d: %+v, want %+v", i, got, w)
				}
			}
			last = res
		})
	}
}
