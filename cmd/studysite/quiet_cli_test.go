package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/studysite/studysite/internal/sitetest"
)

// warnedSite is a site folder whose build warns (an unknown setting) and
// imports the seed (an import line on stderr).
func warnedSite(t *testing.T, broken ...string) string {
	t.Helper()
	s := sitetest.Site{SeedAs: "seed.txt", Config: "title = \"x\"\nnot_a_setting = 1\n", Files: map[string]string{}}
	for _, name := range broken {
		s.Files["content/"+name] = "---\ntitle: [unclosed\n---\n正文\n"
	}
	return sitetest.TempDir(t, s)
}

func TestQuiet(t *testing.T) {
	bin := binary(t)
	tests := []struct {
		name       string
		args       []string
		broken     []string
		code       int
		stdoutHas  string   // "" means stdout must be empty
		stderrHas  []string // each in stderr
		stderrOnly []string // when set, stderr is exactly these lines
	}{
		{"build without --quiet prints the summary and the warning", []string{"build"}, nil, 0,
			"(1 warning)", []string{"studysite.toml:2: unknown setting", "imported seeds/seed.txt"}, nil},
		{"build --quiet prints nothing on success", []string{"build", "--quiet"}, nil, 0, "", nil, []string{}},
		{"build -q prints nothing on success", []string{"build", "-q", "--no-cache"}, nil, 0, "", nil, []string{}},
		{"import -q prints nothing on success", []string{"import", "-q"}, nil, 0, "", nil, []string{}},
		{"build -q prints every problem, each on its line with file:line", []string{"build", "-q"}, []string{"a.md", "b.md"}, 1, "", nil,
			[]string{"studysite: content/a.md:2: ", "studysite: content/b.md:2: "}},
		{"--quiet with --verbose is an error naming both", []string{"build", "-q", "-v"}, nil, 1, "",
			[]string{"--quiet", "--verbose"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := warnedSite(t, tt.broken...)
			stdout, stderr, code := run(t, bin, append(tt.args, "--source", dir)...)
			if code != tt.code {
				t.Fatalf("exit %d, want %d; stderr %q", code, tt.code, stderr)
			}
			if tt.stdoutHas == "" && stdout != "" || !strings.Contains(stdout, tt.stdoutHas) {
				t.Errorf("stdout %q, want %q", stdout, tt.stdoutHas)
			}
			for _, s := range tt.stderrHas {
				if !strings.Contains(stderr, s) {
					t.Errorf("stderr %q: no %q", stderr, s)
				}
			}
			if tt.stderrOnly != nil {
				lines := strings.Split(strings.TrimSuffix(stderr, "\n"), "\n")
				if stderr == "" {
					lines = nil
				}
				if len(lines) != len(tt.stderrOnly) {
					t.Fatalf("stderr %q: %d lines, want %d", stderr, len(lines), len(tt.stderrOnly))
				}
				for i, prefix := range tt.stderrOnly {
					if !strings.HasPrefix(lines[i], prefix) {
						t.Errorf("stderr line %d %q, want it to begin %q", i+1, lines[i], prefix)
					}
				}
			}
		})
	}
}

// TestProgressBarOnlyOnATerminal runs builds that would show the bar at
// once (STUDYSITE_PROGRESS_AFTER=0s): in a pipe, as the tests run, and
// on a terminal that script(1) gives the build.
func TestProgressBarOnlyOnATerminal(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("script(1) with -c is util-linux's")
	}
	scriptBin, err := exec.LookPath("script")
	if err != nil {
		t.Fatalf("script (util-linux) is needed to give the build a terminal: %v", err)
	}
	bin := binary(t)
	env := []string{"STUDYSITE_PROGRESS_AFTER=0s", "CI=", "TERM=xterm", "LC_ALL=C"}
	tests := []struct {
		name     string
		terminal bool
		args     string
		env      []string
		bar      bool
	}{
		{"in a pipe: plain lines", false, "build", env, false},
		{"on a terminal: the bar", true, "build --no-cache", env, true},
		{"on a terminal with --quiet: nothing", true, "build --no-cache -q", env, false},
		{"on a terminal in CI: plain lines", true, "build --no-cache", append(env, "CI=true"), false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := seedFolder(t)
			args := append(strings.Fields(tt.args), "--source", dir)
			var out string
			if tt.terminal {
				cmd := exec.Command(scriptBin, "-qec", bin+" "+strings.Join(args, " "), os.DevNull)
				cmd.Env = append(os.Environ(), tt.env...)
				b, err := cmd.CombinedOutput()
				if err != nil {
					t.Fatalf("%v: %s", err, b)
				}
				out = string(b)
			} else {
				stdout, stderr, code := runWithEnv(t, bin, "", tt.env, args...)
				if code != 0 {
					t.Fatalf("exit %d: %s", code, stderr)
				}
				out = stdout + stderr
			}
			bar := strings.Contains(out, msgStageImport.en) && strings.Contains(out, "\r")
			if bar != tt.bar {
				t.Errorf("bar shown: %t, want %t; output %q", bar, tt.bar, out)
			}
			if _, err := os.Stat(filepath.Join(dir, "public", "index.html")); err != nil {
				t.Error(err)
			}
		})
	}
}
