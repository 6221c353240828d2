package publish

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/spf13/afero"

	"github.com/studysite/studysite/generator/output"
)

// refusingFs refuses the renames and removals its functions name, as a
// Windows disk does while a file in the folder is open.
type refusingFs struct {
	afero.Fs
	rename    func(from, to string) bool
	removeAll func(name string) bool
}

var errLocked = errors.New("the folder is in use")

func (f refusingFs) Rename(from, to string) error {
	if f.rename != nil && f.rename(from, to) {
		return errLocked
	}
	return f.Fs.Rename(from, to)
}

func (f refusingFs) RemoveAll(name string) error {
	if f.removeAll != nil && f.removeAll(name) {
		return errLocked
	}
	return f.Fs.RemoveAll(name)
}

// TestSwapFailures: when the swap of the new site into place fails, the
// previous site is back in place, or, when even that fails, the error says
// where it is; every error names the folder and keeps its cause.
func TestSwapFailures(t *testing.T) {
	files := []output.File{{Path: "index.html", Data: []byte("<p>new</p>")}}
	cases := []struct {
		name      string
		rename    func(from, to string) bool
		removeAll func(name string) bool
		wantErr   string // the error starts so
		wantOut   string // out/index.html after the failure ("" = none)
	}{
		{name: "new site cannot move in: the previous one goes back",
			rename:  func(from, _ string) bool { return from == "out"+newSuffix },
			wantErr: "out: the folder is in use", wantOut: "previous"},
		{name: "and the previous one cannot go back either",
			rename:  func(from, _ string) bool { return from == "out"+newSuffix || from == "out"+oldSuffix },
			wantErr: "out: the folder is in use; the previous site is kept in out" + oldSuffix},
		{name: "previous site cannot be moved aside",
			rename:  func(from, _ string) bool { return from == "out" },
			wantErr: "out: cannot move the previous site aside", wantOut: "previous"},
		{name: "previous site cannot be removed after the swap",
			removeAll: func(name string) bool { return name == "out"+oldSuffix },
			wantErr:   "out" + oldSuffix + ": the new site is in place", wantOut: "<p>new</p>"},
		{name: "a half-written new site cannot be cleared",
			removeAll: func(name string) bool { return name == "out"+newSuffix },
			wantErr:   "out" + newSuffix + ": the folder is in use", wantOut: "previous"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			mem := afero.NewMemMapFs()
			if err := afero.WriteFile(mem, "out/index.html", []byte("previous"), 0o644); err != nil {
				t.Fatal(err)
			}
			fsys := refusingFs{Fs: mem, rename: tc.rename, removeAll: tc.removeAll}
			err := Publish(context.Background(), fsys, "out", files)
			if err == nil || !strings.HasPrefix(err.Error(), tc.wantErr) {
				t.Fatalf("error %v, want one starting %q", err, tc.wantErr)
			}
			if !errors.Is(err, errLocked) {
				t.Errorf("error %v does not wrap its cause", err)
			}
			got, _ := afero.ReadFile(mem, "out/index.html")
			if string(got) != tc.wantOut {
				t.Errorf("out/index.html = %q, want %q", got, tc.wantOut)
			}
		})
	}
}
