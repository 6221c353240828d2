package main

import (
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"
)

// TestReproducibleAcrossFoldersAndCPUs builds the seed site twice, in two
// different folders, with GOMAXPROCS=1 and 2, a second apart: every output
// file must be byte-identical.
func TestReproducibleAcrossFoldersAndCPUs(t *testing.T) {
	bin := binary(t)
	seed, err := os.ReadFile("../../seeds/2023-12-01-shanghai-changsanjiao.txt")
	if err != nil {
		t.Fatal(err)
	}
	var trees []map[string]string
	for i, procs := range []string{"1", "2"} {
		dir := t.TempDir()
		_ = os.MkdirAll(filepath.Join(dir, "seeds"), 0o755)
		_ = os.WriteFile(filepath.Join(dir, "seeds", "2023-12-01-seed.txt"), seed, 0o644)
		cmd := exec.Command(bin, "build", "--source", dir)
		cmd.Env = append(os.Environ(), "GOMAXPROCS="+procs)
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("build %d: %v\n%s", i, err, out)
		}
		trees = append(trees, hashTree(t, filepath.Join(dir, "public")))
		time.Sleep(1100 * time.Millisecond) // a different second on the clock
	}
	if len(trees[0]) < 4 {
		t.Fatalf("only %d files built", len(trees[0]))
	}
	if !maps.Equal(trees[0], trees[1]) {
		t.Errorf("builds differ:\n%v\n%v", trees[0], trees[1])
	}
}
