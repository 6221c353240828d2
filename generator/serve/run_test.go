package serve

import (
	"context"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/spf13/afero"

	"github.com/studysite/studysite/generator/site"
)

// TestRunRebuildsAfterAnEdit runs the server on a site folder: the first
// build is served, and saving a content file rebuilds with that file named
// as the change; a build's own write (a content file imported from a
// seed) sets off none.
func TestRunRebuildsAfterAnEdit(t *testing.T) {
	dir := t.TempDir()
	if err := os.MkdirAll(filepath.Join(dir, "content"), 0o755); err != nil {
		t.Fatal(err)
	}
	fb := &fakeBuilder{dir: dir, wrote: []string{"content/imported.md"}}
	ctx, cancel := context.WithCancel(context.Background())
	events := make(chan Event, 16)
	done := make(chan error, 1)
	go func() {
		done <- Run(ctx, Options{Root: dir, Fs: afero.NewOsFs(), Builder: fb, Addr: "127.0.0.1:0",
			Report: func(ev Event) { events <- ev }})
	}()
	defer func() {
		cancel()
		if err := <-done; err != nil {
			t.Errorf("Run after stop: %v", err)
		}
	}()
	next := func() Event {
		t.Helper()
		select {
		case ev := <-events:
			return ev
		case err := <-done:
			t.Fatalf("Run ended: %v", err)
		case <-time.After(time.Minute):
			t.Fatal("Run reported nothing for a minute")
		}
		return nil
	}
	if ev, ok := next().(Built); !ok || ev.Changed != nil {
		t.Fatalf("first event %#v, want the first build", ev)
	}
	listening, ok := next().(Listening)
	if !ok {
		t.Fatalf("second event %#v, want Listening", listening)
	}
	res, err := http.Get(listening.URL)
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(res.Body)
	res.Body.Close()
	if res.StatusCode != http.StatusOK || !strings.HasPrefix(string(body), "x") {
		t.Errorf("GET %s: %d %q, want the built page", listening.URL, res.StatusCode, body)
	}
	if err := os.WriteFile(filepath.Join(dir, "content", "a.md"), []byte("---\ntitle: 甲\n---\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for {
		switch ev := next().(type) {
		case WatchFailed:
			continue
		case Built:
			// The first build's write of content/imported.md may come in the
			// same batch; it is no edit.
			if !slices.Equal(ev.Changed, []string{"content/a.md"}) {
				t.Errorf("rebuilt for %q, want content/a.md", ev.Changed)
			}
		default:
			t.Errorf("after an edit: %#v, want Built", ev)
		}
		break
	}
}

// TestFullBuilderReportsImportWrites: the content file a build imports
// from a seed is reported as its own write (so the watch does not take it
// for an edit); a build that imports nothing new reports none.
func TestFullBuilderReportsImportWrites(t *testing.T) {
	dir := t.TempDir()
	write := func(rel, data string) {
		t.Helper()
		p := filepath.Join(dir, filepath.FromSlash(rel))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("studysite.toml", "title = \"学习材料\"\n")
	write("seeds/jiang-hua.txt", "在全市工作会议上的讲话\n\n同志们：\n\n今天召开会议，主要任务是部署今年的工作。\n")
	b := FullBuilder{Fs: afero.NewOsFs(), Options: site.Options{Source: dir}}
	steps := []struct {
		name  string
		wrote int // content files reported written
	}{
		{"a new seed is imported", 1},
		{"nothing changed", 0},
	}
	for _, st := range steps {
		out, err := b.Build(context.Background(), nil)
		if err != nil {
			t.Fatalf("%s: %v", st.name, err)
		}
		if len(out.Wrote) != st.wrote {
			t.Fatalf("%s: wrote %q, want %d content files", st.name, out.Wrote, st.wrote)
		}
		for _, p := range out.Wrote {
			if !strings.HasPrefix(p, "content/") || !strings.HasSuffix(p, ".md") {
				t.Errorf("%s: wrote %q, want a content file", st.name, p)
			}
			if _, err := os.Stat(filepath.Join(dir, filepath.FromSlash(p))); err != nil {
				t.Errorf("%s: reported %s, which is not on disk: %v", st.name, p, err)
			}
		}
	}
	if _, err := os.Stat(filepath.Join(dir, ".studysite", "serve")); err == nil {
		t.Error("the served build was written to disk")
	}
}
