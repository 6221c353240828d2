package site

import (
	"context"
	"maps"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"

	"github.com/spf13/afero"

	"github.com/studysite/studysite/generator/search"
)

// indexFullFs is a disk that fills up as the search index is written:
// writing a file of the index (search/*.js; search/index.html is the
// search page) fails with ENOSPC. Pages wait to be written until that has
// happened, so the failure always comes before the pages are all written.
type indexFullFs struct {
	afero.Fs
	once   sync.Once
	failed chan struct{}
}

func (f *indexFullFs) OpenFile(name string, flag int, perm os.FileMode) (afero.File, error) {
	if flag&(os.O_WRONLY|os.O_RDWR) != 0 {
		switch {
		case strings.Contains(filepath.ToSlash(name), "/"+search.Dir) && strings.HasSuffix(name, ".js"):
			f.once.Do(func() { close(f.failed) })
			return nil, &os.PathError{Op: "write", Path: name, Err: syscall.ENOSPC}
		case strings.HasSuffix(name, ".html"):
			<-f.failed
		}
	}
	return f.Fs.OpenFile(name, flag, perm)
}

func (f *indexFullFs) Create(name string) (afero.File, error) {
	return f.OpenFile(name, os.O_RDWR|os.O_CREATE|os.O_TRUNC, 0o666)
}

// TestSearchIndexFailureNamed: when writing the search index fails, the
// build fails with the index's own error (what failed, on which file), not
// with the cancelling of the pages it stopped, and public/ stays as the
// last build left it. The failure reaches the pages while they are still
// being made or once they are done, as the goroutines run: the build is
// tried a few times to meet both.
func TestSearchIndexFailureNamed(t *testing.T) {
	fsys := seedSite(t)
	build(t, fsys)
	before := tree(t, fsys, "site/public")
	for try := range 6 {
		_, err := Build(context.Background(), &indexFullFs{Fs: fsys, failed: make(chan struct{})}, Options{Source: "site"})
		if err == nil {
			t.Fatalf("build %d succeeded on a full disk", try+1)
		}
		for _, want := range []string{"search index: ", "/" + search.Dir, "no space left on device"} {
			if !strings.Contains(err.Error(), want) {
				t.Errorf("build %d: error %q does not say %q", try+1, err, want)
			}
		}
		if strings.Contains(err.Error(), "context canceled") {
			t.Errorf("build %d: error %q blames the cancelled pages", try+1, err)
		}
		if got := tree(t, fsys, "site/public"); !maps.Equal(got, before) {
			t.Fatalf("build %d: public/ changed", try+1)
		}
	}
}
