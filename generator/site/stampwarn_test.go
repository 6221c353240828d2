package site

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"github.com/spf13/afero"

	"github.com/studysite/studysite/internal/faultfs"
	"github.com/studysite/studysite/internal/sitetest"
)

// TestBuildStampWarnsOnlyWhenNotWritten: a build with the cache writes
// its stamp without a word; when the stamp cannot be written (a file where
// the disk fills up as it is written, the last write of a build) the site is still built and one warning
// says the next build will build again.
func TestBuildStampWarnsOnlyWhenNotWritten(t *testing.T) {
	for _, c := range []struct {
		name        string
		block       bool
		wantWarning bool
	}{
		{"stamp written", false, false},
		{"stamp cannot be written", true, true},
	} {
		t.Run(c.name, func(t *testing.T) {
			fsys := afero.NewMemMapFs()
			sitetest.Write(t, fsys, "site", sitetest.Site{SeedAs: sitetest.SeedFile, RepoConfig: true})
			o := Options{Source: "site", Cache: true}
			var target afero.Fs = fsys
			if c.block {
				probe := faultfs.New(copyFs(t, fsys), 0)
				if _, err := Build(context.Background(), probe, o); err != nil {
					t.Fatal(err)
				}
				target = faultfs.New(fsys, probe.Count())
			}
			var log bytes.Buffer
			o.Log = &log
			res, err := Build(context.Background(), target, o)
			if err != nil {
				t.Fatal(err)
			}
			if ok, _ := afero.Exists(fsys, "site/public/index.html"); !ok {
				t.Error("no home page")
			}
			if ok, _ := afero.Exists(fsys, "site/"+StampFile); ok == c.block {
				t.Errorf("stamp written: %v, want %v", ok, !c.block)
			}
			want := "warning: " + StampFile + ": "
			if got := strings.Count(log.String(), want); got != map[bool]int{false: 0, true: 1}[c.wantWarning] {
				t.Errorf("%d warnings %q, want one: %v; log:\n%s", got, want, c.wantWarning, log.String())
			}
			if c.wantWarning && !strings.Contains(log.String(), "(the next build will build again)") {
				t.Errorf("the warning does not say what follows:\n%s", log.String())
			}
			if res.Warnings != strings.Count(log.String(), "warning: ") {
				t.Errorf("Result.Warnings %d, the log has %d:\n%s", res.Warnings, strings.Count(log.String(), "warning: "), log.String())
			}
		})
	}
}
