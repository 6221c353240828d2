package publish

import (
	"bytes"
	"context"
	"testing"

	"github.com/studysite/studysite/generator/output"
)

// TestCacheGivesWhatPrepareGives prepares a sequence of file sets through
// one Cache and checks each against Prepare, and that only files whose
// bytes changed are minified again.
func TestCacheGivesWhatPrepareGives(t *testing.T) {
	page := func(s string) []byte {
		return []byte("<!doctype html><html><head><meta http-equiv=\"Content-Security-Policy\" content=\"script-src " +
			InlineScriptsToken + "\"><script>  var x = 1;  </script></head><body><p>  " + s + "  </p></body></html>")
	}
	css := []byte("a {  color : red ; }")
	steps := []struct {
		name         string
		files        []output.File
		wantMinified int
	}{
		{"first", []output.File{{Path: "a/index.html", Data: page("一")}, {Path: "s.css", Data: css}, {Path: "x.bin", Data: []byte{1, 2}}}, 3},
		{"same bytes", []output.File{{Path: "a/index.html", Data: page("一")}, {Path: "s.css", Data: css}, {Path: "x.bin", Data: []byte{1, 2}}}, 0},
		{"one page edited", []output.File{{Path: "a/index.html", Data: page("二")}, {Path: "s.css", Data: css}, {Path: "x.bin", Data: []byte{1, 2}}}, 1},
		{"a file added, two gone", []output.File{{Path: "a/index.html", Data: page("二")}, {Path: "b/index.html", Data: page("三")}}, 1},
		{"a file back", []output.File{{Path: "a/index.html", Data: page("二")}, {Path: "s.css", Data: css}}, 1},
	}
	c := NewCache()
	for _, st := range steps {
		got, err := c.Prepare(context.Background(), st.files)
		if err != nil {
			t.Fatalf("%s: %v", st.name, err)
		}
		want, err := Prepare(context.Background(), st.files)
		if err != nil {
			t.Fatalf("%s: %v", st.name, err)
		}
		if len(got) != len(want) {
			t.Fatalf("%s: %d files, want %d", st.name, len(got), len(want))
		}
		for i := range want {
			if got[i].Path != want[i].Path || !bytes.Equal(got[i].Data, want[i].Data) {
				t.Errorf("%s: %s is %q, want %s %q", st.name, got[i].Path, got[i].Data, want[i].Path, want[i].Data)
			}
		}
		if c.Minified != st.wantMinified || c.Reused != len(st.files)-st.wantMinified {
			t.Errorf("%s: minified %d and reused %d, want %d and %d", st.name, c.Minified, c.Reused, st.wantMinified, len(st.files)-st.wantMinified)
		}
	}
}

func TestCacheRefusesBadPaths(t *testing.T) {
	for _, p := range []string{"../x.html", "/etc/x", `a\b.html`, ""} {
		if _, err := NewCache().Prepare(context.Background(), []output.File{{Path: p, Data: []byte("x")}}); err == nil {
			t.Errorf("%q: no error", p)
		}
	}
}
