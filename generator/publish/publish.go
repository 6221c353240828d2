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
	dest = filepath.Clean(dest)
	if err := Recover(fsys, dest); err != nil {
		return err
	}
	tmp := dest + newSuffix
	if err := fsys.MkdirAll(tmp, 0o755); err != nil {
		return fmt.Errorf("%s: %w", tmp, err)
	}
	fail := func(err error) error {
		_ = fsys.RemoveAll(tmp)
		return err
	}
	// Folders first, in order; then the files, on every CPU (a build
	// writes thousands).
	made := map[string]bool{}
	for _, f := range files {
		if err := checkPath(f.Path); err != nil {
			return fail(err)
		}
		dir := filepath.Dir(filepath.Join(tmp, filepath.FromSlash(f.Path)))
		if !made[dir] {
			if err := fsys.MkdirAll(dir, 0o755); err != nil {
				return fail(fmt.Errorf("%s: %w", dir, err))
			}
			made[dir] = true
		}
	}
	err := parallel.ForEach(ctx, len(files), func(i int) error {
		target := filepath.Join(tmp, filepath.FromSlash(files[i].Path))
		if err := afero.WriteFile(fsys, target, files[i].Data, 0o644); err != nil {
			return fmt.Errorf("%s: %w", target, err)
		}
		return nil
	})
	if err != nil {
		return fail(err)
	}
	if err := ctx.Err(); err != nil {
		return fail(err)
	}
	return swap(fsys, tmp, dest)
}

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
