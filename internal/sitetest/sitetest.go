// Package sitetest lays out site folders for tests from the repository's
// own material — the real seed transcript, content/ and studysite.toml —
// plus whatever files a test adds, on any afero.Fs (memory or disk). It
// does not build: generator/site's own tests use it too, and it must not
// import the package it helps test.
package sitetest

import (
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"testing"

	"github.com/spf13/afero"
)

// SeedFile is the name of the real seed transcript in the repository's
// seeds/ folder.
const SeedFile = "2023-12-01-shanghai-changsanjiao.txt"

// Site says what a test site folder holds.
type Site struct {
	// SeedAs, when set, puts the repository's seed transcript into seeds/
	// under this name (SeedFile keeps its own).
	SeedAs string
	// RepoContent copies the repository's content/ folder.
	RepoContent bool
	// RepoConfig copies the repository's studysite.toml; Config, when set,
	// is written instead.
	RepoConfig bool
	Config     string
	// Files are more files: site-relative slash path → contents. They
	// are written last, so they may replace any of the above.
	Files map[string]string
}

// Write lays s out in the folder dir of fsys.
func Write(t testing.TB, fsys afero.Fs, dir string, s Site) {
	t.Helper()
	root := RepoRoot(t)
	files := map[string][]byte{}
	if s.SeedAs != "" {
		files["seeds/"+s.SeedAs] = Seed(t)
	}
	if s.RepoContent {
		content := os.DirFS(filepath.Join(root, "content"))
		err := fs.WalkDir(content, ".", func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			data, err := fs.ReadFile(content, p)
			files["content/"+p] = data
			return err
		})
		if err != nil {
			t.Fatalf("copying the repository's content/: %v", err)
		}
	}
	if s.RepoConfig && s.Config == "" {
		files["studysite.toml"] = readRepo(t, "studysite.toml")
	}
	if s.Config != "" {
		files["studysite.toml"] = []byte(s.Config)
	}
	for name, data := range s.Files {
		files[name] = []byte(data)
	}
	for name, data := range files {
		p := path.Join(filepath.ToSlash(dir), name)
		if err := fsys.MkdirAll(path.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := afero.WriteFile(fsys, p, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// TempDir lays s out in a new temporary folder on disk and gives its path.
func TempDir(t testing.TB, s Site) string {
	t.Helper()
	dir := t.TempDir()
	Write(t, afero.NewOsFs(), dir, s)
	return dir
}

// Seed is the bytes of the real seed transcript.
func Seed(t testing.TB) []byte {
	t.Helper()
	return readRepo(t, "seeds/"+SeedFile)
}

// ReadRepo reads a file of the repository (a slash path from its top).
func readRepo(t testing.TB, name string) []byte {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(RepoRoot(t), filepath.FromSlash(name)))
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// RepoRoot is the folder holding go.mod, found from the test's folder.
func RepoRoot(t testing.TB) string {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Fatal("go.mod not found above the test's folder")
		}
		dir = parent
	}
}
