// Package faultfs wraps an afero.Fs so that its Nth mutating operation
// fails, for tests that prove a failed build changes nothing. Reads always
// succeed; writes, creates, mkdirs, renames and removes are counted.
package faultfs

import (
	"errors"
	"os"
	"sync"
	"syscall"
	"time"

	"github.com/spf13/afero"
)

// Fs fails its FailAt-th mutating operation (1-based); 0 never fails.
type Fs struct {
	afero.Fs
	FailAt int
	// Err is returned by the failing operation; when nil it is ENOSPC, as
	// from a full disk.
	Err error

	mu    sync.Mutex
	count int
}

// New wraps fs so that operation failAt fails.
func New(fs afero.Fs, failAt int) *Fs { return &Fs{Fs: fs, FailAt: failAt} }

// Count is the number of mutating operations seen so far.
func (f *Fs) Count() int {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.count
}

func (f *Fs) step(name string) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.count++
	if f.count == f.FailAt {
		if f.Err != nil {
			return f.Err
		}
		return &os.PathError{Op: "write", Path: name, Err: syscall.ENOSPC}
	}
	return nil
}

func (f *Fs) Create(name string) (afero.File, error) {
	if err := f.step(name); err != nil {
		return nil, err
	}
	file, err := f.Fs.Create(name)
	if err != nil {
		return nil, err
	}
	return &File{File: file, fs: f}, nil
}

func (f *Fs) OpenFile(name string, flag int, perm os.FileMode) (afero.File, error) {
	if flag&(os.O_WRONLY|os.O_RDWR|os.O_CREATE|os.O_TRUNC|os.O_APPEND) == 0 {
		return f.Fs.OpenFile(name, flag, perm)
	}
	if err := f.step(name); err != nil {
		return nil, err
	}
	file, err := f.Fs.OpenFile(name, flag, perm)
	if err != nil {
		return nil, err
	}
	return &File{File: file, fs: f}, nil
}

func (f *Fs) Mkdir(name string, perm os.FileMode) error {
	if err := f.step(name); err != nil {
		return err
	}
	return f.Fs.Mkdir(name, perm)
}

func (f *Fs) MkdirAll(path string, perm os.FileMode) error {
	if err := f.step(path); err != nil {
		return err
	}
	return f.Fs.MkdirAll(path, perm)
}

func (f *Fs) Remove(name string) error {
	if err := f.step(name); err != nil {
		return err
	}
	return f.Fs.Remove(name)
}

func (f *Fs) RemoveAll(path string) error {
	if err := f.step(path); err != nil {
		return err
	}
	return f.Fs.RemoveAll(path)
}

func (f *Fs) Rename(oldname, newname string) error {
	if err := f.step(oldname); err != nil {
		return err
	}
	return f.Fs.Rename(oldname, newname)
}

func (f *Fs) Chmod(name string, mode os.FileMode) error {
	if err := f.step(name); err != nil {
		return err
	}
	return f.Fs.Chmod(name, mode)
}

func (f *Fs) Chtimes(name string, atime, mtime time.Time) error {
	if err := f.step(name); err != nil {
		return err
	}
	return f.Fs.Chtimes(name, atime, mtime)
}

func (f *Fs) Name() string { return "faultfs(" + f.Fs.Name() + ")" }

// File counts writes to a file opened for writing.
type File struct {
	afero.File
	fs *Fs
}

func (w *File) Write(p []byte) (int, error) {
	if err := w.fs.step(w.Name()); err != nil {
		return 0, err
	}
	return w.File.Write(p)
}

func (w *File) WriteString(s string) (int, error) { return w.Write([]byte(s)) }

func (w *File) WriteAt(p []byte, off int64) (int, error) {
	if err := w.fs.step(w.Name()); err != nil {
		return 0, err
	}
	return w.File.WriteAt(p, off)
}

// IsInjected reports whether err came from a faultfs failure.
func IsInjected(err error) bool { return errors.Is(err, syscall.ENOSPC) }
