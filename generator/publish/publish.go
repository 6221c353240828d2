// Package publish writes the rendered files of a site to its destination
// folder: minified, and all or nothing. The files go into a fresh folder
// beside the destination, which is then swapped into place, so a build that
// fails or is interrupted at any point leaves the previous site exactly as
// it was, and files that no longer belong to the site disappear.
package publish

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"path/filepath"
	"strings"
	"sync"

	"github.com/spf13/afero"
	"github.com/tdewolff/minify/v2"

	"github.com/studysite/studysite/generator/output"
	"github.com/studysite/studysite/internal/parallel"
)

// Suffixes of the work folders beside dest: the new site being written and
// the previous site during the swap.
const (
	newSuffix = ".studysite-new"
	oldSuffix = ".studysite-old"
)

// Publish minifies files and replaces the folder dest on fsys with them.
func Publish(ctx context.Context, fsys afero.Fs, dest string, files []output.File) error {
	prepared, err := Prepare(ctx, files)
	if err != nil {
		return err
	}
	return Write(ctx, fsys, dest, prepared)
}

// Prepare gives files as they will be published: minified, and each HTML
// page's Content-Security-Policy filled with the hashes of its inline
// scripts. The caller may look at the published bytes (and add files that
// depend on them) before Write.
func Prepare(ctx context.Context, files []output.File) ([]output.File, error) {
	m := newMinifier() // safe for concurrent use
	out := make([]output.File, len(files))
	err := parallel.ForEach(ctx, len(files), func(i int) error {
		data, err := prepareFile(m, files[i])
		out[i] = output.File{Path: files[i].Path, Data: data}
		return err
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// prepareFile gives one file as it will be published.
// A Preparer gives files one at a time as Prepare does, for a build that
// writes pages as they are made. It is safe for concurrent use.
type Preparer struct{ m *minify.M }

// NewPreparer gives a Preparer.
func NewPreparer() *Preparer { return &Preparer{m: newMinifier()} }

// File gives f as it will be published.
func (p *Preparer) File(f output.File) (output.File, error) {
	data, err := prepareFile(p.m, f)
	return output.File{Path: f.Path, Data: data}, err
}

func prepareFile(m *minify.M, f output.File) ([]byte, error) {
	if err := checkPath(f.Path); err != nil {
		return nil, err
	}
	if f.Compact {
		return f.Data, nil
	}
	data, err := Minify(m, f.Path, f.Data)
	if err != nil {
		return nil, err
	}
	if strings.HasSuffix(f.Path, ".html") {
		data = hashInlineScripts(data)
	}
	return data, nil
}

// Write replaces the folder dest on fsys with files as they are (see
// Prepare): they go into a fresh folder beside dest, swapped in when all
// are written.
func Write(ctx context.Context, fsys afero.Fs, dest string, files []output.File) error {
	f, err := Begin(fsys, dest)
	if err != nil {
		return err
	}
	if err := f.Write(ctx, files); err != nil {
		f.Abort()
		return err
	}
	return f.Commit(ctx)
}

// A Folder is a site being written a few files at a time, for a build
// that does not hold every file at once: the files go into a fresh folder
// beside the destination, swapped in by Commit, removed by Abort. Write
// may be called from several goroutines.
type Folder struct {
	fsys      afero.Fs
	dest, tmp string
	mu        sync.Mutex
	made      map[string]bool // folders made
}

// Begin starts writing the site that will replace dest (tidying up after
// a build that was killed first, see Recover).
func Begin(fsys afero.Fs, dest string) (*Folder, error) {
	dest = filepath.Clean(dest)
	if err := Recover(fsys, dest); err != nil {
		return nil, err
	}
	tmp := dest + newSuffix
	if err := fsys.MkdirAll(tmp, 0o755); err != nil {
		return nil, fmt.Errorf("%s: %w", tmp, err)
	}
	return &Folder{fsys: fsys, dest: dest, tmp: tmp, made: map[string]bool{}}, nil
}

// Write writes files as they are (see Prepare) into the new site, on
// every CPU; a file written before under the same path is replaced.
func (f *Folder) Write(ctx context.Context, files []output.File) error {
	f.mu.Lock()
	for _, file := range files {
		if err := checkPath(file.Path); err != nil {
			f.mu.Unlock()
			return err
		}
		dir := filepath.Dir(filepath.Join(f.tmp, filepath.FromSlash(file.Path)))
		if !f.made[dir] {
			if err := f.fsys.MkdirAll(dir, 0o755); err != nil {
				f.mu.Unlock()
				return fmt.Errorf("%s: %w", dir, err)
			}
			f.made[dir] = true
		}
	}
	f.mu.Unlock()
	return parallel.ForEach(ctx, len(files), func(i int) error {
		target := filepath.Join(f.tmp, filepath.FromSlash(files[i].Path))
		if err := afero.WriteFile(f.fsys, target, files[i].Data, 0o644); err != nil {
			return fmt.Errorf("%s: %w", target, err)
		}
		return nil
	})
}

// Commit swaps the new site in for the old. Unless ctx is done: then the
// new site is removed and the old one stays.
func (f *Folder) Commit(ctx context.Context) error {
	if err := ctx.Err(); err != nil {
		f.Abort()
		return err
	}
	return swap(f.fsys, f.tmp, f.dest)
}

// Abort removes the new site; the old one stays as it was.
func (f *Folder) Abort() { _ = f.fsys.RemoveAll(f.tmp) }

// swap moves tmp to dest, keeping the old dest until the new one is in place.
func swap(fsys afero.Fs, tmp, dest string) error {
	old := dest + oldSuffix
	hadOld, err := afero.Exists(fsys, dest)
	if err != nil {
		return fmt.Errorf("%s: %w", dest, err)
	}
	if hadOld {
		if err := fsys.Rename(dest, old); err != nil {
			_ = fsys.RemoveAll(tmp)
			return fmt.Errorf("%s: cannot move the previous site aside (is a file in it open?): %w", dest, err)
		}
	}
	if err := fsys.Rename(tmp, dest); err != nil {
		if hadOld {
			if rerr := fsys.Rename(old, dest); rerr != nil {
				return fmt.Errorf("%s: %v; the previous site is kept in %s: %w", dest, err, old, rerr)
			}
		}
		_ = fsys.RemoveAll(tmp)
		return fmt.Errorf("%s: %w", dest, err)
	}
	if hadOld {
		if err := fsys.RemoveAll(old); err != nil {
			return fmt.Errorf("%s: the new site is in place but the previous one could not be removed: %w", old, err)
		}
	}
	return nil
}

// Recover tidies up after a build that was killed: a half-written new
// folder is removed, and a previous site left aside during a swap is put
// back when the destination is missing.
func Recover(fsys afero.Fs, dest string) error {
	dest = filepath.Clean(dest)
	if err := fsys.RemoveAll(dest + newSuffix); err != nil {
		return fmt.Errorf("%s: %w", dest+newSuffix, err)
	}
	old := dest + oldSuffix
	if ok, _ := afero.Exists(fsys, old); !ok {
		return nil
	}
	if _, err := fsys.Stat(dest); errors.Is(err, fs.ErrNotExist) {
		if err := fsys.Rename(old, dest); err != nil {
			return fmt.Errorf("%s: %w", old, err)
		}
		return nil
	}
	if err := fsys.RemoveAll(old); err != nil {
		return fmt.Errorf("%s: %w", old, err)
	}
	return nil
}

// checkPath refuses output paths that would leave the site folder.
func checkPath(p string) error {
	if p == "" || strings.HasPrefix(p, "/") || strings.Contains(p, "\\") || strings.ContainsRune(p, 0) {
		return fmt.Errorf("output path %q is not a relative slash path", p)
	}
	if path.Clean(p) != p || p == ".." || strings.HasPrefix(p, "../") {
		return fmt.Errorf("output path %q leaves the site folder", p)
	}
	return nil
}
