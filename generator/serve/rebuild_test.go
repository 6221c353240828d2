package serve

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/spf13/afero"

	"github.com/studysite/studysite/generator/site"
)

// fakeBuilder writes what import would (a content file) and reports it.
type fakeBuilder struct {
	dir   string
	wrote []string
	err   error
	calls [][]string
}

func (f *fakeBuilder) Build(_ context.Context, changed []string) (*Output, error) {
	f.calls = append(f.calls, changed)
	if f.err != nil {
		return nil, f.err
	}
	for _, p := range f.wrote {
		if err := os.WriteFile(filepath.Join(f.dir, filepath.FromSlash(p)), []byte("imported"), 0o644); err != nil {
			return nil, err
		}
	}
	return &Output{Site: NewSnapshot(map[string][]byte{"index.html": []byte("x")}), Result: &site.Result{}, Wrote: f.wrote}, nil
}

// TestOwnWritesAreNoEdits: the content file a seed edit re-imports is
// written by the build; its change must not set off another build, but a
// person's later edit of it must.
func TestOwnWritesAreNoEdits(t *testing.T) {
	dir := t.TempDir()
	if err := os.MkdirAll(filepath.Join(dir, "content"), 0o755); err != nil {
		t.Fatal(err)
	}
	fb := &fakeBuilder{dir: dir, wrote: []string{"content/x.md"}}
	var events []Event
	loop := &rebuildLoop{fs: afero.NewOsFs(), builder: fb, live: newLive(), report: func(e Event) { events = append(events, e) }, root: dir}
	loop.build(context.Background(), []string{"seeds/x.txt"})
	if got := loop.edits([]string{"content/x.md", "seeds/x.txt"}); !slices.Equal(got, []string{"seeds/x.txt"}) {
		t.Errorf("after the build wrote content/x.md: edits %q, want only seeds/x.txt", got)
	}
	if err := os.WriteFile(filepath.Join(dir, "content", "x.md"), []byte("edited by a person"), 0o644); err != nil {
		t.Fatal(err)
	}
	if got := loop.edits([]string{"content/x.md"}); !slices.Equal(got, []string{"content/x.md"}) {
		t.Errorf("after a person's edit: edits %q, want content/x.md", got)
	}
	// The build wrote x.md again; a person breaks it, the build fails, the
	// person undoes the edit: the same bytes as the build wrote, an edit.
	loop.build(context.Background(), []string{"seeds/x.txt"})
	fb.wrote, fb.err = nil, errors.New("content/x.md:2: broken")
	loop.build(context.Background(), []string{"content/x.md"})
	if err := os.WriteFile(filepath.Join(dir, "content", "x.md"), []byte("imported"), 0o644); err != nil {
		t.Fatal(err)
	}
	if got := loop.edits([]string{"content/x.md"}); !slices.Equal(got, []string{"content/x.md"}) {
		t.Errorf("an edit undone after a failed build: edits %q, want content/x.md", got)
	}
	if _, ok := events[0].(Built); !ok {
		t.Errorf("first event %#v, want Built", events[0])
	}
}

// TestFailedBuildKeepsTheLastGoodSite: the snapshot served stays the last
// good one, and the state carries the error until a build succeeds.
func TestFailedBuildKeepsTheLastGoodSite(t *testing.T) {
	fb := &fakeBuilder{dir: t.TempDir()}
	l := newLive()
	loop := &rebuildLoop{builder: fb, live: l, report: func(Event) {}}
	loop.build(context.Background(), nil)
	good, state := l.current()
	fb.err = errors.New("content/x.md:2: bad front matter")
	loop.build(context.Background(), []string{"content/x.md"})
	now, failed := l.current()
	if now != good || failed.Build != state.Build || failed.Error != fb.err.Error() {
		t.Errorf("after a failure: site kept %v, build %q (was %q), error %q", now == good, failed.Build, state.Build, failed.Error)
	}
	fb.err = nil
	loop.build(context.Background(), []string{"content/x.md"})
	_, fixed := l.current()
	if fixed.Error != "" || fixed.Build == state.Build {
		t.Errorf("after the fix: state %+v, want a new build and no error", fixed)
	}
}
