package serve

import (
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/spf13/afero"
)

// outputFs is the file system a serving build runs on: the site folder on
// disk for what the build reads and for what import writes (content files,
// their backups: a seed edit while serving must land in content/ exactly as
// `import` would write it), and memory for everything under one folder, the
// build's output and its work folders beside it. So a rebuild never touches
// public/ or any other folder on disk, and the served site is read from
// memory.
type outputFs struct {
	disk   afero.Fs
	memory afero.Fs
	// under is the folder (cleaned, absolute or relative as the build
	// names it) whose paths, and the paths starting with it, go to memory.
	under string
}

func newOutputFs(disk afero.Fs, under string) *outputFs {
	return &outputFs{disk: disk, memory: afero.NewMemMapFs(), under: filepath.Clean(under)}
}

// route says which file system holds name. The output's work folders are
// siblings named after it (public.studysite-new), so a plain prefix is the
// test, not a folder boundary.
func (f *outputFs) route(name string) afero.Fs {
	if strings.HasPrefix(filepath.Clean(name), f.under) {
		return f.memory
	}
	return f.disk
}

func (f *outputFs) Create(name string) (afero.File, error) { return f.route(name).Create(name) }
func (f *outputFs) Mkdir(name string, perm os.FileMode) error {
	return f.route(name).Mkdir(name, perm)
}
func (f *outputFs) MkdirAll(name string, perm os.FileMode) error {
	return f.route(name).MkdirAll(name, perm)
}
func (f *outputFs) Open(name string) (afero.File, error) { return f.route(name).Open(name) }
func (f *outputFs) OpenFile(name string, flag int, perm os.FileMode) (afero.File, error) {
	return f.route(name).OpenFile(name, flag, perm)
}
func (f *outputFs) Remove(name string) error    { return f.route(name).Remove(name) }
func (f *outputFs) RemoveAll(name string) error { return f.route(name).RemoveAll(name) }

// Rename within one side only: the build renames its work folders into
// place (memory) and import renames its temporary files (disk).
func (f *outputFs) Rename(oldname, newname string) error {
	from, to := f.route(oldname), f.route(newname)
	if from != to {
		return &os.LinkError{Op: "rename", Old: oldname, New: newname, Err: os.ErrInvalid}
	}
	return from.Rename(oldname, newname)
}
func (f *outputFs) Stat(name string) (os.FileInfo, error) { return f.route(name).Stat(name) }
func (f *outputFs) Name() string                          { return "studysite-serve" }
func (f *outputFs) Chmod(name string, mode os.FileMode) error {
	return f.route(name).Chmod(name, mode)
}
func (f *outputFs) Chown(name string, uid, gid int) error {
	return f.route(name).Chown(name, uid, gid)
}
func (f *outputFs) Chtimes(name string, atime, mtime time.Time) error {
	return f.route(name).Chtimes(name, atime, mtime)
}
