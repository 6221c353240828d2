package site

import (
	"context"
	"io/fs"
	"sort"
	"testing"

	"github.com/spf13/afero"

	"github.com/studysite/studysite/internal/htmltest"
	"github.com/studysite/studysite/internal/sitetest"
)

// seedFile is the real seed transcript committed at the top of the repo.
const seedFile = sitetest.SeedFile

func readSeed(t testing.TB) []byte { return sitetest.Seed(t) }

// seedSite returns a MemMapFs holding a site folder "site" with only the
// seed in seeds/: no config, no content, no theme.
func seedSite(t testing.TB) afero.Fs {
	t.Helper()
	fsys := afero.NewMemMapFs()
	sitetest.Write(t, fsys, "site", sitetest.Site{SeedAs: seedFile})
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
	sub, err := fs.Sub(afero.NewIOFS(fsys), dir)
	if err != nil {
		t.Fatal(err)
	}
	return htmltest.TreeHashes(t, sub)
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
