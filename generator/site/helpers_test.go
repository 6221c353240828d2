package site

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/spf13/afero"
)

// seedFile is the real seed transcript committed at the top of the repo.
const seedFile = "2023-12-01-shanghai-changsanjiao.txt"

func readSeed(t testing.TB) []byte {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("..", "..", "seeds", seedFile))
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// seedSite returns a MemMapFs holding a site folder "site" with only the
// seed in seeds/: no config, no content, no theme.
func seedSite(t testing.TB) afero.Fs {
	t.Helper()
	fsys := afero.NewMemMapFs()
	if err := afero.WriteFile(fsys, "site/seeds/"+seedFile, readSeed(t), 0o644); err != nil {
		t.Fatal(err)
	}
	return fsys
}

func build(t testing.TB, fsys afero.Fs) *Result {
	t.Helper()
	res, err := Build(context.Background(), fsys, Options{Source: "site"})
	if err != nil {
		t.Fatalf("build: %v", err)
	}
	return res
}

// tree maps every file under dir to the hash of its bytes.
func tree(t testing.TB, fsys afero.Fs, dir string) map[string]string {
	t.Helper()
	out := map[string]string{}
	err := afero.Walk(fsys, dir, func(p string, info fs.FileInfo, err error) error {
		if err != nil {
			return err
		}
		if info.IsDir() {
			return nil
		}
		data, err := afero.ReadFile(fsys, p)
		if err != nil {
			return err
		}
		sum := sha256.Sum256(data)
		out[strings.TrimPrefix(filepath.ToSlash(p), dir+"/")] = hex.EncodeToString(sum[:])
		return nil
	})
	if err != nil {
		t.Fatalf("walking %s: %v", dir, err)
	}
	return out
}

func readFile(t testing.TB, fsys afero.Fs, name string) []byte {
	t.Helper()
	data, err := afero.ReadFile(fsys, name)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

func sortedKeys(m map[string]string) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
