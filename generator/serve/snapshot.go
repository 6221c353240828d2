package serve

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io/fs"
	"path"
	"path/filepath"
	"strings"
	"sync"

	"github.com/spf13/afero"
)

// Snapshot is one built site as it is served: every file by its slash path
// ("index.html", "docs/x/index.html"). It never changes once made; a
// rebuild makes a new one and the server swaps it in whole, so a reader
// never sees half of one build and half of the next.
type Snapshot struct {
	files map[string]*servedFile
}

type servedFile struct {
	data []byte
	once sync.Once
	etag string // computed on first request: most files of a big site are never asked for
}

// ETag is a strong validator of the file's bytes.
func (f *servedFile) ETag() string {
	f.once.Do(func() {
		sum := sha256.Sum256(f.data)
		f.etag = hex.EncodeToString(sum[:16])
	})
	return f.etag
}

// NewSnapshot serves files (slash path → bytes), which it keeps and the
// caller must not change.
func NewSnapshot(files map[string][]byte) *Snapshot {
	s := &Snapshot{files: make(map[string]*servedFile, len(files))}
	for p, data := range files {
		s.files[p] = &servedFile{data: data}
	}
	return s
}

// Len is the number of files.
func (s *Snapshot) Len() int { return len(s.files) }

// file is the file at a clean slash path, or nil.
func (s *Snapshot) file(p string) *servedFile {
	if s == nil {
		return nil
	}
	return s.files[p]
}

// hasIndex says whether the folder p has an index.html.
func (s *Snapshot) hasIndex(p string) bool {
	return s.file(path.Join(p, "index.html")) != nil
}

// LoadSnapshot reads the folder root of fsys into a Snapshot. A symbolic
// link is served only when it names a regular file inside root (a site
// folder may link a shared asset); one that leads out of root, or to a
// folder or another link, is left out, so nothing outside the site can be
// read through the server.
func LoadSnapshot(fsys afero.Fs, root string) (*Snapshot, error) {
	root = filepath.Clean(root)
	files := map[string][]byte{}
	err := afero.Walk(fsys, root, func(p string, info fs.FileInfo, err error) error {
		if err != nil {
			return err
		}
		if info.Mode()&fs.ModeSymlink != 0 {
			if !linkStaysInside(fsys, root, p) {
				return nil
			}
		} else if !info.Mode().IsRegular() {
			return nil
		}
		rel, err := filepath.Rel(root, p)
		if err != nil {
			return fmt.Errorf("%s: %w", p, err)
		}
		data, err := afero.ReadFile(fsys, p)
		if err != nil {
			return fmt.Errorf("%s: %w", p, err)
		}
		files[filepath.ToSlash(rel)] = data
		return nil
	})
	if err != nil {
		return nil, err
	}
	return NewSnapshot(files), nil
}

// linkStaysInside says whether the symbolic link p names a regular file
// (not another link) inside root.
func linkStaysInside(fsys afero.Fs, root, p string) bool {
	reader, ok := fsys.(afero.LinkReader)
	if !ok {
		return false
	}
	target, err := reader.ReadlinkIfPossible(p)
	if err != nil {
		return false
	}
	if !filepath.IsAbs(target) {
		target = filepath.Join(filepath.Dir(p), target)
	}
	target = filepath.Clean(target)
	rel, err := filepath.Rel(root, target)
	if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) || filepath.IsAbs(rel) {
		return false
	}
	lst, ok := fsys.(afero.Lstater)
	if !ok {
		return false
	}
	info, _, err := lst.LstatIfPossible(target)
	return err == nil && info.Mode().IsRegular()
}
