package serve

import (
	"path/filepath"
	"slices"
	"strings"
)

// ignored says whether a change to the file or folder name (a base name)
// is no edit of the site: editors' swap, backup and lock files, the
// importer's own temporary files and backups, and the desktop's litter.
// Their names, not their contents, tell them apart: vim writes .x.md.swp
// and x.md~ (and a probe file 4913), emacs .#x.md and #x.md#, JetBrains
// x.md___jb_tmp___, Word ~$x.docx while a seed is open, many tools x.tmp
// before renaming it over x.
func ignored(name string) bool {
	lower := strings.ToLower(name)
	switch {
	case name == "", strings.HasPrefix(name, "."), strings.HasPrefix(name, "~"),
		strings.HasPrefix(name, "#"), strings.HasSuffix(name, "~"), strings.HasSuffix(name, "#"),
		name == "4913":
		return true
	case lower == "thumbs.db", lower == "desktop.ini":
		return true
	}
	for _, suffix := range []string{".swp", ".swo", ".swx", ".tmp", ".temp", ".bak", ".orig", ".crswap", ".part", "___jb_tmp___", "___jb_old___"} {
		if strings.HasSuffix(lower, suffix) {
			return true
		}
	}
	return false
}

// watchedDirs are the folders of a site whose changes, at any depth, are
// edits; with the config file they are watchedTop, the entries at the top
// of a site folder that matter.
var (
	watchedDirs = []string{"seeds", "content", "themes"}
	watchedTop  = append(slices.Clone(watchedDirs), "studysite.toml")
)

// relevant says whether a change at the OS path p, inside the site folder
// root, can change the site: it lies in a watched folder (or is one, or
// is the config), and no part of its path below root is ignored (a
// content/.backup/ folder is the importer's, not an input).
func relevant(root, p string) (string, bool) {
	rel, err := filepath.Rel(root, p)
	if err != nil || rel == "." || strings.HasPrefix(rel, "..") {
		return "", false
	}
	rel = filepath.ToSlash(rel)
	parts := strings.Split(rel, "/")
	top := false
	for _, w := range watchedTop {
		if parts[0] == w {
			top = true
		}
	}
	if !top || (parts[0] == "studysite.toml" && len(parts) > 1) {
		return "", false
	}
	for _, part := range parts {
		if ignored(part) {
			return "", false
		}
	}
	return rel, true
}
