package site

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"github.com/spf13/afero"

	"github.com/studysite/studysite/internal/sitetest"
)

// TestBuildStampSaysWhenNothingChanged builds a site, changes one thing
// (or nothing) and builds again with the stamp: only an unchanged site
// may be left as it is, and a change must reach the output.
func TestBuildStampSaysWhenNothingChanged(t *testing.T) {
	later := time.Date(2030, 1, 2, 3, 4, 5, 6, time.UTC)
	touch := func(name string) func(afero.Fs, *Options) {
		return func(fsys afero.Fs, _ *Options) {
			if err := fsys.Chtimes(filepath.Join("site", name), later, later); err != nil {
				t.Fatal(err)
			}
		}
	}
	write := func(name, data string) func(afero.Fs, *Options) {
		return func(fsys afero.Fs, _ *Options) {
			_ = fsys.MkdirAll(filepath.Dir(filepath.Join("site", name)), 0o755)
			if err := afero.WriteFile(fsys, filepath.Join("site", name), []byte(data), 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	for _, c := range []struct {
		name      string
		change    func(afero.Fs, *Options)
		unchanged bool
	}{
		{"nothing changed", func(afero.Fs, *Options) {}, true},
		{"a content file saved again", touch("content/" + contentName(t)), false},
		{"a content file added", write("content/new.md", "---\ntitle: 新的一篇\ndate: 2024-01-02\n---\n\n正文一段。\n"), false},
		{"the configuration saved again", touch("studysite.toml"), false},
		{"a seed added", write("seeds/2024-01-02-new.txt", "新的讲话\n\n同志们：\n\n今天讲三点意见。\n"), false},
		{"a theme file added", write("themes/default/assets/extra.css", "p{color:red}"), false},
		{"a print added to the PDF cache", write(".studysite/pdf/packets/x.abc.pdf", "%PDF-1.4"), false},
		{"the home page edited in the output", touch("public/index.html"), false},
		{"the home page removed from the output", func(fsys afero.Fs, _ *Options) { _ = fsys.Remove("site/public/index.html") }, false},
		{"the output folder removed", func(fsys afero.Fs, _ *Options) { _ = fsys.RemoveAll("site/public") }, false},
		{"another studysite", func(_ afero.Fs, o *Options) { o.BuildID = "other" }, false},
		{"search left out", func(_ afero.Fs, o *Options) { o.NoSearch = true }, false},
		{"another output folder", func(_ afero.Fs, o *Options) { o.Dest = "elsewhere" }, false},
		{"the stamp unreadable", write(StampFile, "{not json"), false},
		{"the cache not asked for", func(_ afero.Fs, o *Options) { o.Cache = false }, false},
		{"a build asked for anyway", func(_ afero.Fs, o *Options) { o.Rebuild = true }, false},
	} {
		t.Run(c.name, func(t *testing.T) {
			fsys := afero.NewMemMapFs()
			sitetest.Write(t, fsys, "site", sitetest.Site{SeedAs: sitetest.SeedFile, RepoConfig: true})
			o := Options{Source: "site", Cache: true, BuildID: "test"}
			first, err := Build(context.Background(), fsys, o)
			if err != nil {
				t.Fatal(err)
			}
			if first.Unchanged {
				t.Fatal("the first build says nothing changed")
			}
			c.change(fsys, &o)
			second, err := Build(context.Background(), fsys, o)
			if err != nil {
				t.Fatal(err)
			}
			if second.Unchanged != c.unchanged {
				t.Fatalf("Unchanged = %v, want %v", second.Unchanged, c.unchanged)
			}
			if second.Pages != first.Pages && c.unchanged {
				t.Errorf("%d pages reported, the build made %d", second.Pages, first.Pages)
			}
			if ok, _ := afero.Exists(fsys, filepath.Join(DestDir(o), "index.html")); !ok {
				t.Errorf("no home page in %s after the second build", DestDir(o))
			}
		})
	}
}

// contentName is the content file the seed imports into.
func contentName(t *testing.T) string {
	t.Helper()
	fsys := afero.NewMemMapFs()
	sitetest.Write(t, fsys, "site", sitetest.Site{SeedAs: sitetest.SeedFile, RepoConfig: true})
	if _, err := Build(context.Background(), fsys, Options{Source: "site"}); err != nil {
		t.Fatal(err)
	}
	files, err := listContent(fsys, Options{Source: "site"})
	if err != nil || len(files) == 0 {
		t.Fatalf("no content file imported: %v", err)
	}
	return filepath.Base(files[0])
}

// TestBuildStampNotWrittenWhenInputsChangedDuringTheBuild: a file saved
// while a build reads the inputs may not be in its output, so that build
// leaves no stamp and the next one builds again.
func TestBuildStampNotWrittenWhenInputsChangedDuringTheBuild(t *testing.T) {
	fsys := afero.NewMemMapFs()
	sitetest.Write(t, fsys, "site", sitetest.Site{SeedAs: sitetest.SeedFile, RepoConfig: true})
	o := Options{Source: "site", Cache: true}
	if _, err := Build(context.Background(), fsys, o); err != nil {
		t.Fatal(err)
	}
	before, err := inputsDigest(fsys, o)
	if err != nil {
		t.Fatal(err)
	}
	if err := fsys.Remove(filepath.Join("site", StampFile)); err != nil {
		t.Fatal(err)
	}
	later := time.Date(2030, 1, 2, 3, 4, 5, 6, time.UTC)
	if err := fsys.Chtimes("site/studysite.toml", later, later); err != nil {
		t.Fatal(err)
	}
	if err := writeStamp(fsys, o, before, &Result{Pages: 1}); err != nil {
		t.Fatal(err)
	}
	if ok, _ := afero.Exists(fsys, filepath.Join("site", StampFile)); ok {
		t.Fatal("a stamp was written for inputs that changed during the build")
	}
	if _, ok := unchanged(fsys, o); ok {
		t.Fatal("the next build would take the site as unchanged")
	}
}
