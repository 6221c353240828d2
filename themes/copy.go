package themes

import (
	"fmt"
	"io/fs"
	"path"
	"path/filepath"
	"strings"

	"github.com/spf13/afero"
)

// CopyOut writes every file of theme from (a built-in theme, including what
// it extends) to dir/name on fsys, so a site can change any of them. It
// refuses to touch a folder that already exists, so nobody's edits are lost.
// A script kept as parts is copied as its parts (parts.go). It returns the
// slash paths written, relative to dir/name.
func CopyOut(fsys afero.Fs, dir, name, from string) ([]string, error) {
	if name == "" || strings.ContainsAny(name, `/\.`) || strings.TrimSpace(name) != name {
		return nil, fmt.Errorf("theme name %q: use a plain folder name such as mytheme (no / \\ . or spaces around it)", name)
	}
	src, err := open(afero.NewMemMapFs(), "themes", from, nil)
	if err != nil {
		return nil, err
	}
	target := filepath.Join(dir, name)
	if ok, _ := afero.Exists(fsys, target); ok {
		return nil, fmt.Errorf("%s already exists: choose another name or remove it first", target)
	}
	var written []string
	err = fs.WalkDir(src, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() || p == InfoFile {
			return nil
		}
		data, err := fs.ReadFile(src, p)
		if err != nil {
			return fmt.Errorf("%s: %w", p, err)
		}
		out := filepath.Join(target, filepath.FromSlash(p))
		if err := fsys.MkdirAll(filepath.Dir(out), 0o755); err != nil {
			return fmt.Errorf("%s: %w", filepath.Dir(out), err)
		}
		if err := afero.WriteFile(fsys, out, data, 0o644); err != nil {
			return fmt.Errorf("%s: %w", out, err)
		}
		written = append(written, p)
		return nil
	})
	if err != nil {
		return written, err
	}
	info := fmt.Sprintf("# Theme %s, copied from the built-in theme %q. Every file here is used\n# instead of the built-in one; delete a file to fall back to it again.\nname = %q\n", name, from, name)
	if err := afero.WriteFile(fsys, filepath.Join(target, InfoFile), []byte(info), 0o644); err != nil {
		return written, err
	}
	return append(written, path.Clean(InfoFile)), nil
}
