package main

import (
	"fmt"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/studysite/studysite/internal/htmltest"
)

// bigSite writes a site of n generated documents, large enough that a
// build takes a moment to interrupt.
func bigSite(t *testing.T, n int, variant string) string {
	t.Helper()
	dir := t.TempDir()
	if err := os.MkdirAll(filepath.Join(dir, "content"), 0o755); err != nil {
		t.Fatal(err)
	}
	para := strings.Repeat("坚持以人民为中心的发展思想，推动高质量发展取得新成效。", 8)
	for i := 0; i < n; i++ {
		var b strings.Builder
		fmt.Fprintf(&b, "---\ntitle: 文件%d%s\nslug: doc-%d\n---\n\n", i, variant, i)
		for j := 0; j < 30; j++ {
			fmt.Fprintf(&b, "## 第%d部分\n\n%s\n\n", j, para)
		}
		if err := os.WriteFile(filepath.Join(dir, "content", fmt.Sprintf("doc-%d.md", i)), []byte(b.String()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func hashTree(t *testing.T, dir string) map[string]string {
	t.Helper()
	return htmltest.TreeHashes(t, os.DirFS(dir))
}

// TestInterruptedBuild: SIGINT or SIGTERM in the middle of a build stops it,
// exits with status 1, leaves public/ as it was and no work folder behind;
// after a SIGKILL the next build cleans up what was left.
func TestInterruptedBuild(t *testing.T) {
	bin := binary(t)
	dir := bigSite(t, 1500, "")
	if _, stderr, code := run(t, bin, "build", "--source", dir); code != 0 {
		t.Fatalf("first build: %s", stderr)
	}
	public := filepath.Join(dir, "public")
	before := hashTree(t, public)
	// Change every document so that a finished build would change public/.
	for i := 0; i < 1500; i++ {
		p := filepath.Join(dir, "content", fmt.Sprintf("doc-%d.md", i))
		data, _ := os.ReadFile(p)
		_ = os.WriteFile(p, []byte(strings.Replace(string(data), "title: 文件", "title: 新文件", 1)), 0o644)
	}
	for _, sig := range []syscall.Signal{syscall.SIGINT, syscall.SIGTERM, syscall.SIGKILL} {
		t.Run(sig.String(), func(t *testing.T) {
			cmd := exec.Command(bin, "build", "--source", dir)
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			// Wait until the build is writing its new site, then signal.
			deadline := time.Now().Add(30 * time.Second)
			for time.Now().Before(deadline) {
				if _, err := os.Stat(public + ".studysite-new"); err == nil {
					break
				}
				time.Sleep(2 * time.Millisecond)
			}
			_ = cmd.Process.Signal(sig)
			err := cmd.Wait()
			ee, ok := err.(*exec.ExitError)
			if !ok {
				t.Fatalf("the build finished before the signal arrived (%v)", err)
			}
			if sig != syscall.SIGKILL && ee.ExitCode() != 1 {
				t.Errorf("exit %d, want 1", ee.ExitCode())
			}
			if got := hashTree(t, public); !maps.Equal(got, before) {
				t.Error("interrupted build changed public/")
			}
			if sig != syscall.SIGKILL {
				if _, err := os.Stat(public + ".studysite-new"); err == nil {
					t.Error("work folder left behind")
				}
			}
		})
	}
	// The next build recovers whatever a SIGKILL left and succeeds.
	if _, stderr, code := run(t, bin, "build", "--source", dir); code != 0 {
		t.Fatalf("build after interrupts: %s", stderr)
	}
	if leftovers, _ := filepath.Glob(public + ".studysite-*"); len(leftovers) > 0 {
		t.Errorf("work folders left: %v", leftovers)
	}
}
