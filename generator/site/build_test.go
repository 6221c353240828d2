package site

import (
	"context"
	"errors"
	"maps"
	"runtime"
	"strings"
	"testing"

	"github.com/spf13/afero"

	"github.com/studysite/studysite/internal/faultfs"
)

// TestBuildDeterministic builds the same input in fresh file systems, with
// one and with all processors, and wants byte-identical output.
func TestBuildDeterministic(t *testing.T) {
	first := afero.NewMemMapFs()
	_ = afero.WriteFile(first, "site/seeds/"+seedFile, readSeed(t), 0o644)
	build(t, first)
	want := tree(t, first, "site/public")

	prev := runtime.GOMAXPROCS(1)
	second := seedSite(t)
	build(t, second)
	runtime.GOMAXPROCS(prev)
	if got := tree(t, second, "site/public"); !maps.Equal(got, want) {
		t.Errorf("GOMAXPROCS=1 build differs:\n%v\n%v", got, want)
	}
	// Rebuilding in place changes nothing either.
	build(t, second)
	if got := tree(t, second, "site/public"); !maps.Equal(got, want) {
		t.Errorf("second build in place differs")
	}
}

// TestBuildRemovesStaleFiles: a file that no longer belongs to the site is
// gone after a build.
func TestBuildRemovesStaleFiles(t *testing.T) {
	fsys := seedSite(t)
	build(t, fsys)
	if err := afero.WriteFile(fsys, "site/public/docs/old/index.html", []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}
	build(t, fsys)
	if ok, _ := afero.Exists(fsys, "site/public/docs/old/index.html"); ok {
		t.Error("stale page survived the build")
	}
}

// TestFailedBuildKeepsPublic fails each mutating file operation of a whole
// build in turn (write, create, mkdir, rename, remove): every such build
// returns an error, and the previous public/ is byte for byte unchanged.
func TestFailedBuildKeepsPublic(t *testing.T) {
	base := seedSite(t)
	build(t, base)
	// Change the content so that a successful build would change public/.
	contentFiles, _ := afero.Glob(base, "site/content/*.md")
	if len(contentFiles) != 1 {
		t.Fatalf("content files: %v", contentFiles)
	}
	md := readFile(t, base, contentFiles[0])
	md = []byte(strings.Replace(string(md), "## 一、", "## 一、（已修改）", 1))
	_ = afero.WriteFile(base, contentFiles[0], md, 0o644)
	before := tree(t, base, "site/public")

	// Count the operations of a successful build on a copy.
	probe := faultfs.New(copyFs(t, base), 0)
	build(t, probe)
	total := probe.Count()
	if total < 5 {
		t.Fatalf("only %d mutating operations counted", total)
	}
	for _, n := range faultPoints(total, testing.Short()) {
		fsys := copyFs(t, base)
		ffs := faultfs.New(fsys, n)
		_, err := Build(context.Background(), ffs, Options{Source: "site"})
		if err == nil {
			// The last operations remove the previous site after the swap;
			// a failure there is reported too, so every n must fail.
			t.Errorf("operation %d of %d failed silently: build succeeded", n, total)
			continue
		}
		if !faultfs.IsInjected(err) {
			t.Errorf("operation %d: error does not carry the cause: %v", n, err)
		}
		// A failure after the new site is in place may leave the new site;
		// anything else must leave the old one exactly.
		after := tree(t, fsys, "site/public")
		if !maps.Equal(after, before) {
			afterGood := tree(t, probe, "site/public")
			if !maps.Equal(after, afterGood) {
				t.Errorf("operation %d of %d: public/ is neither the old nor the new site", n, total)
			}
		}
		// The next build, with no fault, recovers and succeeds.
		build(t, fsys)
		if leftovers, _ := afero.Glob(fsys, "site/public.studysite-*"); len(leftovers) > 0 {
			t.Errorf("operation %d: work folders left behind: %v", n, leftovers)
		}
	}
}

// faultPoints are the operations TestFailedBuildKeepsPublic fails, one a
// build: every one of the total, or under -short (make mutate runs the tests
// once per mutant) the first and last ten, where the work folder is made
// and the swap done, and every seventh between.
func faultPoints(total int, short bool) []int {
	var points []int
	for n := 1; n <= total; n++ {
		if !short || n <= 10 || n > total-10 || n%7 == 0 {
			points = append(points, n)
		}
	}
	return points
}

func copyFs(t testing.TB, src afero.Fs) afero.Fs {
	t.Helper()
	dst := afero.NewMemMapFs()
	for name := range tree(t, src, "site") {
		data := readFile(t, src, "site/"+name)
		if err := afero.WriteFile(dst, "site/"+name, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dst
}

// TestBuildCancelled: a cancelled build returns the context's error and
// leaves no work folder behind on the next start.
func TestBuildCancelled(t *testing.T) {
	fsys := seedSite(t)
	build(t, fsys)
	before := tree(t, fsys, "site/public")
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := Build(ctx, fsys, Options{Source: "site"}); !errors.Is(err, context.Canceled) {
		t.Fatalf("cancelled build: %v", err)
	}
	if got := tree(t, fsys, "site/public"); !maps.Equal(got, before) {
		t.Error("cancelled build changed public/")
	}
}

// TestReadOnlyDestination: a destination that cannot be written gives a
// clear error and leaves nothing half written.
func TestReadOnlyDestination(t *testing.T) {
	fsys := seedSite(t)
	build(t, fsys)
	before := tree(t, fsys, "site/public")
	_, err := Build(context.Background(), afero.NewReadOnlyFs(fsys), Options{Source: "site"})
	if err == nil || !strings.Contains(err.Error(), "public") {
		t.Fatalf("error %v, want one naming the output folder", err)
	}
	if got := tree(t, fsys, "site/public"); !maps.Equal(got, before) {
		t.Error("public/ changed")
	}
}

// TestFullDisk: ENOSPC while writing says so and names the file.
func TestFullDisk(t *testing.T) {
	fsys := seedSite(t)
	build(t, fsys)
	probe := faultfs.New(copyFs(t, fsys), 0)
	build(t, probe)
	ffs := faultfs.New(fsys, probe.Count()/2)
	_, err := Build(context.Background(), ffs, Options{Source: "site"})
	if err == nil || !strings.Contains(err.Error(), "no space left on device") || !strings.Contains(err.Error(), "site/public") {
		t.Errorf("error %v", err)
	}
}
