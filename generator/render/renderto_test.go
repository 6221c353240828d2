package render

import (
	"context"
	"errors"
	"maps"
	"sync"
	"testing"

	"github.com/studysite/studysite/generator/output"
	"github.com/studysite/studysite/generator/urls"
	"github.com/studysite/studysite/themes"
)

// RenderTo hands over every file Render gives, with the same bytes, with
// or without a Cache, and again on a rebuild that reuses the cache.
func TestRenderToEmitsWhatRenderGives(t *testing.T) {
	site := packetSite(t, q1)
	fresh, err := New(themes.Builtin("default"))
	if err != nil {
		t.Fatal(err)
	}
	want := renderFiles(t, fresh, site)
	for _, cached := range []bool{false, true} {
		r, err := New(themes.Builtin("default"))
		if err != nil {
			t.Fatal(err)
		}
		if cached {
			r.SetCache(NewCache())
		}
		for round := 1; round <= 2; round++ {
			var mu sync.Mutex
			got := map[string]string{}
			err := r.RenderTo(context.Background(), site, func(f output.File) error {
				mu.Lock()
				defer mu.Unlock()
				if _, dup := got[f.Path]; dup {
					t.Errorf("%s emitted twice", f.Path)
				}
				got[f.Path] = string(f.Data)
				return nil
			})
			if err != nil {
				t.Fatal(err)
			}
			if !maps.Equal(got, want) {
				for path := range want {
					if got[path] != want[path] {
						t.Errorf("cache %v, round %d: %s differs from Render's (%d bytes, want %d)", cached, round, path, len(got[path]), len(want[path]))
					}
				}
				t.Fatalf("cache %v, round %d: %d files, want %d", cached, round, len(got), len(want))
			}
		}
	}
}

// A file that cannot be written stops RenderTo with the writer's error,
// whether it is a page or one of the site's other files.
func TestRenderToReturnsTheWritersError(t *testing.T) {
	site := packetSite(t, q1)
	for _, path := range []string{urls.Doc("bao-gao"), urls.Robots} {
		t.Run(path, func(t *testing.T) {
			r, err := New(themes.Builtin("default"))
			if err != nil {
				t.Fatal(err)
			}
			full := errors.New("disk full")
			err = r.RenderTo(context.Background(), site, func(f output.File) error {
				if f.Path == path {
					return full
				}
				return nil
			})
			if !errors.Is(err, full) {
				t.Errorf("err = %v, want the writer's", err)
			}
		})
	}
}
