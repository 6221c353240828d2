// Package modcopy copies the module's source into another folder, where the
// mutation tools (scripts/casemut, scripts/mutrun) change files without
// touching the working tree.
package modcopy

import (
	"io/fs"
	"os"
	"path/filepath"
)

// Copy copies the module's source (not .git, node_modules, caches or
// built sites) so that mutants never touch the working tree.
func Copy(from, to string) error {
	skip := map[string]bool{".git": true, "node_modules": true, ".cache": true, "public": true, "bin": true, "testdata-out": true}
	return filepath.WalkDir(from, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && skip[d.Name()] && p != from {
			return filepath.SkipDir
		}
		dst := filepath.Join(to, p)
		if d.IsDir() {
			return os.MkdirAll(dst, 0o755)
		}
		if !d.Type().IsRegular() {
			return nil
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(dst, data, info.Mode().Perm())
	})
}
