package main

import (
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/studysite/studysite/internal/htmltest"
	"github.com/studysite/studysite/internal/sitetest"
)

// TestReproducibleAcrossFoldersAndCPUs builds the seed site twice, in two
// different folders, with GOMAXPROCS=1 and 2, a second apart: every output
// file must be byte-identical.
func TestReproducibleAcrossFoldersAndCPUs(t *testing.T) {
	bin := binary(t)
	var trees []map[string]string
	for i, procs := range []string{"1", "2"} {
		dir := sitetest.TempDir(t, sitetest.Site{SeedAs: "2023-12-01-seed.txt"})
		cmd := exec.Command(bin, "build", "--source", dir)
		cmd.Env = append(os.Environ(), "GOMAXPROCS="+procs)
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("build %d: %v\n%s", i, err, out)
		}
		trees = append(trees, htmltest.TreeHashes(t, os.DirFS(filepath.Join(dir, "public"))))
		time.Sleep(1100 * time.Millisecond) // a different second on the clock
	}
	if len(trees[0]) < 4 {
		t.Fatalf("only %d files built", len(trees[0]))
	}
	if !maps.Equal(trees[0], trees[1]) {
		t.Errorf("builds differ:\n%v\n%v", trees[0], trees[1])
	}
}

// TestSourceDateEpoch: an undated document's feed entry carries the date
// SOURCE_DATE_EPOCH gives, and nothing else changes with it.
func TestSourceDateEpoch(t *testing.T) {
	bin := binary(t)
	dir := t.TempDir()
	_ = os.MkdirAll(filepath.Join(dir, "content"), 0o755)
	_ = os.WriteFile(filepath.Join(dir, "content", "a.md"), []byte("---\ntitle: 无日期\nslug: a\n---\n\n正文。\n"), 0o644)
	feed := func(epoch string) string {
		cmd := exec.Command(bin, "build", "--source", dir)
		cmd.Env = append(os.Environ(), "SOURCE_DATE_EPOCH="+epoch)
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("build: %v\n%s", err, out)
		}
		data, err := os.ReadFile(filepath.Join(dir, "public", "feed.xml"))
		if err != nil {
			t.Fatal(err)
		}
		return string(data)
	}
	if f := feed("1701388800"); !strings.Contains(f, "2023-12-01T") { // 2023-12-01 00:00 UTC
		t.Errorf("feed does not carry SOURCE_DATE_EPOCH's date:\n%s", f)
	}
	if a, b := feed("1701388800"), feed("1701388800"); a != b {
		t.Error("same SOURCE_DATE_EPOCH, different feeds")
	}
}
