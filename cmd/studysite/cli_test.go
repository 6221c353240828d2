package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/studysite/studysite/internal/sitetest"
)

// binary builds the real studysite command once for the CLI tests.
func binary(t *testing.T) string {
	t.Helper()
	bin := filepath.Join(t.TempDir(), "studysite")
	out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput()
	if err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

// seedFolder makes a site folder holding only the repository's seed
// transcript, as seeds/seed.txt, and gives its path.
func seedFolder(t *testing.T) string {
	t.Helper()
	return sitetest.TempDir(t, sitetest.Site{SeedAs: "seed.txt"})
}

func run(t *testing.T, bin string, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	return runWithEnv(t, bin, "", nil, args...)
}

// TestCLI drives the real binary on a copy of the seed in a temporary folder.
func TestCLI(t *testing.T) {
	bin := binary(t)
	dir := seedFolder(t)

	t.Run("help on every command", func(t *testing.T) {
		for _, args := range [][]string{{"--help"}, {"build", "--help"}, {"import", "--help"}, {"version", "--help"}} {
			out, _, code := run(t, bin, args...)
			if code != 0 || !strings.Contains(out, "Usage:") {
				t.Errorf("%v: exit %d, output %q", args, code, out)
			}
		}
	})

	t.Run("version", func(t *testing.T) {
		out, _, code := run(t, bin, "version")
		if code != 0 || !strings.HasPrefix(out, "studysite ") {
			t.Errorf("exit %d, %q", code, out)
		}
	})

	out := filepath.Join(t.TempDir(), "out")
	t.Run("build", func(t *testing.T) {
		stdout, stderr, code := run(t, bin, "build", "--source", dir, "--dest", out)
		if code != 0 {
			t.Fatalf("exit %d: %s", code, stderr)
		}
		if !strings.Contains(stdout, "built 1 document: ") || !strings.Contains(stdout, " into "+out+" in ") {
			t.Errorf("stdout %q: want it to name the output folder %s", stdout, out)
		}
		if _, err := os.Stat(filepath.Join(out, "index.html")); err != nil {
			t.Error(err)
		}
		matches, _ := filepath.Glob(filepath.Join(dir, "content", "*.md"))
		if len(matches) != 1 {
			t.Errorf("content files %v", matches)
		}
	})

	t.Run("build names the folder it wrote, from anywhere", func(t *testing.T) {
		elsewhere := seedFolder(t)
		cmd := exec.Command(bin, "build", "--source", elsewhere)
		cmd.Dir = t.TempDir() // not the site: public/ is the site's, not the current folder's
		stdout, err := cmd.Output()
		if err != nil {
			t.Fatalf("build: %v", err)
		}
		want := filepath.Join(elsewhere, "public")
		if !strings.Contains(string(stdout), " into "+want+" in ") {
			t.Errorf("stdout %q: want it to name %s", stdout, want)
		}
		if _, err := os.Stat(filepath.Join(want, "index.html")); err != nil {
			t.Error(err)
		}
	})

	t.Run("error names the file, one line, exit 1", func(t *testing.T) {
		bad := filepath.Join(dir, "content", "broken.md")
		if err := os.WriteFile(bad, []byte("---\ntitle: [unclosed\nslug: x\n---\n正文\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		defer os.Remove(bad)
		before, _ := os.ReadFile(filepath.Join(out, "index.html"))
		_, stderr, code := run(t, bin, "build", "--source", dir, "--dest", out)
		if code != 1 {
			t.Errorf("exit %d, want 1", code)
		}
		if strings.Count(strings.TrimSpace(stderr), "\n") != 0 || !strings.Contains(stderr, "content/broken.md:") {
			t.Errorf("stderr %q: want one line naming content/broken.md:<line>", stderr)
		}
		after, _ := os.ReadFile(filepath.Join(out, "index.html"))
		if !bytes.Equal(before, after) {
			t.Error("failed build changed the output")
		}
	})

	t.Run("import refuses to overwrite hand edits", func(t *testing.T) {
		matches, _ := filepath.Glob(filepath.Join(dir, "content", "*.md"))
		md, _ := os.ReadFile(matches[0])
		edited := append(md, []byte("\n读者自己加的一段。\n")...)
		if err := os.WriteFile(matches[0], edited, 0o644); err != nil {
			t.Fatal(err)
		}
		seed, err := os.ReadFile(filepath.Join(dir, "seeds", "seed.txt"))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, "seeds", "seed.txt"), append(seed, []byte("\n\n补充。\n")...), 0o644); err != nil {
			t.Fatal(err)
		}
		_, stderr, code := run(t, bin, "import", "--source", dir)
		if code != 1 || !strings.Contains(stderr, "--force") || !strings.Contains(stderr, "edited by hand") {
			t.Errorf("exit %d, stderr %q", code, stderr)
		}
		if now, _ := os.ReadFile(matches[0]); !bytes.Equal(now, edited) {
			t.Error("hand-edited file was changed")
		}
		if _, stderr, code = run(t, bin, "import", "--force", "--source", dir); code != 0 {
			t.Errorf("--force: exit %d: %s", code, stderr)
		}
		if now, _ := os.ReadFile(matches[0]); !strings.Contains(string(now), "补充。") {
			t.Error("--force did not re-import the changed seed")
		}
	})
}
