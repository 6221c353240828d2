// Package themes holds the built-in themes, embedded so the studysite binary
// works alone, and merges a site's themes/<name>/ folder over them file by
// file: a site overrides one template or asset by putting a file with the
// same path on disk.
package themes

import (
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"sort"

	"github.com/spf13/afero"
)

//go:embed all:default all:dangjian
var builtin embed.FS

// Names lists the built-in themes.
func Names() []string {
	entries, _ := fs.ReadDir(builtin, ".")
	var names []string
	for _, e := range entries {
		if e.IsDir() {
			names = append(names, e.Name())
		}
	}
	sort.Strings(names)
	return names
}

// Builtin returns a built-in theme as the build sees it (its scripts kept
// as parts joined, see parts.go), or nil.
func Builtin(name string) fs.FS {
	files := builtinFiles(name)
	if files == nil {
		return nil
	}
	return joined{files}
}

// builtinFiles returns the embedded files of a built-in theme, or nil.
func builtinFiles(name string) fs.FS {
	if _, err := fs.Stat(builtin, name); err != nil {
		return nil
	}
	sub, _ := fs.Sub(builtin, name)
	return sub
}

// Open returns theme name as one file system: the files of dir/name on
// fsys (the site's own themes/<name>/) over those of the built-in theme of
// the same name. A theme whose theme.toml says `extends = "other"` falls
// back to theme other (opened the same way) for every file it does not
// have, so a theme may consist of a stylesheet alone. A theme that is
// neither built in nor on disk is an error. Its scripts kept as parts are
// joined over all the layers (parts.go).
func Open(fsys afero.Fs, dir, name string) (fs.FS, error) {
	layers, err := open(fsys, dir, name, nil)
	if err != nil {
		return nil, err
	}
	return joined{layers}, nil
}

// maxExtends bounds a chain of themes extending each other.
const maxExtends = 8

func open(fsys afero.Fs, dir, name string, chain []string) (fs.FS, error) {
	for _, c := range chain {
		if c == name {
			return nil, fmt.Errorf("theme %q: extends itself through %v", name, append(chain, name))
		}
	}
	if len(chain) >= maxExtends {
		return nil, fmt.Errorf("theme %q: more than %d themes extend each other: %v", name, maxExtends, chain)
	}
	base := builtinFiles(name)
	disk := path.Join(dir, name)
	onDisk, _ := afero.DirExists(fsys, disk)
	var layer fs.FS
	switch {
	case base == nil && !onDisk:
		return nil, fmt.Errorf("theme %q: no such theme (built in: %v; or make one with `studysite theme new %s`)", name, Names(), name)
	case !onDisk:
		layer = base
	default:
		over := afero.NewIOFS(afero.NewReadOnlyFs(afero.NewBasePathFs(fsys, disk)))
		if base == nil {
			layer = over
		} else {
			layer = overlay{top: over, bottom: base}
		}
	}
	info, err := ReadInfo(layer)
	if err != nil {
		where := "built-in theme " + name
		if onDisk {
			where = path.Join(disk, InfoFile)
		}
		return nil, fmt.Errorf("%s: %w", where, err)
	}
	if info.Extends == "" {
		return layer, nil
	}
	parent, err := open(fsys, dir, info.Extends, append(chain, name))
	if err != nil {
		return nil, fmt.Errorf("theme %q extends %q: %w", name, info.Extends, err)
	}
	return overlay{top: layer, bottom: parent}, nil
}

// overlay reads a file from top when it is there, else from bottom.
type overlay struct{ top, bottom fs.FS }

func (o overlay) Open(name string) (fs.File, error) {
	f, err := o.top.Open(name)
	if err == nil {
		st, serr := f.Stat()
		if serr == nil && !st.IsDir() {
			return f, nil
		}
		f.Close()
	}
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return nil, err
	}
	return o.bottom.Open(name)
}

// ReadDir merges the listings of both layers, so a site can add new assets.
func (o overlay) ReadDir(name string) ([]fs.DirEntry, error) {
	seen := map[string]fs.DirEntry{}
	var firstErr error
	for _, layer := range []fs.FS{o.bottom, o.top} {
		entries, err := fs.ReadDir(layer, name)
		if err != nil {
			firstErr = err
			continue
		}
		for _, e := range entries {
			seen[e.Name()] = e
		}
	}
	if len(seen) == 0 && firstErr != nil {
		return nil, firstErr
	}
	out := make([]fs.DirEntry, 0, len(seen))
	for _, e := range seen {
		out = append(out, e)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name() < out[j].Name() })
	return out, nil
}
